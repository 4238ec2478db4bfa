"""Calendar arithmetic and word look-ups the normalisers share: numbers, month and weekday
names, modifiers, the occurrence nearest the article's date, units and durations."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from communique.times.grammar import vocabulary
from communique.times.normalize.context import Context

PAST_WORDS = frozenset({"last", "past", "previous", "this past", "latest", "recent", "most recent"})


NEXT_WORDS = frozenset({"next", "coming", "following", "upcoming"})


@functools.cache
def cues() -> dict[str, frozenset[str]]:
    """The context word lists of ``data/cues.json``, as sets."""
    return {name: frozenset(words) for name, words in vocabulary("cues").items()}


@functools.cache
def cue_regex(name: str, suffix: str = r"\s*$") -> re.Pattern:
    """A regex for one of the words of a cue list as the last word before a match."""
    words = "|".join(re.escape(w) for w in sorted(cues()[name], key=lambda w: (-len(w), w)))
    return re.compile(rf"(?:(?<![\w.#])(?:{words})|\bmid-){suffix}", re.IGNORECASE)


def to_number(word: str | None) -> float | None:
    """A number written in words or digits ("twenty-five", "2 1/2", "1,000"), else None."""
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


def to_ordinal(word: str) -> int | None:
    """An ordinal in words or digits ("third", "21st"), else None."""
    word = word.lower()
    ordinals = vocabulary("numbers")["ordinals"]
    if word in ordinals:
        return ordinals[word]
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else None


def day_number(digits: str) -> int:
    """The day of the month a numeral starts with ("14", "14th", "3rd" -> 3)."""
    match = re.match(r"\d+", digits)
    if match is None:
        raise ValueError(f"no day number in {digits!r}")
    return int(match.group())


def month_number(name: str) -> int:
    """The number of a month name or abbreviation ("Sept." -> 9)."""
    months = vocabulary("months")
    return months[name.rstrip(".").title()]


def weekday_number(name: str) -> int:
    """The ISO number of a weekday name or abbreviation ("Tue." -> 2)."""
    return vocabulary("weekdays")[name.rstrip(".").title()]


def fmt_date(day: dt.date) -> str:
    """A date as a TIMEX3 value (YYYY-MM-DD)."""
    return day.isoformat()


def fmt_week(day: dt.date) -> str:
    """The ISO week of a date as a TIMEX3 value (YYYY-Www)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """Year and month ``delta`` months on."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def quarter_of(day: dt.date) -> tuple[int, int]:
    """Year and quarter of a date."""
    return day.year, (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    """Year and quarter ``delta`` quarters on."""
    index = year * 4 + quarter - 1 + delta
    return index // 4, index % 4 + 1


def point_mod(*words: str | None) -> str | None:
    """The TIMEX3 mod of the first modifier known for points in time ("early" -> START)."""
    table = vocabulary("modifiers")["point"]
    for word in words:
        if word:
            key = re.sub(r"\s+", " ", word.lower()).rstrip("-")
            if key in table:
                return table[key]
    return None


def quantity_mod(word: str | None) -> str | None:
    """The TIMEX3 mod of a quantity modifier ("more than" -> MORE_THAN)."""
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


Option = TypeVar("Option", bound=tuple[int, ...])


def pick(
    options: Sequence[Option],
    anchor: Option,
    direction: int,
    distance: Callable[[Option, Option], float],
) -> Option:
    """The option nearest to the anchor, distances weighted by the direction of the tense."""
    past_weight, future_weight = DIRECTION_WEIGHTS[max(-2, min(2, direction))]

    def cost(option: Option) -> tuple[float, bool]:
        weight = future_weight if option > anchor else past_weight
        return distance(option, anchor) * weight, (option > anchor) != (direction > 0)

    return min(options, key=cost)


def hinted_year(ctx: Context) -> int | None:
    """The year named in the sentence, unless the tense contradicts it."""
    hint = ctx.year_hint
    if hint is None or ctx.anchor is None:
        return hint
    direction = ctx.direction()
    if (hint < ctx.anchor.year and direction > 0) or (hint > ctx.anchor.year and direction < 0):
        return None
    return hint


def year_for_month(month: int, ctx: Context, day: int | None = None) -> int | None:
    """The year of a partial date (month, or month and day) from the hint or the tense."""
    if hinted_year(ctx) is not None:
        return hinted_year(ctx)
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor
    if day is None:
        options = [(y, month) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        year, _ = pick(
            options,
            (anchor.year, anchor.month),
            ctx.direction(),
            lambda o, a: abs((o[0] * 12 + o[1]) - (a[0] * 12 + a[1])),
        )
        return year
    ordinals = []
    for year in range(anchor.year - 4, anchor.year + 5):
        if day <= calendar.monthrange(year, month)[1]:
            ordinals.append(dt.date(year, month, day).toordinal())
    if not ordinals:
        return None
    picked = pick(
        [(o,) for o in ordinals],
        (anchor.toordinal(),),
        ctx.direction(),
        lambda o, a: abs(o[0] - a[0]),
    )
    return dt.date.fromordinal(picked[0]).year


def relative_year(word: str | None, ctx: Context) -> int | None:
    """The year a relative word names ("last", "next", "that"), from the article's date."""
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


