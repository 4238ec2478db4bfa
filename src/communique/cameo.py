"""CAMEO and PLOVER reference tables: Goldstein scores, PLOVER types and quad classes.

The tables are public reference data (CAMEO codebook, PLOVER manual, GDELT's Goldstein
lookup) kept in ``data/cameo.tsv``.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

# PLOVER's grouping of its 16 event types into the four quad classes.
QUAD_BY_TYPE = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True)
class CameoCode:
    code: str
    plover_type: str | None
    plover_mode: str | None
    goldstein: float | None
    label: str


@functools.cache
def table() -> dict[str, CameoCode]:
    """Every CAMEO code with its PLOVER type, mode and Goldstein score."""
    text = resources.files("communique.data").joinpath("cameo.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    return {
        row["cameo"]: CameoCode(
            code=row["cameo"],
            plover_type=row["plover_type"] or None,
            plover_mode=row["plover_mode"] or None,
            goldstein=float(row["goldstein"]) if row["goldstein"] else None,
            label=row["label"],
        )
        for row in rows
    }


def goldstein(code: str | None) -> float | None:
    """The Goldstein score of a CAMEO code, falling back to its parent codes."""
    while code:
        entry = table().get(code)
        if entry is not None and entry.goldstein is not None:
            return entry.goldstein
        code = code[:-1] if len(code) > 2 else None
    return None


def quad(plover_type: str) -> int:
    """PLOVER quad class (1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict)."""
    return QUAD_BY_TYPE[plover_type]


def gdelt_quad(code: str) -> int:
    """GDELT QuadClass from a CAMEO code's root: 01-05 → 1, 06-08 → 2, 09-13 → 3, 14-20 → 4."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
