"""Dates relative to the article: today, weekdays, "last week", "two years ago", "the
following day", "the past few months", "now"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from communique.times.grammar import Candidate, vocabulary
from communique.times.normalize.common import (
    DAY_OFFSETS,
    NEXT_WORDS,
    PAST_WORDS,
    accounting_year,
    duration_value,
    fmt_date,
    fmt_week,
    part_code,
    point_mod,
    quantity_mod,
    quarter_of,
    shift_month,
    shift_quarter,
    to_number,
    unit_info,
    vague_duration,
    valid_day,
    weekday_date,
    weekday_number,
)
from communique.times.normalize.context import Context, Normal
from communique.times.normalize.registry import normalizer, validator


@validator("weekday")
def _weekday_is_time(c: Candidate, text: str) -> bool:
    name = c.group("wd").rstrip(".").title()
    weekdays = vocabulary("weekdays")
    full = len(name) == max(len(w) for w, n in weekdays.items() if n == weekdays[name])
    return full or bool(c.groups.get("rel") or c.groups.get("part"))


_FUNCTION_WORD_AFTER = re.compile(
    r"\s*(?:[.,;:!?)\"'”’]|$)|\s+(?:is|was|will|would|could|may|might|remains?|looks?|depends?"
    r"|hangs?|lies?|in|of|and|or|as|at|for|with|to|on|from)\b",
    re.IGNORECASE,
)


_UNIT_BEFORE = re.compile(
    r"\b(?:year|month|week|day|hour|minute|decade)s?\s+(?:or\s+so\s+)?$", re.I
)


@validator("reference")
def _reference_is_time(c: Candidate, text: str) -> bool:
    word = c.group("r").lower()
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


@validator("ago")
def _ago_is_point(c: Candidate, text: str) -> bool:
    """ "two weeks ago" is a point (counted back from the article's date); "two weeks later"
    counts from another event, so it is left to the duration rule ("two weeks" + a signal).
    "A year earlier" in a comparison of results stays the point a year back."""
    direction = c.group("dir").lower()
    if direction not in ("earlier", "later"):
        return True
    return (
        direction == "earlier"
        and c.group("u").lower() == "year"
        and (c.groups.get("n") or "").lower() in ("a", "one")
    )


@validator("unit_relative")
def _unit_relative_is_time(c: Candidate, text: str) -> bool:
    unit = c.group("u")
    if re.fullmatch(r"in\s+the", c.group("rel").lower()) and not (
        c.groups.get("pre") or c.groups.get("adj")
    ):
        return False  # "in the year": only "later in the year" is one
    # "This Week", "Next Year" in title case mid-text name a programme or a publication
    return not (
        unit[0].isupper() and not unit.isupper() and c.start > 0 and text[c.start - 1] in "\"'“‘"
    )


@normalizer("day_relative")
def day_relative(g: dict, ctx: Context) -> Normal | None:
    """ "today", "yesterday morning", "the day before yesterday"."""
    word = re.sub(r"\s+", " ", g["word"].lower())
    offset = DAY_OFFSETS.get(word, -2 if "before" in word else 2)
    mod = point_mod(g.get("adj"))
    if ctx.anchor is None:
        return Normal(None, mod=mod)
    value = fmt_date(ctx.anchor + dt.timedelta(days=offset))
    part = part_code(g.get("part"))
    if part:
        return Normal(value + part, type="TIME", mod=mod)
    return Normal(value, mod=mod)


@normalizer("tonight")
def tonight(g: dict, ctx: Context) -> Normal | None:
    """ "tonight", "overnight"."""
    return Normal(fmt_date(ctx.anchor) + "TNI" if ctx.anchor else None)


@normalizer("part_of_day")
def part_of_day(g: dict, ctx: Context) -> Normal | None:
    """ "this morning", "last night", "early afternoon"."""
    if not (g.get("rel") or g.get("adj")):
        return None
    rel = (g.get("rel") or "").lower()
    part = part_code(g["part"])
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
        fmt_date(ctx.anchor + dt.timedelta(days=offset)) + (part or ""), mod=point_mod(g.get("adj"))
    )


@normalizer("weekday")
def weekday(g: dict, ctx: Context) -> Normal | None:
    """ "Tuesday", "last Friday", "Monday morning": the day near the article's date that the
    tense (or a date after it) points to."""
    number = weekday_number(g["wd"])
    part = part_code(g.get("part"))
    mod = point_mod(g.get("adj"))
    if ctx.anchor is None:
        value = f"XXXX-WXX-{number}"
    else:
        day = _date_after_weekday(number, ctx)
        if day is None:
            day = weekday_date(ctx.anchor, number, g.get("rel"), _weekday_direction(ctx))
        value = fmt_date(day)
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
    anchor = ctx.anchor
    if match is None or anchor is None or match.group(1) not in vocabulary("months"):
        return None
    month, day = vocabulary("months")[match.group(1)], int(match.group(2))
    for year in (anchor.year, anchor.year + 1, anchor.year - 1):
        if valid_day(year, month, day) and dt.date(year, month, day).isoweekday() == weekday:
            return dt.date(year, month, day)
    return None


def _shifted_month(anchor: dt.date, delta: int) -> str:
    year, month = shift_month(anchor.year, anchor.month, delta)
    return f"{year:04d}-{month:02d}"


def _shifted_quarter(anchor: dt.date, delta: int) -> str:
    year, quarter = shift_quarter(*quarter_of(anchor), delta)
    return f"{year:04d}-Q{quarter}"


# The TIMEX3 value of the article's date moved by a number of units, by granularity (a time
# of day shifted by hours, minutes or seconds keeps only its day).
SHIFTED: dict[str, Callable[[dt.date, int], str]] = {
    "year": lambda anchor, delta: f"{anchor.year + delta:04d}",
    "month": _shifted_month,
    "week": lambda anchor, delta: fmt_week(anchor + dt.timedelta(weeks=delta)),
    "weekend": lambda anchor, delta: fmt_week(anchor + dt.timedelta(weeks=delta)) + "-WE",
    "day": lambda anchor, delta: fmt_date(anchor + dt.timedelta(days=delta)),
    "decade": lambda anchor, delta: f"{anchor.year // 10 + delta:03d}",
    "century": lambda anchor, delta: f"{anchor.year // 100 + delta:02d}",
    "millennium": lambda anchor, delta: f"{anchor.year // 1000 + delta}",
    "quarter": _shifted_quarter,
    "hour": lambda anchor, delta: fmt_date(anchor),
    "minute": lambda anchor, delta: fmt_date(anchor),
    "second": lambda anchor, delta: fmt_date(anchor),
}


def _shifted_value(anchor: dt.date, granularity: str, delta: int) -> str | None:
    """The anchor moved by ``delta`` units, at the unit's granularity."""
    shift = SHIFTED.get(granularity)
    return shift(anchor, delta) if shift is not None else None


@normalizer("unit_relative")
def unit_relative(g: dict, ctx: Context) -> Normal | None:
    """ "last week", "next month", "this year", "later in the year"."""
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    unit = g["u"].lower()
    mod = point_mod(g.get("pre"), g.get("adj"))
    if rel == "in the" and not mod:
        return None
    if rel == "past" and unit in ("decade", "century"):
        code, multiplier, _ = unit_info(unit)
        return Normal(f"P{multiplier}{code}", type="DURATION", mod=mod)
    if rel == "same":
        return None
    delta = -1 if rel in PAST_WORDS else 1 if rel in NEXT_WORDS else 0
    if ctx.anchor is None:
        return Normal(None, mod=mod)
    granularity = "week" if unit == "fortnight" else unit_info(unit)[2]
    if unit == "weekend" and delta == 0:
        return Normal(_weekend(ctx.anchor, 0), mod=mod)
    return Normal(_shifted_value(ctx.anchor, granularity, delta), mod=mod)


def _weekend(anchor: dt.date, direction: int) -> str:
    saturday = anchor + dt.timedelta(days=6 - anchor.isoweekday())
    if direction < 0 and anchor.isoweekday() < 6:
        saturday -= dt.timedelta(weeks=1)
    return fmt_week(saturday) + "-WE"


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


@normalizer("the_unit")
def the_unit(g: dict, ctx: Context) -> Normal | None:
    """ "the weekend", "the year", "the end of the month"."""
    if g.get("pre"):  # "the end of the month": the sentence's month, else this month
        granularity = g["u2"].lower()
        named = _sentence_unit(granularity, ctx)
        if named is not None or ctx.anchor is None:
            return Normal(named, mod=point_mod(g["pre"]))
        return Normal(_shifted_value(ctx.anchor, granularity, 0), mod=point_mod(g["pre"]))
    unit = g["u"].lower()
    if g["the"].lower() == "that":
        return None
    if unit == "year":
        if accounting_year(ctx):
            return Normal("P1Y", type="DURATION")
        named = _sentence_unit("year", ctx)
        return Normal(named or (f"{ctx.anchor.year:04d}" if ctx.anchor else None))
    if ctx.anchor is None:
        return Normal(None)
    return Normal(_weekend(ctx.anchor, ctx.direction()))


ANAPHORIC_DELTA = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}


