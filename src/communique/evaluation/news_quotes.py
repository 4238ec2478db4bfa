"""Quotations of the news-events set: annotation checks and scoring of speakers by name.

The set's documents (``data/news_events.jsonl``) also carry their quotations in
``data/news_quotes.jsonl``: one line per document with its ``split`` and ``quotes``, each a
content span (``{"text", "start", "end"}``), its ``kind`` (direct, indirect, mixed), its
``cue`` and its ``speaker`` — the person or body who spoke, by the fullest name the article
gives (``{"name", "country", "sector", "kind"}``), the words that introduced it
(``voice``) and the body a spokesperson speaks for (``on_behalf_of``). Guidelines:
``docs/annotation.md``, section "Quotations".

Scoring follows the data README's rule for quotations: a predicted quotation matches a gold
one when it overlaps at least half of the gold content; the speaker is right when the
predicted speaker's entity is the gold speaker by name (its canonical name or an alias,
folded), the issue's stricter reading of "the named speaker".

    python -m communique.evaluation.news_quotes check FILE... [--data ../shared/data] [--write OUT]
    python -m communique.evaluation.news_quotes agreement A B [--data ../shared/data]
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from communique.evaluation.corpora import NewsText, load
from communique.evaluation.metrics import ratio
from communique.evaluation.news_events import (
    annotation_main,
    check_annotations,
    check_participant,
    check_span,
    read_annotations,
)

QUOTE_KINDS = ("direct", "indirect", "mixed")


def _speaker(text: str, value, where: str, problems: list[str]) -> dict | None:
    """A speaker is checked as an event's participant, with the words that introduced it
    (``voice``) and the body it speaks for (``on_behalf_of``)."""
    speaker = check_participant(text, value, where, problems)
    if speaker is None:
        return None
    for field in ("voice", "on_behalf_of"):
        words = value.get(field)
        if words is not None and (not isinstance(words, str) or words not in text):
            problems.append(f"{where}: {field} {words!r} is not written in the text")
    return {**speaker, "voice": value.get("voice"), "on_behalf_of": value.get("on_behalf_of")}


def check_quote(text: str, quote: dict, where: str) -> tuple[dict, list[str]]:
    """An annotated quotation with its offsets filled in, and what is wrong with it."""
    problems: list[str] = []
    if quote.get("kind") not in QUOTE_KINDS:
        problems.append(f"{where}: kind {quote.get('kind')!r} is not one of {QUOTE_KINDS}")
    cue = quote.get("cue")
    if cue is not None and (not isinstance(cue, str) or cue not in text):
        problems.append(f"{where}: cue {cue!r} is not written in the text")
    content = check_span(text, quote.get("content"), f"{where} content", problems)
    speaker = _speaker(text, quote.get("speaker"), f"{where} speaker", problems)
    return {"content": content, "kind": quote.get("kind"), "cue": cue, "speaker": speaker}, problems


def check_documents(
    documents: list[dict], texts: dict[str, NewsText]
) -> tuple[list[dict], list[str]]:
    """Checked documents (offsets filled in) and every problem found."""
    return check_annotations(documents, texts, "quotes", check_quote)


def _main(argv: list[str] | None = None) -> int:
    module = "communique.evaluation.news_quotes"
    return annotation_main(module, "quotes", "quotation", check_documents, agreement, argv)


# --- matching and agreement -------------------------------------------------------------


def overlaps_half(gold: dict, start: int, end: int) -> bool:
    """The data README's rule: a span matches a gold content it overlaps by half or more."""
    content = gold["content"]
    overlap = min(end, content["end"]) - max(start, content["start"])
    return overlap > 0 and 2 * overlap >= content["end"] - content["start"]


def same_speaker(first: dict | None, second: dict | None) -> bool:
    """Two speakers are the same by name (folded), or both absent."""
    from communique.entities.lexicon import fold, strip_article

    if first is None or second is None:
        return first is None and second is None
    return strip_article(fold(first.get("name") or "")) == strip_article(
        fold(second.get("name") or "")
    )


def agreement(first: list[dict], second: list[dict]) -> dict:
    """How far two annotations agree: quotations of the first found by the second (half
    overlap) and the reverse, and the share of found ones with the same speaker and kind."""
    by_doc = {d["doc"]: d for d in second}
    found = back = total_first = total_second = speaker = kind = 0
    for document in first:
        other = by_doc.get(document["doc"], {"quotes": []})
        total_first += len(document["quotes"])
        total_second += len(other["quotes"])
        for quote in document["quotes"]:
            match = next(
                (
                    q
                    for q in other["quotes"]
                    if overlaps_half(quote, q["content"]["start"], q["content"]["end"])
                ),
                None,
            )
            if match is not None:
                found += 1
                speaker += same_speaker(quote["speaker"], match["speaker"])
                kind += quote["kind"] == match["kind"]
        for quote in other["quotes"]:
            back += any(
                overlaps_half(quote, q["content"]["start"], q["content"]["end"])
                for q in document["quotes"]
            )
    return {
        "first": total_first,
        "second": total_second,
        "first_found_by_second": ratio(found, total_first, 4),
        "second_found_by_first": ratio(back, total_second, 4),
        "same_speaker": ratio(speaker, found, 4),
        "same_kind": ratio(kind, found, 4),
    }


