"""The news-events set: its checks, the matching rule, agreement and the committed file."""

from __future__ import annotations

import json

import pytest

from communique.evaluation import news_events as ne
from communique.evaluation.corpora import NewsText
from communique.evaluation.events import record_coded
from communique.model import Event, Participant

TEXT = "Russia shelled Kharkiv on Monday. Ukraine condemned the attack."
TEXTS = {"test:1": NewsText("test:1", TEXT, "2024-03-12")}


def annotated(**changes) -> dict:
    event = {
        "type": "ASSAULT",
        "code": "194",
        "mode": "heavy-weapons",
        "source": {"name": "Russia", "country": "RUS", "sector": "GOV", "kind": "country"},
        "target": {"name": "Kharkiv", "country": "UKR", "sector": None, "kind": "country"},
        "date": "2024-03-11",
        "location": {"name": "Kharkiv", "country": "UKR"},
        "status": "occurred",
        "evidence": {"text": "Russia shelled Kharkiv"},
        "mentions": [],
    }
    event.update(changes)
    return event


def test_a_good_event_gets_its_offsets():
    checked, problems = ne.check_documents([{"doc": "test:1", "events": [annotated()]}], TEXTS)
    assert problems == []
    assert checked[0]["events"][0]["evidence"] == {
        "text": "Russia shelled Kharkiv",
        "start": 0,
        "end": 22,
    }


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"type": "ATTACK"}, "not a PLOVER type"),
        ({"code": "051"}, "CAMEO 051 is SUPPORT"),
        ({"code": "010"}, "no PLOVER event"),
        ({"status": "done"}, "status"),
        ({"date": "Monday"}, "TIMEX3"),
        ({"evidence": {"text": "Moscow shelled"}}, "not in the text"),
        ({"evidence": {"text": "Russia", "occurrence": 3}}, "not in the text"),
        (
            {"source": {"name": "Moscow", "country": "RUS", "sector": "GOV", "kind": "country"}},
            "not written",
        ),
        (
            {"source": {"name": "Russia", "country": "SUN", "sector": "GOV", "kind": "country"}},
            "alpha-3",
        ),
        (
            {"source": {"name": "Russia", "country": "RUS", "sector": "XXX", "kind": "country"}},
            "sector",
        ),
        (
            {"source": {"name": "Russia", "country": "RUS", "sector": "GOV", "kind": "state"}},
            "kind",
        ),
    ],
)
def test_bad_annotations_are_reported(change, complaint):
    _, problems = ne.check_documents([{"doc": "test:1", "events": [annotated(**change)]}], TEXTS)
    assert any(complaint in p for p in problems), problems


def test_an_unknown_document_is_reported():
    _, problems = ne.check_documents([{"doc": "test:2", "events": []}], TEXTS)
    assert problems == ["test:2: no such document in the shared corpora"]


def test_plover_types_of_cameo_codes():
    assert ne.plover_type_of("0841") == "RETREAT"
    assert ne.plover_type_of("020") == "REQUEST"
    assert ne.plover_type_of("1823") == "ASSAULT"
    assert ne.plover_type_of("012") is None


def event(type_, actors, recipients=(), status="occurred") -> Event:
    def party(code):
        return Participant(name=code or "someone", country=code)

    return Event(
        id="V1",
        type=type_,
        actors=[party(c) for c in actors],
        recipients=[party(c) for c in recipients],
        status=status,
    )


def test_a_prediction_contains_the_gold_countries():
    gold = ne.gold_coded(annotated())
    assert ne.contains(gold, ne.predicted_coded(event("ASSAULT", ["RUS"], ["UKR"])))
    assert not ne.contains(gold, ne.predicted_coded(event("ASSAULT", ["UKR"], ["RUS"])))
    assert not ne.contains(gold, ne.predicted_coded(event("COERCE", ["RUS"], ["UKR"])))
    assert ne.contains(gold, ne.predicted_coded(event("ASSAULT", ["UKR"])), with_countries=False)