@normalizer("anaphoric")
def anaphoric(g: dict, ctx: Context) -> Normal | None:
    """ "the following year", "that day", "the same month", "that night": counted from the
    last year, month or day the article named (else from its date)."""
    unit = g["u"].lower()
    delta = ANAPHORIC_DELTA.get((g.get("rel") or "").lower(), 0)
    mod = point_mod(g.get("pre"))
    part = part_code(unit) if unit in ("morning", "afternoon", "evening", "night") else None
    granularity = "day" if part or unit in ("day", "week", "weekend") else unit
    reference = ctx.state.reference(granularity, ctx.anchor)
    if reference is None:
        return Normal(None, mod=mod)
    if granularity == "year":
        return Normal(f"{reference[0] + delta:04d}", mod=mod)
    if granularity == "month":
        year, month = shift_month(reference[0], reference[1], delta)
        return Normal(f"{year:04d}-{month:02d}", mod=mod)
    day = dt.date(*reference)
    if unit in ("week", "weekend"):
        value = fmt_week(day + dt.timedelta(weeks=delta))
        return Normal(value + "-WE" if unit == "weekend" else value, mod=mod)
    value = fmt_date(day + dt.timedelta(days=delta))
    return Normal(value + part, type="TIME", mod=mod) if part else Normal(value, mod=mod)


