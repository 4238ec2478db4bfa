"""The analysis pipeline: article -> language -> spaCy -> the NLP stages, in order.

Each NLP stage is a module with ``annotate(analysis)`` that fills its section of the report.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from communique import article as article_reader
from communique import language, nlp
from communique.dates import parse_iso_date
from communique.errors import CommuniqueError
from communique.model import Report

# spaCy's own limit on one text (Language.max_length).
MAX_TEXT_CHARS = 1_000_000

# Stage name -> module; run in this order (later stages read what earlier ones found).
STAGES: tuple[tuple[str, str], ...] = (
    ("entities", "communique.entities"),
    ("quotes", "communique.quotes"),
    ("times", "communique.times"),
    ("places", "communique.places"),
    ("events", "communique.events"),
)


@dataclass
class Document:
    """One input document, as the batch form of the CLI describes it."""

    content: str
    html: bool = False
    id: str | None = None
    url: str | None = None
    source: str | None = None
    date: str | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # set when the input could not be turned into a document
    home: str | None = None  # where the source is from ("Lebanon, Tennessee"): for the places


@dataclass
class Analysis:
    """What the NLP stages share: the report being filled and the parsed text."""

    report: Report
    doc: Doc
    nlp: Language
    home: str | None = None  # the source's home place as given (``--home``), read by places


@dataclass
class Failure:
    """A document that could not be analysed; the batch goes on."""

    id: str | None
    error: str

    def to_dict(self) -> dict:
        return {"id": self.id, "error": self.error}


def content_id(content: str) -> str:
    """A stable id from the content: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@functools.cache
def stage_functions() -> tuple[Callable[[Analysis], None], ...]:
    """The ``annotate`` function of every stage in :data:`STAGES`, in order."""
    return tuple(importlib.import_module(module).annotate for _name, module in STAGES)


def read(document: Document) -> Report:
    """Read the article and identify its language; the NLP sections stay empty."""
    if document.error:
        raise CommuniqueError(document.error)
    if not document.content.strip():
        raise CommuniqueError("empty document")
    if document.date is not None:
        parse_iso_date(document.date)
    content, repaired = _without_lone_surrogates(document.content)
    art = article_reader.read(
        content,
        html=document.html,
        url=document.url,
        source=document.source,
        date=document.date,
    )
    if not art.text.strip():
        raise CommuniqueError("no article text found in the document")
    if len(art.text) > MAX_TEXT_CHARS:
        raise CommuniqueError(
            f"the article text has {len(art.text):,} characters, more than the {MAX_TEXT_CHARS:,} "
            "communique analyses in one document; split it"
        )
    art.language = language.detect(art.body or art.text)
    warnings = list(document.warnings)
    if repaired:
        warnings.append(f"{repaired} unpaired surrogate code point(s) replaced with U+FFFD")
    return Report(id=document.id or content_id(document.content), article=art, warnings=warnings)


def _without_lone_surrogates(text: str) -> tuple[str, int]:
    """The text with unpaired UTF-16 surrogates (from JSON "\\ud800") replaced, and how many."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text, 0
    clean = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return clean, clean.count("\ufffd") - text.count("\ufffd")


def annotate(report: Report, doc: Doc, pipeline: Language, home: str | None = None) -> Report:
    """Run the NLP stages over a parsed report, in order (``home``: the source's home place)."""
    analysis = Analysis(report=report, doc=doc, nlp=pipeline, home=home)
    for stage in stage_functions():
        stage(analysis)
    return report


def analyze_document(document: Document, model: str | None = None) -> Report:
    """Analyse one document into a report."""
    report = read(document)
    if not language.is_analysed(report.article.language):
        return report
    pipeline = nlp.load(model)
    return annotate(report, pipeline(report.article.text), pipeline, home=document.home)


def analyze(
    content: str,
    *,
    html: bool = False,
    date: str | None = None,
    url: str | None = None,
    source: str | None = None,
    id: str | None = None,
    model: str | None = None,
    home: str | None = None,
) -> Report:
    """Analyse one article given as plain text or HTML (``home``: where its source is from)."""
    document = Document(
        content=content, html=html, id=id, url=url, source=source, date=date, home=home
    )
    return analyze_document(document, model=model)


def analyze_many(
    documents: Iterable[Document], model: str | None = None, batch_size: int = 16
) -> Iterator[Report | Failure]:
    """Analyse documents in input order; a bad one yields a :class:`Failure`, the rest go on."""
    pipeline = nlp.load(model)
    pending: list[tuple[Report | Failure, str | None]] = []
    for document in documents:
        pending.append((_read_or_fail(document), document.home))
        if len(pending) >= batch_size:
            yield from _annotate_batch(pending, pipeline)
            pending = []
    yield from _annotate_batch(pending, pipeline)


def _read_or_fail(document: Document) -> Report | Failure:
    try:
        return read(document)
    except CommuniqueError as exc:
        return Failure(document.id, str(exc))


def _annotate_batch(
    items: list[tuple[Report | Failure, str | None]], pipeline: Language
) -> Iterator[Report | Failure]:
    to_parse = [
        item
        for item, _home in items
        if isinstance(item, Report) and language.is_analysed(item.article.language)
    ]
    docs = _parse_all(to_parse, pipeline)
    for item, home in items:
        if isinstance(item, Report) and id(item) in docs:
            try:
                doc = docs[id(item)]
                if isinstance(doc, Exception):
                    raise CommuniqueError(f"the parser failed: {type(doc).__name__}: {doc}")
                annotate(item, doc, pipeline, home=home)
            except CommuniqueError as exc:
                yield Failure(item.id, str(exc))
                continue
        yield item


def _parse_all(reports: list[Report], pipeline: Language) -> dict[int, Doc | Exception]:
    """Parse the reports' texts in one batch; if the batch fails, one by one, so that one
    bad text costs only its own report."""
    texts = [r.article.text for r in reports]
    try:
        return dict(zip(map(id, reports), pipeline.pipe(texts), strict=True))
    except Exception:  # noqa: BLE001 - find the culprit below
        parsed: dict[int, Doc | Exception] = {}
        for report, text in zip(reports, texts, strict=True):
            try:
                parsed[id(report)] = pipeline(text)
            except Exception as exc:  # noqa: BLE001
                parsed[id(report)] = exc
        return parsed
