"""Read queries the web needs beyond ``communique.store.queries``.

Events with sorting and paging, actors with their timeline and partners, quotation and
article search, statistics by type, month and dyad. SQLAlchemy Core over the store's
tables only, so the same code runs on SQLite and PostgreSQL. Every function returns
plain JSON-ready data in a deterministic order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    and_,
    case,
    distinct,
    exists,
    func,
    literal,
    or_,
    select,
    union_all,
)

from communique.store.queries import (
    QUOTES_WITH_ARTICLES,
    contains,
    count_rows,
    date_range,
    fetch_dicts,
    select_articles,
    select_events,
    select_quotes,
)
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
COUNT_CAP = 1_000  # totals past this are reported as "1,000 or more"
# A side-table filter matching more rows than this is probed, not listed: listing costs
# about one step per row, probing about COUNT_CAP / (share of events matching) steps, so
# the two meet near sqrt(COUNT_CAP * events), 10,000 for 100,000 events.
BROAD = 10_000
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


@dataclass(frozen=True)
class Membership:
    """A filter met by events that have matching rows in a side table (dyads, participants)."""

    name: str
    table: Table
    where: tuple

    def ids(self):
        return select(self.table.c.event_id).where(*self.where)

    def condition(self, form: str):
        """``in``: id IN (ids); ``walk``: id + 0 IN (ids); ``exists``: a correlated probe."""
        if form == "exists":
            return exists().where(self.table.c.event_id == events.c.id, *self.where)
        member = events.c.id + 0 if form == "walk" else events.c.id
        return member.in_(self.ids())


def memberships(
    *,
    country: str | None = None,
    actor_country: str | None = None,
    recipient_country: str | None = None,
    dyad: str | None = None,
    actor: str | None = None,
    article_id: str | None = None,
    **_other,
) -> list[Membership]:
    """The filters answered from the participant, dyad and mention tables."""
    found = []
    if country:
        found.append(
            Membership(
                "country", event_participants, (event_participants.c.country == country.upper(),)
            )
        )
    if actor:
        found.append(Membership("actor", event_participants, (event_participants.c.name == actor,)))
    if actor_country or recipient_country:
        where = []
        if actor_country:
            where.append(event_dyads.c.actor1_country == actor_country.upper())
        if recipient_country:
            where.append(event_dyads.c.actor2_country == recipient_country.upper())
        found.append(Membership("direction", event_dyads, tuple(where)))
    pair = parse_dyad(dyad)
    if pair:
        a, b = pair
        either = or_(
            and_(event_dyads.c.actor1_country == a, event_dyads.c.actor2_country == b),
            and_(event_dyads.c.actor1_country == b, event_dyads.c.actor2_country == a),
        )
        found.append(Membership("dyad", event_dyads, (either,)))
    if article_id:
        found.append(
            Membership("article", event_mentions, (event_mentions.c.article_id == article_id,))
        )
    return found


def event_conditions(
    *,
    type: str | None = None,
    quad: int | None = None,
    status: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    location: str | None = None,
    location_country: str | None = None,
    forms: dict[str, str] | None = None,
    **members,
) -> list:
    """SQL conditions on ``events`` for the filters (see :class:`EventFilters`).

    Participant and dyad filters (``country``, ``actor``, ``actor_country``,
    ``recipient_country``, ``dyad`` (undirected), ``article_id``) are
    ``events.id IN (subquery)`` over the side tables, unless ``forms`` names another
    form for them (see :func:`search_events`).
    """
    conditions = []
    if type:
        conditions.append(events.c.type == type.upper())
    if quad:
        conditions.append(events.c.quad == quad)
    if status:
        conditions.append(events.c.status == status)
    for membership in memberships(**members):
        conditions.append(membership.condition((forms or {}).get(membership.name, "in")))
    conditions += date_range(events.c.date, date_from, date_to)
    if location:
        conditions.append(events.c.location_name == location)  # exact: the index can answer
    if location_country:
        conditions.append(events.c.location_country == location_country.upper())
    return conditions


def _participant_ids(*, name: str, exact: bool = True):
    """Ids of events with a participant of this name (any case unless ``exact``)."""
    match = (
        event_participants.c.name == name
        if exact
        else func.lower(event_participants.c.name) == name.lower()
    )
    return select(event_participants.c.event_id).where(match)


def _order_by(sort: str | None, dialect: str, *, use_index: bool = True) -> list:
    """ORDER BY for a sort key; events without a value come last, ties by id.

    Each back end puts NULLs at one end by itself (SQLite: first ascending, PostgreSQL:
    last ascending); spelling NULLS LAST only where that differs keeps the default
    newest-first sort able to walk the date index on SQLite.
    """
    sort = sort or DEFAULT_EVENT_SORT
    descending = sort.startswith("-")
    column: ColumnElement[Any] = EVENT_SORTS.get(sort.lstrip("-"), events.c.date)
    if not use_index:  # an expression: SQLite will not walk the column's index for it
        column = func.coalesce(column, None)
    ordered = column.desc() if descending else column.asc()
    nulls_first_natively = (dialect == "sqlite") != descending
    if nulls_first_natively and sort.lstrip("-") != "id":
        ordered = ordered.nulls_last()
    tie = events.c.id.desc() if descending else events.c.id.asc()
    return [ordered, tie]


def search_events(
    conn: Connection, *, sort: str | None = None, limit: int = 50, offset: int = 0, **filters
) -> dict:
    """A page of events matching the filters: ``{"total", "total_exact", "items"}``.

    The total is counted up to :data:`COUNT_CAP` (``total_exact`` is false past it;
    /api/stats has exact counts), so a broad filter costs no more than a narrow one.

    On SQLite the plan is chosen here, as its planner cannot see how many rows a
    subquery gives: a side-table filter matching many events (one country) becomes a
    correlated probe, checked while walking the date index newest first until the page
    is full; a narrow one (a dyad, an actor) becomes an id list; and when few events
    match in all they are fetched through the filters' indexes and sorted.
    """
    if conn.dialect.name != "sqlite":
        conditions = event_conditions(**filters)
        total, exact = capped_count(conn, conditions)
        return {"total": total, "total_exact": exact,
                "items": _page(conn, conditions, _order_by(sort, "postgresql"), limit, offset)}  # fmt: skip
    broad = {m.name: "exists" for m in memberships(**filters) if _is_broad(conn, m)}
    by_date = (sort or DEFAULT_EVENT_SORT).lstrip("-") == "date"
    date_range = bool(filters.get("date_from") or filters.get("date_to"))
    walking = event_conditions(
        **filters, forms={m.name: "walk" for m in memberships(**filters)} | broad
    )
    listing = event_conditions(**filters, forms=broad)
    total, exact = capped_count(conn, walking if date_range or broad else listing)
    order = _order_by(sort, "sqlite")
    if not by_date:  # every match is fetched and sorted anyway: list them
        conditions = event_conditions(**filters)
    elif date_range or broad or not exact:
        conditions = walking
    else:
        conditions = listing
        if listing:
            order = _order_by(sort, "sqlite", use_index=False)
    return {
        "total": total,
        "total_exact": exact,
        "items": _page(conn, conditions, order, limit, offset),
    }


def _page(conn: Connection, conditions: list, order: list, limit: int, offset: int) -> list[dict]:
    return fetch_dicts(
        conn, select_events().where(*conditions).order_by(*order).limit(limit).offset(offset)
    )


def _is_broad(conn: Connection, membership: Membership) -> bool:
    """Whether a side-table filter matches more than :data:`BROAD` rows (an index range count)."""
    rows = (
        select(literal(1))
        .select_from(membership.table)
        .where(*membership.where)
        .limit(BROAD + 1)
        .subquery()
    )
    return conn.execute(select(func.count()).select_from(rows)).scalar_one() > BROAD


def capped_count(conn: Connection, conditions: list, cap: int | None = None) -> tuple[int, bool]:
    """How many events match, counting at most ``cap``: (count, whether it is exact)."""
    cap = COUNT_CAP if cap is None else cap
    matching = select(events.c.id).where(*conditions).limit(cap + 1).subquery()
    found: int = conn.execute(select(func.count()).select_from(matching)).scalar_one()
    return min(found, cap), found <= cap


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


# Shaped like store.queries.list_articles, which serves the exports (no paging, other defaults).
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
    conditions = date_range(articles.c.date, date_from, date_to)
    if q:
        conditions.append(
            contains(
                q,
                articles.c.headline,
                articles.c.source,
                articles.c.location,
                articles.c.url,
                _article_text(),
            )  # fmt: skip
        )
    if source:
        conditions.append(func.lower(articles.c.source) == source.lower())
    if status:
        conditions.append(articles.c.status == status)
    items = fetch_dicts(conn, select_articles().where(*conditions).limit(limit).offset(offset))
    return {"total": count_rows(conn, articles, conditions), "items": items}


def article_event_ids(conn: Connection, article_id: str) -> dict[str, int]:
    """The article's own event ids (``e1``...) -> the stored (merged) event ids."""
    rows = conn.execute(
        select(event_mentions.c.article_event_id, event_mentions.c.event_id)
        .where(event_mentions.c.article_id == article_id)
        .order_by(event_mentions.c.pk)
    )
    return {row.article_event_id: row.event_id for row in rows}


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
        conditions.append(contains(speaker, quotes.c.speaker_name, quotes.c.speaker_text))
    if q:
        conditions.append(contains(q, quotes.c.text))
    if article_id:
        conditions.append(quotes.c.article_id == article_id)
    query = (
        select_quotes()
        .where(*conditions)
        .order_by(
            articles.c.date.is_(None), articles.c.date.desc(), quotes.c.article_id, quotes.c.start
        )
        .limit(limit)
        .offset(offset)
    )
    return {
        "total": count_rows(conn, QUOTES_WITH_ARTICLES, conditions),
        "items": fetch_dicts(conn, query),
    }


