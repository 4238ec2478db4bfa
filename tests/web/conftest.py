"""Fixtures of the web tests: a small record in SQLite and a test client over it."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from web_corpus import build_database  # noqa: E402


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    """The URL of a database holding the hand-made corpus."""
    path = tmp_path_factory.mktemp("web") / "record.db"
    url = f"sqlite:///{path}"
    build_database(url).dispose()
    return url


@pytest.fixture(scope="session")
def client(web_db):
    with warnings.catch_warnings():  # starlette's note about httpx, not ours to fix
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from communique.web import create_app

    with TestClient(create_app(web_db)) as test_client:
        yield test_client
