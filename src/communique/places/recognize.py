"""Finding toponyms in a parsed article.

Sources of mentions, in order of trust:

1. spaCy GPE/LOC/FAC entities (a leading "the" and a trailing possessive dropped);
2. an ORG entity whose whole text is a country, capital, first-level region or curated
   place ("Washington said ...": the place is named even when it stands for a
   government; coding the actor is the entities stage's business), or a name followed
   by ", <state or country>" ("PLEASANTON, Calif.");
3. an organisation's name ending in a building's noun, used as a place ("taken to
   Colchester General Hospital"): a facility;
4. one reading per article: an entity of another label (or an untagged name) whose whole
   text is a name read as a known place elsewhere in the article ("in Edmonton" ...
   "Edmonton's economy");
5. gazetteer matches of capitalised proper-noun runs the model missed, with guards;
6. descriptive references: "the Russian capital", "the Japanese capital", and "the
   capital" when the dateline gives the country.

Places inside other names ("the Munich Security Conference" -> Munich) are returned
separately as *embedded* mentions: location candidates for the events stage, not
toponyms. Demonyms ("Russian") are never places.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Span

from communique.places.gazetteer import Entry, Gazetteer, name_key

TOPONYM_LABELS = frozenset({"GPE", "LOC", "FAC"})
CONTAINER_LABELS = frozenset({"ORG", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "FAC"})
NEVER_RENAMED = frozenset({"NORP", "LANGUAGE"})  # "Georgian" is no place, even beside Georgia
STRONG_FEATURES = frozenset({"country", "continent", "admin1", "capital"})
DIRECTIONS = re.compile(
    r"^(?:far north|far south|far east|far west|deep south|north|south|east|west|northern|southern|eastern|western|central|northeastern|"
    r"northwestern|southeastern|southwestern|north-eastern|north-western|south-eastern|"
    r"south-western|upper|lower|greater|mainland|occupied|downtown|rural|coastal)\s+",
    re.IGNORECASE,
)
GENERIC_TAIL = re.compile(
    r"\s+(islands?|isles?|region|province|state|city|oblast|governorate|prefecture|peninsula)$",
    re.I,
)
# What the name without its generic tail must be: "Shikotan Islands" -> the island Shikotan.
TAIL_FEATURES = {
    "island": {"island", "islands"},
    "islands": {"island", "islands"},
    "isle": {"island", "islands"},
    "isles": {"island", "islands"},
    "city": {"city", "capital"},
    "peninsula": {"peninsula", "region"},
}
REGION_FEATURES = {"admin1", "region"}
_WORDS = json.loads(
    (resources.files("communique.places") / "data" / "words.json").read_text("utf-8")
)
LOCATIVE = frozenset(_WORDS["locative"]["words"])
PLACE_NOUNS = frozenset(_WORDS["place_nouns"]["words"])
FOLLOWING_PLACE_NOUNS = frozenset(_WORDS["following_place_nouns"]["words"])
FACILITY_HEADS = frozenset(_WORDS["facility_heads"]["words"])
CONNECTORS = frozenset(_WORDS["connectors"]["words"])
LANDFORMS = frozenset(
    {
        "island",
        "islands",
        "peninsula",
        "territory",
        "sea",
        "ocean",
        "strait",
        "plateau",
        "mountains",
    }
)
REGION_CANDIDATES = 4  # a state outranks all but a few namesakes ("New York", "Georgia")
TOWN_FEATURES = frozenset({"city", "capital", "admin2"})
LIST_JOINERS = frozenset({",", "and", "or", "&"})
UNIT_OF = re.compile(
    r"^(?:the\s+)?(?:city|town|county|village|municipality|borough|township|district)\s+of\s+",
    re.I,
)
SAINTS = frozenset({"st", "st.", "saint"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
MIN_FACILITY_CITY_POPULATION = 100_000
MIN_RELABELLED_POPULATION = 10_000
MIN_MISSED_CITY_POPULATION = 100_000
MIN_LOCATIVE_CITY_POPULATION = 5_000  # a missed name after "in", "near", "from", ...
MIN_PERSON_CITY_POPULATION = 100_000
MIN_EMBEDDED_CITY_POPULATION = 20_000


@dataclass
class Mention:
    """A piece of text that names (or describes) a place."""

    start: int
    end: int
    text: str
    ids: tuple[int, ...]  # candidate gazetteer entries, most likely first
    source: str  # ner | org | gazetteer | descriptive | embedded
    label: str = ""
    container: tuple[int, ...] = ()  # candidates of the region in "City, Region"
    within: str | None = None  # for embedded mentions: the name they are part of
    inner: Mention | None = None  # for unresolved facilities: a known place inside the name
    region: bool = False  # the text reads it as a state or province ("New York Gov.")
    locative: bool = False  # the words around it read it as a place ("in Toomevara")


def find(
    doc: Doc,
    gaz: Gazetteer,
    dateline_country: str | None,
    text: str | None = None,
    ents: list[Span] | None = None,
) -> tuple[list[Mention], list[Mention]]:
    """Toponym mentions and embedded location candidates of ``doc``, each in text order.

    ``text`` and ``ents`` may pass ``doc.text`` and ``doc.ents`` when the caller has them
    (spaCy rebuilds both on every access).
    """
    if text is None or not len(doc) or doc[-1].idx + len(doc[-1].text_with_ws) != len(text):
        text = doc.text
    toponyms: list[Mention] = _dateline_names(text, gaz)
    embedded: list[Mention] = []
    deferred: list[Span] = []  # entities of other labels not read as places on their own
    covered = [False] * len(doc)
    for ent in doc.ents if ents is None else ents:
        if ent.label_ in NUMERIC_LABELS:
            continue
        for i in range(ent.start, ent.end):
            covered[i] = True
        if ent.label_ in TOPONYM_LABELS or _facility_visited(ent):
            label = ent.label_ if ent.label_ in TOPONYM_LABELS else "FAC"  # "to Mercy Hospital"
            found = _from_toponym_entity(ent, gaz, label)
            toponyms.extend(found)
            if len(found) == 1 and not found[0].ids:
                inside = _embedded(ent, gaz)
                found[0].inner = inside[0] if inside else None
        elif ent.label_ == "NORP" and (landform := _demonym_landform(ent, gaz)):
            toponyms.extend(landform)  # "the Korean peninsula"
        elif ent.label_ == "NORP" and gaz.demonym_country(ent.text):
            continue
        else:
            whole = _from_named_entity(ent, gaz)
            listed = [] if whole else _listed_places(_trim(ent), gaz, towns=True)
            if whole:
                toponyms.append(whole)
            elif listed:
                toponyms.extend(listed)  # "Ingham or Townsville" tagged as one organisation
            else:
                deferred.append(ent)
    known = _placed_names(toponyms, deferred)
    for ent in deferred:
        same = _named_again(ent, gaz, known)
        if same:
            toponyms.append(same)
        elif ent.label_ in CONTAINER_LABELS:
            embedded.extend(_embedded(ent, gaz))
    missed, inside_names = _missed_names(doc, gaz, covered, known)
    toponyms.extend(missed)
    embedded.extend(inside_names)
    toponyms.extend(_descriptive(doc, text, gaz, dateline_country))
    _link_containers(text, toponyms, gaz)
    _mark_regions(text, toponyms, gaz)
    return _dedupe(toponyms), _dedupe(embedded)


_REGION_CUE = re.compile(
    r"\s+(?:Gov\.|Governor|Lt\. Gov\.|Legislature|Assembly|State (?:Police|Patrol|Senate)|"
    r"state\b|Attorney General|Sen\.|Senator|Rep\.|lawmakers|legislators)"
)


def _mark_regions(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """ "New York Gov. Andrew Cuomo", "in Bronx, New York": the state, not its namesake city."""
    cities = {m.end: m for m in mentions}
    for mention in mentions:
        regions = {
            entry.admin1
            for entry in map(gaz.entry, mention.ids[:REGION_CANDIDATES])
            if entry.feature == "admin1"
        }
        if not regions:
            continue
        left = max(0, mention.start - 4)
        comma = re.search(r"\s*,\s*$", text[left : mention.start])
        before = cities.get(left + comma.start()) if comma else None
        after_city = (
            before is not None
            and any(  # "Bronx, New York", not "Washington, New York"
                gaz.entry(i).feature in ("city", "capital") and gaz.entry(i).admin1 in regions
                for i in before.ids[:1]
            )
        )
        if after_city or _REGION_CUE.match(text, mention.end):
            mention.region = True


_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*([A-Z][A-Z'.-]+(?:[ -][A-Z][A-Z'.-]+){0,3})"
    r"(?:,[ \t]*([A-Z][A-Za-z.]{1,14}))?(?=[ \t]*(?:,|—|–|-|\(|:|[ \t]+[A-Z][a-z]))"
)


def _dateline_names(text: str, gaz: Gazetteer) -> list[Mention]:
    """A place in capitals opening a paragraph: "BERLIN —", "DETROIT The ...", and its
    region when one follows: "PLEASANTON, Calif. (AP)", "LOUISVILLE, KY--"."""
    found = []
    for match in _DATELINE.finditer(text):
        ids = gaz.ids(match.group(1))
        if not ids:
            continue
        place = Mention(match.start(1), match.end(1), match.group(1), ids, "dateline", "GPE")
        found.append(place)
        region = _region_ids(match.group(2), gaz) if match.group(2) else ()
        if region:
            found.append(
                Mention(match.start(2), match.end(2), match.group(2), region, "dateline", "GPE")
            )
    return found


def _region_ids(text: str, gaz: Gazetteer) -> tuple[int, ...]:
    """A state or country as a dateline writes it: "Calif.", "Ky", "KY", "Texas"."""
    code = gaz.postal.get(text.upper().rstrip("."))
    if code in gaz.admin1 and (text.isupper() or not gaz.ids(text)):
        return (gaz.admin1[code],)
    ids = gaz.ids(text) or gaz.ids(text + ".")
    return tuple(i for i in ids if gaz.entry(i).feature in ("admin1", "country"))


# --------------------------------------------------------------------------- entities


def _trim(span: Span) -> Span:
    """Drop a leading determiner and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in ("'s", "’s", "'")
        or doc[end - 1].is_punct
        and doc[end - 1].text != "."
    ):
        end -= 1
    return doc[start:end]


