"""The one country table of the project (``data/countries.tsv``).

Every stage reads countries from here: the entities lexicon (names, demonyms, capitals),
the actor tables, the places gazetteer (names, points, capitals) and the web pages (short
names, map codes). Codes are ISO 3166-1 alpha-3 (Kosovo: XKX). A few codes that CAMEO puts
where a country goes but that name no country are listed in :data:`GROUP_CODES`.

    from communique import countries

    countries.get("GHA").name          # "Ghana"
    countries.short_name("RUS")        # "Russia"
    countries.alpha3("CW")             # "CUW" (alpha-2 or numeric codes)
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from communique.data import read_tsv

# CAMEO codes that stand where a country goes without being one: international and
# non-governmental organisations, multinationals, militant groups, regions.
GROUP_CODES = frozenset(
    {"IGO", "NGO", "MNC", "IMG", "EUR", "AFR", "ASA", "MEA", "WST", "UNO", "NAT"}
)


@dataclass(frozen=True)
class Country:
    """One row of the table (lists are tuples; absent values are empty or None)."""

    alpha3: str
    alpha2: str
    numeric: str
    name: str
    aliases: tuple[str, ...]
    actor_names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    capital_aliases: tuple[str, ...]
    wikidata: tuple[str, ...]
    geonames_id: int | None
    lat: float | None
    lon: float | None
    population: int

    @property
    def names(self) -> tuple[str, ...]:
        """The country's own names: its short name first, then its aliases."""
        return (self.name, *self.aliases)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part for part in (value or "").split("|") if part)


def _number(value: str | None, kind: type):
    return kind(value) if value else None


@functools.cache
def table() -> tuple[Country, ...]:
    """Every country, in alpha-3 order."""
    rows = read_tsv("countries.tsv")
    return tuple(
        Country(
            alpha3=row["alpha3"],
            alpha2=row["alpha2"],
            numeric=row["numeric"],
            name=row["name"],
            aliases=_split(row["aliases"]),
            actor_names=_split(row["actor_names"]),
            demonyms=_split(row["demonyms"]),
            capital=row["capital"],
            capital_aliases=_split(row["capital_aliases"]),
            wikidata=_split(row["wikidata"]),
            geonames_id=_number(row["geonames_id"], int),
            lat=_number(row["lat"], float),
            lon=_number(row["lon"], float),
            population=_number(row["population"], int) or 0,
        )
        for row in sorted(rows, key=lambda r: r["alpha3"])
    )


@functools.cache
def _by_code() -> dict[str, Country]:
    found: dict[str, Country] = {}
    for country in table():
        for code in (country.alpha3, country.alpha2, country.numeric):
            if code:
                found[code] = country
    return found


def get(code: str | None) -> Country | None:
    """The country of an alpha-3, alpha-2 or numeric code (any case), or None."""
    if not code:
        return None
    return _by_code().get(code.upper() if not code.isdigit() else code.zfill(3))


def alpha3(code: str | None) -> str | None:
    """The alpha-3 code of an alpha-3, alpha-2 or numeric code, or None when unknown."""
    country = get(code)
    return country.alpha3 if country else None


def is_country(code: str | None) -> bool:
    """True for an alpha-3 code of the table (a current ISO code, or XKX)."""
    country = get(code)
    return country is not None and country.alpha3 == code


def short_name(code: str | None) -> str:
    """A readable name for a code ("Russia" for RUS); the code itself when unknown."""
    if not code:
        return ""
    country = get(code) if len(code) == 3 else None
    return country.name if country else code


def demonym_forms(demonym: str) -> Iterator[str]:
    """A demonym and its regular plurals ("Kenyan" -> "Kenyans"; "Frenchman" ->
    "Frenchmen"; "Chinese" and "Swiss" stay as they are)."""
    yield demonym
    low = demonym.lower()
    if low.endswith(("ese", "ish", "ch", "ss", "s")):
        return
    if low.endswith("man"):
        yield demonym[:-3] + "men"
        return
    yield demonym + "s"
