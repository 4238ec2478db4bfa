"""Quotations and their speakers: fills ``report.quotes``.

>>> from communique.quotes import annotate   # a pipeline stage: annotate(analysis)

Direct quotations are found by a state machine over the quote marks
(:mod:`communique.quotes.marks`), indirect speech and cues on the dependency parse with the
cue lexicon in ``data/cues.json`` (:mod:`communique.quotes.find`); speakers are mapped to the
entities stage's entities (:mod:`communique.quotes.speakers`).
"""

from __future__ import annotations

from communique.document import Analysis
from communique.model import Quote, Report
from communique.pipeline import stage
from communique.quotes.find import Found, find_quotes
from communique.quotes.speakers import resolve

__all__ = ["annotate", "find_quotes", "quotes_of"]


def quotes_of(report: Report, found: list[Found]) -> list[Quote]:
    """Report quotations (ids Q1, Q2, ... in text order) from what :func:`find_quotes` found."""
    text = report.article.text
    quotes = []
    for number, f in enumerate(sorted(found, key=lambda f: (f.start, f.end)), start=1):
        quotes.append(
            Quote(
                id=f"Q{number}",
                text=text[f.start : f.end],
                start=f.start,
                end=f.end,
                kind=f.kind,
                cue=text[f.cue[0] : f.cue[1]] if f.cue else None,
                speaker=resolve(report, f.speaker, f.speaker_head),
            )
        )
    return quotes


@stage("quotes", requires=("entities",), assigns=("quotes",))
def annotate(analysis: Analysis) -> None:
    """Fill ``report.quotes`` from the parsed article text (speakers: the entities)."""
    report = analysis.report
    report.quotes = quotes_of(report, find_quotes(analysis.doc))
