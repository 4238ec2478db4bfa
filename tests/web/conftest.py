"""Fixtures of the web tests: a small record in SQLite (and PostgreSQL when one is given)."""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from web_corpus import build_database  # noqa: E402

# A PostgreSQL database the web tests may empty and fill (e.g. postgresql://user@host/webtest).
PG_ENV = "COMMUNIQUE_WEB_TEST_PG"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    """The URL of an SQLite database holding the hand-made corpus."""
    path = tmp_path_factory.mktemp("web") / "record.db"
    url = f"sqlite:///{path}"
    build_database(url).dispose()
    return url


@pytest.fixture(scope="session")
def pg_db() -> str:
    """The same corpus in PostgreSQL from $COMMUNIQUE_WEB_TEST_PG (skips when unset)."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set")
    from sqlalchemy import text

    from communique.store.engine import engine_for

    with engine_for(url).begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    build_database(url).dispose()
    return url


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def client(request):
    """A test client of the app over the corpus, on each back end."""
    url = request.getfixturevalue("web_db" if request.param == "sqlite" else "pg_db")
    with warnings.catch_warnings():  # starlette's note about httpx, not ours to fix
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from communique.web import create_app

    with TestClient(create_app(url)) as test_client:
        yield test_client
