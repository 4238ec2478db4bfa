"""The detection grammar of time expressions: every rule in one place.

A rule is a regular expression written as a template over the vocabularies in ``data/``
(``{MONTH:m}`` is the alternation of month names, captured as group ``m``). Rules are
compiled once; :func:`scan` runs them all over a text and keeps the longest non-overlapping
matches (ties go to the rule listed first). Each rule names its normaliser in
:mod:`communique.times.normalize` and the TIMEX3 type it produces by default.

To stay linear in the text, a rule is tried only at a word that can begin it (its
``starts``) and only within ANCHOR_REACH characters before an anchor word, a word that every
time expression contains (a month, a weekday, a unit, a number...).

Span conventions follow the TimeML guidelines: determiners and modifiers belong to the
expression ("the summer of this year", "more than 70 years", "the mid-20th century"),
governing prepositions do not ("in June" -> "June").
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from communique import words

TEMPLATE_SLOT = re.compile(r"\{([A-Z_]+)(?::(\w+))?\}")


@dataclass(frozen=True)
class Rule:
    """One pattern of the grammar; ``name`` is also the normaliser's key."""

    name: str
    type: str
    pattern: str
    starts: str = ""  # what its first word can be: slot names, words, "#" (a number)


@dataclass(frozen=True)
class Candidate:
    """A match of a rule over the text, before normalisation."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]

    def group(self, name: str) -> str:
        """The text of a group the rule's pattern always fills."""
        value = self.groups[name]
        if value is None:
            raise ValueError(f"rule {self.rule.name}: the group {name!r} matched nothing")
        return value


@functools.cache
def vocabulary(name: str) -> dict:
    """A vocabulary file of ``times/data/`` (JSON), loaded once; the months are the shared
    table of :mod:`communique.words`."""
    if name == "months":
        return words.months()
    text = resources.files("communique.times").joinpath("data", f"{name}.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def _alternation(words, *, case_sensitive: bool = False, abbreviations: bool = False) -> str:
    """A regex alternation of words, longest first; spaces match any run of whitespace.

    With ``abbreviations``, ``words`` maps names to values, and a name shorter than another
    of the same value is an abbreviation that may end with a period ("Jan.", "Sept.").
    """
    longest: dict = {}
    if abbreviations:
        for word, value in words.items():
            longest[value] = max(longest.get(value, 0), len(word))
    variants = set()
    for word in words:
        forms = {word, word.upper()} if case_sensitive else {word}
        for form in forms:
            body = re.escape(form).replace(r"\ ", r"\s+")
            if abbreviations and len(word) < longest[words[word]]:
                body += r"\.?"
            variants.add(body)
    ordered = sorted(variants, key=lambda v: (-len(v), v))
    body = "|".join(ordered)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


@functools.cache
def slots() -> dict[str, str]:
    """The regex of each template slot, built from the vocabularies."""
    numbers = vocabulary("numbers")
    tens = [w for w, v in numbers["cardinals"].items() if v in range(20, 100, 10)]
    units_ = [
        w for w, v in numbers["cardinals"].items() if v in range(1, 10) and w not in ("a", "an")
    ]
    compound = rf"(?:{_alternation(tens)})[-\s](?:{_alternation(units_)})"
    cardinal_words = _alternation(numbers["cardinals"])
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+1/2|½)?"
    seasons = vocabulary("seasons")
    modifiers = vocabulary("modifiers")
    ordinal_words = _alternation(k for k in numbers["ordinals"] if k != "last")
    return {
        "MONTH": _alternation(vocabulary("months"), case_sensitive=True, abbreviations=True)
        + r"(?![a-z])",
        "WEEKDAY": _alternation(vocabulary("weekdays"), case_sensitive=True, abbreviations=True)
        + r"(?![a-z])",
        "WEEKDAYS": _alternation(
            {f"{w}s": n for w, n in vocabulary("weekdays").items() if len(w) > 3},
            case_sensitive=True,
        )
        + r"(?![a-z])",
        "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)",
        # a year; after a hyphen only as the end of a range of years ("2009-2012")
        "YEAR": r"(?<![\d$£€.,:/])(?:(?<!\d-)|(?<=(?:1[0-9]|20)\d\d-))(?:1[0-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|:\d)",
        "NUM": rf"(?:{compound}|{digits}|{cardinal_words})",
        "VAGUE": _alternation(numbers["vague"]),
        "ORD": rf"(?:{ordinal_words}|\d{{1,2}}(?:st|nd|rd|th))",
        "UNIT": _alternation(vocabulary("units")),
        "SEASON": _alternation(seasons["seasons"]),
        "PART": _alternation(seasons["parts_of_day"]),
        "QMOD": _alternation(k for k in modifiers["quantity"]),
        "PREMOD": _alternation(k for k in modifiers["point"] if k.endswith(" of")),
        "ADJMOD": r"(?:early|late|mid|middle|earlier|later)",
        "DECADE_WORD": _alternation(numbers["decades"]),
        "REF": _alternation(vocabulary("references")),
        "HOLIDAY": _alternation(vocabulary("holidays"), case_sensitive=True),
        "ZONE": rf"(?:{_alternation(vocabulary('zones')['abbreviations'], case_sensitive=True)}"
        r"(?:[+-]\d{1,2}(?::?\d\d)?)?(?![\w])"
        rf"|{_alternation(vocabulary('zones')['places'])}\s+time\b)",
    }


