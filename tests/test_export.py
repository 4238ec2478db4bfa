"""Exports read back with standard readers: PLOVER JSONL, reports JSONL, CSV, Parquet, GDELT TSV, quotes."""

from __future__ import annotations

import csv
import json
import os

import pytest

from communique.model import Article, Event, Location, Participant, Quote, Report, Speaker
from communique.store import Record, Store, content_hash
from communique.store.export import export


def participant(name: str, country: str, sector: str = "GOV") -> Participant:
    return Participant(name=name, country=country, sector=sector)


def report(body: str, events: list[Event], source: str, url: str) -> Report:
    text = f"Headline\n\n{body}"
    return Report(
        id="r",
        article=Article(headline="Headline", body=body, text=text, source=source, url=url,
                        date="2019-01-22", language="en"),
        events=events,
        quotes=[Quote(id="q1", text="We are ready", start=10, end=22, kind="direct", cue="said",
                      speaker=Speaker(entity="E1", name="Sergei Lavrov", text="Lavrov"))],
    )  # fmt: skip


MEETING = Event(
    id="e1", type="CONSULT", cameo="043", quad=1,
    actors=[participant("Sergei Lavrov", "RUS"), participant("Taro Kono", "JPN"), participant("Wang Yi", "CHN")],
    date="2019-01-22", location=Location(name="Moscow", country="RUS", lat=55.75, lon=37.62),
    evidence="Lavrov met Kono and Wang in Moscow", start=10, end=44, mentions=[{"start": 10, "end": 44}],
)  # fmt: skip
SANCTION = Event(
    id="e2", type="SANCTION", cameo="163", quad=4,
    actors=[participant("United States", "USA")], recipients=[participant("Russia", "RUS")],
    date="2019-03-05", status="occurred", evidence="The United States imposed sanctions", start=50, end=80,
)  # fmt: skip


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request, tmp_path_factory) -> str:
    """A database with three articles (one meeting told twice, one sanction), on each back end."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'export.db'}"
    else:
        url = os.environ.get("COMMUNIQUE_TEST_PG")
        if not url:
            pytest.skip("COMMUNIQUE_TEST_PG is not set")
        from sqlalchemy import text

        from communique.store.engine import engine_for

        with engine_for(url).begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    store = Store(url)
    reports = [
        (
            "a.txt",
            report(
                "Lavrov met Kono and Wang in Moscow.", [MEETING], "TASS", "https://tass.example/1"
            ),
        ),
        (
            "b.txt",
            report("The ministers met in Moscow.", [MEETING], "Kyodo", "https://kyodo.example/2"),
        ),
        (
            "c.txt",
            report(
                "The United States imposed sanctions.", [SANCTION], "AP", "https://ap.example/3"
            ),
        ),
    ]
    store.write(
        [Record(id=content_hash(r.article.text), location=loc, report=r) for loc, r in reports]
    )
    return url


def test_plover_jsonl(db, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(db, "plover", out) == 2
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    meeting, sanction = records
    assert meeting["event"] == ["CONSULT"] and meeting["date"] == "2019-01-22"
    assert [a["code"] for a in meeting["source"]] == ["RUS", "JPN", "CHN"]
    assert meeting["source"][0] == {"actor_text": "Sergei Lavrov", "code": "RUS", "sector": "GOV"}
    assert meeting["recipient"] == []
    assert meeting["event_loc"]["name"] == "Moscow" and meeting["event_loc"]["cc3"] == "RUS"
    assert (
        meeting["quad_code"] == 1 and meeting["num_articles"] == 2 and meeting["num_sources"] == 2
    )
    assert meeting["cite_info"]["url"] == "https://tass.example/1"
    assert sanction["recipient"] == [{"actor_text": "Russia", "code": "RUS", "sector": "GOV"}]
    assert sanction["event_scale"] == -8.0
    assert all(r["id"] and r["coder"].startswith("communique") for r in records)


def test_reports_jsonl(db, tmp_path):
    out = tmp_path / "reports.jsonl"
    assert export(db, "jsonl", out) == 3
    reports = [
        Report.model_validate(json.loads(line))
        for line in out.read_text(encoding="utf-8").splitlines()
    ]
    assert {r.article.source for r in reports} == {"TASS", "Kyodo", "AP"}


def test_events_csv(db, tmp_path):
    out = tmp_path / "events.csv"
    assert export(db, "csv", out) == 2
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["type"] for r in rows] == ["CONSULT", "SANCTION"]
    assert rows[0]["actor_countries"] == "RUS; JPN; CHN"
    assert rows[0]["num_mentions"] == "2" and rows[1]["recipient_countries"] == "RUS"


def test_events_parquet(db, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    assert export(db, "parquet", out) == 2
    table = pq.read_table(out)
    assert table.num_rows == 2
    assert table.column("type").to_pylist() == ["CONSULT", "SANCTION"]
    assert table.column("num_articles").to_pylist() == [2, 1]
    assert table.schema.field("goldstein").type == "double"


def test_gdelt_tsv_has_61_columns_and_dyads(db, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    assert export(db, "gdelt", out) == 4  # the meeting of three is three pairs
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    assert all(len(row) == 61 for row in rows)
    from communique.store.cameo import gdelt_event_columns

    records = [dict(zip(gdelt_event_columns(), row, strict=True)) for row in rows]
    pairs = [(r["Actor1CountryCode"], r["Actor2CountryCode"]) for r in records]
    assert pairs == [("RUS", "JPN"), ("RUS", "CHN"), ("JPN", "CHN"), ("USA", "RUS")]
    first, last = records[0], records[-1]
    assert (
        first["SQLDATE"] == "20190122"
        and first["MonthYear"] == "201901"
        and first["Year"] == "2019"
    )
    assert first["Actor1Code"] == "RUSGOV" and first["Actor1Name"] == "SERGEI LAVROV"
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "043",
        "043",
        "04",
    )
    assert first["QuadClass"] == "1" and first["GoldsteinScale"] == "2.8"
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("2", "2", "2")
    assert first["ActionGeo_FullName"] == "Moscow" and first["ActionGeo_Lat"] == "55.75"
    assert first["SOURCEURL"] == "https://tass.example/1" and len(first["DATEADDED"]) == 14
    assert last["QuadClass"] == "4" and last["GoldsteinScale"] == "-8.0"
    assert len({r["GLOBALEVENTID"] for r in records}) == 4


def test_quotations_csv(db, tmp_path):
    out = tmp_path / "quotes.csv"
    assert export(db, "quotes", out) == 3
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["speaker"] for r in rows} == {"Sergei Lavrov"}
    assert rows[0]["text"] == "We are ready" and rows[0]["kind"] == "direct"


def test_unknown_format_is_a_clear_error(db, tmp_path):
    from communique.errors import InputError

    with pytest.raises(InputError, match="unknown export format"):
        export(db, "xml", tmp_path / "x")


def test_a_format_registered_once_is_exported_and_listed(db, tmp_path, monkeypatch):
    """Adding a format is one decorated function: export() and the CLI's help find it."""
    from sqlalchemy import select
    from typer.testing import CliRunner

    from communique.cli import app
    from communique.store import export as exports
    from communique.store.schema import events

    monkeypatch.setattr(exports, "EXPORTERS", dict(exports.EXPORTERS))

    @exports.exporter("ids")
    def export_ids(conn, out) -> int:
        """Event ids, one a line."""
        ids = [str(i) for i in conn.execute(select(events.c.id).order_by(events.c.id)).scalars()]
        out.write_text("".join(f"{i}\n" for i in ids), encoding="utf-8")
        return len(ids)

    out = tmp_path / "ids.txt"
    assert export(db, "ids", out) == 2
    assert out.read_text(encoding="utf-8").split() == ["1", "2"]
    shown = CliRunner().invoke(app, ["export", "--help"], terminal_width=200).output
    assert "ids: Event ids, one a line." in shown
    assert "plover: Events as PLOVER JSONL, one event per line." in shown
    with pytest.raises(ValueError, match="two export formats"):
        exports.exporter("ids")(export_ids)