def weekday_date(anchor: dt.date, weekday: int, rel: str | None, direction: int) -> dt.date:
    """The date of a weekday near the anchor: by "last"/"next"/"this", else by the tense."""
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


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether the day exists in that month (of that year, or of any year when None)."""
    limit = (
        calendar.monthrange(year, month)[1]
        if year
        else (29 if month == 2 else calendar.monthrange(2001, month)[1])
    )
    return 1 <= day <= limit


def year_from_groups(g: dict, ctx: Context) -> int | None:
    """The year the match names itself ("2019", "last year"), else None."""
    if g.get("y"):
        return int(g["y"])
    if g.get("yrel"):
        return relative_year(g["yrel"], ctx)
    return None


def date_value(year: int | None, month: int, day: int) -> str | None:
    """A TIMEX3 date (XXXX for an unknown year), or None for a day that does not exist."""
    if not valid_day(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"


def accounting_year(ctx: Context) -> bool:
    """ "the year ended March 31": twelve months closing on a date, not a calendar year."""
    return bool(re.match(r"\s+(?:ended|ending|to)\b", ctx.text[ctx.end : ctx.end + 10]))


DAY_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": 0}


def part_code(part: str | None) -> str | None:
    """The TIMEX3 code of a part of the day ("morning" -> TMO), else None."""
    if not part:
        return None
    code = vocabulary("seasons")["parts_of_day"].get(part.lower())
    return code if code is None or code.startswith("T") else "T" + code


def unit_info(word: str) -> tuple[str, int, str]:
    """TIMEX3 code, multiplier and granularity of a unit word ("decades" -> Y, 10, decade)."""
    code, multiplier, granularity = vocabulary("units")[word.lower()]
    return code, multiplier, granularity


SMALLER_UNIT = {
    "Y": ("M", 12),
    "M": ("D", 30),
    "W": ("D", 7),
    "D": ("H", 24),
    "H": ("MIN", 60),
    "MIN": ("S", 60),
}


def vague_duration(unit: str) -> str:
    """A duration of an unknown number of units ("years" -> PXY, "hours" -> PTXH)."""
    code, multiplier, _ = unit_info(unit)
    if code in ("H", "MIN", "S"):
        return f"PTX{code[0]}"
    return "PXY" if multiplier >= 10 else f"PX{code}"


def duration_value(amount: float | None, unit: str) -> str:
    """``P2Y``, ``PT5H``, ``P2Y6M`` (two and a half years), ``PXY`` (amount None)."""
    code, multiplier, _ = unit_info(unit)
    if amount is None:
        return vague_duration(unit)
    total = amount * multiplier
    whole = int(total)
    parts: list[tuple[float, str]] = [(whole, code)] if whole else []
    if total != whole and code in SMALLER_UNIT:
        smaller, factor = SMALLER_UNIT[code]
        parts.append((round((total - whole) * factor), smaller))
    elif total != whole:
        parts = [(round(total, 2), code)]
    date_part = "".join(f"{n}{c}" for n, c in parts if c in ("Y", "M", "W", "D", "Q"))
    time_part = "".join(f"{n}{c[0]}" for n, c in parts if c in ("H", "MIN", "S"))
    return "P" + date_part + ("T" + time_part if time_part else "")
