"""The analysis pipeline: article -> language -> spaCy -> the NLP stages.

Each NLP stage is a function ``annotate(analysis)`` that declares itself with :func:`stage`::

    @stage("places", assigns=("places", "location_candidates"))
    def annotate(analysis: Analysis) -> None: ...

``requires`` names what the stage reads that another stage fills, ``assigns`` what it fills
itself: sections of the report (``entities``, ``quotes``, ...) or fields of
:class:`~communique.document.Analysis` (data a later stage needs that the report has no
place for). Every stage may read the article, the parse and ``home`` without declaring them.
:func:`build` orders the stages so that each runs after the stages it requires (ties: the
order of :data:`BUILTIN_STAGES`, then by name) and refuses a pipeline whose requirements
nobody meets; :func:`run` runs them, turning one stage's exception into a report warning.

The built-in stages are the modules of :data:`BUILTIN_STAGES`. Another package adds a stage
without a fork through the entry point group ``communique_stages``::

    [project.entry-points.communique_stages]
    my_quotes = "my_package.quotes:annotate"   # a function decorated with @stage
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import catalogue

from communique import language
from communique.dates import parse_iso_date
from communique.document import Analysis, Document, Failure
from communique.errors import CommuniqueError, InputError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from communique.model import Report

__all__ = [
    "Analysis",
    "Document",
    "Failure",
    "Stage",
    "analyze",
    "analyze_document",
    "analyze_many",
    "annotate",
    "build",
    "read",
    "run",
    "stage",
]

# spaCy's own limit on one text (Language.max_length).
MAX_TEXT_CHARS = 1_000_000

# The modules whose stages come with communique; importing one registers its stage.
BUILTIN_STAGES: tuple[str, ...] = (
    "communique.entities",
    "communique.quotes",
    "communique.times",
    "communique.places",
    "communique.events",
)
# What a stage can declare: a section of the report, or a field of Analysis that one stage
# fills for another (the inputs, read by every stage, are not declared).
REPORT_SECTIONS = frozenset({"entities", "quotes", "times", "places", "events"})
INPUTS = frozenset({"report", "doc", "home"})
SHARED_FIELDS = frozenset(f.name for f in dataclasses.fields(Analysis)) - INPUTS

stages = catalogue.create("communique", "stages", entry_points=True)


@dataclasses.dataclass(frozen=True)
class Stage:
    """One NLP stage: its name, its function and what it reads from and gives to others."""

    name: str
    annotate: Callable[[Analysis], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


def stage(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
) -> Callable[[Callable[[Analysis], None]], Callable[[Analysis], None]]:
    """Register ``annotate(analysis)`` as the stage ``name`` (a decorator).

    ``requires``: the report sections and Analysis fields the stage reads that other stages
    fill; ``assigns``: those it fills. The function is returned unchanged (its ``stage``
    attribute holds the declaration), so it can still be called on its own.
    """
    declared_requires, declared_assigns = tuple(requires), tuple(assigns)
    unknown = sorted(set(declared_requires + declared_assigns) - REPORT_SECTIONS - SHARED_FIELDS)
    if unknown:
        raise ValueError(
            f"stage '{name}': {', '.join(unknown)} is neither a report section "
            f"({', '.join(sorted(REPORT_SECTIONS))}) nor a shared Analysis field "
            f"({', '.join(sorted(SHARED_FIELDS))})"
        )

    def register(function: Callable[[Analysis], None]) -> Callable[[Analysis], None]:
        declared = Stage(name, function, declared_requires, declared_assigns)
        stages.register(name, func=declared)
        function.stage = declared  # type: ignore[attr-defined]
        _build.cache_clear()
        return function

    return register


def registered() -> dict[str, Stage]:
    """Every stage: the built-in ones and those of the ``communique_stages`` entry points."""
    for module in BUILTIN_STAGES:
        importlib.import_module(module)
    found: dict[str, Stage] = {}
    for key, value in sorted(stages.get_all().items()):
        declared = value if isinstance(value, Stage) else getattr(value, "stage", None)
        if not isinstance(declared, Stage):
            raise CommuniqueError(
                f"the stage entry point '{key}' is not a function decorated with "
                "communique.pipeline.stage"
            )
        found[declared.name] = declared
    return found


def build(exclude: Iterable[str] = ()) -> tuple[Stage, ...]:
    """The stages to run, in their run order, without those in ``exclude``.

    Raises :class:`~communique.errors.InputError` for an unknown stage name, a requirement
    no remaining stage assigns (a stage excluded that another needs), two stages assigning
    the same thing, or requirements that go round in a circle.
    """
    return _build(frozenset(exclude))


@functools.cache
def _build(exclude: frozenset[str]) -> tuple[Stage, ...]:
    available = registered()
    unknown = sorted(exclude - available.keys())
    if unknown:
        raise InputError(
            f"no stage called {', '.join(map(repr, unknown))}; "
            f"the stages are: {', '.join(sorted(available))}"
        )
    chosen = [s for s in available.values() if s.name not in exclude]
    return run_order(chosen, excluded=[s for s in available.values() if s.name in exclude])


def run_order(chosen: list[Stage], excluded: Iterable[Stage] = ()) -> tuple[Stage, ...]:
    """``chosen`` ordered so that every stage runs after the stages that assign what it
    requires; checked, with ties broken by :data:`BUILTIN_STAGES` order, then by name."""
    producers: dict[str, Stage] = {}
    for candidate in sorted(chosen, key=_rank):
        for name in candidate.assigns:
            if name in producers:
                raise InputError(
                    f"stages '{producers[name].name}' and '{candidate.name}' both assign "
                    f"'{name}': exclude one of them"
                )
            producers[name] = candidate
    pending = sorted(chosen, key=_rank)
    missing = [(s, name) for s in pending for name in s.requires if name not in producers]
    if missing:
        first, name = missing[0]
        elsewhere = {assigned: s.name for s in excluded for assigned in s.assigns}
        if name not in elsewhere:
            raise InputError(f"stage '{first.name}' requires '{name}', which no stage assigns")
        dependents = ", ".join(dict.fromkeys(s.name for s, _ in missing))
        raise InputError(
            f"stage '{first.name}' requires '{name}', which the excluded stage "
            f"'{elsewhere[name]}' assigns; to leave it out, exclude {dependents} too"
        )
    done: set[str] = set()
    order: list[Stage] = []
    while pending:
        ready = next(
            (s for s in pending if all(producers[r].name in done for r in s.requires)), None
        )
        if ready is None:
            names = ", ".join(s.name for s in pending)
            raise InputError(f"the stages {names} require each other's results in a circle")
        order.append(ready)
        pending.remove(ready)
        done.add(ready.name)
    return tuple(order)


def _rank(candidate: Stage) -> tuple[int, str]:
    module = getattr(candidate.annotate, "__module__", "")
    builtin = BUILTIN_STAGES.index(module) if module in BUILTIN_STAGES else len(BUILTIN_STAGES)
    return builtin, candidate.name


def run(analysis: Analysis, pipeline: Iterable[Stage]) -> None:
    """Run the stages over one analysis, in the order given.

    A stage that raises costs only its own results: what it assigns is set back to empty and
    ``report.warnings`` says what happened; the later stages still run.
    """
    for current in pipeline:
        try:
            current.annotate(analysis)
        except Exception as exc:  # noqa: BLE001 - one stage's bug must not sink the report
            analysis.report.warnings.append(f"{current.name}: {type(exc).__name__}: {exc}")
            _reset(analysis, current.assigns)


def _reset(analysis: Analysis, names: Iterable[str]) -> None:
    defaults = {f.name: f for f in dataclasses.fields(Analysis)}
    for name in names:
        if name in REPORT_SECTIONS:
            setattr(analysis.report, name, [])
        elif name in defaults:
            default = defaults[name]
            factory = default.default_factory
            value = factory() if factory is not dataclasses.MISSING else default.default
            setattr(analysis, name, value)


def content_id(content: str) -> str:
    """A stable id from the content: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read(document: Document) -> Report:
    """Read the article and identify its language; the NLP sections stay empty."""
    from communique import article as article_reader
    from communique.model import Report

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


