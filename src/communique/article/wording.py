"""What a line or paragraph of news text is, judged by its wording alone.

Page furniture ("Show More", "Subscribe to ...", "Read more: ...", cookie notices, comment
forms, copyright footers, lists of other stories), photo credits ("© Name/AGENCY",
"REUTERS/Name", "Photo: ..."), captions with a credit glued on, bylines and time stamps.
Both readers use it: :mod:`communique.article.text` judges single lines and combines the
judgements with the layout (:func:`is_furniture`, :func:`is_list_intro`, ...);
:mod:`communique.article.html` judges trafilatura's paragraphs (:func:`is_furniture_paragraph`,
:func:`opens_furniture`). The phrases are one vocabulary (``data/furniture.json``); the shapes
are the regular expressions here. Nothing here names an outlet.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from communique.article.dateline import MONTH, is_known_agency, is_known_place
from communique.article.dates import stamp_date

DATA = Path(__file__).with_name("data")

# Longer lines are running text, not furniture phrases (cookie notices aside).
MAX_FURNITURE_CHARS = 300
MAX_CAPTION_CHARS = 400
# Counters after a furniture phrase: "Comments (12)".
_COUNTER = re.compile(r"\s*[(\[]?\d+[)\]]?$")
_FURNITURE_SHAPES = tuple(
    re.compile(p, re.I)
    for p in (
        r"^\d+\s*(?:min|mins|minute|minutes)\.?(?:\s+read)?$",  # 5 min read
        r"^list(?:\s+\d+)?\s+of\s+\d+(?:\s+items?)?$",  # list 1 of 4
        r"^\d+\s*(?:/|of)\s*\d+$",  # gallery counters: 3/12, 2 of 10
        r"^(?:share|shares|comments?|likes?|views?|reads?)\s*:?\s*\d+[km]?$",
        r"^\d+[km]?\s+(?:shares|comments?|likes?|views?|reads?)$",
        r"^[a-z]{1,6}(?:/[a-z]{0,6}){1,4}$",  # wire desk tags: ksk/ab, ab/sd/
        r"^[-–—]{1,3}\s*[A-Z][A-Za-z]{1,10}\s*[-–—]{0,3}$",  # sign-offs: --IANS
        r"^\S+@\S+\.[a-z]{2,}$",  # a bare e-mail address
        r"^(?:[A-Z]\.?){1,3}(?:\s*/\s*(?:[A-Z]\.?){1,3})+$",  # editors' initials: R.J / H.Z
        r"^(?:https?://|www\.)\S+$",  # a bare link
        r"^(?:[a-z0-9-]+\.)+(?:com|org|net|info|co\.uk|[a-z]{2})$",  # a site's name: example.com
        r"^(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago$",
        r"^[_=*~#-]{3,}$",  # rules: ___ or ***
        r"^write to .{2,60}\s(?:at\s+)?\S+@\S+\.[a-z]{2,}\.?$",  # Write to Jane Doe at jane@example.com
        r"^follow\s.{0,60}\b(?:on|at)\s+(?:twitter|facebook|instagram|telegram|linkedin|x|threads|bluesky)\b.{0,40}$",
        r"^(?:image|photo|picture|video)\s*\d*\s*(?:of|/)\s*\d+$",
        r"^page\s+\d+(?:\s+of\s+\d+)?$",
        r"^\(?(?:\d{1,2}:\d{2})(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\)?$",  # 10:34 GMT
    )
)
_LIST_OF_ITEMS = re.compile(r"^list of \d+ items?$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.I)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:consent|accept|privacy|policy|settings|preferences|browsing|partners|personali[sz]e)",
    re.I,
)
_BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s*(?:\||>|»|›|/|•)\s*[^.!?|>»›/•]{1,40}){1,6}$")

# Credits: "© Name/AGENCY", "Name/AGENCY", "REUTERS/Name", "AP Photo/Name", "Photo: ...".
_NAME = r"[A-ZÀ-Þ][\w'’.&-]*"
_SLASH_CREDIT = (
    rf"{_NAME}(?:\s+{_NAME}){{0,3}}\s*/\s*{_NAME}(?:[ /]+(?:via\s+)?{_NAME}){{0,4}}(?:,\s*File)?"
)
_PICTURE_AGENCIES = r"(?:Getty\s+Images|Shutterstock|Alamy|AP\s+Images|Sipa\s+USA|Pool|EPA-EFE|EPA)"
_VIA_CREDIT = rf"(?:[\w'’.&-]+\s+){{0,4}}(?:via\s+)?{_PICTURE_AGENCIES}"
_CREDIT_LABEL = (
    r"(?:file\s+)?(?:photo(?:graph)?s?|pictures?|images?|credits?|photo\s+credit|image\s+credit"
    r"|picture\s+credit|image\s+source|(?:image|photo|picture)\s+copyright|illustration|video)"
)
_CREDIT_LINE_RES = (
    re.compile(r"^(?:©|\(c\))\s*(?P<credit>.{2,80})$", re.I),
    re.compile(
        rf"^\(?{_CREDIT_LABEL}\s*(?::|,|by\b|/|-|–)\s*(?P<credit>[^.]{{2,80}}?)\)?\.?$", re.I
    ),
    re.compile(rf"^\(?\s*(?P<credit>{_SLASH_CREDIT})\s*\)?$"),
    re.compile(rf"^\(?\s*(?P<credit>{_VIA_CREDIT})\s*\)?$"),
)
_CAPTION_LABEL = re.compile(
    r"^(?:image|photo|media|video)\s+caption\s*[,:]\s*(?P<caption>.+)$", re.I
)
_PAREN_CREDIT = re.compile(
    rf"^(?P<caption>.{{8,}}?)\s*\((?P<credit>[^()]*?(?:\bphoto\b|\bpicture\b|{_PICTURE_AGENCIES}"
    rf"|\bvia\b|{_NAME}\s*/\s*{_NAME})[^()]*)\)\s*\.?$",
    re.I,
)
_GLUED_CREDITS = (
    # Caption sentence. REUTERS/Name  |  Caption. Sputnik/Name/Kremlin via REUTERS
    re.compile(rf"^(?P<caption>.{{8,}}?[.!?\"”])\s+(?P<credit>{_SLASH_CREDIT})$"),
    # Caption. Photo: Name  |  Caption Photo by Name
    re.compile(
        rf"^(?P<caption>.{{8,}}?)\s+[(\[]?{_CREDIT_LABEL}\s*(?::|by\b)\s*(?P<credit>[^.]{{2,60}}?)[)\]]?$",
        re.I,
    ),
    # Caption. AFP via Getty Images
    re.compile(rf"^(?P<caption>.{{8,}}?[.!?\"”])\s+(?P<credit>{_VIA_CREDIT})$"),
    # Caption with its credit's label glued on: "... sought treatmentCredit: EPA"
    re.compile(
        r"^(?P<caption>.{8,}?[a-z.!?”\"])(?:Credit|Photo|Picture|Image)s?:\s*(?P<credit>[^.]{2,60}?)$"
    ),
    # Caption without a stop, then First Last/AGENCY
    re.compile(
        rf"^(?P<caption>.{{8,}}?[^\s.!?,;:])\s+(?P<credit>{_NAME}\s+{_NAME}\s*/\s*{_NAME}(?:\s+{_NAME}){{0,3}})$"
    ),
)
_BYLINE = re.compile(
    r"^(?:by|written\s+by|story\s+by|words\s+by|author:?|authors?:)\s+"
    r"(?-i:(?=[A-ZÀ-Þ]))(?P<names>[^.!?]{2,120})\.?$",
    re.I,
)
_BYLINE_EMAIL = re.compile(r"\s*[(\[<]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[)\]>]?\s*$")
_NAME_JOINERS = frozenset({"and", "in", "of", "the", "de", "van", "von", "al", "staff", "writers"})
_TIMESTAMP_LABEL = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|created|released|issued|date|dated)"
    r"(?:\s+(?:on|at))?\s*:?\s*|on\s+)+",
    re.I,
)
# What separates the parts of a time stamp line: "Source: Xinhua | 2019-05-11 | Editor: ...",
# "Published Oct 07, 2022 • Last updated Oct 07, 2022 • 2 minute read".
_STAMP_SEPARATOR = re.compile(r"\s*[|•·]\s*")
# "... by Anna Berg" after a time stamp: a byline on the same line.
_TRAILING_BYLINE = re.compile(r"\s+by\s+(?:[A-ZÀ-Þ][\w'’.-]*)(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2}$")
# A clock time, a numeric date, or a day number beside a month's name.
_CLOCK_OR_DATE = re.compile(
    r"\b\d{1,2}[:.h]\d{2}\b|\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,}|\b[a-z]{3,}\.?\s+\d{1,2}\b|\b\d+\s*(?:h|hours?|min|minutes?)\s+ago\b",
    re.I,
)
_DATE_WORDS = re.compile(
    rf"\b(?:{MONTH}|mon(?:day)?|tue(?:s(?:day)?)?"
    r"|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\.m|p\.m"
    r"|gmt|utc|[a-z]{1,2}[sd]t|msk|ist|cet|cest|bst|jst|kst|hkt|sgt|ago|today|yesterday|hours?"
    r"|minutes?|at|on|updated|published|posted)\b|\d+(?::\d+)*|[,.:|/+\-–—()]",
    re.I,
)


@dataclass(frozen=True)
class Credit:
    """A caption (possibly empty) and the credit of its picture."""

    caption: str | None
    credit: str | None


@functools.cache
def furniture_data() -> dict:
    """The furniture vocabulary of ``data/furniture.json``: phrases in lower case, patterns
    compiled."""
    raw = json.loads((DATA / "furniture.json").read_text(encoding="utf-8"))
    return {
        "lines": frozenset(raw["lines"]),
        "prefixes": tuple(sorted(raw["prefixes"])),
        "contains": tuple(sorted(raw["contains"])),
        "list_intros": frozenset(raw["list_intros"]),
        "list_intro_patterns": _alternatives(raw["list_intro_patterns"]),
        "end_markers": frozenset(raw["end_markers"]),
        "end_marker_prefixes": tuple(sorted(raw["end_marker_prefixes"])),
        "end_marker_patterns": _alternatives(raw["end_marker_patterns"]),
        "line_suffixes": tuple(sorted(raw["line_suffixes"], key=lambda s: (-len(s), s))),
        "paragraph_patterns": _alternatives(raw["paragraph_patterns"]),
        "paragraph_phrases": tuple(
            (re.compile(entry["pattern"], re.I), int(entry["max_chars"]))
            for entry in raw["paragraph_phrases"]
        ),
        # One search for any of the phrases: most paragraphs have none, and one pass over
        # them is cheaper than a pass per phrase.
        "any_paragraph_phrase": _alternatives([e["pattern"] for e in raw["paragraph_phrases"]]),
        "max_phrase_chars": max((int(e["max_chars"]) for e in raw["paragraph_phrases"]), default=0),
    }


def _alternatives(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


def strip_link_labels(line: str) -> str:
    """A line without link labels glued to its end ("..., opens new tab")."""
    text = line.rstrip()
    lower = text.lower()
    changed = True
    while changed:
        changed = False
        for suffix in furniture_data()["line_suffixes"]:
            if lower.endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)].rstrip(" ,;|-")
                lower, changed = text.lower(), True
    return text


def normalize(line: str) -> str:
    """A line as furniture phrases are written: lower case, single spaces, no decoration."""
    text = " ".join(line.split()).lower()
    if text[-1:].isdecimal() or text.endswith((")", "]")):  # spares most lines the search
        text = _COUNTER.sub("", text)
    return _strip_decoration(text) or text


def _strip_decoration(text: str) -> str:
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


@functools.lru_cache(maxsize=4096)
def _phrase(line: str) -> tuple[str, str, int]:
    """(the line without decoration, the line keeping a trailing colon or parenthesis, words)."""
    plain = normalize(line)
    keep = " ".join(line.split()).lower().lstrip(" »›>•·-–—*|#")
    return plain, keep, len(plain.split())


@functools.cache
def _alnum_prefixes() -> tuple[str, ...]:
    return tuple(p for p in furniture_data()["prefixes"] if p[-1].isalnum())


def is_furniture(line: str) -> bool:
    """Whether a line is page furniture by its wording (navigation, sharing, sign-ups, ...)."""
    if len(line) > MAX_FURNITURE_CHARS:
        return is_cookie_notice(line) or is_copyright_footer(line)
    plain, keep, words = _phrase(line)
    data = furniture_data()
    if _listed(plain, keep, "lines"):
        return True
    if words <= 30 and (keep.startswith(data["prefixes"]) or plain.startswith(_alnum_prefixes())):
        return True
    if words <= 16 and any(shape.match(line.strip()) for shape in _FURNITURE_SHAPES):
        return True
    if words <= 12 and any(word in plain for word in data["contains"]):
        return True
    return is_cookie_notice(line) or is_copyright_footer(line)


def is_list_intro(line: str) -> bool:
    """Whether a line or heading introduces a list of other stories ("Read more", "Related:",
    "Most read in world news")."""
    if len(line) > MAX_FURNITURE_CHARS:
        return False
    plain, keep, _ = _phrase(line)
    if _listed(plain, keep, "list_intros"):
        return True
    patterns = furniture_data()["list_intro_patterns"]
    return bool(_LIST_OF_ITEMS.match(plain) or patterns.fullmatch(plain))


def is_end_marker(line: str) -> bool:
    """Whether everything after this line is furniture (comment forms, copyright, "(END)")."""
    if len(line) > MAX_FURNITURE_CHARS:
        return is_copyright_footer(line)
    plain, keep, _ = _phrase(line)
    if _listed(plain, keep, "end_markers"):
        return True
    data = furniture_data()
    return (
        keep.startswith(data["end_marker_prefixes"])
        or bool(data["end_marker_patterns"].fullmatch(plain))
        or is_copyright_footer(line)
    )


def _listed(plain: str, keep: str, name: str) -> bool:
    """Whether a line (without decoration, or keeping its colon) is in one of the lists."""
    phrases = furniture_data()[name]
    return plain in phrases or keep in phrases


def is_cookie_notice(line: str) -> bool:
    return len(line.split()) <= 120 and bool(_COOKIE.search(line) and _COOKIE_CONTEXT.search(line))


def is_copyright_footer(line: str) -> bool:
    """ "© 2019 TASS. All rights reserved." (a picture credit "© Name/AGENCY" is not one)."""
    text = line.strip()
    if len(text.split()) > 40:
        return False
    lower = text.lower()
    if "all rights reserved" in lower or "rights reserved" in lower:
        return True
    return bool(_COPYRIGHT.match(text) and re.search(r"\b(?:19|20)\d\d\b", text))


def is_breadcrumb(line: str) -> bool:
    """ "World | Europe", "Home > News > Politics": navigation trails."""
    if not _BREADCRUMB.match(line.strip()):
        return False
    segments = re.split(r"\s*(?:\||>|»|›|/|•)\s*", line.strip())
    return all(len(segment.split()) <= 3 for segment in segments)


def is_caption_label(line: str) -> bool:
    """ "Image caption," standing alone: the next line is the caption."""
    return normalize(line) in {"image caption", "media caption", "photo caption", "caption"}


def labelled_caption(line: str) -> str | None:
    """The caption of "Image caption, Delegates at the talks" (None for other lines)."""
    match = _CAPTION_LABEL.match(line.strip())
    return match["caption"].strip() if match and match["caption"].strip() else None


def credit_line(line: str) -> str | None:
    """The credit when the whole line is a picture credit ("© Vyacheslav Prokofyev/TASS")."""
    text = line.strip()
    if len(text.split()) > 12 or is_copyright_footer(text) or _initials_only(text):
        return None
    for pattern in _CREDIT_LINE_RES:
        match = pattern.match(text)
        if match is not None:
            return clean_credit(match["credit"])
    return None


def _initials_only(text: str) -> bool:
    """Editors' initials signing off a wire story ("R.J / H.Z", "ksk/ab") are not credits."""
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and all(len(word) <= 2 for word in words)


