"""The figures every evaluator reports, computed one way.

A share whose denominator is zero is ``None`` (nothing to measure: no gold of that type, no
prediction), never 0.0 and never 1.0; an F1 of an undefined precision or recall is ``None``
too. Each evaluator rounds as it reports.
"""

from __future__ import annotations


def ratio(part: float, whole: float, digits: int | None = None) -> float | None:
    """``part / whole``, rounded to ``digits`` when given; None when ``whole`` is 0."""
    if not whole:
        return None
    return rounded(part / whole, digits)


def f1(precision: float | None, recall: float | None, digits: int | None = None) -> float | None:
    """The harmonic mean of precision and recall (0.0 when both are 0; None when either is
    undefined), rounded to ``digits`` when given."""
    if precision is None or recall is None:
        return None
    if not precision + recall:
        return 0.0
    return rounded(2 * precision * recall / (precision + recall), digits)


def rounded(value: float | None, digits: int | None) -> float | None:
    """``value`` rounded to ``digits`` (None stays None; ``digits`` None: as it is)."""
    if value is None or digits is None:
        return value
    return round(value, digits)


def prf(correct: int, predicted: int, gold: int, digits: int | None = None) -> dict:
    """Counts with their precision, recall and F1."""
    precision, recall = ratio(correct, predicted), ratio(correct, gold)
    return {
        "gold": gold,
        "predicted": predicted,
        "correct": correct,
        "precision": rounded(precision, digits),
        "recall": rounded(recall, digits),
        "f1": f1(precision, recall, digits),
    }
