"""The news-events dev set: annotations of real news, their checks, matching and agreement.

The set (``data/news_events.jsonl``) holds one line per document: its id in
:mod:`communique.evaluation.corpora`, its ``split`` (``tune`` or ``held``) and its events,
annotated under ``docs/annotation.md``. Only ids, offsets and values are stored; the texts
come from ``../shared/data``.

Events are matched as the data README scores them: a gold event is found when a predicted
event has its PLOVER type and contains its source and target countries (IGO-like codes
match each other); each prediction matches one gold event at most (a largest matching).

From the command line::

    python -m communique.evaluation.news_events check FILE... [--data ../shared/data] [--write OUT]
    python -m communique.evaluation.news_events agreement A B [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique import cameo
from communique.countries import GROUP_CODES
from communique.evaluation import metrics
from communique.evaluation.corpora import NewsText, load
from communique.evaluation.metrics import f1, ratio, rounded

if TYPE_CHECKING:
    from communique.document import Failure
    from communique.model import Report

TYPES = tuple(cameo.QUAD_BY_TYPE)
STATUSES = ("occurred", "planned", "hypothetical", "negated")
FACTUAL = frozenset({"occurred", "planned"})
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "PTY",
        "OPP",
        "REB",
        "SPY",
        "CVL",
        "BUS",
        "MED",
        "NGO",
        "IGO",
        "EDU",
        "HLH",
        "REL",
        "LAB",
        "REF",
        "ELI",
        "CRM",
        "AGR",
        "UAF",
        "INS",
    ]
)
KINDS = frozenset({"person", "org", "country", "group"})
# Codes of actors that belong to no one country; the data README lets them match each other.
IGO_LIKE = GROUP_CODES
EXTRA_COUNTRIES = frozenset({"XKX", "PSE"}) | IGO_LIKE
DATE = re.compile(r"^\d{4}(-(\d{2}|W\d{2}|SP|SU|FA|WI|Q\d|H\d))?(-\d{2})?$")
DEFAULT_SET = resources.files("communique.evaluation") / "data" / "news_events.jsonl"
# CAMEO categories PLOVER folds together that the reference table leaves unmapped.
EXTRA_TYPES = {"02": "REQUEST"}


def default_data() -> Path:
    """``../shared/data`` beside the project checkout (where the texts are)."""
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


def plover_type_of(code: str) -> str | None:
    """The PLOVER type of a CAMEO code ("0841" -> RETREAT, "020" -> REQUEST), or None."""
    table = cameo.table()
    for prefix in (code, code[:3], code[:2]):
        known = table.get(prefix)
        if known is not None and known.plover_type:
            return known.plover_type
    return EXTRA_TYPES.get(code[:2])


def country_key(code: str | None) -> str | None:
    """The code compared when matching: IGO-like codes are one class."""
    if not code:
        return None
    code = code[:3].upper()
    return "IGO" if code in IGO_LIKE else code


# --- checking and filling offsets -------------------------------------------------------


def is_country(code: str) -> bool:
    """An ISO alpha-3 code, Kosovo's or Palestine's, or an IGO-like actor code."""
    import pycountry

    return code in EXTRA_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


def check_span(text: str, value, where: str, problems: list[str]) -> dict | None:
    """``{"text", "occurrence"}`` (or with offsets) -> ``{"text", "start", "end"}``."""
    if not isinstance(value, dict) or not isinstance(value.get("text"), str) or not value["text"]:
        problems.append(f"{where}: a span needs a non-empty text")
        return None
    needle = value["text"]
    start = value.get("start")
    if isinstance(start, int) and text[start : start + len(needle)] == needle:
        return {"text": needle, "start": start, "end": start + len(needle)}
    occurrence = value.get("occurrence", 0)
    index = -1
    for _ in range(int(occurrence) + 1):
        index = text.find(needle, index + 1)
        if index < 0:
            problems.append(f"{where}: {needle!r} (occurrence {occurrence}) is not in the text")
            return None
    return {"text": needle, "start": index, "end": index + len(needle)}


def check_participant(text: str, value, where: str, problems: list[str]) -> dict | None:
    """An event's source or target (or a quotation's speaker): ``{"name", "country", "sector",
    "kind"}``, each checked; None for none."""
    if value is None:
        return None
    if not isinstance(value, dict):
        problems.append(f"{where}: must be an object or null")
        return None
    name, country, sector, kind = (value.get(k) for k in ("name", "country", "sector", "kind"))
    if not isinstance(name, str) or not name or name not in text:
        problems.append(f"{where}: name {name!r} is not written in the text")
    if country is not None and not (isinstance(country, str) and is_country(country)):
        problems.append(f"{where}: country {country!r} is no ISO alpha-3 code nor IGO/NGO/MNC/IMG")
    if sector is not None and sector not in SECTORS:
        problems.append(f"{where}: sector {sector!r} is not one of {' '.join(sorted(SECTORS))}")
    if kind not in KINDS:
        problems.append(f"{where}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    return {"name": name, "country": country, "sector": sector, "kind": kind}


def check_event(text: str, event: dict, where: str) -> tuple[dict, list[str]]:
    """An annotated event with its offsets filled in, and what is wrong with it."""
    problems: list[str] = []
    typ, code = event.get("type"), str(event.get("code") or "")
    if typ not in TYPES:
        problems.append(f"{where}: type {typ!r} is not a PLOVER type")
    if not re.fullmatch(r"\d{2,4}", code):
        problems.append(f"{where}: code {code!r} is not a CAMEO code")
    elif plover_type_of(code) not in (None, typ):
        problems.append(f"{where}: CAMEO {code} is {plover_type_of(code)}, not {typ}")
    elif plover_type_of(code) is None:
        problems.append(f"{where}: CAMEO {code} is no PLOVER event (CAMEO 01 statements are not)")
    if event.get("status") not in STATUSES:
        problems.append(f"{where}: status {event.get('status')!r} is not one of {STATUSES}")
    date = event.get("date")
    if date is not None and not (isinstance(date, str) and DATE.match(date)):
        problems.append(f"{where}: date {date!r} is not a TIMEX3 date value")
    location = event.get("location")
    if location is not None:
        name = location.get("name") if isinstance(location, dict) else None
        if not isinstance(location, dict) or not isinstance(name, str) or name not in text:
            problems.append(f"{where}: location name {location!r} is not written in the text")
        elif location.get("country") is not None and not is_country(location["country"]):
            problems.append(f"{where}: location country {location.get('country')!r} is unknown")
    source = check_participant(text, event.get("source"), f"{where} source", problems)
    target = check_participant(text, event.get("target"), f"{where} target", problems)
    evidence = check_span(text, event.get("evidence"), f"{where} evidence", problems)
    mentions = [
        m
        for n, value in enumerate(event.get("mentions") or [])
        if (m := check_span(text, value, f"{where} mention {n}", problems)) is not None
    ]
    filled = {
        "type": typ,
        "mode": event.get("mode") or None,
        "code": code,
        "source": source,
        "target": target,
        "date": date,
        "location": location,
        "status": event.get("status"),
        "evidence": evidence,
        "mentions": mentions,
    }
    return filled, problems


def read_annotations(path: Path) -> list[dict]:
    """Documents of an annotation file: JSON objects one after another (JSON Lines or
    pretty-printed), or one JSON list of them."""
    raw = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    documents: list[dict] = []
    position = 0
    while True:
        while position < len(raw) and raw[position].isspace():
            position += 1
        if position >= len(raw):
            return documents
        value, position = decoder.raw_decode(raw, position)
        documents += value if isinstance(value, list) else [value]


def check_documents(
    documents: Iterable[dict], texts: dict[str, NewsText]
) -> tuple[list[dict], list[str]]:
    """Checked documents (offsets filled in) and every problem found, by document."""
    return check_annotations(documents, texts, "events", check_event)


# An item checker: (document text, annotated item, where) -> (the item filled in, problems).
ItemCheck = Callable[[str, dict, str], tuple[dict, list[str]]]
DocumentsCheck = Callable[[list[dict], dict[str, NewsText]], tuple[list[dict], list[str]]]


def check_annotations(
    documents: Iterable[dict], texts: dict[str, NewsText], field: str, check_item: ItemCheck
) -> tuple[list[dict], list[str]]:
    """Documents ``{"doc", "split"?, field}`` with each item of ``field`` (``events``,
    ``quotes``) checked and its offsets filled in, and every problem found, by document."""
    checked: list[dict] = []
    problems: list[str] = []
    label = field.removesuffix("s")
    for document in documents:
        doc_id = document.get("doc")
        if doc_id not in texts:
            problems.append(f"{doc_id}: no such document in the shared corpora")
            continue
        items = []
        for n, item in enumerate(document.get(field) or []):
            filled, found = check_item(texts[doc_id].text, item, f"{doc_id} {label} {n}")
            items.append(filled)
            problems += found
        out: dict = {"doc": doc_id}
        if "split" in document:
            out["split"] = document["split"]
        out[field] = items
        checked.append(out)
    return checked, problems


# --- matching ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Coded:
    """An event reduced to what matching needs: type, status and country sets."""

    type: str
    status: str
    sources: frozenset[str | None]
    targets: frozenset[str | None]
    payload: Any = field(default=None, compare=False)  # the gold dict, or the report's Event


def gold_coded(event: dict) -> Coded:
    """A gold event: one source and one target country (``None`` when the text tells none)."""
    source, target = event.get("source") or {}, event.get("target") or {}
    return Coded(
        event["type"],
        event["status"],
        frozenset({country_key(source.get("country"))}),
        frozenset({country_key(target.get("country"))}),
        event,
    )


def contains(gold: Coded, predicted: Coded, with_countries: bool = True) -> bool:
    """The data README's rule: the prediction has the gold type and contains its countries
    (a country the gold leaves open asks nothing of the prediction)."""
    if gold.type != predicted.type:
        return False
    if not with_countries:
        return True
    return all(
        code is None or code in side
        for wanted, side in ((gold.sources, predicted.sources), (gold.targets, predicted.targets))
        for code in wanted
    )


def largest_matching(
    gold: Sequence[Coded], predicted: Sequence[Coded], fits: Callable[[Coded, Coded], bool]
) -> dict[int, int]:
    """gold index -> predicted index, each used once, as many pairs as possible (gold in
    order, each preferring the earliest prediction that fits)."""
    options = {
        g: [p for p, pred in enumerate(predicted) if fits(event, pred)]
        for g, event in enumerate(gold)
    }
    return metrics.largest_matching(options)


@dataclass
class Tally:
    """Counts behind precision, recall and F1."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def add(self, gold: int, predicted: int, matched: int) -> None:
        self.gold += gold
        self.predicted += predicted
        self.matched += matched

    def figures(self) -> dict[str, float | int | None]:
        precision, recall = ratio(self.matched, self.predicted), ratio(self.matched, self.gold)
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": rounded(precision, 4),
            "recall": rounded(recall, 4),
            "f1": f1(precision, recall, 4),
        }