def expand(template: str) -> str:
    """A rule template with its slots replaced by their regexes (named groups where asked)."""
    table = slots()

    def fill(match: re.Match) -> str:
        slot, group = match.group(1), match.group(2)
        body = table[slot]
        return f"(?P<{group}>{body})" if group else f"(?:{body})"

    return TEMPLATE_SLOT.sub(fill, template)


# Reused fragments of the templates.
_REL = r"(?P<rel>last|next|this|past|coming|previous|current|following|upcoming)"
_DET = r"(?:(?P<det>the|this|that|last|next|past|coming|previous|this\s+past)\s+)"
_MOD = r"(?:(?P<pre>{PREMOD})\s+)?(?:(?P<adj>{ADJMOD})(?:-|\s+))?"
_TZ = r"(?:\s*\(?(?P<zone>{ZONE})\)?)?"
_CLOCK = r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap](?:\.\s?m\.|\s?m\b))"
# the day a clock time is on, when it follows ("15:00 GMT Saturday", "8 p.m. on Nov. 6")
_CLOCK_DAY = (
    r"(?:,?\s+(?:(?P<day>today|yesterday|tomorrow|tonight)|{WEEKDAY:wd}"
    r"(?:,?\s+{MONTH:m2}\s+{DAY:d2})?|{MONTH:m}\s+{DAY:d}))?"
)
_WEEKDAY_OF = r"(?:(?P<wd>{WEEKDAY}),?\s+)?"  # "Friday, Oct. 13", "Monday 18 March"
_YEAR_REF = r"(?:(?:of\s+)?{YEAR:y}|(?:of\s+)?(?P<yrel>this|last|next|the\s+same|that)\s+year)"

