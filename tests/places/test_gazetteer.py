"""The gazetteer: sources merged, names looked up, disputed territories marked."""

from __future__ import annotations

import pickle

import pytest

from communique.places import gazetteer


@pytest.fixture(scope="module")
def gaz():
    return gazetteer.load()


def test_name_key_folds_case_accents_hyphens_and_article():
    assert gazetteer.name_key("the  Nagorno-Karabakh") == "nagorno karabakh"
    assert gazetteer.name_key("São Paulo") == "sao paulo"
    assert gazetteer.name_key("St. Louis") == gazetteer.name_key("Saint Louis")


def test_countries_have_alpha3_points_and_aliases(gaz):
    russia = gaz.country("RUS")
    assert russia.name == "Russia" and russia.feature == "country"
    assert russia.geonames_id == 2017370
    assert gaz.lookup("Russian Federation")[0].country == "RUS"
    assert gaz.lookup("U.S.")[0].country == "USA"
    assert gaz.lookup("Britain")[0].country == "GBR"


def test_georgia_is_both_a_country_and_a_us_state(gaz):
    readings = {(e.feature, e.country) for e in gaz.lookup("Georgia")}
    assert {("country", "GEO"), ("admin1", "USA")} <= readings
    assert gaz.lookup("Georgia")[0].feature == "country"  # the prior, before context


def test_cities_carry_population_admin1_and_capitals(gaz):
    paris = [e for e in gaz.lookup("Paris") if e.country == "USA" and e.admin1 == "US.TX"]
    assert paris and paris[0].population > 10_000
    assert gaz.capital("JPN").name == "Tokyo"
    assert gaz.capital("RUS").name == "Moscow"


def test_first_level_regions_have_points(gaz):
    texas = gaz.lookup("Texas")[0]
    assert texas.feature == "admin1" and texas.country == "USA"
    assert 25 < texas.lat < 37 and -107 < texas.lon < -93
    assert gaz.lookup("Calif.")[0].name == "California"
    assert gaz.lookup("Bavaria")[0].country == "DEU"


def test_demonyms_map_to_countries(gaz):
    assert gaz.demonym_country("Russian") == "RUS"
    assert gaz.demonym_country("Japanese") == "JPN"
    assert gaz.demonym_country("Moscow") is None


@pytest.mark.parametrize(
    ("name", "country", "disputed"),
    [
        ("Kuril Islands", "RUS", ("JPN",)),
        ("Iturup", "RUS", ("JPN",)),
        ("Kunashir", "RUS", ("JPN",)),
        ("Shikotan", "RUS", ("JPN",)),
        ("Habomai Islands", "RUS", ("JPN",)),
        ("Crimea", "RUS", ("UKR",)),
        ("Golan Heights", "ISR", ("SYR",)),
        ("West Bank", "PSE", ("ISR",)),
        ("Western Sahara", "ESH", ("MAR",)),
        ("Taiwan", "TWN", ("CHN",)),
        ("Diaoyu Islands", "JPN", ("CHN", "TWN")),
        ("Malvinas", "FLK", ("ARG",)),
        ("Abkhazia", "GEO", ("RUS",)),
        ("Transnistria", "MDA", ("RUS",)),
        ("Nagorno-Karabakh", "AZE", ("ARM",)),
    ],
)
def test_disputed_territories(gaz, name, country, disputed):
    entry = gaz.lookup(name)[0]
    assert entry.country == country
    assert entry.disputed_with == disputed


def test_overlays_reach_cities_of_a_disputed_region(gaz):
    simferopol = [e for e in gaz.lookup("Simferopol") if e.feature == "city"][0]
    assert simferopol.country == "RUS" and simferopol.disputed_with == ("UKR",)
    taipei = gaz.lookup("Taipei")[0]
    assert taipei.country == "TWN" and taipei.disputed_with == ("CHN",)


def test_spratlys_have_several_claimants_and_no_single_administrator(gaz):
    spratly = gaz.lookup("Spratly Islands")[0]
    assert spratly.country is None
    assert {"CHN", "VNM", "PHL"} <= set(spratly.disputed_with)


def test_generic_words_are_not_indexed(gaz):
    assert not gaz.lookup("West")
    assert not gaz.lookup("Island")


def test_index_round_trips_through_the_cache(gaz, tmp_path):
    path = tmp_path / "places.pickle"
    gazetteer._save(gaz, path)
    again = pickle.loads(path.read_bytes())
    assert len(again) == len(gaz)
    assert again.lookup("Kunashir") == gaz.lookup("Kunashir")
    assert again.lookup("Georgia") == gaz.lookup("Georgia")


def test_a_us_county_sits_at_its_namesake_town_in_its_state():
    gaz = gazetteer.load()
    county = next(e for e in gaz.lookup("Orange County") if e.admin1 == "US.CA")
    town = max(
        (e for e in gaz.lookup("Orange") if e.admin1 == "US.CA" and e.feature == "city"),
        key=lambda e: e.population,
    )
    assert (county.lat, county.lon) == (town.lat, town.lon)


def test_every_british_and_irish_county_finds_its_seat():
    gaz = gazetteer.load()
    rows = gazetteer._tsv("counties.tsv")
    found = {e.name for row in rows for e in gaz.lookup(row["name"]) if e.feature == "admin2"}
    assert found == {row["name"] for row in rows}
