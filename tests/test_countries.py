"""The one country table: current codes only, no name shared by two countries, and every
country code in the project's data files known to it."""

from __future__ import annotations

import csv
import json
from importlib import resources

import pycountry
import pytest

from communique import countries
from communique.entities import lexicon

PACKAGE = resources.files("communique")
KOSOVO = "XKX"  # no ISO code; the code the World Bank, the EU and GeoNames use


def _fold(text: str) -> str:
    return lexicon.strip_article(lexicon.fold(text))


def test_the_table_holds_every_current_iso_country_and_no_retired_one():
    codes = {c.alpha3 for c in countries.table()}
    current = {c.alpha_3 for c in pycountry.countries}
    retired = {c.alpha_3 for c in pycountry.historic_countries} - current
    assert codes == current | {KOSOVO}
    assert not codes & retired
    assert {"ANT", "SCG", "YUG", "ZAR", "CSK", "SUN"} <= retired  # the check has teeth


def test_codes_and_names_point_to_one_country_each():
    seen: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for country in countries.table():
        for name in (*country.names, *country.actor_names):
            assert seen.setdefault(_fold(name), country.alpha3) == country.alpha3, name
        for demonym in country.demonyms:
            assert demonyms.setdefault(_fold(demonym), country.alpha3) == country.alpha3, demonym
    alpha2 = [c.alpha2 for c in countries.table()]
    assert len(alpha2) == len(set(alpha2))


@pytest.mark.parametrize(
    ("code", "alpha3", "name"),
    [("CW", "CUW", "Curacao"), ("840", "USA", "United States"), ("rus", "RUS", "Russia")],
)
def test_lookups_by_any_code(code, alpha3, name):
    assert countries.alpha3(code) == alpha3
    assert countries.short_name(alpha3) == name


def test_unknown_codes_stay_as_they_are():
    assert countries.short_name("IGO") == "IGO"
    assert countries.alpha3("ANT") is None
    assert not countries.is_country("ANT")


def test_every_stage_resolves_willemstad_to_curacao():
    from communique.places import gazetteer

    assert lexicon.capitals()[lexicon.fold("Willemstad")] == "CUW"
    assert [e.country for e in gazetteer.load().lookup("Willemstad")][:1] == ["CUW"]
    assert gazetteer.load().lookup("Pristina")[0].country == KOSOVO


def test_every_stage_names_a_country_the_same_way():
    from communique.web.app import country_name

    for code in ("RUS", "PSE", "TUR", "COD", "KOR"):
        assert country_name(code) == lexicon.country_name(code) == countries.short_name(code)


def _tsv_column(path, column: int) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader(
            (line for line in handle if line.strip() and not line.startswith("#")),
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
        )
        return [row[column] for row in rows if len(row) > column]


def _data_codes() -> dict[str, set[str]]:
    """Country codes used by the data files of every stage, by file."""
    entities = PACKAGE / "entities" / "data"
    found = {
        "entities/organisations.tsv": _tsv_column(entities / "organisations.tsv", 1),
        "entities/organisations_phoenix.tsv": _tsv_column(
            entities / "organisations_phoenix.tsv", 1
        ),
        "entities/seats.tsv": _tsv_column(entities / "seats.tsv", 1),
        "entities/subdivisions.tsv": _tsv_column(entities / "subdivisions.tsv", 1),
        "entities/demonyms.tsv": _tsv_column(entities / "demonyms.tsv", 1),
    }
    for path in sorted(p for p in entities.iterdir() if p.name.startswith("actors")):
        if path.name.endswith(".tsv"):
            found[f"entities/{path.name}"] = _tsv_column(path, 2)[1:]  # after the header
    supplement = json.loads((PACKAGE / "places" / "data" / "supplement.json").read_text("utf-8"))
    places = [p.get("country") for p in supplement["places"]]
    places += [c for p in supplement["places"] for c in p.get("disputed_with", ())]
    places += [o.get("country") for o in supplement["overlays"]]
    places += [c for o in supplement["overlays"] for c in o["disputed_with"]]
    found["places/supplement.json"] = places
    return {name: {c for c in codes if c} for name, codes in found.items()}


def test_every_data_file_uses_known_codes_only():
    allowed = {c.alpha3 for c in countries.table()} | countries.GROUP_CODES
    unknown = {name: codes - allowed for name, codes in _data_codes().items() if codes - allowed}
    assert unknown == {}
