"""The Phoenix converter, on small dictionaries written here in the PETRARCH-2 format."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.entities import actors, lexicon, phoenix

COUNTRIES = """\
# a country block, then people with dated codes
GHANA_  [GHA]
+GHANAIAN_
+ACCRA_
JOHN_KOFI_MENSAH_  # CountryInfo.txt
+J._K._MENSAH_
+PRESIDENT_MENSAH_
\t[GHAOPP 000101-081231]
\t[GHAGOV >090101]
AMA_OWUSU_BOATENG_  # CountryInfo.txt
\t[GHAGOVMED 030101-051130]
\t[GHAELI]
NATIONAL_DEMOCRATIC_CONGRESS_ [GHAPTY]
"""
INTERNATIONAL = """\
KWAME_ASANTE_TIWAA_\t[IGOUNO 970101-061231] [ELI]# IGOrulers.txt
WORLD_HEALTH_COUNCIL_\t[IGOUNOHLH]
"""
NON_STATE = """\
FREEDOM_FIGHTERS_OF_ZANGARO_ [TCDREB] #  kkl 21 Mar 13
+FFZ_
+OKONKWO_BELLO_

YOUTH_BRIGADE_OF_THE_NORTH_ [WEUREB]
+YOUTH_
"""
AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
PARAMEDIC [~HLH] # one word
SMUGGLER [~CRM]
DOCTOR [~MED]
FERRY!PERSON! [~BUS]
COAST_GUARD {} [~MIL]
HUMAN_RIGHTS_BODY  [NGO~]
PEACEKEEPING_TROOPS [IGO~]
EXTREMIST [~RAD]
ISLAMIST [~MUS]
AMBASSADOR_TO [~GOV]
"""


@pytest.fixture(scope="module")
def dictionaries(tmp_path_factory):
    folder = tmp_path_factory.mktemp("petrarch")
    files = {
        "Phoenix.Countries.actors.txt": COUNTRIES,
        "Phoenix.International.actors.txt": INTERNATIONAL,
        "Phoenix.MilNonState.actors.txt": NON_STATE,
        "Phoenix.agents.txt": AGENTS,
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("code", "country", "sector"),
    [
        ("GHAGOVMED", "GHA", "GOV"),  # the first role; MED names the ministry
        ("IGOUNOREFHCR", "IGO", "REF"),
        ("IGOUNO", "IGO", "IGO"),
        ("IMGMUSALQ", "IMG", "REB"),  # a faith is no sector
        ("KSVGOVLEG", "XKX", "GOV"),  # retired and World Bank codes -> current ones
        ("DDRMIL", "DEU", "MIL"),
        ("ELI", None, "ELI"),
        ("WEUREB", None, "REB"),  # a region gives no country
    ],
)
def test_cameo_codes_read_as_country_and_sector(code, country, sector):
    assert phoenix.read_code(code) == phoenix.Code(country, sector)


def test_the_null_code_and_malformed_dates_give_nothing():
    assert phoenix.read_code("---") is None
    assert phoenix.read_restriction("GHAGOV 2004017-20061201") is None
    assert phoenix.read_date("450703") == "1945-07-03"
    assert phoenix.read_date("090201") == "2009-02-01"


def test_dated_codes_become_rows_and_the_undated_one_fills_the_gaps(dictionaries):
    people, _ = phoenix.convert_actors(dictionaries)
    mensah = sorted((r.start, r.end, r.sector) for r in people if r.name == "John Kofi Mensah")
    assert mensah == [("2000-01-01", "2008-12-31", "OPP"), ("2009-01-01", None, "GOV")]
    assert {"J. K. Mensah", "Mensah"} <= set(
        next(r for r in people if r.name == "John Kofi Mensah").aliases
    )
    boateng = sorted(
        (r.start or "", r.end or "", r.sector) for r in people if r.name == "Ama Owusu Boateng"
    )
    assert boateng == [
        ("", "2002-12-31", "ELI"),
        ("2003-01-01", "2005-11-30", "GOV"),
        ("2005-12-01", "", "ELI"),
    ]
    tiwaa = sorted((r.start or "", r.sector) for r in people if r.name == "Kwame Asante Tiwaa")
    assert tiwaa == [("", "ELI"), ("1997-01-01", "IGO"), ("2007-01-01", "ELI")]


def test_country_blocks_are_no_actors_and_groups_keep_their_names(dictionaries):
    people, groups = phoenix.convert_actors(dictionaries)
    assert not any("Accra" in (r.name, *r.aliases) or r.name == "Ghana" for r in people)
    by_name = {g.names[0]: g for g in groups}
    assert (
        by_name["National Democratic Congress"].country,
        by_name["National Democratic Congress"].sector,
    ) == ("GHA", "PTY")
    zangaro = by_name["Freedom Fighters Of Zangaro"]
    assert (zangaro.country, zangaro.sector, zangaro.code) == ("TCD", "REB", "TCDREB")
    assert "FFZ" in zangaro.names
    assert "Youth" not in by_name["Youth Brigade Of The North"].names  # a common word
    # the leader listed with his group is a person of it
    assert any(r.name == "Okonkwo Bello" and r.sector == "REB" for r in people)


def test_agents_take_sectors_and_leave_out_prefix_codes_faiths_and_fragments(dictionaries):
    agents = {a.phrase: a.sector for a in phoenix.read_agents(dictionaries / "Phoenix.agents.txt")}
    assert agents["paramedic"] == "HLH"
    assert agents["smuggler"] == "CRM"
    assert agents["coast guard"] == "MIL"
    assert agents["ferrywoman"] == agents["ferrymen"] == "BUS"
    assert agents["human rights body"] == "NGO"
    for left_out in ("peacekeeping troops", "extremist", "islamist", "ambassador to"):
        assert left_out not in agents


def test_the_command_writes_files_with_the_mit_notice(dictionaries, tmp_path):
    result = CliRunner().invoke(
        app, ["actors", "convert-phoenix", str(dictionaries), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    for name in ("agents.tsv", "actors_phoenix.tsv", "organisations_phoenix.tsv"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "The MIT License (MIT)" in text and "convert-phoenix" in text
    rows = actors.read_table(tmp_path / "actors_phoenix.tsv")
    assert {r.name for r in rows} >= {"John Kofi Mensah", "Okonkwo Bello"}


def test_the_shipped_files_are_what_the_converter_makes():
    """The packaged tables carry the notice and hold the well-known agents and people."""
    assert lexicon.roles()["paramedic"].sector == "HLH"
    assert lexicon.roles()["protester"].sector == "CVL"  # roles.json wins over Phoenix's OPP
    assert lexicon.organisations()["boko haram"].country == "NGA"
    bouteflika = actors.lookup("Abdelaziz Bouteflika", "2005-06-01")
    assert (bouteflika.country, bouteflika.sector) == ("DZA", "GOV")


def test_the_curated_table_decides_for_the_people_it_knows():
    # Phoenix has Shinzo Abe as an elite out of office; the curated table knows him, so a
    # surname alone out of office stays unknown and a full name keeps only the country
    assert actors.lookup("Abe", "2008-06-01") is None
    assert actors.lookup("Shinzo Abe", "2008-06-01").sector is None
    # a common name matching one Phoenix person with a middle name is no match
    assert actors.lookup("John Smith", "2019-01-01") is None