# --- agreement between two annotators ------------------------------------------------


def agreement(first: list[dict], second: list[dict]) -> dict:
    """How far two annotations of the same documents agree: triple and type-only F1 (the
    first taken as gold), and on the matched events, status, date and location agreement."""
    by_doc = {d["doc"]: d for d in second}
    triples, types = Tally(), Tally()
    same = {"status": 0, "date": 0, "location": 0, "source_sector": 0}
    compared = 0
    for document in first:
        other = by_doc.get(document["doc"])
        if other is None:
            continue
        gold = [gold_coded(e) for e in document["events"]]
        pred = [gold_coded(e) for e in other["events"]]
        pairs = largest_matching(gold, pred, contains)
        triples.add(len(gold), len(pred), len(pairs))
        kinds = largest_matching(gold, pred, lambda g, p: contains(g, p, with_countries=False))
        types.add(len(gold), len(pred), len(kinds))
        for g, p in pairs.items():
            a, b = gold[g].payload, pred[p].payload
            compared += 1
            same["status"] += a["status"] == b["status"]
            same["date"] += a.get("date") == b.get("date")
            same["location"] += _location_country(a) == _location_country(b)
            same["source_sector"] += (a.get("source") or {}).get("sector") == (
                b.get("source") or {}
            ).get("sector")
    result: dict = {"triples": triples.figures(), "type_only": types.figures()}
    result.update({f"{k}_agreement": ratio(v, compared, 4) for k, v in same.items()})
    return result


