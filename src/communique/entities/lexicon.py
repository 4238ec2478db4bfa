"""The stage's vocabularies, read once from the data files beside the code."""

from __future__ import annotations

import csv
import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from communique import countries as country_table
from communique import words

DATA = resources.files("communique.entities") / "data"


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and curly quotes, squeeze spaces: the key for lookups."""
    text = text.replace("’", "'").replace("‘", "'")
    if not text.isascii():  # most keys are plain ASCII: skip the per-character pass
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return SPACES.sub(" ", text).strip().lower()


THE = re.compile(r"^the ")
POSSESSIVE = re.compile(r"(?:'s|')$")
SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def strip_article(key: str) -> str:
    """A folded key without a leading "the " or a trailing possessive."""
    return POSSESSIVE.sub("", THE.sub("", key)).strip()


def _rows(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [
            row
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if row and row[0] and not row[0].startswith("#")
        ]


@dataclass(frozen=True)
class Role:
    key: str
    sector: str | None
    isa: tuple[str, ...]
    group: bool


class Org(NamedTuple):
    name: str
    country: str | None
    sector: str | None
    code: str


@functools.cache
def curated_roles() -> dict[str, Role]:
    """The hand-written roles (``roles.json``): role key (lower-case lemma or title) ->
    :class:`Role`. Titles before names are made of these words only."""
    raw = json.loads((DATA / "roles.json").read_text(encoding="utf-8"))
    return {
        key: Role(key, value.get("sector"), tuple(value.get("isa", ())), bool(value.get("group")))
        for key, value in raw["roles"].items()
    }


@functools.cache
def roles() -> dict[str, Role]:
    """Every role noun: the hand-written roles, and the generic agents of the Phoenix
    dictionaries (``agents.tsv``: "paramedic" HLH, "smuggler" CRM) where roles.json has no
    entry for the word."""
    table = dict(curated_roles())
    for phrase, sector, _code in _rows("agents.tsv")[1:]:  # after the header line
        table.setdefault(phrase, Role(phrase, sector, (), False))
    return table


@functools.cache
def role_settings() -> dict:
    """The non-role parts of roles.json: sector modifiers, title modifiers, organisation keywords."""
    raw = json.loads((DATA / "roles.json").read_text(encoding="utf-8"))
    return {
        "sector_modifiers": raw["sector_modifiers"],
        "title_modifiers": frozenset(raw["title_modifiers"]),
        "org_sectors": raw["org_sectors"],
        "org_sector_exceptions": raw["org_sector_exceptions"],
        "people_heads": frozenset(raw["people_heads"]),
        "weak_org_heads": frozenset(raw["weak_org_heads"]),
        "domestic_roles": frozenset(raw["domestic_roles"]),
        "member_roles": frozenset(raw["member_roles"]),
    }


@functools.cache
def role_ancestors(key: str) -> frozenset[str]:
    """Every role this role is a kind of, itself included (ambassador -> diplomat -> envoy ...)."""
    seen: set[str] = set()
    todo = [key]
    table = roles()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        role = table.get(current)
        if role:
            todo.extend(role.isa)
    return frozenset(seen)


@functools.cache
def title_words() -> frozenset[str]:
    """Single words that may be part of a title before a name ("Deputy Foreign Minister")."""
    words = set(role_settings()["title_modifiers"])
    for key in curated_roles():
        words.update(key.replace("-", " ").split())
        words.add(key)
    return frozenset(w for w in words if w not in {"of", "the", "to", "for", "d'affaires"})


@functools.cache
def demonyms() -> dict[str, str]:
    """Folded demonym (adjective or people noun, singular and plural) -> country code: the
    country table's demonyms, and those of groups of countries (``demonyms.tsv``)."""
    table: dict[str, str] = {}
    for country in country_table.table():
        for demonym in country.demonyms:
            for form in country_table.demonym_forms(demonym):
                table.setdefault(fold(form), country.alpha3)
    for name, code in _rows("demonyms.tsv"):
        for form in country_table.demonym_forms(name):
            table.setdefault(fold(form), code)
    return table


@functools.cache
def countries() -> dict[str, str]:
    """Folded country name (the table's names, aliases and actor names: "Scotland" and
    "Soviet Union" code as GBR and RUS) -> ISO alpha-3."""
    table: dict[str, str] = {}
    for country in country_table.table():
        for name in (*country.names, *country.actor_names):
            table.setdefault(fold(name), country.alpha3)
            table.setdefault(strip_article(fold(name)), country.alpha3)
    return table


