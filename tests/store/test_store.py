"""The event database on SQLite and PostgreSQL: schema, idempotent writes, merging, queries."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from communique.store import Record, Store, StoreError, content_hash, normalize_url
from communique.store import migrations as migrations_module
from communique.store.migrations import Migration, latest_version, migrate
from communique.store.schema import articles, event_dyads, event_mentions, events
from communique.store.writer import duplicate_id, dyads_of, failure_id


def record(report, location: str, **kw) -> Record:
    return Record(
        id=content_hash(report.article.text + location), location=location, report=report, **kw
    )


def test_postgresql_urls_use_psycopg():
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url(None) == "sqlite:///communique.db"


def test_schema_is_versioned_and_migrations_run_once(db_url, monkeypatch):
    store = Store(db_url)
    assert store.version == latest_version()
    with store.engine.connect() as conn:
        versions = (
            conn.execute(text("SELECT version FROM schema_version ORDER BY version"))
            .scalars()
            .all()
        )
    assert versions == list(range(1, latest_version() + 1))  # each migration recorded once

    applied = []
    extra = Migration(
        latest_version() + 1,
        "test: add a column",
        lambda conn: applied.append(
            conn.execute(text("ALTER TABLE articles ADD COLUMN note TEXT"))
        ),
    )
    monkeypatch.setattr(migrations_module, "MIGRATIONS", [*migrations_module.MIGRATIONS, extra])
    assert migrate(store.engine) == extra.version
    assert migrate(store.engine) == extra.version
    assert len(applied) == 1
    with store.engine.connect() as conn:
        conn.execute(text("SELECT note FROM articles"))


def test_newer_schema_is_refused(db_url):
    store = Store(db_url)
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO schema_version (version, applied_at, description) VALUES (999, 'x', 'future')"
            )
        )
    with pytest.raises(StoreError, match="newer"):
        Store(db_url)


def test_report_is_written_with_sections_and_again_adds_nothing(
    db_url, report_factory, event_factory
):
    store = Store(db_url)
    report = report_factory("Lavrov met Kono in Moscow.", [event_factory()])
    rec = record(report, "a.txt")
    first = store.write([rec])[0]
    assert (first.status, first.new_events, first.merged_events) == ("ok", 1, 0)
    counts = store.counts()
    assert counts["articles"] == 1 and counts["events"] == 1
    assert counts["quotes"] == 1 and counts["entities"] == 1 and counts["places"] == 1

    again = store.write([rec])[0]
    assert again.status is None
    assert store.counts() == counts
    stored = store.article(rec.id)
    assert stored["report"]["article"]["text"] == report.article.text
    assert stored["events"][0]["type"] == "CONSULT"


def test_same_event_in_several_articles_is_one_event_with_counts(
    db_url, report_factory, event_factory
):
    store = Store(db_url)
    a = report_factory(
        "Lavrov met Kono.", [event_factory(date="2019-01-22", mentions=2)], source="TASS"
    )
    b = report_factory(
        "Kono and Lavrov talked.", [event_factory(date="2019-01-23")], source="Kyodo"
    )
    c = report_factory("The ministers met.", [event_factory(date="2019-01-21")], source="TASS")
    store.write([record(a, "a"), record(b, "b"), record(c, "c")])
    stored = store.events()
    assert len(stored) == 1
    event = stored[0]
    assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (4, 3, 2)
    detail = store.event(event["id"])
    assert [m["source"] for m in detail["mentions"]] == ["tass", "kyodo", "tass"]
    assert detail["mentions"][0]["offsets"] == [[0, 10], [1, 11]]


@pytest.mark.parametrize(
    "change",
    [
        {"date": "2019-01-24"},  # two days later
        {"location": ("Tokyo", "JPN")},
        {"type": "AGREE", "cameo": "030"},
        {"actors": (("Sergei Lavrov", "RUS"), ("Mike Pompeo", "USA"))},
        {"status": "planned"},
    ],
)
def test_different_events_are_not_merged(db_url, report_factory, event_factory, change):
    store = Store(db_url)
    a = report_factory("One.", [event_factory()])
    b = report_factory("Two.", [event_factory(**change)])
    store.write([record(a, "a"), record(b, "b")])
    assert len(store.events()) == 2


def test_planned_events_merge_only_on_the_same_date(db_url, report_factory, event_factory):
    store = Store(db_url)
    reports = [
        report_factory("One.", [event_factory(status="planned", date="2019-02-01")]),
        report_factory("Two.", [event_factory(status="planned", date="2019-02-01")]),
        report_factory("Three.", [event_factory(status="planned", date="2019-02-02")]),
    ]
    store.write([record(r, str(i)) for i, r in enumerate(reports)])
    assert sorted(e["num_articles"] for e in store.events()) == [1, 2]


@pytest.mark.parametrize("value", ["2019-W04-2", "2019-W04", "2019-01", "2019-SU", "PRESENT_REF"])
def test_events_dated_by_other_timex_values_merge_on_the_same_value(
    db_url, report_factory, event_factory, value
):
    store = Store(db_url)
    reports = [report_factory(f"Report {i}.", [event_factory(date=value)]) for i in range(2)]
    store.write([record(r, str(i)) for i, r in enumerate(reports)])
    stored = store.events()
    assert [(e["date"], e["num_articles"]) for e in stored] == [(value, 2)]


def test_participants_match_by_country_and_name_in_any_order(db_url, report_factory, event_factory):
    store = Store(db_url)
    a = report_factory(
        "One.", [event_factory(actors=(("Sergei Lavrov", "RUS"), ("Taro Kono", "JPN")))]
    )
    b = report_factory(
        "Two.", [event_factory(actors=(("taro  kono", "JPN"), ("Sergei Lavrov", "RUS")))]
    )
    store.write([record(a, "a"), record(b, "b")])
    assert len(store.events()) == 1


def test_bad_documents_are_rows_with_status_and_error(db_url, report_factory):
    store = Store(db_url)
    ok = report_factory("Lavrov met Kono.")
    german = report_factory(
        "Der Minister traf sich mit dem Botschafter.", language="de", with_sections=False
    )
    written = store.write(
        [
            Record(
                id=failure_id("bad.gz"),
                location="bad.gz",
                error="bad.gz: cannot be read: not a gzip file",
            ),
            record(ok, "ok.txt"),
            Record(id=content_hash(ok.article.text + "ok.txt"), location="copy.txt", report=ok),
            record(german, "de.txt"),
            record(
                ok,
                "latin1.txt",
                warnings=["latin1.txt: invalid UTF-8; 2 byte sequence(s) replaced"],
            ),
        ]
    )
    assert [w.status for w in written] == ["error", "ok", "duplicate", "language", "warning"]
    assert written[2].article_id == duplicate_id(
        "copy.txt", content_hash(ok.article.text + "ok.txt")
    )
    assert "duplicate of ok.txt" in written[2].error
    by_status = store.counts()["articles_by_status"]
    assert by_status == {"error": 1, "ok": 1, "duplicate": 1, "language": 1, "warning": 1}
    rows = store.articles(status="error")
    assert rows[0]["error"].startswith("bad.gz: cannot be read")
    # Writing the same again adds nothing, duplicates included.
    store.write(
        [Record(id=content_hash(ok.article.text + "ok.txt"), location="copy.txt", report=ok)]
    )
    assert store.counts()["articles"] == 5


def test_queries_filter_by_dyad_country_type_date_and_location(
    db_url, report_factory, event_factory
):
    store = Store(db_url)
    sanction = event_factory(
        type="SANCTION",
        cameo="163",
        actors=(("United States", "USA"),),
        recipients=(("Russia", "RUS"),),
        date="2019-03-05",
        location=("Washington", "USA"),
        event_id="e2",
    )
    store.write(
        [
            record(report_factory("One.", [event_factory()]), "a"),
            record(report_factory("Two.", [sanction]), "b"),
        ]
    )
    assert [e["type"] for e in store.events(country="RUS")] == ["CONSULT", "SANCTION"]
    assert [e["type"] for e in store.events(actor_country="USA", recipient_country="RUS")] == [
        "SANCTION"
    ]
    assert store.events(actor_country="RUS", recipient_country="USA") == []
    assert [e["type"] for e in store.events(type="consult")] == ["CONSULT"]
    assert [e["type"] for e in store.events(date_from="2019-02-01")] == ["SANCTION"]
    assert [e["type"] for e in store.events(date_to="2019-01")] == ["CONSULT"]
    assert [e["type"] for e in store.events(location="moscow")] == ["CONSULT"]
    assert [e["goldstein"] for e in store.events(type="SANCTION")] == [-8.0]
    actors = store.actors()
    assert {(a["name"], a["events"]) for a in actors} >= {("Sergei Lavrov", 1), ("Russia", 1)}
    assert [(t["date"], t["type"]) for t in store.timeline()] == [
        ("2019-01-22", "CONSULT"),
        ("2019-03-05", "SANCTION"),
    ]


def test_meetings_expand_into_pairs_and_dyads_are_stored(db_url, report_factory, event_factory):
    three = event_factory(actors=(("A", "RUS"), ("B", "JPN"), ("C", "CHN")))
    assert [(a.name, b.name) for a, b in dyads_of(three)] == [("A", "B"), ("A", "C"), ("B", "C")]
    accuse = event_factory(
        type="ACCUSE", actors=(("A", "RUS"), ("B", "CHN")), recipients=(("C", "USA"),)
    )
    assert [(a.name, b.name) for a, b in dyads_of(accuse)] == [("A", "C"), ("B", "C")]
    lone = event_factory(actors=(("A", "RUS"),))
    assert [(a.name, b) for a, b in dyads_of(lone)] == [("A", None)]
    store = Store(db_url)
    store.write([record(report_factory("Three met.", [three]), "a")])
    with store.engine.connect() as conn:
        assert conn.execute(
            select(event_dyads.c.actor1_country, event_dyads.c.actor2_country).order_by(
                event_dyads.c.position
            )
        ).all() == [("RUS", "JPN"), ("RUS", "CHN"), ("JPN", "CHN")]


def test_a_batch_is_one_transaction(db_url, report_factory, event_factory):
    store = Store(db_url)
    good = record(report_factory("One.", [event_factory()]), "a")
    with store.engine.connect() as conn:
        before = conn.execute(select(articles.c.id)).all()
    try:
        with store.engine.begin() as conn:
            from communique.store.writer import write_records

            write_records(conn, [good])
            raise RuntimeError("killed mid-batch")
    except RuntimeError:
        pass
    with store.engine.connect() as conn:
        assert conn.execute(select(articles.c.id)).all() == before
        assert conn.execute(select(events.c.id)).all() == []
        assert conn.execute(select(event_mentions.c.pk)).all() == []


def test_sqlite_readers_are_not_blocked_by_a_writer(tmp_path, report_factory, event_factory):
    url = f"sqlite:///{tmp_path / 'wal.db'}"
    store = Store(url)
    store.write([record(report_factory("One.", [event_factory()]), "a")])
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    from communique.store.writer import write_records

    with store.engine.begin() as writer:
        write_records(writer, [record(report_factory("Two.", [event_factory(type="AGREE")]), "b")])
        # The write transaction is open: a reader still reads, and sees the committed state.
        assert store.counts()["articles"] == 1
        assert len(store.events()) == 1
    assert store.counts()["articles"] == 2


def test_a_document_the_database_refuses_becomes_an_error_row(
    db_url, report_factory, event_factory
):
    from communique.ingest.write import write_or_isolate

    store = Store(db_url)
    good = record(report_factory("One.", [event_factory()]), "good.txt")
    bad = record(report_factory("Two.", [event_factory(type="AGREE")]), "bad.txt")
    bad.report.entities[0].__dict__["name"] = None  # breaks NOT NULL, as a driver refusal would
    written = write_or_isolate(store, [good, bad])
    assert [w.status for w in written] == ["ok", "error"]
    assert "the database refused the document" in written[1].error
    assert store.counts()["events"] == 1
