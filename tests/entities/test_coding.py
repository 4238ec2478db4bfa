"""Actor coding: country, sector, role, CAMEO-style code; metonymy; table lookups by date."""

from __future__ import annotations

import pytest
from tests.entities.helpers import find

from communique.entities import actors


def _actor(report, name):
    entity = find(report, name)
    assert entity is not None, [e.name for e in report.entities]
    return entity.actor


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("Tokyo praises the results of the talks.", "Tokyo", "JPN", "GOV"),
        ("Moscow has stated that the islands belong to Russia.", "Moscow", "RUS", "GOV"),
        ("The Kremlin said on Monday it was ready to talk.", "Kremlin", "RUS", "GOV"),
        ("Washington rejected the offer on Friday.", "Washington", "USA", "GOV"),
        ("Russia said it would respond to the sanctions.", "Russia", "RUS", "GOV"),
    ],
)
def test_metonymy_capitals_seats_and_countries_stand_for_governments(
    entities_of, text, name, country, sector
):
    actor = _actor(entities_of(text), name)
    assert (actor.country, actor.sector, actor.code) == (country, sector, country + sector)


def test_a_capital_as_a_mere_place_is_no_government(entities_of):
    actor = _actor(entities_of("The talks were held in Tokyo on Monday."), "Tokyo")
    assert (actor.country, actor.sector) == ("JPN", None)


def test_role_nouns_code_sectors(entities_of):
    report = entities_of(
        "Police arrested protesters in Paris while troops guarded the border. Rebels attacked a village."
    )
    assert _actor(report, "Police").sector == "COP"
    assert _actor(report, "protesters").sector == "CVL"
    assert _actor(report, "troops").sector == "MIL"
    assert _actor(report, "Rebels").sector == "REB"


def test_nationality_adjective_codes_its_head_and_is_no_actor_of_its_own(entities_of):
    report = entities_of("The Russian Foreign Ministry said the Japanese envoy had left.")
    assert all(e.name not in {"Russian", "Japanese"} for e in report.entities)
    assert (
        _actor(report, "Russian Foreign Ministry").country,
        _actor(report, "Russian Foreign Ministry").sector,
    ) == (
        "RUS",
        "GOV",
    )
    envoy = _actor(report, "Japanese envoy")
    assert (envoy.country, envoy.sector, envoy.code) == ("JPN", "GOV", "JPNGOV")


def test_coordinated_nationalities_make_one_group_each(entities_of):
    report = entities_of(
        "Senior Hungarian and Romanian officials agreed on Wednesday to cooperate."
    )
    countries = sorted(
        e.actor.country for e in report.entities if e.actor and e.actor.sector == "GOV"
    )
    assert countries == ["HUN", "ROU"]


def test_known_organisations_and_news_agencies(entities_of):
    report = entities_of(
        "TASS reported that NATO and the United Nations disagreed. Xinhua said China was concerned."
    )
    assert (_actor(report, "TASS").country, _actor(report, "TASS").sector) == ("RUS", "MED")
    assert (_actor(report, "Xinhua").country, _actor(report, "Xinhua").sector) == ("CHN", "MED")
    assert _actor(report, "NATO").country == "IGO"
    assert _actor(report, "United Nations").code == "IGOUNO"


def test_table_lookup_by_article_date(entities_of):
    actor = _actor(
        entities_of("Abe told reporters that talks would continue.", date="2019-01-29"), "Abe"
    )
    assert (actor.country, actor.sector, actor.role) == ("JPN", "GOV", "Prime Minister")
    johnson = actors.lookup("Boris Johnson", "2017-01-01")
    assert (johnson.country, johnson.role) == ("GBR", "Foreign Secretary")
    assert actors.lookup("Boris Johnson", "2020-01-01").role == "Prime Minister"
    assert actors.lookup("Abe", "2008-06-01") is None  # not in office then, and a surname alone
    assert (
        actors.lookup("Shinzo Abe", "2008-06-01").country == "JPN"
    )  # a full name keeps the country
    assert actors.lookup("John Smith", "2019-01-01") is None


def test_table_is_used_without_a_date_only_when_the_name_is_unambiguous():
    assert actors.lookup("Putin", None).country == "RUS"
    # several people called Singh, all Indian: the country holds, no role or sector
    singh = actors.lookup("Singh", None)
    assert (singh.country, singh.sector, singh.role) == ("IND", None, None)
    assert actors.lookup("Fox", None) is None  # a Briton and a Mexican


def test_the_text_wins_over_the_table(entities_of):
    actor = _actor(
        entities_of(
            "Nigerian diplomat Shinzo Abe told reporters that talks would continue.", "2019-01-29"
        ),
        "Shinzo Abe",
    )
    assert (actor.country, actor.role) == ("NGA", "diplomat")


def test_surname_first_short_form_from_the_table_joins_the_full_name(entities_of):
    report = entities_of(
        "Chinese President Xi Jinping arrived in Moscow. Xi said the visit was historic.",
        "2023-03-20",
    )
    assert [m.text for m in find(report, "Xi Jinping").mentions] == [
        "Chinese President Xi Jinping",
        "Xi",
    ]


