"""Read queries the web needs beyond ``communique.store.queries``.

Events with sorting and paging, actors with their timeline and partners, quotation and
article search, statistics by type, month and dyad. SQLAlchemy Core over the store's
tables only, so the same code runs on SQLite and PostgreSQL. Every function returns
plain JSON-ready data in a deterministic order.
"""

from __future__ import annotations

from sqlalchemy import Connection, and_, case, distinct, func, literal, or_, select, union_all

from communique.store.queries import EVENT_COLUMNS, event_mentions_of
from communique.store.schema import (
    articles,
    event_dyads,
    event_mentions,
    event_participants,
    events,
    quotes,
)

# Sort keys the events list accepts: name -> column.
EVENT_SORTS = {
    "date": events.c.date,
    "type": events.c.type,
    "quad": events.c.quad,
    "score": events.c.goldstein,
    "status": events.c.status,
    "mentions": events.c.num_mentions,
    "articles": events.c.num_articles,
    "location": events.c.location_name,
    "id": events.c.id,
}
DEFAULT_EVENT_SORT = "-date"
COUNT_CAP = 10_000  # totals past this are reported as "10,000 or more"
MONTH = func.substr(events.c.date, 1, 7)


def parse_dyad(dyad: str | None) -> tuple[str, str] | None:
    """``"RUS-UKR"`` (or ``RUS,UKR``, ``RUS:UKR``) -> ``("RUS", "UKR")``; None when malformed."""
    if not dyad:
        return None
    for sep in ("-", ",", ":", "_", " "):
        if sep in dyad:
            a, _, b = dyad.partition(sep)
            a, b = a.strip().upper(), b.strip().upper()
            if a and b:
                return a, b
    return None


def event_conditions(
    *,
    type: str | None = None,
    quad: int | None = None,
    status: str | None = None,
    country: str | None = None,
    actor_country: str | None = None,
    recipient_country: str | None = None,
    dyad: str | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    location: str | None = None,
    location_country: str | None = None,
    article_id: str | None = None,
    walk_dates: bool = False,
) -> list:
    """SQL conditions on ``events``.

    Participant and dyad filters are ``events.id IN (subquery)`` over the indexed
    participant and dyad tables. ``dyad`` is undirected (either country may act).
    With ``walk_dates`` the id is written ``id + 0``: SQLite then walks the date index
    newest first and checks each id against the subquery's list, stopping after one
    page, instead of fetching and sorting every matching event (3-10x faster for a
    broad filter such as one country, as fast for a narrow one).
    """
    member = (events.c.id + 0) if walk_dates else events.c.id
    conditions = []
    if type:
        conditions.append(events.c.type == type.upper())
    if quad:
        conditions.append(events.c.quad == quad)
    if status:
        conditions.append(events.c.status == status)
    if country:
        conditions.append(member.in_(_participant_ids(country=country.upper())))
    if actor:
        conditions.append(member.in_(_participant_ids(name=actor)))
    if actor_country or recipient_country:
        where = []
        if actor_country:
            where.append(event_dyads.c.actor1_country == actor_country.upper())
        if recipient_country:
            where.append(event_dyads.c.actor2_country == recipient_country.upper())
        conditions.append(member.in_(select(event_dyads.c.event_id).where(*where)))
    pair = parse_dyad(dyad)
    if pair:
        conditions.append(_in_dyad(member, *pair))
    if date_from:
        conditions.append(events.c.date >= date_from)
    if date_to:
        conditions.append(events.c.date <= date_to + "\uffff")  # "2019-01" includes its days
    if location:
        conditions.append(events.c.location_name == location)  # exact: the index can answer
    if location_country:
        conditions.append(events.c.location_country == location_country.upper())
    if article_id:
        conditions.append(
            member.in_(select(event_mentions.c.event_id).where(event_mentions.c.article_id == article_id))
        )
    return conditions


