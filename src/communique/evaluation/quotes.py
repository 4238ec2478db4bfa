"""``communique eval quotes --data .../polnear/dev``: quotations against PolNeAR attributions.

Each PolNeAR text file is analysed as it is: a :class:`~communique.model.Report` whose
``article.text`` is the file's text, so brat offsets and report offsets are the same
characters (the article reader's furniture logic is not applied, it would shift them). The
entities stage runs first when it is installed, then this stage.

Gold classes (README of shared/data): *quoted* attributions have quote marks in their
Content (a plural possessive's apostrophe, "the voters’ heads", is not one); *indirect* ones
have none and a verb-of-saying cue (a cue word of ``cues.json``); the rest (beliefs,
intentions, ...) are *other*. A prediction matches a gold Content when it overlaps at least
half of the gold span's characters, the README's rule: a gold attribution is found when some
prediction matches it (its speaker is judged on the matching prediction with the largest
overlap), a prediction is correct when it matches some gold attribution. Precision is counted
per predicted kind: direct and mixed quotations against all gold attributions, indirect ones
likewise. The stricter one-to-one figures (``*_one_to_one``: each prediction may find one gold
attribution only, a largest matching) are reported beside them. The speaker is right when its
span overlaps the gold Source, when its entity has a mention there, or when both name the same
person (surname; a gold Source "who" names the noun phrase right before it).
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from communique import nlp as nlp_module
from communique.evaluation.brat import GoldAttribution, GoldDocument, read_split
from communique.evaluation.metrics import largest_matching, ratio
from communique.model import Article, Quote, Report
from communique.quotes import find_quotes, quotes_of
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
    """Prediction index -> gold index: a one-to-one matching with as many pairs as possible.

    Pairs are those the rule allows (overlap of at least half the gold span). Greedy pairing
    by largest overlap can leave a gold unmatched although a free prediction covers it (PolNeAR
    nests attributions: one prediction overlaps an outer and an inner Content); augmenting paths
    (Kuhn's algorithm, tried in order of overlap) find a largest matching, still one-to-one.
    """
    edges: dict[int, list[int]] = {}
    for p, f in enumerate(found):
        pairs = []
        for g, gold in enumerate(golds):
            o = overlap(gold, f.start, f.end)
            if o and 2 * o >= gold.length:
                pairs.append((-o, g))
        if pairs:
            edges[p] = [g for _, g in sorted(pairs)]
    best = {p: overlap(golds[gs[0]], found[p].start, found[p].end) for p, gs in edges.items()}
    return largest_matching(edges, order=sorted(edges, key=lambda p: (-best[p], p)))


def matches(golds: list[GoldAttribution], found: list[Found]) -> dict[int, int]:
    """Gold index -> the matching prediction with the largest overlap (ties: the first), for
    every gold attribution some prediction matches."""
    best: dict[int, tuple[int, int]] = {}
    for p, f in enumerate(found):
        for g, gold in enumerate(golds):
            o = overlap(gold, f.start, f.end)
            if o and 2 * o >= gold.length and (g not in best or o > best[g][0]):
                best[g] = (o, p)
    return {g: p for g, (_, p) in sorted(best.items())}


def _surname(text: str) -> str | None:
    words = [
        w
        for w in re.findall(r"[A-Z][\w’'-]+", text)
        if w.lower() not in ("the", "mr", "mrs", "ms", "dr")
    ]
    return words[-1].lower() if words else None


RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})


def _antecedent_of(text: str, gold: GoldAttribution, span: tuple[int, int]) -> bool:
    """Gold Source "who" (", who noted that ...") names the noun phrase right before it."""
    if len(gold.source) != 1:
        return False
    start, end = gold.source[0]
    if text[start:end].strip().lower() not in RELATIVE_PRONOUNS or span[1] > start:
        return False
    return text[span[1] : start].strip(" ,") == ""


def speaker_right(report: Report, gold: GoldAttribution, f: Found, quote: Quote) -> bool:
    if f.speaker is None:
        return False
    if any(s < f.speaker[1] and f.speaker[0] < e for s, e in gold.source):
        return True
    if _antecedent_of(report.article.text, gold, f.speaker):
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
    from communique.document import Analysis

    entities.annotate(Analysis(report=report, doc=doc))  # speakers link to entities
    started = time.perf_counter()
    found = sorted(find_quotes(doc), key=lambda f: (f.start, f.end))
    quotes = quotes_of(report, found)
    return found, quotes, time.perf_counter() - started


def _matches_any(golds: list[GoldAttribution], f: Found) -> bool:
    return any(2 * overlap(g, f.start, f.end) >= g.length > 0 for g in golds)


def _inverse(pairs: dict[int, int]) -> dict[int, int]:
    return {g: p for p, g in sorted(pairs.items())}


def _empty_counts() -> dict[str, dict[str, Any]]:  # counts, then their shares
    return {k: {"gold": 0, "found": 0, "speaker_gold": 0, "speaker_right": 0} for k in KINDS}


def evaluate(data: Path, limit: int | None = None, model: str | None = None) -> dict:
    """Recall, precision and speaker accuracy of quotations on a PolNeAR split; for the
    shared data folder, on the news-events set's quotations (speakers by name)."""
    if Path(data).is_dir() and not (Path(data) / "text").is_dir():
        from communique.evaluation.news_quotes import evaluate_quotes

        return evaluate_quotes(Path(data), limit, model)
    golds_by_doc: list[GoldDocument] = read_split(Path(data), limit)
    nlp = nlp_module.load(model)
    counts, strict = _empty_counts(), _empty_counts()
    predicted: dict[str, dict[str, Any]] = {
        k: {"predicted": 0, "correct": 0} for k in ("direct", "mixed", "indirect")
    }
    strict_correct = {k: 0 for k in predicted}
    by_how: dict[str, dict[str, int]] = {}
    spacy_seconds = stage_seconds = 0.0
    for gold_doc in golds_by_doc:
        started = time.perf_counter()
        doc = nlp(gold_doc.text)
        spacy_seconds += time.perf_counter() - started
        report = Report(id=gold_doc.name, article=Article(text=gold_doc.text, language="en"))
        found, quotes, seconds = _run_stages(report, doc, nlp)
        stage_seconds += seconds
        golds = gold_doc.attributions
        kinds = [gold_kind(doc, g) for g in golds]
        strict_pairs = match(golds, found)
        for table, pairs in ((counts, matches(golds, found)), (strict, _inverse(strict_pairs))):
            for g, kind in enumerate(kinds):
                row = table[kind]
                row["gold"] += 1
                if g not in pairs:
                    continue
                row["found"] += 1
                if golds[g].source:
                    p = pairs[g]
                    row["speaker_gold"] += 1
                    row["speaker_right"] += speaker_right(report, golds[g], found[p], quotes[p])
        correct = {p for p, f in enumerate(found) if _matches_any(golds, f)}
        for p, f in enumerate(found):
            predicted[f.kind]["predicted"] += 1
            how = by_how.setdefault(f"{f.kind}/{f.how}", {"predicted": 0, "correct": 0})
            how["predicted"] += 1
            strict_correct[f.kind] += p in strict_pairs
            if p in correct:
                predicted[f.kind]["correct"] += 1
                how["correct"] += 1
    for table in (counts, strict):
        for row in table.values():
            row["recall"] = ratio(row["found"], row["gold"])
            row["speaker"] = ratio(row["speaker_right"], row["speaker_gold"])
    for row in predicted.values():
        row["precision"] = ratio(row["correct"], row["predicted"])
    quoted_pred = predicted["direct"]["predicted"] + predicted["mixed"]["predicted"]
    quoted_correct = predicted["direct"]["correct"] + predicted["mixed"]["correct"]
    return {
        "documents": len(golds_by_doc),
        "annotator": "first in sorted order when several annotated a document",
        "quoted_recall": counts["quoted"]["recall"],
        "quoted_precision": ratio(quoted_correct, quoted_pred),
        "quoted_speaker": counts["quoted"]["speaker"],
        "indirect_recall": counts["indirect"]["recall"],
        "indirect_precision": predicted["indirect"]["precision"],
        "indirect_speaker": counts["indirect"]["speaker"],
        "quoted_recall_one_to_one": strict["quoted"]["recall"],
        "quoted_precision_one_to_one": ratio(
            strict_correct["direct"] + strict_correct["mixed"], quoted_pred
        ),
        "quoted_speaker_one_to_one": strict["quoted"]["speaker"],
        "indirect_recall_one_to_one": strict["indirect"]["recall"],
        "indirect_precision_one_to_one": ratio(
            strict_correct["indirect"], predicted["indirect"]["predicted"]
        ),
        "spacy_seconds": round(spacy_seconds, 3),
        "quotes_seconds": round(stage_seconds, 3),
        "quotes_time_share": ratio(stage_seconds, spacy_seconds),
        "by_gold_kind": counts,
        "by_predicted_kind": predicted,
        "by_attribution": {
            k: {**v, "precision": ratio(v["correct"], v["predicted"])}
            for k, v in sorted(by_how.items())
        },
    }
