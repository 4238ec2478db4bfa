"""The events stage on sentences written for the tests, one family or rule at a time."""

from __future__ import annotations

import pytest

import communique
from communique.events.lexicon import lexicon


def events_of(text: str, date: str = "2024-03-12"):
    return communique.analyze(text, date=date).events


def countries(participants) -> set[str]:
    return {p.country for p in participants if p.country}


def the_event(text: str, type_: str, date: str = "2024-03-12"):
    found = [e for e in events_of(text, date) if e.type == type_]
    assert found, f"no {type_} event in: {text!r}"
    return found[0]


FAMILIES = [
    (
        "CONSULT",
        "Headline\n\nGerman Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Monday.",
    ),
    (
        "CONSULT",
        "Headline\n\nThe foreign ministers of India and China held talks in Moscow on Thursday.",
    ),
    ("CONSULT", "Headline\n\nPresident Joe Biden visited Poland last week."),
    (
        "CONSULT",
        "Headline\n\nTurkish President Recep Tayyip Erdogan had a telephone conversation with Russian President Vladimir Putin on Sunday.",
    ),
    # CAMEO 057 "sign formal agreement" is SUPPORT in PLOVER (CAMEO2PLOVER 2021).
    ("SUPPORT", "Headline\n\nIsrael and the United Arab Emirates signed an agreement on Tuesday."),
    ("AGREE", "Headline\n\nRussia and Ukraine reached an agreement on grain exports on Friday."),
    ("SUPPORT", "Headline\n\nThe European Union praised Kenya for its mediation efforts."),
    ("REQUEST", "Headline\n\nThe United Nations called on Myanmar to release political prisoners."),
    ("REQUEST", "Headline\n\nFrance urged Iran to return to the negotiating table."),
    ("ACCUSE", "Headline\n\nChina condemned the United States over the arms sale to Taiwan."),
    ("ACCUSE", "Headline\n\nUkraine accused Russia of shelling civilian areas."),
    ("REJECT", "Headline\n\nNorth Korea rejected the proposal from South Korea."),
    ("THREATEN", "Headline\n\nIran threatened Israel with retaliation."),
    ("PROTEST", "Headline\n\nThousands of protesters marched in Hong Kong on Sunday."),
    (
        "COERCE",
        "Headline\n\nPolice in Belarus arrested dozens of opposition activists on Saturday.",
    ),
    ("COERCE", "Headline\n\nThe Thai government imposed a curfew in Bangkok."),
    ("SANCTION", "Headline\n\nBritain expelled 23 Russian diplomats on Wednesday."),
    ("SANCTION", "Headline\n\nThe United States imposed sanctions on Iran."),
    ("MOBILIZE", "Headline\n\nRussia deployed troops to the border with Ukraine."),
    ("ASSAULT", "Headline\n\nIsraeli aircraft attacked targets in Gaza on Tuesday."),
    ("ASSAULT", "Headline\n\nA Saudi air strike hit a market in Yemen."),
    ("AID", "Headline\n\nJapan donated medical supplies to Turkey after the earthquake."),
    ("RETREAT", "Headline\n\nIsrael released 39 Palestinian prisoners on Friday."),
    ("RETREAT", "Headline\n\nRussia withdrew its troops from Kherson."),
    (
        "COOPERATE",
        "Headline\n\nIndia and the United States carried out joint military exercises in Rajasthan.",
    ),
    # CAMEO 055 "apologize" is SUPPORT in PLOVER.
    (
        "SUPPORT",
        "Headline\n\nThe Japanese government apologised to South Korea for its wartime conduct.",
    ),
]


@pytest.mark.parametrize(("type_", "text"), FAMILIES)
def test_every_trigger_family(type_, text):
    event = the_event(text, type_)
    assert event.actors or event.recipients
    assert event.cameo and event.quad in (1, 2, 3, 4)
    assert event.evidence and event.evidence in text


def test_lexicon_covers_all_sixteen_plover_types():
    entries = [e for entries in lexicon().by_lemma.values() for e in entries]
    entries += [e for phrases in lexicon().phrases.values() for _, e in phrases]
    types = {e.type for e in entries if e.is_event}
    assert len(types) == 16


def test_reciprocal_meeting_lists_all_parties_as_actors():
    event = the_event(
        "Headline\n\nThe Russian and Japanese top diplomats met in Moscow on January 14.",
        "CONSULT",
        "2019-01-29",
    )
    assert countries(event.actors) == {"RUS", "JPN"}
    assert event.recipients == []
    assert event.date == "2019-01-14"
    assert event.location is not None and event.location.name == "Moscow"
    assert event.status == "occurred"


def test_passive_voice_reverses_roles():
    event = the_event(
        "Headline\n\nA Ukrainian border post was attacked by Russian forces on Monday.", "ASSAULT"
    )
    assert "RUS" in countries(event.actors)


def test_negation():
    assert (
        the_event(
            "Headline\n\nThe Chinese and Indian ministers did not meet in Delhi.", "CONSULT"
        ).status
        == "negated"
    )


def test_future_is_planned():
    event = the_event("Headline\n\nPresident Macron will visit China next month.", "CONSULT")
    assert event.status == "planned"


def test_modal_is_hypothetical():
    event = the_event(
        "Headline\n\nThe European Union could impose sanctions on Belarus.", "SANCTION"
    )
    assert event.status == "hypothetical"


def test_nominal_event_with_possessive_actor():
    event = the_event(
        "Headline\n\nPresident Xi Jinping's visit to Russia began on Monday.", "CONSULT"
    )
    assert "CHN" in countries(event.actors)
    assert "RUS" in countries(event.recipients)


def test_same_event_told_twice_is_merged():
    text = (
        "World news\n\nRussian President Vladimir Putin and Japanese Prime Minister Shinzo Abe held talks on January 22.\n\n"
        "Other news followed.\n\nTalks between Putin and Abe were held in Moscow on January 22."
    )
    consults = [e for e in events_of(text, "2019-01-29") if e.type == "CONSULT"]
    assert len(consults) == 1
    assert len(consults[0].mentions) == 2
    assert consults[0].date == "2019-01-22"


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nThe striker attacked the goal twice in the second half of the match.",
        "Headline\n\nApple held merger talks with the startup's investors on Monday.",
        "Headline\n\nThe weather was mild in the capital all week.",
    ],
)
def test_sentences_that_yield_nothing(text):
    assert events_of(text) == []


def test_war_of_words_is_accuse_not_assault():
    events = events_of(
        "Headline\n\nThe war of words between Washington and Beijing escalated on Monday."
    )
    assert {e.type for e in events} == {"ACCUSE"}


def test_event_names_its_trigger_and_pattern():
    event = the_event("Headline\n\nGermany condemned the attack on the embassy.", "ACCUSE")
    assert event.trigger == "condemned"
    assert event.pattern == "verb:condemn"


def test_output_is_deterministic():
    text = "Headline\n\nFrance and Germany signed a treaty in Aachen. Russia attacked Ukraine."
    first = [e.model_dump() for e in events_of(text)]
    second = [e.model_dump() for e in events_of(text)]
    assert first == second


def test_a_conjunct_after_nor_is_negated():
    text = (
        "Headline\n\nThe ministry has issued no statement, nor condemned the attack on the embassy."
    )
    event = the_event(text, "ACCUSE")
    assert event.status == "negated"
