"""Actor coding on sentences written here in the style of wire news: what the text says
about an actor's country and sector (nationality words, "of X", what it belongs to), the
dateline for a state's own bodies, generic agents, groups and dated roles."""

from __future__ import annotations

import pytest
from tests.entities.helpers import find

import communique

BAMAKO = (
    "BAMAKO (Reuters) - Police fired tear gas at protesters in the capital on Friday, "
    "witnesses said. France and Algeria condemned the violence. "
    "The opposition called for a general strike."
)

# (text, date, dateline place, entity name or alias, (country, sector))
CASES = [
    # nationality adjectives and countries on titles and organisations
    (
        "Chinese Foreign Ministry spokesman Zhao Lijian said on Tuesday that Beijing opposed "
        "the sanctions.",
        None, None, "Zhao Lijian", ("CHN", "GOV"),
    ),
    (
        "US Treasury Secretary Steven Mnuchin announced new measures against three Iranian "
        "banks.",
        None, None, "Steven Mnuchin", ("USA", "GOV"),
    ),
    (
        "Washington imposed new tariffs on Monday. US Treasury Secretary Janet Yellen said the "
        "measures were temporary.",
        None, None, "Janet Yellen", ("USA", "GOV"),
    ),
    (
        "Vietnamese Prime Minister Pham Minh Chinh held talks with his Japanese counterpart in "
        "Tokyo.",
        None, None, "Pham Minh Chinh", ("VNM", "GOV"),
    ),
    (
        "Israeli Defence Minister Benny Gantz visited the border on Wednesday.",
        None, None, "Benny Gantz", ("ISR", "GOV"),
    ),
    (
        "The president of Ghana urged West African leaders to reopen the borders.",
        None, None, "president of Ghana", ("GHA", "GOV"),
    ),
    (
        "Ireland's foreign minister said Dublin would not block the deal.",
        None, None, "foreign minister", ("IRL", "GOV"),
    ),
    (
        "The US Department of Commerce added 14 Chinese firms to its export blacklist.",
        None, None, "US Department of Commerce", ("USA", "GOV"),
    ),
    (
        "South Korea's Unification Ministry said the talks would resume next month.",
        None, None, "Unification Ministry", ("KOR", "GOV"),
    ),
    (
        "Sudan's Rapid Support Forces seized the airport in Khartoum.",
        None, None, "Rapid Support Forces", ("SDN", "MIL"),
    ),
    (
        "Police in Lagos arrested 20 people after the protest.",
        None, None, "Police in Lagos", ("NGA", "COP"),
    ),
    # what an actor belongs to gives its country (and, for its spokesmen, its sector)
    (
        "The head of the Kenya Wildlife Service resigned on Tuesday.",
        None, None, "head", ("KEN", "GOV"),
    ),
    (
        "Senior officials of the Egyptian Interior Ministry met the delegation in Cairo.",
        None, None, "Senior officials", ("EGY", "GOV"),
    ),
    (
        "A spokesman for the Kenyan army said two soldiers were wounded in the attack.",
        None, None, "spokesman", ("KEN", "MIL"),
    ),
    (
        "The party of President Recep Tayyip Erdogan won the vote.",
        None, None, "party", ("TUR", "PTY"),
    ),
    (
        "The Nigerian army said its troops had killed 20 insurgents in Borno state.",
        None, None, "its troops", ("NGA", "MIL"),
    ),
    (
        "Hamas leader Yahya Abu Salem said the group would respond to the raid.",
        None, None, "Yahya Abu Salem", ("PSE", "REB"),
    ),
    (
        "Taliban spokesman Zabihullah Mujahid said the group had taken the district.",
        None, None, "Zabihullah Mujahid", ("AFG", "REB"),
    ),
    # the dateline's country for a state's own bodies, when nothing else is said
    (BAMAKO, None, "Bamako", "Police", ("MLI", "COP")),
    (BAMAKO, None, "Bamako", "opposition", ("MLI", "OPP")),
    (
        "KYIV (Reuters) - Russia launched missiles at the city overnight as troops advanced "
        "from the north.",
        None, "Kyiv", "troops", (None, "MIL"),  # the sentence names another country
    ),
    (
        "The Syrian Observatory for Human Rights, a UK-based group, said 12 people were "
        "killed.",
        None, None, "12 people", (None, "CVL"),  # where the group sits is no actor's country
    ),
    # generic agents (Phoenix.agents.txt)
    (
        "Striking doctors and paramedics marched through the capital on Monday.",
        None, None, "paramedics", (None, "HLH"),
    ),
    (
        "Smugglers were arrested at the border with 40 kilograms of gold.",
        None, None, "Smugglers", (None, "CRM"),
    ),
    # groups (Phoenix.MilNonState.actors.txt and the curated organisations)
    (
        "Indian officials blamed Lashkar-e-Taiba for the attack on the hotel.",
        None, None, "Lashkar-e-Taiba", ("PAK", "REB"),
    ),
    (
        "Al-Shabaab claimed responsibility for the bombing in Mogadishu.",
        None, None, "Al-Shabaab", ("SOM", "REB"),
    ),
    (
        "Lebanon's Hezbollah said it would respond to the strike.",
        None, None, "Hezbollah", ("LBN", "REB"),
    ),
    # people with dated roles: government and opposition by date
    (
        "John Mahama said the election had been rigged and called on supporters to stay calm.",
        "2020-12-10", None, "John Mahama", ("GHA", "OPP"),
    ),
    (
        "John Mahama said the economy would grow and called on investors to stay calm.",
        "2014-05-01", None, "John Mahama", ("GHA", "GOV"),
    ),
    (
        "Moody Awori denied the charges on Friday.",  # Phoenix.Countries.actors.txt
        None, None, "Moody Awori", ("KEN", "GOV"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "date", "dateline", "name", "expected"), CASES)
def test_wire_sentences(entities_of, text, date, dateline, name, expected):
    report = entities_of(text, date, dateline)
    entity = find(report, name)
    assert entity is not None, [e.name for e in report.entities]
    assert (entity.actor.country, entity.actor.sector) == expected


def test_a_dateline_on_news_about_another_country_is_no_actor_s_country(entities_of):
    report = entities_of(
        "MOSCOW, Jan 6 (Reuters) - Protests spread across Kazakhstan on Thursday. Kazakhstan's "
        "president declared an emergency, and Kazakhstan asked its allies for help. The "
        "government resigned.",
        dateline="Moscow",
    )
    assert find(report, "government").actor.country != "RUS"


def test_coordinated_owners_give_no_single_country(entities_of):
    report = entities_of(
        "Saudi Arabia and Iran agreed to restore ties. Their foreign ministers will meet soon."
    )
    assert find(report, "Their foreign ministers").actor.country is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Troops clashed with rebels in Darfur on Sunday.", "rebels in Darfur", "SDN"),
        ("A missionary from Calgary was arrested on Monday.", "missionary from Calgary", "CAN"),
        ("Israel mounted an invasion of South Lebanon.", "South Lebanon", "LBN"),
        ("A curfew was imposed in Cizre after the protest.", "Cizre", "TUR"),
    ],
)
def test_towns_and_regions_give_their_country(entities_of, text, name, country):
    assert find(entities_of(text), name).actor.country == country


