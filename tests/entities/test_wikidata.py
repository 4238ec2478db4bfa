"""The Wikidata importer, on small dumps written here."""

from __future__ import annotations

import gzip
import json

from typer.testing import CliRunner

from communique.cli import app
from communique.entities import actors, wikidata


def _item(qid, label, claims=None, aliases=()):
    return {
        "type": "item",
        "id": qid,
        "labels": {"en": {"language": "en", "value": label}},
        "aliases": {"en": [{"language": "en", "value": a} for a in aliases]},
        "claims": claims or {},
    }


def _claim(prop, target, qualifiers=None):
    statement = {
        "mainsnak": {
            "snaktype": "value",
            "property": prop,
            "datavalue": {
                "type": "wikibase-entityid",
                "value": {"entity-type": "item", "id": target},
            },
        },
        "rank": "normal",
    }
    if qualifiers:
        statement["qualifiers"] = qualifiers
    return statement


def _time(prop, stamp, precision=11):
    return {
        prop: [
            {
                "snaktype": "value",
                "property": prop,
                "datavalue": {"type": "time", "value": {"time": stamp, "precision": precision}},
            }
        ]
    }


def _string(prop, value):
    return {
        "mainsnak": {
            "snaktype": "value",
            "property": prop,
            "datavalue": {"type": "string", "value": value},
        },
        "rank": "normal",
    }


ENTITIES = [
    _item("Q900001", "Freedonia", {"P298": [_string("P298", "FRE")]}),
    _item("Q900002", "Prime Minister of Freedonia", {"P17": [_claim("P17", "Q900001")]}),
    _item("Q900003", "Minister of Foreign Affairs", {"P1001": [_claim("P1001", "Q17")]}),
    _item("Q900010", "journalist"),
    _item(
        "Q900100",
        "Rufus Firefly",
        {
            "P31": [_claim("P31", "Q5")],
            "P27": [_claim("P27", "Q900001")],
            "P39": [
                _claim(
                    "P39",
                    "Q900003",
                    {
                        **_time("P580", "+2001-04-26T00:00:00Z"),
                        **_time("P582", "+2003-00-00T00:00:00Z", 9),
                    },
                ),
                _claim("P39", "Q900002", {**_time("P580", "+2010-05-00T00:00:00Z", 10)}),
            ],
        },
        aliases=["R. T. Firefly"],
    ),
    _item(
        "Q900200",
        "Vera Quill",
        {
            "P31": [_claim("P31", "Q5")],
            "P27": [_claim("P27", "Q30")],
            "P106": [_claim("P106", "Q900010")],
        },
    ),
]


def _write_dump(path, gz=False):
    lines = "[\n" + ",\n".join(json.dumps(e) for e in ENTITIES) + "\n]\n"
    if gz:
        path.write_bytes(gzip.compress(lines.encode()))
    else:
        path.write_text(lines, encoding="utf-8")


def test_positions_with_dates_citizenship_and_occupation(tmp_path):
    dump = tmp_path / "dump.json"
    _write_dump(dump)
    rows = {(r.name, r.role): r for r in wikidata.import_dump(dump)}
    pm = rows[("Rufus Firefly", "Prime Minister of Freedonia")]
    assert (pm.country, pm.sector, pm.start, pm.end, pm.wikidata) == (
        "FRE",
        "GOV",
        "2010-05",
        None,
        "Q900100",
    )
    fm = rows[("Rufus Firefly", "Minister of Foreign Affairs")]
    assert (fm.country, fm.start, fm.end) == (
        "JPN",
        "2001-04-26",
        "2003",
    )  # jurisdiction Q17 from the built-in table
    assert pm.aliases == ("R. T. Firefly",)
    quill = rows[("Vera Quill", "journalist")]
    assert (quill.country, quill.sector, quill.start) == ("USA", "MED", None)


def test_entitydata_framing_and_gzip_give_the_same_rows(tmp_path):
    plain, packed, framed = tmp_path / "a.json", tmp_path / "b.json.gz", tmp_path / "c.json"
    _write_dump(plain)
    _write_dump(packed, gz=True)
    framed.write_text(json.dumps({"entities": {e["id"]: e for e in ENTITIES}}), encoding="utf-8")
    expected = wikidata.import_dump(plain)
    assert wikidata.import_dump(packed) == expected
    assert wikidata.import_dump(framed) == expected


def test_cli_import_merges_into_a_table_that_lookups_read(tmp_path, monkeypatch):
    dump, table = tmp_path / "dump.json.gz", tmp_path / "actors.tsv"
    _write_dump(dump, gz=True)
    actors.write_table(
        table, [actors.ActorRole("Old Row", (), "FRE", "GOV", "King", "1990", "1999", "Q900100")]
    )
    result = CliRunner().invoke(
        app, ["actors", "import-wikidata", str(dump), "--table", str(table)]
    )
    assert result.exit_code == 0, result.output
    rows = actors.read_table(table)
    assert "Old Row" not in {r.name for r in rows}  # replaced: same Wikidata item
    assert len(rows) == 3
    monkeypatch.setenv(actors.TABLE_ENV, str(table))
    assert actors.lookup("Firefly", "2012-01-01").role == "Prime Minister of Freedonia"
    assert actors.lookup("Rufus Firefly", "2002-01-01").role == "Minister of Foreign Affairs"


def test_cli_reports_a_missing_dump(tmp_path):
    result = CliRunner().invoke(app, ["actors", "import-wikidata", str(tmp_path / "nope.json")])
    assert result.exit_code != 0
