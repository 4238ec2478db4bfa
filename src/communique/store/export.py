"""Exports of the event database: PLOVER JSONL, CSV, Parquet, GDELT 2.0 TSV, reports, quotations.

Each format is a function ``write(conn, out) -> records written`` registered under its name
with :func:`exporter`; :func:`export` (and ``communique export --format NAME``) finds it in
:data:`EXPORTERS`, and ``communique export --help`` lists the formats with the first line of
each docstring. An exporter reads in one transaction (a consistent snapshot while an ingest
writes) and streams rows in a stable order. A new format is one decorated function here::

    @exporter("ndjson")
    def export_ndjson(conn: Connection, out: Path) -> int:
        ...  # its docstring's first line is the format's help; return the records written
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Connection, select

from communique import __version__
from communique.countries import GROUP_CODES
from communique.store import cameo
from communique.store.schema import articles, event_dyads, events, quotes
from communique.store.timex import timex_span

Exporter = Callable[[Connection, Path], int]
# Format name -> exporter, in registration order.
EXPORTERS: dict[str, Exporter] = {}

STREAM = {"stream_results": True, "yield_per": 500}
# Actor "countries" that are really organisation classes (CAMEO known-group codes).

EVENT_CSV_COLUMNS = (
    "id", "date", "type", "mode", "cameo", "quad", "goldstein", "status",
    "actors", "actor_countries", "recipients", "recipient_countries",
    "location", "location_country", "lat", "lon",
    "num_mentions", "num_sources", "num_articles",
    "first_article_id", "source_url", "evidence",
)  # fmt: skip
QUOTE_CSV_COLUMNS = (
    "article_id", "date", "source", "url", "headline", "quote_id", "speaker", "speaker_entity",
    "speaker_text", "kind", "cue", "start", "end", "text",
)  # fmt: skip


def exporter(name: str) -> Callable[[Exporter], Exporter]:
    """Register ``write(conn, out) -> records`` as the export format ``name`` (a decorator;
    the function is returned unchanged)."""

    def register(write: Exporter) -> Exporter:
        if name in EXPORTERS:
            raise ValueError(f"two export formats are called '{name}'")
        EXPORTERS[name] = write
        return write

    return register


def formats() -> dict[str, str]:
    """Every format's name -> what it writes (the first line of its docstring), by name."""
    return {name: _summary(EXPORTERS[name]) for name in sorted(EXPORTERS)}


def _summary(write: Exporter) -> str:
    lines = (write.__doc__ or "").strip().splitlines()
    return lines[0].replace("``", "") if lines else ""


def _events(conn: Connection) -> Iterator:
    return conn.execution_options(**STREAM).execute(select(events).order_by(events.c.id))


def _names(participants: list[dict]) -> str:
    return "; ".join(p.get("name") or "" for p in participants)


def _countries(participants: list[dict]) -> str:
    return "; ".join(p.get("country") or "" for p in participants)


def event_row(row) -> dict:
    """One event as a flat record (CSV and Parquet)."""
    return {
        "id": row.id,
        "date": row.date,
        "type": row.type,
        "mode": row.mode,
        "cameo": row.cameo,
        "quad": row.quad,
        "goldstein": row.goldstein,
        "status": row.status,
        "actors": _names(row.actors),
        "actor_countries": _countries(row.actors),
        "recipients": _names(row.recipients),
        "recipient_countries": _countries(row.recipients),
        "location": row.location_name,
        "location_country": row.location_country,
        "lat": row.lat,
        "lon": row.lon,
        "num_mentions": row.num_mentions,
        "num_sources": row.num_sources,
        "num_articles": row.num_articles,
        "first_article_id": row.first_article_id,
        "source_url": row.source_url,
        "evidence": row.evidence,
    }