def _candidates(text: str, gaz: Gazetteer) -> tuple[tuple[int, ...], str]:
    """Entry ids for a toponym text, trying a few generic variants; and the text matched."""
    ids = gaz.ids(text)
    if ids:
        return ids, text
    shorter = DIRECTIONS.sub("", DIRECTIONS.sub("", text))
    if shorter != text and shorter:
        ids = gaz.ids(shorter)
        if ids:
            return ids, shorter
    unit = UNIT_OF.match(text)
    if unit:  # "the City of Montreal", "the County of Brant": a town, whatever else it names
        towns = tuple(
            i for i in gaz.ids(text[unit.end() :]) if gaz.entry(i).feature in TOWN_FEATURES
        )
        return towns, text[unit.end() :] if towns else text
    tail = GENERIC_TAIL.search(text)
    if tail:
        wanted = TAIL_FEATURES.get(tail.group(1).lower(), REGION_FEATURES)
        ids = tuple(i for i in gaz.ids(text[: tail.start()]) if gaz.entry(i).feature in wanted)
        if ids:
            return ids, text[: tail.start()]
    return (), text


def _facility_visited(ent: Span) -> bool:
    """An organisation's name that ends in a building's noun, used as a place: "at
    Colchester General Hospital", "to the Vancouver Art Gallery"."""
    if ent.label_ != "ORG":
        return False
    span = _trim(ent)
    return len(span) > 1 and span[-1].lower_ in FACILITY_HEADS and _after_locative(span)


