"""The event database: articles, their sections and events merged across articles.

    from communique.store import Store
    store = Store("sqlite:///communique.db")      # or "postgresql://user@host/db"
    store.write([Record(id=..., report=report)])  # one transaction
    store.events(country="RUS")                   # see communique.store.queries

SQLite (WAL mode, readers while an ingest writes) and PostgreSQL share one schema.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine

from communique.model import Report
from communique.store import queries
from communique.store.engine import DEFAULT_URL, StoreError, backend, engine_for, normalize_url
from communique.store.migrations import migrate
from communique.store.writer import (
    STATUSES,
    Record,
    Written,
    content_hash,
    existing_ids,
    known_articles,
    known_locations,
    write_records,
)

__all__ = [
    "DEFAULT_URL",
    "STATUSES",
    "Record",
    "Store",
    "StoreError",
    "Written",
    "backend",
    "content_hash",
    "normalize_url",
]


class Store:
    """A connection to the event database, migrated to the current schema on opening."""

    def __init__(self, url: str | None = None, *, migrate_schema: bool = True) -> None:
        self.url = normalize_url(url)
        self.engine: Engine = engine_for(self.url)
        try:
            self.version = migrate(self.engine) if migrate_schema else None
        except StoreError:
            raise
        except Exception as exc:  # a driver error opening the database: one clear line
            raise StoreError(f"cannot open the database {self.url}: {_first_line(exc)}") from exc

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def write(self, records: Iterable[Record]) -> list[Written]:
        """Write a batch of records in one transaction."""
        with self.engine.begin() as conn:
            return write_records(conn, records)

    def write_report(self, report: Report, location: str | None = None) -> Written:
        """Write one analysed report; its id is the hash of its article text."""
        record = Record(id=content_hash(report.article.text), location=location, report=report)
        return self.write([record])[0]

    def known(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored."""
        with self.engine.connect() as conn:
            return existing_ids(conn, ids)

    def known_locations(self, ids: Iterable[str]) -> dict[str, str | None]:
        """Article id -> the location it was read from, for the ids already stored."""
        with self.engine.connect() as conn:
            return known_locations(conn, ids)

    def known_articles(self, ids: Iterable[str]) -> dict[str, tuple[str | None, str]]:
        """Article id -> (location, status), for the ids already stored."""
        with self.engine.connect() as conn:
            return known_articles(conn, ids)

    def counts(self) -> dict:
        with self.engine.connect() as conn:
            return queries.counts(conn)

    def events(self, **filters) -> list[dict]:
        with self.engine.connect() as conn:
            return queries.list_events(conn, **filters)

    def event(self, event_id: int) -> dict | None:
        with self.engine.connect() as conn:
            return queries.get_event(conn, event_id)

    def articles(self, **filters) -> list[dict]:
        with self.engine.connect() as conn:
            return queries.list_articles(conn, **filters)

    def article(self, article_id: str) -> dict | None:
        with self.engine.connect() as conn:
            return queries.get_article(conn, article_id)

    def actors(self, **filters) -> list[dict]:
        with self.engine.connect() as conn:
            return queries.list_actors(conn, **filters)

    def timeline(self, **filters) -> list[dict]:
        with self.engine.connect() as conn:
            return queries.timeline(conn, **filters)

    def dispose(self) -> None:
        self.engine.dispose()


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