def test_a_reciprocal_prediction_counts_every_party_on_both_sides():
    gold = ne.gold_coded(annotated(type="CONSULT", code="040"))
    assert ne.contains(gold, ne.predicted_coded(event("CONSULT", ["UKR", "RUS"])))


def test_igo_like_codes_match_each_other_and_open_gold_asks_nothing():
    gold = ne.gold_coded(
        annotated(target={"name": "Kharkiv", "country": "NGO", "sector": None, "kind": "org"})
    )
    assert ne.contains(gold, ne.predicted_coded(event("ASSAULT", ["RUS"], ["IGO"])))
    open_target = ne.gold_coded(annotated(target=None))
    assert ne.contains(open_target, ne.predicted_coded(event("ASSAULT", ["RUS"])))


def test_each_prediction_matches_one_gold_event_at_most():
    gold = [ne.gold_coded(annotated()), ne.gold_coded(annotated())]
    predicted = [ne.predicted_coded(event("ASSAULT", ["RUS"], ["UKR"]))]
    assert len(ne.largest_matching(gold, predicted, ne.contains)) == 1


def test_the_largest_matching_is_found_not_a_greedy_one():
    broad = ne.Coded("ASSAULT", "occurred", frozenset({None}), frozenset({None}))
    narrow = ne.Coded("ASSAULT", "occurred", frozenset({"RUS"}), frozenset({None}))
    first = ne.Coded("ASSAULT", "occurred", frozenset({"RUS"}), frozenset())
    second = ne.Coded("ASSAULT", "occurred", frozenset({"UKR"}), frozenset())
    assert len(ne.largest_matching([broad, narrow], [first, second], ne.contains)) == 2


def test_scores_count_factual_events_and_attributes_of_matches():
    score = ne.EventScore()
    gold = [annotated(), annotated(type="ACCUSE", code="111", status="hypothetical")]
    predicted = [event("ASSAULT", ["RUS"], ["UKR"]), event("PROTEST", ["UKR"])]
    predicted[0].date = "2024-03-11"
    ne.score_document(gold, predicted, score)
    figures = score.figures()
    assert figures["triples"]["gold"] == 1 and figures["triples"]["predicted"] == 2
    assert figures["triples"]["matched"] == 1
    assert figures["date_accuracy"] == 1.0 and figures["location_accuracy"] == 0.0


def test_agreement_of_an_annotation_with_itself_is_perfect():
    documents, _ = ne.check_documents([{"doc": "test:1", "events": [annotated()]}], TEXTS)
    figures = ne.agreement(documents, documents)
    assert figures["triples"]["f1"] == 1.0 and figures["status_agreement"] == 1.0


def test_reading_pretty_printed_and_line_by_line_annotations(tmp_path):
    path = tmp_path / "a.json"
    document = {"doc": "test:1", "events": []}
    path.write_text(json.dumps(document, indent=2) + "\n" + json.dumps(document) + "\n")
    assert ne.read_annotations(path) == [document, document]


def test_plover_records_with_compound_parties_are_one_gold_event_per_dyad():
    record = {
        "event": "ACCUSE",
        "source": [{"code": "IRN"}],
        "target": [{"code": "ISR"}, {"code": "USA"}],
    }
    assert len(record_coded(record)) == 2
    mutual = {"event": "AGREE", "source": [{"code": "HUN"}, {"code": "ROU"}], "target": ""}
    assert [c.sources for c in record_coded(mutual)] == [frozenset({"HUN", "ROU"})]


@pytest.mark.shared
def test_the_committed_set_is_valid_and_large_enough(shared_data):
    from communique.evaluation.corpora import load

    gold = ne.load_gold()
    checked, problems = ne.check_documents(gold, load(shared_data))
    assert problems == []
    assert checked == [{k: d[k] for k in ("doc", "split", "events")} for d in gold]
    assert len(gold) >= 60
    assert sum(len(d["events"]) for d in gold) >= 400
    assert {d["split"] for d in gold} == {"tune", "held"}
