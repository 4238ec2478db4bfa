"""The analysis pipeline: article -> language -> spaCy -> the NLP stages, in order.

Each NLP stage is a module with ``annotate(analysis)`` that fills its section of the report.
"""

from __future__ import annotations

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


@dataclass
class Analysis:
    """What the NLP stages share: the report being filled and the parsed text."""

    report: Report
    doc: Doc
    nlp: Language


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


def _stage_functions() -> list[Callable[[Analysis], None]]:
    functions = []
    for _name, module_name in STAGES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        if hasattr(module, "annotate"):  # TEMP while stages land
            functions.append(module.annotate)
    return functions


def read(document: Document) -> Report:
    """Read the article and identify its language; the NLP sections stay empty."""
    if document.error:
        raise CommuniqueError(document.error)
    if not document.content.strip():
        raise CommuniqueError("empty document")
    if document.date is not None:
        parse_iso_date(document.date)
    art = article_reader.read(
        document.content,
        html=document.html,
        url=document.url,
        source=document.source,
        date=document.date,
    )
    if not art.text.strip():
        raise CommuniqueError("no article text found in the document")
    art.language = language.detect(art.body or art.text)
    return Report(
        id=document.id or content_id(document.content),
        article=art,
        warnings=list(document.warnings),
    )


def annotate(report: Report, doc: Doc, pipeline: Language) -> Report:
    """Run the NLP stages over a parsed report, in order."""
    analysis = Analysis(report=report, doc=doc, nlp=pipeline)
    for stage in _stage_functions():
        stage(analysis)
    return report


def analyze_document(document: Document, model: str | None = None) -> Report:
    """Analyse one document into a report."""
    report = read(document)
    if not language.is_analysed(report.article.language):
        return report
    pipeline = nlp.load(model)
    return annotate(report, pipeline(report.article.text), pipeline)


def analyze(
    content: str,
    *,
    html: bool = False,
    date: str | None = None,
    url: str | None = None,
    source: str | None = None,
    id: str | None = None,
    model: str | None = None,
) -> Report:
    """Analyse one article given as plain text or HTML."""
    document = Document(content=content, html=html, id=id, url=url, source=source, date=date)
    return analyze_document(document, model=model)


def analyze_many(
    documents: Iterable[Document], model: str | None = None, batch_size: int = 16
) -> Iterator[Report | Failure]:
    """Analyse documents in input order; a bad one yields a :class:`Failure`, the rest go on."""
    pipeline = nlp.load(model)
    pending: list[Report | Failure] = []
    for document in documents:
        pending.append(_read_or_fail(document))
        if len(pending) >= batch_size:
            yield from _annotate_batch(pending, pipeline)
            pending = []
    yield from _annotate_batch(pending, pipeline)


def _read_or_fail(document: Document) -> Report | Failure:
    try:
        return read(document)
    except CommuniqueError as exc:
        return Failure(document.id, str(exc))


def _annotate_batch(items: list[Report | Failure], pipeline: Language) -> Iterator[Report | Failure]:
    to_parse = [
        item
        for item in items
        if isinstance(item, Report) and language.is_analysed(item.article.language)
    ]
    docs = dict(zip(map(id, to_parse), pipeline.pipe(r.article.text for r in to_parse), strict=True))
    for item in items:
        if isinstance(item, Report) and id(item) in docs:
            try:
                annotate(item, docs[id(item)], pipeline)
            except CommuniqueError as exc:
                yield Failure(item.id, str(exc))
                continue
        yield item
