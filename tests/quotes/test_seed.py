"""The seed article: every expected quotation with its speaker's canonical name."""

from __future__ import annotations


def _norm(text: str) -> str:
    return text.replace("’", "'")


def test_seed_quotations_and_speakers(seed_report, seed_expected):
    text = seed_report.article.text
    for quote in seed_report.quotes:
        assert text[quote.start : quote.end] == quote.text
    for expected in seed_expected["quotes"]:
        hits = [q for q in seed_report.quotes if _norm(expected["contains"]) in _norm(q.text)]
        assert hits, expected["contains"]
        assert hits[0].speaker is not None and hits[0].speaker.name == expected["speaker"], hits[0]
        assert hits[0].kind in (expected["kind"], "mixed")


def test_seed_nested_attribution_to_putin(seed_report):
    nested = [
        q for q in seed_report.quotes if q.text.startswith("the potential of bilateral cooperation")
    ]
    assert nested and nested[0].speaker.name == "Vladimir Putin"