def test_coordinated_country_modifiers_split_a_group(entities_of):
    report = entities_of("U.S. and Russian negotiators return to Geneva this week.")
    groups = {e.name: e.actor.country for e in report.entities if e.type == "GROUP"}
    assert groups == {"U.S. negotiators": "USA", "Russian negotiators": "RUS"}


def test_modifier_nouns_lend_their_role_to_people_and_armed_bodies_to_equipment(entities_of):
    report = entities_of(
        "Kenyan police officers detained two men while Israeli army bulldozers demolished homes."
    )
    sectors = {e.name: (e.actor.country, e.actor.sector) for e in report.entities if e.actor}
    assert sectors["Kenyan police officers"] == ("KEN", "COP")
    assert sectors["Israeli army bulldozers"] == ("ISR", "MIL")


def test_hyphenated_titles_and_names_tagged_as_organisations(entities_of):
    report = entities_of("Vice-President Moody Awori has declined to resign.")
    awori = find(report, "Moody Awori")
    assert (awori.type, awori.actor.role, awori.actor.sector) == ("PERSON", "Vice-President", "GOV")


def test_the_only_country_of_an_article_codes_its_officials(entities_of):
    report = entities_of(
        "Algerian police said President Abdelaziz Bouteflika would address the nation."
    )
    assert find(report, "Abdelaziz Bouteflika").actor.country == "DZA"
    # a name no table knows, two countries in the text: no guess
    report = entities_of("President Ngaro Tembesi met South African and Kenyan officials.")
    assert find(report, "Ngaro Tembesi").actor.country is None


def test_posting_to_a_multiword_country(entities_of):
    report = entities_of(
        "Japanese Ambassador to the United States Koji Tomita said the talks went well."
    )
    actor = find(report, "Koji Tomita").actor
    assert (actor.country, actor.posting) == ("JPN", "USA")


def test_curated_table_is_consistent():
    """Valid codes, ordered dates, and one holder at a time of each country's role."""
    import pycountry

    rows = actors.read_table(actors.default_table_path())
    assert len(rows) > 500
    holders: dict[tuple, list] = {}
    for row in rows:
        assert row.country == "IGO" or pycountry.countries.get(alpha_3=row.country), row
        assert row.sector and row.role and row.start, row
        assert not row.end or row.start <= row.end, row
        holders.setdefault((row.country, row.role), []).append(row)
    for key, group in holders.items():
        group.sort(key=lambda r: r.start)
        for before, after in zip(group, group[1:], strict=False):
            assert before.end is not None, (key, before.name, after.name)
            assert before.end[: len(after.start)] <= after.start[: len(before.end)], (
                key,
                before.name,
                after.name,
            )


def test_international_bodies_and_their_officials_are_of_the_igo_sector(entities_of):
    report = entities_of(
        "The Security Council met on Monday. NATO said its troops would stay, and UN "
        "Secretary-General Antonio Guterres called for calm."
    )
    assert _actor(report, "Security Council").sector == "IGO"
    assert _actor(report, "NATO").sector == "IGO"
    assert _actor(report, "Antonio Guterres").sector == "IGO"


def test_a_body_named_after_its_leader_is_of_the_leader_s_country(entities_of):
    report = entities_of(
        "President Emmanuel Macron met Chancellor Olaf Scholz of Germany on Monday. Italy "
        "and Spain hit back at the Macron government on Tuesday.",
        date="2023-03-20",
    )
    assert _actor(report, "the Macron government").country == "FRA"


def test_an_organisation_of_americans_of_some_origin_is_american(entities_of):
    report = entities_of(
        "The Cuban American National Foundation criticised the ban, and Cuba and Mexico protested.",
    )
    assert _actor(report, "Cuban American National Foundation").country == "USA"


def test_civilian_titles_ending_in_general(entities_of):
    report = entities_of("U.S. Surgeon General Vivek Murthy arrived in Nairobi on Monday.")
    assert _actor(report, "Vivek Murthy").sector == "GOV"


def test_an_international_body_as_such_is_igo_whatever_its_trade(entities_of):
    report = entities_of("The WTO ruled against the tariffs, and China and Japan welcomed it.")
    assert _actor(report, "WTO").sector == "IGO"


def test_an_ap_style_abbreviated_title_tells_an_american_in_a_story_from_elsewhere(entities_of):
    report = entities_of(
        "FRANCE and Germany criticised the tariffs on Monday in Paris. Sen. Tom Carper, a "
        "frequent critic, called the escalation dumb.",
        dateline="Paris",
    )
    assert _actor(report, "Tom Carper").country == "USA"


def test_an_abbreviated_title_in_a_one_country_story_keeps_that_country(entities_of):
    report = entities_of(
        "MANILA — Sen. Grace Poe criticised the Philippine government's plan on Monday.",
        dateline="Manila",
    )
    assert _actor(report, "Grace Poe").country == "PHL"