def _from_toponym_entity(ent: Span, gaz: Gazetteer, label: str) -> list[Mention]:
    span = _trim(ent)
    if not len(span):
        return []
    text = span.text
    ids, matched = _candidates(text, gaz)
    if ids and matched == text:
        span, ids = _with_period(span, ids, gaz)
        text = matched = span.text
    if ids and label == "FAC" and not _facility_place(gaz.entry(ids[0])):
        ids = ()
    if ids and (_acronym_town(text, gaz.entry(ids[0])) or _saints_building(span)):
        ids = ()
    if ids:
        return [_mention(span, matched, ids, "ner", label)]
    if "," in text:  # "Paris, Texas" as one entity
        parts = [_with_period(p, gaz.ids(p.text), gaz) for p in _comma_parts(span) if len(p)]
        mentions = [_mention(p, p.text, ids, "ner", label) for p, ids in parts]
        if any(m.ids for m in mentions):
            return mentions
    listed = _listed_places(span, gaz)
    if listed:
        return listed
    unknown = _mention(span, text, (), "ner", label)
    unknown.locative = _after_locative(span) or _listed_with_place(span)
    return [unknown]


def _listed_places(span: Span, gaz: Gazetteer, towns: bool = False) -> list[Mention]:
    """An entity that is only places side by side: "Greece Italy" (countries, regions),
    or with ``towns`` any known places joined by "and", "or" or commas ("Ingham or
    Townsville", "Wainwright, Alta"): each of them."""
    if towns and not any(token.lower_ in LIST_JOINERS for token in span):
        return []
    found, i, joined = [], span.start, True
    while i < span.end:
        if towns and span.doc[i].lower_ in LIST_JOINERS:
            i, joined = i + 1, True
            continue
        if towns and not joined:
            return []  # "Washington Post": two names side by side are one name
        for length in range(span.end - i, 0, -1):
            piece, ids = _with_period(span.doc[i : i + length], (), gaz)
            ids = ids or gaz.ids(piece.text)
            if ids and (towns or _is_place_like(gaz.entry(ids[0]))):
                found.append(_mention(piece, piece.text, ids, "ner", "GPE"))
                i, joined = piece.end, False
                break
        else:
            return []  # a word that is no place: a name the gazetteer lacks
    return found if len(found) > 1 else []