def glued_credit(line: str) -> Credit | None:
    """A caption with its credit at the end ("... Moscow. REUTERS/Name", "... (AP Photo/Name)")."""
    text = line.strip()
    if len(text) > MAX_CAPTION_CHARS:
        return None
    match = _PAREN_CREDIT.match(text)
    if match is None:
        for pattern in _GLUED_CREDITS:
            match = pattern.match(text)
            if match is not None:
                break
    if match is None:
        return None
    credit = clean_credit(match["credit"])
    caption = match["caption"].strip()
    if not credit or len(credit.split()) > 10 or len(caption.split()) < 2:
        return None
    return Credit(caption=caption, credit=credit)


def split_known_caption(line: str, caption: str) -> str | None:
    """The credit glued after ``caption`` in ``line`` ("Caption Name/AGENCY" -> "Name/AGENCY")."""
    text, caption = " ".join(line.split()), " ".join(caption.split())
    if len(text) <= len(caption) or not text.startswith(caption):
        return None
    rest = text[len(caption) :].strip()
    return credit_line(rest)


def clean_credit(credit: str) -> str:
    credit = credit.strip().strip("()[]").strip()
    credit = re.sub(r"^(?:©|\(c\))\s*", "", credit, flags=re.I)
    return credit.rstrip(".").strip()