# Rules are alike in shape by design: Rule(name, type, pattern, starts=...), in match order.
RULES: tuple[Rule, ...] = (
    # --- absolute and partial calendar dates -------------------------------------------
    Rule(
        "iso_date",
        "DATE",
        r"\b{YEAR:y}-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b",
        starts="#",
    ),
    Rule(
        "numeric_date",
        "DATE",
        r"(?<![\d/.])(?P<mo>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>\d{4}|\d{2})(?![\d/])",
        starts="#",
    ),
    Rule(
        "month_day",
        "DATE",
        _MOD + _WEEKDAY_OF + r"{MONTH:m}\s+{DAY:d}(?:,?\s+" + _YEAR_REF + r")?",
        starts="PREMOD ADJMOD WEEKDAY MONTH",
    ),
    Rule(
        "day_month",
        "DATE",
        _WEEKDAY_OF + r"(?:the\s+)?{DAY:d}\s+(?:of\s+)?{MONTH:m}(?:,?\s+" + _YEAR_REF + r")?",
        starts="WEEKDAY the #",
    ),
    Rule("month_year", "DATE", _MOD + r"{MONTH:m},?\s+" + _YEAR_REF, starts="PREMOD ADJMOD MONTH"),
    Rule("month_relative", "DATE", _MOD + _REL + r"\s+{MONTH:m}", starts="PREMOD ADJMOD REL"),
    Rule("month", "DATE", _MOD + r"{MONTH:m}", starts="PREMOD ADJMOD MONTH"),
    Rule(
        "season",
        "DATE",
        _MOD + r"(?:(?P<det>the|this|that|last|next|past|coming|previous|this\s+past)\s+)?"
        r"(?:(?P<adj2>early|late|mid|middle)[-\s]+)?{SEASON:s}"
        r"(?:\s+(?:of\s+)?(?:{YEAR:y}|(?P<yrel>this|last|next)\s+year))?",
        starts="PREMOD ADJMOD REL the that SEASON",
    ),
    Rule(
        "year",
        "DATE",
        _MOD
        + r"(?:(?P<fiscal>fiscal(?:\s+year)?|financial\s+year|calendar(?:\s+year)?|the\s+year)\s+"
        r"|(?P<fy>FY)\s?-?|(?P<the>the)\s+(?=\d{4}\s+(?:fiscal|financial|budget|calendar)\s+year))?"
        r"(?:{YEAR:y}|(?<=FY)(?P<yy>\d\d))(?![\w]|-(?!(?:1[0-9]|20)\d\d(?!\d)))(?(the)\s+(?:fiscal|financial|budget|calendar)\s+year)",
        starts="PREMOD ADJMOD fiscal financial calendar the fy #",
    ),
    Rule(
        "spelled_year",
        "DATE",
        r"(?:the\s+year\s+)?(?:(?P<c>nineteen|eighteen|twenty)[-\s]+(?P<yy>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|"
        r"sixteen|seventeen|eighteen|nineteen|hundred|oh[-\s](?:one|two|three|four|five|six|seven|eight|nine))"
        r"|(?<=\byear\s)two\s+thousand(?:\s+and\s+(?P<yy2>one|two|three|four|five|six|seven|eight|nine|ten))?)(?![-\w])",
        starts="the nineteen eighteen twenty two",
    ),
    Rule(
        "short_year",
        "DATE",
        r"\b(?:in|since|of|by|until|from|late|mid|early)\s+(?P<t>'(?P<yy>\d\d))(?![\w'])",
        starts="in since of by until from late mid early",
    ),
    Rule(
        "decade",
        "DATE",
        r"(?:(?P<pre>{PREMOD})\s+)?(?:the\s+)?(?:(?P<adj>early|late|mid|middle)(?:-|\s+))?"
        r"(?:(?P<c>1[0-9]|20)(?P<dd>\d)0'?s|'(?P<dd2>\d)0'?s|{DECADE_WORD:dw})(?![-\w])",
        starts="PREMOD the ADJMOD # ' DECADE_WORD",
    ),
    Rule(
        "century",
        "DATE",
        r"(?:(?P<pre>{PREMOD})\s+)?(?:the\s+)?(?:(?P<adj>early|late|mid|middle)(?:-|\s+))?"
        r"(?P<o>{ORD})[-\s]+century(?!-old)",
        starts="PREMOD the ADJMOD ORD",
    ),
    Rule(
        "quarter",
        "DATE",
        r"(?:(?P<det>the|this\s+year's|last\s+year's|next\s+year's)\s+(?![\w-]*\w-quarter))?"
        r"(?:(?P<rel>latest|last|past|previous|current|this|next|coming|same|recent|most\s+recent|"
        r"year[-\s]earlier|year[-\s]ago|comparable|corresponding|flat)\s+)?"
        r"(?:(?P<fy>{YEAR})\s+)?(?:(?:fiscal|calendar)[-\s]+)?(?:(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+)?"
        r"(?:(?:fiscal|calendar)[-\s]+)?quarter(?!s)(?:\s+of\s+(?:fiscal\s+)?(?:{YEAR:y}|(?P<yrel>this|last|next)\s+year))?",
        starts="the this last next REL latest same recent most year comparable corresponding flat # fiscal calendar ORD quarter",
    ),
    Rule(
        "half_year",
        "DATE",
        r"(?:the\s+)?(?P<o>first|second|last)[-\s]+half(?:\s+of\s+(?:{YEAR:y}|(?P<yrel>this|last|next)\s+year|the\s+year)"
        r"|(?!\s+of\b)(?![-\w]))",
        starts="the first second last",
    ),
    Rule(
        "part_of_date",
        "DATE",
        r"the\s+(?P<part>week|weekend)\s+of\s+(?:(?P<wd>{WEEKDAY}),?\s+)?"
        r"(?:{MONTH:m}\s+{DAY:d}|{DAY:d2}\s+{MONTH:m2})(?:,?\s+{YEAR:y})?",
        starts="the",
    ),
    # --- dates relative to the article --------------------------------------------------
    Rule(
        "day_relative",
        "DATE",
        r"(?:(?P<adj>earlier|later|late|early)\s+)?(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
        r"today|yesterday|tomorrow)"
        r"(?:\s+(?P<part>{PART}))?",
        starts="ADJMOD the today yesterday tomorrow",
    ),
    Rule("tonight", "TIME", r"\b(?P<word>tonight|overnight)\b", starts="tonight overnight"),
    Rule(
        "part_of_day",
        "TIME",
        r"(?:(?P<adj>earlier|later|late|early|mid)[-\s]+)?(?:(?P<rel>this|last|tomorrow|yesterday|that)\s+)?(?P<part>morning|afternoon|evening|night)(?!s)\b"
        r"(?:\s+(?P<day>today|yesterday|tomorrow))?",
        starts="ADJMOD this last tomorrow yesterday that the",
    ),
    Rule(
        "weekday",
        "DATE",
        r"(?:(?P<adj>earlier|later|late|early)\s+)?(?:" + _REL + r"\s+)?{WEEKDAY:wd}(?!s\b)"
        r"(?:\s+(?P<part>morning|afternoon|evening|night))?",
        starts="ADJMOD REL WEEKDAY",
    ),
    Rule(
        "weekdays_set",
        "SET",
        r"(?:(?P<q>every|each)\s+)?(?:{WEEKDAYS:wds}(?:\s+(?P<part>morning|afternoon|evening|night)s?)?"
        r"|{WEEKDAY:wd2}\s+(?P<part2>morning|afternoon|evening|night)s\b)",
        starts="every each WEEKDAY",
    ),
    Rule(
        "weekend_set",
        "SET",
        r"(?:(?<=\bon\s)weekends|every\s+weekend)\b",
        starts="every weekends",
    ),
    Rule(
        "every_weekday_part",
        "SET",
        r"(?P<q>every|each)\s+{WEEKDAY:wd}\s+(?P<part>morning|afternoon|evening|night)\b",
        starts="every each on WEEKDAY",
    ),
    Rule(
        "anaphoric",
        "DATE",
        r"(?:(?P<pre>{PREMOD})\s+)?(?:the\s+(?P<rel>following|previous|preceding|prior|same|next)|that(?:\s+same)?)\s+"
        r"(?P<u>day|week|weekend|month|year|morning|afternoon|evening|night)(?!s)(?![-\w])",
        starts="PREMOD the that",
    ),
    Rule(
        "the_period",
        "DATE",
        r"(?:(?<=\bin\s)|(?<=\bfor\s)|(?<=\bthroughout\s)|(?=the\s+\w+['’]s\s))the\s+(?P<u>day|week|month)(?![-\w])"
        r"(?!\s+(?:of|before|after|ahead)\b)",
        starts="the",
    ),
    Rule(
        "unit_relative",
        "DATE",
        r"(?:(?P<pre>{PREMOD})\s+|(?P<adj>early|late|earlier|later|mid)[-\s]+)?(?:(?P<the>the)\s+)?"
        r"(?P<rel>last|next|this|past|coming|previous|current|following|same|this\s+past|in\s+the)\s+"
        r"(?:(?P<fiscal>fiscal|financial|budget|calendar|school|academic)[-\s]+(?=year))?"
        r"(?P<u>year|month|weekend|week|decade|century|fortnight)(?![\w-])",
        starts="PREMOD ADJMOD the REL same in",
    ),
    Rule(
        "the_unit",
        "DATE",
        r"(?:(?P<pre>{PREMOD})\s+the\s+(?P<u2>month|week|year|decade|century)|(?P<the>the|that)\s+(?P<u>weekend|year))(?!s)(?![-\w])",
        starts="PREMOD the that",
    ),
    Rule(
        "ago",
        "DATE",
        r"(?:(?P<qm>{QMOD})\s+)?(?:(?P<n>{NUM})|(?P<v>{VAGUE}))\s+{UNIT:u}\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|later|hence|from\s+now)(?![\w-])",
        starts="QMOD NUM VAGUE",
    ),
    Rule(
        "bare_ago",
        "DATE",
        r"(?P<u>years|months|weeks|days|decades)\s+(?P<dir>ago)\b",
        starts="years months weeks days decades",
    ),
    Rule(
        "bare_later",
        "DURATION",
        r"(?P<t>(?P<u>years|months|weeks|days|decades))\s+(?:earlier|later|after|before)\b",
        starts="years months weeks days decades",
    ),
    Rule(
        "year_earlier",
        "DATE",
        r"(?:the\s+)?(?:comparable\s+)?year[-\s](?:earlier|ago)(?:\s+(?:(?:{ORD}|fiscal)[-\s]+)?(?P<noun>quarter|period|month|week))?",
        starts="the comparable year",
    ),
    Rule(
        "holiday",
        "DATE",
        r"(?:(?P<rel>last|next|this|past|coming|previous)\s+)?{HOLIDAY:h}(?:\s+(?:of\s+)?(?:{YEAR:y}|(?P<yrel>this|last|next)\s+year))?(?![\w'])",
        starts="REL HOLIDAY",
    ),
    Rule(
        "period",
        "DATE",
        r"(?:the\s+)?(?P<rel>latest|year[-\s]earlier|year[-\s]ago|comparable|corresponding|same)\s+period(?!s)",
        starts="the latest year comparable corresponding same",
    ),
    Rule(
        "whole_year",
        "DATE",
        r"the\s+(?P<rel>full|current\s+fiscal|current|fiscal|latest\s+fiscal|calendar|previous\s+fiscal)\s+year(?!s)(?![-\w])",
        starts="the",
    ),
    Rule(
        "year_end",
        "DATE",
        r"(?:(?P<qm>around|about)\s+)?(?P<yrel>last\s+)?year(?:[-\s]end|'s\s+end)(?!s)\b",
        starts="around about last year",
    ),
    # --- decades, centuries and vague references -----------------------------------------
    Rule(
        "the_time",
        "DATE",
        r"(?:(?<=\bat\s)(?:the|that)|(?:(?<=\bby\s)|(?<=\bsince\s)|(?<=\buntil\s))that)\s+time(?![-\w])"
        r"(?!\s+(?:being|of\s+writing)\b)",
        starts="the that",
    ),
    Rule("reference", "DATE", r"(?<![\w-]){REF:r}(?![\w-])", starts="REF"),
    Rule(
        "recent_units",
        "DATE",
        r"(?:(?P<the>the)\s+)?(?P<rel>recent|coming|future|past|last\s+few|past\s+few|next\s+few|past\s+several|few)\s+(?P<u>years|months|weeks|days|decades|quarters)\b",
        starts="the recent coming future past last next few",
    ),
    # --- times of day --------------------------------------------------------------------
    Rule(
        "clock",
        "TIME",
        r"(?:(?P<qm>about|around|approximately|shortly\s+after|shortly\s+before|just\s+after|just\s+before)\s+)?"
        + _CLOCK
        + _TZ
        + _CLOCK_DAY,
        starts="about around approximately at shortly just #",
    ),
    Rule(
        "clock24",
        "TIME",
        r"(?<![\d:.,$])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])" + _TZ + _CLOCK_DAY,
        starts="#",
    ),
    Rule(
        "military",
        "TIME",
        r"(?<![\d:.,$])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:(?:hours|hrs|h)\b(?:\s*{ZONE})?|{ZONE})"
        + _CLOCK_DAY,
        starts="#",
    ),
    Rule(
        "noon",
        "TIME",
        r"(?P<word>noon|midnight|midday)(?:\s+(?:(?P<day>today|yesterday|tomorrow)|{WEEKDAY:wd}))?",
        starts="noon midnight midday",
    ),
    Rule(
        "weekday_clock", "TIME", r"{WEEKDAY:wd}(?:\s+(?:at|around))?\s+" + _CLOCK, starts="WEEKDAY"
    ),
    Rule(
        "oclock",
        "TIME",
        r"(?P<n>{NUM})\s+o'clock(?:\s+in\s+the\s+(?P<part>morning|afternoon|evening))?",
        starts="NUM",
    ),
    # --- durations and sets ---------------------------------------------------------------
    Rule(
        "duration",
        "DURATION",
        r"(?:(?P<qm>{QMOD})\s+(?!the\s))?(?:(?P<det>the\s+(?:past|last|next|first|final|coming|previous|following|latest|initial|remaining|entire|whole|full)|"
        r"the|past|last|next|first|final|coming|previous|another)\s+(?![\w.]+-{UNIT}\b))?"
        r"(?:(?P<n>{NUM})(?:\s+and\s+(?P<half>a\s+half))?|(?P<v>{VAGUE}))[-\s]+(?:(?:more|additional|further|extra)\s+)?(?:(?:trading|business|working|calendar|school|consecutive|straight)\s+)?{UNIT:u}(?P<adjform>-(?:old|long))?(?:\s+and\s+a\s+half)?",
        starts="QMOD the REL first final another NUM VAGUE",
    ),
    Rule(
        "half_unit",
        "DURATION",
        r"(?:(?P<qm>{QMOD})\s+)?half\s+(?:an?\s+)?(?P<u>hour|day|year|month|century|decade)",
        starts="QMOD half",
    ),
    Rule(
        "bare_units",
        "DURATION",
        r"\b(?:for|within|over|in|after)\s+(?P<t>(?P<u>years|months|weeks|days|hours|minutes|decades))(?!\s+(?:ago|of\s+the|earlier|later))\b",
        starts="for within over in after",
    ),
    Rule(
        "the_past_unit",
        "DURATION",
        r"(?!(?:over|under)\s+the\s)(?:(?P<qm>{QMOD})\s+)?(?:the\s+)?(?P<rel>past|last|next|coming|previous|first|final)\s+"
        r"(?P<u>decade|century|fortnight|hour|day|minute)(?!s)\b",
        starts="QMOD the REL first final",
    ),
    Rule(
        "long_adjective",
        "DURATION",
        r"(?P<u>hour|day|week|month|year|decade|century)(?P<plural>s)?-long\b",
        starts="hour day week month year decade century hours days weeks months years decades centuries",
    ),
    Rule(
        "around_event",
        "DATE",
        r"(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bover\s))the\s+(?P<u>days|weeks|months|years)"
        r"(?=\s+(?:before|after|since|leading\s+up|that\s+followed|following|preceding)\b)",
        starts="the",
    ),
    Rule(
        "every",
        "SET",
        r"(?P<q>every|each|per)\s+(?:(?P<n>other|{NUM})\s+)?(?:{PART:p}|{UNIT:u}|{MONTH:m}|{SEASON:s}|{WEEKDAY:wd})(?![\w-])",
        starts="every each per",
    ),
    Rule(
        "adverb_set",
        "SET",
        r"\b(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|biannually|semiannually)\b",
        starts="daily weekly monthly annually yearly hourly nightly biweekly biannually semiannually",
    ),
    Rule(
        "times_a",
        "SET",
        r"\b(?:times|twice|once|thrice)\s+(?P<t>(?:a|an|per|each)\s+(?P<u>year|month|week|day|hour|decade))\b",
        starts="times twice once thrice",
    ),
)