def _with_period(span: Span, ids: tuple[int, ...], gaz: Gazetteer) -> tuple[Span, tuple[int, ...]]:
    """ "Man." (Manitoba) or "Calif." when the entity left out the abbreviation's period."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text == "." and doc[span.end].idx == span.end_char:
        dotted = gaz.ids(span.text + ".")
        if dotted:
            return doc[span.start : span.end + 1], dotted
    return span, ids


def _acronym_town(text: str, entry: Entry) -> bool:
    """ "OAS", "EU", "WA": an acronym that only a small town shares is no reference to it."""
    return len(text) <= 4 and text.isupper() and entry.feature == "city"


def _saints_building(span: Span) -> bool:
    """ "St. Peter's Basilica", "St Patrick's": a saint's possessive names a building."""
    doc = span.doc
    return span[0].lower_ in SAINTS and span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")


def _facility_place(entry: Entry) -> bool:
    """A facility's name that is a big place's name: "White House" is no town of 10,000."""
    return _is_place_like(entry) or entry.population >= MIN_FACILITY_CITY_POPULATION


def _comma_parts(span: Span) -> list[Span]:
    parts, start = [], span.start
    for token in span:
        if token.text == ",":
            parts.append(span.doc[start : token.i])
            start = token.i + 1
    parts.append(span.doc[start : span.end])
    return parts