def _participant_ids(*, country: str | None = None, name: str | None = None, exact: bool = True):
    """Ids of events with such a participant. Exact names can use the name index."""
    query = select(event_participants.c.event_id)
    if country:
        query = query.where(event_participants.c.country == country)
    if name and exact:
        query = query.where(event_participants.c.name == name)
    elif name:
        query = query.where(func.lower(event_participants.c.name) == name.lower())
    return query


def _in_dyad(member, a: str, b: str):
    """Events with a dyad between countries ``a`` and ``b``, either way round."""
    return or_(
        *(
            member.in_(
                select(event_dyads.c.event_id).where(
                    and_(event_dyads.c.actor1_country == x, event_dyads.c.actor2_country == y)
                )
            )
            for x, y in ((a, b), (b, a))
        )
    )


def _order_by(sort: str | None, dialect: str) -> list:
    """ORDER BY for a sort key; events without a value come last, ties by id.

    Each back end puts NULLs at one end by itself (SQLite: first ascending, PostgreSQL:
    last ascending); spelling NULLS LAST only where that differs keeps the default
    newest-first sort able to walk the date index on SQLite.
    """
    sort = sort or DEFAULT_EVENT_SORT
    descending = sort.startswith("-")
    column = EVENT_SORTS.get(sort.lstrip("-"), events.c.date)
    ordered = column.desc() if descending else column.asc()
    nulls_first_natively = (dialect == "sqlite") != descending
    if nulls_first_natively and column is not events.c.id:
        ordered = ordered.nulls_last()
    tie = events.c.id.desc() if descending else events.c.id.asc()
    return [ordered, tie]


def search_events(
    conn: Connection, *, sort: str | None = None, limit: int = 50, offset: int = 0, **filters
) -> dict:
    """A page of events matching the filters: ``{"total", "total_exact", "items"}``.

    The total is counted up to :data:`COUNT_CAP` (``total_exact`` is false past it), so
    a broad filter over millions of events costs no more than a narrow one.
    """
    conditions = event_conditions(**filters)
    by_date = (sort or DEFAULT_EVENT_SORT).lstrip("-") == "date"
    walk = by_date and conn.dialect.name == "sqlite"
    page_conditions = event_conditions(**filters, walk_dates=True) if walk else conditions
    query = (
        select(*(events.c[name] for name in EVENT_COLUMNS))
        .where(*page_conditions)
        .order_by(*_order_by(sort, conn.dialect.name))
        .limit(limit)
        .offset(offset)
    )
    items = [dict(row._mapping) for row in conn.execute(query)]
    total, exact = capped_count(conn, conditions)
    return {"total": total, "total_exact": exact, "items": items}


def capped_count(conn: Connection, conditions: list, cap: int | None = None) -> tuple[int, bool]:
    """How many events match, counting at most ``cap``: (count, whether it is exact)."""
    cap = COUNT_CAP if cap is None else cap
    matching = select(events.c.id).where(*conditions).limit(cap + 1).subquery()
    found = conn.execute(select(func.count()).select_from(matching)).scalar()
    return min(found, cap), found <= cap


def event_detail(conn: Connection, event_id: int) -> dict | None:
    """One event with every mention across articles, and the article ids that tell it."""
    row = conn.execute(
        select(*(events.c[name] for name in EVENT_COLUMNS)).where(events.c.id == event_id)
    ).first()
    if row is None:
        return None
    event = dict(row._mapping)
    event["mentions"] = event_mentions_of(conn, event_id)
    return event


def article_reports(conn: Connection, article_ids: list[str]) -> dict[str, dict]:
    """Article id -> stored report, for the given ids."""
    if not article_ids:
        return {}
    rows = conn.execute(
        select(articles.c.id, articles.c.report).where(articles.c.id.in_(sorted(set(article_ids))))
    )
    return {row.id: row.report for row in rows if row.report}


# --- articles ------------------------------------------------------------------------


def _article_text():
    return articles.c.report[("article", "text")].as_string()


