"""Database URLs and engines: SQLite (WAL mode) by default, PostgreSQL through psycopg 3."""

from __future__ import annotations

import functools

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from communique.errors import CommuniqueError

DEFAULT_URL = "sqlite:///communique.db"
# How long an SQLite connection waits for a lock held by another connection.
SQLITE_BUSY_TIMEOUT_MS = 30_000


class StoreError(CommuniqueError):
    """The database cannot be opened or has an unexpected shape."""


def normalize_url(url: str | None) -> str:
    """The SQLAlchemy URL for ``url``: ``postgresql://`` selects the psycopg 3 driver."""
    url = url or DEFAULT_URL
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def backend(url: str) -> str:
    """``sqlite`` or ``postgresql``: the back end a URL selects."""
    return make_url(normalize_url(url)).get_backend_name()


@functools.cache
def engine_for(url: str | None = None) -> Engine:
    """The engine for ``url`` (one per URL and process)."""
    url = normalize_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"{url}: not a database URL ({exc})") from None
    name = parsed.get_backend_name()
    if name == "sqlite":
        return _sqlite_engine(url)
    if name == "postgresql":
        return create_engine(url, pool_pre_ping=True, future=True)
    raise StoreError(f"{url}: unsupported database (use sqlite:/// or postgresql://)")


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(
        url, future=True, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):  # noqa: ANN001 - DB-API connection
        # pysqlite's own transaction handling is switched off so that BEGIN is ours.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if url not in ("sqlite://", "sqlite:///:memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):  # noqa: ANN001
        connection.exec_driver_sql("BEGIN")

    return engine