def byline(line: str) -> bool:
    """Whether the line is a byline ("By Jane Doe", "By JANE DOE, Associated Press")."""
    text = line.strip()
    if "@" in text:  # "By Jo He-rim (herim@example.com)"
        text = _BYLINE_EMAIL.sub("", text)
    first = text.split("|")[0].strip()  # "By Jane Doe | Updated: ..."
    match = _BYLINE.match(first) if len(text.split()) <= 16 else None
    if match is None:
        return False
    words = [
        w for w in re.split(r"[\s,|]+", match["names"]) if w and w.lower() not in _NAME_JOINERS
    ]
    return sum(1 for w in words if w[:1].isupper()) * 2 >= len(words)


# A person's name as a byline writes it without "By": "Rachel Martin", "Tan Wei Ling",
# "Jean-Luc de la Fontaine", "Sam Jones in Madrid".
_NAME_WORD = r"(?:[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ]?[a-zß-ÿ'’]+)*|[A-Z]\.)"
_NAME_PARTICLE = r"(?:de|da|del|della|di|du|van|von|der|den|al|el|bin|ibn|la|le|dos|das)"
_PERSON = re.compile(
    rf"^(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_PARTICLE}\s+)*{_NAME_WORD}){{1,3}})"
    rf"(?:\s+in\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})?$"
)