@exporter("csv")
def export_csv(conn: Connection, out: Path) -> int:
    """Events as CSV, one row per (merged) event."""
    count = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=EVENT_CSV_COLUMNS)
        writer.writeheader()
        for row in _events(conn):
            writer.writerow(event_row(row))
            count += 1
    return count


@exporter("parquet")
def export_parquet(conn: Connection, out: Path, rows_per_group: int = 10_000) -> int:
    """Events as Parquet (the CSV columns, typed)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    text = pa.string()
    types = dict.fromkeys(EVENT_CSV_COLUMNS, text)
    types.update(
        id=pa.int64(), quad=pa.int8(), goldstein=pa.float64(), lat=pa.float64(), lon=pa.float64(),
        num_mentions=pa.int64(), num_sources=pa.int64(), num_articles=pa.int64(),
    )  # fmt: skip
    schema = pa.schema([(name, types[name]) for name in EVENT_CSV_COLUMNS])
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        buffer: list[dict] = []
        for row in _events(conn):
            buffer.append(event_row(row))
            if len(buffer) >= rows_per_group:
                writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
                count, buffer = count + len(buffer), []
        writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
        count += len(buffer)
    return count


def plover_actor(participant: dict) -> dict:
    actor = {"actor_text": participant.get("name"), "code": participant.get("country")}
    if participant.get("sector"):
        actor["sector"] = participant["sector"]
    return actor


def plover_record(row, article) -> dict:
    """One event in the PLOVER JSON fields (PLOVER manual, "JSON Data Fields")."""
    location = None
    if row.location_name:
        location = {"name": row.location_name, "cc3": row.location_country}
        if row.lat is not None:
            location.update(latitude=row.lat, longitude=row.lon)
        if row.geonames_id is not None:
            location["geonameid"] = row.geonames_id
    record = {
        "id": f"communique-{row.id}",
        "has_event": True,
        "date": row.date,
        "source": [plover_actor(p) for p in row.actors],
        "recipient": [plover_actor(p) for p in row.recipients],
        "event": [row.type],
        "mode": [row.mode] if row.mode else [],
        "context": [],
        "event_loc": location,
        "event_text": [row.evidence] if row.evidence else [],
        "quad_code": row.quad,
        "event_scale": row.goldstein,
        "cite_info": {
            "citation": row.first_article_id,
            "url": row.source_url,
            "title": article.headline if article else None,
            "language": article.language if article else None,
            "publication": article.source if article else None,
        },
        "coder": f"communique {__version__}",
        "coded_date": (row.added_at or "")[:10] or None,
        # communique's own fields
        "status": row.status,
        "cameo": row.cameo,
        "num_mentions": row.num_mentions,
        "num_sources": row.num_sources,
        "num_articles": row.num_articles,
    }
    return record


@exporter("plover")
def export_plover(conn: Connection, out: Path) -> int:
    """Events as PLOVER JSONL, one event per line."""
    query = (
        select(events, articles.c.headline, articles.c.language, articles.c.source)
        .join(articles, articles.c.id == events.c.first_article_id)
        .order_by(events.c.id)
    )
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for row in conn.execution_options(**STREAM).execute(query):
            handle.write(
                json.dumps(plover_record(row, row), ensure_ascii=False, sort_keys=True) + "\n"
            )
            count += 1
    return count


@exporter("jsonl")
def export_reports(conn: Connection, out: Path) -> int:
    """The stored reports as JSONL (the ``communique analyze`` contract), one article per line."""
    query = (
        select(articles.c.report)
        .where(articles.c.report.is_not(None))
        .order_by(articles.c.date.is_(None), articles.c.date, articles.c.id)
    )
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for (report,) in conn.execution_options(**STREAM).execute(query):
            handle.write(json.dumps(report, ensure_ascii=False) + "\n")
            count += 1
    return count


@exporter("quotes")
def export_quotes(conn: Connection, out: Path) -> int:
    """Quotations as CSV, with their speakers and articles."""
    query = (
        select(quotes, articles.c.date, articles.c.source, articles.c.url, articles.c.headline)
        .join(articles, articles.c.id == quotes.c.article_id)
        .order_by(articles.c.date.is_(None), articles.c.date, quotes.c.article_id, quotes.c.start)
    )
    count = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(QUOTE_CSV_COLUMNS)
        for row in conn.execution_options(**STREAM).execute(query):
            writer.writerow(
                [row.article_id, row.date, row.source, row.url, row.headline, row.quote_id,
                 row.speaker_name, row.speaker_entity, row.speaker_text, row.kind, row.cue,
                 row.start, row.end, row.text]
            )  # fmt: skip
            count += 1
    return count


# Where the day of a GDELT row comes from (the ``SQLDATE_from`` column of the dates note).
DAY_FROM_EVENT = "event"  # the event's date names the day
DAY_FROM_ARTICLE = "article"  # the article's date: inside the event's span, or the event names none
DAY_FROM_SPAN_START = "event-start"  # the first day of the event's week, month, season, year, ...
DAY_FROM_NOTHING = "none"  # neither the event nor the article has a date
DATES_NOTE_COLUMNS = ("GLOBALEVENTID", "TIMEX3", "SQLDATE", "SQLDATE_from")


@exporter("gdelt")
def export_gdelt(conn: Connection, out: Path) -> int:
    """Events as a GDELT 2.0 events file: tab-separated, 61 columns, no header, one row per dyad.

    GDELT dates every event by a day; communique's event dates are TIMEX3 values of any
    granularity. Beside ``out`` goes a note (:func:`dates_note_path`, tab-separated with a
    header) that gives each row's TIMEX3 value and where its SQLDATE comes from."""
    columns = cameo.gdelt_event_columns()
    query = (
        select(events, event_dyads, articles.c.date.label("article_date"))
        .join(event_dyads, event_dyads.c.event_id == events.c.id)
        .outerjoin(articles, articles.c.id == events.c.first_article_id)
        .order_by(events.c.id, event_dyads.c.position)
    )
    count = 0
    with (
        out.open("w", encoding="utf-8", newline="") as handle,
        dates_note_path(out).open("w", encoding="utf-8", newline="") as note_handle,
    ):
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        note = csv.writer(note_handle, delimiter="\t", lineterminator="\n")
        note.writerow(DATES_NOTE_COLUMNS)
        for row in conn.execution_options(**STREAM).execute(query):
            record = gdelt_record(row)
            writer.writerow(["" if record.get(c) is None else record[c] for c in columns])
            note.writerow(
                [record["GLOBALEVENTID"], row.date or "", record.get("SQLDATE") or "",
                 record["SQLDATE_from"]]
            )  # fmt: skip
            count += 1
    return count


