"""The figures every evaluator reports, computed one way, and the one matching of gold and
predicted items (:func:`largest_matching`).

A share whose denominator is zero is ``None`` (nothing to measure: no gold of that type, no
prediction), never 0.0 and never 1.0; an F1 of an undefined precision or recall is ``None``
too. Each evaluator rounds as it reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence


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


def largest_matching(
    options: Mapping[int, Sequence[int]], order: Iterable[int] | None = None
) -> dict[int, int]:
    """A one-to-one matching with as many pairs as possible, left -> right.

    ``options[left]`` lists the right items ``left`` may pair with, most wanted first; the
    left items are tried in ``order`` (default: the order of ``options``). Augmenting paths
    (Kuhn's algorithm) let a later item take a right one from an earlier item that has
    another, so no greedy choice leaves a pair out. Deterministic for a given input order;
    the result is in the order of the right items.
    """
    owner: dict[int, int] = {}  # right -> left

    def augment(left: int, seen: set[int]) -> bool:
        for right in options[left]:
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in options if order is None else order:
        augment(left, set())
    return {left: right for right, left in sorted(owner.items())}
