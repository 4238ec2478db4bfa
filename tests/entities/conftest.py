"""Helpers for the entities tests: run the stage on a short text with the session pipeline."""

from __future__ import annotations

import pytest

from communique.model import Article, Dateline, Report


@pytest.fixture(scope="session")
def entities_of(nlp):
    """``entities_of(text, date=None, dateline=None)`` -> the report after the entities
    stage; ``dateline`` is the dateline's place ("Bamako")."""
    from communique.entities import annotate
    from communique.pipeline import Analysis

    def run(text: str, date: str | None = None, dateline: str | None = None) -> Report:
        place = Dateline(text=dateline.upper(), place=dateline) if dateline else None
        report = Report(id="t", article=Article(text=text, date=date, dateline=place))
        annotate(Analysis(report=report, doc=nlp(text)))
        return report

    return run