def dates_note_path(out: Path) -> Path:
    """The note beside a GDELT export: ``events.tsv`` -> ``events.dates.tsv``."""
    return out.with_name(f"{out.stem if out.suffix else out.name}.dates.tsv")


def gdelt_record(row) -> dict:
    """One dyad of an event in GDELT 2.0 event fields (unknown fields stay empty), and
    ``SQLDATE_from``: where the date fields come from (not a GDELT column)."""
    record = {"GLOBALEVENTID": row.id * 1000 + row.position}
    day, day_from = gdelt_day(row.date, getattr(row, "article_date", None))
    record.update(_gdelt_date(day), SQLDATE_from=day_from)
    record.update(_gdelt_actor("Actor1", row.actor1_name, row.actor1_country, row.actor1_sector))
    record.update(_gdelt_actor("Actor2", row.actor2_name, row.actor2_country, row.actor2_sector))
    quad = cameo.quad_class(row.cameo) or row.quad
    record.update(
        IsRootEvent=row.is_root,
        EventCode=row.cameo,
        EventBaseCode=cameo.base_code(row.cameo),
        EventRootCode=cameo.root_code(row.cameo),
        QuadClass=quad,
        GoldsteinScale=cameo.goldstein(row.cameo) if row.cameo else row.goldstein,
        NumMentions=row.num_mentions,
        NumSources=row.num_sources,
        NumArticles=row.num_articles,
        DATEADDED=_gdelt_timestamp(row.added_at),
        SOURCEURL=row.source_url,
    )
    if row.location_name:
        record.update(
            ActionGeo_Type=_geo_type(row.feature, row.location_country),
            ActionGeo_FullName=row.location_name,
            ActionGeo_CountryCode=row.location_country,
            ActionGeo_Lat=row.lat,
            ActionGeo_Long=row.lon,
            ActionGeo_FeatureID=row.geonames_id,
        )
    return record


