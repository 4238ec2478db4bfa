"""The FastAPI application: API, pages, static assets and the read-only guard rails."""

from __future__ import annotations

from importlib import resources
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique import __version__, countries
from communique.web import geo
from communique.web.db import readonly_engine

MAX_URL = 4096  # longest request target accepted
MAX_BODY = 0  # the server is read-only: no request bodies at all
READ_METHODS = {"GET", "HEAD"}
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def package_dir(name: str) -> str:
    return str(resources.files("communique.web").joinpath(name))


def country_name(code: str | None) -> str:
    """A readable name for an ISO alpha-3 code (the code itself when unknown)."""
    return countries.short_name(code.upper() if code else code)


QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def actor_href(name: str | None) -> str:
    """The actor page of a participant name."""
    return "/actors/" + quote(name or "", safe="")


def templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(package_dir("templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["country"] = country_name
    env.filters["actor_href"] = actor_href
    env.filters["quad_name"] = QUAD_NAMES.get
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


def create_app(db: str | None = None) -> FastAPI:
    """The web application over the database at ``db`` (opened read-only)."""
    from communique.web import api, pages

    app = FastAPI(
        title="communique",
        version=__version__,
        description="Read-only REST API over the communique event record: articles, events "
        "merged across articles, actors, quotations and statistics.",
        docs_url=None,  # Swagger UI would load its assets from the internet
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.engine = readonly_engine(db)
    geo.countries()  # decode the map once, before the first page asks for it
    app.state.templates = templates()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=package_dir("static")), name="static")
    _guard(app)
    return app


def _guard(app: FastAPI) -> None:
    @app.middleware("http")
    async def read_only(request: Request, call_next):
        if request.method not in READ_METHODS:
            return PlainTextResponse(
                "read-only: GET only", status_code=405, headers={"Allow": "GET, HEAD"}
            )
        if (
            len(request.scope.get("raw_path", b"")) + len(request.scope.get("query_string", b""))
            > MAX_URL
        ):
            return PlainTextResponse("request too long", status_code=414)
        if int(request.headers.get("content-length") or 0) > MAX_BODY:
            return PlainTextResponse("no request bodies", status_code=413)
        _drop_empty_params(request)
        response = await call_next(request)
        for key, value in HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": _plain(exc.errors())}, status_code=422)
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors()
        )
        return _error_page(request, 422, f"Invalid request: {problems}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return _error_page(request, exc.status_code, str(exc.detail))


def _plain(errors) -> list[dict]:
    return [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in errors]


def _error_page(request: Request, status: int, message: str):
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )


def _drop_empty_params(request: Request) -> None:
    """Forms send empty fields as ``name=``: treat them as absent."""
    raw = request.scope.get("query_string", b"")
    if not raw:
        return
    pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if v.strip() != ""]
    if len(kept) != len(pairs):
        request.scope["query_string"] = urlencode(kept).encode("latin-1")
