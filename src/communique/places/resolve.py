"""Choosing the gazetteer entry each toponym names, from priors and the article's context.

A candidate's score is its prior (feature kind and population, see
:func:`communique.places.gazetteer.prior`) plus context evidence:

- its country is named elsewhere in the article (or is the dateline's country);
- its country borders a country named in the article;
- its first-level region is named elsewhere in the article;
- it lies near another place the article names unambiguously;
- the text says "City, Region" and the region contains it (decisive);
- it lies near the story's local focus (below), or is the state or province the focus
  is in; the source's home region, where known, counts as well.

The story's own geography. A local story names its places without qualification: "the
jail in Lebanon" in a story about Wilson County, Tennessee is Lebanon, Tennessee, not the
country. Its *anchors* are the places it settles without any choice: the dateline's town,
the source's home (given, or read off the source's name and address: see
:mod:`communique.places.home`), and names whose every reading is one town or towns close
together ("Mt. Juliet"). The *focus* is the anchor with the most anchor weight within
``LOCAL_KM``; its *locality* is the share of the story's settled places that lie there
(anchors near the focus, the state it is in) rather than elsewhere (other countries,
states and towns named with no choice). A reading near the focus gains ``LOCAL`` times
the locality: a story wholly about one place reads its ambiguous names there, a story
that also names Egypt and Cairo less so.

Evidence from a name never supports that same name ("Georgia" alone does not make
Georgia's country "mentioned"). Each distinct name is resolved once per article (one
sense per discourse) unless a "City, Region" pattern says otherwise for a mention.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from communique.places.gazetteer import Entry, Gazetteer, name_key, prior
from communique.places.home import SourceHome
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
LOCAL_KM = 100.0  # a local paper's reach: its town, county and the next counties
LOCAL = 4.0  # a reading near the focus of a story wholly about that place
HOME_REGION = 2.0  # a town in the source's home state or province (over REGION_NAMED)
HOME_SIZE_WEIGHT = 0.5  # of the log population, for the reading of a source's home
HOME_DOMINANT = 1.0  # a hundred times the people of the name's next reading
ANCHOR_WEIGHTS = {"dateline": 2.0, "home": 2.0, "name": 1.0}
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
    dateline: Entry | None = None
    home_country: str | None = None
    home_region: str | None = None
    focus: Entry | None = None  # the story's local centre (an anchor), if it has one
    locality: float = 0.0  # the share of the story's settled places at the focus

    def country_named(self, country: str | None, name: str) -> bool:
        """Whether the story names ``country`` (by dateline, home or another place in it)."""
        return _named(country, name, (self.dateline_country, self.home_country), self.countries)

    def region_named(self, region: str | None, name: str) -> bool:
        """Whether the story names ``region`` (by dateline, home or another place in it)."""
        return _named(region, name, (self.dateline_region, self.home_region), self.regions)

    def local(self, entry: Entry) -> float:
        """Evidence that ``entry`` is where the story is: near its focus, or the state or
        province the focus is in, or a US county of that state."""
        focus = self.focus
        if focus is None or self.locality <= 0:
            return 0.0
        if entry.feature == "admin1" or _us_county(entry):  # a county's point is a guess
            at_focus = entry.admin1 == focus.admin1
        elif entry.feature in TOWN_FEATURES:
            at_focus = distance_km(entry.lat, entry.lon, focus.lat, focus.lon) <= LOCAL_KM
        else:
            at_focus = False
        return LOCAL * self.locality if at_focus else 0.0

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


def _named(code: str | None, name: str, own: tuple[str | None, ...], named: dict) -> bool:
    """Whether a country or region code is the story's own (``own``) or named by a place
    other than ``name``."""
    if code is None:
        return False
    if code in own:
        return True
    return bool(named.get(code, set()) - {name})


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
    mentions: list[Mention],
    gaz: Gazetteer,
    datelines: list[Entry] | Entry | None,
    demonym_countries: set[str],
    home: Entry | None = None,
    source: SourceHome | None = None,
) -> Context:
    """Context from the mentions whose reading is clear without context, the dateline and
    the source's home: ``home`` as given, else what ``source`` (its name and address) says.
    An ambiguous dateline ("MOSCOW") and the home's name are read in the light of the
    story's other places, the dateline after the home."""
    context = Context(demonym_countries=set(demonym_countries))
    anchors: list[tuple[Entry, float]] = []
    seen: set[str] = set()
    settled: Counter[str] = Counter()
    elsewhere: list[tuple[Entry, list[Entry]]] = []  # settled places, and their other readings
    for mention in mentions:
        name = name_key(mention.text)
        if name in seen or not mention.ids:
            continue
        seen.add(name)
        _add_towns(context, mention, name, gaz)
        anchor = _anchor(mention, gaz)
        if anchor is not None:
            anchors.append((anchor, ANCHOR_WEIGHTS["name"]))
        entry = _confident(mention, gaz)
        if entry is None:
            continue
        if entry.country:
            context.countries[entry.country].add(name)
            if _settled(mention, entry):
                settled[entry.country] += 1
                if anchor is None:
                    elsewhere.append((entry, [gaz.entry(i) for i in mention.ids[1:]]))
        if entry.feature == "admin1" and entry.admin1:
            context.regions[entry.admin1].add(name)
        if entry.feature not in POINT_FEATURES and entry.feature != "admin1":
            context.points.append((entry.lat, entry.lon, name))
    if home is None and source is not None:
        home = _source_home(source, gaz, context)
    if home is None and source is not None and source.country:
        context.home_country = source.country
    if home is not None:
        context.home_country = home.country
        context.home_region = home.admin1 if home.feature not in ("country", "continent") else None
        if home.feature not in POINT_FEATURES:
            context.points.append((home.lat, home.lon, ""))
        anchors.append((home, ANCHOR_WEIGHTS["home"]))
    _settle_focus(context, settled, anchors, elsewhere)
    dateline = _dateline(datelines, gaz, context)  # read with the story's focus as it stands
    if dateline is not None:
        context.dateline = dateline
        context.dateline_country = dateline.country
        context.dateline_region = dateline.admin1 if dateline.feature != "country" else None
        context.points.append((dateline.lat, dateline.lon, ""))
        anchors.append((dateline, ANCHOR_WEIGHTS["dateline"]))
        _settle_focus(context, settled, anchors, elsewhere)
    return context


