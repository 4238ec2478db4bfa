"""Durations and sets: "three years", "half an hour", "every Monday", "daily", "twice a
week"."""

from __future__ import annotations

import re

from communique.times.grammar import Candidate, vocabulary
from communique.times.normalize.common import (
    cue_regex,
    duration_value,
    month_number,
    part_code,
    quantity_mod,
    to_number,
    vague_duration,
    weekday_number,
)
from communique.times.normalize.context import Context, Normal
from communique.times.normalize.registry import normalizer, validator


def _is_rate(text: str, start: int) -> bool:
    """Whether "a year" at ``start`` follows an amount ("$500 million a year")."""
    return bool(
        cue_regex("rate_words", r"\s+(?:[a-z]+\s+){0,2}$").search(text[max(0, start - 40) : start])
    ) or bool(re.search(r"\d[\d,.]*%?\s+(?:[a-z]+\s+){0,2}$", text[max(0, start - 40) : start]))


@validator("duration")
def _duration_is_time(c: Candidate, text: str) -> bool:
    g = c.groups
    written = c.group("u")
    if written.istitle() and not written.isupper():
        return False  # "60 Minutes", "Seven Years in Tibet": a title, not a duration
    unit = written.lower()
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
    if (g.get("adjform") or "").lower().endswith("old") or re.match(r"\s+old\b", text[c.end :]):
        return False  # ages ("a 6-year-old") are not annotated as times
    if unit == "quarter" and not g.get("det") and number in ("one", "a"):
        return False
    return not (
        number in ("a", "an")
        and re.match(r"\s+(?:of|or\s+two)\b", text[c.end :]) is None
        and re.match(r"\s*-", text[c.end :])
    )


@normalizer("duration")
def duration(g: dict, ctx: Context) -> Normal | None:
    """ "three years", "more than two decades", "the past 24 hours"; "a year" after an amount
    is a rate (a SET)."""
    amount = None if g.get("v") else to_number(g.get("n"))
    if not g.get("v") and amount is None:
        return None
    if amount is not None and (
        g.get("half") or "and a half" in ctx.text[ctx.start : ctx.end].lower()
    ):
        amount += 0.5
    single = (g.get("n") or "").lower() in ("a", "an") and not g.get("det") and not g.get("qm")
    if single and _is_rate(ctx.text, ctx.start):
        # "$500 million a year", "four flights a week": a frequency
        return Normal(duration_value(1, g["u"]), type="SET")
    return Normal(duration_value(amount, g["u"]), mod=quantity_mod(g.get("qm")))


@normalizer("half_unit")
def half_unit(g: dict, ctx: Context) -> Normal | None:
    """ "half an hour", "half a century"."""
    return Normal(duration_value(0.5, g["u"]), mod=quantity_mod(g.get("qm")))


@normalizer("bare_units")
def bare_units(g: dict, ctx: Context) -> Normal | None:
    """ "for years", "within days": a vague duration."""
    return Normal(vague_duration(g["u"]))


@normalizer("the_past_unit")
def the_past_unit(g: dict, ctx: Context) -> Normal | None:
    """ "the past decade", "the last hour": one unit."""
    return Normal(duration_value(1, g["u"]), mod=quantity_mod(g.get("qm")))


@normalizer("weekdays_set", "every_weekday_part")
def weekdays_set(g: dict, ctx: Context) -> Normal | None:
    """ "Mondays", "every Tuesday morning"."""
    part = part_code(g.get("part") or g.get("part2")) or ""
    day = g.get("wd") or g.get("wd2") or g["wds"][:-1]
    return Normal(f"XXXX-WXX-{weekday_number(day)}{part}")


@normalizer("weekend_set")
def weekend_set(g: dict, ctx: Context) -> Normal | None:
    """ "on weekends", "every weekend"."""
    return Normal("XXXX-WXX-WE")


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


@normalizer("every")
def every(g: dict, ctx: Context) -> Normal | None:
    """ "every year", "each Monday", "every other week", "every morning"."""
    if g.get("wd"):
        return Normal(f"XXXX-WXX-{weekday_number(g['wd'])}")
    if g.get("m"):
        return Normal(f"XXXX-{month_number(g['m']):02d}")
    if g.get("s"):
        return Normal(f"XXXX-{vocabulary('seasons')['seasons'][g['s'].lower()]}")
    if g.get("p"):
        return Normal(f"XXXX-XX-XX{part_code(g['p'])}")
    count = 2 if (g.get("n") or "").lower() == "other" else to_number(g.get("n")) or 1
    return Normal(duration_value(count, g["u"]))


@normalizer("adverb_set")
def adverb_set(g: dict, ctx: Context) -> Normal | None:
    """ "daily", "weekly", "annually"."""
    return Normal(ADVERB_SETS[g["w"].lower()])


@normalizer("times_a")
def times_a(g: dict, ctx: Context) -> Normal | None:
    """ "twice a week", "three times a year"."""
    return Normal(duration_value(1, g["u"]))
