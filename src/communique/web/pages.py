"""The HTML pages: dashboard, events, event, articles, article, actors, actor, quotes, map."""

from __future__ import annotations

import json
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import Connection

from communique.store.queries import counts, get_article, get_event
from communique.web import charts, geo, highlight, queries
from communique.web.api import connection, or_404
from communique.web.params import (
    COUNTRY_PATTERN,
    MAX_OFFSET,
    PLOVER_TYPES,
    STATUSES,
    EventFilters,
    EventSort,
    Text,
)

router = APIRouter(include_in_schema=False)
Conn = Annotated[Connection, Depends(connection)]
Page = Annotated[int, Query(ge=1, le=MAX_OFFSET // 50)]
PER_PAGE = 50


def render(request: Request, name: str, **context) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context)


def window(page: int) -> dict:
    """The ``limit`` and ``offset`` of a page of results (counted from 1)."""
    return {"limit": PER_PAGE, "offset": (page - 1) * PER_PAGE}


def pager(request: Request, page: int, found: dict) -> dict:
    """Links to the previous and next pages of a search's results, keeping its parameters.

    ``found["total"]`` may be a lower bound (``found["total_exact"]`` false): then there
    is a next page whenever this one is full.
    """
    total, shown = found["total"], len(found["items"])
    exact = found.get("total_exact", True)
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
    pages = max(1, -(-total // PER_PAGE))
    first = (page - 1) * PER_PAGE + 1

    def link(n: int) -> str:
        return "?" + urlencode([*params, ("page", str(n))])

    more = page < pages if exact else shown == PER_PAGE
    return {
        "page": page,
        "pages": pages if exact else None,
        "total": f"{total:,}" if exact else f"{total:,}+",
        "first": first if shown else 0,
        "last": first + shown - 1,
        "prev": link(page - 1) if page > 1 else None,
        "next": link(page + 1) if more else None,
    }


def sort_links(request: Request, current: str) -> dict[str, dict]:
    """For each sortable column: the link that sorts by it (flipping the direction) and its arrow."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("sort", "page")]
    out = {}
    for key in queries.EVENT_SORTS:
        active = current.lstrip("-") == key
        descending = current.startswith("-")
        target = (key if descending else f"-{key}") if active else f"-{key}"
        out[key] = {
            "href": "?" + urlencode([*params, ("sort", target)]),
            "arrow": ("▼" if descending else "▲") if active else "",
        }
    return out


def world(places: list[dict], highlight_countries: tuple[str, ...] = ()) -> dict:
    """What the map template draws: the country shapes and the event markers."""

    def href(p: dict) -> str:
        params = {"location": p.get("name") or ""}
        if p.get("country"):
            params["location_country"] = p["country"]
        return "/events?" + urlencode(params)

    return {
        "width": geo.WIDTH,
        "height": geo.HEIGHT,
        "countries": geo.countries(),
        "highlight": set(highlight_countries),
        "markers": geo.markers(places, href=href),
    }


# --- dashboard -----------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def dashboard(
    request: Request,
    conn: Conn,
    a: Annotated[str | None, Query(pattern=COUNTRY_PATTERN)] = None,
    b: Annotated[str | None, Query(pattern=COUNTRY_PATTERN)] = None,
):
    stats = queries.stats(conn, top_dyads=12)
    dyads = stats["by_dyad"]
    if not (a and b) and dyads:
        a, b = a or dyads[0]["actor1_country"], b or dyads[0]["actor2_country"]
        if a == b:
            b = (
                dyads[0]["actor2_country"]
                if a != dyads[0]["actor2_country"]
                else dyads[0]["actor1_country"]
            )
    a, b = (a or "").upper() or None, (b or "").upper() or None
    pair_months = (
        queries.months(conn, *queries.event_conditions(dyad=f"{a}-{b}")) if a and b else []
    )
    return render(
        request,
        "dashboard.html",
        counts=counts(conn),
        stats=stats,
        a=a,
        b=b,
        countries=queries.pair_countries(conn),
        chart=charts.score_chart(pair_months),
        pair_total=sum(r["events"] for r in pair_months),
        map=world(queries.locations(conn, limit=300)),
        max_type=max((t["events"] for t in stats["by_type"]), default=1),
    )


# --- events --------------------------------------------------------------------------


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    conn: Conn,
    filters: Annotated[EventFilters, Depends()],
    sort: EventSort = "-date",
    page: Page = 1,
):
    found = queries.search_events(conn, sort=sort, **window(page), **filters.as_kwargs())
    return render(
        request,
        "events.html",
        events=found["items"],
        filters=filters,
        active=filters.as_kwargs(),
        sort=sort,
        sorts=sort_links(request, sort),
        paging=pager(request, page, found),
        types=PLOVER_TYPES,
        statuses=STATUSES,
        countries=queries.pair_countries(conn),
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, conn: Conn, event_id: Annotated[int, Path(ge=1, le=2**62)]):
    event = or_404(get_event(conn, event_id), f"No event {event_id}.")
    reports = queries.article_reports(conn, [m["article_id"] for m in event["mentions"]])
    tellings = []
    for mention in event["mentions"]:
        report = reports.get(mention["article_id"]) or {}
        tellings.append({**mention, "excerpts": _evidence(report, mention)})
    place = []
    if event.get("lat") is not None and event.get("lon") is not None:
        place = [{"name": event["location_name"], "country": event["location_country"],
                  "lat": event["lat"], "lon": event["lon"], "events": 1, "score": event["goldstein"]}]  # fmt: skip
    countries = tuple(
        p.get("country") for p in event["actors"] + event["recipients"] if p.get("country")
    )
    return render(
        request, "event.html", event=event, tellings=tellings, map=world(place, countries)
    )


def _evidence(report: dict, mention: dict) -> list:
    """The highlighted evidence of one article's telling of an event."""
    text = (report.get("article") or {}).get("text") or ""
    article_event = next(
        (e for e in report.get("events") or [] if e.get("id") == mention["article_event_id"]), None
    )
    if not text or article_event is None:
        return [highlight.render(mention.get("evidence") or "", [])]
    marks = highlight.evidence_marks(report, article_event)
    spans = [tuple(o) for o in mention.get("offsets") or []] or [(mention["start"], mention["end"])]
    return [highlight.excerpt(text, start, end, marks) for start, end in spans]


# --- articles ------------------------------------------------------------------------


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request, conn: Conn, q: Text = None, source: Text = None, page: Page = 1
):
    found = queries.search_articles(conn, q=q, source=source, **window(page))
    return render(
        request, "articles.html", articles=found["items"], q=q or "", source=source or "",
        paging=pager(request, page, found),
    )  # fmt: skip


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    conn: Conn,
    article_id: Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")],
):
    article = or_404(get_article(conn, article_id), f"No article {article_id}.")
    report = article.get("report") or {}
    stored = queries.article_event_ids(conn, article_id)
    text = (report.get("article") or {}).get("text") or ""
    marks = highlight.article_marks(report, stored)
    kinds = sorted({m.kind for m in marks})
    return render(
        request,
        "article.html",
        article=article,
        report=report,
        text=highlight.render(text, marks),
        kinds=kinds,
        stored=stored,
        report_json=json.dumps(report, indent=2, ensure_ascii=False, sort_keys=False),
    )


# --- actors --------------------------------------------------------------------------


# Shaped like articles_page: each list page has its own filters, query and template.
@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request,
    conn: Conn,
    q: Text = None,
    country: Annotated[str | None, Query(pattern=COUNTRY_PATTERN)] = None,
    page: Page = 1,
):
    found = queries.search_actors(conn, q=q, country=country, **window(page))
    return render(
        request, "actors.html", actors=found["items"], q=q or "", country=country or "",
        paging=pager(request, page, found),
    )  # fmt: skip


