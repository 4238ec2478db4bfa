"""Time expressions normalised against the article's date (TIMEX3 values).

The stage fills ``report.times``: dates, times of day, durations and sets, with their
TIMEX3 ``value``, ``type`` and ``mod``. Partial and relative expressions ("November 14",
"last week", "on Tuesday") are resolved against ``report.article.date``; which occurrence is
meant comes from the tense of the governing verb (:mod:`.tense`), unless the sentence names
a year ("in 2019").

Public API:

- :func:`annotate` — the pipeline stage.
- :func:`find_times` — the same on a bare text (``doc`` optional: without it, no tense).
- :func:`time_at` — the times of a report inside a character span, for later stages
  (the events stage dates an event with the times of its sentence).
- :func:`date_at` — the single calendar date best describing a span, or None.

Example::

    >>> times = find_times("The talks were held on November 14.", "2019-01-29", doc)
    >>> times[0].value
    '2018-11-14'
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from spacy.tokens import Doc

from communique.document import Analysis
from communique.model import Report, Time
from communique.pipeline import stage
from communique.times import grammar, normalize, tense

__all__ = ["annotate", "date_at", "find_times", "time_at"]

# rules whose year may come from a year named elsewhere in the sentence
YEAR_HINTED = frozenset({"month_day", "day_month", "month", "season", "quarter", "half_year"})
# rules that name a year explicitly and so give it to their sentence
YEAR_GIVING = frozenset({"year", "month_year"})
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'“])|\n\s*\n")


@stage("times", assigns=("times",))
def annotate(analysis: Analysis) -> None:
    """Fill ``analysis.report.times`` from the article text and its parse."""
    report = analysis.report
    report.times = find_times(report.article.text, report.article.date, analysis.doc)


def find_times(text: str, date: str | dt.date | None = None, doc: Doc | None = None) -> list[Time]:
    """The time expressions of ``text``, resolved against ``date`` (YYYY-MM-DD or None)."""
    anchor = _anchor(date)
    if not text:
        return []
    if doc is not None and not _covers(doc, text):
        doc = None  # a parse of some other text would give tenses for the wrong words
    candidates = grammar.scan(text, accept=lambda c: normalize.is_time(c, text))
    sentences = _sentence_starts(text, doc)
    hints = _year_hints(candidates, sentences, text)
    state = normalize.DocState()
    times = []
    for candidate in candidates:
        sentence = bisect.bisect_right(sentences, candidate.start)
        ctx = normalize.Context(
            anchor=anchor,
            text=text,
            start=candidate.start,
            end=candidate.end,
            direction=_lazy_direction(doc, candidate.start, candidate.end),
            year_hint=_hint_for(candidate, hints.get(sentence, []), doc),
            state=state,
            sentence=sentence,
        )
        normal = normalize.normalize(candidate, ctx)
        if normal is None:
            continue
        state.remember(normal.value, sentence)
        times.append(
            Time(
                text=text[candidate.start : candidate.end],
                start=candidate.start,
                end=candidate.end,
                type=normal.type or candidate.rule.type,
                value=normal.value,
                mod=normal.mod,
            )
        )
    return times


def time_at(
    report: Report, start: int, end: int, types: tuple[str, ...] | None = None
) -> list[Time]:
    """The times of ``report`` that overlap the span ``start:end``, in text order.

    ``types`` restricts them (e.g. ``("DATE", "TIME")`` for what can date an event).
    """
    return [
        t
        for t in report.times
        if t.start < end and t.end > start and (types is None or t.type in types)
    ]


def date_at(report: Report, start: int, end: int) -> str | None:
    """The calendar date (YYYY-MM-DD, YYYY-MM or YYYY) of the span, or None.

    The most specific resolved DATE/TIME inside the span wins; ties go to the first.
    """
    best, best_len = None, 0
    for time in time_at(report, start, end, ("DATE", "TIME")):
        match = re.match(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", time.value or "")
        if match and len(match.group()) > best_len:
            best, best_len = match.group(), len(match.group())
    return best


def _anchor(date: str | dt.date | None) -> dt.date | None:
    if isinstance(date, dt.date):
        return date
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


def _lazy_direction(doc: Doc | None, start: int, end: int):
    cache: list[int] = []

    def compute() -> int:
        if not cache:
            try:
                cache.append(tense.direction(doc, start, end))
            except (ValueError, IndexError):
                cache.append(0)
        return cache[0]

    return compute


def _covers(doc: Doc, text: str) -> bool:
    """Whether ``doc`` is a parse of ``text`` (checked cheaply: length and both ends)."""
    if not len(doc):
        return not text.strip()
    last = doc[-1]
    return (
        last.idx + len(last.text_with_ws) == len(text)
        and text.startswith(doc[0].text, doc[0].idx)
        and text.startswith(last.text, last.idx)
    )


def _sentence_starts(text: str, doc: Doc | None) -> list[int]:
    if doc is not None and len(doc):
        starts = doc.to_array("SENT_START")
        if (starts != 0).any():  # the parser or a sentencizer has set sentence starts
            offsets = doc.to_array("IDX")
            return [0] + [int(offsets[i]) for i in (starts == 1).nonzero()[0] if i > 0]
    return [0] + [m.end() for m in SENTENCE_END.finditer(text)]


REFERENCE_POINT = re.compile(r"\b(?:since|until|till|before|after|by)\s+$", re.IGNORECASE)


def _year_hints(
    candidates: list[grammar.Candidate], sentences: list[int], text: str
) -> dict[int, list[tuple[int, int, int]]]:
    """Sentence number -> (start, end, year) of the years the sentence names on their own.

    A year that is only a reference point ("the first clash since 1975", "until 2030") says
    nothing about the year of the sentence's other dates."""
    hints: dict[int, list[tuple[int, int, int]]] = {}
    for candidate in candidates:
        year = candidate.groups.get("y")
        before = text[max(0, candidate.start - 12) : candidate.start]
        if candidate.rule.name in YEAR_GIVING and year and not REFERENCE_POINT.search(before):
            sentence = bisect.bisect_right(sentences, candidate.start)
            hints.setdefault(sentence, []).append((candidate.start, candidate.end, int(year)))
    return hints


def _hint_for(
    candidate: grammar.Candidate, hints: list[tuple[int, int, int]], doc: Doc | None
) -> int | None:
    """The year named in the sentence for a partial date: with a parse, only a year in the
    same clause ("In 1998 the firm was sold on May 5", not "founded in 1990, it said on May 5")."""
    if candidate.rule.name not in YEAR_HINTED or not hints:
        return None
    if doc is not None:
        verb = tense.governing_verb(doc, candidate.start, candidate.end)
        hints = [h for h in hints if tense.governing_verb(doc, h[0], h[1]) == verb]
        if not hints:
            return None
    return min(hints, key=lambda h: (abs(h[0] - candidate.start), h[0]))[2]
