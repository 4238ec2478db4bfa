"""The evaluation gate: ``make eval`` fails when a target of the README is missed.

``make eval`` writes each evaluation's figures to ``EVAL_OUT/<result>.json`` and then runs
``communique gate EVAL_OUT``, which compares them with the targets of ``data/targets.tsv``
(the same targets the README's "Measured" table states). A figure below its target, or
missing (an evaluation that did not run, a share with nothing to measure), fails the gate.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from communique.errors import InputError

TARGETS = resources.files("communique.evaluation") / "data" / "targets.tsv"
COLUMNS = ("result", "figure", "at_least", "row")


@dataclass(frozen=True)
class Target:
    """One target: a figure of one result file and the least value it may have."""

    result: str
    figure: str
    at_least: float
    row: str  # the README row that states it


@dataclass(frozen=True)
class Check:
    """A target and the measured figure (None when it is missing)."""

    target: Target
    value: float | None

    @property
    def met(self) -> bool:
        return self.value is not None and self.value >= self.target.at_least


def read_targets(path: Path | None = None) -> list[Target]:
    """The targets, in file order; a malformed line is refused with its line number."""
    source = Path(str(TARGETS)) if path is None else path
    lines = source.read_text(encoding="utf-8").splitlines()
    targets, header = [], None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = tuple(cells)
            if header != COLUMNS:
                raise InputError(f"{source}:{number}: the columns must be {', '.join(COLUMNS)}")
            continue
        if len(cells) != len(COLUMNS):
            raise InputError(f"{source}:{number}: {len(COLUMNS)} tab-separated cells expected")
        try:
            least = float(cells[2])
        except ValueError:
            raise InputError(f"{source}:{number}: at_least is not a number: {cells[2]!r}") from None
        targets.append(Target(cells[0], cells[1], least, cells[3]))
    return targets


def figure(figures: dict, key: str) -> float | None:
    """The figure at ``key`` ("parent/child" for a nested one), or None when absent."""
    value: object = figures
    for part in key.split("/"):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def check(results: Path, targets: list[Target] | None = None) -> list[Check]:
    """Every target against the figures in the folder ``results``."""
    loaded: dict[str, dict] = {}
    checks = []
    for target in read_targets() if targets is None else targets:
        if target.result not in loaded:
            path = results / f"{target.result}.json"
            loaded[target.result] = (
                json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
            )
        checks.append(Check(target, figure(loaded[target.result], target.figure)))
    return checks