def _location_country(event: dict) -> str | None:
    location = event.get("location") or {}
    return location.get("country")


# --- command line -----------------------------------------------------------------------


def annotation_main(
    module: str,
    field: str,
    noun: str,
    check: DocumentsCheck,
    agree: Callable[[list[dict], list[dict]], dict],
    argv: list[str] | None = None,
) -> int:
    """The command line of an annotation file of the set (``field``: its items, ``noun``: what
    one is called): ``check FILE... [--write OUT]`` and ``agreement A B``."""
    parser = argparse.ArgumentParser(prog=f"python -m {module}")
    sub = parser.add_subparsers(dest="command", required=True)
    checking = sub.add_parser("check", help=f"validate {noun} annotations and fill in offsets")
    checking.add_argument("files", nargs="+", type=Path)
    checking.add_argument("--data", type=Path, default=default_data())
    checking.add_argument("--write", type=Path, help="write the checked documents (JSON Lines)")
    agreeing = sub.add_parser("agreement", help=f"agreement of two {noun} annotation files")
    agreeing.add_argument("first", type=Path)
    agreeing.add_argument("second", type=Path)
    agreeing.add_argument("--data", type=Path, default=default_data())
    args = parser.parse_args(argv)
    texts = load(args.data)
    if args.command == "agreement":
        first, _ = check(read_annotations(args.first), texts)
        second, _ = check(read_annotations(args.second), texts)
        print(json.dumps(agree(first, second), indent=2))
        return 0
    documents = [d for path in args.files for d in read_annotations(path)]
    checked, problems = check(documents, texts)
    for problem in problems:
        print(problem)
    items = sum(len(d[field]) for d in checked)
    print(f"{len(checked)} document(s), {items} {noun}(s), {len(problems)} problem(s)")
    if args.write:
        with args.write.open("w", encoding="utf-8") as handle:
            for document in checked:
                handle.write(json.dumps(document, ensure_ascii=False) + "\n")
    return 1 if problems else 0