def test_a_name_the_gazetteer_cannot_decide_gives_no_country():
    from communique.entities.country_codes import gazetteer_country

    assert gazetteer_country("Lugansk") == "UKR"  # Luhansk, not the small town in Kazakhstan
    assert gazetteer_country("Jericho") is None  # the West Bank's, and two in the United States
    assert gazetteer_country("Victoria") != "HKG"  # GeoNames also calls Hong Kong so


def test_named_people_without_a_country_belong_where_the_story_happens():
    report = communique.analyze(
        "Journalist freed in Baku\n\nBAKU, Azerbaijan — A court in Baku on Thursday freed "
        "the journalist Ilkin Rustamzade, who had been jailed in Ganja last year.",
        date="2018-04-05",
    )
    person = find(report, "Ilkin Rustamzade")
    assert person is not None and person.actor is not None and person.actor.country == "AZE"


def test_a_full_name_with_no_title_or_office_is_a_private_person():
    report = communique.analyze(
        "Father pleads for son\n\nHAVANA (AP) — Juan Perez Castillo, whose son was detained "
        "last week, asked the authorities to free him.",
        date="2000-01-28",
    )
    person = find(report, "Juan Perez Castillo")
    assert person is not None and person.actor is not None and person.actor.sector == "CVL"


def test_the_word_before_a_weak_head_names_the_sector():
    report = communique.analyze(
        "Probe opened\n\nBERLIN (AP) — The Federal Prosecutor's Office in Karlsruhe opened an "
        "investigation on Friday.",
        date="2016-12-16",
    )
    office = next(e for e in report.entities if "Prosecutor" in e.name)
    assert office.actor is not None and office.actor.sector == "JUD"


def test_the_dateline_holds_unless_another_country_is_named_twice_as_often():
    report = communique.analyze(
        "Grandmothers meet boy\n\nHAVANA (AP) — Raquel Rodriguez flew back to Havana on "
        "Thursday after meeting the boy in Miami. The boy's relatives in Miami and Florida "
        "want him to stay in the United States, and the Cuban government wants him back in "
        "Cuba.",
        date="2000-01-28",
    )
    person = find(report, "Raquel Rodriguez")
    assert person is not None and person.actor is not None and person.actor.country == "CUB"


def test_a_hub_dateline_gives_way_to_the_country_named_most():
    report = communique.analyze(
        "Evacuation halted\n\nBEIRUT (AP) — Rebel spokesman Ahmad Hamdan said the evacuation "
        "of Aleppo had stopped. Shelling hit Idlib, Homs and Hama. Russia and Iran back "
        "Damascus; Moscow and Tehran sent advisers.",
        date="2016-12-14",
    )
    person = find(report, "Ahmad Hamdan")
    assert person is not None and person.actor is not None and person.actor.country == "SYR"


def test_without_a_dateline_the_story_is_in_the_country_named_most():
    report = communique.analyze(
        "Lawmaker files bill\n\nMaria Santos Reyes filed a bill in Manila on Tuesday to bar "
        "Donald Trump from the Philippines. Trump had called the Philippines a danger to the "
        "United States, and said the United States must watch China.",
        date="2016-08-10",
    )
    person = find(report, "Maria Santos Reyes")
    assert person is not None and person.actor is not None and person.actor.country == "PHL"
