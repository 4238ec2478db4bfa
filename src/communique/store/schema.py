"""The event database schema (SQLAlchemy Core), one for SQLite and PostgreSQL.

- ``articles``: one row per input document, analysed or not (``status``, ``error``);
  ``id`` is the content hash. ``report`` keeps the full report JSON.
- ``entities``, ``quotes``, ``places``: the per-article sections, one row per item.
- ``events``: events merged across articles (one row per real-world event), with
  GDELT-style counts ``num_mentions``, ``num_sources``, ``num_articles``.
- ``event_participants``: actors and recipients of each event (queries by actor/country).
- ``event_dyads``: events expanded into (actor, recipient) pairs, as the GDELT export has them.
- ``event_mentions``: each article's telling of an event, with offsets and evidence.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _section_item(item_id: str) -> tuple[Column, ...]:
    """The columns a per-article section table starts with: row key, article, item id."""
    return (
        Column("pk", Integer, primary_key=True, autoincrement=True),
        Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
        Column(item_id, String, nullable=False),
    )


def _text_span() -> tuple[Column, ...]:
    """An item's text and its character offsets in the article text."""
    return (
        Column("text", Text, nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
    )


def _event_part() -> tuple[Column, ...]:
    """The columns a table of per-event rows starts with: row key and event."""
    return (
        Column("pk", Integer, primary_key=True, autoincrement=True),
        Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
    )


schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", String(32), nullable=False),
    Column("description", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("location", Text),  # path, URL or record id the document came from
    Column("external_id", Text),  # the id given in a JSONL record
    Column("url", Text),
    Column("source", Text),
    Column("date", String),
    Column("language", String),
    Column("headline", Text),
    Column("status", String, nullable=False),
    Column("error", Text),
    Column("duplicate_of", String(32)),
    Column("num_events", Integer, nullable=False, default=0),
    Column("num_quotes", Integer, nullable=False, default=0),
    Column("added_at", String(32), nullable=False),
    Column("report", JSON),
    Index("ix_articles_date", "date"),
    Index("ix_articles_status", "status"),
    Index("ix_articles_source", "source"),
)

entities = Table(
    "entities",
    metadata,
    *_section_item("entity_id"),
    Column("name", Text, nullable=False),
    Column("type", String),
    Column("country", String),
    Column("sector", String),
    Column("role", Text),
    Column("code", String),
    Column("num_mentions", Integer, nullable=False, default=0),
    Index("ix_entities_article", "article_id"),
    Index("ix_entities_country", "country"),
    Index("ix_entities_name", "name"),
)

quotes = Table(
    "quotes",
    metadata,
    *_section_item("quote_id"),
    *_text_span(),
    Column("kind", String),
    Column("cue", Text),
    Column("speaker_entity", String),
    Column("speaker_name", Text),
    Column("speaker_text", Text),
    Index("ix_quotes_article", "article_id"),
    Index("ix_quotes_speaker", "speaker_name"),
)

places = Table(
    "places",
    metadata,
    *_section_item("place_id"),
    *_text_span(),
    Column("name", Text),
    Column("country", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("feature", String),
    Column("geonames_id", Integer),
    Index("ix_places_article", "article_id"),
    Index("ix_places_country", "country"),
    Index("ix_places_name", "name"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("match_key", String(40), nullable=False),
    Column("type", String, nullable=False),
    Column("mode", Text),
    Column("cameo", String),
    Column("quad", Integer),
    Column("goldstein", Float),
    Column("status", String, nullable=False),
    Column("date", String),
    Column("location_name", Text),
    Column("location_country", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonames_id", Integer),
    Column("feature", String),
    Column("actors", JSON, nullable=False),
    Column("recipients", JSON, nullable=False),
    Column("evidence", Text),
    Column("quote", Text),
    Column("confidence", Float),
    Column("is_root", Integer, nullable=False, default=0),
    Column("first_article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("source_url", Text),
    Column("num_mentions", Integer, nullable=False, default=0),
    Column("num_sources", Integer, nullable=False, default=0),
    Column("num_articles", Integer, nullable=False, default=0),
    Column("added_at", String(32), nullable=False),
    Index("ix_events_match", "match_key", "date"),
    Index("ix_events_type_date", "type", "date"),
    Index("ix_events_date", "date"),
    Index("ix_events_location", "location_country", "location_name"),
)

event_participants = Table(
    "event_participants",
    metadata,
    *_event_part(),
    Column("role", String(10), nullable=False),  # "actor" | "recipient"
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("country", String),
    Column("sector", String),
    Index("ix_participants_event", "event_id"),
    Index("ix_participants_country", "country", "role"),
    Index("ix_participants_name", "name"),
)

# Shaped like the tables above (one Table per section, its columns as in the report model).
event_dyads = Table(
    "event_dyads",
    metadata,
    *_event_part(),
    Column("position", Integer, nullable=False),
    Column("actor1_name", Text),
    Column("actor1_country", String),
    Column("actor1_sector", String),
    Column("actor2_name", Text),
    Column("actor2_country", String),
    Column("actor2_sector", String),
    Index("ix_dyads_countries", "actor1_country", "actor2_country"),
    Index("ix_dyads_event", "event_id"),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    *_event_part(),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("article_event_id", String, nullable=False),  # the event's id in the report
    Column("source", Text),
    Column("date", String),
    Column("status", String),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("evidence", Text),
    Column("offsets", JSON, nullable=False),  # every telling in the article: [[start, end], ...]
    Column("tellings", Integer, nullable=False),  # len(offsets), summed into NumMentions
    Column("confidence", Float),
    Index("ix_mentions_event", "event_id"),
    Index("ix_mentions_article", "article_id"),
    Index("ix_mentions_event_source", "event_id", "source"),
)

# Tables in the order rows are written (parents before children).
DATA_TABLES = (
    articles,
    entities,
    quotes,
    places,
    events,
    event_participants,
    event_dyads,
    event_mentions,
)

# Indexes for the web's filtered event queries (schema version 2). Bound to the tables, so a
# new database gets them with the rest; migration 2 adds them to older databases.
QUERY_INDEXES = (
    Index(
        "ix_dyads_a1_a2_event",
        event_dyads.c.actor1_country,
        event_dyads.c.actor2_country,
        event_dyads.c.event_id,
    ),
    Index(
        "ix_dyads_a2_a1_event",
        event_dyads.c.actor2_country,
        event_dyads.c.actor1_country,
        event_dyads.c.event_id,
    ),
    Index(
        "ix_participants_country_event", event_participants.c.country, event_participants.c.event_id
    ),
    Index("ix_participants_name_event", event_participants.c.name, event_participants.c.event_id),
    Index("ix_events_quad_status_date", events.c.quad, events.c.status, events.c.date),
    Index("ix_events_location_date", events.c.location_name, events.c.date),
)
