"""Choosing the gazetteer entry each toponym names, from priors and the article's context.

A candidate's score is its prior (feature kind and population, see
:func:`communique.places.gazetteer.prior`) plus context evidence:

- its country is named elsewhere in the article (or is the dateline's country);
- its country borders a country named in the article;
- its first-level region is named elsewhere in the article;
- it lies near another place the article names unambiguously;
- the text says "City, Region" and the region contains it (decisive).

Evidence from a name never supports that same name ("Georgia" alone does not make
Georgia's country "mentioned"). Each distinct name is resolved once per article (one
sense per discourse) unless a "City, Region" pattern says otherwise for a mention.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from communique.places.gazetteer import Entry, Gazetteer, name_key, prior
from communique.places.recognize import TOWN_FEATURES, Mention

COUNTRY_NAMED = 2.0
MAIN_COUNTRY = 2.0  # the country the article names most
COUNTRY_BY_DEMONYM = 1.0
NEIGHBOUR_NAMED = 1.0
REGION_NAMED = 2.0
NEARBY = 1.0
NEARBY_KM = 300.0
CONTAINED = 10.0
EXACT_NAME = 1.5
NAMESAKE_SHARE = 0.2  # a city holding this share of its namesake region's people is meant
CONFIDENT_MARGIN = 1.5
SMALL_TOWN = 20_000
POINT_FEATURES = frozenset({"country", "continent", "region", "ocean", "sea"})
NEIGHBOURHOOD_KM = 50.0  # two names read as towns this close together corroborate each other
NEIGHBOUR_TOWN = 1.0  # per other name with a candidate town that close, up to three
MAX_NEIGHBOUR_TOWNS = 3
CELL_DEGREES = 0.5


@dataclass
class Context:
    """What the article says about where it is, name by name."""

    countries: dict[str, set[str]] = field(
        default_factory=lambda: defaultdict(set)
    )  # alpha-3 -> names
    demonym_countries: set[str] = field(default_factory=set)
    regions: dict[str, set[str]] = field(
        default_factory=lambda: defaultdict(set)
    )  # admin1 -> names
    points: list[tuple[float, float, str]] = field(default_factory=list)
    dateline_country: str | None = None
    dateline_region: str | None = None
    main_country: str | None = None
    towns: dict[tuple[int, int], list[tuple[float, float, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )  # grid cell -> candidate towns of every name (ambiguous ones included)

    def country_named(self, country: str | None, name: str) -> bool:
        if country is None:
            return False
        if country == self.dateline_country:
            return True
        return bool(self.countries.get(country, set()) - {name})

    def region_named(self, region: str | None, name: str) -> bool:
        if region is None:
            return False
        return region == self.dateline_region or bool(self.regions.get(region, set()) - {name})

    def near(self, entry: Entry, name: str) -> bool:
        return any(
            other != name and distance_km(entry.lat, entry.lon, lat, lon) <= NEARBY_KM
            for lat, lon, other in self.points
        )

    def neighbour_towns(self, entry: Entry, name: str) -> int:
        """How many other names have a candidate town within ``NEIGHBOURHOOD_KM``:
        "Edmonton" and "Enfield" in one story are the two London districts."""
        row, col = _cell(entry.lat, entry.lon)
        names = {
            other
            for r in (row - 1, row, row + 1)
            for c in (col - 1, col, col + 1)
            for lat, lon, other in self.towns.get((r, c), ())
            if other != name and distance_km(entry.lat, entry.lon, lat, lon) <= NEIGHBOURHOOD_KM
        }
        return min(len(names), MAX_NEIGHBOUR_TOWNS)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def build_context(
    mentions: list[Mention], gaz: Gazetteer, dateline: Entry | None, demonym_countries: set[str]
) -> Context:
    """Context from the mentions whose reading is clear without context."""
    context = Context(demonym_countries=set(demonym_countries))
    if dateline is not None:
        context.dateline_country = dateline.country
        context.dateline_region = dateline.admin1 if dateline.feature != "country" else None
        context.points.append((dateline.lat, dateline.lon, ""))
    seen: set[str] = set()
    settled: Counter[str] = Counter()
    for mention in mentions:
        name = name_key(mention.text)
        if name in seen or not mention.ids:
            continue
        seen.add(name)
        _add_towns(context, mention, name, gaz)
        entry = _confident(mention, gaz)
        if entry is None:
            continue
        if entry.country:
            context.countries[entry.country].add(name)
            if _settled(mention, entry):
                settled[entry.country] += 1
        if entry.feature == "admin1" and entry.admin1:
            context.regions[entry.admin1].add(name)
        if entry.feature not in POINT_FEATURES and entry.feature != "admin1":
            context.points.append((entry.lat, entry.lon, name))
    counts = settled
    if context.dateline_country:
        counts[context.dateline_country] += 1
    if counts:
        context.main_country = min(counts, key=lambda c: (-counts[c], c))
    return context


def _add_towns(context: Context, mention: Mention, name: str, gaz: Gazetteer) -> None:
    for index in mention.ids:
        entry = gaz.entry(index)
        if entry.feature in TOWN_FEATURES:
            context.towns[_cell(entry.lat, entry.lon)].append((entry.lat, entry.lon, name))


def _confident(mention: Mention, gaz: Gazetteer) -> Entry | None:
    """The mention's reading when priors alone settle it."""
    best = gaz.entry(mention.ids[0])
    if len(mention.ids) == 1 or best.feature in ("country", "continent") or best.curated:
        return best
    second = gaz.entry(mention.ids[1])
    return best if prior(best) - prior(second) >= CONFIDENT_MARGIN else None


