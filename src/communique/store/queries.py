"""Read queries over the event database, for the web pages, the API and the exports.

Every function takes an open connection and returns plain JSON-ready data, sorted
deterministically. Filters are optional keyword arguments; ``None`` means "any".
"""

from __future__ import annotations

from sqlalchemy import Connection, and_, distinct, exists, func, or_, select

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

EVENT_COLUMNS = (
    "id", "type", "mode", "cameo", "quad", "goldstein", "status", "date", "location_name",
    "location_country", "lat", "lon", "actors", "recipients", "evidence", "quote",
    "confidence", "first_article_id", "source_url", "num_mentions", "num_sources",
    "num_articles",
)  # fmt: skip
# What a list of articles shows: every column but the report JSON.
ARTICLE_COLUMNS = tuple(c for c in articles.c if c.name != "report")
# A quotation with the article it is from.
QUOTE_COLUMNS = (
    quotes.c.article_id, quotes.c.quote_id, quotes.c.text, quotes.c.start, quotes.c.end,
    quotes.c.kind, quotes.c.cue, quotes.c.speaker_entity, quotes.c.speaker_name,
    quotes.c.speaker_text, articles.c.date, articles.c.url, articles.c.source,
    articles.c.headline,
)  # fmt: skip
QUOTES_WITH_ARTICLES = quotes.join(articles, articles.c.id == quotes.c.article_id)


def fetch_dicts(conn: Connection, query) -> list[dict]:
    """The rows of a query as plain dicts, in the query's order."""
    return [dict(row._mapping) for row in conn.execute(query)]


def count_rows(conn: Connection, table, conditions=()) -> int:
    """How many rows of ``table`` (a table or join) meet every condition."""
    return conn.execute(select(func.count()).select_from(table).where(*conditions)).scalar_one()


def select_events():
    """``SELECT`` of the event columns the pages, the API and the exports show."""
    return select(*(events.c[name] for name in EVENT_COLUMNS))


def select_articles():
    """``SELECT`` of the article columns (no report), newest first, undated last, by id."""
    return select(*ARTICLE_COLUMNS).order_by(
        articles.c.date.is_(None), articles.c.date.desc(), articles.c.id
    )


def select_quotes():
    """``SELECT`` of quotations with their articles' date, URL, source and headline."""
    return select(*QUOTE_COLUMNS).select_from(QUOTES_WITH_ARTICLES)


def date_range(column, date_from: str | None, date_to: str | None) -> list:
    """Conditions for an ISO date column between two (partial) dates, both included."""
    conditions = []
    if date_from:
        conditions.append(column >= date_from)
    if date_to:
        conditions.append(column <= date_to + "\uffff")  # "2019-01" includes its days
    return conditions