def test_missing_sqlite_database_is_a_clear_error(tmp_path):
    from communique.errors import InputError

    with pytest.raises(InputError, match="no such database"):
        export(f"sqlite:///{tmp_path / 'missing.db'}", "csv", tmp_path / "x.csv")
    assert not (tmp_path / "missing.db").exists()


# Every shape of TIMEX3 value an event's date may hold, with the day GDELT's date fields get
# in an article of 2022-08-03 and where that day comes from.
ARTICLE_DATE = "2022-08-03"
TIMEX_DATES = [
    ("2022-08-02", "20220802", "event"),
    ("2022-08-02T10:30", "20220802", "event"),
    ("2022-08-02TMO", "20220802", "event"),
    ("2022-W31-2", "20220802", "event"),
    ("2022-W31-WE", "20220806", "event-start"),  # the weekend after the article
    ("2022-W31", "20220803", "article"),  # the week holds the article's day
    ("2022-08", "20220803", "article"),
    ("2022-SU", "20220803", "article"),
    ("2022-Q3", "20220803", "article"),
    ("2022-H2", "20220803", "article"),
    ("2022", "20220803", "article"),
    ("2022-08-XX", "20220803", "article"),
    ("2019-02", "20190201", "event-start"),
    ("2019-WI", "20191201", "event-start"),
    ("2019-Q1", "20190101", "event-start"),
    ("199", "19900101", "event-start"),  # the 1990s
    ("19", "19000101", "event-start"),  # the 20th century
    ("20", "20220803", "article"),  # the 21st century
    ("PRESENT_REF", "20220803", "article"),
    ("PAST_REF", "20220803", "article"),
    ("FUTURE_REF", "20220803", "article"),
    ("XXXX-WXX-2", "20220803", "article"),
    ("XXXX-08-02", "20220803", "article"),
    ("XXXX", "20220803", "article"),
    ("P3D", "20220803", "article"),  # a duration is no date
    ("2019-W53", "20220803", "article"),  # 2019 has no week 53
    (None, "20220803", "article"),
]


