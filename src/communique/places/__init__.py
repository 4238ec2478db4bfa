"""Places: toponyms resolved offline to a gazetteer entry with coordinates and country.

Public API::

    annotate(analysis)                    # the pipeline stage: fills report.places
    analyse(doc, report, home=None)       # the same for a parsed doc: (places, candidates)
    place_at(report, start, end)          # the toponym (Place) at a character span, or None
    places_in(report, start, end)         # every toponym inside a span, in text order
    location_candidates(doc)              # places named inside other names (see below)
    location_at(doc, report, start, end)  # a toponym at the span, else a place inside a name there

Places inside names. "on the sidelines of the Munich Security Conference" names no
toponym of its own, yet it says where: Munich. Such places are not emitted in
``report.places``; :func:`annotate` hands them to later stages as
:class:`LocationCandidate` objects in ``analysis.location_candidates``, and
:func:`location_candidates` finds them for a doc on its own. Each candidate carries the
resolved place and ``within``, the text of the name it sits in.

Decisions:

- A place named metonymically ("Washington said", "Moscow has stated") is still a
  toponym here, resolved to the place; turning it into an actor is the entities stage's
  business.
- Demonyms and adjectives ("Russian", "Japanese-Russian") are never places; they only
  count as weak context for resolution.
- A facility or local place the gazetteer lacks (a street, a building, an airport, or a
  name the model tags GPE read as a place by its context: "in Toomevara") is located at
  a place named inside it ("Toronto Pearson" -> Toronto), else at the article's main
  city (named twice, or the only city named; feature "local", no geonames_id), else not
  reported: every reported place has coordinates.
- A name keeps one reading per article: read once as a known place, it is that place
  wherever the model labels it otherwise (not where it is part of a person's name).
- Towns named together corroborate each other: a candidate town within 50 km of another
  name's candidate town gains evidence, and the towns read in a first pass count as
  nearby places in a second ("Edmonton" beside "Enfield" is the London district).
- A US county (the package data has no county points) is placed at the article's main
  town when that town is in the county's state, else at the biggest town of its state
  named like it ("Orange County" at Orange, California), else at the state's point.
  British and Irish counties are at their seat (``data/counties.tsv``).
- Recognition trusts the model's GPE/LOC/FAC spans, then repairs its labels with the
  gazetteer under guards: a country, capital or city of 100,000 tagged as a person is a
  place unless the same word is part of a longer person's name in the article or a name
  follows it ("Kent Brockman"); a town of 5,000 the model missed is a place after "in",
  "at", "near", "from", ...; an organisation's span that lists places ("Ingham or
  Townsville", "Wainwright, Alta") gives each; "the City of Montreal" is Montreal.
- The European Union ("EU") is a place, at Europe's point, as a country would be.
- A state's name is the state, not its namesake city, when the text reads it so: "New
  York Gov.", "New York lawmakers", "Bronx, New York" (after a town inside it).
- A small town (under 20,000) never wins over a first-level region or country of the
  same name whose country the article names ("Queensland" with Australia named).
- A story has its own geography (:mod:`communique.places.resolve`): an ambiguous name
  prefers the reading near the story's focus — its dateline town, the source's home,
  the towns it names that admit no other reading — in proportion to how much of the
  story lies there ("the jail in Lebanon" beside Mt. Juliet is Lebanon, Tennessee). An
  ambiguous dateline ("MOSCOW") is read with the story too.
- The source's home is ``home`` ("Lebanon, Tennessee": ``analyze --home``/``ingest
  --home``), else what the article's ``url`` and ``source`` say
  (:mod:`communique.places.home`): the domain's country code, and a place named in the
  domain or the outlet's name ("lebanondemocrat.com", "The Paris News"), read with the
  story. It is not reported: the report has no field for it.
- ``country`` is the administering country's alpha-3 code; ``disputed_with`` lists the
  other states claiming or controlling the place (see ``data/README.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from communique.document import Analysis
from communique.model import Place, Report
from communique.pipeline import stage
from communique.places import gazetteer as _gazetteer
from communique.places import home as _home
from communique.places import recognize, resolve
from communique.places.gazetteer import Entry, Gazetteer

FALLBACK_LABELS = frozenset({"FAC", "LOC"})

__all__ = [
    "LocationCandidate",
    "analyse",
    "annotate",
    "location_at",
    "location_candidates",
    "place_at",
    "places_in",
]


@dataclass(frozen=True)
class LocationCandidate:
    """A place named inside another name, e.g. Munich in "the Munich Security Conference"."""

    start: int
    end: int
    text: str
    within: str | None
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str | None
    geonames_id: int | None = None
    disputed_with: list[str] = field(default_factory=list)


@stage("places", assigns=("places", "location_candidates"))
def annotate(analysis: Analysis) -> None:
    """The pipeline stage: fill ``report.places`` and ``analysis.location_candidates`` (the
    places inside other names, for the events stage)."""
    places, candidates = analyse(analysis.doc, analysis.report, analysis.home)
    analysis.report.places = places
    analysis.location_candidates = candidates


def analyse(
    doc: Doc, report: Report | None = None, home: str | None = None
) -> tuple[list[Place], list[LocationCandidate]]:
    """Toponyms of ``doc`` as report places, and the places found inside other names.

    ``home`` is where the source is from ("Lebanon, Tennessee"); without it, the home is
    read off the article's ``source`` and ``url`` where they name a place.
    """
    gaz = _gazetteer.load()
    datelines = _dateline_entries(report, gaz)
    given = _home.resolve_home(home, gaz) if home else None
    source = None
    if given is None and report is not None:
        source = _home.source_home(report.article.url, report.article.source, gaz)
    text = report.article.text if report is not None else None
    ents = list(doc.ents)
    toponyms, embedded = recognize.find(
        doc, gaz, datelines[0].country if datelines else None, text, ents
    )
    demonyms = {
        c for ent in ents if ent.label_ == "NORP" for c in [gaz.demonym_country(ent.text)] if c
    }
    context = resolve.build_context(toponyms, gaz, datelines, demonyms, given, source)
    dateline = context.dateline
    entries = resolve.resolve_all(toponyms, gaz, context)
    local = resolve.focus(entries) or (
        dateline if dateline and dateline.feature in ("city", "capital") else None
    )
    places: list[Place] = []
    for mention, entry in zip(toponyms, entries, strict=True):
        near = None
        if entry is None and mention.inner:
            near = resolve.choose(mention.inner, gaz, context)
        if entry is None and mention.container:  # "Churchill, Man.": somewhere in Manitoba
            near = gaz.entry(mention.container[0])
        if entry is not None and _us_county(entry):
            town = _town_in(entry.admin1, local, mention, toponyms, entries)
            if town is not None:  # a county: at the story's town in its state
                entry = entry._replace(lat=town.lat, lon=town.lon)
        place = _place(f"P{len(places) + 1}", mention, entry, near or local)
        if place is not None:
            places.append(place)
    candidates = [
        _candidate(m, e)
        for m, e in zip(embedded, resolve.resolve_all(embedded, gaz, context), strict=True)
        if e
    ]
    return places, candidates


def _us_county(entry: Entry) -> bool:
    """A US county: the gazetteer's point for it is a guess (see the gazetteer)."""
    return entry.feature == "admin2" and entry.country == "USA"


