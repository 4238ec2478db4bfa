"""The article's date: --date, metadata, the dateline, a year from the text."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.article.dates import (
    complete_month_day,
    dateline_full_date,
    find_date,
    latest_year,
    parse_date,
    resolve_article_date,
    stamp_date,
)

TEXT = "The leaders met in 2018. Relations in 2019 were good. The treaty of 1956 was cited."


def test_cli_date_comes_first():
    assert resolve_article_date("2020-05-01", "2019-01-01", (1, 29), TEXT) == ("2020-05-01", "cli")


def test_metadata_comes_second():
    assert resolve_article_date(None, "2019-01-30T10:00:00+03:00", (1, 29), TEXT) == (
        "2019-01-30",
        "metadata",
    )


def test_dateline_with_its_own_year():
    assert resolve_article_date(None, None, (1, 29), TEXT, dateline_year=2017) == (
        "2017-01-29",
        "dateline",
    )


def test_dateline_year_from_partial_metadata():
    assert resolve_article_date(None, "2016", (1, 29), TEXT) == ("2016-01-29", "inferred")


def test_dateline_year_from_the_latest_year_in_the_text():
    assert resolve_article_date(None, None, (1, 29), TEXT) == ("2019-01-29", "inferred")


def test_nothing_gives_a_date():
    assert resolve_article_date(None, None, None, TEXT) == (None, None)
    assert resolve_article_date(None, None, (1, 29), "No year here.") == (None, None)
    assert resolve_article_date(None, "not a date", None, TEXT) == (None, None)


def test_impossible_dateline_day_gives_no_date():
    assert resolve_article_date(None, None, (2, 30), TEXT) == (None, None)
    assert resolve_article_date(None, None, (2, 29), "It happened in 2019.") == (None, None)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        (TEXT, 2019),
        ("Emissions must fall by 2030, said the 2021 report.", 2021),
        ("Sales reached 2,019 units in 2015.", 2015),
        ("The plan runs until 2035.", None),
        ("In 2019, the talks resumed.", 2019),
        ("The 2017-2018 season ended.", 2018),
        ("It cost $2000 in 1999.", 1999),
        ("Nothing here.", None),
    ],
)
def test_latest_year(text, year):
    assert latest_year(text) == year


def test_latest_year_ignores_years_after_today():
    assert latest_year("A plan for 2999 and a report from 2001.") == 2001
    assert latest_year("Talks in 2018 and 2020.", not_after=2019) == 2018


def test_month_day_nearest_to_a_reference():
    assert complete_month_day((12, 31), reference=dt.date(2020, 1, 1)) == "2019-12-31"
    assert complete_month_day((1, 2), reference=dt.date(2019, 12, 30)) == "2020-01-02"
    assert complete_month_day((1, 29), year=2019) == "2019-01-29"
    assert complete_month_day((1, 29)) is None


def test_dateline_full_date():
    assert dateline_full_date((1, 29), article_date="2019-01-30", date_source="cli") == "2019-01-29"
    assert (
        dateline_full_date((1, 29), article_date="2019-01-29", date_source="inferred")
        == "2019-01-29"
    )
    assert dateline_full_date((1, 29), dateline_year=2018) == "2018-01-29"
    assert dateline_full_date(None, article_date="2019-01-29") is None
    assert dateline_full_date((1, 29)) is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Published: January 29, 2019 10:34 GMT", "2019-01-29"),
        ("Updated 9:14 PM EST, Nov. 15, 2023", "2023-11-15"),
        ("Published On 5 Mar 2024", "2024-03-05"),
        ("2019-05-11 20:13:45", "2019-05-11"),
        ("February 30, 2019", None),
        ("no date", None),
    ],
)
def test_find_date(text, date):
    assert find_date(text) == date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Date 20.02.2018", "2018-02-20"),  # day.month.year
        ("16:04 GMT 10.10.2019", "2019-10-10"),
        ("Issued on: 25/04/2024 - 14:05", "2024-04-25"),  # day/month: 25 is no month
        ("Posted at 7/14/2019 08:12:00 PM", "2019-07-14"),  # month/day: 14 is no month
        ("Updated 01/06/2023", None),  # either order is a date
        ("Published: January 29, 2019 (10.02.2019 print)", "2019-01-29"),  # written first
        ("31.02.2019", None),
    ],
)
def test_stamp_date(text, date):
    assert stamp_date(text) == date


def test_parse_date():
    assert parse_date("2019-01-29") == dt.date(2019, 1, 29)
    assert parse_date("2019-01-29T10:00:00Z") == dt.date(2019, 1, 29)
    assert parse_date("2019-02-30") is None
    assert parse_date("2019") is None
    assert parse_date(None) is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The jet was shot down on November 24, 2015.", "2016-06-27"),
        ("The jet was shot down on 24 November 2015.", "2016-06-27"),
        ("The talks began on March 3, 2015.", "2015-06-27"),
        ("The talks must end before November 24, 2015.", "2015-06-27"),
        ("Relations soured in 2015.", "2015-06-27"),
    ],
)
def test_inferred_year_follows_reported_dates(text, date):
    assert resolve_article_date(None, None, (6, 27), text) == (date, "inferred")


def test_metadata_year_is_not_moved_by_reported_dates():
    text = "The jet was shot down on November 24, 2015."
    assert resolve_article_date(None, "2015", (6, 27), text) == ("2015-06-27", "inferred")
