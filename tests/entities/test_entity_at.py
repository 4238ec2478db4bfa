"""``entity_at``: the helper later stages use to map spans to entities."""

from __future__ import annotations

from communique.entities import entity_at, entity_by_id
from communique.model import Article, Entity, Report, Span

TEXT = "Japanese Ambassador to Russia Toyohisa Kozuki told TASS."


def _report() -> Report:
    def span(text: str) -> Span:
        start = TEXT.index(text)
        return Span(start=start, end=start + len(text), text=text)

    return Report(
        id="t",
        article=Article(text=TEXT),
        entities=[
            Entity(
                id="E1",
                name="Toyohisa Kozuki",
                type="PERSON",
                mentions=[span("Japanese Ambassador to Russia Toyohisa Kozuki")],
            ),
            Entity(id="E2", name="Russia", type="GPE", mentions=[span("Russia")]),
            Entity(id="E3", name="TASS", type="ORG", mentions=[span("TASS")]),
        ],
    )


def test_span_inside_a_long_mention_finds_its_entity():
    start = TEXT.index("Toyohisa Kozuki")
    assert entity_at(_report(), start, start + len("Toyohisa Kozuki")).id == "E1"


def test_tightest_mention_wins_for_a_nested_span():
    start = TEXT.index("Russia")
    assert entity_at(_report(), start, start + len("Russia")).id == "E2"


def test_a_span_covering_several_mentions_prefers_the_largest_inside():
    assert entity_at(_report(), 0, len(TEXT)).id == "E1"


def test_no_overlap_gives_none_and_ids_resolve():
    report = _report()
    start = TEXT.index("told")
    assert entity_at(report, start, start + 4) is None
    assert entity_by_id(report, "E3").name == "TASS"
    assert entity_by_id(report, "E9") is None