# --- actors --------------------------------------------------------------------------


# Search functions share a signature shape (keyword filters, limit, offset): each its own filters.
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
        conditions.append(contains(q, event_participants.c.name))
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
    total = conn.execute(
        select(func.count(distinct(event_participants.c.name))).where(*conditions)
    ).scalar()
    return {"total": total, "items": fetch_dicts(conn, query)}


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
        .order_by(
            event_participants.c.name, event_participants.c.country, event_participants.c.role
        )
    ).all()
    if not who:
        return None
    canonical = max(who, key=lambda r: (r.events, r.name)).name
    listed = fetch_dicts(
        conn,
        select_events()
        .where(events.c.id.in_(ids))
        .order_by(events.c.date.is_(None), events.c.date.desc(), events.c.id.desc())
        .limit(limit),
    )
    return {
        "name": canonical,
        "countries": sorted({r.country for r in who if r.country}),
        "sectors": sorted({r.sector for r in who if r.sector}),
        "roles": {
            role: sum(r.events for r in who if r.role == role)
            for role in sorted({r.role for r in who})
        },
        "events": count_rows(conn, events, [events.c.id.in_(ids)]),
        "timeline": months(conn, events.c.id.in_(ids)),
        "partners": partners(conn, name),
        "recent_events": listed,
    }


