"""TIMEX3 values for the matches of the grammar, resolved against the article's date.

Each rule of :mod:`communique.times.grammar` has a normaliser, registered by decorator
beside its code (:func:`~communique.times.normalize.registry.normalizer`, keyed by rule
name), and optionally a validator (:func:`~communique.times.normalize.registry.validator`)
that rejects matches that are not times ("Theresa May"). A normaliser gets the match's
groups and a :class:`Context` and returns a :class:`Normal` (value, type, mod) or None. The
rules' normalisers live by family: calendar dates (:mod:`.dates`), dates relative to the
article (:mod:`.relative`), times of day (:mod:`.clock`), durations and sets
(:mod:`.durations`); what they share is in :mod:`.common`.

Partial and relative expressions need the article's date (``Context.anchor``); without it
they keep X placeholders (``XXXX-11-14``) or no value. Where the year of an expression is
ambiguous the direction comes from the tense of the governing verb (``Context.direction``,
computed lazily): -1 takes the previous occurrence, +1 the next, 0 the nearest.
"""

from __future__ import annotations

from communique.times.grammar import Candidate
from communique.times.normalize import clock, dates, durations, relative  # noqa: F401 - they register
from communique.times.normalize.context import Context, DocState, Normal
from communique.times.normalize.registry import NORMALIZERS, VALIDATORS

__all__ = ["NORMALIZERS", "VALIDATORS", "Context", "DocState", "Normal", "is_time", "normalize"]


def is_time(candidate: Candidate, text: str) -> bool:
    """Whether a match of the grammar is a time expression at all (context-free check)."""
    validator = VALIDATORS.get(candidate.rule.name)
    try:
        return validator is None or validator(candidate, text)
    except (KeyError, ValueError, IndexError, AttributeError, TypeError):
        return False


def normalize(candidate: Candidate, ctx: Context) -> Normal | None:
    """The TIMEX3 value of a match, or None when the match turns out not to be a time."""
    function = NORMALIZERS.get(candidate.rule.name)
    if function is None:
        return None
    try:
        return function(candidate.groups, ctx)
    except (KeyError, ValueError, IndexError, OverflowError, AttributeError, TypeError):
        return None