REL_WORDS = "last next this past coming previous current following upcoming"
WORD = re.compile(r"\d+|[^\W\d]+|'(?=\d)")  # digits apart from letters: "FY2012", "mid-1990s"


def _first_words(item: str) -> set[str]:
    """The lowercased first words that a ``starts`` item stands for."""
    if item == "REL":
        return set(REL_WORDS.split())
    if not item.isupper() or item == "#":
        return {item}
    if item == "ADJMOD":
        return {"early", "late", "mid", "middle", "earlier", "later"}
    if item in ("DAY", "YEAR"):
        return {"#"}
    words = {
        m.group() for key in _slot_words(item) if (m := WORD.match(key.lower()))
    }  # as scan splits
    if item == "WEEKDAY":
        words |= {w + "s" for w in words}
    if item in ("NUM", "ORD"):
        words.add("#")
    return words


def _slot_words(item: str):
    """The vocabulary behind a slot name."""
    numbers = vocabulary("numbers")
    sources = {
        "MONTH": vocabulary("months"),
        "WEEKDAY": vocabulary("weekdays"),
        "NUM": numbers["cardinals"],
        "VAGUE": numbers["vague"],
        "ORD": numbers["ordinals"],
        "UNIT": vocabulary("units"),
        "SEASON": vocabulary("seasons")["seasons"],
        "PART": vocabulary("seasons")["parts_of_day"],
        "QMOD": vocabulary("modifiers")["quantity"],
        "PREMOD": [k for k in vocabulary("modifiers")["point"] if k.endswith(" of")],
        "DECADE_WORD": numbers["decades"],
        "REF": vocabulary("references"),
        "HOLIDAY": vocabulary("holidays"),
    }
    return sources[item]