def _dated_event(number: int, date: str | None) -> Event:
    # Each event its own actor, so that no two merge whatever their dates.
    return Event(
        id=f"e{number}", type="CONSULT", cameo="043", quad=1, date=date,
        actors=[participant(f"Minister {number}", "RUS"), participant("Taro Kono", "JPN")],
        evidence="The ministers met", start=0, end=10,
    )  # fmt: skip


@pytest.fixture(scope="module")
def timex_db(tmp_path_factory) -> str:
    """One article of 2022-08-03 with an event for every TIMEX3 shape, and one undated article."""
    url = f"sqlite:///{tmp_path_factory.mktemp('timex') / 'timex.db'}"
    dated = report("The ministers met.", [], "TASS", "https://tass.example/w")
    dated.article.date = ARTICLE_DATE
    dated.events = [_dated_event(i, value) for i, (value, _, _) in enumerate(TIMEX_DATES)]
    undated = report("They met again.", [], "TASS", "https://tass.example/u")
    undated.article.date = None
    undated.events = [_dated_event(100, "2022-W31"), _dated_event(101, "PRESENT_REF")]
    Store(url).write(
        [Record(id=content_hash(r.article.text), location=loc, report=r)
         for loc, r in (("dated.txt", dated), ("undated.txt", undated))]
    )  # fmt: skip
    return url


def test_gdelt_dates_every_timex_shape_by_the_most_precise_day(timex_db, tmp_path):
    from communique.store.cameo import gdelt_event_columns

    out = tmp_path / "events.tsv"
    assert export(timex_db, "gdelt", out) == len(TIMEX_DATES) + 2
    with out.open(encoding="utf-8", newline="") as handle:
        rows = [
            dict(zip(gdelt_event_columns(), row, strict=True))
            for row in csv.reader(handle, delimiter="\t")
        ]
    with (tmp_path / "events.dates.tsv").open(encoding="utf-8", newline="") as handle:
        notes = list(csv.DictReader(handle, delimiter="\t"))
    assert [n["GLOBALEVENTID"] for n in notes] == [r["GLOBALEVENTID"] for r in rows]
    got = [
        (n["TIMEX3"] or None, r["SQLDATE"], n["SQLDATE_from"])
        for n, r in zip(notes, rows, strict=True)
    ]
    assert got[: len(TIMEX_DATES)] == TIMEX_DATES
    # Without the article's date: a week's first day, and nothing for a reference to now.
    assert got[len(TIMEX_DATES) :] == [
        ("2022-W31", "20220801", "event-start"),
        ("PRESENT_REF", "", "none"),
    ]
    for row in rows:
        if row["SQLDATE"]:
            assert row["MonthYear"] == row["SQLDATE"][:6] and row["Year"] == row["SQLDATE"][:4]
            assert float(row["FractionDate"]) // 1 == int(row["Year"])
        else:
            assert row["MonthYear"] == row["Year"] == row["FractionDate"] == ""


@pytest.mark.parametrize("format", ["plover", "jsonl", "csv", "parquet", "gdelt", "quotes"])
def test_every_format_exports_every_timex_shape(timex_db, tmp_path, format):
    out = tmp_path / f"export.{format}"
    articles, events = 2, len(TIMEX_DATES) + 2  # one quotation per article, one dyad per event
    assert export(timex_db, format, out) == (articles if format in ("jsonl", "quotes") else events)


def _exported_dates(timex_db, tmp_path, format) -> list[str | None]:
    out = tmp_path / f"export.{format}"
    export(timex_db, format, out)
    if format == "plover":
        return [json.loads(line)["date"] for line in out.read_text(encoding="utf-8").splitlines()]
    if format == "csv":
        with out.open(encoding="utf-8", newline="") as handle:
            return [row["date"] or None for row in csv.DictReader(handle)]
    if format == "parquet":
        import pyarrow.parquet as pq

        return pq.read_table(out).column("date").to_pylist()
    reports = [
        Report.model_validate(json.loads(line))
        for line in out.read_text(encoding="utf-8").splitlines()
    ]
    return [event.date for r in reports for event in r.events]


@pytest.mark.parametrize("format", ["plover", "csv", "parquet", "jsonl"])
def test_event_dates_round_trip_in_every_format_read_back(timex_db, tmp_path, format):
    values = [value for value, _, _ in TIMEX_DATES] + ["2022-W31", "PRESENT_REF"]
    assert sorted(_exported_dates(timex_db, tmp_path, format), key=str) == sorted(values, key=str)
