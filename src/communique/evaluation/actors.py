"""``communique eval actors``: how often actor texts get the right country and sector.

``--data ../shared/data`` scores the participants of the project's news-events set
(:func:`communique.evaluation.news_events.evaluate_actors`); a PLOVER records file as below.

The gold data is PLOVER's CAMEO-manual set (``plover_gsr_cameo.jsonl``): each record has a
sentence, and ``source``/``target`` lists of ``{actorText, code, sector?}``. For every gold
actor whose text is found in the sentence, the entity covering that text (``entity_at``) is
compared with the gold country (CAMEO and legacy codes mapped to ISO) and, when gold gives one,
the gold sector (its first three letters; the set's JRN is our MED, its MED our HLH). The
records' dates are a placeholder, so no date is passed. Also reported: this stage's time
against spaCy's own on the same sentences.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path

from communique.document import Analysis
from communique.entities import annotate, entity_at
from communique.evaluation.metrics import ratio
from communique.evaluation.plover import iso_country, record_date
from communique.model import Article, Report

# the set's own sector names: MED is medical (doctors, Red Cross), JRN journalists and media
SECTOR_SYNONYMS = {"MED": "HLH", "JRN": "MED", "CIV": "CVL"}
UNSCORED_SECTORS = frozenset({"***", ""})


def evaluate(data: Path, limit: int | None = None, model: str | None = None) -> dict:
    """Country and sector accuracy of the actors of the records in ``data``; for the shared
    data folder, of the participants of the news-events set."""
    if data.is_dir() and not (data / "plover_gsr_cameo.jsonl").exists():
        from communique.evaluation.news_events import evaluate_actors

        return evaluate_actors(data, limit, model=model)
    from communique import nlp as nlp_module

    records = _records(data, limit)
    pipeline = nlp_module.load(model)
    _warm_up(pipeline)
    started = time.perf_counter()
    docs = list(pipeline.pipe(r["text"] for r in records))
    spacy_seconds = time.perf_counter() - started
    stage_seconds = 0.0
    counts: dict[str, int] = defaultdict(int)
    by_sector: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[dict] = []
    for record, doc in zip(records, docs, strict=True):
        report = Report(
            id=record["id"], article=Article(text=record["text"], date=record_date(record))
        )
        started = time.perf_counter()
        annotate(Analysis(report=report, doc=doc))
        stage_seconds += time.perf_counter() - started
        for gold in _gold_actors(record):
            _score(report, record["text"], gold, counts, by_sector, misses)
    actors = counts["actors"]
    sectors = counts["sector_actors"]
    return {
        "records": len(records),
        "actors": actors,
        "found": counts["found"],
        "coverage": ratio(counts["found"], actors, 3),
        "country_accuracy": ratio(counts["country_right"], actors, 3),
        "country_accuracy_found": ratio(counts["country_right"], counts["found"], 3),
        "sector_actors": sectors,
        "sector_accuracy": ratio(counts["sector_right"], sectors, 3),
        "sector_accuracy_found": ratio(counts["sector_right"], counts["sector_found"], 3),
        "spacy_seconds": round(spacy_seconds, 3),
        "entities_seconds": round(stage_seconds, 3),
        "entities_overhead": ratio(stage_seconds, spacy_seconds, 3),
        "by_gold_sector": {
            key: {**value, "accuracy": ratio(value["right"], value["n"], 3)}
            for key, value in by_sector.items()
        },
        "examples_wrong": {str(n): miss for n, miss in enumerate(misses[:15])},
    }


def _warm_up(pipeline) -> None:
    """Load the stage's tables before timing it (as ``communique bench`` does)."""
    text = "Police in Samarra said President John Smith met the Japanese envoy in Tokyo."
    report = Report(id="warm-up", article=Article(text=text))
    annotate(Analysis(report=report, doc=pipeline(text)))


def _records(data: Path, limit: int | None) -> list[dict]:
    path = data / "plover_gsr_cameo.jsonl" if data.is_dir() else data
    records = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            if isinstance(record.get("text"), str) and record["text"].strip():
                records.append(record)
            if limit is not None and len(records) >= limit:
                break
    return records


def _gold_actors(record: dict) -> list[dict]:
    actors: list[dict] = []
    for role in ("source", "target"):
        value = record.get(role)
        if isinstance(value, list):
            actors.extend(
                a for a in value if isinstance(a, dict) and a.get("actorText") and a.get("code")
            )
    return actors


def _find(text: str, actor_text: str) -> tuple[int, int] | None:
    needle = " ".join(actor_text.split())
    for candidate in (needle, needle.split("...")[0].strip(" ."), needle.split("(")[0].strip()):
        if not candidate:
            continue
        start = text.find(candidate)
        if start < 0:
            start = text.lower().find(candidate.lower())
        if start >= 0:
            return start, start + len(candidate)
    return None


def _score(
    report: Report, text: str, gold: dict, counts: dict, by_sector: dict, misses: list
) -> None:
    country = iso_country(gold["code"])
    sector = (gold.get("sector") or "")[:3].upper()
    sector = SECTOR_SYNONYMS.get(sector, sector)
    scored_sector = sector not in UNSCORED_SECTORS
    counts["actors"] += 1
    counts["sector_actors"] += scored_sector
    span = _find(text, gold["actorText"])
    entity = entity_at(report, *span) if span else None
    actor = entity.actor if entity else None
    if actor is not None:
        counts["found"] += 1
        counts["sector_found"] += scored_sector
    got_country = actor.country if actor else None
    got_sector = actor.sector if actor else None
    right_country = got_country == country
    right_sector = got_sector == sector
    counts["country_right"] += right_country
    if scored_sector:
        counts["sector_right"] += right_sector
        by_sector[sector]["n"] += 1
        by_sector[sector]["right"] += right_sector
    if not right_country or (scored_sector and not right_sector):
        misses.append(
            {
                "text": gold["actorText"][:40],
                "gold": f"{country}/{sector or '-'}",
                "got": f"{got_country}/{got_sector}" if actor else "-",
                "entity": entity.name[:30] if entity else "",
            }
        )
