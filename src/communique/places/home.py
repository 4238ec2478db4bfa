"""Where a source is from: its home place, given (``--home``) or read off its name and URL.

A local paper writes "Paris" for the Paris it is in. The home is one more piece of the
story's geography for :mod:`communique.places.resolve`: its country and first-level
region count as named, and its point anchors the story's local focus.

- ``--home PLACE`` is resolved through the gazetteer like a dateline: "Lebanon,
  Tennessee" or "Lebanon, TN" is the town, a bare "Tennessee" the state; a bare
  ambiguous name is its most likely reading (the country Lebanon).
- From the input's ``url`` and ``source``: the domain's country code gives the country
  (``walesonline.co.uk``: GBR; ``.com``, ``.org``, ``.tv`` and the like give none), and a
  place name wrapped in newspaper words gives a name ("The Lebanon Democrat",
  ``lebanondemocrat.com``, ``timesofmalta.com``, ``nj.com``). Such a name is resolved
  with the story itself: its reading is the one the article's own places favour, inside
  the domain's country when there is one, and it is no home at all when the story gives
  none of its readings any support (a Turkish paper called "Daily Sabah" is not from
  Sabah, Malaysia, in a story about Ankara).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

from communique.places import gazetteer as _gazetteer
from communique.places.gazetteer import Entry, Gazetteer, name_key

_WORDS = json.loads(
    (resources.files("communique.places") / "data" / "words.json").read_text("utf-8")
)
OUTLET_WORDS = frozenset(_WORDS["outlet_words"]["words"])
# Country codes sold as generic names (.tv, .io, .fm ...): they say nothing of the source.
VANITY_TLDS = frozenset({"ai", "cc", "co", "fm", "gg", "io", "ly", "me", "nu", "to", "tv", "ws"})
TLD_ALIASES = {"uk": "GB"}
MIN_CORE = 4  # shorter cores of a domain ("ny", "wa") are read only as a whole label
NOTABLE_POPULATION = 5_000
NOTABLE_FEATURES = frozenset({"country", "admin1", "admin2"})
_LABEL = re.compile(r"[a-z]+")
_NOT_LETTER = re.compile(r"[^a-z]")


@dataclass(frozen=True)
class SourceHome:
    """What a source's URL and name say about where it is from."""

    country: str | None = None  # alpha-3, from the domain's country code
    names: tuple[str, ...] = ()  # gazetteer keys of place names in the domain or name


def resolve_home(text: str, gaz: Gazetteer | None = None) -> Entry | None:
    """The gazetteer entry of a home given as text ("Lebanon, TN", "Ohio", "Paris, Texas")."""
    gaz = gaz or _gazetteer.load()
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return None
    entries = gaz.lookup(parts[0])
    if len(parts) > 1:
        regions = region_entries(parts[1], gaz)
        codes = {(r.admin1 if r.feature == "admin1" else r.country) for r in regions}
        entries = [e for e in entries if e.admin1 in codes or e.country in codes]
        entries = [e for e in entries if e.feature != "admin1"] or entries
    return entries[0] if entries else None


def region_entries(text: str, gaz: Gazetteer) -> list[Entry]:
    """The entries a region part of "City, Region" may name: a postal code or a name."""
    code = gaz.postal.get(text.strip().rstrip(".").upper())
    if code in gaz.admin1:
        return [gaz.entry(gaz.admin1[code])]
    return gaz.lookup(text)


def source_home(url: str | None, source: str | None, gaz: Gazetteer) -> SourceHome | None:
    """The country and place names that a source's URL and name give, if any."""
    country, names = None, []
    host = _host(url)
    if host:
        labels = host.split(".")
        country = _tld_country(labels, gaz)
        for label in _site_labels(labels):
            names += [n for part in label.split("-") for n in [_place_in_label(part, gaz)] if n]
    if source:
        name = _place_in_words(source, gaz)
        if name:
            names.append(name)
    unique = tuple(dict.fromkeys(names))
    if country is None and not unique:
        return None
    return SourceHome(country, unique)


def _host(url: str | None) -> str:
    if not url:
        return ""
    text = url.strip()
    if "//" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def _tld_country(labels: list[str], gaz: Gazetteer) -> str | None:
    tld = labels[-1] if len(labels) > 1 else ""
    if len(tld) != 2 or tld in VANITY_TLDS:
        return None
    return gaz.alpha2.get(TLD_ALIASES.get(tld, tld.upper()))


def _site_labels(labels: list[str]) -> list[str]:
    """The labels naming the site, the site's own first: "lebanondemocrat" of
    www.lebanondemocrat.com, "walesonline" of walesonline.co.uk, then "winnipeg" of
    winnipeg.ctvnews.ca."""
    if len(labels) < 2:
        return []
    rest = labels[:-1]
    if len(rest) > 1 and len(rest[-1]) <= 3 and len(labels[-1]) == 2:
        rest = rest[:-1]  # co.uk, com.au, org.nz
    return rest[::-1]


def _place_in_label(label: str, gaz: Gazetteer) -> str | None:
    """The place name in a domain label, wrapped in outlet words: the longest one."""
    label = "".join(_LABEL.findall(label))
    if not label:
        return None
    compact = _compact_names(gaz)
    postal = gaz.postal.get(label.upper())
    if postal in gaz.admin1 and len(label) == 2:
        return name_key(gaz.entry(gaz.admin1[postal]).name)  # nj.com, al.com
    best = None
    for start in range(len(label)):
        if not _outlet_words(label[:start]):
            continue
        for end in range(len(label), start + MIN_CORE - 1, -1):
            key = compact.get(label[start:end])
            if key and _outlet_words(label[end:]) and (best is None or len(key) > len(best)):
                best = key
                break
    return best


@functools.lru_cache(maxsize=4096)
def _outlet_words(text: str) -> bool:
    """Whether ``text`` is a run of outlet words with no spaces ("dailynews"), or empty."""
    if not text:
        return True
    return any(text.startswith(word) and _outlet_words(text[len(word) :]) for word in OUTLET_WORDS)


def _place_in_words(source: str, gaz: Gazetteer) -> str | None:
    """The place name in a source's name: "The Lebanon Democrat" -> "lebanon"."""
    words = [w for w in re.findall(r"[\w'.]+", source) if w]
    start, end = 0, len(words)
    while start < end and words[start].lower() in OUTLET_WORDS:
        start += 1
    while end > start and words[end - 1].lower() in OUTLET_WORDS:
        end -= 1
    if start == end or (start, end) == (0, len(words)):
        return None  # a name with no outlet word is an agency or a firm, not "X News"
    key = name_key(" ".join(words[start:end]))
    return key if key in _compact_names(gaz).values() else None


@functools.cache
def _compact_names(gaz: Gazetteer) -> dict[str, str]:
    """Name keys of notable places (countries, regions, counties, towns of 5,000) without
    their spaces, as a domain writes them: "newyork" -> "new york". Built on first use."""
    notable = gaz.notable(NOTABLE_FEATURES, NOTABLE_POPULATION)
    compact: dict[str, str] = {}
    for key, ids in gaz.keys_and_ids():
        if len(key) > 1 and key not in OUTLET_WORDS and any(notable[i] for i in ids):
            compact.setdefault(_NOT_LETTER.sub("", key), key)
    return compact
