"""The event database: articles, their sections and events merged across articles.

    from communique.store import Store
    store = Store("sqlite:///communique.db")      # or "postgresql://user@host/db"
    store.write([Record(id=..., report=report)])  # one transaction
    store.events(country="RUS")                   # see communique.store.queries

SQLite (WAL mode, readers while an ingest writes) and PostgreSQL share one schema.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

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

_T = TypeVar("_T")

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
        return self._read(existing_ids, ids)

    def known_locations(self, ids: Iterable[str]) -> dict[str, str | None]:
        """Article id -> the location it was read from, for the ids already stored."""
        return self._read(known_locations, ids)

    def known_articles(self, ids: Iterable[str]) -> dict[str, tuple[str | None, str]]:
        """Article id -> (location, status), for the ids already stored."""
        return self._read(known_articles, ids)

    def counts(self) -> dict:
        """Row counts: articles by status, events, mentions, quotes, entities, places."""
        return self._read(queries.counts)

    def events(self, **filters) -> list[dict]:
        """Events matching the filters (see :func:`queries.event_filters`), by date."""
        return self._read(queries.list_events, **filters)

    def event(self, event_id: int) -> dict | None:
        """One event with its mentions, or None."""
        return self._read(queries.get_event, event_id)

    def articles(self, **filters) -> list[dict]:
        """Article rows without their reports, newest first."""
        return self._read(queries.list_articles, **filters)

    def article(self, article_id: str) -> dict | None:
        """One article with its report and events, or None."""
        return self._read(queries.get_article, article_id)

    def actors(self, **filters) -> list[dict]:
        """Actors taking part in events, most active first."""
        return self._read(queries.list_actors, **filters)

    def timeline(self, **filters) -> list[dict]:
        """Number of events per date and type."""
        return self._read(queries.timeline, **filters)

    def _read(self, query: Callable[..., _T], *args, **kwargs) -> _T:
        """Run one read query on a connection of its own."""
        with self.engine.connect() as conn:
            return query(conn, *args, **kwargs)

    def dispose(self) -> None:
        self.engine.dispose()


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
