"""The article's date: from ``--date``, page metadata, the dateline, or a year in the text.

Order (first that gives a date wins): ``--date`` ("cli"), metadata ("metadata"), a dateline
with a full date ("dateline"), a dateline's month and day completed with the year of the
metadata or, failing that, the latest explicit year in the text ("inferred").
"""

from __future__ import annotations

import datetime as dt
import re

from communique.article.dateline import MONTH, ParsedDateline, month_numbers
from communique.model import Dateline

MonthDay = tuple[int, int]

_ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
# A year written out: 1900-2099, not part of a longer number, a fraction or an amount.
_YEAR = re.compile(r"(?<![\d,.$€£/])(?P<year>(?:19|20)\d\d)(?!\d|[,.]\d|%)")
# Years that name a deadline or a plan, not when the article was written.
_FUTURE_CUE = re.compile(r"\b(?:by|until|till|through|before|to|beyond|in\s+the\s+year)\s+$", re.I)
_DATE_PATTERNS = (
    # January 29, 2019 / Jan. 29 2019 / Tue, Jan 29, 2019
    re.compile(
        rf"(?P<month>{MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
        re.I,
    ),
    # 29 January 2019 / 29 Jan, 2019
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH})\.?,?\s+(?P<year>(?:19|20)\d\d)\b",
        re.I,
    ),
    # 2019-01-29 / 2019/01/29
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})\b"),
)


def parse_date(value: str | None) -> dt.date | None:
    """A date from ``YYYY-MM-DD...`` (ISO, possibly with a time) or None when it is not one."""
    if not value:
        return None
    match = _ISO_PREFIX.match(value)
    if match is None or match.group(3) is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _year_of(value: str | None) -> int | None:
    """The year of a full or partial ISO date ("2019", "2019-01", "2019-01-29T10:00")."""
    if not value:
        return None
    match = _ISO_PREFIX.match(value)
    return int(match.group(1)) if match else None


def find_date(text: str) -> str | None:
    """The first complete written date in ``text`` ("Jan. 29, 2019", "29 January 2019",
    "2019-01-29") as YYYY-MM-DD, or None."""
    dates = written_dates(text)
    return dates[0][1].isoformat() if dates else None


# Numeric dates of page time stamps: 20.02.2018 is day.month.year; with slashes the order is
# known only when one of the first two numbers is above 12 (25/04/2024, 7/14/2019).
_DOTTED_DATE = re.compile(
    r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b"
)
_SLASHED_DATE = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d\d)\b")


def stamp_date(text: str) -> str | None:
    """The date of a page's time stamp or byline line as YYYY-MM-DD: a written date
    (:func:`find_date`), or a numeric one ("20.02.2018", "25/04/2024", "7/14/2019") when its
    order of day and month is certain."""
    written = find_date(text)
    if written is not None:
        return written
    found = []
    for match in _DOTTED_DATE.finditer(text):
        date = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
        found.append((match.start(), date))
    for match in _SLASHED_DATE.finditer(text):
        a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
        if (a > 12) == (b > 12):
            continue  # both could be the month, or neither
        date = _safe_date(year, b, a) if a > 12 else _safe_date(year, a, b)
        found.append((match.start(), date))
    dates = sorted((start, date) for start, date in found if date is not None)
    return dates[0][1].isoformat() if dates else None


def written_dates(text: str) -> list[tuple[int, dt.date]]:
    """Every complete written date in ``text`` with where it starts, in order."""
    found = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            month = match["month"]
            number = (
                month_numbers().get(month.lower().rstrip("."))
                if not month.isdigit()
                else int(month)
            )
            date = _safe_date(int(match["year"]), number, int(match["day"])) if number else None
            if date is not None:
                found.append((match.start(), date))
    return sorted(found)


def latest_year(text: str, *, not_after: int | None = None) -> int | None:
    """The latest explicit year written in ``text`` (ignoring deadlines such as "by 2030" and
    years after ``not_after``, by default the current year)."""
    limit = not_after if not_after is not None else dt.date.today().year
    years = []
    for match in _YEAR.finditer(text):
        year = int(match["year"])
        if year > limit or _FUTURE_CUE.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        years.append(year)
    return max(years, default=None)