def _settle_focus(
    context: Context,
    settled: Counter[str],
    anchors: list[tuple[Entry, float]],
    elsewhere: list[tuple[Entry, list[Entry]]],
) -> None:
    """The main country (named most, the dateline's and home's country counting once
    each) and the story's local focus."""
    counts = Counter(settled)
    for country in (context.dateline_country, context.home_country):
        if country:
            counts[country] += 1
    if counts:
        context.main_country = min(counts, key=lambda c: (-counts[c], c))
    context.focus, context.locality = _focus(anchors, elsewhere)


def _anchor(mention: Mention, gaz: Gazetteer) -> Entry | None:
    """The place a name settles with no choice: its only reading, or the biggest of
    readings that are towns close together ("Mt. Juliet"; "Cartersville" and the
    Fairburn it is also a name of)."""
    if mention.container or mention.region:
        return None
    first = gaz.entry(mention.ids[0])
    if first.feature not in ("city", "capital"):
        return None
    for index in mention.ids[1:]:
        other = gaz.entry(index)
        if other.feature not in TOWN_FEATURES or (
            distance_km(first.lat, first.lon, other.lat, other.lon) > LOCAL_KM
        ):
            return None
    return first


def _focus(
    anchors: list[tuple[Entry, float]], elsewhere: list[tuple[Entry, list[Entry]]]
) -> tuple[Entry | None, float]:
    """The town anchor with the most anchor weight within ``LOCAL_KM`` (the first on
    ties), and the share of the story's settled places that lie there. A place settled
    by its prior alone (the country Lebanon) does not count against the focus when the
    name has a reading there too (Lebanon, Tennessee)."""
    towns = [(e, w) for e, w in anchors if e.feature in TOWN_FEATURES and not _us_county(e)]
    if not towns:
        return None, 0.0

    def near(a: Entry, b: Entry) -> bool:
        return distance_km(a.lat, a.lon, b.lat, b.lon) <= LOCAL_KM

    support = [sum(w for other, w in towns if near(entry, other)) for entry, _w in towns]
    focus = towns[support.index(max(support))][0]
    here = max(support) + sum(
        w for e, w in anchors if e.feature == "admin1" and e.admin1 == focus.admin1
    )
    away = sum(w for e, w in towns if not near(e, focus))
    away += sum(
        ANCHOR_WEIGHTS["name"]
        for e, others in elsewhere
        if not (e.feature == "country" and e.country == focus.country)
        and not (e.feature == "admin1" and e.admin1 == focus.admin1)
        and e.feature not in ("continent", "region", "ocean", "sea")
        and not any(o.feature in TOWN_FEATURES and near(o, focus) for o in others)
    )
    return focus, here / (here + away)


def _dateline(
    datelines: list[Entry] | Entry | None, gaz: Gazetteer, context: Context
) -> Entry | None:
    """The dateline's reading: the only one, else the one the story favours."""
    if datelines is None or isinstance(datelines, Entry):
        return datelines
    if len(datelines) < 2:
        return datelines[0] if datelines else None
    best, best_score = datelines[0], -math.inf
    for entry in datelines:
        score = score_entry(entry, "", context, gaz)
        if score > best_score:
            best, best_score = entry, score
    return best


def _source_home(source: SourceHome, gaz: Gazetteer, context: Context) -> Entry | None:
    """The reading of the place named in a source's name or address that the story
    favours, inside the country of its address when that is known: a reading the story
    supports in some way, else one that dwarfs the others ("Alabama" the state). Papers are named
    after towns of every size, so size counts for less here than in the text:
    ``HOME_SIZE_WEIGHT`` of the log population, no bonus for a capital or a country."""
    for name in source.names:
        readings = [gaz.entry(i) for i in gaz.ids(name)]
        readings = [e for e in readings if source.country in (None, e.country)]
        scored = []
        for entry in readings:
            evidence = score_entry(entry, name, context, gaz) - prior(entry) - EXACT_NAME
            size = HOME_SIZE_WEIGHT * math.log10(entry.population + 10)
            scored.append((size + evidence, evidence, size, entry))
        if not scored:
            continue
        best = max(scored, key=lambda t: t[0])  # the first on ties: the higher prior
        sizes = sorted((t[2] for t in scored), reverse=True)
        dominant = len(sizes) == 1 or sizes[0] - sizes[1] >= HOME_DOMINANT
        if best[1] > 0 or (dominant and best[2] == sizes[0]):
            return best[3]
    return None


def _us_county(entry: Entry) -> bool:
    """A US county: its point is a guess (its namesake town or its state's point)."""
    return entry.feature == "admin2" and entry.country == "USA"


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
        if entry.admin1 == context.home_region:
            score += HOME_REGION
    score += context.local(entry)
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
