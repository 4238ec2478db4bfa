"""The TempEval-3 evaluation: reading TimeML and scoring, on a document made here."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.evaluation.times import evaluate, read_timeml, score_document
from communique.model import Time

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-01-29" functionInDocument="CREATION_TIME">2019-01-29</TIMEX3></DCT>
<TITLE>Talks</TITLE>
<TEXT>
Putin &amp; Abe <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2019-01-22">January 22</TIMEX3>
and will meet again in <TIMEX3 tid="t2" type="DATE" value="2019-06">June</TIMEX3> for <TIMEX3 tid="t3" type="DURATION" value="P2D">two days</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def timeml(tmp_path: Path) -> Path:
    path = tmp_path / "doc.tml"
    path.write_text(TIMEML, encoding="utf-8")
    return path


def test_read_timeml_maps_offsets_into_plain_text(timeml):
    document = read_timeml(timeml)
    assert document.date == "2019-01-29"
    assert "<" not in document.text and "Putin & Abe met" in document.text
    assert [(document.text[g.start : g.end], g.value) for g in document.times] == [
        ("January 22", "2019-01-22"),
        ("June", "2019-06"),
        ("two days", "P2D"),
    ]


def test_score_document_counts_strict_relaxed_and_values(timeml):
    document = read_timeml(timeml)
    gold = document.times
    predicted = [
        Time(
            text="January 22", start=gold[0].start, end=gold[0].end, type="DATE", value="2019-01-22"
        ),
        Time(
            text="in June", start=gold[1].start - 3, end=gold[1].end, type="DATE", value="2018-06"
        ),
        Time(text="Abe", start=7, end=10, type="DATE", value="X"),
    ]
    tally, pairs = score_document(gold, predicted)
    assert (tally.gold, tally.predicted) == (3, 3)
    assert (tally.strict, tally.relaxed_gold, tally.value_correct) == (1, 2, 1)
    assert len(pairs) == 4  # three gold (one unmatched) and one spurious prediction


def test_evaluate_runs_the_stage(timeml):
    figures = evaluate(timeml.parent)
    assert figures["documents"] == 1 and figures["gold"] == 3
    assert figures["relaxed_f1"] == 1.0
    assert figures["value_f1"] == 1.0
    assert set(figures["per_type"]) == {"DATE", "DURATION"}


@pytest.mark.shared
def test_evaluate_on_tempeval(shared_data):
    data = shared_data / "time" / "tempeval3"
    if not data.is_dir():
        pytest.skip("TempEval-3 data is absent")
    figures = evaluate(data, limit=5)
    assert figures["documents"] == 5 and figures["gold"] > 0
    assert figures["relaxed_f1"] > 0.5
