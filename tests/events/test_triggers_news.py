"""Triggers of news wording: the lexicon's entries and the grammar conditions behind them.

Each sentence is written for the test; each test names the entry or condition it checks.
"""

from __future__ import annotations

import pytest

from communique.events.intent import recode
from communique.events.triggers import find_triggers


def triggers(nlp, text: str) -> list[tuple[str, str, str]]:
    """(trigger text, PLOVER type, CAMEO code) of every trigger, after intent recoding."""
    doc = nlp(text)
    found = []
    for sentence in doc.sents:
        for match in find_triggers(sentence):
            match = recode(match)
            found.append((match.text, match.entry.type, match.entry.cameo))
    return found


def types(nlp, text: str) -> list[str]:
    return [t for _, t, _ in triggers(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("South Africa deplored the bomb blasts in Nairobi.", "ACCUSE"),
        ("Russian officials assailed Ukraine for the naval exercises.", "ACCUSE"),
        ("The opposition leader was sharply critical of the budget.", "ACCUSE"),
        ("The senator poured scorn on the intelligence agencies.", "ACCUSE"),
        ("The candidate cast the blame on his rivals.", "ACCUSE"),
        ("The minister has faced fierce criticism over the deal.", "ACCUSE"),
        ("The mayor spoke out against the new border fence.", "ACCUSE"),
        ("The president expressed frustration with his allies.", "ACCUSE"),
    ],
)
def test_words_of_disapproval_are_accusations(nlp, text, expected):
    assert expected in types(nlp, text)


def test_a_blame_or_charge_that_is_no_accusation_codes_nothing(nlp):
    assert types(nlp, "He took the blame for the defeat.") == []
    assert types(nlp, "The soldier did his duty.") == []


@pytest.mark.parametrize(
    "text",
    [
        "A court in Baku sentenced the journalist to six years in prison.",
        "The court convicted the former minister of fraud.",
        "The journalist is serving a five-year sentence.",
        "Seventeen people have been indicted in the case.",
        "The editor was charged with tax evasion.",
        "Prosecutors charged the editor with tax evasion.",
        "Russia annexed the peninsula in 2014.",
    ],
)
def test_legal_action_and_annexation_are_coercion(nlp, text):
    assert "COERCE" in types(nlp, text)


def test_a_charge_without_legal_action_is_an_accusation(nlp):
    found = triggers(nlp, "Serbia charged its neighbour with supporting dissidents.")
    assert ("charged", "ACCUSE", "112") in found


def test_a_coordinated_verb_shares_its_conjuncts_subject(nlp):
    # "Police" is the subject of "arrested" only; "charged" shares it.
    found = triggers(nlp, "Police arrested the editor and charged him with fraud.")
    assert ("charged", "COERCE", "173") in found


def test_tariffs_are_coercion_and_announced_tariffs_a_threat(nlp):
    assert ("tariffs", "COERCE", "163") in triggers(
        nlp, "The new tariffs on steel took effect on Friday."
    )
    assert ("duties", "COERCE", "163") in triggers(
        nlp, "Beijing announced import duties on American goods."
    )
    assert "THREATEN" in types(nlp, "Washington said it would impose duties on Chinese imports.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The trade representative called the new tariffs "unjustified".', "ACCUSE"),
        ("The senator described the elections as rigged.", "ACCUSE"),
        ("The minister branded the protesters terrorists.", "ACCUSE"),
        ("The president called the talks constructive.", "SUPPORT"),
        ("The premier described the accord as a historic breakthrough.", "SUPPORT"),
        ("The spokesman called the vote not legitimate.", "ACCUSE"),
    ],
)
def test_a_verb_of_naming_takes_its_predicatives_polarity(nlp, text, expected):
    assert expected in types(nlp, text)


def test_a_verb_of_naming_without_an_evaluative_predicative_codes_nothing(nlp):
    assert types(nlp, "The chairman called the session to order.") == []
    assert types(nlp, "Reporters described the scene in detail.") == []


@pytest.mark.parametrize(
    "text",
    [
        "They discussed a broad treaty, which the two presidents signed last May.",
        "The accord signed by the two ministers ends the dispute.",
        "The two leaders signed an economic cooperation plan on Friday.",
        "The Ukrainian parliament has already ratified it.",
        "The upper house voted in favor of the enlargement.",
        "The party's leader gave the candidate an influential endorsement.",
    ],
)
def test_signing_ratifying_and_endorsing_are_support(nlp, text):
    assert "SUPPORT" in types(nlp, text)