def gdelt_day(value: str | None, article_date: str | None) -> tuple[dt.date | None, str]:
    """The day GDELT's date fields give an event dated ``value`` (any TIMEX3 value), and
    where it comes from: the day the value names; else the article's date when it lies in the
    value's span (a week, month, season, ...) or the value names no span (``PRESENT_REF``,
    ``XXXX-WXX-2``, none); else the first day of the value's span."""
    span = timex_span(value)
    article = _iso_day(article_date)
    if span is not None and span.is_day:
        return span.first, DAY_FROM_EVENT
    if article is not None and (span is None or span.contains(article)):
        return article, DAY_FROM_ARTICLE
    if span is not None:
        return span.first, DAY_FROM_SPAN_START
    return None, DAY_FROM_NOTHING


def _iso_day(value: str | None) -> dt.date | None:
    span = timex_span(value)
    return span.first if span is not None and span.is_day else None


def _gdelt_date(day: dt.date | None) -> dict:
    if day is None:
        return {}
    return {
        "SQLDATE": day.year * 10000 + day.month * 100 + day.day,
        "MonthYear": day.year * 100 + day.month,
        "Year": day.year,
        "FractionDate": round(day.year + (day.month * 30 + day.day) / 365, 4),
    }


def _gdelt_actor(prefix: str, name: str | None, country: str | None, sector: str | None) -> dict:
    if not name and not country:
        return {}
    group = country if country in GROUP_CODES else None
    nation = None if group else country
    return {
        f"{prefix}Code": f"{country or ''}{sector or ''}" or None,
        f"{prefix}Name": (name or "").upper() or None,
        f"{prefix}CountryCode": nation,
        f"{prefix}KnownGroupCode": group,
        f"{prefix}Type1Code": sector,
    }


def _geo_type(feature: str | None, country: str | None) -> int:
    """GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    feature = (feature or "").upper()
    us = country in ("USA", "US")
    if feature.startswith("PCL"):
        return 1
    if feature.startswith("ADM1"):
        return 2 if us else 5
    return 3 if us else 4


def _gdelt_timestamp(added_at: str | None) -> str | None:
    digits = "".join(ch for ch in (added_at or "")[:19] if ch.isdigit())
    return digits if len(digits) == 14 else None


def export(url: str | None, format: str, out: Path) -> int:
    """Write the database at ``url`` to ``out`` in ``format``; return the number of records."""
    from communique.errors import InputError
    from communique.store import Store

    if format not in EXPORTERS:
        raise InputError(
            f"unknown export format '{format}'; choose one of: {', '.join(sorted(EXPORTERS))}"
        )
    _require_existing_sqlite(url)
    store = Store(url)
    with store.engine.connect() as conn, conn.begin():
        return EXPORTERS[format](conn, out)


def _require_existing_sqlite(url: str | None) -> None:
    """Exporting a SQLite file that does not exist is a mistake, not an empty export."""
    from sqlalchemy.engine import make_url

    from communique.errors import InputError
    from communique.store import normalize_url

    parsed = make_url(normalize_url(url))
    database = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if database and database != ":memory:" and not Path(database).exists():
        raise InputError(f"{database}: no such database (run communique ingest first)")