def search_articles(
    conn: Connection,
    *,
    q: str | None = None,
    source: str | None = None,
    status: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> dict:
    """Articles (without the report) whose headline, text, source or location match ``q``."""
    conditions = []
    if q:
        pattern = f"%{_like_escape(q.lower())}%"
        conditions.append(
            or_(
                *(
                    func.lower(column).like(pattern, escape="\\")
                    for column in (
                        articles.c.headline,
                        articles.c.source,
                        articles.c.location,
                        articles.c.url,
                        _article_text(),
                    )
                )
            )
        )
    if source:
        conditions.append(func.lower(articles.c.source) == source.lower())
    if status:
        conditions.append(articles.c.status == status)
    if date_from:
        conditions.append(articles.c.date >= date_from)
    if date_to:
        conditions.append(articles.c.date <= date_to + "\uffff")
    columns = [c for c in articles.c if c.name != "report"]
    query = (
        select(*columns)
        .where(*conditions)
        .order_by(articles.c.date.is_(None), articles.c.date.desc(), articles.c.id)
        .limit(limit)
        .offset(offset)
    )
    items = [dict(row._mapping) for row in conn.execute(query)]
    total = conn.execute(select(func.count()).select_from(articles).where(*conditions)).scalar()
    return {"total": total, "items": items}


def article_event_ids(conn: Connection, article_id: str) -> dict[str, int]:
    """The article's own event ids (``e1``...) -> the stored (merged) event ids."""
    rows = conn.execute(
        select(event_mentions.c.article_event_id, event_mentions.c.event_id)
        .where(event_mentions.c.article_id == article_id)
        .order_by(event_mentions.c.pk)
    )
    return {row.article_event_id: row.event_id for row in rows}


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# --- quotes --------------------------------------------------------------------------


def search_quotes(
    conn: Connection,
    *,
    speaker: str | None = None,
    q: str | None = None,
    article_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> dict:
    """Quotations whose speaker name and text contain the given strings (any case)."""
    conditions = []
    if speaker:
        pattern = f"%{_like_escape(speaker.lower())}%"
        conditions.append(
            or_(
                func.lower(quotes.c.speaker_name).like(pattern, escape="\\"),
                func.lower(quotes.c.speaker_text).like(pattern, escape="\\"),
            )
        )
    if q:
        conditions.append(func.lower(quotes.c.text).like(f"%{_like_escape(q.lower())}%", escape="\\"))
    if article_id:
        conditions.append(quotes.c.article_id == article_id)
    query = (
        select(
            quotes.c.article_id,
            quotes.c.quote_id,
            quotes.c.text,
            quotes.c.start,
            quotes.c.end,
            quotes.c.kind,
            quotes.c.cue,
            quotes.c.speaker_entity,
            quotes.c.speaker_name,
            quotes.c.speaker_text,
            articles.c.date,
            articles.c.url,
            articles.c.source,
            articles.c.headline,
        )
        .join(articles, articles.c.id == quotes.c.article_id)
        .where(*conditions)
        .order_by(
            articles.c.date.is_(None), articles.c.date.desc(), quotes.c.article_id, quotes.c.start
        )
        .limit(limit)
        .offset(offset)
    )
    items = [dict(row._mapping) for row in conn.execute(query)]
    total = conn.execute(
        select(func.count())
        .select_from(quotes.join(articles, articles.c.id == quotes.c.article_id))
        .where(*conditions)
    ).scalar()
    return {"total": total, "items": items}


# --- actors --------------------------------------------------------------------------


def search_actors(
    conn: Connection,
    *,
    q: str | None = None,
    country: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> dict:
    """Actors (participant names) with their countries and event counts, most active first."""
    conditions = []
    if q:
        pattern = f"%{_like_escape(q.lower())}%"
        conditions.append(func.lower(event_participants.c.name).like(pattern, escape="\\"))
    if country:
        conditions.append(event_participants.c.country == country.upper())
    n_events = func.count(distinct(event_participants.c.event_id))
    query = (
        select(
            event_participants.c.name,
            func.min(event_participants.c.country).label("country"),
            n_events.label("events"),
        )
        .where(*conditions)
        .group_by(event_participants.c.name)
        .order_by(n_events.desc(), event_participants.c.name)
        .limit(limit)
        .offset(offset)
    )
    items = [dict(row._mapping) for row in conn.execute(query)]
    total = conn.execute(
        select(func.count(distinct(event_participants.c.name))).where(*conditions)
    ).scalar()
    return {"total": total, "items": items}


def actor_detail(conn: Connection, name: str, *, limit: int = 200) -> dict | None:
    """An actor: countries, sectors, event counts, timeline by month, partners, events."""
    ids = _participant_ids(name=name, exact=False)
    who = conn.execute(
        select(
            event_participants.c.name,
            event_participants.c.country,
            event_participants.c.sector,
            event_participants.c.role,
            func.count(distinct(event_participants.c.event_id)).label("events"),
        )
        .where(func.lower(event_participants.c.name) == name.lower())
        .group_by(
            event_participants.c.name,
            event_participants.c.country,
            event_participants.c.sector,
            event_participants.c.role,
        )
        .order_by(event_participants.c.name, event_participants.c.country, event_participants.c.role)
    ).all()
    if not who:
        return None
    canonical = max(who, key=lambda r: (r.events, r.name)).name
    total = conn.execute(select(func.count()).select_from(events).where(events.c.id.in_(ids))).scalar()
    listed = conn.execute(
        select(*(events.c[c] for c in EVENT_COLUMNS))
        .where(events.c.id.in_(ids))
        .order_by(events.c.date.is_(None), events.c.date.desc(), events.c.id.desc())
        .limit(limit)
    )
    return {
        "name": canonical,
        "countries": sorted({r.country for r in who if r.country}),
        "sectors": sorted({r.sector for r in who if r.sector}),
        "roles": {
            role: sum(r.events for r in who if r.role == role) for role in sorted({r.role for r in who})
        },
        "events": total,
        "timeline": months(conn, events.c.id.in_(ids)),
        "partners": partners(conn, name),
        "recent_events": [dict(row._mapping) for row in listed],
    }


def partners(conn: Connection, name: str, *, limit: int = 25) -> list[dict]:
    """The actor's main partners across dyads: name, country, events, mean score."""
    lowered = name.lower()
    forward = select(
        event_dyads.c.event_id,
        event_dyads.c.actor2_name.label("name"),
        event_dyads.c.actor2_country.label("country"),
        literal("to").label("direction"),
    ).where(func.lower(event_dyads.c.actor1_name) == lowered, event_dyads.c.actor2_name.is_not(None))
    backward = select(
        event_dyads.c.event_id,
        event_dyads.c.actor1_name.label("name"),
        event_dyads.c.actor1_country.label("country"),
        literal("from").label("direction"),
    ).where(func.lower(event_dyads.c.actor2_name) == lowered, event_dyads.c.actor1_name.is_not(None))
    pairs = union_all(forward, backward).subquery()
    n_events = func.count(distinct(pairs.c.event_id))
    rows = conn.execute(
        select(
            pairs.c.name,
            func.min(pairs.c.country).label("country"),
            n_events.label("events"),
            func.avg(events.c.goldstein).label("score"),
            func.sum(case((pairs.c.direction == "to", 1), else_=0)).label("as_actor"),
            func.sum(case((pairs.c.direction == "from", 1), else_=0)).label("as_recipient"),
        )
        .join(events, events.c.id == pairs.c.event_id)
        .where(func.lower(pairs.c.name) != lowered)
        .group_by(pairs.c.name)
        .order_by(n_events.desc(), pairs.c.name)
        .limit(limit)
    )
    return [_rounded(dict(row._mapping)) for row in rows]


# --- statistics ----------------------------------------------------------------------


def months(conn: Connection, *conditions) -> list[dict]:
    """Events per month with their mean PLOVER/Goldstein score and counts by quad class."""
    rows = conn.execute(
        select(
            MONTH.label("month"),
            func.count().label("events"),
            func.avg(events.c.goldstein).label("score"),
            *(
                func.sum(case((events.c.quad == q, 1), else_=0)).label(f"quad{q}")
                for q in (1, 2, 3, 4)
            ),
        )
        .where(events.c.date.is_not(None), *conditions)
        .group_by(MONTH)
        .order_by(MONTH)
    )
    return [_rounded(dict(row._mapping)) for row in rows]


def stats(conn: Connection, *, top_dyads: int = 20, **filters) -> dict:
    """Counts of the events matching the filters: by type, by month, by dyad, by status."""
    conditions = event_conditions(**filters)
    total = conn.execute(select(func.count()).select_from(events).where(*conditions)).scalar()
    by_type = conn.execute(
        select(
            events.c.type,
            func.min(events.c.quad).label("quad"),
            func.count().label("events"),
            func.avg(events.c.goldstein).label("score"),
        )
        .where(*conditions)
        .group_by(events.c.type)
        .order_by(func.count().desc(), events.c.type)
    )
    by_status = conn.execute(
        select(events.c.status, func.count().label("events"))
        .where(*conditions)
        .group_by(events.c.status)
        .order_by(func.count().desc(), events.c.status)
    )
    return {
        "events": total,
        "by_type": [_rounded(dict(r._mapping)) for r in by_type],
        "by_status": [dict(r._mapping) for r in by_status],
        "by_month": months(conn, *conditions),
        "by_dyad": dyad_counts(conn, conditions, limit=top_dyads),
    }


def dyad_counts(conn: Connection, conditions: list, *, limit: int = 20) -> list[dict]:
    """Country pairs (actor -> recipient) by number of events, with mean score."""
    n_events = func.count(distinct(event_dyads.c.event_id))
    rows = conn.execute(
        select(
            event_dyads.c.actor1_country,
            event_dyads.c.actor2_country,
            n_events.label("events"),
            func.avg(events.c.goldstein).label("score"),
        )
        .join(events, events.c.id == event_dyads.c.event_id)
        .where(
            event_dyads.c.actor1_country.is_not(None),
            event_dyads.c.actor2_country.is_not(None),
            event_dyads.c.actor1_country != event_dyads.c.actor2_country,
            *conditions,
        )
        .group_by(event_dyads.c.actor1_country, event_dyads.c.actor2_country)
        .order_by(n_events.desc(), event_dyads.c.actor1_country, event_dyads.c.actor2_country)
        .limit(limit)
    )
    return [_rounded(dict(r._mapping)) for r in rows]


def pair_countries(conn: Connection) -> list[str]:
    """Every country that appears in a dyad, sorted."""
    first = select(event_dyads.c.actor1_country.label("c")).where(event_dyads.c.actor1_country.is_not(None))
    second = select(event_dyads.c.actor2_country.label("c")).where(event_dyads.c.actor2_country.is_not(None))
    rows = conn.execute(select(union_all(first, second).subquery().c.c).distinct())
    return sorted(r[0] for r in rows)


def locations(conn: Connection, *, limit: int = 500, **filters) -> list[dict]:
    """Places where events happened, with coordinates and counts."""
    conditions = event_conditions(**filters)
    n_events = func.count()
    rows = conn.execute(
        select(
            events.c.location_name.label("name"),
            events.c.location_country.label("country"),
            func.avg(events.c.lat).label("lat"),
            func.avg(events.c.lon).label("lon"),
            n_events.label("events"),
            func.avg(events.c.goldstein).label("score"),
        )
        .where(events.c.lat.is_not(None), events.c.lon.is_not(None), *conditions)
        .group_by(events.c.location_name, events.c.location_country)
        .order_by(n_events.desc(), events.c.location_name, events.c.location_country)
        .limit(limit)
    )
    return [_rounded(dict(r._mapping)) for r in rows]


def _rounded(row: dict) -> dict:
    for key in ("score", "lat", "lon"):
        if row.get(key) is not None:
            row[key] = round(float(row[key]), 3 if key == "score" else 4)
    return row