# Slots and words of which every time expression contains at least one.
ANCHORS = (
    "MONTH WEEKDAY UNIT SEASON PART REF HOLIDAY DECADE_WORD # ' today yesterday tomorrow tonight overnight "
    "noon midnight midday o quarter century half nineteen eighteen thousand daily weekly monthly annually yearly hourly "
    "nightly quarterly biweekly biannually semiannually"
)
ANCHOR_REACH = 80  # characters before an anchor where an expression may begin


def _last_words(item: str) -> set[str]:
    """The lowercased last words of an anchor item: the distinctive word of a phrase."""
    if not item.isupper():
        return {item}
    words = {re.split(r"[\s-]", key.lower())[-1] for key in _slot_words(item)}
    if item in ("WEEKDAY", "UNIT"):
        words |= {w + "s" for w in words if len(w) > 3}
    return words


@functools.cache
def compiled() -> tuple[
    tuple[tuple[Rule, re.Pattern], ...], dict[str, tuple[int, ...]], frozenset[str]
]:
    """The compiled rules, which rules can start at which word, and the anchor words."""
    rules = []
    by_word: dict[str, list[int]] = {}
    for index, rule in enumerate(RULES):
        pattern = expand(rule.pattern)
        if not rule.pattern.startswith(("(?<", r"\b")):
            pattern = r"\b" + pattern
        rules.append((rule, re.compile(pattern, re.IGNORECASE)))
        for item in rule.starts.split():
            for word in _first_words(item):
                by_word.setdefault(word, []).append(index)
    anchors = {w for item in ANCHORS.split() for w in _last_words(item)} - {"#", "'"}
    return tuple(rules), {w: tuple(sorted(set(i))) for w, i in by_word.items()}, frozenset(anchors)


