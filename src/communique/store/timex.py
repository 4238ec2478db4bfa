"""The days a TIMEX3 date value covers, for exports whose date fields need a calendar day.

TIMEX3 (TimeML) writes dates at many granularities: a day ``2019-02-14`` (with a time
``2019-02-14T10:00`` or a part of the day ``2019-02-14TMO``), an ISO week day
``2019-W07-4``, a weekend ``2019-W07-WE``, a week ``2022-W31``, a month ``2019-02``, a
season ``2019-SU``, a quarter ``2019-Q1``, a half year ``2019-H1``, a year ``2019``, a
decade ``199`` and a century ``19``. Unknown parts are ``X`` (``XXXX-02-14``,
``XXXX-WXX-2``), references are ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``. A value with a
known year covers a span of days (one day for a day); the others cover no day that the value
alone can name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

# Seasons as TimeML writes them, with the months they cover (winter runs into the next year,
# as the times stage counts it: "2019-WI" is December 2019 to February 2020).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_TIME_PART = re.compile(r"T.*$")
_UNKNOWN_TAIL = re.compile(r"(?:-XX?)+$")


@dataclass(frozen=True)
class Span:
    """The first and the last day a date value covers (the same day for a day)."""

    first: dt.date
    last: dt.date

    @property
    def is_day(self) -> bool:
        return self.first == self.last

    def contains(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


def _months(year: int, first_month: int, last_month: int) -> Span:
    """Months ``first_month``..``last_month`` of ``year`` (months past 12 are next year's)."""
    last_year, last = year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
    following = dt.date(last_year + last // 12, last % 12 + 1, 1)
    return Span(dt.date(year, first_month, 1), following - dt.timedelta(days=1))


def _years(first_year: int, count: int) -> Span:
    return Span(dt.date(max(first_year, 1), 1, 1), dt.date(first_year + count - 1, 12, 31))


def _day(m: re.Match) -> Span:
    day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Span(day, day)


def _week_day(m: re.Match) -> Span:
    day = dt.date.fromisocalendar(int(m["y"]), int(m["w"]), int(m["d"]))
    return Span(day, day)


def _weekend(m: re.Match) -> Span:
    saturday = dt.date.fromisocalendar(int(m["y"]), int(m["w"]), 6)
    return Span(saturday, saturday + dt.timedelta(days=1))


def _week(m: re.Match) -> Span:
    monday = dt.date.fromisocalendar(int(m["y"]), int(m["w"]), 1)
    return Span(monday, monday + dt.timedelta(days=6))


def _month(m: re.Match) -> Span:
    return _months(int(m["y"]), int(m["m"]), int(m["m"]))


def _season(m: re.Match) -> Span:
    return _months(int(m["y"]), *SEASON_MONTHS[m["s"]])


def _quarter(m: re.Match) -> Span:
    last = int(m["q"]) * 3
    return _months(int(m["y"]), last - 2, last)


def _half(m: re.Match) -> Span:
    last = int(m["h"]) * 6
    return _months(int(m["y"]), last - 5, last)


# Each shape of a value with a known year, and the days it covers.
_SHAPES: tuple[tuple[re.Pattern, Callable[[re.Match], Span]], ...] = tuple(
    (re.compile(pattern), build)
    for pattern, build in (
        (r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", _day),
        (r"(?P<y>\d{4})-W(?P<w>\d{2})-(?P<d>[1-7])", _week_day),
        (r"(?P<y>\d{4})-W(?P<w>\d{2})-WE", _weekend),
        (r"(?P<y>\d{4})-W(?P<w>\d{2})", _week),
        (r"(?P<y>\d{4})-(?P<m>\d{2})", _month),
        (r"(?P<y>\d{4})-(?P<s>SP|SU|FA|WI)", _season),
        (r"(?P<y>\d{4})-Q(?P<q>[1-4])", _quarter),
        (r"(?P<y>\d{4})-H(?P<h>[12])", _half),
        (r"(?P<y>\d{4})", lambda m: _years(int(m["y"]), 1)),
        (r"(?P<dec>\d{3})", lambda m: _years(int(m["dec"]) * 10, 10)),
        (r"(?P<c>\d{2})", lambda m: _years(int(m["c"]) * 100, 100)),
    )
)


def timex_span(value: str | None) -> Span | None:
    """The days a TIMEX3 date value covers, or None when it names no known stretch of the
    calendar (``PRESENT_REF``, ``XXXX-WXX-2``, a duration, a malformed value).

    >>> timex_span("2022-W31")
    Span(first=datetime.date(2022, 8, 1), last=datetime.date(2022, 8, 7))
    """
    if not value:
        return None
    text = _UNKNOWN_TAIL.sub("", _TIME_PART.sub("", value.strip()))
    for pattern, build in _SHAPES:
        match = pattern.fullmatch(text)
        if match is not None:
            try:
                return build(match)
            except ValueError:  # 2019-02-30, week 54, year 0
                return None
    return None
