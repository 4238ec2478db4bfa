"""Events: who did what to whom, when and where, coded in PLOVER and CAMEO.

The stage finds triggers from the lexicon in ``data/triggers.tsv`` (verbs, nouns and
phrases with their conditions), codes announced actions as the statement they are
(``intent.py``: "will provide aid" is AGREE, "will impose sanctions" THREATEN), reads
participants off the dependency parse (recipients also from indirect objects,
prepositions on objects and complements, and the place an action falls on), dates and
places each event from the times and places attached to its clause, sets its status, and
merges the mentions of one event within the article. Every event names its trigger and
pattern, so it can be traced back to the evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.document import Analysis
from communique.model import Report
from communique.pipeline import stage

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["annotate", "extract_events"]


@stage(
    "events",
    requires=("entities", "quotes", "times", "places", "location_candidates"),
    assigns=("events",),
)
def annotate(analysis: Analysis) -> None:
    """Fill ``analysis.report.events`` from the parse and the earlier stages' sections."""
    analysis.report.events = extract_events(
        analysis.report, analysis.doc, analysis.location_candidates
    )


def extract_events(report: Report, doc: Doc, candidates: list | None = None):
    """The events of one parsed article, merged and numbered in text order (``candidates``:
    the places named inside other names, from the places stage; found anew when None)."""
    from communique.events.extract import extract

    return extract(report, doc, candidates)
