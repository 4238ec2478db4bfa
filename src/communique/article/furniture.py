"""Page furniture inside the extracted main text of a web page, recognised by wording.

"Read more: ...", "Sign up for our newsletter", "Reporting by ...; Editing by ...", copyright
footers, share and follow lines, publication-time stamps, upper-case teasers of other
stories, and the headings that open a list of other stories ("You may also like", "Most
read", "Comments"). The vocabulary is in ``data/page_furniture.json``; nothing here names an
outlet.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

DATA = Path(__file__).with_name("data") / "page_furniture.json"

_DATE_OR_TIME = re.compile(
    r"\b(?:\d{1,4}(?:[-/.:]\d{1,4}){0,2}(?:st|nd|rd|th)?|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?)\b\.?",
    re.I,
)
_CLOCK = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[^\W\d_]+(?:['’.][^\W\d_]+)*", re.UNICODE)


@functools.cache
def _lexicon() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


@functools.cache
def _line_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in _lexicon()["lines"]), re.I)


@functools.cache
def _phrases() -> tuple[tuple[re.Pattern, int], ...]:
    return tuple(
        (re.compile(entry["pattern"], re.I), int(entry["max_chars"]))
        for entry in _lexicon()["phrases"]
    )


@functools.cache
def _stop_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in _lexicon()["stops"]), re.I)


@functools.cache
def _ui_texts() -> frozenset[str]:
    return frozenset(text.casefold() for text in _lexicon()["ui"])


@functools.cache
def _timestamp_words() -> frozenset[str]:
    return frozenset(_lexicon()["timestamps"])


def is_furniture(text: str) -> bool:
    """True for a paragraph that is page furniture rather than part of the article."""
    text = text.strip()
    if not text:
        return True
    if text.casefold().rstrip(":.!") in _ui_texts() or text.casefold() in _ui_texts():
        return True
    return bool(
        _line_re().match(text)
        or _has_phrase(text)
        or is_timestamp(text)
        or is_teaser(text)
        or not _has_words(text)
    )


def _has_phrase(text: str) -> bool:
    return any(len(text) <= limit and pattern.search(text) for pattern, limit in _phrases())


def strip_labels(text: str) -> str:
    """A paragraph without link labels glued to its end ("... Click To Tweet")."""
    lower = text.casefold()
    for suffix in _suffixes():
        if lower.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)].rstrip()
    return text


@functools.cache
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(_lexicon()["suffixes"], key=len, reverse=True))


def opens_furniture(text: str) -> bool:
    """True for a heading or line that opens a block of furniture ("You may also like")."""
    return bool(_stop_re().match(text.strip()))


def is_timestamp(text: str) -> bool:
    """A publication-time line: "Updated: Tue., Nov. 19, 2019", "5:45 AM PST 11/19/2019"."""
    if len(text) > 80 or not _DATE_OR_TIME.search(text):
        return False
    if (
        len(text.split()) <= 10
        and not text.endswith(".")
        and _CLOCK.search(text)
        and _YEAR.search(text)
    ):
        return True  # a date with a clock time, in any language
    words = _WORD.findall(_DATE_OR_TIME.sub(" ", text))
    lowered = [w.casefold().rstrip(".") for w in words]
    # "... by Patrick Shanley" after a time stamp: a byline line, still not article text.
    if "by" in lowered:
        at = lowered.index("by")
        name = words[at + 1 :]
        if len(name) > 3 or not all(w[:1].isupper() for w in name):
            return False
        lowered = lowered[:at]
    return all(w in _timestamp_words() for w in lowered)


def is_teaser(text: str) -> bool:
    """An upper-case line that is no sentence: the headline of another story, a call to act."""
    if len(text) > 250 or text != text.upper():
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 12:
        return False
    if not all(ch.isupper() for ch in letters):  # scripts without case
        return False
    words = text.split()
    return 3 <= len(words) <= 25 and not text.rstrip("\"'”’").endswith((".", "?"))


def _has_words(text: str) -> bool:
    return any(ch.isalpha() for ch in text)
