"""Schema versions and migrations.

``schema_version`` holds one row per applied migration. :func:`migrate` applies the
pending ones in order, each in its own transaction. A new schema version is a new
entry in :data:`MIGRATIONS` with its own DDL; released migrations are never edited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select

from communique.store import schema
from communique.store.engine import StoreError


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _initial_schema(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.DATA_TABLES))


def _query_indexes(conn: Connection) -> None:
    for index in schema.QUERY_INDEXES:
        index.create(conn, checkfirst=True)


MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "articles, entities, quotes, places, events, participants, dyads, mentions",
        _initial_schema,
    ),
    Migration(
        2,
        "indexes for filtered event queries (dyads, participants, quad, location)",
        _query_indexes,
    ),
]


def latest_version() -> int:
    return max(m.version for m in MIGRATIONS)


def current_version(conn: Connection) -> int:
    """The schema version of the database (0 for an empty database)."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    version = conn.execute(
        select(schema.schema_version.c.version)
        .order_by(schema.schema_version.c.version.desc())
        .limit(1)
    ).scalar()
    return version or 0


def migrate(engine: Engine) -> int:
    """Bring the database to the latest schema version; return that version."""
    with engine.begin() as conn:
        schema.metadata.create_all(conn, tables=[schema.schema_version])
        version = current_version(conn)
    if version > latest_version():
        raise StoreError(
            f"the database has schema version {version}, newer than this communique "
            f"({latest_version()}); upgrade communique"
        )
    for migration in sorted(MIGRATIONS, key=lambda m: m.version):
        if migration.version <= version:
            continue
        with engine.begin() as conn:
            if current_version(conn) >= migration.version:  # another process got there first
                continue
            migration.apply(conn)
            conn.execute(
                schema.schema_version.insert().values(
                    version=migration.version,
                    applied_at=datetime.now(UTC).isoformat(timespec="seconds"),
                    description=migration.description,
                )
            )
        version = migration.version
    return version