def test_the_object_of_a_relative_clause_or_participle_is_the_noun_it_modifies(nlp):
    # "signed" has "which" as its object, standing for "the pact"; with "the bill" the
    # verb signs nothing the lexicon lists.
    assert types(nlp, "The pact which they signed in May holds.") == ["SUPPORT"]
    assert types(nlp, "The letter which they signed in May was published.") == []


def test_backing_armed_forces_is_military_cooperation_backing_a_policy_support(nlp):
    assert ("backed", "COOPERATE", "062") in triggers(
        nlp, "Government forces, backed by Russian aircraft, advanced on the town."
    )
    assert ("backed", "SUPPORT", "051") in triggers(
        nlp, "Britain is the one ally who has backed his threat of force."
    )


def test_voting_against_is_a_rejection(nlp):
    assert "REJECT" in types(nlp, "The senators voted against the resolution.")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot two police officers in the town.",
        "Militants gunned down a village elder.",
        "The attacker stabbed a priest at the church.",
        "The teenagers tried to blow up a market.",
        "Gunmen fired on a security patrol.",
        "Rebels ambushed an army convoy.",
        "The army pressed its military operations in the region.",
        "Two killings were blamed on the group.",
    ],
)
def test_common_verbs_and_nouns_of_violence_are_assaults(nlp, text):
    assert "ASSAULT" in types(nlp, text)


def test_shooting_a_film_is_no_assault(nlp):
    assert types(nlp, "The crew shot a film in the village.") == []


def test_a_participle_misparsed_as_a_modifier_with_its_own_subject_is_a_verb(nlp):
    # "alleged" with the subject "Iraq" is the verb, not "the alleged spy".
    assert "ACCUSE" in types(nlp, "Iraq alleged Ritter was an American spy.")
    assert "ACCUSE" not in types(nlp, "The alleged spy left the country.")


def test_lashing_out_is_an_accusation(nlp):
    assert "ACCUSE" in types(nlp, "The candidate lashed out at the grieving family.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two foreign ministers spoke by telephone on Monday.", "CONSULT"),
        ("The minister later spoke with the U.S. Secretary of State.", "CONSULT"),
        ("The president's trip to Britain ended on Sunday.", "CONSULT"),
        ("The prime minister departs for Germany today.", "CONSULT"),
        ("NATO decided to invite the three countries to start accession talks.", "AGREE"),
        (
            "The president assured his counterpart that Ukraine would not join the alliance.",
            "AGREE",
        ),
        ("North Korea has conducted a fourth nuclear test.", "MOBILIZE"),
        ("The United States is bolstering its military presence in the Gulf.", "MOBILIZE"),
        ("Ukraine held joint naval exercises with NATO.", "COOPERATE"),
        ("The guerrillas formed an alliance with the resistance forces.", "COOPERATE"),
        ("Iran has committed advisers to the government side.", "AID"),
        ("Washington contributed $3 million in assistance to the two countries.", "AID"),
        ("It was an effective surrender by the rebel fighters.", "RETREAT"),
    ],
)
def test_news_wording_of_meetings_promises_forces_and_aid(nlp, text, expected):
    assert expected in types(nlp, text)


def test_speaking_with_reporters_is_no_meeting(nlp):
    assert "CONSULT" not in types(nlp, "A spokesman, speaking with reporters, gave no details.")


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin released a statement on Friday.",
        "The church released a video of the service.",
        "The agency will meet the deadline.",
        "The leaders want to demonstrate their resolve.",
        "The country has the right to defend itself.",
        "The ministry will defend its rights at the WTO.",
        "The great-uncle is fighting in the courts to keep the boy.",
        "China will fight the United States on trade.",
        "The FBI agrees with the CIA's conclusion.",
        "Russia tried to hack into the computers of army officers.",
    ],
)
def test_wording_that_names_no_political_event(nlp, text):
    assert types(nlp, text) == []


def test_defending_anothers_right_and_welcoming_to_a_place(nlp):
    assert types(nlp, "The United States defended the right of Russian troops to stay.") == [
        "SUPPORT"
    ]
    assert ("welcomed", "CONSULT", "043") in triggers(
        nlp, "Obama welcomed the leaders to the White House for a dinner."
    )


def test_opposing_a_proposal_is_a_rejection_a_stance_is_not(nlp):
    assert "REJECT" in types(nlp, "The rebels opposed the peace plan on Friday.")
    assert "REJECT" not in types(nlp, "The leadership has staunchly opposed the expansion.")