def _mention(span: Span, matched: str, ids: tuple[int, ...], source: str, label: str) -> Mention:
    """A mention over ``span`` narrowed to the part that matched (a direction word dropped)."""
    start, end, text = span.start_char, span.end_char, span.text
    offset = text.find(matched)
    if offset >= 0 and matched != text:
        start, end, text = start + offset, start + offset + len(matched), matched
    return Mention(start, end, text, ids, source, label)


def _is_place_like(entry: Entry) -> bool:
    return entry.feature in STRONG_FEATURES or entry.curated


def _demonym_landform(ent: Span, gaz: Gazetteer) -> list[Mention]:
    """A demonym and a common noun that together name a curated place: "Korean peninsula"."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].pos_ != "NOUN":
        return []
    span = doc[ent.start : ent.end + 1]
    ids = tuple(i for i in gaz.ids(span.text) if gaz.entry(i).curated)
    return [_mention(span, span.text, ids, "ner", "LOC")] if ids else []


def _from_named_entity(ent: Span, gaz: Gazetteer) -> Mention | None:
    """An entity of another label that is a place's name used as a place: a well-known
    place ("Washington said"), "PLEASANTON, Calif.", or a town after "in", "from", ..."""
    span = _trim(ent)
    if not len(span):
        return None
    span, ids = _with_period(span, gaz.ids(span.text), gaz)
    if not ids or _acronym_town(span.text, gaz.entry(ids[0])):
        return None
    entry = gaz.entry(ids[0])
    if _followed_by_region(span, gaz) or (
        entry.feature in ("admin1", "country") and _after_place_comma(span)
    ):
        return _mention(span, span.text, ids, "org", ent.label_)
    big = _is_place_like(entry) or entry.population >= MIN_RELABELLED_POPULATION
    if ent.label_ == "PERSON":  # "Tamil Nadu said", "in Wisconsin and Pennsylvania"
        named_region = entry.feature in ("country", "admin1") and len(span) > 1
        ok = big and (named_region or _after_locative(span) or _listed_with_place(span))
        ok = ok or (_well_known(entry) and not _used_as_personal_name(span))
    elif ent.label_ == "NORP":
        ok = big
    else:  # an organisation's name: "Washington said", "Crimea", not "Amazon said"
        ok = (
            entry.feature in ("country", "capital", "admin1")
            or (entry.curated and bool(entry.disputed_with or entry.feature in LANDFORMS))
            or (entry.curated and entry.feature == "union")
            or (
                _after_locative(span)
                and (entry.curated or entry.population >= MIN_RELABELLED_POPULATION)
            )
        )
    return _mention(span, span.text, ids, "org", ent.label_) if ok else None


def _placed_names(mentions: list[Mention], others: list[Span]) -> frozenset[str]:
    """Lookup keys of the names already read as known places in the article, less those
    the model more often tags as a person ("Noma said", "said Noma", "in Noma's case")."""
    placed = Counter(name_key(m.text) for m in mentions if m.ids)
    persons = Counter(name_key(_trim(e).text) for e in others if e.label_ == "PERSON")
    return frozenset(key for key, count in placed.items() if persons[key] <= count)


def _named_again(ent: Span, gaz: Gazetteer, known: frozenset[str]) -> Mention | None:
    """An entity of another label whose whole text names a place the article names as a
    place elsewhere ("in Edmonton" ... "Edmonton's economy"): one reading per article."""
    span = _trim(ent)
    if not len(span) or name_key(span.text) not in known or ent.label_ in NEVER_RENAMED:
        return None
    if ent.label_ == "PERSON" and _used_as_personal_name(span):
        return None
    ids = gaz.ids(span.text)
    return _mention(span, span.text, ids, "org", ent.label_) if ids else None


def _well_known(entry: Entry) -> bool:
    """A country, a capital or a big city: "Abuja", "Azerbaijan" tagged as a person."""
    return entry.feature in ("country", "capital") or (
        entry.feature in ("city", "admin1") and entry.population >= MIN_PERSON_CITY_POPULATION
    )


def _used_as_personal_name(span: Span) -> bool:
    """The name also occurs inside a longer person's name in the article ("Jack Kent"),
    or is followed by another name token here ("Kent Brockman")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].tag_ in ("NNP", "NNPS"):
        return True
    lower = span.text.lower()
    return any(
        ent.label_ == "PERSON" and len(ent) > len(span) and lower in ent.text.lower().split()
        for ent in doc.ents
    )