@functools.cache
def _byline_words() -> dict[str, frozenset[str]]:
    raw = json.loads((DATA / "bylines.json").read_text(encoding="utf-8"))
    return {key: frozenset(raw[key]) for key in ("titles", "not_names")}


def person_name(line: str) -> bool:
    """Whether a line is only a person's name, as bylines without "By" write it ("Rachel
    Martin", "Sam Jones in Madrid"): two to four capitalised words, none of them a word that
    names no one ("News", "World", "Politics")."""
    text = line.strip()
    match = _PERSON.match(text)
    if match is None:
        return False
    words = {word.lower() for word in re.findall(r"[\w'’]+", text)}
    return not words & _byline_words()["not_names"]


_BIO = re.compile(
    rf"^(?:{_NAME_WORD}\s+){{1,3}}{_NAME_WORD}\s+is\s+(?:a|an|the|{_NAME_WORD}'s|{_NAME_WORD}’s)\s"
    r"(?P<role>.{1,100}?)(?:[.,;]|\s(?:for|at|with|based|who|and|in|covering)\s)"
)
MAX_BIO_CHARS = 400


def author_bio(text: str) -> bool:
    """Whether a paragraph introduces the writer ("Grace Wanjiru is the East Africa
    correspondent for the newspaper, based in Nairobi."): a name, "is", and a job title."""
    if len(text) > MAX_BIO_CHARS:
        return False
    match = _BIO.match(text.strip())
    if match is None:
        return False
    words = set(re.findall(r"[\w'’-]+", match["role"].lower()))
    return bool(words & _byline_words()["titles"])


