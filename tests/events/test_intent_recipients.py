"""Statements of intent, recipients found beyond the direct object, and the PLOVER lexicon
entries for AGREE, AID, RETREAT, THREATEN, SANCTION and SUPPORT; sentences written here."""

from __future__ import annotations

import pytest

import communique
from communique.events.intent import intent_table


def events_of(text: str):
    return communique.analyze("Headline\n\n" + text, date="2024-03-12").events


def countries(participants) -> set[str]:
    return {p.country for p in participants if p.country}


def main(text: str):
    """The sentence's main event, as the evaluation picks it."""
    found = events_of(text)
    assert found, f"no event in: {text!r}"
    return sorted(found, key=lambda e: (-(e.confidence or 0), e.start, e.id))[0]


def of_type(text: str, type_: str):
    found = [e for e in events_of(text) if e.type == type_]
    assert found, f"no {type_} event in: {text!r}"
    return found[0]


# --- statements of intent -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Japan will provide humanitarian aid to Turkey.", "AGREE"),
        ("France is ready to contribute troops to the peacekeeping force.", "AGREE"),
        ("Norway is willing to send weapons to Ukraine.", "AGREE"),
        ("Egypt is prepared to release the Israeli prisoners.", "AGREE"),
        ("The United States will impose sanctions on Iran.", "THREATEN"),
        ("China may halt its mediation efforts.", "THREATEN"),
        ("Russia plans to impose restrictions on Polish goods.", "THREATEN"),
        ("Israel will not release the Palestinian prisoners.", "REJECT"),
    ],
)
def test_announced_actions_are_coded_as_the_statement(text, type_):
    event = main(text)
    assert event.type == type_
    assert event.pattern.endswith("~intent")
    assert event.status == "occurred"  # the statement was made
    assert event.cameo.startswith({"AGREE": "03", "THREATEN": "13", "REJECT": "12"}[type_])


def test_actions_done_keep_their_own_type():
    assert main("Japan provided humanitarian aid to Turkey.").type == "AID"
    assert main("The United States imposed sanctions on Iran.").type == "SANCTION"
    assert main("Israel released the Palestinian prisoners.").type == "RETREAT"


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a guess about the past is no announcement
        ("Russian troops may have killed dozens of Ukrainian civilians.", "ASSAULT"),
        # a negated past action is no refusal
        ("Israel did not release the prisoners.", "RETREAT"),
    ],
)
def test_what_is_not_an_announcement(text, type_):
    event = main(text)
    assert event.type == type_
    assert not event.pattern.endswith("~intent")


def test_a_noun_after_a_preposition_is_not_announced():
    types = {e.type for e in events_of("France will call for sanctions against Iran.")}
    assert "THREATEN" not in types
    assert "REQUEST" in types


def test_planned_meetings_stay_consult():
    event = main("The foreign ministers of Russia and Japan will meet in Moscow next week.")
    assert event.type == "CONSULT"
    assert event.status == "planned"


def test_a_noun_undone_by_its_verb_is_not_announced():
    """ "agreed to postpone the rally" announces no protest and no threat."""
    types = {e.type for e in events_of("The Georgian opposition agreed to postpone the rally.")}
    assert "THREATEN" not in types
    assert "AGREE" in types


def test_intent_tables_name_known_cameo_codes():
    from communique import cameo

    table = intent_table()
    for by_type, by_code in table.recoding.values():
        for code in (*by_type.values(), *by_code.values()):
            assert code in cameo.table(), code
    assert table.target("AID", "073", negated=False) == ("AGREE", "0333")
    assert table.target("SANCTION", "163", negated=False) == ("THREATEN", "1312")
    assert table.target("RETREAT", "0841", negated=True) == ("REJECT", "1243")
    assert table.target("CONSULT", "040", negated=False) is None


# --- recipients ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        # an indirect object
        ("Germany offered Poland military assistance.", "POL"),
        # whom aid is for
        ("Japan sent a shipment of medicine for Haiti.", "HTI"),
        ("Japan will provide 10 million dollars of aid for Haiti.", "HTI"),
        # a preposition on the complement's object
        ("Iran threatened to cut off gas supplies to Armenia.", "ARM"),
        ("Pakistan threatened to break off diplomatic relations with Israel.", "ISR"),
        ("France threatened to impose import restrictions against German goods.", "DEU"),
        # "from X" when nothing closer names the party
        ("The Albanians are demanding autonomy from Serbian authorities.", "SRB"),
        # the place the action falls on when nothing else names a party
        ("Israel reimposed blockades in the West Bank.", "PSE"),
        ("Iraqi President Saddam Hussein arrived in Amman on Wednesday.", "JOR"),
    ],
)
def test_recipients_beyond_the_direct_object(text, recipient):
    event = main(text)
    assert recipient in countries(event.recipients), event


def test_a_reported_pronoun_stands_for_the_speaker():
    event = main("Iraq said it would allow U.N. inspectors to return.")
    assert "IRQ" in countries(event.actors)


def test_a_named_modifier_makes_the_party():
    event = of_type("The NATO alliance condemned Russia on Monday.", "ACCUSE")
    assert countries(event.actors) == {"IGO"}
    assert countries(event.recipients) == {"RUS"}


def test_the_subject_of_an_adjective_of_intent_acts():
    event = main("Norway is willing to send weapons to Ukraine.")
    assert countries(event.actors) == {"NOR"}
    assert "UKR" in countries(event.recipients)


# --- lexicon entries from PLOVER's definitions ------------------------------------------


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Germany withdrew its ambassador from Russia.", "SANCTION"),
        ("Spain closed its embassy in Syria.", "SANCTION"),
        ("China halted its mediation efforts between the two sides.", "SANCTION"),
        ("Swiss doctors handed over 700 kg of medicine to the Red Cross.", "AID"),
        ("Italy supplied arms to Ukraine.", "AID"),
        ("Sudan allowed U.N. observers into Darfur.", "RETREAT"),
        ("The rebels returned the seized weapons to the army.", "RETREAT"),
        ("Uganda ratified the treaty.", "SUPPORT"),
        ("Argentina apologized to Brazil.", "SUPPORT"),
        ("The government met the demands of the strikers.", "CONCEDE"),
    ],
)
def test_plover_lexicon_entries(text, type_):
    assert of_type(text, type_).cameo
