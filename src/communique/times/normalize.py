"""TIMEX3 values for the matches of the grammar, resolved against the article's date.

Each rule of :mod:`communique.times.grammar` has a normaliser here (registry
``NORMALIZERS``, keyed by rule name) and optionally a validator (``VALIDATORS``) that
rejects matches that are not times ("Theresa May"). A normaliser gets the match's groups
and a :class:`Context` and returns a :class:`Normal` (value, type, mod) or None.

Partial and relative expressions need the article's date (``Context.anchor``); without it
they keep X placeholders (``XXXX-11-14``) or no value. Where the year of an expression is
ambiguous the direction comes from the tense of the governing verb (``Context.direction``,
computed lazily): -1 takes the previous occurrence, +1 the next, 0 the nearest.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from communique.times.grammar import Candidate, expand, vocabulary

QUARTER_REACH = 300  # characters
SEASON_ORDER = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}
PAST_WORDS = frozenset({"last", "past", "previous", "this past", "latest", "recent", "most recent"})
NEXT_WORDS = frozenset({"next", "coming", "following", "upcoming"})


@functools.cache
def cues() -> dict[str, frozenset[str]]:
    """The context word lists of ``data/cues.json``, as sets."""
    return {name: frozenset(words) for name, words in vocabulary("cues").items()}


@functools.cache
def _cue_regex(name: str, suffix: str = r"\s*$") -> re.Pattern:
    """A regex for one of the words of a cue list as the last word before a match."""
    words = "|".join(re.escape(w) for w in sorted(cues()[name], key=lambda w: (-len(w), w)))
    return re.compile(rf"(?:(?<![\w.#])(?:{words})|\bmid-){suffix}", re.IGNORECASE)


CALENDAR_VALUE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?=$|T)")
DECADE_VALUE = re.compile(r"(\d{3})$")


@dataclass
class DocState:
    """What the normalisers remember across one document: financial quarters, and the last
    year, month and day named, which anaphoric expressions ("that day", "the following
    year") count from."""

    last_quarter: tuple[int, int] | None = None
    last_quarter_at: int = -(10**9)  # where it was named
    named: dict[str, tuple[int, ...]] = field(default_factory=dict)
    named_in: dict[str, int] = field(default_factory=dict)  # granularity -> sentence

    def remember(self, value: str | None, sentence: int = 0) -> None:
        """Note a resolved calendar value (YYYY, YYYY-MM, YYYY-MM-DD, with a time or not;
        or a decade, YYY) named in sentence number ``sentence``."""
        decade = DECADE_VALUE.match(value or "")
        if decade:
            self.named["decade"], self.named_in["decade"] = (int(decade.group(1)),), sentence
            return
        match = CALENDAR_VALUE.match(value or "")
        if match is None:
            return
        parts = tuple(int(p) for p in match.groups() if p is not None)
        self.named["decade"], self.named_in["decade"] = (parts[0] // 10,), sentence
        for length, granularity in ((1, "year"), (2, "month"), (3, "day")):
            if len(parts) >= length:
                self.named[granularity] = parts[:length]
                self.named_in[granularity] = sentence

    def named_in_sentence(self, granularity: str, sentence: int) -> tuple[int, ...] | None:
        """The year, decade, month or day named last, if it was named in ``sentence``."""
        return self.named[granularity] if self.named_in.get(granularity) == sentence else None

    def reference(self, granularity: str, anchor: dt.date | None) -> tuple[int, ...] | None:
        """The last year, month or day named in the document, else the article's."""
        if granularity in self.named:
            return self.named[granularity]
        if anchor is None:
            return None
        return (anchor.year, anchor.month, anchor.day)[
            : ("year", "month", "day").index(granularity) + 1
        ]

    def quarter_near(self, position: int) -> tuple[int, int] | None:
        """The quarter named last, if it was named close enough to ``position`` to be the
        one "a year earlier" compares with."""
        return self.last_quarter if position - self.last_quarter_at <= QUARTER_REACH else None


@dataclass
class Context:
    """What a normaliser may know about the match besides its groups."""

    anchor: dt.date | None
    text: str
    start: int
    end: int
    direction: Callable[[], int] = lambda: 0
    year_hint: int | None = None
    state: DocState = field(default_factory=DocState)
    sentence: int = 0


@dataclass(frozen=True)
class Normal:
    """A normalised expression: TIMEX3 value, type (None keeps the rule's) and modifier."""

    value: str | None
    type: str | None = None
    mod: str | None = None


# --- small calendar helpers -----------------------------------------------------------------


def _number(word: str | None) -> float | None:
    if word is None:
        return None
    word = re.sub(r"\s+", " ", word.lower().strip())
    cardinals = vocabulary("numbers")["cardinals"]
    if word in cardinals:
        return cardinals[word]
    parts = re.split(r"[-\s]", word)
    if len(parts) == 2 and all(p in cardinals for p in parts):
        return cardinals[parts[0]] + cardinals[parts[1]]
    half = re.fullmatch(r"(\d+)(?:\s+1/2|½)", word)
    if half:
        return int(half.group(1)) + 0.5
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


def _ordinal(word: str) -> int | None:
    word = word.lower()
    ordinals = vocabulary("numbers")["ordinals"]
    if word in ordinals:
        return ordinals[word]
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else None


def _month(name: str) -> int:
    months = vocabulary("months")
    return months[name.rstrip(".").title()]


def _weekday(name: str) -> int:
    return vocabulary("weekdays")[name.rstrip(".").title()]


def _fmt_date(day: dt.date) -> str:
    return day.isoformat()


def _fmt_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _shift_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + delta
    return index // 4, index % 4 + 1


def _point_mod(*words: str | None) -> str | None:
    table = vocabulary("modifiers")["point"]
    for word in words:
        if word:
            key = re.sub(r"\s+", " ", word.lower()).rstrip("-")
            if key in table:
                return table[key]
    return None


def _quantity_mod(word: str | None) -> str | None:
    if not word:
        return None
    return vocabulary("modifiers")["quantity"].get(re.sub(r"\s+", " ", word.lower()))


# How much farther than the other side an occurrence may be and still be chosen, by
# direction (tense.direction): (weight of the past, weight of the future). An adverbial of a
# past-tense verb (-2) is in the past; a date that only bounds a past event or modifies a
# noun (-1) may lie a little ahead ("extended the offer to Nov. 6"), and the same the other
# way round ("to repatriate the child by Jan. 14", a day after the deadline).
DIRECTION_WEIGHTS = {
    -2: (1.0, 1000.0),
    -1: (1.0, 4.0),
    0: (1.0, 1.5),
    1: (4.0, 1.0),
    2: (1000.0, 1.0),
}


def _pick(
    options: list[tuple[int, ...]], anchor: tuple[int, ...], direction: int, distance
) -> tuple[int, ...]:
    """The option nearest to the anchor, distances weighted by the direction of the tense."""
    past_weight, future_weight = DIRECTION_WEIGHTS[max(-2, min(2, direction))]

    def cost(option: tuple[int, ...]) -> tuple[float, bool]:
        weight = future_weight if option > anchor else past_weight
        return distance(option, anchor) * weight, (option > anchor) != (direction > 0)

    return min(options, key=cost)


def _hinted_year(ctx: Context) -> int | None:
    """The year named in the sentence, unless the tense contradicts it."""
    hint = ctx.year_hint
    if hint is None or ctx.anchor is None:
        return hint
    direction = ctx.direction()
    if (hint < ctx.anchor.year and direction > 0) or (hint > ctx.anchor.year and direction < 0):
        return None
    return hint


def _year_for_month(month: int, ctx: Context, day: int | None = None) -> int | None:
    """The year of a partial date (month, or month and day) from the hint or the tense."""
    if _hinted_year(ctx) is not None:
        return _hinted_year(ctx)
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor
    if day is None:
        options = [(y, month) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        year, _ = _pick(
            options,
            (anchor.year, anchor.month),
            ctx.direction(),
            lambda o, a: abs((o[0] * 12 + o[1]) - (a[0] * 12 + a[1])),
        )
        return year
    options = []
    for year in range(anchor.year - 4, anchor.year + 5):
        if day <= calendar.monthrange(year, month)[1]:
            options.append(dt.date(year, month, day).toordinal())
    if not options:
        return None
    picked = _pick(
        [(o,) for o in options],
        (anchor.toordinal(),),
        ctx.direction(),
        lambda o, a: abs(o[0] - a[0]),
    )
    return dt.date.fromordinal(picked[0]).year


def _relative_year(word: str | None, ctx: Context) -> int | None:
    if ctx.anchor is None:
        return ctx.year_hint
    word = (word or "").lower().split()[-1] if word else ""
    if word in ("last", "previous"):
        return ctx.anchor.year - 1
    if word == "next":
        return ctx.anchor.year + 1
    if word in ("same", "that") and ctx.year_hint:
        return ctx.year_hint
    return ctx.anchor.year


def _weekday_date(anchor: dt.date, weekday: int, rel: str | None, direction: int) -> dt.date:
    delta = weekday - anchor.isoweekday()  # -6..6
    rel = (rel or "").lower()
    if rel in ("last", "past", "previous"):
        back = (anchor.isoweekday() - weekday) % 7 or 7
        return anchor - dt.timedelta(days=back)
    if rel in NEXT_WORDS:
        ahead = (weekday - anchor.isoweekday()) % 7 or 7
        return anchor + dt.timedelta(days=ahead)
    if rel == "this":
        return anchor + dt.timedelta(days=delta)
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if direction < 0:
        return anchor - dt.timedelta(days=back)
    if direction > 0:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back) if back <= ahead else anchor + dt.timedelta(days=ahead)


def _valid_day(year: int | None, month: int, day: int) -> bool:
    limit = (
        calendar.monthrange(year, month)[1]
        if year
        else (29 if month == 2 else calendar.monthrange(2001, month)[1])
    )
    return 1 <= day <= limit


def _year_from_groups(g: dict, ctx: Context) -> int | None:
    if g.get("y"):
        return int(g["y"])
    if g.get("yrel"):
        return _relative_year(g["yrel"], ctx)
    return None


# --- validators --------------------------------------------------------------------------


def _month_is_time(c: Candidate, text: str) -> bool:
    name = c.groups["m"].rstrip(".")
    if c.groups.get("pre") or c.groups.get("adj"):
        return True
    before = text[max(0, c.start - 20) : c.start]
    if name.lower() in cues()["ambiguous_months"] or name.isupper():
        if name != "May" and re.search(r"\b(?:[Tt]he|[Ii]ts|[Tt]his|[Nn]ext|[Ll]ast)\s+$", before):
            return True  # "the March accession" (but "the May government" is Theresa May's)
        if re.match(r"\.?\s+[A-Z][a-z]", text[c.end :]):
            # "Jan Kavan", "a letter to May Smith": a first name, unless a word that only
            # governs times comes before ("In May Parliament voted")
            return bool(_cue_regex("strong_month_cues").search(before))
        return bool(_cue_regex("month_cues").search(before))
    # "Theresa May", "June Carter": a capitalised word right before, not a function word
    previous = re.search(r"([A-Z][a-z]+) $", before)
    return (
        not previous
        or previous.group(1).lower() in cues()["function_words"]
        or bool(_cue_regex("month_cues").search(previous.group(1)))
    )


def _weekday_is_time(c: Candidate, text: str) -> bool:
    name = c.groups["wd"].rstrip(".").title()
    weekdays = vocabulary("weekdays")
    full = len(name) == max(len(w) for w, n in weekdays.items() if n == weekdays[name])
    return full or bool(c.groups.get("rel") or c.groups.get("part"))


def _year_is_time(c: Candidate, text: str) -> bool:
    if any(c.groups.get(name) for name in ("fiscal", "fy", "the", "pre", "adj")):
        return True
    before = text[max(0, c.start - 12) : c.start]
    after = re.match(r"\s*(?:[a-z]+\s+)?([a-z]+)", text[c.end : c.end + 24])
    if after and after.group(1) in cues()["counted_nouns"]:
        return False  # "2000 people", "1500 armed troops": a count
    if _cue_regex("not_year_after").search(before):
        return False
    return not re.search(r"\b(?:to|from)\s*$", before) or 1900 <= int(c.groups["y"]) <= 2100


def _quarter_is_time(c: Candidate, text: str) -> bool:
    g = c.groups
    if not (g.get("o") or g.get("rel") or g.get("det") or g.get("y") or g.get("fy")):
        return False
    if (g.get("det") or "").lower() == "a" and not g.get("o"):
        return False
    return bool(g.get("o") or g.get("y") or g.get("yrel")) or not re.match(
        r"\s+of\b", text[c.end :]
    )


def _season_is_time(c: Candidate, text: str) -> bool:
    g = c.groups
    if g["s"].lower() in ("fall", "spring"):
        if (
            g.get("det")
            or g.get("y")
            or g.get("yrel")
            or g.get("pre")
            or g.get("adj")
            or g.get("adj2")
        ):
            return not re.match(r"\s+of\s+(?!\d|this|last|next)", text[c.end :]) or bool(
                g.get("y") or g.get("yrel")
            )
        return bool(_cue_regex("season_cues", r"\s+$").search(text[max(0, c.start - 10) : c.start]))
    return True


def _clock24_is_time(c: Candidate, text: str) -> bool:
    before = text[max(0, c.start - 12) : c.start].lower()
    after = text[c.end : c.end + 14].lower()
    return bool(
        c.groups.get("zone")
        or _cue_regex("clock_cues", r"\s+$").search(before)
        or re.match(r"\s*(?:gmt|utc|local|hours|hrs|[a-z]st\b|[a-z]dt\b)", after)
    )


_FUNCTION_WORD_AFTER = re.compile(
    r"\s*(?:[.,;:!?)\"'”’]|$)|\s+(?:is|was|will|would|could|may|might|remains?|looks?|depends?"
    r"|hangs?|lies?|in|of|and|or|as|at|for|with|to|on|from)\b",
    re.IGNORECASE,
)
_UNIT_BEFORE = re.compile(
    r"\b(?:year|month|week|day|hour|minute|decade)s?\s+(?:or\s+so\s+)?$", re.I
)


def _reference_is_time(c: Candidate, text: str) -> bool:
    word = c.groups["r"].lower()
    after = text[c.end : c.end + 20]
    if word == "earlier":
        # "earlier than", "earlier reports": a comparative or an adjective, not a reference;
        # "a day earlier": the signal of a duration
        if _UNIT_BEFORE.search(text[max(0, c.start - 16) : c.start]):
            return False
        return bool(re.match(r"\s*(?:[.,;:!?)\"']|$)", after))
    if word == "current":
        return not re.match(r"\s+(?:account|affairs|events|exchange|flows?)\b", after, re.I)
    if word == "soon":
        # "as soon as", "soon after": a conjunction or a relation, not a reference
        before = text[max(0, c.start - 3) : c.start].lower()
        return before != "as " and not re.match(r"\s+(?:after|before|as)\b", after)
    if word == "now":
        return not re.match(r"[-]", after)
    if word == "future":
        # the noun after a possessive ("the boy's future is uncertain"), not the adjective
        # ("future payments", "the company's future earnings")
        before = text[max(0, c.start - 8) : c.start]
        return bool(
            re.search(r"(?:['’]s|\b(?:its|his|her|their|our|my|your))\s+$", before)
            and _FUNCTION_WORD_AFTER.match(after)
        )
    return True


def _is_rate(text: str, start: int) -> bool:
    """Whether "a year" at ``start`` follows an amount ("$500 million a year")."""
    return bool(
        _cue_regex("rate_words", r"\s+(?:[a-z]+\s+){0,2}$").search(text[max(0, start - 40) : start])
    ) or bool(re.search(r"\d[\d,.]*%?\s+(?:[a-z]+\s+){0,2}$", text[max(0, start - 40) : start]))


def _duration_is_time(c: Candidate, text: str) -> bool:
    g = c.groups
    if g["u"].istitle() and not g["u"].isupper():
        return False  # "60 Minutes", "Seven Years in Tibet": a title, not a duration
    unit = g["u"].lower()
    number = (g.get("n") or "").lower()
    if (
        unit in ("second", "seconds")
        and number in ("a", "an")
        and not re.match(r"\s*[.,;)]", text[c.end :])
    ):
        return False
    if unit in ("quarter", "quarters") and re.match(r"\s+of\b", text[c.end :]):
        return False  # "three-quarters of": a fraction
    if unit in ("night", "nights", "quarter", "quarters") and number in ("a", "an"):
        return False
    if (g.get("adjform") and g["adjform"].lower().endswith("old")) or re.match(
        r"\s+old\b", text[c.end :]
    ):
        return False  # ages ("a 6-year-old") are not annotated as times
    if unit == "quarter" and not g.get("det") and number in ("one", "a"):
        return False
    return not (
        number in ("a", "an")
        and re.match(r"\s+(?:of|or\s+two)\b", text[c.end :]) is None
        and re.match(r"\s*-", text[c.end :])
    )


def _ago_is_point(c: Candidate, text: str) -> bool:
    """ "two weeks ago" is a point (counted back from the article's date); "two weeks later"
    counts from another event, so it is left to the duration rule ("two weeks" + a signal).
    "A year earlier" in a comparison of results stays the point a year back."""
    g = c.groups
    if g["dir"].lower() not in ("earlier", "later"):
        return True
    return (
        g["dir"].lower() == "earlier"
        and g["u"].lower() == "year"
        and (g.get("n") or "").lower() in ("a", "one")
    )


def _unit_relative_is_time(c: Candidate, text: str) -> bool:
    unit = c.groups["u"]
    if re.fullmatch(r"in\s+the", c.groups["rel"].lower()) and not (
        c.groups.get("pre") or c.groups.get("adj")
    ):
        return False  # "in the year": only "later in the year" is one
    # "This Week", "Next Year" in title case mid-text name a programme or a publication
    return not (
        unit[0].isupper() and not unit.isupper() and c.start > 0 and text[c.start - 1] in "\"'“‘"
    )


VALIDATORS: dict[str, Callable[[Candidate, str], bool]] = {
    "unit_relative": _unit_relative_is_time,
    "ago": _ago_is_point,
    "month": _month_is_time,
    "month_relative": lambda c, t: True,
    "weekday": _weekday_is_time,
    "year": _year_is_time,
    "quarter": _quarter_is_time,
    "season": _season_is_time,
    "clock24": _clock24_is_time,
    "reference": _reference_is_time,
    "duration": _duration_is_time,
}


def is_time(candidate: Candidate, text: str) -> bool:
    """Whether a match of the grammar is a time expression at all (context-free check)."""
    validator = VALIDATORS.get(candidate.rule.name)
    try:
        return validator is None or validator(candidate, text)
    except (KeyError, ValueError, IndexError, AttributeError, TypeError):
        return False


# --- normalisers: calendar dates ----------------------------------------------------------


def _date_value(year: int | None, month: int, day: int) -> str | None:
    if not _valid_day(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"


def iso_date(g: dict, ctx: Context) -> Normal | None:
    value = _date_value(int(g["y"]), int(g["mo"]), int(g["d"]))
    return Normal(value) if value else None


def numeric_date(g: dict, ctx: Context) -> Normal | None:
    year = int(g["y"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    value = _date_value(year, int(g["mo"]), int(g["d"]))
    return Normal(value) if value else None


def part_of_date(g: dict, ctx: Context) -> Normal | None:
    """ "the week of March 6": the week of a date."""
    date = month_day(
        {
            "m": g.get("m") or g["m2"],
            "d": g.get("d") or g["d2"],
            "y": g.get("y"),
            "wd": g.get("wd"),
        },
        ctx,
    )
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", (date.value or "") if date else "")
    if date is None or match is None:
        return date
    week = _fmt_week(dt.date(*(int(x) for x in match.groups())))
    return Normal(week + ("-WE" if g["part"].lower() == "weekend" else ""))


def month_day(g: dict, ctx: Context) -> Normal | None:
    month, day = _month(g["m"]), int(re.match(r"\d+", g["d"]).group())
    year = _year_from_groups(g, ctx)
    if year is None:
        if g.get("wd") and ctx.anchor:
            year = _year_matching_weekday(month, day, _weekday(g["wd"]), ctx)
        if year is None:
            year = _year_for_month(month, ctx, day)
    value = _date_value(year, month, day)
    return Normal(value, mod=_point_mod(g.get("pre"), g.get("adj"))) if value else None


def _year_matching_weekday(month: int, day: int, weekday: int, ctx: Context) -> int | None:
    """ "Tuesday, January 22": the year near the anchor where that day is that weekday."""
    for year in sorted(
        range(ctx.anchor.year - 1, ctx.anchor.year + 2), key=lambda y: abs(y - ctx.anchor.year)
    ):
        if _valid_day(year, month, day) and dt.date(year, month, day).isoweekday() == weekday:
            return year
    return None


def month_year(g: dict, ctx: Context) -> Normal | None:
    year = _year_from_groups(g, ctx)
    month = _month(g["m"])
    value = f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}"
    return Normal(value, mod=_point_mod(g.get("pre"), g.get("adj")))


def month_relative(g: dict, ctx: Context) -> Normal | None:
    month = _month(g["m"])
    rel = g["rel"].lower()
    if ctx.anchor is None:
        return Normal(f"XXXX-{month:02d}")
    year = ctx.anchor.year
    if rel in PAST_WORDS:
        year = year if month < ctx.anchor.month else year - 1
    elif rel in NEXT_WORDS:
        year = year if month > ctx.anchor.month else year + 1
    return Normal(f"{year:04d}-{month:02d}", mod=_point_mod(g.get("pre"), g.get("adj")))


def month(g: dict, ctx: Context) -> Normal | None:
    number = _month(g["m"])
    year = _year_for_month(number, ctx)
    value = f"{year:04d}-{number:02d}" if year else f"XXXX-{number:02d}"
    return Normal(value, mod=_point_mod(g.get("pre"), g.get("adj")))


def _season_index(day: dt.date) -> int:
    """Seasons counted from year 0 (year * 4 + 0..3); January and February are the winter
    that began in December of the year before."""
    year, month = day.year, day.month
    if month <= 2:
        return (year - 1) * 4 + 3
    return year * 4 + (month - 3) // 3


def season(g: dict, ctx: Context) -> Normal | None:
    code = vocabulary("seasons")["seasons"][g["s"].lower()]
    mod = _point_mod(g.get("pre"), g.get("adj"), g.get("adj2"))
    year = _year_from_groups(g, ctx)
    if year is None and ctx.anchor is not None:
        det = (g.get("det") or "").lower()
        order = SEASON_ORDER[code] - 1
        now = _season_index(ctx.anchor)
        options = [(y * 4 + order,) for y in range(ctx.anchor.year - 2, ctx.anchor.year + 2)]
        if det in ("last", "past", "previous", "this past"):
            year = max(o for o in options if o[0] < now)[0] // 4
        elif det in ("next", "coming"):
            year = min(o for o in options if o[0] > now)[0] // 4
        elif det in ("this", "that"):
            year = ctx.anchor.year
        else:
            year = (
                _hinted_year(ctx)
                or _pick(options, (now,), ctx.direction(), lambda o, a: abs(o[0] - a[0]))[0] // 4
            )
    value = f"{year:04d}-{code}" if year else f"XXXX-{code}"
    return Normal(value, mod=mod)


def year(g: dict, ctx: Context) -> Normal | None:
    value = _fiscal_short_year(g["yy"]) if g.get("yy") else g["y"]
    return Normal(value, mod=_point_mod(g.get("pre"), g.get("adj")))


def _fiscal_short_year(digits: str) -> str:
    """ "FY12" -> 2012, "FY98" -> 1998."""
    return f"{(2000 if int(digits) < 50 else 1900) + int(digits)}"


def spelled_year(g: dict, ctx: Context) -> Normal | None:
    if not g.get("c"):
        return Normal(f"{2000 + int(_number(g.get('yy2')) or 0):04d}")
    century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[g["c"].lower()]
    rest = re.sub(r"^oh[-\s]", "", g["yy"].lower())
    number = 0 if rest == "hundred" else _number(rest)
    if number is None or not 0 <= number < 100:
        return None
    return Normal(f"{century}{int(number):02d}")


def short_year(g: dict, ctx: Context) -> Normal | None:
    yy = int(g["yy"])
    century = 19 if ctx.anchor is None or yy > ctx.anchor.year % 100 else 20
    return Normal(f"{century}{yy:02d}")


def decade(g: dict, ctx: Context) -> Normal | None:
    mod = _point_mod(g.get("pre"), g.get("adj"))
    if g.get("c") and g["dd"] == "0" and int(g["c"]) < 20:
        return Normal(g["c"], mod=mod)  # "the 1800s": a century ("the 2000s" is a decade)
    if g.get("c"):
        value = g["c"] + g["dd"]
    elif g.get("dd2"):
        value = "19" + g["dd2"]
    else:
        value = f"19{vocabulary('numbers')['decades'][g['dw'].lower()]}"
    return Normal(value, mod=_point_mod(g.get("pre"), g.get("adj")))


def century(g: dict, ctx: Context) -> Normal | None:
    number = _ordinal(g["o"])
    if not number or number < 1 or number > 30:
        return None
    return Normal(f"{number - 1:02d}", mod=_point_mod(g.get("pre"), g.get("adj")))


QUARTER_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}


def quarter(g: dict, ctx: Context) -> Normal | None:
    rel = re.sub(r"[-\s]+", " ", (g.get("rel") or "").lower())
    det = (g.get("det") or "").lower()
    number = QUARTER_WORDS.get((g.get("o") or "").lower())
    year = int(g["y"]) if g.get("y") else int(g["fy"]) if g.get("fy") else None
    if year is None and g.get("yrel"):
        year = _relative_year(g["yrel"], ctx)
    if year is None and det.endswith("year's"):
        year = _relative_year(det.split()[0], ctx)
    back = 1 if rel in ("year earlier", "year ago", "comparable", "corresponding") else 0
    if number is not None:
        if year is None:
            year = _year_for_quarter(number, ctx)
        if year is None:
            return Normal(f"XXXX-Q{number}")
        if not back:
            ctx.state.last_quarter, ctx.state.last_quarter_at = (year, number), ctx.end
        return Normal(f"{year - back:04d}-Q{number}")
    if ctx.anchor is None:
        return Normal(None)
    current = _quarter_of(ctx.anchor)
    if rel in ("current", "this"):
        found = current
    elif rel in ("next", "coming"):
        found = _shift_quarter(*current, 1)
    elif rel in ("latest", "last", "past", "previous", "recent", "most recent"):
        found = _shift_quarter(*current, -1)
    else:
        found = ctx.state.last_quarter or _shift_quarter(*current, -1)
        if year is not None:
            found = (year, found[1])
    if not back:
        ctx.state.last_quarter, ctx.state.last_quarter_at = found, ctx.end
    return Normal(f"{found[0] - back:04d}-Q{found[1]}")


def _year_for_quarter(number: int, ctx: Context) -> int | None:
    if _hinted_year(ctx) is not None:
        return _hinted_year(ctx)
    if ctx.anchor is None:
        return None
    # quarters are reported once over: the latest one, unless the verb looks ahead
    year, current = _quarter_of(ctx.anchor)
    if number <= current:
        return year
    return year if ctx.direction() > 0 else year - 1


def half_year(g: dict, ctx: Context) -> Normal | None:
    half = 1 if g["o"].lower() == "first" else 2
    year = (
        _year_from_groups(g, ctx) or _hinted_year(ctx) or (ctx.anchor.year if ctx.anchor else None)
    )
    return Normal(f"{year:04d}-H{half}" if year else f"XXXX-H{half}")


def holiday(g: dict, ctx: Context) -> Normal | None:
    rule = vocabulary("holidays")[re.sub(r"\s+", " ", g["h"])]
    year = _year_from_groups(g, ctx)
    if year is None and ctx.anchor is None:
        return Normal(None)
    if year is not None:
        return Normal(_fmt_date(_holiday_date(rule, year)))
    rel = (g.get("rel") or "").lower()
    options = [
        (_holiday_date(rule, y).toordinal(),)
        for y in range(ctx.anchor.year - 1, ctx.anchor.year + 2)
    ]
    now = (ctx.anchor.toordinal(),)
    if rel in PAST_WORDS:
        picked = max(o for o in options if o < now)
    elif rel in NEXT_WORDS:
        picked = min(o for o in options if o > now)
    else:
        picked = _pick(options, now, ctx.direction(), lambda o, a: abs(o[0] - a[0]))
    return Normal(_fmt_date(dt.date.fromordinal(picked[0])))


def _holiday_date(rule: str, year: int) -> dt.date:
    """The date of a named day in a year (rules as in ``data/holidays.json``)."""
    if rule.startswith("easter:"):
        from dateutil.easter import easter

        return easter(year) + dt.timedelta(days=int(rule.split(":")[1]))
    if rule.startswith("nth:"):
        _, nth, month, weekday = rule.split(":")
        weekday, _, shift = weekday.partition("+")
        days = [
            dt.date(year, int(month), d)
            for d in range(1, calendar.monthrange(year, int(month))[1] + 1)
            if dt.date(year, int(month), d).isoweekday() == int(weekday)
        ]
        chosen = days[int(nth) - 1] if int(nth) > 0 else days[int(nth)]
        return chosen + dt.timedelta(days=int(shift or 0))
    month, day = rule.split("-")
    return dt.date(year, int(month), int(day))


def period(g: dict, ctx: Context) -> Normal | None:
    rel = re.sub(r"[-\s]+", " ", g["rel"].lower())
    if ctx.anchor is None:
        return Normal(None)
    found = ctx.state.last_quarter or _shift_quarter(*_quarter_of(ctx.anchor), -1)
    if rel == "latest":
        found = _shift_quarter(*_quarter_of(ctx.anchor), -1)
    back = 1 if rel in ("year earlier", "year ago", "comparable", "corresponding") else 0
    return Normal(f"{found[0] - back:04d}-Q{found[1]}")


def _accounting_year(ctx: Context) -> bool:
    """ "the year ended March 31": twelve months closing on a date, not a calendar year."""
    return bool(re.match(r"\s+(?:ended|ending|to)\b", ctx.text[ctx.end : ctx.end + 10]))


def whole_year(g: dict, ctx: Context) -> Normal | None:
    rel = g["rel"].lower()
    if _accounting_year(ctx):
        return Normal("P1Y", type="DURATION")
    if ctx.anchor is None:
        return Normal(None)
    return Normal(f"{ctx.anchor.year - (1 if 'latest' in rel or 'previous' in rel else 0):04d}")


def year_end(g: dict, ctx: Context) -> Normal | None:
    if ctx.anchor is None:
        return Normal(None, mod="END")
    year = ctx.anchor.year - (1 if g.get("yrel") else 0)
    return Normal(f"{year:04d}", mod="APPROX" if g.get("qm") else "END")


# --- normalisers: relative to the article ---------------------------------------------------

DAY_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": 0}


def _part_code(part: str | None) -> str | None:
    if not part:
        return None
    code = vocabulary("seasons")["parts_of_day"].get(part.lower())
    return code if code is None or code.startswith("T") else "T" + code


def day_relative(g: dict, ctx: Context) -> Normal | None:
    word = re.sub(r"\s+", " ", g["word"].lower())
    offset = DAY_OFFSETS.get(word, -2 if "before" in word else 2)
    mod = _point_mod(g.get("adj"))
    if ctx.anchor is None:
        return Normal(None, mod=mod)
    value = _fmt_date(ctx.anchor + dt.timedelta(days=offset))
    part = _part_code(g.get("part"))
    if part:
        return Normal(value + part, type="TIME", mod=mod)
    return Normal(value, mod=mod)


def tonight(g: dict, ctx: Context) -> Normal | None:
    return Normal(_fmt_date(ctx.anchor) + "TNI" if ctx.anchor else None)


def part_of_day(g: dict, ctx: Context) -> Normal | None:
    if not (g.get("rel") or g.get("adj")):
        return None
    rel = (g.get("rel") or "").lower()
    part = _part_code(g["part"])
    if ctx.anchor is None:
        return Normal(None)
    rel = rel or (g.get("day") or "").lower()
    offset = {
        "last": -1 if g["part"].lower() == "night" else 0,
        "yesterday": -1,
        "tomorrow": 1,
    }.get(rel, 0)
    if rel == "last" and g["part"].lower() != "night":
        return None
    return Normal(
        _fmt_date(ctx.anchor + dt.timedelta(days=offset)) + part, mod=_point_mod(g.get("adj"))
    )


def weekday(g: dict, ctx: Context) -> Normal | None:
    number = _weekday(g["wd"])
    part = _part_code(g.get("part"))
    mod = _point_mod(g.get("adj"))
    if ctx.anchor is None:
        value = f"XXXX-WXX-{number}"
    else:
        day = _date_after_weekday(number, ctx)
        if day is None:
            day = _weekday_date(ctx.anchor, number, g.get("rel"), _weekday_direction(ctx))
        value = _fmt_date(day)
    if part:
        return Normal(value + part, type="TIME", mod=mod)
    return Normal(value, mod=mod)


DEADLINE_BEFORE = re.compile(r"\b(?:until|till|by|through)\s+$", re.IGNORECASE)


def _weekday_direction(ctx: Context) -> int:
    """Which side of the article's date a bare weekday is on. "Monday's vote" has happened;
    a deadline ("has until Monday", "by Friday") under a past verb is the nearest such day,
    since the verb dates the setting of the deadline, not the deadline."""
    if ctx.text.startswith(("'s", "’s"), ctx.end):
        return -1
    direction = ctx.direction()
    if direction == -1 and DEADLINE_BEFORE.search(ctx.text[max(0, ctx.start - 10) : ctx.start]):
        return 0
    return direction


DATE_AFTER = re.compile(r",?\s+([A-Z][a-z]{2,8})\.?\s+(\d{1,2})\b")


def _date_after_weekday(weekday: int, ctx: Context) -> dt.date | None:
    """ "Monday, Oct. 26": the date that follows the weekday, when it falls on that weekday."""
    match = DATE_AFTER.match(ctx.text, ctx.end)
    if match is None or match.group(1) not in vocabulary("months"):
        return None
    month, day = vocabulary("months")[match.group(1)], int(match.group(2))
    for year in (ctx.anchor.year, ctx.anchor.year + 1, ctx.anchor.year - 1):
        if _valid_day(year, month, day) and dt.date(year, month, day).isoweekday() == weekday:
            return dt.date(year, month, day)
    return None


def weekdays_set(g: dict, ctx: Context) -> Normal | None:
    part = _part_code(g.get("part") or g.get("part2")) or ""
    day = g.get("wd") or g.get("wd2") or g["wds"][:-1]
    return Normal(f"XXXX-WXX-{_weekday(day)}{part}")


def weekend_set(g: dict, ctx: Context) -> Normal | None:
    return Normal("XXXX-WXX-WE")


def _unit_info(word: str) -> tuple[str, int, str]:
    code, multiplier, granularity = vocabulary("units")[word.lower()]
    return code, multiplier, granularity


def _shifted_value(anchor: dt.date, granularity: str, delta: int) -> str | None:
    """The anchor moved by ``delta`` units, at the unit's granularity."""
    if granularity == "year":
        return f"{anchor.year + delta:04d}"
    if granularity == "month":
        y, m = _shift_month(anchor.year, anchor.month, delta)
        return f"{y:04d}-{m:02d}"
    if granularity in ("week", "weekend"):
        value = _fmt_week(anchor + dt.timedelta(weeks=delta))
        return value + "-WE" if granularity == "weekend" else value
    if granularity == "day":
        return _fmt_date(anchor + dt.timedelta(days=delta))
    if granularity == "decade":
        return f"{anchor.year // 10 + delta:03d}"
    if granularity == "century":
        return f"{anchor.year // 100 + delta:02d}"
    if granularity == "millennium":
        return f"{anchor.year // 1000 + delta}"
    if granularity == "quarter":
        y, q = _shift_quarter(*_quarter_of(anchor), delta)
        return f"{y:04d}-Q{q}"
    if granularity in ("hour", "minute", "second"):
        return _fmt_date(anchor)
    return None


def unit_relative(g: dict, ctx: Context) -> Normal | None:
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    unit = g["u"].lower()
    mod = _point_mod(g.get("pre"), g.get("adj"))
    if rel == "in the" and not mod:
        return None
    if rel == "past" and unit in ("decade", "century"):
        code, multiplier, _ = _unit_info(unit)
        return Normal(f"P{multiplier}{code}", type="DURATION", mod=mod)
    if rel == "same":
        return None
    delta = -1 if rel in PAST_WORDS else 1 if rel in NEXT_WORDS else 0
    if ctx.anchor is None:
        return Normal(None, mod=mod)
    granularity = "week" if unit == "fortnight" else _unit_info(unit)[2]
    if unit == "weekend" and delta == 0:
        return Normal(_weekend(ctx.anchor, 0), mod=mod)
    return Normal(_shifted_value(ctx.anchor, granularity, delta), mod=mod)


def _weekend(anchor: dt.date, direction: int) -> str:
    saturday = anchor + dt.timedelta(days=6 - anchor.isoweekday())
    if direction < 0 and anchor.isoweekday() < 6:
        saturday -= dt.timedelta(weeks=1)
    return _fmt_week(saturday) + "-WE"


def _sentence_unit(granularity: str, ctx: Context) -> str | None:
    """The value of the year, decade or month the sentence has named ("In the 1990s ...; by
    the end of the decade")."""
    named = ctx.state.named_in_sentence(granularity, ctx.sentence)
    if named is None:
        return None
    if granularity == "decade":
        return f"{named[0]:03d}"
    if granularity == "year":
        return f"{named[0]:04d}"
    return f"{named[0]:04d}-{named[1]:02d}" if granularity == "month" else None


def the_unit(g: dict, ctx: Context) -> Normal | None:
    if g.get("pre"):  # "the end of the month": the sentence's month, else this month
        granularity = g["u2"].lower()
        named = _sentence_unit(granularity, ctx)
        if named is not None or ctx.anchor is None:
            return Normal(named, mod=_point_mod(g["pre"]))
        return Normal(_shifted_value(ctx.anchor, granularity, 0), mod=_point_mod(g["pre"]))
    unit = g["u"].lower()
    if g["the"].lower() == "that":
        return None
    if unit == "year":
        if _accounting_year(ctx):
            return Normal("P1Y", type="DURATION")
        named = _sentence_unit("year", ctx)
        return Normal(named or (f"{ctx.anchor.year:04d}" if ctx.anchor else None))
    if ctx.anchor is None:
        return Normal(None)
    return Normal(_weekend(ctx.anchor, ctx.direction()))


ANAPHORIC_DELTA = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}


def anaphoric(g: dict, ctx: Context) -> Normal | None:
    """ "the following year", "that day", "the same month", "that night": counted from the
    last year, month or day the article named (else from its date)."""
    unit = g["u"].lower()
    delta = ANAPHORIC_DELTA.get((g.get("rel") or "").lower(), 0)
    mod = _point_mod(g.get("pre"))
    part = _part_code(unit) if unit in ("morning", "afternoon", "evening", "night") else None
    granularity = "day" if part or unit in ("day", "week", "weekend") else unit
    reference = ctx.state.reference(granularity, ctx.anchor)
    if reference is None:
        return Normal(None, mod=mod)
    if granularity == "year":
        return Normal(f"{reference[0] + delta:04d}", mod=mod)
    if granularity == "month":
        year, month = _shift_month(reference[0], reference[1], delta)
        return Normal(f"{year:04d}-{month:02d}", mod=mod)
    day = dt.date(*reference)
    if unit in ("week", "weekend"):
        value = _fmt_week(day + dt.timedelta(weeks=delta))
        return Normal(value + "-WE" if unit == "weekend" else value, mod=mod)
    value = _fmt_date(day + dt.timedelta(days=delta))
    return Normal(value + part, type="TIME", mod=mod) if part else Normal(value, mod=mod)


def the_period(g: dict, ctx: Context) -> Normal | None:
    """ "later in the day", "for the week", "the month's": the day, week or month the article
    is talking about."""
    return anaphoric({"u": g["u"]}, ctx)


def ago(g: dict, ctx: Context) -> Normal | None:
    direction = -1 if g["dir"].lower() in ("ago", "earlier", "before") else 1
    mod = _quantity_mod(g.get("qm"))
    unit = g["u"].lower()
    if g.get("v") or ctx.anchor is None:
        return Normal("PAST_REF" if direction < 0 else "FUTURE_REF", mod=mod)
    amount = _number(g.get("n"))
    if amount is None or amount != int(amount):
        return Normal("PAST_REF" if direction < 0 else "FUTURE_REF", mod=mod)
    code, multiplier, granularity = _unit_info(unit)
    delta = direction * int(amount)
    if (
        granularity == "year"
        and amount == 1
        and ctx.state.quarter_near(ctx.start)
        and g["dir"].lower() != "later"
    ):
        y, q = ctx.state.quarter_near(ctx.start)
        return Normal(f"{y - 1:04d}-Q{q}", mod=mod)
    if granularity in ("decade", "century", "millennium"):
        return Normal(f"{ctx.anchor.year + delta * multiplier:04d}", mod=mod)
    if granularity == "weekend":
        granularity = "week"
    return Normal(_shifted_value(ctx.anchor, granularity, delta), mod=mod)


def long_adjective(g: dict, ctx: Context) -> Normal | None:
    """ "day-long" P1D, "decades-long" PXY."""
    return Normal(_vague_duration(g["u"]) if g.get("plural") else _duration_value(1, g["u"]))


def around_event(g: dict, ctx: Context) -> Normal | None:
    """ "in the weeks before the shooting": days or weeks around an event, on the side of
    the article's date the tense says."""
    return Normal("FUTURE_REF" if ctx.direction() > 0 else "PAST_REF")


def bare_later(g: dict, ctx: Context) -> Normal | None:
    return Normal(_vague_duration(g["u"]))


def bare_ago(g: dict, ctx: Context) -> Normal | None:
    return Normal("PAST_REF" if g["dir"].lower() in ("ago", "earlier") else "FUTURE_REF")


def year_earlier(g: dict, ctx: Context) -> Normal | None:
    noun = (g.get("noun") or "").lower()
    if noun == "quarter" and ctx.state.last_quarter:
        y, q = ctx.state.last_quarter
        return Normal(f"{y - 1:04d}-Q{q}")
    if ctx.state.quarter_near(ctx.start) and noun in ("", "period"):
        y, q = ctx.state.quarter_near(ctx.start)
        return Normal(f"{y - 1:04d}-Q{q}")
    if ctx.anchor is None:
        return Normal(None)
    return Normal(f"{ctx.anchor.year - 1:04d}")


def reference(g: dict, ctx: Context) -> Normal | None:
    return Normal(vocabulary("references")[re.sub(r"\s+", " ", g["r"].lower())])


def the_time(g: dict, ctx: Context) -> Normal | None:
    """ "at the time", "by that time": a time the article has been talking about, in the past
    unless the verb looks ahead."""
    return Normal("FUTURE_REF" if ctx.direction() > 0 else "PAST_REF")


def recent_units(g: dict, ctx: Context) -> Normal | None:
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    unit = g["u"].lower()
    if rel in ("past", "last few") or (rel == "few" and not g.get("the")):
        return Normal("PAST_REF")
    if rel == "future":
        return Normal("FUTURE_REF")
    return Normal(_vague_duration(unit), type="DURATION")


def _vague_duration(unit: str) -> str:
    code, multiplier, _ = _unit_info(unit)
    if code in ("H", "MIN", "S"):
        return f"PTX{code[0]}"
    return "PXY" if multiplier >= 10 else f"PX{code}"


# --- normalisers: times of day ----------------------------------------------------------------


def _hour(g: dict) -> tuple[int, int] | None:
    hour = int(g["h"])
    minute = int(g["mi"]) if g.get("mi") else 0
    ampm = (g.get("ampm") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        if ampm.startswith("p") and hour != 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    return hour, minute


def _day_of(g: dict, ctx: Context) -> str:
    if ctx.anchor is None:
        return "XXXX-XX-XX"
    if g.get("day"):
        return _fmt_date(ctx.anchor + dt.timedelta(days=DAY_OFFSETS.get(g["day"].lower(), 0)))
    if g.get("m") or g.get("m2"):
        name, digits = (g["m"], g["d"]) if g.get("m") else (g["m2"], g["d2"])
        number, day = _month(name), int(re.match(r"\d+", digits).group())
        year = _year_for_month(number, ctx, day)
        return _date_value(year, number, day) or _fmt_date(ctx.anchor)
    if g.get("wd"):
        return _fmt_date(_weekday_date(ctx.anchor, _weekday(g["wd"]), None, ctx.direction()))
    following = _on_day_regex().match(ctx.text, ctx.end)
    if following:  # "at 0600 GMT on Friday": the time is on that day
        return _day_of({k: v for k, v in following.groupdict().items() if v}, ctx)
    return _fmt_date(ctx.anchor)


@functools.cache
def _on_day_regex() -> re.Pattern:
    """ "on Friday", "on Nov. 6", "on Friday, Nov. 6" right after a clock time."""
    return re.compile(
        expand(
            r"(?:\s*\([^()]{1,24}\))?,?\s+(?:on\s+)?(?:{WEEKDAY:wd}(?!,?\s+{MONTH}\s+{DAY})|(?:{WEEKDAY},?\s+)?{MONTH:m}\s+{DAY:d})"
        ),
        re.IGNORECASE,
    )


def clock(g: dict, ctx: Context) -> Normal | None:
    hm = _hour(g)
    if hm is None:
        return None
    mod = (
        "APPROX"
        if g.get("qm") and re.match(r"(?:about|around|approx|at)", g["qm"].lower())
        else None
    )
    mod = mod or ("AFTER" if g.get("qm") and "after" in g["qm"].lower() else None)
    mod = mod or ("BEFORE" if g.get("qm") and "before" in g["qm"].lower() else None)
    return Normal(f"{_day_of(g, ctx)}T{hm[0]:02d}:{hm[1]:02d}", mod=mod)


def clock24(g: dict, ctx: Context) -> Normal | None:
    return clock(g, ctx)


def military(g: dict, ctx: Context) -> Normal | None:
    return clock(g, ctx)


def noon(g: dict, ctx: Context) -> Normal | None:
    hour = "24:00" if g["word"].lower() == "midnight" else "12:00"
    return Normal(f"{_day_of(g, ctx)}T{hour}")


def weekday_clock(g: dict, ctx: Context) -> Normal | None:
    return clock(g, ctx)


def oclock(g: dict, ctx: Context) -> Normal | None:
    hour = _number(g["n"])
    if hour is None or not 1 <= hour <= 12:
        return None
    hour = int(hour) + (
        12 if (g.get("part") or "").lower() in ("afternoon", "evening") and hour < 12 else 0
    )
    return Normal(f"{_day_of(g, ctx)}T{hour:02d}:00")


# --- normalisers: durations and sets --------------------------------------------------------


SMALLER_UNIT = {
    "Y": ("M", 12),
    "M": ("D", 30),
    "W": ("D", 7),
    "D": ("H", 24),
    "H": ("MIN", 60),
    "MIN": ("S", 60),
}


def _duration_value(amount: float | None, unit: str) -> str:
    """``P2Y``, ``PT5H``, ``P2Y6M`` (two and a half years), ``PXY`` (amount None)."""
    code, multiplier, _ = _unit_info(unit)
    if amount is None:
        return _vague_duration(unit)
    total = amount * multiplier
    whole = int(total)
    parts = [(whole, code)] if whole else []
    if total != whole and code in SMALLER_UNIT:
        smaller, factor = SMALLER_UNIT[code]
        parts.append((round((total - whole) * factor), smaller))
    elif total != whole:
        parts = [(round(total, 2), code)]
    date_part = "".join(f"{n}{c}" for n, c in parts if c in ("Y", "M", "W", "D", "Q"))
    time_part = "".join(f"{n}{c[0]}" for n, c in parts if c in ("H", "MIN", "S"))
    return "P" + date_part + ("T" + time_part if time_part else "")


def duration(g: dict, ctx: Context) -> Normal | None:
    amount = None if g.get("v") else _number(g.get("n"))
    if not g.get("v") and amount is None:
        return None
    if amount is not None and (
        g.get("half") or "and a half" in ctx.text[ctx.start : ctx.end].lower()
    ):
        amount += 0.5
    single = (g.get("n") or "").lower() in ("a", "an") and not g.get("det") and not g.get("qm")
    if single and _is_rate(ctx.text, ctx.start):
        # "$500 million a year", "four flights a week": a frequency
        return Normal(_duration_value(1, g["u"]), type="SET")
    return Normal(_duration_value(amount, g["u"]), mod=_quantity_mod(g.get("qm")))


def half_unit(g: dict, ctx: Context) -> Normal | None:
    return Normal(_duration_value(0.5, g["u"]), mod=_quantity_mod(g.get("qm")))


def bare_units(g: dict, ctx: Context) -> Normal | None:
    return Normal(_vague_duration(g["u"]))


def the_past_unit(g: dict, ctx: Context) -> Normal | None:
    return Normal(_duration_value(1, g["u"]), mod=_quantity_mod(g.get("qm")))


ADVERB_SETS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
    "quarterly": "P3M",
    "biweekly": "P2W",
    "biannually": "P6M",
    "semiannually": "P6M",
}


def every(g: dict, ctx: Context) -> Normal | None:
    if g.get("wd"):
        return Normal(f"XXXX-WXX-{_weekday(g['wd'])}")
    if g.get("m"):
        return Normal(f"XXXX-{_month(g['m']):02d}")
    if g.get("s"):
        return Normal(f"XXXX-{vocabulary('seasons')['seasons'][g['s'].lower()]}")
    if g.get("p"):
        return Normal(f"XXXX-XX-XX{_part_code(g['p'])}")
    count = 2 if (g.get("n") or "").lower() == "other" else _number(g.get("n")) or 1
    return Normal(_duration_value(count, g["u"]))


def adverb_set(g: dict, ctx: Context) -> Normal | None:
    return Normal(ADVERB_SETS[g["w"].lower()])


def times_a(g: dict, ctx: Context) -> Normal | None:
    return Normal(_duration_value(1, g["u"]))


NORMALIZERS: dict[str, Callable[[dict, Context], Normal | None]] = {
    "iso_date": iso_date,
    "numeric_date": numeric_date,
    "month_day": month_day,
    "part_of_date": part_of_date,
    "day_month": month_day,
    "month_year": month_year,
    "month_relative": month_relative,
    "month": month,
    "season": season,
    "year": year,
    "short_year": short_year,
    "holiday": holiday,
    "period": period,
    "whole_year": whole_year,
    "year_end": year_end,
    "spelled_year": spelled_year,
    "decade": decade,
    "century": century,
    "quarter": quarter,
    "half_year": half_year,
    "day_relative": day_relative,
    "tonight": tonight,
    "part_of_day": part_of_day,
    "weekday": weekday,
    "weekdays_set": weekdays_set,
    "weekend_set": weekend_set,
    "every_weekday_part": weekdays_set,
    "unit_relative": unit_relative,
    "the_unit": the_unit,
    "ago": ago,
    "anaphoric": anaphoric,
    "the_period": the_period,
    "bare_ago": bare_ago,
    "bare_later": bare_later,
    "long_adjective": long_adjective,
    "around_event": around_event,
    "year_earlier": year_earlier,
    "reference": reference,
    "the_time": the_time,
    "recent_units": recent_units,
    "clock": clock,
    "clock24": clock24,
    "military": military,
    "noon": noon,
    "weekday_clock": weekday_clock,
    "oclock": oclock,
    "duration": duration,
    "half_unit": half_unit,
    "bare_units": bare_units,
    "the_past_unit": the_past_unit,
    "every": every,
    "adverb_set": adverb_set,
    "times_a": times_a,
}


def normalize(candidate: Candidate, ctx: Context) -> Normal | None:
    """The TIMEX3 value of a match, or None when the match turns out not to be a time."""
    function = NORMALIZERS.get(candidate.rule.name)
    if function is None:
        return None
    try:
        return function(candidate.groups, ctx)
    except (KeyError, ValueError, IndexError, OverflowError, AttributeError, TypeError):
        return None