# --- scoring the system ----------------------------------------------------------------

DEFAULT_QUOTES = resources.files("communique.evaluation") / "data" / "news_quotes.jsonl"


def load_quotes(path: Path | None = None) -> list[dict]:
    """The committed quotations: one document a line, with its split (offsets filled)."""
    return read_annotations(path or Path(str(DEFAULT_QUOTES)))


def located(corpus_text: str, article_text: str, content: dict) -> tuple[int, int] | None:
    """Where a gold content stands in the analysed text (the reader may have dropped lines
    before it): the same occurrence of its words, else the first, else None."""
    words = content["text"]
    occurrence = corpus_text.count(words, 0, content["start"])
    start = -1
    for _ in range(occurrence + 1):
        start = article_text.find(words, start + 1)
        if start < 0:
            break
    if start < 0:
        start = article_text.find(words)
    return (start, start + len(words)) if start >= 0 else None


def speaker_is(report, quote, gold: dict | None) -> bool:
    """The predicted speaker is the gold speaker by name: the entity's canonical name, an alias
    or a mention's words equal the gold name (folded); both absent counts as right."""
    from communique.entities.lexicon import fold, strip_article

    speaker = quote.speaker
    if gold is None or speaker is None:
        return gold is None and (speaker is None or speaker.entity is None)
    wanted = strip_article(fold(gold["name"]))
    entity = next((e for e in report.entities if e.id == speaker.entity), None)
    names = [speaker.name or ""]
    if entity is not None:
        names += [entity.name, *entity.aliases, *(m.text for m in entity.mentions)]
    return any(strip_article(fold(n)) == wanted for n in names if n)


def speaker_country(report, quote) -> str | None:
    entity = next(
        (e for e in report.entities if quote.speaker and e.id == quote.speaker.entity), None
    )
    return entity.actor.country if entity is not None and entity.actor else None


def evaluate_quotes(root: Path, limit: int | None = None, model: str | None = None) -> dict:
    """Quotations found, precision and speakers by name and by country on the news-events set,
    tuning and held-out halves."""
    from communique.evaluation.news_events import analysed_reports, country_key

    gold = load_quotes()[:limit] if limit else load_quotes()
    texts = load(root)
    reports = analysed_reports(gold, root, model)
    counts: dict[str, dict[str, int]] = {}
    for document in gold:
        report = reports.get(document["doc"])
        article = getattr(report, "article", None)
        predicted = list(getattr(report, "quotes", []) or [])
        spans = []
        for quote in document["quotes"]:
            where = (
                located(texts[document["doc"]].text, article.text, quote["content"])
                if article
                else None
            )
            spans.append(where)
        for split in (document.get("split", "tune"), "all"):
            row = counts.setdefault(split, {})
            for quote, where in zip(document["quotes"], spans, strict=True):
                row["gold"] = row.get("gold", 0) + 1
                if where is None:
                    continue
                box = {"content": {"start": where[0], "end": where[1]}}
                found = [q for q in predicted if overlaps_half(box, q.start, q.end)]
                if not found:
                    continue
                best = max(found, key=lambda q: min(q.end, where[1]) - max(q.start, where[0]))
                row["found"] = row.get("found", 0) + 1
                row["speaker"] = row.get("speaker", 0) + speaker_is(report, best, quote["speaker"])
                wanted = country_key((quote["speaker"] or {}).get("country"))
                row["country"] = row.get("country", 0) + (
                    country_key(speaker_country(report, best)) == wanted
                )
            for q in predicted:
                row["predicted"] = row.get("predicted", 0) + 1
                row["correct"] = row.get("correct", 0) + any(
                    where is not None
                    and overlaps_half(
                        {"content": {"start": where[0], "end": where[1]}}, q.start, q.end
                    )
                    for where in spans
                )
    figures: dict = {"documents": len(gold)}
    for split in ("held", "tune", "all"):
        row = counts.get(split, {})
        figures[f"{split}_found"] = ratio(row.get("found", 0), row.get("gold", 0), 4)
        figures[f"{split}_precision"] = ratio(row.get("correct", 0), row.get("predicted", 0), 4)
        figures[f"{split}_speaker_by_name"] = ratio(row.get("speaker", 0), row.get("found", 0), 4)
        figures[f"{split}_speaker_country"] = ratio(row.get("country", 0), row.get("found", 0), 4)
    return figures


if __name__ == "__main__":
    sys.exit(_main())