@router.get("/actors/{name:path}", response_class=HTMLResponse)
def actor_page(request: Request, conn: Conn, name: Annotated[str, Path(max_length=200)]):
    actor = or_404(queries.actor_detail(conn, name, limit=100), f"No actor named {name}.")
    return render(
        request,
        "actor.html",
        actor=actor,
        chart=charts.score_chart(actor["timeline"]),
        network=charts.partner_network(actor["name"], actor["partners"][:16]),
        quotes=queries.search_quotes(conn, speaker=actor["name"], limit=20),
    )


# --- quotes and map ------------------------------------------------------------------


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, conn: Conn, speaker: Text = None, q: Text = None, page: Page = 1):
    found = queries.search_quotes(conn, speaker=speaker, q=q, **window(page))
    return render(
        request, "quotes.html", quotes=found["items"], speaker=speaker or "", q=q or "",
        paging=pager(request, page, found),
    )  # fmt: skip


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, conn: Conn, filters: Annotated[EventFilters, Depends()]):
    places = queries.locations(conn, limit=500, **filters.as_kwargs())
    return render(
        request, "map.html", map=world(places), places=places, filters=filters,
        active=filters.as_kwargs(), types=PLOVER_TYPES, countries=queries.pair_countries(conn),
    )  # fmt: skip


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request):
    """The API's endpoints and parameters, read from its OpenAPI schema."""
    schema = request.app.openapi()
    endpoints = []
    for path, methods in sorted(schema["paths"].items()):
        for method, op in methods.items():
            params = [
                {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                 "description": p.get("description") or "", "schema": _schema_text(p.get("schema", {}))}
                for p in op.get("parameters", [])
            ]  # fmt: skip
            endpoints.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                              "description": op.get("description", ""), "params": params})  # fmt: skip
    return render(request, "api.html", endpoints=endpoints)


@router.get("/docs")
def docs_page() -> RedirectResponse:
    """``/docs``, where FastAPI apps keep their API documentation, is the /api page: it is
    read from the same OpenAPI schema and needs nothing from the internet (Swagger UI would)."""
    return RedirectResponse("/api", status_code=307)


def _schema_text(schema: dict) -> str:
    options = schema.get("anyOf") or [schema]
    parts = []
    for option in options:
        if option.get("type") == "null":
            continue
        text = option.get("type", "")
        if option.get("enum"):
            text = " | ".join(map(str, option["enum"]))
        for key, word in (("minimum", "≥"), ("maximum", "≤"), ("maxLength", "length ≤")):
            if key in option:
                text += f" {word} {option[key]}"
        if option.get("pattern"):
            text += f" /{option['pattern']}/"
        parts.append(text.strip())
    return " or ".join(parts)
