"""Times of day: "3 p.m.", "15:30 GMT", "0600 hours", "noon", "six o'clock", on the day
the text names or the article's."""

from __future__ import annotations

import datetime as dt
import functools
import re

from communique.times.grammar import Candidate, expand
from communique.times.normalize.common import (
    DAY_OFFSETS,
    cue_regex,
    date_value,
    day_number,
    fmt_date,
    month_number,
    to_number,
    weekday_date,
    weekday_number,
    year_for_month,
)
from communique.times.normalize.context import Context, Normal
from communique.times.normalize.registry import normalizer, validator


@validator("clock24")
def _clock24_is_time(c: Candidate, text: str) -> bool:
    before = text[max(0, c.start - 12) : c.start].lower()
    after = text[c.end : c.end + 14].lower()
    return bool(
        c.groups.get("zone")
        or cue_regex("clock_cues", r"\s+$").search(before)
        or re.match(r"\s*(?:gmt|utc|local|hours|hrs|[a-z]st\b|[a-z]dt\b)", after)
    )


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
        return fmt_date(ctx.anchor + dt.timedelta(days=DAY_OFFSETS.get(g["day"].lower(), 0)))
    if g.get("m") or g.get("m2"):
        name, digits = (g["m"], g["d"]) if g.get("m") else (g["m2"], g["d2"])
        number, day = month_number(name), day_number(digits)
        year = year_for_month(number, ctx, day)
        return date_value(year, number, day) or fmt_date(ctx.anchor)
    if g.get("wd"):
        return fmt_date(weekday_date(ctx.anchor, weekday_number(g["wd"]), None, ctx.direction()))
    following = _on_day_regex().match(ctx.text, ctx.end)
    if following:  # "at 0600 GMT on Friday": the time is on that day
        return _day_of({k: v for k, v in following.groupdict().items() if v}, ctx)
    return fmt_date(ctx.anchor)


@functools.cache
def _on_day_regex() -> re.Pattern:
    """ "on Friday", "on Nov. 6", "on Friday, Nov. 6" right after a clock time."""
    return re.compile(
        expand(
            r"(?:\s*\([^()]{1,24}\))?,?\s+(?:on\s+)?(?:{WEEKDAY:wd}(?!,?\s+{MONTH}\s+{DAY})|(?:{WEEKDAY},?\s+)?{MONTH:m}\s+{DAY:d})"
        ),
        re.IGNORECASE,
    )


@normalizer("clock", "clock24", "military", "weekday_clock")
def clock(g: dict, ctx: Context) -> Normal | None:
    """ "3 p.m.", "about 10:30 a.m. on Friday"; also "15:30 GMT", "0600 hours" and "Monday
    at 9 a.m."."""
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


@normalizer("noon")
def noon(g: dict, ctx: Context) -> Normal | None:
    """ "noon", "midnight", "midday Friday"."""
    hour = "24:00" if g["word"].lower() == "midnight" else "12:00"
    return Normal(f"{_day_of(g, ctx)}T{hour}")


@normalizer("oclock")
def oclock(g: dict, ctx: Context) -> Normal | None:
    """ "six o'clock in the evening"."""
    hour = to_number(g["n"])
    if hour is None or not 1 <= hour <= 12:
        return None
    hour = int(hour) + (
        12 if (g.get("part") or "").lower() in ("afternoon", "evening") and hour < 12 else 0
    )
    return Normal(f"{_day_of(g, ctx)}T{hour:02d}:00")