def _settled(mention: Mention, entry: Entry) -> bool:
    """A reading that needs no context at all: one candidate, or a country or curated place."""
    return len(mention.ids) == 1 or entry.feature in ("country", "continent") or entry.curated


def choose(mention: Mention, gaz: Gazetteer, context: Context) -> Entry | None:
    """The best-scoring candidate of ``mention``; ties go to the higher prior."""
    if not mention.ids:
        return None
    name = name_key(mention.text)
    containers = [gaz.entry(i) for i in mention.container]
    best, best_score, contained = None, -math.inf, False
    candidates = [gaz.entry(index) for index in mention.ids]
    if mention.region:  # "New York Gov.": only the state will do
        candidates = [e for e in candidates if e.feature == "admin1"] or candidates
    for entry in candidates:
        inside = _containment(entry, containers)
        score = score_entry(entry, name, context, gaz) + inside
        if score > best_score:
            best, best_score, contained = entry, score, inside > 0
    if containers and not contained:
        return None  # "Churchill, Man.": none of the known Churchills is in Manitoba
    if best is not None and best.feature == "admin1" and not mention.region:
        best = _namesake_city(best, candidates)
    if best is not None and not contained:
        best = _region_over_hamlet(best, candidates, name, context)
    if best is not None and not containers and _out_of_place(best, name, context, gaz):
        return None
    return best


def _region_over_hamlet(best: Entry, candidates: list[Entry], name: str, context: Context) -> Entry:
    """ "Queensland" in a story naming Australia: the state, not a Canadian hamlet that
    context from elsewhere in the article favoured."""
    if best.feature != "city" or best.population >= SMALL_TOWN:
        return best
    for entry in candidates:
        if entry.feature in ("admin1", "country") and context.country_named(entry.country, name):
            return entry
    return best


def _namesake_city(region: Entry, candidates: list[Entry]) -> Entry:
    """ "New York", "Tokyo": the big city rather than the region named after it."""
    for entry in candidates:
        if (
            entry.feature in ("city", "capital")
            and entry.admin1 == region.admin1
            and entry.population >= NAMESAKE_SHARE * region.population
        ):
            return entry
    return region


def _out_of_place(entry: Entry, name: str, context: Context, gaz: Gazetteer) -> bool:
    """A small town abroad, in an article that places itself elsewhere, is more likely a
    place the gazetteer lacks (an airport, a district) than that town."""
    if entry.feature != "city" or entry.population >= SMALL_TOWN or entry.curated:
        return False
    named = [c for c, names in context.countries.items() if names - {name}]
    if context.dateline_country:
        named.append(context.dateline_country)
    if not named or entry.country in named:
        return False
    return not context.near(entry, name)


def score_entry(entry: Entry, name: str, context: Context, gaz: Gazetteer) -> float:
    """Prior plus context evidence for reading ``name`` as ``entry``."""
    score = prior(entry)
    if entry.curated or name_key(entry.name) == name:  # a curated place's aliases are its names
        score += EXACT_NAME
    if context.country_named(entry.country, name):
        score += COUNTRY_NAMED + (MAIN_COUNTRY if entry.country == context.main_country else 0.0)
    elif entry.country in context.demonym_countries:
        score += COUNTRY_BY_DEMONYM
    elif entry.country and any(
        context.country_named(n, name) for n in gaz.neighbours.get(entry.country, ())
    ):
        score += NEIGHBOUR_NAMED
    if entry.feature in ("city", "capital", "admin2") and context.region_named(entry.admin1, name):
        score += REGION_NAMED
    if entry.feature not in POINT_FEATURES and context.near(entry, name):
        score += NEARBY
    if entry.feature in TOWN_FEATURES:
        score += NEIGHBOUR_TOWN * context.neighbour_towns(entry, name)
    return score


def _containment(entry: Entry, containers: list[Entry]) -> float:
    for region in containers:
        if (
            region.feature == "admin1"
            and entry.admin1 == region.admin1
            and entry.feature != "admin1"
        ):
            return CONTAINED
        if (
            region.feature == "country"
            and entry.country == region.country
            and entry.feature != "country"
        ):
            return CONTAINED
    return 0.0


def resolve_all(mentions: list[Mention], gaz: Gazetteer, context: Context) -> list[Entry | None]:
    """One entry (or None) per mention; a name keeps one reading per article. Twice: the
    towns read in the first pass count as nearby places in the second ("Edmonton" beside
    the "Enfield" read as the London borough)."""
    first = _resolve_once(mentions, gaz, context)
    points = list(context.points)
    for mention, entry in zip(mentions, first, strict=True):
        if entry is not None and entry.feature in TOWN_FEATURES:
            points.append((entry.lat, entry.lon, name_key(mention.text)))
    return _resolve_once(mentions, gaz, replace(context, points=points))


def _resolve_once(mentions: list[Mention], gaz: Gazetteer, context: Context) -> list[Entry | None]:
    readings: dict[str, Entry | None] = {}
    result = []
    for mention in mentions:
        if mention.container or mention.region:
            result.append(choose(mention, gaz, context))
            continue
        name = name_key(mention.text)
        if name not in readings:
            readings[name] = choose(mention, gaz, context)
        result.append(readings[name])
    return result


def focus(entries: list[Entry | None]) -> Entry | None:
    """The article's main local place: its most named city, if named twice or if it is
    the only city named (earliest on ties)."""
    counts = Counter(
        e.geonames_id for e in entries if e is not None and e.feature in ("city", "capital")
    )
    if not counts or (max(counts.values()) < 2 and len(counts) > 1):
        return None
    top = max(counts.values())
    for entry in entries:
        if (
            entry is not None
            and entry.feature in ("city", "capital")
            and counts[entry.geonames_id] == top
        ):
            return entry
    return None
