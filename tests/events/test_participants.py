"""Participants read the way a careful reader does, one event per source–target dyad."""

from __future__ import annotations

import pytest

import communique
from communique.events.dyads import directed_dyads, parties, reciprocal_dyads
from communique.model import Participant

HEADLINE = "World news in brief\n\n"


def events_of(sentence: str, type_: str, date: str = "2024-03-12"):
    report = communique.analyze(HEADLINE + sentence, date=date)
    return [e for e in report.events if e.type == type_]


def dyads_of(events) -> set[tuple[frozenset[str], frozenset[str]]]:
    return {
        (
            frozenset(p.country for p in e.actors if p.country),
            frozenset(p.country for p in e.recipients if p.country),
        )
        for e in events
    }


def test_a_subject_meeting_several_counterparts_is_one_meeting_each():
    found = events_of(
        "Italian Prime Minister Giorgia Meloni met her counterparts from Spain, Greece and "
        "Portugal in Rome on Friday.",
        "CONSULT",
    )
    assert dyads_of(found) == {
        (frozenset({"ITA", "ESP"}), frozenset()),
        (frozenset({"ITA", "GRC"}), frozenset()),
        (frozenset({"ITA", "PRT"}), frozenset()),
    }


def test_parties_named_together_meet_pairwise():
    found = events_of(
        "The foreign ministers of Kenya, Uganda and Tanzania met in Arusha on Monday.", "CONSULT"
    )
    assert dyads_of(found) == {
        (frozenset({"KEN", "UGA"}), frozenset()),
        (frozenset({"KEN", "TZA"}), frozenset()),
        (frozenset({"UGA", "TZA"}), frozenset()),
    }


def test_coordinated_targets_give_one_event_each():
    found = events_of("Egypt accused Turkey and Qatar of supporting militants.", "ACCUSE")
    assert dyads_of(found) == {
        (frozenset({"EGY"}), frozenset({"TUR"})),
        (frozenset({"EGY"}), frozenset({"QAT"})),
    }


def test_passive_agent_inside_an_event_noun():
    found = events_of(
        "Three villagers were killed by shelling from Azerbaijani forces near the border, "
        "Armenian officials said.",
        "ASSAULT",
    )
    assert any("AZE" in {p.country for p in e.actors} for e in found)


def test_an_event_noun_acting_is_read_with_its_verb_as_one_event():
    found = events_of(
        "A Turkish drone strike on Qamishli killed four fighters on Sunday.", "ASSAULT"
    )
    assert len(found) == 1
    assert "TUR" in {p.country for p in found[0].actors}


def test_relative_clause_subject_is_the_noun_described():
    found = events_of(
        "Kenyan President William Ruto, who arrived in Addis Ababa on Friday, held talks with "
        "the Ethiopian leader.",
        "CONSULT",
    )
    visit = [e for e in found if e.trigger == "arrived"]
    assert visit and {p.country for p in visit[0].actors} == {"KEN"}


def test_a_date_after_on_does_not_hide_the_complement_clause():
    found = events_of("Beijing on Tuesday demanded that Manila withdraw its ships.", "REQUEST")
    assert dyads_of(found) == {(frozenset({"CHN"}), frozenset({"PHL"}))}


def test_the_country_of_a_place_acted_on():
    found = events_of("Russian forces shelled the city of Kherson overnight.", "ASSAULT")
    assert any("UKR" in {p.country for p in e.recipients} for e in found)


def test_of_after_a_directed_event_noun_is_its_target():
    found = events_of(
        "The Ethiopian invasion of Somalia began in December.", "ASSAULT", "2007-01-10"
    )
    assert dyads_of(found) == {(frozenset({"ETH"}), frozenset({"SOM"}))}


def _p(name: str, country: str | None = None) -> Participant:
    return Participant(name=name, country=country)


def test_uncoded_participants_join_the_first_coded_party():
    assert [[p.name for p in g] for g in parties([_p("Gaza", "PSE"), _p("five people")])] == [
        ["Gaza", "five people"]
    ]


