"""General actor coding: people nouns and their sectors, nationality + people names,
possessive countries, CAMEO's international organisations and former leaders."""

from __future__ import annotations

import pytest
from tests.entities.helpers import find

from communique.entities import actors, entity_at


def _coded(report, text):
    start = report.article.text.index(text)
    entity = entity_at(report, start, start + len(text))
    assert entity is not None and entity.actor is not None, [e.name for e in report.entities]
    return entity.actor.country, entity.actor.sector


@pytest.mark.parametrize(
    ("text", "span", "country", "sector"),
    [
        (
            "Algerian landowners began a hunger strike on Monday.",
            "Algerian landowners",
            "DZA",
            "CVL",
        ),
        ("Kenyan nurses walked out of the hospitals.", "Kenyan nurses", "KEN", "HLH"),
        ("Iraqi television said the talks had failed.", "Iraqi television", "IRQ", "MED"),
        ("Somali tribal leaders met in the town.", "Somali tribal leaders", "SOM", "ELI"),
        ("Mexican inmates rioted at the jail.", "Mexican inmates", "MEX", "CRM"),
        ("Angolan pupils marched to the square.", "Angolan pupils", "AGO", "EDU"),
    ],
)
def test_people_nouns_take_their_cameo_sector_and_the_nationality(
    entities_of, text, span, country, sector
):
    assert _coded(entities_of(text), span) == (country, sector)


def test_civilian_does_not_override_a_non_state_sector(entities_of):
    report = entities_of("The army detained thousands of Tamil civilian refugees.")
    assert _coded(report, "civilian refugees")[1] == "REF"


def test_aid_workers_are_non_governmental(entities_of):
    report = entities_of("Aid workers left the city on Friday.")
    assert _coded(report, "workers")[1] == "NGO"


def test_nationality_and_people_name_form_one_civilian_actor(entities_of):
    report = entities_of("Some 5,000 Iraqi Kurds sought refuge in Turkey last month.")
    assert _coded(report, "Iraqi Kurds") == ("IRQ", "CVL")
    assert all(e.name != "Iraqi" for e in report.entities)


def test_a_country_before_a_possessive_title_codes_the_person(entities_of):
    report = entities_of("The government summoned Niger's ambassador Issa Moussa on Tuesday.")
    assert _coded(report, "Issa Moussa") == ("NER", "GOV")


def test_people_throughout_a_country_belong_to_it(entities_of):
    report = entities_of("Thousands of students throughout Kenya boycotted classes.")
    assert _coded(report, "students throughout Kenya") == ("KEN", "EDU")


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("The Red Cross said it had suspended deliveries.", "Red Cross", "NGO", "HLH"),
        ("The Red Crescent sent tents to the region.", "Red Crescent", "NGO", "HLH"),
        ("The International Labour Organization criticised the law.", None, "IGO", "LAB"),
    ],
)
def test_cameo_international_organisations(entities_of, text, name, country, sector):
    report = entities_of(text)
    span = name or "International Labour Organization"
    assert _coded(report, span) == (country, sector)


@pytest.mark.parametrize(
    ("name", "country"),
    [("Ronald Reagan", "USA"), ("Margaret Thatcher", "GBR"), ("Helmut Kohl", "DEU")],
)
def test_former_leaders_since_1970_are_in_the_table(name, country):
    row = actors.lookup(name, None)
    assert row is not None and row.country == country
    assert actors.lookup(name, "1985-06-01").sector == "GOV"
    assert actors.lookup(name, "2015-06-01").sector is None  # out of office, still his country


def test_a_former_president_is_an_elite_of_his_country(entities_of):
    report = entities_of("Former president Ronald Reagan met the delegation in California.")
    actor = find(report, "Ronald Reagan").actor
    assert (actor.country, actor.sector) == ("USA", "ELI")


def test_first_level_subdivisions_name_their_country():
    from communique.entities import lexicon

    assert lexicon.subdivision_country("Sindh") == "PAK"
    assert lexicon.subdivision_country("West Darfur State") == "SDN"
    assert lexicon.subdivision_country("Punjab") is None  # a province of two countries
    assert lexicon.subdivision_country("Victoria") is None  # also a capital city


def test_subdivision_table_matches_its_derivation():
    from communique.entities import lexicon

    derived = {lexicon.fold(name): code for name, code in lexicon.derive_subdivisions()}
    assert derived == lexicon.subdivisions()


def test_an_official_body_of_a_province_gets_the_country(entities_of):
    report = entities_of("The government of Sindh province ordered police patrols.")
    assert _coded(report, "government of Sindh")[0] == "PAK"


@pytest.mark.parametrize(
    ("text", "span", "country"),
    [
        ("Saudi-led forces attacked the port on Monday.", "Saudi-led forces", "SAU"),
        ("A terror group based in Kenya claimed the attack.", "terror group", "KEN"),
    ],
)
def test_led_by_and_based_in_give_the_country(entities_of, text, span, country):
    assert _coded(entities_of(text), span)[0] == country


def test_a_backer_is_no_member(entities_of):
    report = entities_of("Iranian-backed militias attacked the base.")
    assert _coded(report, "militias")[0] != "IRN"


def test_coordinated_nationalities_each_code_their_own_group(entities_of):
    report = entities_of("U.S. and Russian negotiators met in Geneva this week.")
    assert _coded(report, "U.S.") == ("USA", "GOV")
    assert _coded(report, "Russian negotiators") == ("RUS", "GOV")


def test_an_ethnic_group_takes_the_country_it_lives_in(entities_of):
    report = entities_of("Hundreds of ethnic Hungarians marched through the streets of Romania.")
    assert _coded(report, "ethnic Hungarians") == ("ROU", "CVL")


def test_an_official_newspaper_speaks_for_the_government(entities_of):
    report = entities_of("An official Egyptian newspaper criticised the plan on Sunday.")
    assert _coded(report, "official Egyptian newspaper") == ("EGY", "GOV")