MAX_JOB_TITLE_CHARS = 60


def job_title(line: str) -> bool:
    """Whether a line is a writer's job title ("Senior Correspondent", "Opinion Columnist",
    "AP Auto Writer"), which pages put under the writer's name."""
    if len(line) > MAX_JOB_TITLE_CHARS:
        return False
    words = re.findall(r"[\w'’-]+", line.lower())
    return 1 <= len(words) <= 5 and words[-1] in _byline_words()["titles"]


def name_beside_stamp(line: str) -> str | None:
    """The writer's name in a time stamp line ("Ahmet Yilmaz |16.09.2019"), if it has one."""
    segments = [part.strip() for part in _STAMP_SEPARATOR.split(line.strip()) if part.strip()]
    if len(segments) < 2:
        return None
    names = [part for part in segments if person_name(part) and not timestamp(part)[0]]
    return names[0] if len(names) == 1 and not is_known_place(names[0]) else None


def timestamp(line: str) -> tuple[bool, str | None]:
    """Whether the line is only a time stamp ("Published: January 29, 2019 10:34 GMT"), and
    the date it gives (YYYY-MM-DD) when it gives a complete one. Segments separated by "|"
    may carry short labels ("Source: Xinhua | 2019-05-11 20:13:45 | Editor: Zhang Long"), and
    so may segments separated by "•" ("Published Oct 07, 2022 • 2 minute read")."""
    text = line.strip()
    if not text or len(text.split()) > 24:
        return False, None
    segments = [part.strip() for part in _STAMP_SEPARATOR.split(text) if part.strip()]
    if len(segments) > 1:
        stamps = [_timestamp_segment(part) for part in segments]
        found = [date for ok, date in stamps if ok]
        others = [part for part, (ok, _) in zip(segments, stamps, strict=True) if not ok]
        if found and all(len(part.split()) <= 5 for part in others):
            return True, next((date for date in found if date), None)
        return False, None
    return _timestamp_segment(text)


