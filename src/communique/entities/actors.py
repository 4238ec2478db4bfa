"""The curated actor table: people with dated roles, looked up by the article's date.

The table is a TSV file (``data/actors.tsv``) with the columns of :data:`COLUMNS`; one row
per person and role held, dates as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (an empty end
means the role is still held). ``lookup("Abe", "2019-01-29")`` gives Japan's Prime
Minister. The text wins over the table: the coder only fills what the article leaves open.

Behind the curated table (and the tables of ``$COMMUNIQUE_ACTORS``, e.g. Wikidata imports)
stands the table generated from the Phoenix dictionaries (``data/actors_phoenix.tsv``,
about 19,000 people to 2016, ``communique actors convert-phoenix``): it is read only for
people the curated tables do not know.
"""

from __future__ import annotations

import csv
import functools
import os
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from communique.entities import lexicon
from communique.entities.lexicon import DATA
from communique.entities.names import name_match, name_tokens

COLUMNS = ("name", "aliases", "country", "sector", "role", "start", "end", "wikidata")
HEADER = (
    "# Actor table: people with dated roles (see communique.entities.actors).\n"
    "# Dates YYYY[-MM[-DD]]; an empty end means still in office.\n"
)
PHOENIX_TABLE = "actors_phoenix.tsv"  # generated from the Phoenix dictionaries
TABLE_ENV = "COMMUNIQUE_ACTORS"  # extra tables (os.pathsep-separated), e.g. from import-wikidata


class ActorRole(NamedTuple):
    """One row of the table: a person holding a role between two dates (a named tuple:
    tens of thousands of them cost the garbage collector nothing)."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    role: str | None
    start: str | None
    end: str | None
    wikidata: str | None = None

    def holds_on(self, date: str) -> bool:
        """True when the role is held on ``date`` (YYYY-MM-DD), comparing at the
        precision of the table's dates."""
        if self.start and date[: len(self.start)] < self.start:
            return False
        return not (self.end and date[: len(self.end)] > self.end)

    def to_row(self) -> dict[str, str]:
        return {
            "name": self.name,
            "aliases": "|".join(self.aliases),
            "country": self.country or "",
            "sector": self.sector or "",
            "role": self.role or "",
            "start": self.start or "",
            "end": self.end or "",
            "wikidata": self.wikidata or "",
        }


@functools.cache
def default_table_path() -> Path:
    """The curated table shipped with the package."""
    return Path(str(DATA / "actors.tsv"))


def read_table(path: Path) -> list[ActorRole]:
    """Rows of a table file; lines starting with # are comments."""
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for record in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            name = (record.get("name") or "").strip()
            if not name:
                continue
            rows.append(
                ActorRole(
                    name=name,
                    aliases=tuple(a for a in (record.get("aliases") or "").split("|") if a),
                    country=record.get("country") or None,
                    sector=record.get("sector") or None,
                    role=record.get("role") or None,
                    start=record.get("start") or None,
                    end=record.get("end") or None,
                    wikidata=record.get("wikidata") or None,
                )
            )
    return rows


def write_table(path: Path, rows: Iterable[ActorRole], header: str = HEADER) -> None:
    """Write rows (sorted by country, name, start) as a table file under ``header``."""
    ordered = sorted(
        rows,
        key=lambda r: (
            r.country or "",
            r.name,
            r.start or "",
            r.end or "",
            r.sector or "",
            r.role or "",
        ),
    )
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(header)
        writer = csv.DictWriter(
            handle,
            fieldnames=COLUMNS,
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
            escapechar="\\",
            lineterminator="\n",
        )
        writer.writeheader()
        for row in ordered:
            writer.writerow(row.to_row())


Row = tuple  # an ActorRole as a plain tuple, in the indexes
Index = tuple[dict[tuple[str, ...], tuple[Row, ...]], dict[str, tuple[Row, ...]]]


def _index(rows: Iterable[ActorRole]) -> Index:
    """Rows by each full name form and by surname (the last token)."""
    by_name: dict[tuple[str, ...], list[Row]] = {}
    by_surname: dict[str, list[Row]] = {}
    tokens_of = name_tokens.__wrapped__  # keep the shared cache for the article's names
    for row in rows:
        plain = tuple(row)  # kept as plain tuples of strings: the garbage collector stops
        # tracking those once it has seen them (named tuples it tracks for ever)
        for form in (row.name, *row.aliases):
            tokens = tokens_of(form)
            if not tokens:
                continue
            by_name.setdefault(tokens, []).append(plain)
            by_surname.setdefault(tokens[-1], []).append(plain)
    return (
        {key: tuple(rows) for key, rows in by_name.items()},
        {key: tuple(rows) for key, rows in by_surname.items()},
    )


@functools.cache
def _table(paths: tuple[str, ...]) -> Index:
    return _index(row for path in paths if Path(path).exists() for row in read_table(Path(path)))