@pytest.mark.parametrize(
    ("actors", "recipients", "expected"),
    [
        ([_p("US", "USA"), _p("UK", "GBR")], [_p("Iran", "IRN")], 2),
        ([_p("Putin", "RUS"), _p("Lavrov", "RUS")], [_p("Abe", "JPN")], 1),
        ([_p("police")], [], 1),
    ],
)
def test_directed_dyads(actors, recipients, expected):
    assert len(directed_dyads(actors, recipients)) == expected


def test_reciprocal_dyads_of_a_long_list_stay_grouped():
    names = [_p(code, code) for code in ("AAA", "BBB", "CCC", "DDD", "EEE")]
    assert len(reciprocal_dyads(names, [])) == 1
    assert len(reciprocal_dyads(names[:3], [])) == 3


def test_a_state_protesting_complains_rather_than_demonstrates():
    text = "Vietnam protested to China over the survey ship on Tuesday."
    assert events_of(text, "ACCUSE") and not events_of(text, "PROTEST")
    assert events_of("Thousands of students protested in Hanoi on Tuesday.", "PROTEST")


def test_opponents_of_someone_are_not_that_someone():
    found = events_of(
        "Opponents of President Nicolas Maduro accused the Venezuelan government of fraud.",
        "ACCUSE",
        "2019-01-10",
    )
    assert found
    assert all("Nicolas Maduro" not in {p.name for p in e.actors} for e in found)


def test_aid_given_as_something_reaches_who_it_goes_to():
    found = events_of(
        "Norway has contributed $5 million in assistance to Ethiopia.", "AID", "2021-05-02"
    )
    assert any("ETH" in {p.country for p in e.recipients} for e in found)


def test_coordinated_verbs_share_their_object():
    found = events_of(
        "Brazil supports and wants Angola to join the trade bloc.", "SUPPORT", "2021-05-02"
    )
    assert any("AGO" in {p.country for p in e.recipients} for e in found)


def test_a_noun_event_carried_by_in_takes_the_verb_target():
    found = events_of(
        "In another attack, Houthi rebels fired on a Saudi patrol near the border.", "ASSAULT"
    )
    assert any("SAU" in {p.country for p in e.recipients} for e in found)


def test_domestic_agents_belong_where_the_story_happens():
    report = communique.analyze(
        "Gunmen attack police post\n\nKARAK, Jordan (AP) — Gunmen fired on a police post in "
        "Karak on Sunday, wounding two officers, officials said.",
        date="2016-12-18",
    )
    attacks = [e for e in report.events if e.type == "ASSAULT"]
    assert attacks and all("JOR" in {p.country for p in e.actors} for e in attacks)


def test_people_coordinated_after_their_countries_are_all_parties():
    found = events_of(
        "Presidents Emmerson Mnangagwa of Zimbabwe and Cyril Ramaphosa of South Africa "
        "met in Harare on Friday.",
        "CONSULT",
        "2019-05-10",
    )
    assert dyads_of(found) == {(frozenset({"ZWE", "ZAF"}), frozenset())}


def test_the_agents_of_a_participle_act_on_the_noun_it_describes():
    found = events_of(
        "The accord, signed by Sudan and South Sudan in Addis Ababa, ended the fighting.",
        "SUPPORT",
        "2012-09-28",
    )
    assert any({"SDN", "SSD"} <= {p.country for p in e.actors + e.recipients} for e in found)


def test_a_threat_is_made_to_the_party_of_its_condition():
    found = events_of(
        "Ethiopia threatened to close the border unless Eritrea withdrew its troops.",
        "THREATEN",
        "1999-02-01",
    )
    assert any("ERI" in {p.country for p in e.recipients} for e in found)


def test_a_participle_of_stance_keeps_its_subject_as_actor():
    found = events_of(
        "The minister said Ghana is committed to opening talks with Togo.", "AGREE", "2019-03-01"
    )
    assert any("GHA" in {p.country for p in e.actors} for e in found)


def test_what_an_accusation_alleges_is_no_event_of_its_own():
    text = "Pakistan accused India of shelling villages along the border in Kashmir."
    assert events_of(text, "ACCUSE", "2002-03-05")
    assert not events_of(text, "ASSAULT", "2002-03-05")


def test_out_of_names_what_is_left():
    found = events_of("Burundi threatened to pull out of the African Union.", "THREATEN")
    assert any("IGO" in {p.country for p in e.recipients} for e in found)


