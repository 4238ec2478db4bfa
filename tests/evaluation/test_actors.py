"""``communique eval actors`` on a few records of the PLOVER/CAMEO gold set."""

from __future__ import annotations

from communique.evaluation.actors import evaluate


def test_evaluation_reports_country_and_sector_accuracy(shared_data):
    figures = evaluate(shared_data / "events" / "plover_gsr_cameo.jsonl", limit=12)
    assert figures["records"] == 12
    assert figures["actors"] > 12
    for key in ("coverage", "country_accuracy", "sector_accuracy"):
        assert 0.0 <= figures[key] <= 1.0
    assert figures["country_accuracy"] >= 0.5
    assert isinstance(figures["by_gold_sector"], dict)