def _after_place_comma(span: Span) -> bool:
    """The region of "Gatineau, Que.": right after a place name and a comma."""
    doc = span.doc
    i = span.start - 2
    return i >= 0 and doc[i + 1].text == "," and doc[i].ent_type_ in TOPONYM_LABELS


def _after_locative(span: Span) -> bool:
    """Read as a place by the words around it: "in Tabriz", "from the Crimea", "the city
    of Tabriz", "residents of Shiraz", "Jane Doe of Tabriz", "Jane Doe, 26, of Tabriz",
    "a Tabriz resident", "Tabriz police"."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in FOLLOWING_PLACE_NOUNS:
        return True
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].lower_ == "of":
        before = doc[i - 1]
        return (
            before.lemma_.lower() in PLACE_NOUNS
            or before.ent_type_ == "PERSON"
            or (before.text == "," and i >= 2 and doc[i - 2].like_num)
        )
    return i >= 0 and doc[i].lower_ in LOCATIVE


def _listed_with_place(span: Span) -> bool:
    """ "Wisconsin and Pennsylvania": coordinated with a toponym entity."""
    doc = span.doc
    for i in (span.end + 1, span.start - 2):
        if 0 <= i < len(doc) and doc[i].ent_type_ in TOPONYM_LABELS:
            between = doc[span.end] if i > span.start else doc[span.start - 1]
            if between.lower_ in ("and", "or", ","):
                return True
    return False


def _followed_by_region(span: Span, gaz: Gazetteer) -> bool:
    """ "PLEASANTON, Calif.", "Churchill, Man.": a name, a comma, a state or country."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    following = doc[span.end + 1 : span.end + 2]
    if following.text in gaz.postal:
        return True
    _span, ids = _with_period(following, gaz.ids(following.text), gaz)
    return bool(ids) and gaz.entry(ids[0]).feature in ("admin1", "country")


def _embedded(ent: Span, gaz: Gazetteer) -> list[Mention]:
    """Places named inside another name: "Munich" in "the Munich Security Conference"."""
    found: list[Mention] = []
    doc = ent.doc
    tokens = list(_trim(ent))
    words = [t.text for t in tokens]
    spaced = [t.text_with_ws for t in tokens]
    i = 0
    while i < len(tokens):
        if not (tokens[i].is_title or tokens[i].is_upper):
            i += 1
            continue
        saint = _saint_at(doc, tokens[i].i)
        if saint:  # "St. Mary's Church": no Saint Mary parish, no town of Mary
            i += saint
            continue
        length, ids = _longest_place(words, spaced, i, gaz)
        if not length:
            i += 1
            continue
        piece = doc[tokens[i].i : tokens[i].i + length]
        mention = _mention(piece, piece.text, ids, "embedded", ent.label_)
        mention.within = ent.text
        found.append(mention)
        i += length
    return found


def _longest_place(
    words: list[str], spaced: list[str], i: int, gaz: Gazetteer
) -> tuple[int, tuple[int, ...]]:
    """The longest run of up to four tokens from ``i`` naming a place fit to be embedded
    (``words``: the tokens' texts, ``spaced``: with their trailing spaces)."""
    for length in range(min(4, len(words) - i), 0, -1):
        ids = gaz.ids("".join(spaced[i : i + length - 1]) + words[i + length - 1])
        if ids and _embeddable(gaz.entry(ids[0])):
            return length, ids
    return 0, ()