@normalizer("the_period")
def the_period(g: dict, ctx: Context) -> Normal | None:
    """ "later in the day", "for the week", "the month's": the day, week or month the article
    is talking about."""
    return anaphoric({"u": g["u"]}, ctx)


@normalizer("ago")
def ago(g: dict, ctx: Context) -> Normal | None:
    """ "two weeks ago", "three years from now", "a year earlier"."""
    direction = -1 if g["dir"].lower() in ("ago", "earlier", "before") else 1
    mod = quantity_mod(g.get("qm"))
    unit = g["u"].lower()
    if g.get("v") or ctx.anchor is None:
        return Normal("PAST_REF" if direction < 0 else "FUTURE_REF", mod=mod)
    amount = to_number(g.get("n"))
    if amount is None or amount != int(amount):
        return Normal("PAST_REF" if direction < 0 else "FUTURE_REF", mod=mod)
    code, multiplier, granularity = unit_info(unit)
    delta = direction * int(amount)
    if (
        granularity == "year"
        and amount == 1
        and (near := ctx.state.quarter_near(ctx.start))
        and g["dir"].lower() != "later"
    ):
        y, q = near
        return Normal(f"{y - 1:04d}-Q{q}", mod=mod)
    if granularity in ("decade", "century", "millennium"):
        return Normal(f"{ctx.anchor.year + delta * multiplier:04d}", mod=mod)
    if granularity == "weekend":
        granularity = "week"
    return Normal(_shifted_value(ctx.anchor, granularity, delta), mod=mod)


@normalizer("long_adjective")
def long_adjective(g: dict, ctx: Context) -> Normal | None:
    """ "day-long" P1D, "decades-long" PXY."""
    return Normal(vague_duration(g["u"]) if g.get("plural") else duration_value(1, g["u"]))


@normalizer("around_event")
def around_event(g: dict, ctx: Context) -> Normal | None:
    """ "in the weeks before the shooting": days or weeks around an event, on the side of
    the article's date the tense says."""
    return Normal("FUTURE_REF" if ctx.direction() > 0 else "PAST_REF")


@normalizer("bare_later")
def bare_later(g: dict, ctx: Context) -> Normal | None:
    """ "years later", "days before": a vague duration."""
    return Normal(vague_duration(g["u"]))


@normalizer("bare_ago")
def bare_ago(g: dict, ctx: Context) -> Normal | None:
    """ "years ago": the past."""
    return Normal("PAST_REF" if g["dir"].lower() in ("ago", "earlier") else "FUTURE_REF")


@normalizer("year_earlier")
def year_earlier(g: dict, ctx: Context) -> Normal | None:
    """ "a year earlier", "the year-ago quarter"."""
    noun = (g.get("noun") or "").lower()
    if noun == "quarter" and ctx.state.last_quarter:
        y, q = ctx.state.last_quarter
        return Normal(f"{y - 1:04d}-Q{q}")
    near = ctx.state.quarter_near(ctx.start)
    if near and noun in ("", "period"):
        y, q = near
        return Normal(f"{y - 1:04d}-Q{q}")
    if ctx.anchor is None:
        return Normal(None)
    return Normal(f"{ctx.anchor.year - 1:04d}")


@normalizer("reference")
def reference(g: dict, ctx: Context) -> Normal | None:
    """ "now", "currently", "at present", "nowadays": the table's value."""
    return Normal(vocabulary("references")[re.sub(r"\s+", " ", g["r"].lower())])


@normalizer("the_time")
def the_time(g: dict, ctx: Context) -> Normal | None:
    """ "at the time", "by that time": a time the article has been talking about, in the past
    unless the verb looks ahead."""
    return Normal("FUTURE_REF" if ctx.direction() > 0 else "PAST_REF")


@normalizer("recent_units")
def recent_units(g: dict, ctx: Context) -> Normal | None:
    """ "recent years", "the past few months", "the coming weeks"."""
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    unit = g["u"].lower()
    if rel in ("past", "last few") or (rel == "few" and not g.get("the")):
        return Normal("PAST_REF")
    if rel == "future":
        return Normal("FUTURE_REF")
    return Normal(vague_duration(unit), type="DURATION")
