"""CAMEO facts the store and the exports need: Goldstein scores and quad classes."""

from __future__ import annotations

import functools
from importlib import resources

# CAMEO root code (two digits) -> GDELT QuadClass: 1 verbal cooperation, 2 material
# cooperation, 3 verbal conflict, 4 material conflict (GDELT 2.0 event codebook).
_QUAD_BY_ROOT = {
    **dict.fromkeys(("01", "02", "03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2),
    **dict.fromkeys(("09", "10", "11", "12", "13"), 3),
    **dict.fromkeys(("14", "15", "16", "17", "18", "19", "20"), 4),
}


def _data_text(name: str) -> str:
    return resources.files("communique.store").joinpath("data", name).read_text(encoding="utf-8")


@functools.cache
def goldstein_table() -> dict[str, float]:
    """CAMEO event code -> Goldstein score (the GDELT lookup)."""
    table = {}
    for line in _data_text("cameo_goldstein.tsv").splitlines()[1:]:
        code, _, score = line.partition("\t")
        if code and score:
            table[code] = float(score)
    return table


def goldstein(cameo: str | None) -> float | None:
    """The Goldstein score of a CAMEO code, falling back to its base and root codes."""
    if not cameo:
        return None
    table = goldstein_table()
    for length in (len(cameo), 3, 2):
        if cameo[:length] in table:
            return table[cameo[:length]]
    return None


def base_code(cameo: str | None) -> str | None:
    """The level-two code (``0251`` -> ``025``); shorter codes are their own base."""
    return cameo[:3] if cameo else None


def root_code(cameo: str | None) -> str | None:
    """The cue category (``0251`` -> ``02``)."""
    return cameo[:2] if cameo else None


def quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass of a CAMEO code."""
    return _QUAD_BY_ROOT.get(root_code(cameo) or "")


@functools.cache
def gdelt_event_columns() -> tuple[str, ...]:
    """The 61 column names of a GDELT 2.0 events file, in GDELT's order."""
    return tuple(line for line in _data_text("gdelt_event_columns.txt").splitlines() if line)