def _saint_at(doc: Doc, i: int) -> int:
    """The length of a saint's possessive name starting at token ``i`` ("St. Mary's" is 3
    tokens), or 0."""
    if doc[i].lower_ not in SAINTS:
        return 0
    for end in range(i + 2, min(i + 4, len(doc)) + 1):
        if _saints_building(doc[i:end]):
            return end - i + 1
    return 0


def _embeddable(entry: Entry) -> bool:
    return _is_place_like(entry) or entry.population >= MIN_EMBEDDED_CITY_POPULATION


# --------------------------------------------------------------------------- missed names


def _missed_names(
    doc: Doc, gaz: Gazetteer, covered: list[bool], known: frozenset[str] = frozenset()
) -> tuple[list[Mention], list[Mention]]:
    """Capitalised proper-noun runs outside every entity that the gazetteer knows well (or
    that the article names as places elsewhere, ``known``): whole runs are toponyms,
    places inside a longer run are in-name candidates."""
    names = _name_tokens(doc)
    strings = doc.vocab.strings
    connectors = {strings.add(word) for word in CONNECTORS}
    lower = doc.to_array("LOWER").tolist() if len(doc) else []
    toponyms: list[Mention] = []
    inside: list[Mention] = []
    i, n = 0, len(doc)
    while i < n:
        if covered[i] or not names[i]:
            i += 1
            continue
        j = i
        while (
            j < n
            and not covered[j]
            and (names[j] or (lower[j] in connectors and j + 1 < n and names[j + 1]))
        ):
            j += 1
        for mention in _match_run(doc, i, j, gaz, known):
            whole = mention.start == doc[i].idx and mention.end >= doc[j - 1].idx + len(doc[j - 1])
            (toponyms if whole else inside).append(mention)
        i = max(j, i + 1)
    return toponyms, inside


def _name_tokens(doc: Doc) -> list[bool]:
    """Per token: a proper-noun tag and a capitalised (or all-capital) form."""
    strings = doc.vocab.strings
    proper = {strings.add("NNP"), strings.add("NNPS")}
    rows = doc.to_array(["TAG", "IS_TITLE", "IS_UPPER", "LENGTH"]).tolist() if len(doc) else []
    return [
        tag in proper and (title or (upper and length > 1)) for tag, title, upper, length in rows
    ]


def _match_run(
    doc: Doc, start: int, end: int, gaz: Gazetteer, known: frozenset[str]
) -> list[Mention]:
    found = []
    i = start
    while i < end:
        for length in range(min(5, end - i), 0, -1):
            piece, ids = _with_period(doc[i : i + length], gaz.ids(doc[i : i + length].text), gaz)
            if (
                ids
                and (
                    _trusted_missed(piece, gaz.entry(ids[0]), gaz)
                    or (name_key(piece.text) in known and not _next_to_person(piece))
                )
                and not _acronym_town(piece.text, gaz.entry(ids[0]))
            ):
                found.append(_mention(piece, piece.text, ids, "gazetteer", ""))
                i += len(piece)
                break
        else:
            i += 1
    return found


def _trusted_missed(piece: Span, entry: Entry, gaz: Gazetteer) -> bool:
    if _next_to_person(piece):
        return False
    if _is_place_like(entry) or entry.population >= MIN_MISSED_CITY_POPULATION:
        return True
    if _followed_by_region(piece, gaz):  # "Owensboro, Ky.": the region will constrain it
        return True
    if entry.feature in ("admin1", "admin2") and _after_place_comma(piece):
        return True  # the region of "Thruxton, Hampshire"
    return entry.population >= MIN_LOCATIVE_CITY_POPULATION and _after_locative(piece)


def _next_to_person(piece: Span) -> bool:
    """A name beside a person's name is likely part of it ("[of Russia Vladimir] Putin")."""
    doc = piece.doc
    for step, index in ((1, piece.end), (-1, piece.start - 1)):
        while 0 <= index < len(doc) and doc[index].is_punct and doc[index].text not in (",", "."):
            index += step
        if 0 <= index < len(doc) and doc[index].ent_type_ == "PERSON":
            return True
    return False