def complete_month_day(
    month_day: MonthDay, *, year: int | None = None, reference: dt.date | None = None
) -> str | None:
    """A dateline's month and day as YYYY-MM-DD: with ``year``, or with the year that puts it
    nearest to ``reference`` (a 31 December dateline on a 1 January page is the year before)."""
    month, day = month_day
    if reference is not None:
        candidates = []
        for candidate_year in (reference.year - 1, reference.year, reference.year + 1):
            date = _safe_date(candidate_year, month, day)
            if date is not None:
                candidates.append(
                    (abs((date - reference).days), candidate_year != reference.year, date)
                )
        return min(candidates)[2].isoformat() if candidates else None
    if year is None:
        return None
    date = _safe_date(year, month, day)
    return date.isoformat() if date else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_article_date(
    cli_date: str | None,
    metadata_date: str | None,
    dateline_month_day: MonthDay | None,
    text: str,
    *,
    dateline_year: int | None = None,
) -> tuple[str | None, str | None]:
    """The article's date as (YYYY-MM-DD, date_source), or (None, None) when nothing gives one.

    ``cli_date`` and ``metadata_date`` are ISO dates (metadata may carry a time or be only a
    year); ``dateline_month_day`` is what the dateline says, ``dateline_year`` its year when it
    writes one; ``text`` is searched for the latest explicit year when nothing else gives it.
    """
    cli = parse_date(cli_date)
    if cli is not None:
        return cli.isoformat(), "cli"
    metadata = parse_date(metadata_date)
    if metadata is not None:
        return metadata.isoformat(), "metadata"
    if dateline_month_day is None:
        return None, None
    if dateline_year is not None:
        full = complete_month_day(dateline_month_day, year=dateline_year)
        if full is not None:
            return full, "dateline"
    year = _year_of(metadata_date)
    if year is None:
        year = latest_year(text)
        if year is not None:
            year = _after_reported_dates(dateline_month_day, year, text)
    full = complete_month_day(dateline_month_day, year=year) if year else None
    return (full, "inferred") if full else (None, None)


def _after_reported_dates(month_day: MonthDay, year: int, text: str) -> int:
    """The year for a dateline's month and day when ``year`` is the latest in the text: the
    year after it when the text reports a complete date of that year later than the dateline
    ("... shot down on November 24, 2015" under a June 27 dateline was written in 2016)."""
    dateline = _safe_date(year, *month_day)
    if dateline is None or year + 1 > dt.date.today().year:
        return year
    for start, date in written_dates(text):
        if date > dateline and not _FUTURE_CUE.search(text[max(0, start - 20) : start]):
            return year + 1
    return year


def dateline_full_date(
    dateline_month_day: MonthDay | None,
    *,
    dateline_year: int | None = None,
    article_date: str | None = None,
    date_source: str | None = None,
) -> str | None:
    """The dateline's own date in full, once the article's date (or the year) is known."""
    if dateline_month_day is None:
        return None
    if dateline_year is not None:
        return complete_month_day(dateline_month_day, year=dateline_year)
    reference = parse_date(article_date)
    if reference is None:
        return None
    if date_source in ("dateline", "inferred"):
        return complete_month_day(dateline_month_day, year=reference.year)
    return complete_month_day(dateline_month_day, reference=reference)


def date_article(
    cli_date: str | None,
    metadata_date: str | None,
    parsed: ParsedDateline | None,
    text: str,
) -> tuple[str | None, str | None, Dateline | None]:
    """The article's date and its source, and the dateline (when ``parsed`` found one) with its
    own date completed: what both readers do once they have the metadata and the dateline."""
    month_day = (parsed.month, parsed.day) if parsed and parsed.month and parsed.day else None
    year = parsed.year if parsed else None
    date, source = resolve_article_date(
        cli_date, metadata_date, month_day, text, dateline_year=year
    )
    if parsed is None:
        return date, source, None
    dateline = parsed.dateline.model_copy()
    dateline.date = dateline_full_date(
        month_day, dateline_year=year, article_date=date, date_source=source
    )
    return date, source, dateline
