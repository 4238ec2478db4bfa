"""Calendar dates: full, partial ("November 14", "March"), years, decades, centuries,
seasons, quarters and halves, holidays, financial periods."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from communique.times.grammar import Candidate, vocabulary
from communique.times.normalize.common import (
    NEXT_WORDS,
    PAST_WORDS,
    accounting_year,
    cue_regex,
    cues,
    date_value,
    day_number,
    fmt_date,
    fmt_week,
    hinted_year,
    month_number,
    pick,
    point_mod,
    quarter_of,
    relative_year,
    shift_quarter,
    to_number,
    to_ordinal,
    valid_day,
    weekday_number,
    year_for_month,
    year_from_groups,
)
from communique.times.normalize.context import Context, Normal
from communique.times.normalize.registry import normalizer, validator

SEASON_ORDER = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}


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


@validator("month")
def _month_is_time(c: Candidate, text: str) -> bool:
    name = c.group("m").rstrip(".")
    if c.groups.get("pre") or c.groups.get("adj"):
        return True
    before = text[max(0, c.start - 20) : c.start]
    if name.lower() in cues()["ambiguous_months"] or name.isupper():
        if name != "May" and re.search(r"\b(?:[Tt]he|[Ii]ts|[Tt]his|[Nn]ext|[Ll]ast)\s+$", before):
            return True  # "the March accession" (but "the May government" is Theresa May's)
        if re.match(r"\.?\s+[A-Z][a-z]", text[c.end :]):
            # "Jan Kavan", "a letter to May Smith": a first name, unless a word that only
            # governs times comes before ("In May Parliament voted")
            return bool(cue_regex("strong_month_cues").search(before))
        return bool(cue_regex("month_cues").search(before))
    # "Theresa May", "June Carter": a capitalised word right before, not a function word
    previous = re.search(r"([A-Z][a-z]+) $", before)
    return (
        not previous
        or previous.group(1).lower() in cues()["function_words"]
        or bool(cue_regex("month_cues").search(previous.group(1)))
    )


@validator("year")
def _year_is_time(c: Candidate, text: str) -> bool:
    if any(c.groups.get(name) for name in ("fiscal", "fy", "the", "pre", "adj")):
        return True
    before = text[max(0, c.start - 12) : c.start]
    after = re.match(r"\s*(?:[a-z]+\s+)?([a-z]+)", text[c.end : c.end + 24])
    if after and after.group(1) in cues()["counted_nouns"]:
        return False  # "2000 people", "1500 armed troops": a count
    if cue_regex("not_year_after").search(before):
        return False
    return not re.search(r"\b(?:to|from)\s*$", before) or 1900 <= int(c.group("y")) <= 2100


@validator("quarter")
def _quarter_is_time(c: Candidate, text: str) -> bool:
    g = c.groups
    if not (g.get("o") or g.get("rel") or g.get("det") or g.get("y") or g.get("fy")):
        return False
    if (g.get("det") or "").lower() == "a" and not g.get("o"):
        return False
    return bool(g.get("o") or g.get("y") or g.get("yrel")) or not re.match(
        r"\s+of\b", text[c.end :]
    )


@validator("season")
def _season_is_time(c: Candidate, text: str) -> bool:
    g = c.groups
    if c.group("s").lower() in ("fall", "spring"):
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
        return bool(cue_regex("season_cues", r"\s+$").search(text[max(0, c.start - 10) : c.start]))
    return True


@normalizer("iso_date")
def iso_date(g: dict, ctx: Context) -> Normal | None:
    """ "2019-01-29"."""
    value = date_value(int(g["y"]), int(g["mo"]), int(g["d"]))
    return Normal(value) if value else None


@normalizer("numeric_date")
def numeric_date(g: dict, ctx: Context) -> Normal | None:
    """ "1/29/2019", "1/29/19"."""
    year = int(g["y"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    value = date_value(year, int(g["mo"]), int(g["d"]))
    return Normal(value) if value else None


@normalizer("part_of_date")
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
    week = fmt_week(dt.date(*(int(x) for x in match.groups())))
    return Normal(week + ("-WE" if g["part"].lower() == "weekend" else ""))


@normalizer("month_day", "day_month")
def month_day(g: dict, ctx: Context) -> Normal | None:
    """ "November 14", "14 November", "Tuesday, Jan. 22": the year from the match, else from
    the sentence, the weekday or the tense."""
    month, day = month_number(g["m"]), day_number(g["d"])
    year = year_from_groups(g, ctx)
    if year is None:
        if g.get("wd") and ctx.anchor:
            year = _year_matching_weekday(month, day, weekday_number(g["wd"]), ctx.anchor)
        if year is None:
            year = year_for_month(month, ctx, day)
    value = date_value(year, month, day)
    return Normal(value, mod=point_mod(g.get("pre"), g.get("adj"))) if value else None


def _year_matching_weekday(month: int, day: int, weekday: int, anchor: dt.date) -> int | None:
    """ "Tuesday, January 22": the year near the anchor where that day is that weekday."""
    for year in sorted(range(anchor.year - 1, anchor.year + 2), key=lambda y: abs(y - anchor.year)):
        if valid_day(year, month, day) and dt.date(year, month, day).isoweekday() == weekday:
            return year
    return None


@normalizer("month_year")
def month_year(g: dict, ctx: Context) -> Normal | None:
    """ "November 2018", "March of last year"."""
    year = year_from_groups(g, ctx)
    month = month_number(g["m"])
    value = f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}"
    return Normal(value, mod=point_mod(g.get("pre"), g.get("adj")))


@normalizer("month_relative")
def month_relative(g: dict, ctx: Context) -> Normal | None:
    """ "last March", "next June"."""
    month = month_number(g["m"])
    rel = g["rel"].lower()
    if ctx.anchor is None:
        return Normal(f"XXXX-{month:02d}")
    year = ctx.anchor.year
    if rel in PAST_WORDS:
        year = year if month < ctx.anchor.month else year - 1
    elif rel in NEXT_WORDS:
        year = year if month > ctx.anchor.month else year + 1
    return Normal(f"{year:04d}-{month:02d}", mod=point_mod(g.get("pre"), g.get("adj")))


@normalizer("month")
def month(g: dict, ctx: Context) -> Normal | None:
    """ "March": the year from the sentence or the tense."""
    number = month_number(g["m"])
    year = year_for_month(number, ctx)
    value = f"{year:04d}-{number:02d}" if year else f"XXXX-{number:02d}"
    return Normal(value, mod=point_mod(g.get("pre"), g.get("adj")))


def _season_index(day: dt.date) -> int:
    """Seasons counted from year 0 (year * 4 + 0..3); January and February are the winter
    that began in December of the year before."""
    year, month = day.year, day.month
    if month <= 2:
        return (year - 1) * 4 + 3
    return year * 4 + (month - 3) // 3


@normalizer("season")
def season(g: dict, ctx: Context) -> Normal | None:
    """ "the summer", "last spring", "autumn 2019"."""
    code = vocabulary("seasons")["seasons"][g["s"].lower()]
    mod = point_mod(g.get("pre"), g.get("adj"), g.get("adj2"))
    year = year_from_groups(g, ctx)
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
                hinted_year(ctx)
                or pick(options, (now,), ctx.direction(), lambda o, a: abs(o[0] - a[0]))[0] // 4
            )
    value = f"{year:04d}-{code}" if year else f"XXXX-{code}"
    return Normal(value, mod=mod)


@normalizer("year")
def year(g: dict, ctx: Context) -> Normal | None:
    """ "2019", "fiscal 2019", "FY12"."""
    value = _fiscal_short_year(g["yy"]) if g.get("yy") else g["y"]
    return Normal(value, mod=point_mod(g.get("pre"), g.get("adj")))


def _fiscal_short_year(digits: str) -> str:
    """ "FY12" -> 2012, "FY98" -> 1998."""
    return f"{(2000 if int(digits) < 50 else 1900) + int(digits)}"


@normalizer("spelled_year")
def spelled_year(g: dict, ctx: Context) -> Normal | None:
    """ "nineteen ninety-eight", "the year two thousand"."""
    if not g.get("c"):
        return Normal(f"{2000 + int(to_number(g.get('yy2')) or 0):04d}")
    century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[g["c"].lower()]
    rest = re.sub(r"^oh[-\s]", "", g["yy"].lower())
    number = 0 if rest == "hundred" else to_number(rest)
    if number is None or not 0 <= number < 100:
        return None
    return Normal(f"{century}{int(number):02d}")


@normalizer("short_year")
def short_year(g: dict, ctx: Context) -> Normal | None:
    """ "in '98"."""
    yy = int(g["yy"])
    century = 19 if ctx.anchor is None or yy > ctx.anchor.year % 100 else 20
    return Normal(f"{century}{yy:02d}")


@normalizer("decade")
def decade(g: dict, ctx: Context) -> Normal | None:
    """ "the 1990s", "the early '80s", "the sixties"; "the 1800s" is a century."""
    mod = point_mod(g.get("pre"), g.get("adj"))
    if g.get("c") and g["dd"] == "0" and int(g["c"]) < 20:
        return Normal(g["c"], mod=mod)  # "the 1800s": a century ("the 2000s" is a decade)
    if g.get("c"):
        value = g["c"] + g["dd"]
    elif g.get("dd2"):
        value = "19" + g["dd2"]
    else:
        value = f"19{vocabulary('numbers')['decades'][g['dw'].lower()]}"
    return Normal(value, mod=point_mod(g.get("pre"), g.get("adj")))


@normalizer("century")
def century(g: dict, ctx: Context) -> Normal | None:
    """ "the 20th century"."""
    number = to_ordinal(g["o"])
    if not number or number < 1 or number > 30:
        return None
    return Normal(f"{number - 1:02d}", mod=point_mod(g.get("pre"), g.get("adj")))


@normalizer("quarter")
def quarter(g: dict, ctx: Context) -> Normal | None:
    """ "the third quarter", "the latest quarter", "the year-earlier quarter"."""
    rel = re.sub(r"[-\s]+", " ", (g.get("rel") or "").lower())
    det = (g.get("det") or "").lower()
    number = QUARTER_WORDS.get((g.get("o") or "").lower())
    year = int(g["y"]) if g.get("y") else int(g["fy"]) if g.get("fy") else None
    if year is None and g.get("yrel"):
        year = relative_year(g["yrel"], ctx)
    if year is None and det.endswith("year's"):
        year = relative_year(det.split()[0], ctx)
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
    current = quarter_of(ctx.anchor)
    if rel in ("current", "this"):
        found = current
    elif rel in ("next", "coming"):
        found = shift_quarter(*current, 1)
    elif rel in ("latest", "last", "past", "previous", "recent", "most recent"):
        found = shift_quarter(*current, -1)
    else:
        found = ctx.state.last_quarter or shift_quarter(*current, -1)
        if year is not None:
            found = (year, found[1])
    if not back:
        ctx.state.last_quarter, ctx.state.last_quarter_at = found, ctx.end
    return Normal(f"{found[0] - back:04d}-Q{found[1]}")


def _year_for_quarter(number: int, ctx: Context) -> int | None:
    if hinted_year(ctx) is not None:
        return hinted_year(ctx)
    if ctx.anchor is None:
        return None
    # quarters are reported once over: the latest one, unless the verb looks ahead
    year, current = quarter_of(ctx.anchor)
    if number <= current:
        return year
    return year if ctx.direction() > 0 else year - 1


@normalizer("half_year")
def half_year(g: dict, ctx: Context) -> Normal | None:
    """ "the first half of 2019"."""
    half = 1 if g["o"].lower() == "first" else 2
    year = year_from_groups(g, ctx) or hinted_year(ctx) or (ctx.anchor.year if ctx.anchor else None)
    return Normal(f"{year:04d}-H{half}" if year else f"XXXX-H{half}")


@normalizer("holiday")
def holiday(g: dict, ctx: Context) -> Normal | None:
    """ "Christmas", "last Easter", "Thanksgiving 2019"."""
    rule = vocabulary("holidays")[re.sub(r"\s+", " ", g["h"])]
    year = year_from_groups(g, ctx)
    if year is not None:
        return Normal(fmt_date(_holiday_date(rule, year)))
    anchor = ctx.anchor
    if anchor is None:
        return Normal(None)
    rel = (g.get("rel") or "").lower()
    options = [
        (_holiday_date(rule, y).toordinal(),) for y in range(anchor.year - 1, anchor.year + 2)
    ]
    now = (anchor.toordinal(),)
    if rel in PAST_WORDS:
        picked = max(o for o in options if o < now)
    elif rel in NEXT_WORDS:
        picked = min(o for o in options if o > now)
    else:
        picked = pick(options, now, ctx.direction(), lambda o, a: abs(o[0] - a[0]))
    return Normal(fmt_date(dt.date.fromordinal(picked[0])))


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


@normalizer("period")
def period(g: dict, ctx: Context) -> Normal | None:
    """ "the latest period", "the year-earlier period": a financial quarter."""
    rel = re.sub(r"[-\s]+", " ", g["rel"].lower())
    if ctx.anchor is None:
        return Normal(None)
    found = ctx.state.last_quarter or shift_quarter(*quarter_of(ctx.anchor), -1)
    if rel == "latest":
        found = shift_quarter(*quarter_of(ctx.anchor), -1)
    back = 1 if rel in ("year earlier", "year ago", "comparable", "corresponding") else 0
    return Normal(f"{found[0] - back:04d}-Q{found[1]}")


@normalizer("whole_year")
def whole_year(g: dict, ctx: Context) -> Normal | None:
    """ "the full year", "the current fiscal year"."""
    rel = g["rel"].lower()
    if accounting_year(ctx):
        return Normal("P1Y", type="DURATION")
    if ctx.anchor is None:
        return Normal(None)
    return Normal(f"{ctx.anchor.year - (1 if 'latest' in rel or 'previous' in rel else 0):04d}")


@normalizer("year_end")
def year_end(g: dict, ctx: Context) -> Normal | None:
    """ "year-end", "last year's end"."""
    if ctx.anchor is None:
        return Normal(None, mod="END")
    year = ctx.anchor.year - (1 if g.get("yrel") else 0)
    return Normal(f"{year:04d}", mod="APPROX" if g.get("qm") else "END")