def annotate(
    report: Report, doc: Doc, *, home: str | None = None, exclude: Iterable[str] = ()
) -> Report:
    """Run the NLP stages over a parsed report (``home``: the source's home place;
    ``exclude``: stages not to run)."""
    run(Analysis(report=report, doc=doc, home=home), build(exclude))
    return report


def analyze_document(
    document: Document, model: str | None = None, exclude: Iterable[str] = ()
) -> Report:
    """Analyse one document into a report (``exclude``: stages not to run)."""
    exclude = (*exclude, *document.exclude)
    build(exclude)  # a pipeline that cannot run is refused before any work
    report = read(document)
    if not language.is_analysed(report.article.language):
        return report
    pipeline = _load_model(model)
    return annotate(report, pipeline(report.article.text), home=document.home, exclude=exclude)


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
    exclude: Iterable[str] = (),
) -> Report:
    """Analyse one article given as plain text or HTML (``home``: where its source is from;
    ``exclude``: stages not to run, e.g. ``("quotes",)``)."""
    document = Document(
        content=content, html=html, id=id, url=url, source=source, date=date, home=home
    )
    return analyze_document(document, model=model, exclude=exclude)


def analyze_many(
    documents: Iterable[Document],
    model: str | None = None,
    batch_size: int = 16,
    exclude: Iterable[str] = (),
) -> Iterator[Report | Failure]:
    """Analyse documents in input order; a bad one yields a :class:`Failure`, the rest go on.

    ``exclude`` names stages not to run on any document (a document's own ``exclude`` adds
    to it)."""
    exclude = tuple(exclude)
    build(exclude)  # a pipeline that cannot run is refused before any work
    pipeline = _load_model(model)
    pending: list[tuple[Report | Failure, Document]] = []
    for document in documents:
        pending.append((_read_or_fail(document), document))
        if len(pending) >= batch_size:
            yield from _annotate_batch(pending, pipeline, exclude)
            pending = []
    yield from _annotate_batch(pending, pipeline, exclude)


def _load_model(model: str | None) -> Language:
    from communique import nlp  # spaCy is loaded only when a text is to be parsed

    return nlp.load(model)


def _read_or_fail(document: Document) -> Report | Failure:
    try:
        return read(document)
    except CommuniqueError as exc:
        return Failure(document.id, str(exc))


def _annotate_batch(
    items: list[tuple[Report | Failure, Document]], pipeline: Language, exclude: tuple[str, ...]
) -> Iterator[Report | Failure]:
    to_parse = [
        item
        for item, _document in items
        if not isinstance(item, Failure) and language.is_analysed(item.article.language)
    ]
    docs = _parse_all(to_parse, pipeline)
    for item, document in items:
        if not isinstance(item, Failure) and id(item) in docs:
            try:
                doc = docs[id(item)]
                if isinstance(doc, Exception):
                    raise CommuniqueError(f"the parser failed: {type(doc).__name__}: {doc}")
                annotate(item, doc, home=document.home, exclude=(*exclude, *document.exclude))
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