def test_an_obligation_of_others_is_a_demand_of_the_speaker_itself_is_not(nlp):
    assert "REQUEST" in types(nlp, "The minister said that Iran must release the sailors.")
    assert "REQUEST" not in types(nlp, "The ministry said it must adopt new countermeasures.")
    assert "REQUEST" not in types(nlp, '"We must find those responsible," the president said.')


def test_a_vow_gives_way_to_the_threat_it_announces(nlp):
    assert types(nlp, "China vowed to fight the United States at any cost.") == ["THREATEN"]
    # a vow that announces no coded action stays a promise
    assert types(nlp, "The minister vowed to stand with his allies.") == ["AGREE"]


def test_whatever_is_threatened_is_a_threat(nlp):
    found = triggers(nlp, "Trump is threatening to pull out of NATO if he is elected.")
    assert {t for _, t, _ in found} == {"THREATEN"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The senator attacked the president's remarks on immigration.", "ACCUSE"),
        ("The candidate attacked his rival over the tax plan.", "ACCUSE"),
        ("The minister launched a scathing personal attack on the premier.", "ACCUSE"),
        ("The opposition questioned the legitimacy of the vote.", "ACCUSE"),
        ("Police rounded up dozens of activists.", "COERCE"),
        ("The 12-year-old is now in custody.", "COERCE"),
        ("The trial of the former minister opened on Monday.", "COERCE"),
        ("Authorities cracked down on the independent press.", "COERCE"),
        ("The president paid tribute to the soldiers.", "SUPPORT"),
        ("The plan won the backing of the European Union.", "SUPPORT"),
    ],
)
def test_more_news_wording_of_blame_coercion_and_praise(nlp, text, expected):
    assert expected in types(nlp, text)


def test_an_armed_attack_stays_an_assault(nlp):
    assert types(nlp, "Rebels attacked the army base over the weekend.") == ["ASSAULT"]


def test_deaths_in_accidents_and_disasters_are_no_assault(nlp):
    assert types(nlp, "Twelve people were killed in a bus crash on the highway.") == []
    assert types(nlp, "A clinical trial of the vaccine began.") == []


def test_hyphenated_entries_match_the_words_spacy_splits(nlp):
    assert ("cease-fire", "RETREAT", "0871") in triggers(nlp, "A cease-fire took effect on Monday.")
    assert "SUPPORT" in types(nlp, "A resolution, co-sponsored by Kenya and Tanzania, passed.")
    assert "ASSAULT" in types(nlp, "The rebels violated the cease-fire.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The president mocked the reporter at the rally.", "ACCUSE"),
        ("The minister blasted the opposition's budget.", "ACCUSE"),
        ("The senator railed against the trade deal.", "ACCUSE"),
        ("The general staged a coup against the prime minister.", "COERCE"),
        ("Riot police prevented the marchers from entering the square.", "COERCE"),
        ("The court barred the candidate from running.", "COERCE"),
        ("The lawmakers sided with the president.", "SUPPORT"),
        ("The party rallied behind its leader.", "SUPPORT"),
        ("The government embraced the peace plan.", "SUPPORT"),
    ],
)
def test_still_more_news_wording(nlp, text, expected):
    assert expected in types(nlp, text)


def test_a_bomb_that_blasts_is_an_assault_a_diplomatic_offensive_none(nlp):
    assert "ASSAULT" in types(nlp, "A car bomb blasted the police station.")
    assert types(nlp, "The ministry launched a diplomatic offensive.") == []


@pytest.mark.parametrize(
    "text",
    [
        "They say IRA commanders are responsible for the recent bomb attacks.",
        "The minister said Russia was behind the poisoning.",
        "The report concluded that the agency had been extremely careless.",
        "He said the government was guilty of war crimes.",
    ],
)
def test_a_reported_clause_that_blames_a_party_is_an_accusation(nlp, text):
    assert "ACCUSE" in types(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the attack was horrific.",
        "He said he was responsible for the budget.",
        "The minister said the ministry was responsible for the budget.",
        "The spokesman said it was guilty of nothing.",
    ],
)
def test_a_reported_clause_without_blame_of_another_party_is_none(nlp, text):
    assert "ACCUSE" not in types(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China and Russia will continue to strengthen coordination.", "AGREE"),
        ("The two countries agreed to deepen cooperation on security.", "AGREE"),
        ("Kiev and Warsaw worked together on the border crossing.", "COOPERATE"),
        ("The guerrillas said the remains would be turned over to the British Embassy.", "AGREE"),
        ("The militia handed over the prisoners on Sunday.", "RETREAT"),
    ],
)
def test_cooperation_and_handing_over(nlp, text, expected):
    assert expected in types(nlp, text)