def _main(argv: list[str] | None = None) -> int:
    module = "communique.evaluation.news_events"
    return annotation_main(module, "events", "event", check_documents, agreement, argv)


# --- scoring the system on the set ------------------------------------------------------

SPLITS = ("tune", "held")


def load_gold(path: Path | None = None) -> list[dict]:
    """The committed set: one document a line, with its split and events (offsets filled)."""
    if path is None:
        return read_annotations(Path(str(DEFAULT_SET)))
    return read_annotations(path)


def predicted_coded(event) -> Coded:
    """A report event: actor and recipient countries; a reciprocal event (several actors, no
    recipient) counts every party on both sides."""
    sources = frozenset(c for p in event.actors if (c := country_key(p.country)))
    targets = frozenset(c for p in event.recipients if (c := country_key(p.country)))
    if not event.recipients and len(event.actors) > 1:
        sources = targets = sources | targets
    return Coded(event.type, event.status, sources, targets, event)


def analysed_reports(
    gold: list[dict], root: Path, model: str | None = None
) -> dict[str | None, Report | Failure]:
    """Reports of the set's documents, analysed as a user would (plain text and its date)."""
    from communique.pipeline import Document, analyze_many

    texts = load(root)
    documents = [
        Document(content=texts[d["doc"]].text, id=d["doc"], date=texts[d["doc"]].date) for d in gold
    ]
    return {item.id: item for item in analyze_many(documents, model=model)}


@dataclass
class EventScore:
    """Tallies of one split: triples and types over factual events, triples over all."""

    triples: Tally = field(default_factory=Tally)
    types: Tally = field(default_factory=Tally)
    every_status: Tally = field(default_factory=Tally)
    per_type: dict[str, Tally] = field(default_factory=dict)
    attributes: dict[str, list[int]] = field(default_factory=dict)

    def attribute(self, name: str, right: bool) -> None:
        counts = self.attributes.setdefault(name, [0, 0])
        counts[0] += right
        counts[1] += 1

    def figures(self) -> dict:
        out: dict = {
            "triples": self.triples.figures(),
            "type_only": self.types.figures(),
            "triples_every_status": self.every_status.figures(),
        }
        for name, (right, total) in sorted(self.attributes.items()):
            out[f"{name}_accuracy"] = ratio(right, total, 4)
        out["per_type"] = {t: self.per_type[t].figures() for t in sorted(self.per_type)}
        return out


def score_document(gold_events: list[dict], events: list, score: EventScore) -> None:
    """Add one document's matches to ``score``."""
    every_gold = [gold_coded(e) for e in gold_events]
    every_pred = [predicted_coded(e) for e in events]
    gold = [g for g in every_gold if g.status in FACTUAL]
    pred = [p for p in every_pred if p.status in FACTUAL]
    pairs = largest_matching(gold, pred, contains)
    score.triples.add(len(gold), len(pred), len(pairs))
    kinds = largest_matching(gold, pred, lambda g, p: contains(g, p, with_countries=False))
    score.types.add(len(gold), len(pred), len(kinds))
    for typ in {g.type for g in gold} | {p.type for p in pred}:
        matched = sum(1 for g in pairs if gold[g].type == typ)
        score.per_type.setdefault(typ, Tally()).add(
            sum(g.type == typ for g in gold), sum(p.type == typ for p in pred), matched
        )
    for g, p in pairs.items():
        wanted, found = gold[g].payload, pred[p].payload
        score.attribute("date", wanted.get("date") == found.date)
        location = found.location.country if found.location else None
        score.attribute("location", _location_country(wanted) == location)
    everything = largest_matching(every_gold, every_pred, contains)
    score.every_status.add(len(every_gold), len(every_pred), len(everything))
    for g, p in everything.items():
        score.attribute("status", every_gold[g].status == every_pred[p].payload.status)