# --------------------------------------------------------------------------- descriptions


def _descriptive(
    doc: Doc, text: str, gaz: Gazetteer, dateline_country: str | None
) -> list[Mention]:
    """ "the Russian capital" -> Moscow; "the capital" -> the dateline country's capital."""
    found = []
    for match in re.finditer(r"\bcapital\b", text, re.IGNORECASE):
        span = doc.char_span(match.start(), match.end())
        if span is None or span[0].tag_ not in ("NN", "NNP"):
            continue
        token = span[0]
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        end = token.i + 1
        if nxt is not None and nxt.lower_ == "city":
            end += 1
            nxt = doc[end] if end < len(doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            continue  # "capital markets", "capital gains"
        country, start = _capital_of(doc, token.i, gaz, dateline_country)
        capital = gaz.capitals.get(country or "")
        if capital is None:
            continue
        described = doc[start:end]
        found.append(
            Mention(
                described.start_char, described.end_char, described.text, (capital,), "descriptive"
            )
        )
    return found


def _capital_of(
    doc: Doc, i: int, gaz: Gazetteer, dateline_country: str | None
) -> tuple[str | None, int]:
    """The country of "capital" at ``i`` and where the description starts."""
    for width in (2, 1):  # "the South Korean capital", "the Russian capital"
        start = i - width
        if start < 1 or doc[start - 1].lower_ != "the":
            continue
        modifier = doc[start:i].text
        country = gaz.demonym_country(modifier)
        if country is None:
            ids = gaz.ids(modifier)
            entry = gaz.entry(ids[0]) if ids else None
            country = entry.country if entry is not None and entry.feature == "country" else None
        if country is not None:
            return country, start - 1
    if i >= 1 and doc[i - 1].lower_ == "the" and dateline_country and not _apposition(doc, i - 1):
        return dateline_country, i - 1
    return None, i


def _apposition(doc: Doc, the: int) -> bool:
    """ "Kabul, the capital" or "the capital, Kabul": the capital is named right there."""
    before = doc[the - 1] if the >= 1 else None
    after = doc[the + 2] if the + 2 < len(doc) else None
    if (
        before is not None
        and before.text == ","
        and the >= 2
        and doc[the - 2].ent_type_ in TOPONYM_LABELS
    ):
        return True
    if (
        after is not None
        and after.text == ","
        and the + 3 < len(doc)
        and doc[the + 3].ent_type_ in TOPONYM_LABELS
    ):
        return True
    return before is not None and before.lower_ in ("of", "'s")  # "the capital of X", "X's capital"


# --------------------------------------------------------------------------- patterns


def _link_containers(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """ "Paris, Texas" / "Red Oak, Iowa" / "Springfield, IL": the region constrains the city."""
    by_start = {m.start: m for m in mentions}
    for mention in mentions:
        if mention.ids and gaz.entry(mention.ids[0]).feature not in ("city", "capital"):
            continue  # "Russia, Turkey and Iran" is a list, not a place in a region
        comma = re.match(r",\s*", text[mention.end : mention.end + 8])
        if not comma:
            continue
        start = mention.end + comma.end()
        following = by_start.get(start)
        if following is not None and following.ids:
            regions = tuple(
                i for i in following.ids if gaz.entry(i).feature in ("admin1", "country")
            )
            mention.container = regions  # a list of places ("Iturup, Kunashir") is no container
            continue
        postal = re.match(r"([A-Z]{2})\b", text[start : start + 3])
        code = gaz.postal.get(postal.group(1)) if postal else None
        if code and code in gaz.admin1:
            mention.container = (gaz.admin1[code],)


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions overlapping an earlier-listed one (entities beat later sources)."""
    kept: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for mention in mentions:
        if any(mention.start < end and start < mention.end for start, end in taken):
            continue
        kept.append(mention)
        taken.append((mention.start, mention.end))
    return sorted(kept, key=lambda m: (m.start, m.end))
