"""The REST API: ``/api/...``, read-only JSON over the event database."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel
from sqlalchemy import Connection

from communique.store import queries as store
from communique.web import queries
from communique.web.params import (
    EventFilters,
    EventSort,
    Limit,
    Offset,
    Text,
)

router = APIRouter(prefix="/api", tags=["api"])


def connection(request: Request):
    """One read-only connection per request."""
    with request.app.state.engine.connect() as conn:
        yield conn


Conn = Annotated[Connection, Depends(connection)]


def or_404(found: dict | None, message: str) -> dict:
    """What a detail query found, or a 404 answer saying ``message`` when it found nothing."""
    if found is None:
        raise HTTPException(404, message)
    return found


class Page(BaseModel):
    """A page of results: how many match in all, and this page's rows."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


# The API's response models mirror communique.model's on purpose (the documented JSON shapes).
class Participant(BaseModel):
    entity: str | None = None
    name: str
    country: str | None = None
    sector: str | None = None


class EventRow(BaseModel):
    """An event merged across articles (GDELT-style mention, source and article counts)."""

    id: int
    type: str
    mode: str | None
    cameo: str | None
    quad: int | None
    goldstein: float | None
    status: str
    date: str | None
    location_name: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    actors: list[Participant]
    recipients: list[Participant]
    evidence: str | None
    quote: str | None
    confidence: float | None
    first_article_id: str
    source_url: str | None
    num_mentions: int
    num_sources: int
    num_articles: int


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventRow]


class EventDetail(EventRow):
    mentions: list[dict[str, Any]]


class Stats(BaseModel):
    counts: dict[str, Any]
    events: int
    by_type: list[dict[str, Any]]
    by_status: list[dict[str, Any]]
    by_month: list[dict[str, Any]]
    by_dyad: list[dict[str, Any]]


ArticleId = Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


@router.get("/articles", response_model=Page, summary="Search articles")
def list_articles(
    conn: Conn,
    q: Annotated[
        str | None, Query(max_length=200, description="Words in the headline, text, source or URL.")
    ] = None,
    source: Text = None,
    status: Annotated[str | None, Query(pattern=r"^(ok|warning|error|language|duplicate)$")] = None,
    date_from: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
    date_to: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    """Articles newest first, without their reports."""
    found = queries.search_articles(
        conn, q=q, source=source, status=status, date_from=date_from, date_to=date_to,
        limit=limit, offset=offset,
    )  # fmt: skip
    return {**found, "limit": limit, "offset": offset}


@router.get("/articles/{article_id}", summary="One article with its full report")
def get_article(conn: Conn, article_id: ArticleId) -> dict:
    """The stored article: its row, the full report JSON and the ids of its merged events."""
    article = or_404(store.get_article(conn, article_id), f"no article {article_id}")
    article["event_ids"] = queries.article_event_ids(conn, article_id)
    return article


@router.get("/events", response_model=EventPage, summary="Search events")
def list_events(
    conn: Conn,
    filters: Annotated[EventFilters, Depends()],
    sort: EventSort = "-date",
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    """Events matching every filter given, sorted, one page at a time."""
    found = queries.search_events(
        conn, sort=sort, limit=limit, offset=offset, **filters.as_kwargs()
    )
    return {**found, "limit": limit, "offset": offset}


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event with its mentions")
def get_event(conn: Conn, event_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict:
    """The event and every article's telling of it (offsets, evidence, headline)."""
    return or_404(store.get_event(conn, event_id), f"no event {event_id}")


@router.get("/actors", response_model=Page, summary="Search actors")
def list_actors(
    conn: Conn,
    q: Annotated[str | None, Query(max_length=200, description="Part of the actor's name.")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    """Actors that take part in events, most active first."""
    found = queries.search_actors(conn, q=q, country=country, limit=limit, offset=offset)
    return {**found, "limit": limit, "offset": offset}


@router.get("/actors/{name:path}", summary="One actor: timeline and main partners")
def get_actor(
    conn: Conn,
    name: Annotated[
        str, Path(max_length=200, description="The actor's name (as /api/actors lists it).")
    ],
) -> dict:
    """Countries, sectors, events per month with mean score, main partners, latest events."""
    return or_404(queries.actor_detail(conn, name), f"no actor named {name!r}")


# Shaped like list_articles: each list endpoint declares its own filters for the OpenAPI page.
@router.get("/quotes", response_model=Page, summary="Search quotations")
def list_quotes(
    conn: Conn,
    speaker: Annotated[
        str | None, Query(max_length=200, description="Part of the speaker's name.")
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the quotation.")] = None,
    article_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    """Quotations with their speakers and articles, newest first."""
    found = queries.search_quotes(
        conn, speaker=speaker, q=q, article_id=article_id, limit=limit, offset=offset
    )
    return {**found, "limit": limit, "offset": offset}


@router.get("/stats", response_model=Stats, summary="Counts by type, month and dyad")
def get_stats(
    conn: Conn,
    filters: Annotated[EventFilters, Depends()],
    top_dyads: Annotated[int, Query(ge=1, le=500)] = 20,
) -> dict:
    """Row counts of the database, and the matching events by type, status, month
    (with mean PLOVER score and counts per quad class) and dyad."""
    return {
        "counts": store.counts(conn),
        **queries.stats(conn, top_dyads=top_dyads, **filters.as_kwargs()),
    }


@router.get("/locations", summary="Event locations with counts")
def list_locations(
    conn: Conn,
    filters: Annotated[EventFilters, Depends()],
    limit: Limit = 500,
) -> list[dict]:
    """Places where the matching events happened: name, country, lat, lon, events, mean score."""
    return queries.locations(conn, limit=limit, **filters.as_kwargs())
