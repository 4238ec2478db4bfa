"""The web page and REST API for exploring the event record: ``communique serve``.

    from communique.web import create_app
    app = create_app("sqlite:///communique.db")   # a FastAPI app, read-only

The server binds 127.0.0.1 by default, answers GET only, opens the database read-only
and escapes every piece of article text it shows.
"""

from __future__ import annotations

from collections.abc import Callable

from communique.web.app import create_app

__all__ = ["create_app", "serve"]


def serve(
    db: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    log_level: str = "warning",
    announce: Callable[[str], object] | None = None,
) -> None:
    """Serve the pages and the API for the database ``db`` until interrupted."""
    import uvicorn

    app = create_app(db)
    if announce is not None:
        announce(f"communique: serving {db} at http://{host}:{port} (read-only; Ctrl-C to stop)")
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
        server_header=False,
        limit_concurrency=64,
        h11_max_incomplete_event_size=16 * 1024,
        timeout_keep_alive=5,
    )
