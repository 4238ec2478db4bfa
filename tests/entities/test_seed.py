"""The seed article's expected entities (../shared/seed/expected.json)."""

from __future__ import annotations

import pytest

from communique.entities import entity_at


def _by_name(report, name):
    matches = [e for e in report.entities if e.name == name]
    assert len(matches) == 1, f"{name}: {[e.name for e in report.entities]}"
    return matches[0]


def test_one_kozuki_entity_with_all_its_descriptors(seed_report):
    kozuki = [e for e in seed_report.entities if "Kozuki" in e.name or "Kodzuki" in e.name]
    assert len(kozuki) == 1
    entity = kozuki[0]
    assert entity.name == "Toyohisa Kozuki"
    surfaces = {m.text for m in entity.mentions}
    for form in ("Kodzuki", "the diplomat", "the ambassador", "the Japanese envoy"):
        assert form in surfaces, form
    assert (entity.actor.country, entity.actor.sector, entity.actor.role) == (
        "JPN",
        "GOV",
        "Ambassador",
    )
    assert entity.actor.posting == "RUS"


@pytest.mark.parametrize(
    ("name", "country", "sector"),
    [
        ("Vladimir Putin", "RUS", "GOV"),
        ("Shinzo Abe", "JPN", "GOV"),
        ("Igor Morgulov", "RUS", "GOV"),
        ("Takeo Mori", "JPN", "GOV"),
        ("TASS", "RUS", "MED"),
    ],
)
def test_expected_actor_codes(seed_report, name, country, sector):
    entity = _by_name(seed_report, name)
    assert (entity.actor.country, entity.actor.sector) == (country, sector)
    assert entity.actor.code == country + sector


def test_expected_entities_match_the_seed_file(seed_report, seed_expected):
    for expected in seed_expected["entities"]:
        entity = _by_name(seed_report, expected["name"])
        assert entity.actor.country == expected["country"]
        assert entity.actor.sector == expected["sector"]


def test_no_entity_for_the_photographer(seed_report, seed_expected):
    names = {e.name for e in seed_report.entities} | {
        a for e in seed_report.entities for a in e.aliases
    }
    for forbidden in seed_expected["not_entities"]:
        assert not any(forbidden in name for name in names), forbidden


def test_mentions_are_exact_spans_and_ids_follow_first_mention(seed_report):
    text = seed_report.article.text
    firsts = []
    for number, entity in enumerate(seed_report.entities, start=1):
        assert entity.id == f"E{number}"
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
        firsts.append(min(m.start for m in entity.mentions))
    assert firsts == sorted(firsts)


def test_entity_at_finds_the_speaker_of_a_span(seed_report):
    text = seed_report.article.text
    start = text.index("the diplomat said")
    assert entity_at(seed_report, start, start + len("the diplomat")).name == "Toyohisa Kozuki"
    start = text.index("Vladimir Putin")
    assert entity_at(seed_report, start, start + len("Vladimir Putin")).name == "Vladimir Putin"
