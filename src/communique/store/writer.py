"""Writing documents into the event database: articles, their sections, merged events.

Everything one batch writes happens in one transaction, so a killed ingest leaves
whole articles or nothing; article ids are content hashes, so writing the same
document again adds nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import combinations
from urllib.parse import urlparse

from sqlalchemy import Connection, bindparam, distinct, func, select

from communique.language import is_analysed
from communique.model import Event, Place, Report
from communique.store import cameo, merge
from communique.store.schema import (
    articles,
    entities,
    event_dyads,
    event_mentions,
    event_participants,
    events,
    places,
    quotes,
)

# Article statuses.
OK = "ok"  # analysed
WARNING = "warning"  # analysed, but the input had a problem (e.g. invalid UTF-8)
ERROR = "error"  # could not be read or analysed
LANGUAGE = "language"  # not English: reported, not analysed
DUPLICATE = "duplicate"  # the same content as an article from another location
STATUSES = (OK, WARNING, ERROR, LANGUAGE, DUPLICATE)


def content_hash(content: str) -> str:
    """The article id of a document: the first 16 hex digits of the SHA-256 of its content."""
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def failure_id(location: str) -> str:
    """The article id of a document that could not be read: a hash of where it was."""
    return content_hash("\0unreadable\0" + location)


def duplicate_id(location: str, original: str) -> str:
    return content_hash(f"\0duplicate\0{location}\0{original}")


@dataclass
# Record holds the article fields of model.Report plus the ingest's own: alike in shape only.
class Record:
    """One document's outcome, ready to be written: a report, or an error."""

    id: str
    location: str | None = None
    report: Report | None = None
    error: str | None = None
    external_id: str | None = None
    url: str | None = None
    source: str | None = None
    date: str | None = None
    warnings: list[str] = field(default_factory=list)
    analysed: bool = True  # False: not sent for analysis (e.g. seen before in this run)
    retry: bool = False  # True: replace an error row stored for this document or its location


@dataclass
class Written:
    """What writing one record did."""

    article_id: str
    status: str | None  # None: nothing written, the document was already there
    error: str | None = None
    new_events: int = 0
    merged_events: int = 0


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def existing_ids(conn: Connection, ids: Iterable[str]) -> set[str]:
    """Which of these article ids the database already holds."""
    ids = sorted(set(ids))
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(conn.execute(select(articles.c.id).where(articles.c.id.in_(chunk))).scalars())
    return found


