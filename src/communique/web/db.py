"""Read-only database connections for the web server.

SQLite is opened with ``mode=ro`` and ``PRAGMA query_only``; PostgreSQL sessions are
``default_transaction_read_only``. The web never writes, so it cannot damage the record.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.pool import QueuePool

from communique.store.engine import StoreError, normalize_url

REQUIRED_TABLES = ("articles", "events", "event_mentions", "event_dyads", "event_participants")


def readonly_engine(url: str | None) -> Engine:
    """An engine that can only read the database at ``url`` (which must exist)."""
    url = normalize_url(url)
    try:
        parsed = make_url(url)
    except Exception as exc:  # noqa: BLE001 - any malformed URL is one clear line
        raise StoreError(f"{url}: not a database URL ({exc})") from None
    name = parsed.get_backend_name()
    if name == "sqlite":
        engine = _sqlite(parsed.database)
    elif name == "postgresql":
        engine = create_engine(
            url,
            pool_pre_ping=True,
            connect_args={"options": "-c default_transaction_read_only=on"},
        )
    else:
        raise StoreError(f"{url}: unsupported database (use sqlite:/// or postgresql://)")
    _check_schema(engine, url)
    return engine


def _sqlite(database: str | None) -> Engine:
    if not database or database == ":memory:":
        raise StoreError("the web needs a database file: give --db sqlite:///PATH")
    path = Path(database).expanduser().resolve()
    if not path.is_file():
        raise StoreError(f"{path}: no such database (run `communique ingest ... --db` first)")
    uri = f"{path.as_uri()}?mode=ro"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=30)

    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool, pool_size=4)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):  # noqa: ANN001 - DB-API connection
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA query_only=ON")
        cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB of pages per connection
        cursor.execute("PRAGMA mmap_size=268435456")  # read through the OS cache, no copies
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    return engine


def _check_schema(engine: Engine, url: str) -> None:
    try:
        with engine.connect() as conn:
            present = set(inspect(conn).get_table_names())
    except Exception as exc:  # noqa: BLE001 - a driver error: one clear line
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise StoreError(f"cannot open the database {url}: {first}") from exc
    missing = [t for t in REQUIRED_TABLES if t not in present]
    if missing:
        raise StoreError(
            f"{url} is not a communique database (missing {', '.join(missing)}); "
            "run `communique ingest ... --db` first"
        )
