"""``communique eval quotes --data .../polnear/dev``: quotations against PolNeAR attributions.

Each PolNeAR text file is analysed as it is: a :class:`~communique.model.Report` whose
``article.text`` is the file's text, so brat offsets and report offsets are the same
characters (the article reader's furniture logic is not applied, it would shift them). The
entities stage runs first when it is installed, then this stage.

Gold classes (README of shared/data): *quoted* attributions have quote marks in their
Content (a plural possessive's apostrophe, "the voters’ heads", is not one); *indirect* ones
have none and a verb-of-saying cue (a cue word of ``cues.json``); the rest (beliefs, intentions, ...) are *other*. A prediction matches a gold Content when it
overlaps at least half of the gold span's characters (one-to-one, largest overlaps first).
Precision is counted per predicted kind: direct and mixed quotations against all gold
attributions, indirect ones likewise. The speaker is right when its span overlaps the gold
Source, when its entity has a mention there, or when both name the same person (surname).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from spacy.tokens import Doc

from communique import nlp as nlp_module
from communique.model import Article, Quote, Report
from communique.quotes import find_quotes, quotes_of
from communique.quotes.brat import GoldAttribution, GoldDocument, read_split
from communique.quotes.find import Found
from communique.quotes.syntax import is_according, is_cue_verb

# Double marks, or an opening single mark: ‘ anywhere, ' before a word it starts. A closing
# ’ alone is no evidence: it is also the apostrophe of "the voters’ heads".
QUOTE_MARK = re.compile(r"[\"“”«»„‟‘]|(?<![^\W\d_])'(?=[^\W\d_])")
KINDS = ("quoted", "indirect", "other")


def gold_kind(doc: Doc, gold: GoldAttribution) -> str:
    """quoted | indirect | other, as the README defines the classes."""
    content = " ".join(doc.text[s:e] for s, e in gold.content)
    if QUOTE_MARK.search(content):
        return "quoted"
    for start, end in gold.cue:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(is_cue_verb(t) or is_according(t) for t in span):
            return "indirect"
    return "other"


def overlap(gold: GoldAttribution, start: int, end: int) -> int:
    return sum(max(0, min(e, end) - max(s, start)) for s, e in gold.content)


def match(golds: list[GoldAttribution], found: list[Found]) -> dict[int, int]:
    """Prediction index -> gold index, one-to-one, largest overlaps first."""
    pairs = []
    for p, f in enumerate(found):
        for g, gold in enumerate(golds):
            o = overlap(gold, f.start, f.end)
            if o and 2 * o >= gold.length:
                pairs.append((-o, p, g))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, p, g in sorted(pairs):
        if p not in matched and g not in used:
            matched[p] = g
            used.add(g)
    return matched


def _surname(text: str) -> str | None:
    words = [
        w
        for w in re.findall(r"[A-Z][\w’'-]+", text)
        if w.lower() not in ("the", "mr", "mrs", "ms", "dr")
    ]
    return words[-1].lower() if words else None


def speaker_right(report: Report, gold: GoldAttribution, f: Found, quote: Quote) -> bool:
    if f.speaker is None:
        return False
    if any(s < f.speaker[1] and f.speaker[0] < e for s, e in gold.source):
        return True
    entity = next(
        (e for e in report.entities if quote.speaker and e.id == quote.speaker.entity), None
    )
    if entity and any(m.start < e and s < m.end for m in entity.mentions for s, e in gold.source):
        return True
    source = _surname(" ".join(report.article.text[s:e] for s, e in gold.source))
    names = (
        " ".join(filter(None, [quote.speaker.name, quote.speaker.text])) if quote.speaker else ""
    )
    return source is not None and source in {w.lower() for w in re.findall(r"[\w’'-]+", names)}


def _run_stages(report: Report, doc: Doc, nlp) -> tuple[list[Found], list[Quote], float]:
    from communique import entities
    from communique.pipeline import Analysis

    entities.annotate(Analysis(report=report, doc=doc, nlp=nlp))  # speakers link to entities
    started = time.perf_counter()
    found = sorted(find_quotes(doc), key=lambda f: (f.start, f.end))
    quotes = quotes_of(report, found)
    return found, quotes, time.perf_counter() - started


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def evaluate(data: Path, limit: int | None = None) -> dict:
    """Recall, precision and speaker accuracy of quotations on a PolNeAR split."""
    golds_by_doc: list[GoldDocument] = read_split(Path(data), limit)
    nlp = nlp_module.load()
    counts = {k: {"gold": 0, "found": 0, "speaker_gold": 0, "speaker_right": 0} for k in KINDS}
    predicted = {k: {"predicted": 0, "correct": 0} for k in ("direct", "mixed", "indirect")}
    by_how: dict[str, dict[str, int]] = {}
    spacy_seconds = stage_seconds = 0.0
    for gold_doc in golds_by_doc:
        started = time.perf_counter()
        doc = nlp(gold_doc.text)
        spacy_seconds += time.perf_counter() - started
        report = Report(id=gold_doc.name, article=Article(text=gold_doc.text, language="en"))
        found, quotes, seconds = _run_stages(report, doc, nlp)
        stage_seconds += seconds
        kinds = [gold_kind(doc, g) for g in gold_doc.attributions]
        matched = match(gold_doc.attributions, found)
        for kind in kinds:
            counts[kind]["gold"] += 1
        for p, f in enumerate(found):
            predicted[f.kind]["predicted"] += 1
            how = by_how.setdefault(f"{f.kind}/{f.how}", {"predicted": 0, "correct": 0})
            how["predicted"] += 1
            if p not in matched:
                continue
            predicted[f.kind]["correct"] += 1
            how["correct"] += 1
            gold = gold_doc.attributions[matched[p]]
            row = counts[kinds[matched[p]]]
            row["found"] += 1
            if gold.source:
                row["speaker_gold"] += 1
                row["speaker_right"] += speaker_right(report, gold, f, quotes[p])
    for row in counts.values():
        row["recall"] = _ratio(row["found"], row["gold"])
        row["speaker"] = _ratio(row["speaker_right"], row["speaker_gold"])
    for row in predicted.values():
        row["precision"] = _ratio(row["correct"], row["predicted"])
    quoted_pred = predicted["direct"]["predicted"] + predicted["mixed"]["predicted"]
    quoted_correct = predicted["direct"]["correct"] + predicted["mixed"]["correct"]
    return {
        "documents": len(golds_by_doc),
        "annotator": "first in sorted order when several annotated a document",
        "quoted_recall": counts["quoted"]["recall"],
        "quoted_precision": _ratio(quoted_correct, quoted_pred),
        "quoted_speaker": counts["quoted"]["speaker"],
        "indirect_recall": counts["indirect"]["recall"],
        "indirect_precision": predicted["indirect"]["precision"],
        "indirect_speaker": counts["indirect"]["speaker"],
        "spacy_seconds": round(spacy_seconds, 3),
        "quotes_seconds": round(stage_seconds, 3),
        "quotes_time_share": _ratio(stage_seconds, spacy_seconds) if spacy_seconds else None,
        "by_gold_kind": counts,
        "by_predicted_kind": predicted,
        "by_attribution": {
            k: {**v, "precision": _ratio(v["correct"], v["predicted"])}
            for k, v in sorted(by_how.items())
        },
    }