def known_articles(conn: Connection, ids: Iterable[str]) -> dict[str, tuple[str | None, str]]:
    """Article id -> (location, status), for those of these ids the database holds."""
    ids = sorted(set(ids))
    found: dict[str, tuple[str | None, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            select(articles.c.id, articles.c.location, articles.c.status).where(
                articles.c.id.in_(chunk)
            )
        )
        found.update((row.id, (row.location, row.status)) for row in rows)
    return found


def known_locations(conn: Connection, ids: Iterable[str]) -> dict[str, str | None]:
    """Article id -> location, for those of these ids the database holds."""
    return {key: location for key, (location, _status) in known_articles(conn, ids).items()}


def write_records(conn: Connection, records: Iterable[Record]) -> list[Written]:
    """Write records in the caller's transaction; return what each one did."""
    records = list(records)
    pending = Pending(known_articles(conn, (r.id for r in records)))
    written = [write_record(conn, record, pending) for record in records]
    pending.flush(conn)
    return written


def write_record(conn: Connection, record: Record, pending: Pending | None = None) -> Written:
    """Write one record; its sections and event rows go to ``pending``, written at its flush."""
    own = pending is None
    if pending is None:
        pending = Pending(known_articles(conn, [record.id]))
    if record.retry:
        _forget_errors(conn, record, pending)
    if record.id in pending.known:
        location, _status = pending.known[record.id]
        if record.location and location != record.location and record.error is None:
            return _write_duplicate(conn, record, location)
        return Written(record.id, None)
    if not record.analysed:
        # Only sent here as a duplicate; the original did not make it into the database.
        return Written(record.id, None, "the original of this duplicate was not written")
    status, error = article_status(record)
    _insert_article(conn, record, status, error)
    pending.known[record.id] = (record.location, status)
    written = Written(record.id, status, error)
    if record.report is not None and status in (OK, WARNING):
        pending.sections(record.id, record.report)
        for event in record.report.events:
            if write_event(conn, record, event, pending):
                written.new_events += 1
            else:
                written.merged_events += 1
    if own:
        pending.flush(conn)
    return written


class Pending:
    """Rows written in bulk at the end of a batch (fewer round trips to the database)."""

    def __init__(self, known: dict[str, tuple[str | None, str]] | None = None) -> None:
        # article id -> (location, status), stored or written in this batch
        self.known = dict(known or {})
        self.rows: dict = {table: [] for table in _BULK_TABLES}
        self.touched: set[int] = set()  # events whose counts must be recomputed

    def sections(self, article_id: str, report: Report) -> None:
        for table, rows in section_rows(article_id, report).items():
            self.rows[table].extend(rows)

    def flush(self, conn: Connection) -> None:
        for table in _BULK_TABLES:
            if self.rows[table]:
                conn.execute(table.insert(), self.rows[table])
                self.rows[table] = []
        touched = sorted(self.touched)
        for start in range(0, len(touched), 500):
            conn.execute(_RECOUNT, {"ids": touched[start : start + 500]})
        self.touched = set()


def _forget_errors(conn: Connection, record: Record, pending: Pending) -> None:
    """Delete the error rows this record replaces: its own, and its location's read failure."""
    stale = [record.id]
    if record.location:
        stale.append(failure_id(record.location))
    stored = known_articles(conn, stale)
    for article_id, (location, status) in stored.items():
        if status == ERROR and (article_id != record.id or location == record.location):
            conn.execute(articles.delete().where(articles.c.id == article_id))
            pending.known.pop(article_id, None)


def article_status(record: Record) -> tuple[str, str | None]:
    """The status and error of an article row."""
    if record.report is None:
        return ERROR, record.error or "not analysed"
    language = record.report.article.language
    if not is_analysed(language):
        return LANGUAGE, f"language '{language}' is reported but not analysed (English only)"
    problems = list(record.warnings) + [
        w for w in record.report.warnings if w not in record.warnings
    ]
    if problems:
        return WARNING, "; ".join(problems)
    return OK, None


def _write_duplicate(conn: Connection, record: Record, original: str | None) -> Written:
    dup = duplicate_id(record.location or "", record.id)
    if conn.execute(select(articles.c.id).where(articles.c.id == dup)).first() is not None:
        return Written(dup, None)
    error = f"duplicate of {original or record.id}"
    conn.execute(
        articles.insert().values(
            id=dup,
            location=record.location,
            external_id=record.external_id,
            url=record.url,
            source=record.source,
            date=record.date,
            status=DUPLICATE,
            error=error,
            duplicate_of=record.id,
            num_events=0,
            num_quotes=0,
            added_at=now(),
            report=None,
        )
    )
    return Written(dup, DUPLICATE, error)


def _insert_article(conn: Connection, record: Record, status: str, error: str | None) -> None:
    report = record.report
    art = report.article if report is not None else None
    row = {
        "id": record.id,
        "location": record.location,
        "external_id": record.external_id,
        "url": (art.url if art else None) or record.url,
        "source": (art.source if art else None) or record.source,
        "date": (art.date if art else None) or record.date,
        "language": art.language if art else None,
        "headline": art.headline if art else None,
        "status": status,
        "error": error,
        "duplicate_of": None,
        "num_events": len(report.events) if report else 0,
        "num_quotes": len(report.quotes) if report else 0,
        "added_at": now(),
        "report": report.to_dict() if report is not None else None,
    }
    conn.execute(articles.insert(), row)


def section_rows(article_id: str, report: Report) -> dict:
    """The entity, quote and place rows of a report."""
    entity_rows = [
        {
            "article_id": article_id,
            "entity_id": e.id,
            "name": e.name,
            "type": e.type,
            "country": e.actor.country if e.actor else None,
            "sector": e.actor.sector if e.actor else None,
            "role": e.actor.role if e.actor else None,
            "code": e.actor.code if e.actor else None,
            "num_mentions": len(e.mentions),
        }
        for e in report.entities
    ]
    # One row dict per section, alike in shape: each section has its own fields.
    quote_rows = [
        {
            "article_id": article_id,
            "quote_id": q.id,
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "kind": q.kind,
            "cue": q.cue,
            "speaker_entity": q.speaker.entity if q.speaker else None,
            "speaker_name": q.speaker.name if q.speaker else None,
            "speaker_text": q.speaker.text if q.speaker else None,
        }
        for q in report.quotes
    ]
    place_rows = [
        {
            "article_id": article_id,
            "place_id": p.id,
            "text": p.text,
            "start": p.start,
            "end": p.end,
            "name": p.name,
            "country": p.country,
            "lat": p.lat,
            "lon": p.lon,
            "feature": p.feature,
            "geonames_id": p.geonames_id,
        }
        for p in report.places
    ]
    return {entities: entity_rows, quotes: quote_rows, places: place_rows}


def source_key(record: Record) -> str:
    """Who published the article, for NumSources: the outlet, else the URL's host."""
    art = record.report.article if record.report else None
    source = (art.source if art else None) or record.source
    url = (art.url if art else None) or record.url
    if source:
        return source.strip().casefold()
    host = urlparse(url).hostname if url else None
    if host:
        return host.removeprefix("www.")
    return f"article:{record.id}"


_FIND_DATED = select(events.c.id, events.c.date).where(
    events.c.match_key == bindparam("key"), events.c.date.in_(bindparam("dates", expanding=True))
)
_FIND_UNDATED = select(events.c.id, events.c.date).where(
    events.c.match_key == bindparam("key"), events.c.date.is_(None)
)


def _per_event(aggregate):
    return select(aggregate).where(event_mentions.c.event_id == events.c.id).scalar_subquery()


# GDELT's counts, recomputed from the mentions of the events a batch touched.
_RECOUNT = (
    events.update()
    .where(events.c.id.in_(bindparam("ids", expanding=True)))
    .values(
        num_mentions=_per_event(func.coalesce(func.sum(event_mentions.c.tellings), 0)),
        num_articles=_per_event(func.count(distinct(event_mentions.c.article_id))),
        num_sources=_per_event(func.count(distinct(event_mentions.c.source))),
    )
)


_BULK_TABLES = (entities, quotes, places, event_participants, event_dyads, event_mentions)


def find_event(conn: Connection, event: Event) -> int | None:
    """The id of the stored event this mention tells, if there is one."""
    key = merge.match_key(event)
    dates = merge.candidate_dates(event)
    if dates == [None]:
        rows = conn.execute(_FIND_UNDATED, {"key": key}).all()
    else:
        rows = conn.execute(_FIND_DATED, {"key": key, "dates": dates}).all()
    if not rows:
        return None
    rank = {d: i for i, d in enumerate(dates)}
    return min(rows, key=lambda row: (rank.get(row.date, len(rank)), row.id)).id


def write_event(conn: Connection, record: Record, event: Event, pending: Pending) -> bool:
    """Store one event mention; return True when it is a new event, False when merged."""
    found = find_event(conn, event)
    source = source_key(record)
    tellings = max(1, len(event.mentions))
    is_new = found is None
    event_id = _insert_event(conn, record, event, tellings, pending) if found is None else found
    pending.touched.add(event_id)
    offsets = [[m.start, m.end] for m in event.mentions] or [[event.start, event.end]]
    pending.rows[event_mentions].append(
        {
            "event_id": event_id,
            "article_id": record.id,
            "article_event_id": event.id,
            "source": source,
            "date": event.date,
            "status": event.status,
            "start": event.start,
            "end": event.end,
            "evidence": event.evidence,
            "offsets": offsets,
            "tellings": tellings,
            "confidence": event.confidence,
        }
    )
    return is_new


def _insert_event(
    conn: Connection, record: Record, event: Event, tellings: int, pending: Pending
) -> int:
    report = record.report
    assert report is not None, "only an analysed record has events"
    loc = event.location
    place = _place_of(report, loc.place) if loc is not None and loc.place else None
    art = report.article
    result = conn.execute(
        events.insert(),
        {
            "match_key": merge.match_key(event),
            "type": event.type,
            "mode": event.mode,
            "cameo": event.cameo,
            "quad": event.quad or cameo.quad_class(event.cameo),
            "goldstein": event.score if event.score is not None else cameo.goldstein(event.cameo),
            "status": event.status,
            "date": event.date,
            "location_name": loc.name if loc else None,
            "location_country": loc.country if loc else None,
            "lat": loc.lat if loc else None,
            "lon": loc.lon if loc else None,
            "geonames_id": place.geonames_id if place else None,
            "feature": place.feature if place else None,
            "actors": [p.model_dump(mode="json") for p in event.actors],
            "recipients": [p.model_dump(mode="json") for p in event.recipients],
            "evidence": event.evidence,
            "quote": event.quote,
            "confidence": event.confidence,
            "is_root": int(_in_lead(report, event)),
            "first_article_id": record.id,
            "source_url": art.url or record.url or record.location,
            "num_mentions": tellings,
            "num_sources": 1,
            "num_articles": 1,
            "added_at": now(),
        },
    )
    key = result.inserted_primary_key
    assert key is not None, "an INSERT of one row has a primary key"
    event_id: int = key[0]
    pending.rows[event_participants].extend(participant_rows(event_id, event))
    pending.rows[event_dyads].extend(dyad_rows(event_id, event))
    return event_id


def _place_of(report: Report, place_id: str) -> Place | None:
    return next((p for p in report.places if p.id == place_id), None)


def _in_lead(report: Report, event: Event) -> bool:
    """Whether the event is told in the headline or the first body paragraph (GDELT IsRootEvent)."""
    art = report.article
    first = art.body.split("\n\n", 1)[0] if art.body else ""
    at = art.text.find(first) if first else -1
    lead_end = at + len(first) if at >= 0 else len(art.headline or "")
    return event.start < lead_end


def participant_rows(event_id: int, event: Event) -> list[dict]:
    return [
        {
            "event_id": event_id,
            "role": role,
            "position": i,
            "name": p.name,
            "country": p.country,
            "sector": p.sector,
        }
        for role, group in (("actor", event.actors), ("recipient", event.recipients))
        for i, p in enumerate(group)
    ]


def dyad_rows(event_id: int, event: Event) -> list[dict]:
    return [
        {
            "event_id": event_id,
            "position": i,
            "actor1_name": a.name if a else None,
            "actor1_country": a.country if a else None,
            "actor1_sector": a.sector if a else None,
            "actor2_name": b.name if b else None,
            "actor2_country": b.country if b else None,
            "actor2_sector": b.sector if b else None,
        }
        for i, (a, b) in enumerate(dyads_of(event))
    ]


def dyads_of(event: Event) -> list[tuple]:
    """The event as (actor, recipient) pairs, as CAMEO coders and GDELT record it.

    Each actor with each recipient; with several actors and no recipient (a meeting of
    several parties) each pair of actors once, in the order the article names them; a
    lone actor is one pair with an empty recipient.
    """
    actors, recipients = list(event.actors), list(event.recipients)
    if actors and recipients:
        return [(a, r) for a in actors for r in recipients]
    if len(actors) >= 2:
        return list(combinations(actors, 2))
    if actors:
        return [(actors[0], None)]
    return [(None, r) for r in recipients] or [(None, None)]
