"""The seed article's places (../shared/seed/expected.json)."""

from __future__ import annotations


def test_seed_places(seed_report, seed_expected):
    found = {(p.text, p.name, p.country) for p in seed_report.places}
    for expected in seed_expected["places"]:
        assert (expected["text"], expected["name"], expected["country"]) in found, expected


def test_seed_southern_kurils_are_disputed_with_japan(seed_report):
    islands = [
        p
        for p in seed_report.places
        if p.name in ("Iturup", "Kunashir", "Shikotan", "Habomai Islands")
    ]
    assert {p.name for p in islands} == {"Iturup", "Kunashir", "Shikotan", "Habomai Islands"}
    assert all(p.country == "RUS" and p.disputed_with == ["JPN"] for p in islands)


def test_seed_demonyms_are_not_places(seed_report):
    assert not [
        p for p in seed_report.places if p.text in ("Russian", "Japanese", "Japanese-Russian")
    ]