def contains(text: str, *columns):
    """Any of the columns contains ``text``, in any case (``%`` and ``_`` match themselves)."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return or_(*(func.lower(c).like(f"%{escaped}%", escape="\\") for c in columns))


def counts(conn: Connection) -> dict:
    """Row counts: articles by status, events, mentions, quotes, entities, places."""
    by_status: dict[str, int] = dict(
        conn.execute(select(articles.c.status, func.count()).group_by(articles.c.status)).all()
    )
    total = {
        name: count_rows(conn, table)
        for name, table in (
            ("events", events),
            ("event_mentions", event_mentions),
            ("quotes", quotes),
            ("entities", entities),
            ("places", places),
        )
    }
    return {"articles": sum(by_status.values()), "articles_by_status": by_status, **total}


def event_filters(
    *,
    type: str | None = None,
    status: str | None = None,
    country: str | None = None,
    actor_country: str | None = None,
    recipient_country: str | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    location: str | None = None,
    location_country: str | None = None,
    article_id: str | None = None,
) -> list:
    """SQL conditions on ``events`` for the usual questions (dyad, country, type, dates, place)."""
    conditions = []
    if type:
        conditions.append(events.c.type == type.upper())
    if status:
        conditions.append(events.c.status == status)
    if country:
        conditions.append(_has_participant(country=country))
    if actor_country or recipient_country:
        dyad = [event_dyads.c.event_id == events.c.id]
        if actor_country:
            dyad.append(event_dyads.c.actor1_country == actor_country)
        if recipient_country:
            dyad.append(event_dyads.c.actor2_country == recipient_country)
        conditions.append(exists().where(and_(*dyad)))
    if actor:
        conditions.append(_has_participant(name=actor))
    conditions += date_range(events.c.date, date_from, date_to)
    if location:
        conditions.append(func.lower(events.c.location_name) == location.lower())
    if location_country:
        conditions.append(events.c.location_country == location_country)
    if article_id:
        conditions.append(
            exists().where(
                and_(
                    event_mentions.c.event_id == events.c.id,
                    event_mentions.c.article_id == article_id,
                )
            )
        )
    return conditions


def _has_participant(*, country: str | None = None, name: str | None = None):
    where = [event_participants.c.event_id == events.c.id]
    if country:
        where.append(event_participants.c.country == country)
    if name:
        where.append(func.lower(event_participants.c.name) == name.lower())
    return exists().where(and_(*where))


def list_events(
    conn: Connection, *, limit: int | None = 100, offset: int = 0, **filters
) -> list[dict]:
    """Events matching the filters, by date then id."""
    query = (
        select_events()
        .where(*event_filters(**filters))
        .order_by(events.c.date.is_(None), events.c.date, events.c.id)
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    return fetch_dicts(conn, query)


def count_events(conn: Connection, **filters) -> int:
    """How many events match the filters."""
    return count_rows(conn, events, event_filters(**filters))


def get_event(conn: Connection, event_id: int) -> dict | None:
    """One event with its mentions (article, headline, offsets, evidence)."""
    row = conn.execute(select_events().where(events.c.id == event_id)).first()
    if row is None:
        return None
    event = dict(row._mapping)
    event["mentions"] = event_mentions_of(conn, event_id)
    return event


def event_mentions_of(conn: Connection, event_id: int) -> list[dict]:
    """Every article's telling of the event, with the article's headline, URL and date."""
    query = (
        select(
            event_mentions.c.article_id,
            event_mentions.c.article_event_id,
            event_mentions.c.source,
            event_mentions.c.date,
            event_mentions.c.status,
            event_mentions.c.start,
            event_mentions.c.end,
            event_mentions.c.evidence,
            event_mentions.c.offsets,
            event_mentions.c.confidence,
            articles.c.headline,
            articles.c.url,
            articles.c.date.label("article_date"),
        )
        .join(articles, articles.c.id == event_mentions.c.article_id)
        .where(event_mentions.c.event_id == event_id)
        .order_by(event_mentions.c.pk)
    )
    return fetch_dicts(conn, query)


def list_articles(
    conn: Connection,
    *,
    status: str | None = None,
    source: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    search: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict]:
    """Article rows (without the report JSON), newest first."""
    conditions = []
    if status:
        conditions.append(articles.c.status == status)
    if source:
        conditions.append(articles.c.source == source)
    conditions += date_range(articles.c.date, date_from, date_to)
    if search:
        conditions.append(contains(search, articles.c.headline, articles.c.location))
    query = select_articles().where(*conditions).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return fetch_dicts(conn, query)


def get_article(conn: Connection, article_id: str) -> dict | None:
    """One article row with its report and the stored events it mentions."""
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    article = dict(row._mapping)
    article["events"] = list_events(conn, article_id=article_id, limit=None)
    return article


def list_actors(
    conn: Connection, *, country: str | None = None, limit: int | None = 100, offset: int = 0
) -> list[dict]:
    """Actors taking part in events: name, country, number of events, most active first."""
    query = (
        select(
            event_participants.c.name,
            event_participants.c.country,
            func.count(distinct(event_participants.c.event_id)).label("events"),
        )
        .group_by(event_participants.c.name, event_participants.c.country)
        .order_by(
            func.count(distinct(event_participants.c.event_id)).desc(),
            event_participants.c.name,
            event_participants.c.country,
        )
        .offset(offset)
    )
    if country:
        query = query.where(event_participants.c.country == country)
    if limit is not None:
        query = query.limit(limit)
    return fetch_dicts(conn, query)


def timeline(conn: Connection, **filters) -> list[dict]:
    """Number of events per date and type (for the timeline chart)."""
    query = (
        select(events.c.date, events.c.type, func.count().label("events"))
        .where(events.c.date.is_not(None), *event_filters(**filters))
        .group_by(events.c.date, events.c.type)
        .order_by(events.c.date, events.c.type)
    )
    return fetch_dicts(conn, query)


def list_quotes(
    conn: Connection,
    *,
    speaker: str | None = None,
    article_id: str | None = None,
    limit: int | None = 100,
) -> list[dict]:
    """Quotations with their speakers and articles."""
    query = select_quotes().order_by(
        articles.c.date.is_(None), articles.c.date, quotes.c.article_id, quotes.c.start
    )
    if speaker:
        query = query.where(func.lower(quotes.c.speaker_name) == speaker.lower())
    if article_id:
        query = query.where(quotes.c.article_id == article_id)
    if limit is not None:
        query = query.limit(limit)
    return fetch_dicts(conn, query)