def country_of_word(text: str) -> str | None:
    """The country a demonym or country name stands for ("Russian", "Japan"), or None."""
    key = fold(text)
    return demonyms().get(key) or countries().get(strip_article(key))


def country_name(code: str) -> str:
    """A short common name for a country code ("Russia" for RUS; the code itself if unknown)."""
    return country_table.short_name(code)


@functools.cache
def capitals() -> dict[str, str]:
    """Folded capital city (and other spellings and former capitals) -> country code."""
    table: dict[str, str] = {}
    for country in country_table.table():
        for name in (country.capital, *country.capital_aliases):
            if name:
                table.setdefault(fold(name), country.alpha3)
    return table


@functools.cache
def _subdivision_settings() -> dict:
    return json.loads((DATA / "subdivisions.json").read_text(encoding="utf-8"))


def derive_subdivisions() -> list[tuple[str, str]]:
    """(name, country) rows for ``subdivisions.tsv`` from pycountry's ISO 3166-2 list: the
    first-level kinds of ``subdivisions.json``, names of one country only that are no
    country, demonym or capital, generic words left out."""
    import pycountry

    settings = _subdivision_settings()
    kinds = frozenset(settings["types"])
    excluded = frozenset(settings["exclude"])
    found: dict[str, tuple[str, set[str]]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type not in kinds:
            continue
        country = country_table.get(sub.country_code)
        name = sub.name.split(" (")[0].strip()
        key = fold(name)
        if country is None or len(key) < 4 or key in excluded:
            continue
        found.setdefault(key, (name, set()))[1].add(country.alpha3)
    taken = countries().keys() | demonyms().keys() | capitals().keys()
    return sorted(
        (name, next(iter(codes)))
        for key, (name, codes) in found.items()
        if len(codes) == 1 and key not in taken
    )


@functools.cache
def subdivisions() -> dict[str, str]:
    """Folded name of a first-level state, province or region ("Sindh", "Texas") -> country
    code (``subdivisions.tsv``, made by :func:`derive_subdivisions`)."""
    return {fold(name): code for name, code in _rows("subdivisions.tsv")}


def subdivision_country(text: str) -> str | None:
    """The country of a state, province or region name ("West Darfur State" -> SDN), or None."""
    key = strip_article(fold(text))
    table = subdivisions()
    if key in table:
        return table[key]
    head, _, last = key.rpartition(" ")
    if head and last in _subdivision_settings()["suffixes"]:
        return table.get(head)
    return None


@functools.cache
def seats() -> dict[str, tuple[str, str]]:
    """Folded seat of power ("kremlin", "white house") -> (country, sector)."""
    return {strip_article(fold(name)): (code, sector) for name, code, sector in _rows("seats.tsv")}


@functools.cache
def organisations() -> dict[str, Org]:
    """Folded organisation name or alias -> :class:`Org` (canonical name first in the file):
    the curated ``organisations.tsv``, then the groups of the Phoenix dictionaries
    (``organisations_phoenix.tsv``: armed groups, parties, agencies, NGOs)."""
    table: dict[str, Org] = {}
    for name in ("organisations.tsv", "organisations_phoenix.tsv"):
        for names, country, sector, code in _rows(name):
            variants = names.split("|")
            org = Org(variants[0], country or None, sector or None, code)
            for variant in variants:
                table.setdefault(strip_article(fold(variant)), org)
    return table


@functools.cache
def verbs() -> dict[str, frozenset[str]]:
    """Speech and event verbs whose subject pronouns are kept as mentions (the speech verbs:
    the shared table of :mod:`communique.words`)."""
    raw = json.loads((DATA / "verbs.json").read_text(encoding="utf-8"))
    found = {key: frozenset(values) for key, values in raw.items() if not key.startswith("_")}
    return {"speech": words.speech_verbs("subject"), **found}


@functools.cache
def transliterations() -> tuple[tuple[str, str], ...]:
    """Spelling folds that make transliteration variants equal (Kodzuki ~ Kozuki)."""
    raw = json.loads((DATA / "transliteration.json").read_text(encoding="utf-8"))
    return tuple((a, b) for a, b in raw["folds"])
