"""Measure the times stage on TimeML documents (TempEval-3: TimeBank, AQUAINT).

``communique eval times --data ../shared/data/time/tempeval3`` reads every ``*.tml`` file
below the folder (once per file name), takes the ``<TEXT>`` element as the article text and
the ``<DCT>`` as its date, parses the text with spaCy, runs this stage alone and compares its
expressions with the gold ``<TIMEX3>`` elements (the document creation time is not scored):

- strict / relaxed span F1: a prediction matches a gold expression with the same span /
  an overlapping one (one to one, in text order);
- value accuracy: matched expressions whose value equals gold, over matched expressions;
- value F1: a prediction counts when it overlaps a gold expression with the same value;
- type accuracy on matched expressions; per-type figures by gold (recall) and predicted
  (precision) type;
- milliseconds per document for the stage alone (CPU time, so that other processes on the
  machine do not inflate it) and for the spaCy parse.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique import nlp
from communique.document import Analysis
from communique.evaluation.metrics import f1, ratio, rounded
from communique.model import Article, Report
from communique.times import annotate

TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>|&(#?\w+);")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"([^\"]+)\"", re.S)
TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


@dataclass(frozen=True)
class GoldTime:
    start: int
    end: int
    type: str
    value: str | None
    mod: str | None
    text: str


@dataclass
class TimeMLDocument:
    name: str
    date: str | None
    text: str
    times: list[GoldTime] = field(default_factory=list)


def read_timeml(path: Path) -> TimeMLDocument | None:
    """The text of a TimeML document with its gold TIMEX3 spans (offsets into that text)."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    body = TEXT.search(raw)
    if body is None:
        return None
    dct = DCT.search(raw)
    date = dct.group(1)[:10] if dct and re.match(r"\d{4}-\d{2}-\d{2}", dct.group(1)) else None
    text, times = _strip_tags(body.group(1))
    return TimeMLDocument(name=path.name, date=date, text=text, times=times)


def _strip_tags(xml: str) -> tuple[str, list[GoldTime]]:
    """The text of a TimeML fragment without its tags, entities decoded, and its TIMEX3s."""
    parts: list[str] = []
    length = 0
    times: list[GoldTime] = []
    opened: tuple[int, dict] | None = None
    position = 0
    for match in TAG.finditer(xml):
        chunk = xml[position : match.start()]
        parts.append(chunk)
        length += len(chunk)
        position = match.end()
        if match.group(4) is not None:
            char = html.unescape(match.group(0))
            parts.append(char)
            length += len(char)
            continue
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            opened = (length, dict(ATTRIBUTE.findall(attributes)))
        elif opened is not None:
            start, attrs = opened
            text = "".join(parts)[start:length]
            times.append(
                GoldTime(
                    start,
                    length,
                    attrs.get("type", "DATE"),
                    attrs.get("value"),
                    attrs.get("mod"),
                    text,
                )
            )
            opened = None
    parts.append(xml[position:])
    return "".join(parts), times


def load_documents(data: Path, limit: int | None = None) -> list[TimeMLDocument]:
    """The TimeML documents below ``data`` (a folder or one file), each file name once."""
    paths = [data] if data.is_file() else sorted(data.rglob("*.tml"))
    seen: set[str] = set()
    documents = []
    for path in paths:
        if path.name in seen:
            continue
        seen.add(path.name)
        document = read_timeml(path)
        if document is not None:
            documents.append(document)
        if limit is not None and len(documents) >= limit:
            break
    return documents


# Counters, alike in shape to scraped.Counts only (integer fields): each evaluation its own.
@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed_gold: int = 0
    relaxed_predicted: int = 0
    value_correct: int = 0
    type_correct: int = 0
    value_predicted: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score_document(gold: list[GoldTime], predicted: list) -> tuple[Tally, list[tuple]]:
    """Counts for one document and the list of (gold, predicted) pairs that overlap."""
    tally = Tally(gold=len(gold), predicted=len(predicted))
    used: set[int] = set()
    pairs: list[tuple[GoldTime | None, Any]] = []
    for g in gold:
        best = None
        for index, p in enumerate(predicted):
            if index in used or p.end <= g.start or p.start >= g.end:
                continue
            overlap = min(p.end, g.end) - max(p.start, g.start)
            if best is None or overlap > best[0]:
                best = (overlap, index)
        if best is None:
            pairs.append((g, None))
            continue
        used.add(best[1])
        p = predicted[best[1]]
        pairs.append((g, p))
        tally.relaxed_gold += 1
        tally.strict += p.start == g.start and p.end == g.end
        tally.value_correct += p.value == g.value
        tally.type_correct += p.type == g.type
    tally.relaxed_predicted = len(used)
    tally.value_predicted = tally.value_correct
    for index, p in enumerate(predicted):
        if index not in used:
            pairs.append((None, p))
    return tally, pairs