def _timestamp_segment(text: str) -> tuple[bool, str | None]:
    if len(text.split()) > 14:
        return False, None
    labelled = bool(_TIMESTAMP_LABEL.match(text))
    body = _TRAILING_BYLINE.sub("", _TIMESTAMP_LABEL.sub("", text))
    leftover = _DATE_WORDS.sub(" ", body).split()
    if not _CLOCK_OR_DATE.search(body):
        return False, None
    date = stamp_date(body)
    if len(leftover) > (2 if labelled or date else 0):
        return False, None
    return True, date


# --- headlines of other stories ---------------------------------------------------------------

# What joins the headlines of a row of links on one line: "A • B • C", "A | B".
_HEADLINE_SEPARATOR = re.compile(r"\s+[•|·▪◦‣]\s+")
_WORD = re.compile(r"[^\W_]+")
_CUT_OFF = ("…", "...")
MAX_LISTED_HEADLINE_WORDS = 30
MAX_HEADLINE_CHARS = 300  # longer lines are never a headline (spares counting their words)
# A listed headline has this many words at least (a cut-off last one may have fewer).
MIN_LISTED_HEADLINE_WORDS = 3
# One headline of a run of lines (one per line) has this many words at least: fewer are
# names, labels or headings rather than another story's headline.
MIN_RUN_HEADLINE_WORDS = 4


def headline_shaped(text: str, min_words: int = MIN_LISTED_HEADLINE_WORDS) -> bool:
    """Whether a line reads as a headline: it starts with a letter or digit that is not lower
    case, has ``min_words`` to 30 words, and ends without a full stop, colon, semicolon or
    comma (a question, an exclamation or a cut-off "…" may end it)."""
    text = text.strip()
    if not text or not text[0].isalnum() or text[0].islower() or len(text) > MAX_HEADLINE_CHARS:
        return False
    end = text.rstrip("\"'”’»)]")
    if end.endswith((".", ":", ";", ",")) and not end.endswith(_CUT_OFF):
        return False
    words = sum(1 for token in text.split() if _WORD.search(token))
    return min_words <= words <= MAX_LISTED_HEADLINE_WORDS


def listed_headlines(line: str) -> list[str] | None:
    """The headlines of a line that lists other stories ("Troops kill rebels • Bank lends
    Kenya $2bn • ..."): two or more pieces between separators, each headline-shaped (the last
    may be cut off short: "Chinese bank's …"). None for any other line."""
    if "|" not in line and not any(ch in line for ch in "•·▪◦‣"):
        return None
    pieces = [piece.strip() for piece in _HEADLINE_SEPARATOR.split(line.strip())]
    if len(pieces) < 2 or not all(pieces):
        return None
    *complete, last = pieces
    if not all(headline_shaped(piece) for piece in complete):
        return None
    if not (headline_shaped(last) or (last.endswith(_CUT_OFF) and headline_shaped(last, 1))):
        return None
    if any(byline(piece) or timestamp(piece)[0] for piece in pieces):
        return None  # "By Jane Doe | Updated: ..."
    return pieces


def may_be_page_title(line: str) -> bool:
    """ "Headline | Site name": a page's title, which names its site after one bar."""
    return line.count("|") == 1 and not any(ch in line for ch in "•·▪◦‣")


def trailing_agency(line: str) -> str | None:
    """The agency a caption ends with: "... on Sept. 13, 2023. (Yonhap)" -> "Yonhap"."""
    match = re.search(r"\(([^()]{2,30})\)\s*$", line.strip())
    if match and is_known_agency(match.group(1)):
        return match.group(1)
    return None


# --- whole paragraphs (the HTML reader) ------------------------------------------------------


def is_furniture_paragraph(text: str) -> bool:
    """True for a paragraph of a page's main text that is furniture rather than the article:
    a furniture line, "Read more: ...", newsletter and share calls, copyright footers, time
    stamps, upper-case teasers of other stories, text without words."""
    text = text.strip()
    if not text:
        return True
    data = furniture_data()
    if normalize(text) in data["lines"]:
        return True
    return bool(
        data["paragraph_patterns"].match(text)
        or _has_paragraph_phrase(text, data)
        or is_timestamp(text)
        or is_teaser(text)
        or not any(ch.isalpha() for ch in text)
    )


