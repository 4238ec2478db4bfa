"""The project's shared reference tables, and the one reader of their TSV files."""

from __future__ import annotations

import csv
import io
from importlib import resources

DATA = resources.files(__name__)


def read_tsv(name: str) -> list[dict[str, str]]:
    """The rows of ``data/<name>``, a tab-separated table with a header line; lines that
    start with ``#`` are comments."""
    with io.TextIOWrapper(DATA.joinpath(name).open("rb"), encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