def partners(conn: Connection, name: str, *, limit: int = 25) -> list[dict]:
    """The actor's main partners across dyads: name, country, events, mean score."""
    lowered = name.lower()
    forward = select(
        event_dyads.c.event_id,
        event_dyads.c.actor2_name.label("name"),
        event_dyads.c.actor2_country.label("country"),
        literal("to").label("direction"),
    ).where(
        func.lower(event_dyads.c.actor1_name) == lowered, event_dyads.c.actor2_name.is_not(None)
    )
    backward = select(
        event_dyads.c.event_id,
        event_dyads.c.actor1_name.label("name"),
        event_dyads.c.actor1_country.label("country"),
        literal("from").label("direction"),
    ).where(
        func.lower(event_dyads.c.actor2_name) == lowered, event_dyads.c.actor1_name.is_not(None)
    )
    pairs = union_all(forward, backward).subquery()
    n_events = func.count(distinct(pairs.c.event_id))
    rows = fetch_dicts(
        conn,
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
        .limit(limit),
    )
    return [_rounded(row) for row in rows]


# --- statistics ----------------------------------------------------------------------


def months(conn: Connection, *conditions) -> list[dict]:
    """Events per month with their mean PLOVER/Goldstein score and counts by quad class."""
    rows = fetch_dicts(
        conn,
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
        .order_by(MONTH),
    )
    return [_rounded(row) for row in rows]


def stats(conn: Connection, *, top_dyads: int = 20, **filters) -> dict:
    """Counts of the events matching the filters: by type, by month, by dyad, by status."""
    conditions = event_conditions(**filters)
    by_type = fetch_dicts(
        conn,
        select(
            events.c.type,
            func.min(events.c.quad).label("quad"),
            func.count().label("events"),
            func.avg(events.c.goldstein).label("score"),
        )
        .where(*conditions)
        .group_by(events.c.type)
        .order_by(func.count().desc(), events.c.type),
    )
    by_status = fetch_dicts(
        conn,
        select(events.c.status, func.count().label("events"))
        .where(*conditions)
        .group_by(events.c.status)
        .order_by(func.count().desc(), events.c.status),
    )
    return {
        "events": count_rows(conn, events, conditions),
        "by_type": [_rounded(row) for row in by_type],
        "by_status": by_status,
        "by_month": months(conn, *conditions),
        "by_dyad": dyad_counts(conn, conditions, limit=top_dyads),
    }


def dyad_counts(conn: Connection, conditions: list, *, limit: int = 20) -> list[dict]:
    """Country pairs (actor -> recipient) by number of events, with mean score."""
    n_events = func.count(distinct(event_dyads.c.event_id))
    rows = fetch_dicts(
        conn,
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
        .limit(limit),
    )
    return [_rounded(row) for row in rows]


def pair_countries(conn: Connection) -> list[str]:
    """Every country that appears in a dyad, sorted."""
    first = select(event_dyads.c.actor1_country.label("c")).where(
        event_dyads.c.actor1_country.is_not(None)
    )
    second = select(event_dyads.c.actor2_country.label("c")).where(
        event_dyads.c.actor2_country.is_not(None)
    )
    rows = conn.execute(select(union_all(first, second).subquery().c.c).distinct())
    return sorted(r[0] for r in rows)


def locations(conn: Connection, *, limit: int = 500, **filters) -> list[dict]:
    """Places where events happened, with coordinates and counts."""
    conditions = event_conditions(**filters)
    n_events = func.count()
    rows = fetch_dicts(
        conn,
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
        .limit(limit),
    )
    return [_rounded(row) for row in rows]


def _rounded(row: dict) -> dict:
    for key in ("score", "lat", "lon"):
        if row.get(key) is not None:
            row[key] = round(float(row[key]), 3 if key == "score" else 4)
    return row