def test_a_joint_meeting_pairs_every_party():
    found = events_of(
        "Obama held a joint meeting with Japanese Prime Minister Shinzo Abe and South Korean "
        "President Park Geun-hye on Thursday.",
        "CONSULT",
        "2016-04-01",
    )
    pairs = {frozenset(p.country for p in e.actors) for e in found}
    assert frozenset({"JPN", "KOR"}) in pairs


def test_a_hub_dateline_gives_way_to_the_country_the_places_are_in():
    # Syria holds fewer than half of the place mentions, but more than twice any other.
    report = communique.analyze(
        "Evacuation halted\n\nBEIRUT (AP) — Rebels in Aleppo shelled government positions "
        "near Idlib on Wednesday. Russia and Iran back the government, and Turkey backs the "
        "rebels. The fighting in Aleppo and Homs went on, and Lebanon closed its border.",
        date="2016-12-14",
    )
    backing = [e for e in report.events if e.type == "SUPPORT"]
    assert [[p.country for p in e.recipients] for e in backing] == [["SYR"]]


def test_the_dominant_country_of_the_place_mentions():
    from collections import Counter

    from communique.entities.coding import dominant_country

    assert dominant_country(Counter({"SYR": 6, "RUS": 3, "LBN": 2, "IRN": 2})) == "SYR"
    assert dominant_country(Counter({"SYR": 3, "LBN": 2})) == "SYR"  # more than half
    assert dominant_country(Counter({"SYR": 4, "RUS": 3, "LBN": 2})) is None
    assert dominant_country(Counter({"SYR": 1})) is None


def test_the_target_of_an_event_noun_after_its_date():
    # the parser hangs "at the ... embassies" on the date "Nov. 3"
    found = events_of(
        "The coordinated bombings Nov. 3 at the Israeli embassies in Lima and Quito, Ecuador, "
        "killed 40 people.",
        "ASSAULT",
    )
    assert any("ISR" in {p.country for p in e.recipients} for e in found)


def test_an_event_noun_falls_at_its_target():
    found = events_of(
        "A rocket attack Tuesday at the Turkish consulate in Mosul wounded three guards.",
        "ASSAULT",
    )
    assert any("TUR" in {p.country for p in e.recipients} for e in found)


def test_us_written_in_capitals_is_the_country_not_the_speaker():
    found = events_of("Zarif said Tehran had warned US against any attack.", "THREATEN")
    assert dyads_of(found) == {(frozenset({"IRN"}), frozenset({"USA"}))}


def test_counted_parties_stand_for_the_ones_just_named():
    found = events_of(
        "Floods hit Malawi and Mozambique last week. Japanese Prime Minister Fumio Kishida "
        "said Japan has contributed $3 million in humanitarian aid to the two countries.",
        "AID",
    )
    assert dyads_of(found) == {
        (frozenset({"JPN"}), frozenset({"MWI"})),
        (frozenset({"JPN"}), frozenset({"MOZ"})),
    }


def test_three_counted_parties_need_a_coordination_of_three():
    found = events_of(
        "Slovakia, Romania and Bulgaria hope to join the alliance soon. NATO decided last "
        "year to invite the three eastern European countries to start accession talks.",
        "AGREE",
    )
    assert {c for e in found for p in e.recipients for c in [p.country]} == {
        "SVK",
        "ROU",
        "BGR",
    }


def test_the_two_presidents_are_the_two_named_before():
    found = events_of(
        "Presidents Ilham Aliyev of Azerbaijan and Recep Tayyip Erdogan of Turkey met in "
        "Baku. Later the two presidents signed a defence pact.",
        "SUPPORT",
        "2021-06-15",
    )
    assert found and {"AZE", "TUR"} <= {p.country for e in found for p in e.actors}


def test_an_adjective_is_about_the_party_after_of():
    found = events_of(
        "Polish President Andrzej Duda was sharply critical of Germany's energy policy.",
        "ACCUSE",
    )
    assert dyads_of(found) == {(frozenset({"POL"}), frozenset({"DEU"}))}


def _ps(name: str, country: str, sector: str | None) -> Participant:
    return Participant(name=name, country=country, sector=sector)