@functools.cache
def _phoenix() -> Index:
    """The people of the Phoenix dictionaries (``actors_phoenix.tsv``, made by
    ``communique actors convert-phoenix``): consulted for names the curated tables lack."""
    path = Path(str(DATA / PHOENIX_TABLE))
    return _index(read_table(path)) if path.exists() else ({}, {})


def curated_rows() -> tuple[ActorRole, ...]:
    """Every row of the curated tables (the package's and ``$COMMUNIQUE_ACTORS``), each once,
    in a stable order."""
    by_name, _ = _table(_paths())
    rows = {row for found in by_name.values() for row in found}
    return tuple(ActorRole(*row) for row in sorted(rows, key=lambda r: tuple(map(str, r))))


def _paths() -> tuple[str, ...]:
    extra = os.environ.get(TABLE_ENV, "")
    return _split_paths(extra)


@functools.cache
def _split_paths(extra: str) -> tuple[str, ...]:
    return (str(default_table_path()), *(p for p in extra.split(os.pathsep) if p))


def lookup(name: str, date: str | None) -> ActorRole | None:
    """The table's row for a person named ``name`` at ``date`` (YYYY-MM-DD), or None.

    The curated table and its extensions (Wikidata imports) decide for every person they
    know; the Phoenix table only for people they lack, and there a name must be one of the
    person's listed forms (it has many people with common names). A full name must match a full name of
    the table (first names agreeing); a surname alone must point to one person holding a
    role on that date. Without a date, the person's latest role is used when the name points
    to one person only.
    """
    tokens = name_tokens(name)
    if not tokens:
        return None
    candidates, full_match = _candidates(tokens, _table(_paths()), by_surname=True)
    if not candidates:
        candidates, full_match = _candidates(tokens, _phoenix(), by_surname=False)
    if not candidates:
        return None
    return _choose(tokens, candidates, full_match, date)


def _candidates(
    tokens: tuple[str, ...], index: Index, by_surname: bool
) -> tuple[list[ActorRole], bool]:
    """Rows whose name is exactly ``tokens`` (True), else whose name fits it (False)."""
    by_name, surnames = index
    exact = by_name.get(tokens)
    if exact:
        return [ActorRole._make(row) for row in exact], True
    if not by_surname:
        return [], False
    fitting = [
        row
        for row in map(ActorRole._make, surnames.get(tokens[-1], ()))
        if max(name_match(tokens, name_tokens(form)) for form in (row.name, *row.aliases)) > 0
    ]
    return fitting, False


def _choose(
    tokens: tuple[str, ...], candidates: list[ActorRole], full_match: bool, date: str | None
) -> ActorRole | None:
    if date:
        current = [row for row in candidates if row.holds_on(date)]
        if len({row.name for row in current}) == 1:
            return _most_senior(current)
        if not current and full_match and len({(row.name, row.country) for row in candidates}) == 1:
            row = candidates[0]  # out of office on that date: the country still holds
            return ActorRole(
                row.name, row.aliases, row.country, None, None, None, None, row.wikidata
            )
        return None
    if len({row.name for row in candidates}) != 1:
        # "Clinton", "Bush", "Gandhi": several people of one country; only the country holds
        if len({row.country for row in candidates}) == 1:
            country = candidates[0].country
            return ActorRole(" ".join(tokens), (), country, None, None, None, None, None)
        return None
    return max(candidates, key=lambda row: (row.start or "", row.role or ""))


def is_known_person(name: str) -> bool:
    """A full name (two words or more, none naming a body: "Joint Chiefs of Staff") that
    the actor tables list as a person's."""
    tokens = name_tokens(name)
    bodies = lexicon.role_settings()["org_sectors"].keys()
    if len(tokens) < 2 or any(t in bodies or t in {"of", "the", "and"} for t in tokens):
        return False
    return tokens in _table(_paths())[0] or tokens in _phoenix()[0]


def short_forms(full_name: str) -> frozenset[tuple[str, ...]]:
    """One-word aliases the table gives for a full name ("Xi" for "Xi Jinping")."""
    return _short_forms(full_name, _paths())


@functools.lru_cache(maxsize=8192)
def _short_forms(full_name: str, paths: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    tokens = name_tokens(full_name)
    rows = map(ActorRole._make, _table(paths)[0].get(tokens) or _phoenix()[0].get(tokens, ()))
    return frozenset(
        name_tokens(alias) for row in rows for alias in row.aliases if len(name_tokens(alias)) == 1
    )


SENIORITY = (
    "president",
    "king",
    "queen",
    "emperor",
    "prime minister",
    "chancellor",
    "secretary-general",
)


def _most_senior(rows: list[ActorRole]) -> ActorRole:
    def rank(row: ActorRole) -> tuple[int, str]:
        role = (row.role or "").lower()
        score = next(
            (n for n, word in enumerate(SENIORITY) if role.startswith(word)), len(SENIORITY)
        )
        return (score, row.start or "")

    return min(rows, key=rank)