def is_furniture_phrase(line: str) -> bool:
    """Whether a line is furniture by the paragraph patterns and phrases (credits, wire
    advisories, trust and syndication notes, widgets): the part of
    :func:`is_furniture_paragraph` that judges a plain-text line as well."""
    text = line.strip().lstrip("|•·>»›-–—* ").strip()  # "| Follow @name"
    data = furniture_data()
    return bool(data["paragraph_patterns"].match(text) or _has_paragraph_phrase(text, data))


def _has_paragraph_phrase(text: str, data: dict) -> bool:
    """A phrase of ``paragraph_phrases`` in a paragraph no longer than the phrase's limit."""
    if len(text) > data["max_phrase_chars"] or not data["any_paragraph_phrase"].search(text):
        return False
    return any(len(text) <= limit and p.search(text) for p, limit in data["paragraph_phrases"])


def opens_furniture(text: str) -> bool:
    """True for a heading or paragraph that opens a block of furniture ("You may also like",
    "Comments"): the short lines after it are furniture too."""
    return is_list_intro(text)


def is_timestamp(text: str) -> bool:
    """A publication-time line: "Updated: Tue., Nov. 19, 2019", "5:45 AM PST 11/19/2019"."""
    return timestamp(text)[0]


def is_teaser(text: str) -> bool:
    """An upper-case line that is no sentence: the headline of another story, a call to act."""
    if len(text) > 250 or text != text.upper():
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 12 or not all(ch.isupper() for ch in letters):  # scripts without case
        return False
    words = text.split()
    return 3 <= len(words) <= 25 and not text.rstrip("\"'”’").endswith((".", "?"))


# --- readers' comments -------------------------------------------------------------------------

# The name or handle of a commenter: a few words without a sentence's punctuation.
_COMMENTER = r"[^\s.!?:\"“”][^.!?:\"“”]{0,40}?"
# "Anonymous said..." (blogs): the ellipsis is the comment's own convention.
_COMMENT_SAID = re.compile(
    rf"^(?!by\s)(?P<name>{_COMMENTER})\s+(?:said|wrote)\s*(?:\.\.\.|…)$", re.I
)
# "Dmitri_K • 2 hours ago": a name, a dot or bar, and when the comment was posted.
_COMMENT_POSTED = re.compile(
    rf"^(?!by\s)(?P<name>{_COMMENTER})\s+[•·]\s+(?P<when>.{{1,40}})$", re.I
)
# "Marek says:", "Jukka wrote: May 12, 2022 at 10:02 AM": confirmed by a time stamp beside it.
_COMMENT_SAYS = re.compile(
    rf"^(?!by\s)(?P<name>{_COMMENTER})\s+(?:says|said|wrote|writes|commented|replied)\s*:\s*(?P<when>.{{0,60}})$",
    re.I,
)
MAX_COMMENTER_WORDS = 5


def comment_header(line: str) -> str | None:
    """Whether a line heads a reader's comment: "certain" when its shape says so on its own
    ("Anonymous said...", "Dmitri_K • 2 hours ago", "Marek says: May 12, 2022 at 10:02 am"),
    "stamped" when a time stamp must follow it ("Marek says:"), else None."""
    text = line.strip()
    if len(text) > 120:
        return None
    said = _COMMENT_SAID.match(text)
    if said and _commenter(said):
        return "certain"
    posted = _COMMENT_POSTED.match(text)
    if posted and _commenter(posted):
        return "certain" if _posted_when(posted["when"]) else None
    says = _COMMENT_SAYS.match(text)
    if says and _commenter(says):
        when = says["when"].strip()
        if not when:
            return "stamped"
        return "certain" if _posted_when(when) else None
    return None


def _commenter(match: re.Match) -> bool:
    return len(match["name"].split()) <= MAX_COMMENTER_WORDS


def _posted_when(text: str) -> bool:
    """ "2 hours ago", "May 12, 2022 at 10:02 AM", "7/14/2019 9:03 PM": when a comment was posted."""
    return timestamp(text)[0]


# --- captions without a credit ------------------------------------------------------------------