def evaluate_events(
    root: Path, limit: int | None = None, gold_path: Path | None = None, model: str | None = None
) -> dict:
    """Triples, types, dates, places and status of the system's events on the set, for the
    tuning half, the held-out half and both."""
    import time

    gold = load_gold(gold_path)[:limit] if limit else load_gold(gold_path)
    started = time.perf_counter()
    reports = analysed_reports(gold, root, model)
    seconds = time.perf_counter() - started
    scores = {split: EventScore() for split in (*SPLITS, "all")}
    failures = 0
    for document in gold:
        report = reports.get(document["doc"])
        events = getattr(report, "events", None)
        if events is None:
            failures += 1
            events = []
        for split in (document.get("split", "tune"), "all"):
            score_document(document["events"], events, scores[split])
    parts = {split: scores[split].figures() for split in ("held", "tune", "all")}
    figures: dict = {"documents": len(gold), "failed_documents": failures}
    for split in ("held", "tune"):
        for key in ("f1", "precision", "recall"):
            figures[f"{split}_triples_{key}"] = parts[split]["triples"][key]
        figures[f"{split}_type_f1"] = parts[split]["type_only"]["f1"]
    for table in ("triples", "type_only", "triples_every_status"):
        figures[table] = {split: parts[split][table] for split in parts}
    figures["matched_attributes"] = {
        split: {k: v for k, v in parts[split].items() if k.endswith("_accuracy")} for split in parts
    }
    figures["per_type_all"] = parts["all"]["per_type"]
    figures["seconds"] = round(seconds, 2)
    return figures


def gold_participants(document: dict) -> list[dict]:
    """Each participant of a document's events once (by name, country and sector)."""
    seen: dict[tuple, dict] = {}
    for event in document["events"]:
        for role in ("source", "target"):
            participant = event.get(role)
            if participant and participant.get("name"):
                key = (participant["name"], participant.get("country"), participant.get("sector"))
                seen.setdefault(key, participant)
    return [seen[key] for key in sorted(seen, key=lambda k: tuple(map(str, k)))]


def coded_entity(report, name: str):
    """The entity a name of the text stands for: the one covering its first occurrence that
    falls inside an entity mention."""
    from communique.entities import entity_at

    text = report.article.text
    start = text.find(name)
    while start >= 0:
        entity = entity_at(report, start, start + len(name))
        if entity is not None:
            return entity
        start = text.find(name, start + 1)
    return None


def evaluate_actors(
    root: Path, limit: int | None = None, gold_path: Path | None = None, model: str | None = None
) -> dict:
    """Country and sector accuracy of the set's participants, named people and organisations
    apart from the rest, for the tuning half, the held-out half and both."""
    gold = load_gold(gold_path)[:limit] if limit else load_gold(gold_path)
    reports = analysed_reports(gold, root, model)
    counts: dict[str, dict[str, int]] = {}
    for document in gold:
        report = reports.get(document["doc"])
        if not hasattr(report, "entities"):
            continue
        for participant in gold_participants(document):
            entity = coded_entity(report, participant["name"])
            actor = entity.actor if entity is not None else None
            named = "named" if participant.get("kind") in ("person", "org") else "other"
            for split in (document.get("split", "tune"), "all"):
                row = counts.setdefault(f"{split}_{named}", {})
                _count_actor(row, participant, actor)
    figures: dict = {"documents": len(gold)}
    for key in ("held_named", "tune_named"):
        row = counts.get(key, {})
        figures[f"{key}_country_accuracy"] = _share(row, "country_right", "n")
        figures[f"{key}_sector_accuracy"] = _share(row, "sector_right", "with_sector")
    figures["by_split_and_kind"] = {
        key: {
            "participants": row.get("n", 0),
            "found": row.get("found", 0),
            "country_accuracy": _share(row, "country_right", "n"),
            "sector_accuracy": _share(row, "sector_right", "with_sector"),
        }
        for key, row in sorted(counts.items())
    }
    return figures


def _count_actor(row: dict[str, int], participant: dict, actor) -> None:
    row["n"] = row.get("n", 0) + 1
    row["found"] = row.get("found", 0) + (actor is not None)
    country = actor.country if actor is not None else None
    if country_key(country) == country_key(participant.get("country")):
        row["country_right"] = row.get("country_right", 0) + 1
    if participant.get("sector"):
        row["with_sector"] = row.get("with_sector", 0) + 1
        sector = actor.sector if actor is not None else None
        row["sector_right"] = row.get("sector_right", 0) + (sector == participant["sector"])


def _share(row: dict[str, int], part: str, whole: str) -> float | None:
    return ratio(row.get(part, 0), row.get(whole, 0), 4)


if __name__ == "__main__":
    sys.exit(_main())
