"""The seed article's events (../shared/seed/expected.json), by general rules only."""

from __future__ import annotations


def _countries(event) -> set[str]:
    return {p.country for p in event.actors + event.recipients if p.country}


def _matches(event, expected) -> bool:
    wanted = {c for c in (expected["source_country"], expected["target_country"]) if c}
    location = event.location.name if event.location else None
    return (
        event.type == expected["type"]
        and wanted <= _countries(event)
        and event.date == expected["date"]
        and location == expected["location"]
        and event.status == expected["status"]
    )


def test_seed_events_are_found(seed_report, seed_expected):
    missing = [
        e["evidence"]
        for e in seed_expected["events"]
        if not any(_matches(v, e) for v in seed_report.events)
    ]
    assert missing == []


def test_seed_events_told_several_times_appear_once(seed_report, seed_expected):
    for expected in seed_expected["events"]:
        if expected.get("once"):
            found = [v for v in seed_report.events if _matches(v, expected)]
            assert len(found) == 1
            assert len(found[0].mentions) >= 2


def test_seed_event_evidence_is_a_span_of_the_text(seed_report):
    text = seed_report.article.text
    for event in seed_report.events:
        assert text[event.start : event.end] == event.evidence
        assert all(text[m.start : m.end] for m in event.mentions)
