"""Evaluation against outside gold data and the project's own annotated news sets.

Every evaluator is a module here with ``evaluate(data, limit=None, model=None) -> dict`` of
figures (snake_case names; nested dicts for tables); :data:`EVALUATORS` names them for
``communique eval NAME``. Shares are computed one way (:mod:`.metrics`); the README's targets
are checked by :mod:`.gate` against the figures ``make eval`` writes.

- ``extraction``: the HTML reader on the article-extraction benchmark (:mod:`.extraction`);
- ``scraped``: the plain-text reader on annotated scraped texts (:mod:`.scraped`);
- ``actors``: actor country and sector, on PLOVER's gold records (:mod:`.actors`) or the
  news-events set (:mod:`.news_events`);
- ``quotes``: quotations and speakers on PolNeAR (:mod:`.quotes`, brat reader :mod:`.brat`);
- ``times``: TIMEX3 on TempEval-3 (:mod:`.times`);
- ``places``: toponyms on GeoWebNews and TR-News (:mod:`.places`);
- ``events``: the news-events set or PLOVER's gold records (:mod:`.events`).
"""

from __future__ import annotations

import importlib
from pathlib import Path

# `communique eval NAME` -> the module whose evaluate(data, limit, model) measures it
EVALUATORS = {
    "extraction": "communique.evaluation.extraction",
    "scraped": "communique.evaluation.scraped",
    "actors": "communique.evaluation.actors",
    "quotes": "communique.evaluation.quotes",
    "times": "communique.evaluation.times",
    "places": "communique.evaluation.places",
    "events": "communique.evaluation.events",
}


def evaluate(name: str, data: Path, limit: int | None = None, model: str | None = None) -> dict:
    """The figures of the evaluation ``name`` on ``data`` (``model``: the spaCy model)."""
    module = importlib.import_module(EVALUATORS[name])
    return module.evaluate(data, limit=limit, model=model)