def evaluate(
    data: Path, limit: int | None = None, details: list | None = None, model: str | None = None
) -> dict:
    """Figures of the times stage on the TimeML documents below ``data``."""
    documents = load_documents(Path(data), limit)
    pipeline = nlp.load(model)
    started = time.process_time()
    docs = list(pipeline.pipe(d.text for d in documents))
    parse_seconds = time.process_time() - started
    total = Tally()
    by_gold_type: dict[str, Tally] = {}
    by_predicted_type: dict[str, int] = {}
    stage_seconds = 0.0
    for document, doc in zip(documents, docs, strict=True):
        report = Report(id=document.name, article=Article(text=document.text, date=document.date))
        started = time.process_time()
        annotate(Analysis(report=report, doc=doc))
        stage_seconds += time.process_time() - started
        tally, pairs = score_document(document.times, report.times)
        total.add(tally)
        for p in report.times:
            by_predicted_type[p.type] = by_predicted_type.get(p.type, 0) + 1
        for g, p in pairs:
            if details is not None:
                details.append((document.name, document.date, g, p))
            if g is None:
                continue
            typed = by_gold_type.setdefault(g.type, Tally())
            typed.gold += 1
            if p is not None:
                typed.relaxed_gold += 1
                typed.strict += p.start == g.start and p.end == g.end
                typed.value_correct += p.value == g.value
                typed.type_correct += p.type == g.type
    return _figures(
        total, by_gold_type, by_predicted_type, len(documents), stage_seconds, parse_seconds
    )


def _figures(
    total: Tally, by_gold_type, by_predicted_type, n_docs, stage_seconds, parse_seconds
) -> dict:
    strict_p, strict_r = ratio(total.strict, total.predicted), ratio(total.strict, total.gold)
    relaxed_p = ratio(total.relaxed_predicted, total.predicted)
    relaxed_r = ratio(total.relaxed_gold, total.gold)
    value_p, value_r = (
        ratio(total.value_correct, total.predicted),
        ratio(total.value_correct, total.gold),
    )
    per_type = {}
    for name in sorted(by_gold_type):
        typed = by_gold_type[name]
        per_type[name] = {
            "gold": typed.gold,
            "predicted": by_predicted_type.get(name, 0),
            "relaxed_recall": ratio(typed.relaxed_gold, typed.gold, 3),
            "strict_recall": ratio(typed.strict, typed.gold, 3),
            "value_accuracy": ratio(typed.value_correct, typed.relaxed_gold, 3),
            "type_accuracy": ratio(typed.type_correct, typed.relaxed_gold, 3),
        }
    return {
        "documents": n_docs,
        "gold": total.gold,
        "predicted": total.predicted,
        "strict_precision": rounded(strict_p, 4),
        "strict_recall": rounded(strict_r, 4),
        "strict_f1": f1(strict_p, strict_r, 4),
        "relaxed_precision": rounded(relaxed_p, 4),
        "relaxed_recall": rounded(relaxed_r, 4),
        "relaxed_f1": f1(relaxed_p, relaxed_r, 4),
        "value_accuracy": ratio(total.value_correct, total.relaxed_gold, 4),
        "type_accuracy": ratio(total.type_correct, total.relaxed_gold, 4),
        "value_f1": f1(value_p, value_r, 4),
        "ms_per_document": round(1000 * stage_seconds / max(n_docs, 1), 3),
        "parse_ms_per_document": round(1000 * parse_seconds / max(n_docs, 1), 1),
        "per_type": per_type,
    }