def test_parties_of_one_country_differ_by_sector():
    groups = parties(
        [
            _ps("police officers", "EGY", "COP"),
            _ps("civilian", "EGY", "CVL"),
            _ps("Cairo", "EGY", None),  # no sector: with the first party of its country
            _ps("policemen", "EGY", "COP"),
        ]
    )
    assert [[p.name for p in g] for g in groups] == [
        ["police officers", "policemen", "Cairo"],
        ["civilian"],
    ]
    assert len(directed_dyads([_ps("Putin", "RUS", "GOV"), _ps("Lavrov", "RUS", "GOV")], [])) == 1


def test_victims_of_two_sectors_are_two_events():
    found = events_of(
        "A car bomb killed four soldiers and a civilian in Mogadishu on Sunday, Somali "
        "officials said.",
        "ASSAULT",
    )
    assert len(found) == 2


def test_a_rebel_group_meeting_its_own_army_is_a_meeting():
    found = events_of(
        "Sudanese rebels held talks with Sudanese government officials in Juba on Monday.",
        "CONSULT",
    )
    assert len(found) == 1 and len(found[0].actors) == 2


def test_a_person_the_parser_hangs_on_the_next_name_is_coordinated():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from communique.events.participants import _stranded_conjuncts

    # "with Turkey President Erdogan and Iran President Rouhani", Erdogan parsed as a
    # modifier of Rouhani's name (as the small English model does)
    words = ["with", "Turkey", "President", "Erdogan", "and", "Iran", "President", "Rouhani"]
    heads = [0, 3, 3, 7, 3, 3, 7, 0]
    deps = ["ROOT", "compound", "compound", "nmod", "cc", "conj", "compound", "pobj"]
    ents = ["O", "B-GPE", "O", "B-PERSON", "O", "B-GPE", "O", "B-PERSON"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, ents=ents)
    assert [t.text for t in _stranded_conjuncts(doc[7])] == ["Erdogan"]
    assert _stranded_conjuncts(doc[3]) == []


def test_what_is_given_is_no_recipient_and_a_side_is_its_party():
    found = events_of("Turkey has committed military advisers to the government side.", "AID")
    names = {p.name for e in found for p in e.recipients}
    assert "military advisers" not in names and "government" in names


def test_a_bare_group_noun_is_the_group_described_before():
    found = events_of(
        "UN nuclear inspectors landed in Tehran on Monday. Iran agreed to give inspectors access "
        "to the Fordow site.",
        "AGREE",
        "2023-03-06",
    )
    assert dyads_of(found) == {(frozenset({"IRN"}), frozenset({"IGO"}))}


@pytest.mark.parametrize(
    ("sentence", "type_", "dyad"),
    [
        (
            "The European Union refused to ease the restrictions imposed on Belarus.",
            "REJECT",
            ("IGO", "BLR"),
        ),
        (
            "Seoul praised the efforts made by Beijing to restart the talks.",
            "SUPPORT",
            ("KOR", "CHN"),
        ),
    ],
)
def test_the_party_of_a_participle_on_the_object(sentence, type_, dyad):
    found = events_of(sentence, type_)
    assert (frozenset({dyad[0]}), frozenset({dyad[1]})) in dyads_of(found)


def test_a_call_for_something_is_about_the_party_of_what_is_called_for():
    found = events_of(
        "Kenyan senator Moses Wetangula called for the expulsion of the Chinese ambassador.",
        "REQUEST",
    )
    assert dyads_of(found) == {(frozenset({"KEN"}), frozenset({"CHN"}))}


def test_a_group_with_a_nationality_keeps_its_sector():
    found = events_of("Jordanian protesters called for the resignation of the minister.", "REQUEST")
    assert [(p.country, p.sector) for e in found for p in e.actors] == [("JOR", "CVL")]


def test_an_attack_an_accusation_is_about_is_told_as_fact():
    found = events_of(
        "Kenya's president condemned the bomb attacks on the French embassy in Nairobi.",
        "ASSAULT",
    )
    assert any("FRA" in {p.country for p in e.recipients} for e in found)


def test_what_an_accusation_alleges_is_no_event():
    assert not events_of("Egypt accused Turkey of attacking its embassy.", "ASSAULT")


