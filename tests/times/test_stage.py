"""The times stage in the pipeline: no article date, bad input, the helpers, the seed."""

from __future__ import annotations

import pytest

from communique.model import Article, Report, Time
from communique.pipeline import Analysis
from communique.times import annotate, date_at, find_times, time_at
from communique.times.grammar import scan

TEXT = (
    "Putin and Abe agreed at a meeting in Singapore on November 14 to intensify talks. "
    "Their envoys will meet in June. The war ended in 1945, more than 70 years after the war."
)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def _report(text: str, date: str | None) -> Report:
    return Report(id="t", article=Article(text=text, date=date))


def test_annotate_fills_report_times(nlp, doc):
    report = _report(TEXT, "2019-01-29")
    annotate(Analysis(report=report, doc=doc))
    values = {t.text: t.value for t in report.times}
    assert values["November 14"] == "2018-11-14"
    assert values["June"] == "2019-06"
    assert values["1945"] == "1945"
    assert all(isinstance(t, Time) and TEXT[t.start : t.end] == t.text for t in report.times)
    assert [t.start for t in report.times] == sorted(t.start for t in report.times)


def test_without_article_date_partial_dates_stay_unresolved(doc):
    values = {t.text: t.value for t in find_times(TEXT, None, doc)}
    assert values["November 14"] == "XXXX-11-14"
    assert values["June"] == "XXXX-06"
    assert values["1945"] == "1945"


def test_without_article_date_relative_expressions_have_no_value():
    times = {
        t.text: t for t in find_times("He left yesterday and returns on Monday, last week.", None)
    }
    assert times["yesterday"].value is None
    assert times["Monday"].value == "XXXX-WXX-1"
    assert times["last week"].value is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\n",
        "1/2/3/4/5",
        "::::",
        "a" * 5000,
        "0000-00-00 99:99 13/45/2019",
        "Jan. Feb. Mar.",
        "½ ¾ ⅓",
    ],
)
def test_odd_input_never_crashes(text):
    for date in ("2019-01-29", None, "not a date", "2019-02-30"):
        times = find_times(text, date)
        assert all(text[t.start : t.end] == t.text for t in times)


def test_parse_of_another_text_is_ignored(doc):
    other = "Talks were held on November 14 in Singapore, officials said."
    assert find_times(other, "2019-01-29", doc) == find_times(other, "2019-01-29")


def test_without_doc_sentences_come_from_punctuation():
    times = {
        t.text: t.value for t in find_times("In 2010 sales fell. In March they rose.", "2019-01-29")
    }
    assert times["March"] != "2010-03"


def test_time_at_and_date_at(nlp, doc):
    report = _report(TEXT, "2019-01-29")
    annotate(Analysis(report=report, doc=doc))
    first_sentence_end = TEXT.index(". ") + 1
    inside = time_at(report, 0, first_sentence_end)
    assert [t.text for t in inside] == ["November 14"]
    assert date_at(report, 0, first_sentence_end) == "2018-11-14"
    assert time_at(report, 0, len(TEXT), types=("DURATION",))[0].value == "P70Y"
    assert date_at(report, 0, 5) is None


def test_scan_keeps_longest_match():
    candidates = scan("It happened on the morning of Friday, January 22, 2019 at noon.")
    texts = [c.rule.name for c in candidates]
    assert "month_day" in texts
    spans = [(c.start, c.end) for c in candidates]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


@pytest.mark.shared
def test_seed_times(seed_report, seed_expected):
    text = seed_report.article.text
    found = {(t.text, t.value) for t in seed_report.times}
    expected = [e for e in seed_expected["times"] if e["text"] in text]
    assert len(expected) >= 11
    missing = [e for e in expected if (e["text"], e["value"]) not in found]
    assert not missing
