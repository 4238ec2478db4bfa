"""Shared fixtures: the spaCy pipeline once per test session, paths to shared data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_TEXT = SHARED / "seed" / "tass-2019-01-29.txt"
SEED_EXPECTED = SHARED / "seed" / "expected.json"


@pytest.fixture(scope="session")
def nlp():
    from communique import nlp as nlp_module

    return nlp_module.load()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or skip the test when it is absent."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is absent")
    return data


@pytest.fixture(scope="session")
def seed_report():
    """The full report of the seed article (skips when ../shared is absent)."""
    if not SEED_TEXT.exists():
        pytest.skip("../shared/seed is absent")
    import communique

    return communique.analyze(SEED_TEXT.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    import json

    if not SEED_EXPECTED.exists():
        pytest.skip("../shared/seed is absent")
    return json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture
def run(monkeypatch, capsys, tmp_path):
    """Run ``communique ARGS...`` in-process (spaCy loads once per session) in ``tmp_path``:
    (exit code, stdout, stderr)."""
    from communique import cli

    monkeypatch.chdir(tmp_path)

    def invoke(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["communique", *args])
        with pytest.raises(SystemExit) as info:
            cli.main()
        captured = capsys.readouterr()
        return info.value.code or 0, captured.out, captured.err

    return invoke