def test_an_uncoded_group_acts_beside_a_coded_party():
    found = events_of("Organizers of the march thanked Canada for its support.", "SUPPORT")
    assert [p.name for e in found for p in e.actors] == ["Organizers"]
    assert [p.country for e in found for p in e.recipients] == ["CAN"]


def test_agent_nouns_name_people_but_agreements_do_not():
    from communique.events.participants import names_people
    from communique.nlp import load

    doc = load()("The organizers signed the agreement at the border.")
    assert names_people(doc[1])
    assert not names_people(doc[4]) and not names_people(doc[7])


def test_an_agreement_signed_by_two_states_is_one_event():
    found = events_of("China and Czechia signed an agreement on trade.", "SUPPORT")
    assert dyads_of(found) == {(frozenset({"CHN", "CZE"}), frozenset())}


def test_who_faces_criticism_undergoes_it():
    found = events_of("Kenya's foreign minister has faced criticism from Somalia.", "ACCUSE")
    assert dyads_of(found) == {(frozenset({"SOM"}), frozenset({"KEN"}))}


def test_a_named_body_modifying_an_event_noun_holds_it():
    found = events_of("Delegates attended a NATO summit meeting in Vilnius in July.", "CONSULT")
    assert [[p.country for p in e.actors] for e in found] == [["IGO"]]


def test_a_town_modifying_an_event_noun_is_only_where_it_was():
    found = events_of("Thousands joined a Nairobi rally against the tax bill.", "PROTEST")
    assert found and not any(p.name == "Nairobi" for e in found for p in e.actors)


def test_the_agent_of_a_passive_verb_carries_the_event_noun_under_it():
    found = events_of(
        "Syrian army positions were hit by Turkey in airstrikes on Sunday night.", "ASSAULT"
    )
    assert dyads_of(found) == {(frozenset({"TUR"}), frozenset({"SYR"}))}


def test_a_light_verb_the_tagger_mislemmatises_still_carries_its_noun():
    # spaCy's small model lemmatises "staged" as "stag"
    found = events_of(
        "Colonel Assimi Goita staged a coup against Malian President Bah Ndaw.",
        "COERCE",
        "2021-05-25",
    )
    assert [p.name for e in found for p in e.actors] == ["Assimi Goita"]


def test_a_body_and_its_named_members_are_one_party():
    groups = parties([_ps("NATO", "IGO", "IGO"), _ps("NATO peacekeeping troops", "IGO", "MIL")])
    assert len(groups) == 1


def test_a_speaker_is_no_party_of_the_event_he_reports():
    # the parser reads "that" as a preposition carrying "bombings"
    found = events_of(
        "Foreign Minister Winston Peters said that terrorist bombings this month of French "
        "embassies in Niamey and Bamako ``show that terrorism is an indiscriminate killer.''",
        "ASSAULT",
    )
    assert found and not any(p.name == "Winston Peters" for e in found for p in e.actors)
    assert any("FRA" in {p.country for p in e.recipients} for e in found)


def test_an_object_pronoun_is_not_its_clause_subject():
    found = events_of(
        "President Macron rolled out the red carpet for Chancellor Scholz, welcoming him as a "
        "close friend.",
        "SUPPORT",
        "2023-01-22",
    )
    assert dyads_of(found) == {(frozenset({"FRA"}), frozenset({"DEU"}))}


def test_talks_without_parties_of_their_own_continue_the_talks_told_before():
    found = events_of(
        "Iran and the United States held talks in Oman on Monday. The negotiations will "
        "resume next week, a diplomat said.",
        "CONSULT",
    )
    assert len(found) == 2
    assert all({"IRN", "USA"} <= {p.country for p in e.actors} for e in found)


def test_coordinated_prepositions_each_name_a_party():
    found = events_of("India imposed sanctions on Pakistan and on Afghanistan.", "SANCTION")
    assert dyads_of(found) == {
        (frozenset({"IND"}), frozenset({"PAK"})),
        (frozenset({"IND"}), frozenset({"AFG"})),
    }
    talks = events_of("Macron held talks with Putin and with Xi Jinping on Monday.", "CONSULT")
    assert {c for e in talks for p in e.actors for c in [p.country]} == {"FRA", "RUS", "CHN"}
