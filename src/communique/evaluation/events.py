"""``communique eval events``: the news-events dev set, or PLOVER gold records.

``--data ../shared/data`` (the folder of the shared corpora) scores the project's own
real-news set (:mod:`communique.evaluation.news_events`): every event, on the tuning and the
held-out half. ``--data .../plover_gsr_cameo.jsonl`` scores the PLOVER records (one sentence,
one gold event each): every predicted event counts, under the data README's rule (type and
source and target countries contained), for the even (tuning) and odd (held-out) lines; the
older figures of the record's main event (highest confidence, then earliest) follow.
Old category names are mapped to PLOVER 2021 (DEMAND→REQUEST, DISAPPROVE and
INVESTIGATE→ACCUSE, FIGHT→ASSAULT). Country sets are compared on the first three letters
of the gold codes, with CAMEO's own country codes mapped to ISO where they differ.
"""

from __future__ import annotations

import time
from collections import Counter
from itertools import combinations
from pathlib import Path

from communique import nlp as nlp_module
from communique.evaluation.metrics import f1, prf, ratio
from communique.evaluation.news_events import (
    Coded,
    Tally,
    contains,
    country_key,
    largest_matching,
    predicted_coded,
)
from communique.evaluation.plover import iso_country, read_records, record_date
from communique.model import Article, Event, Report
from communique.pipeline import annotate

OLD_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


def gold_countries(actors) -> frozenset[str]:
    if not isinstance(actors, list):
        return frozenset()
    codes = (str(a.get("code") or "")[:3].upper() for a in actors if isinstance(a, dict))
    return frozenset(iso_country(c) for c in codes if c)


def predicted_countries(participants) -> frozenset[str]:
    return frozenset(p.country for p in participants if p.country)


def main_event(events: list[Event]) -> Event | None:
    if not events:
        return None
    return sorted(events, key=lambda e: (-(e.confidence or 0), e.start, e.id))[0]


def analyse_sentence(text: str, date: str | None, pipeline) -> Report:
    report = Report(id="eval", article=Article(text=text, body=text, date=date, language="en"))
    return annotate(report, pipeline(text))


def evaluate(data: Path, limit: int | None = None, model: str | None = None) -> dict:
    """The news-events set when ``data`` is the shared data folder, else PLOVER records."""
    if data.is_dir() and not (data / "plover_gsr_cameo.jsonl").exists():
        from communique.evaluation.news_events import evaluate_events

        return evaluate_events(data, limit, model=model)
    if data.is_dir():
        data = data / "plover_gsr_cameo.jsonl"
    return evaluate_records(data, limit, model)


def record_coded(record: dict) -> list[Coded]:
    """A PLOVER record's gold event as one event per dyad, the way the system reports them:
    compound sources or targets give one event per source–target pair; several sources and
    no target (a reciprocal event, "X and Y agreed") one event per pair of sources."""
    gold = OLD_NAMES.get(record["event"], record["event"])
    sources = sorted({k for c in gold_countries(record.get("source")) if (k := country_key(c))})
    targets = sorted({k for c in gold_countries(record.get("target")) if (k := country_key(c))})
    pairs: list[tuple[set[str | None], set[str]]]
    if targets:
        pairs = [({s}, {t}) for s in sources or (None,) for t in targets]
    elif len(sources) > 1:
        pairs = [({a, b}, set()) for a, b in combinations(sources, 2)]
    else:
        pairs = [(set(sources), set())]
    return [Coded(gold, "occurred", frozenset(a - {None}), frozenset(b)) for a, b in pairs]


def evaluate_records(data: Path, limit: int | None = None, model: str | None = None) -> dict:
    """Every-event triple and type F1 on the even and odd records, then the main event's
    type accuracy and F1 per PLOVER type, and actor/recipient country accuracy."""
    pipeline = nlp_module.load(model)
    records = read_records(data, limit)
    gold_types: Counter[str] = Counter()
    predicted_types: Counter[str] = Counter()
    correct_types: Counter[str] = Counter()
    any_match = actor_right = recipient_right = with_recipient = 0
    every = {"tune": (Tally(), Tally()), "held": (Tally(), Tally())}
    started = time.perf_counter()
    for number, record in enumerate(records):
        gold = OLD_NAMES.get(record["event"], record["event"])
        report = analyse_sentence(record["text"], record_date(record), pipeline)
        triples, types = every["tune" if number % 2 == 0 else "held"]
        wanted, found = record_coded(record), [predicted_coded(e) for e in report.events]
        triples.add(len(wanted), len(found), len(largest_matching(wanted, found, contains)))
        types.add(len(wanted), len(found), len(largest_matching(wanted, found, _type_only)))
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
        t: prf(correct_types[t], predicted_types[t], gold_types[t])
        for t in sorted(gold_types | predicted_types)
    }
    precision = ratio(sum(correct_types.values()), sum(predicted_types.values()))
    recall = ratio(sum(correct_types.values()), total)
    matched = sum(correct_types.values())
    return {
        "records": total,
        **{
            f"{split}_{name}_{key}": tally.figures()[key]
            for split, tallies in every.items()
            for name, tally in zip(("triples", "type"), tallies, strict=True)
            for key in ("f1", "precision", "recall")
        },
        "type_accuracy": recall,
        "type_precision": precision,
        "type_f1": f1(precision, recall),
        "type_in_any_event": ratio(any_match, total),
        "coded": sum(predicted_types.values()),
        "actor_country_accuracy": ratio(actor_right, matched),
        "recipient_country_accuracy": ratio(recipient_right, with_recipient),
        "ms_per_record": 1000 * seconds / max(1, total),
        "per_type": per_type,
    }


def _type_only(gold: Coded, predicted: Coded) -> bool:
    return contains(gold, predicted, with_countries=False)
