"""``communique eval events``: PLOVER gold records (one sentence, one event each).

Per record the prediction is the article's main event (highest confidence, then earliest).
Old category names are mapped to PLOVER 2021 (DEMAND→REQUEST, DISAPPROVE and
INVESTIGATE→ACCUSE, FIGHT→ASSAULT). Country sets are compared on the first three letters
of the gold codes, with CAMEO's own country codes mapped to ISO where they differ.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from communique import nlp as nlp_module
from communique.model import Article, Event, Report
from communique.pipeline import annotate

OLD_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
# CAMEO country codes that are not ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "UKG": "GBR", "GMY": "DEU", "FRN": "FRA", "ROM": "ROU", "YUG": "SRB"}


def read_records(path: Path, limit: int | None = None) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
    return records[:limit] if limit else records


def gold_countries(actors) -> frozenset[str]:
    if not isinstance(actors, list):
        return frozenset()
    codes = (str(a.get("code") or "")[:3].upper() for a in actors if isinstance(a, dict))
    return frozenset(CAMEO_TO_ISO.get(c, c) for c in codes if c)


def predicted_countries(participants) -> frozenset[str]:
    return frozenset(p.country for p in participants if p.country)


def main_event(events: list[Event]) -> Event | None:
    if not events:
        return None
    return sorted(events, key=lambda e: (-(e.confidence or 0), e.start, e.id))[0]


def analyse_sentence(text: str, date: str | None, pipeline) -> Report:
    report = Report(id="eval", article=Article(text=text, body=text, date=date, language="en"))
    return annotate(report, pipeline(text), pipeline)


def evaluate(data: Path, limit: int | None = None) -> dict:
    """Type accuracy and F1 per PLOVER type, and actor/recipient country accuracy."""
    pipeline = nlp_module.load()
    records = read_records(data, limit)
    gold_types: Counter[str] = Counter()
    predicted_types: Counter[str] = Counter()
    correct_types: Counter[str] = Counter()
    any_match = actor_right = recipient_right = with_recipient = 0
    started = time.perf_counter()
    for record in records:
        gold = OLD_NAMES.get(record["event"], record["event"])
        report = analyse_sentence(record["text"], record.get("date"), pipeline)
        event = main_event(report.events)
        gold_types[gold] += 1
        any_match += any(e.type == gold for e in report.events)
        if event is None:
            continue
        predicted_types[event.type] += 1
        if event.type != gold:
            continue
        correct_types[gold] += 1
        sources, targets = (
            gold_countries(record.get("source")),
            gold_countries(record.get("target")),
        )
        actors, recipients = (
            predicted_countries(event.actors),
            predicted_countries(event.recipients),
        )
        if len(event.actors) > 1 and not event.recipients:  # reciprocal: every party is an actor
            actor_right += actors == sources | targets
        else:
            actor_right += actors == sources
        if targets:
            with_recipient += 1
            recipient_right += (recipients or actors) >= targets
    seconds = time.perf_counter() - started
    total = sum(gold_types.values())
    per_type = {
        t: _prf(correct_types[t], predicted_types[t], gold_types[t])
        for t in sorted(gold_types | predicted_types)
    }
    precision = sum(correct_types.values()) / max(1, sum(predicted_types.values()))
    recall = sum(correct_types.values()) / max(1, total)
    matched = sum(correct_types.values())
    return {
        "records": total,
        "type_accuracy": recall,
        "type_precision": precision,
        "type_f1": _f1(precision, recall),
        "type_in_any_event": any_match / max(1, total),
        "coded": sum(predicted_types.values()),
        "actor_country_accuracy": actor_right / max(1, matched),
        "recipient_country_accuracy": recipient_right / max(1, with_recipient),
        "ms_per_record": 1000 * seconds / max(1, total),
        "per_type": per_type,
    }


def _prf(correct: int, predicted: int, gold: int) -> dict:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    return {
        "gold": gold,
        "predicted": predicted,
        "correct": correct,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
    }


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
