"""CAMEO facts the store and the exports need (the tables themselves are in :mod:`communique.cameo`)."""

from __future__ import annotations

import functools
from importlib import resources

from communique.cameo import gdelt_quad, goldstein

__all__ = ["base_code", "gdelt_event_columns", "goldstein", "quad_class", "root_code"]


def _data_text(name: str) -> str:
    return resources.files("communique.store").joinpath("data", name).read_text(encoding="utf-8")


def base_code(cameo: str | None) -> str | None:
    """The level-two code (``0251`` -> ``025``); shorter codes are their own base."""
    return cameo[:3] if cameo else None


def root_code(cameo: str | None) -> str | None:
    """The cue category (``0251`` -> ``02``)."""
    return cameo[:2] if cameo else None


def quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass of a CAMEO code."""
    return gdelt_quad(cameo) if cameo and cameo[:2].isdigit() else None


@functools.cache
def gdelt_event_columns() -> tuple[str, ...]:
    """The 61 column names of a GDELT 2.0 events file, in GDELT's order."""
    return tuple(line for line in _data_text("gdelt_event_columns.txt").splitlines() if line)