@functools.cache
def _caption_words() -> dict:
    raw = json.loads((DATA / "captions.json").read_text(encoding="utf-8"))
    verbs = set()
    for verb in raw["verbs"]:
        verbs.add(verb)
        verbs.add(_third_person(verb))
    markers = "|".join(re.escape(m) for m in sorted(raw["position_markers"], key=len, reverse=True))
    return {
        "verbs": frozenset(verbs),
        "participles": frozenset(raw["participles"]),
        "position": re.compile(
            rf"\((?:{markers})\)|,\s(?:{markers}),|\b(?:from left|from right|left to right)\b", re.I
        ),
    }


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# A caption's date at the end of its sentence: ", Tuesday, Feb. 7, 2023." / "on Sept. 27, 2022."
_CAPTION_DATE = re.compile(
    rf"(?:,|\s(?:on|in))\s+(?:{_WEEKDAY},?\s+)?"
    rf"(?:{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d|\d{{1,2}}\s+{MONTH}\.?,?\s+(?:19|20)\d\d)"
    r"\.?(?=\s+[A-Z(\[]|\s*$)"
)
# ", Tuesday." / "on Thursday." at the end of the caption's first sentence.
_CAPTION_WEEKDAY = re.compile(
    rf"(?:,|\son)\s+{_WEEKDAY}(?:\s+(?:night|morning|afternoon|evening))?\.?(?=\s+[A-Z(\[]|\s*$)"
)
_CAPTION_HINT = re.compile(rf"{_WEEKDAY}|{MONTH}|[(\[/:]|\b(?:left|right|cent(?:re|er))\b", re.I)
_WHERE = re.compile(r"\s(?:in|at|near|outside|inside|on the outskirts of)\s", re.I)
_REPORTED = re.compile(r"\b(?:said|says|told|according to|added|stated|announced)\b", re.I)
_TRAILING_CREDITS = re.compile(
    r"(?:\s*(?:\([^()]{1,80}\)|\[[^\[\]]{1,80}\]))+\s*$"  # (AP Photo/Name) [Name/EPA] (Pool photo)(Kyodo)
)
_NOT_BEFORE_VERB = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "of",
        "for",
        "to",
        "with",
        "by",
        "from",
        "into",
        "at",
        "in",
        "on",
        "as",
    ]
)
MAX_CAPTION_WORDS = 70
MAX_CAPTION_VERB_POSITION = 15


def picture_description(line: str) -> bool:
    """Whether a line is a photo caption by its wording alone: a present-tense description of
    the picture ("A man walks past ...", "Women mourn as ...", "A woman is comforted ...") that
    says where it was taken and ends with a full date, the picture's credit, or says who is on
    which side; a weekday alone ("... on Thursday.") needs a credit or a position too. Reported
    speech ("said") never is one."""
    text = line.strip()
    if not text[:1].isupper() or len(text) > MAX_CAPTION_CHARS or _REPORTED.search(text):
        return False
    if not 6 <= len(text.split()) <= MAX_CAPTION_WORDS or not _CAPTION_HINT.search(text):
        return False  # too short or long, or no date, credit or position to end it
    core = _TRAILING_CREDITS.sub("", text) if text.endswith((")", "]")) else text
    if not _WHERE.search(core) or not _present_verb(core):
        return False
    glued = glued_credit(core)
    credited = core != text or glued is not None
    if glued is not None and glued.caption:
        core = glued.caption
    positioned = bool(_caption_words()["position"].search(core))
    if _CAPTION_DATE.search(core):
        return True
    return (
        bool(_CAPTION_WEEKDAY.search(core))
        and (credited or positioned)
        or (credited and positioned)
    )


def described_picture(line: str) -> Credit:
    """A caption found by :func:`picture_description`, without the credits at its end."""
    text = line.strip()
    core = _TRAILING_CREDITS.sub("", text).strip()
    credits = re.findall(r"[(\[]([^()\[\]]{1,80})[)\]]", text[len(core) :])
    glued = glued_credit(core)
    if glued is not None:
        return Credit(caption=glued.caption, credit=glued.credit)
    credit = "; ".join(clean_credit(c) for c in credits) or None
    return Credit(caption=core, credit=credit)


def _present_verb(text: str) -> bool:
    """A present-tense verb among the first words, after a subject that starts the line (a
    verb's base form after "the", "to" or "of" is a noun or an infinitive)."""
    data = _caption_words()
    tokens = re.findall(r"[\w'’-]+", text)[:MAX_CAPTION_VERB_POSITION]
    for i in range(1, len(tokens)):
        lower, previous = tokens[i].lower(), tokens[i - 1].lower()
        if lower in data["verbs"] and tokens[i][:1].islower() and previous not in _NOT_BEFORE_VERB:
            return True
        if lower in ("is", "are") and i + 1 < len(tokens):
            following = tokens[i + 1].lower()
            if following == "being" and i + 2 < len(tokens):
                following = tokens[i + 2].lower()
            if following.endswith(("ed", "en", "ing")) or following in data["participles"]:
                return True
    return False
