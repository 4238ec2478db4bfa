"""The registries of normalisers and validators, keyed by the name of the grammar rule.

A rule module registers each function beside its code::

    @normalizer("month_day", "day_month")
    def month_day(g: dict, ctx: Context) -> Normal | None: ...

    @validator("month")
    def _month_is_time(c: Candidate, text: str) -> bool: ...
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from communique.times.grammar import Candidate
    from communique.times.normalize.context import Context, Normal

    Normalizer = Callable[[dict, Context], Normal | None]
    Validator = Callable[[Candidate, str], bool]

NORMALIZERS: dict[str, Normalizer] = {}
VALIDATORS: dict[str, Validator] = {}


def _register(table: dict, kind: str, rules: tuple[str, ...]) -> Callable:
    def register(function: Callable) -> Callable:
        for rule in rules:
            if rule in table:
                raise ValueError(
                    f"rule {rule!r} has two {kind}s: {table[rule].__name__}, {function.__name__}"
                )
            table[rule] = function
        return function

    return register


def normalizer(*rules: str) -> Callable[[Normalizer], Normalizer]:
    """Register the decorated function as the normaliser of the named grammar rules: it gets
    the match's groups and a :class:`Context` and returns a :class:`Normal` or None."""
    return _register(NORMALIZERS, "normaliser", rules)


def validator(*rules: str) -> Callable[[Validator], Validator]:
    """Register the decorated function as the validator of the named grammar rules: it gets
    the match and the text and says whether the match is a time at all ("Theresa May")."""
    return _register(VALIDATORS, "validator", rules)
