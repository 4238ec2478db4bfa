"""Person-name comparison: name variants, initials and transliteration variants.

"Toyohisa Kozuki", "Kozuki" and "Kodzuki" are one person; "John Smith" and "Jane Smith"
are two. Fuzzy matches need long, similar surnames that agree after transliteration folds
or differ by one edit, with the same initial, and first names (when both are given) that agree.
"""

from __future__ import annotations

import functools
import re

from rapidfuzz.distance import Levenshtein

from communique.entities import lexicon
from communique.entities.lexicon import fold

HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "prof",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "prof.",
    }
)
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
MIN_FUZZY_LENGTH = 5
PARTICLES = frozenset(
    {
        "de",
        "da",
        "di",
        "del",
        "della",
        "dos",
        "du",
        "van",
        "von",
        "der",
        "den",
        "le",
        "la",
        "al",
        "el",
        "bin",
        "ibn",
        "ben",
        "zu",
        "abu",
    }
)


@functools.lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a person's name without honorifics and suffixes."""
    tokens = [t.strip(",") for t in re.split(r"\s+", fold(name)) if t.strip(",")]
    tokens = [t for t in tokens if t not in HONORIFICS]
    while len(tokens) > 1 and tokens[-1] in SUFFIXES:
        tokens.pop()
    return tuple(tokens)


@functools.lru_cache(maxsize=4096)
def translit_key(word: str) -> str:
    """The word after the transliteration folds (``kodzuki`` -> ``kozuki``)."""
    for old, new in lexicon.transliterations():
        word = word.replace(old, new)
    return word


def same_word(a: str, b: str) -> float:
    """1.0 for equal words, 0.8 for transliteration variants, 0.6 for a one-edit variant, else 0."""
    if a == b:
        return 1.0
    if len(a) < MIN_FUZZY_LENGTH or len(b) < MIN_FUZZY_LENGTH or a[0] != b[0]:
        return 0.0
    if translit_key(a) == translit_key(b):
        return 0.8
    if Levenshtein.distance(a, b, score_cutoff=1) <= 1:
        return 0.6
    return 0.0


def given_names_agree(a: str, b: str) -> bool:
    """First names agree: equal, one an initial of the other, or spelling variants."""
    a, b = a.rstrip("."), b.rstrip(".")
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return same_word(a, b) > 0 or (
        len(a) >= 4 and len(b) >= 4 and translit_key(a) == translit_key(b)
    )


def _given(tokens: tuple[str, ...]) -> str | None:
    """The first name, if the name has one ("de Blasio" has none)."""
    return tokens[0] if len(tokens) >= 2 and tokens[0] not in PARTICLES else None


def name_match(mention: tuple[str, ...], known: tuple[str, ...]) -> float:
    """How well a mentioned name fits a known full name: 0 (different people) to 1 (same form).

    A surname alone fits a full name with that surname; two full names need agreeing first
    names, so "John Smith" never fits "Jane Smith". A lone first name fits weakly.
    """
    if not mention or not known:
        return 0.0
    if mention == known:
        return 1.0
    surname = same_word(mention[-1], known[-1])
    if surname == 0.0:
        if len(mention) == 1 and len(known) >= 2 and mention[0] == known[0]:
            # "Moon" for "Moon Jae-in" (family name first); "Donald" for "Donald Trump"
            return 0.7 if "-" in known[-1] else 0.4
        return 0.0
    mine, theirs = _given(mention), _given(known)
    if mine and theirs and not given_names_agree(mine, theirs):
        return 0.0
    return 0.9 * surname if len(mention) != len(known) else surname