def _town_in(
    admin1: str | None,
    local: Entry | None,
    mention: recognize.Mention,
    mentions: list[recognize.Mention],
    entries: list[Entry | None],
) -> Entry | None:
    """The story's main town if it lies in ``admin1``, else the town of that state named
    nearest to ``mention`` in the text."""
    if local is not None and local.admin1 == admin1:
        return local
    towns = [
        (abs(m.start - mention.start), m.start, e)
        for m, e in zip(mentions, entries, strict=True)
        if e is not None and e.feature in ("city", "capital") and e.admin1 == admin1
    ]
    return min(towns, key=lambda t: t[:2])[2] if towns and admin1 else None


def _dateline_entries(report: Report | None, gaz: Gazetteer) -> list[Entry]:
    """The readings of the dateline's place, cities first ("MOSCOW": Moscow, Russia and
    Moscow, Idaho; "PARIS, Texas": only the one in Texas)."""
    dateline = report.article.dateline if report is not None else None
    if dateline is None or not dateline.place:
        return []
    parts = [p.strip() for p in dateline.place.split(",") if p.strip()]
    if not parts:
        return []
    entries = gaz.lookup(parts[0])
    if len(parts) > 1:
        region = _region_entries(parts[1], gaz)
        codes = {(r.admin1 if r.feature == "admin1" else r.country) for r in region}
        entries = [e for e in entries if e.admin1 in codes or e.country in codes] or entries
    cities = [e for e in entries if e.feature in ("city", "capital")]
    return cities or entries


def _region_entries(text: str, gaz: Gazetteer) -> list[Entry]:
    return _home.region_entries(text, gaz)


def _place(
    place_id: str, mention: recognize.Mention, entry: Entry | None, local: Entry | None
) -> Place | None:
    """The report's place for a mention: its gazetteer entry, or a local name the gazetteer
    lacks put at the article's main place."""
    span = {"id": place_id, "text": mention.text, "start": mention.start, "end": mention.end}
    if entry is not None:
        return Place(
            **span, name=entry.name, country=entry.country, lat=entry.lat, lon=entry.lon,
            feature=entry.feature, geonames_id=entry.geonames_id,
            disputed_with=list(entry.disputed_with),
        )  # fmt: skip
    fallback = mention.label in FALLBACK_LABELS or mention.container or mention.locative
    if local is None or not fallback or not mention.text[:1].isupper():
        return None  # a name the gazetteer lacks, with nowhere in the article to put it
    return Place(
        **span, name=mention.text, country=local.country, lat=local.lat, lon=local.lon,
        feature="local",
    )  # fmt: skip


def _candidate(mention: recognize.Mention, entry: Entry) -> LocationCandidate:
    return LocationCandidate(
        start=mention.start,
        end=mention.end,
        text=mention.text,
        within=mention.within,
        name=entry.name,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        feature=entry.feature,
        geonames_id=entry.geonames_id,
        disputed_with=list(entry.disputed_with),
    )


def place_at(report: Report, start: int, end: int) -> Place | None:
    """The toponym overlapping the span [start, end): the one overlapping it most, earliest first."""
    best, best_overlap = None, 0
    for place in report.places:
        overlap = min(end, place.end) - max(start, place.start)
        if overlap > best_overlap:
            best, best_overlap = place, overlap
    return best


def places_in(report: Report, start: int, end: int) -> list[Place]:
    """Every toponym lying inside the span [start, end), in text order."""
    return [p for p in report.places if start <= p.start and p.end <= end]


def location_candidates(doc: Doc, report: Report | None = None) -> list[LocationCandidate]:
    """Places named inside other names in ``doc`` (what the stage hands on, found anew)."""
    return analyse(doc, report)[1]


def location_at(doc: Doc, report: Report, start: int, end: int) -> Place | LocationCandidate | None:
    """Where the span [start, end) says something happened: a toponym there, else a place
    named inside a name there ("the Munich Security Conference" -> Munich)."""
    place = place_at(report, start, end)
    if place is not None:
        return place
    for candidate in location_candidates(doc, report):
        if start <= candidate.start and candidate.end <= end:
            return candidate
    return None