def _windows(text: str, anchors: frozenset[str]) -> list[tuple[int, int]]:
    """Stretches of text that end with an anchor word and reach back ANCHOR_REACH characters
    (to the start of a word), merged; every time expression lies inside one of them."""
    windows: list[list[int]] = []
    for word in WORD.finditer(text):
        token = word.group()
        if not (token[0].isdigit() or token[0] == "'" or token.lower() in anchors):
            continue
        start = max(0, word.start() - ANCHOR_REACH)
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        if windows and start <= windows[-1][1]:
            windows[-1][1] = word.end()
        else:
            windows.append([start, word.end()])
    return [(start, end) for start, end in windows]


def scan(text: str, accept: Callable[[Candidate], bool] | None = None) -> list[Candidate]:
    """All rule matches, longest first, without overlaps, in text order.

    Rules are tried only where a word that can begin them starts, which keeps the scan
    linear in the text. ``accept`` may reject a match (it is then as if it had not
    matched, and a shorter match of another rule can take its place).
    """
    rules, by_word, anchors = compiled()
    found: list[tuple[int, int, int, Candidate]] = []
    for window_start, window_end in _windows(text, anchors):
        for word in WORD.finditer(text, window_start, window_end):
            token = word.group()
            key = "#" if token[0].isdigit() else token.lower()
            for order in by_word.get(key, ()):
                rule, regex = rules[order]
                match = regex.match(text, word.start())
                if match is None:
                    continue
                # a group named "t" marks the expression inside a match that includes context
                start, end = match.span("t") if "t" in regex.groupindex else match.span()
                while end > start and text[end - 1] in " \t\n,":
                    end -= 1
                if end > start:
                    found.append(
                        (
                            -(end - start),
                            order,
                            start,
                            Candidate(start, end, rule, match.groupdict()),
                        )
                    )
    found.sort(key=lambda item: (item[0], item[1], item[2]))
    taken: list[Candidate] = []
    occupied = bytearray(len(text) + 1)
    for _, _, _, candidate in found:
        if any(occupied[candidate.start : candidate.end]):
            continue
        if accept is not None and not accept(candidate):
            continue
        occupied[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
        taken.append(candidate)
    taken.sort(key=lambda c: c.start)
    return taken
