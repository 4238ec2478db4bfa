"""``communique ingest``: corpora into the event database, locally or on a Dask cluster.

The client reads the sources, skips what the database already holds, sends documents
in chunks to the analysis (in-process, N local processes, or Dask workers, each
loading the spaCy model once) and writes the results itself, in input order, in
batches of one transaction each. A killed ingest run again finishes the job: what was
committed is skipped, what was not is analysed again.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field

from communique.errors import CommuniqueError
from communique.pipeline import Document, Failure
from communique.sources.files import Item
from communique.store import Record, Store
from communique.store.writer import (
    DUPLICATE,
    ERROR,
    LANGUAGE,
    OK,
    STATUSES,
    WARNING,
    content_hash,
    failure_id,
)

DEFAULT_BATCH_SIZE = 64  # documents per transaction
DEFAULT_CHUNK_SIZE = 16  # documents per task sent to a worker (one nlp.pipe batch)
MAX_ERRORS_LISTED = 20


@dataclass
class Summary:
    """What an ingest did."""

    documents: int = 0
    statuses: Counter = field(default_factory=Counter)
    already_stored: int = 0
    new_events: int = 0
    merged_events: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (location, status, error)
    seconds: float = 0.0

    @property
    def problems(self) -> int:
        return sum(n for status, n in self.statuses.items() if status != OK)

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "statuses": {s: self.statuses.get(s, 0) for s in STATUSES},
            "already_stored": self.already_stored,
            "new_events": self.new_events,
            "merged_events": self.merged_events,
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.docs_per_second, 2),
            "errors": [{"location": loc, "status": s, "error": e} for loc, s, e in self.errors],
        }


# --- the analysis, wherever it runs --------------------------------------------------


def analyze_chunk(documents: list[Document], model: str | None = None) -> list:
    """Analyse documents into reports (or failures), in order. Runs on workers."""
    from communique.pipeline import analyze_many

    try:
        return list(analyze_many(documents, model=model, batch_size=max(1, len(documents))))
    except CommuniqueError:
        raise
    except Exception:  # one bad document must not cost the others: go one by one
        return [_analyze_one(document, model) for document in documents]


def _analyze_one(document: Document, model: str | None):
    from communique.pipeline import analyze_many

    try:
        return next(iter(analyze_many([document], model=model, batch_size=1)))
    except CommuniqueError:
        raise
    except Exception as exc:
        return Failure(document.id, f"internal error while analysing: {type(exc).__name__}: {exc}")


def _load_model(model: str | None) -> None:
    from communique import nlp

    nlp.load(model)


class _Done:
    """A finished future for in-process analysis."""

    def __init__(self, value) -> None:
        self._value = value

    def result(self):
        return self._value


class Executor:
    """Runs :func:`analyze_chunk` somewhere: in-process, local processes or Dask."""

    workers = 1

    def submit(self, documents: list[Document]):
        raise NotImplementedError

    def close(self) -> None:
        pass


class InProcess(Executor):
    def __init__(self, model: str | None) -> None:
        self.model = model

    def submit(self, documents):
        return _Done(analyze_chunk(documents, self.model))


class LocalProcesses(Executor):
    """N worker processes (spawned, each loads the model once when it starts)."""

    def __init__(self, workers: int, model: str | None) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.model = model
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_model,
            initargs=(model,),
        )

    def submit(self, documents) -> Future:
        return self.pool.submit(analyze_chunk, documents, self.model)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def make_executor(workers: int = 1, dask: str | None = None, model: str | None = None) -> Executor:
    if dask:
        from communique.ingest.cluster import DaskCluster

        return DaskCluster(dask, model, workers=workers)
    if workers > 1:
        return LocalProcesses(workers, model)
    return InProcess(model)


# --- planning: what to analyse, what to skip ------------------------------------------


@dataclass
class Entry:
    """One document on its way: a ready record, or a document to analyse."""

    item: Item
    record: Record
    document: Document | None = None  # set when it is to be analysed


def plan(
    items: Iterable[Item],
    store: Store,
    summary: Summary,
    block: int = 256,
    retry_errors: bool = False,
) -> Iterator[Entry]:
    """Records for the items, leaving out what is stored already; duplicates need no analysis.

    With ``retry_errors``, documents stored as errors are read and analysed again.
    """
    seen: dict[str, str] = {}  # content hash -> first location in this run
    pending: list[Entry] = []

    def flush() -> Iterator[Entry]:
        ids = [e.record.id for e in pending]
        if retry_errors:  # also the read failures stored for these locations
            ids += [failure_id(e.item.location) for e in pending]
        known = store.known_articles(ids)
        for entry in pending:
            entry.record.retry = retry_errors
            if entry.record.id not in known:
                yield entry
                continue
            location, status = known[entry.record.id]
            stale = known.get(failure_id(entry.item.location), (None, None))[1] == ERROR
            if retry_errors and status == ERROR and location == entry.item.location:
                yield entry
            elif retry_errors and stale and entry.record.error is None:
                entry.record.analysed, entry.document = (
                    False,
                    None,
                )  # the writer drops the stale row
                yield entry
            elif location == entry.item.location or entry.record.error is not None:
                summary.documents += 1
                summary.already_stored += 1
            else:  # stored from another location: a duplicate, no analysis needed
                entry.record.analysed, entry.document = False, None
                yield entry

    for item in items:
        entry = _entry(item)
        if entry.document is not None:
            first = seen.setdefault(entry.record.id, item.location)
            if first != item.location:
                entry.record.analysed, entry.document = False, None
        pending.append(entry)
        if len(pending) >= block:
            yield from flush()
            pending = []
    yield from flush()


def _homed(item: Item, home: str) -> Item:
    if item.document.home is None:
        item.document.home = home
    return item


def _excluding(item: Item, exclude: tuple[str, ...]) -> Item:
    item.document.exclude = (*item.document.exclude, *exclude)
    return item


def _entry(item: Item) -> Entry:
    doc = item.document
    common = {"location": item.location, "url": doc.url, "source": doc.source, "date": doc.date}
    if doc.error is not None:
        record = Record(id=failure_id(item.location), error=doc.error, external_id=doc.id, **common)
        return Entry(item, record)
    record = Record(
        id=content_hash(doc.content), external_id=doc.id, warnings=list(doc.warnings), **common
    )
    doc.id = record.id  # the report's id is the article id
    return Entry(item, record, doc)


# --- the ingest --------------------------------------------------------------------------


def ingest(
    locations: Iterable[str],
    *,
    db: str | None = None,
    workers: int = 1,
    dask: str | None = None,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_bytes: int | None = None,
    fetch_delay: float = 1.0,
    retry_errors: bool = False,
    on_progress: Callable[[Summary], None] | None = None,
    executor: Executor | None = None,
    home: str | None = None,
    exclude: Iterable[str] = (),
) -> Summary:
    """Ingest files, folders, feeds, WARC and URLs into the database at ``db`` (``home``:
    where the sources are from, for every document that does not say; ``exclude``: stages
    not to run)."""
    from communique.sources.corpus import iter_items
    from communique.sources.feeds import PoliteFetcher
    from communique.sources.single import DEFAULT_MAX_BYTES

    store = Store(db)
    summary = Summary()
    started = time.perf_counter()
    max_bytes = max_bytes or DEFAULT_MAX_BYTES
    own_executor = executor is None
    executor = executor or make_executor(workers, dask, model)
    try:
        with PoliteFetcher(max_bytes=max_bytes, delay=fetch_delay) as fetcher:
            items = iter_items(locations, max_bytes=max_bytes, fetcher=fetcher)
            if home is not None:
                items = (_homed(item, home) for item in items)
            if exclude:
                items = (_excluding(item, tuple(exclude)) for item in items)
            entries = plan(items, store, summary, retry_errors=retry_errors)
            batch: list[tuple[Entry, object]] = []
            for chunk, results in _analysed(entries, executor, chunk_size):
                batch.extend(zip(chunk, results, strict=True))
                if len(batch) >= batch_size:
                    _write_batch(store, batch, summary)
                    batch = []
                    summary.seconds = time.perf_counter() - started
                    if on_progress:
                        on_progress(summary)
            _write_batch(store, batch, summary)
    finally:
        if own_executor:
            executor.close()
    summary.seconds = time.perf_counter() - started
    if on_progress:
        on_progress(summary)
    return summary


def _analysed(entries: Iterable[Entry], executor: Executor, chunk_size: int):
    """(chunk, results) in input order, with a bounded number of chunks in flight."""
    in_flight: deque = deque()
    limit = 2 * executor.workers + 1

    def submit(chunk: list[Entry]) -> None:
        documents = [e.document for e in chunk if e.document is not None]
        future = executor.submit(documents) if documents else _Done([])
        in_flight.append((chunk, future))

    def collect() -> tuple[list[Entry], list]:
        chunk, future = in_flight.popleft()
        results = iter(future.result())
        return chunk, [next(results) if e.document is not None else None for e in chunk]

    chunk: list[Entry] = []
    for entry in entries:
        chunk.append(entry)
        if len(chunk) >= chunk_size:
            submit(chunk)
            chunk = []
            while len(in_flight) >= limit:
                yield collect()
    if chunk:
        submit(chunk)
    while in_flight:
        yield collect()


def _write_batch(store: Store, batch: list[tuple[Entry, object]], summary: Summary) -> None:
    if not batch:
        return
    records = []
    for entry, result in batch:
        record = entry.record
        if isinstance(result, Failure):
            record.error = result.error
        elif result is not None:
            record.report = result
        records.append(record)
    for record, written in zip(records, _write_or_isolate(store, records), strict=True):
        summary.documents += 1
        if written.status is None:
            summary.already_stored += 1
            continue
        summary.statuses[written.status] += 1
        summary.new_events += written.new_events
        summary.merged_events += written.merged_events
        if written.status != OK and len(summary.errors) < MAX_ERRORS_LISTED:
            summary.errors.append(
                (record.location or record.id, written.status, written.error or "")
            )


def _write_or_isolate(store: Store, records: list[Record]) -> list:
    """Write a batch; if the database refuses it, write one by one, storing refusals as errors."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return store.write(records)
    except SQLAlchemyError:
        if len(records) == 1:
            return [_write_refused(store, records[0])]
        return [_write_or_isolate(store, [record])[0] for record in records]


def _write_refused(store: Store, record: Record):
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return store.write([record])[0]
    except SQLAlchemyError as exc:
        reason = str(exc.orig if getattr(exc, "orig", None) else exc).strip().splitlines()[0]
        refused = Record(id=record.id, location=record.location, url=record.url, source=record.source,
                         error=f"the database refused the document: {reason}")  # fmt: skip
        return store.write([refused])[0]


# --- the command line's view --------------------------------------------------------------


def run_with_progress(locations: list[str], console, **options) -> Summary:
    """:func:`ingest` with a rich progress bar (documents, documents/s, errors) on ``console``."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed:,.0f} documents"),
        TextColumn("{task.fields[rate]:.1f} docs/s"),
        TextColumn("{task.fields[errors]} problem(s)"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as progress:
        task = progress.add_task("ingest", total=None, rate=0.0, errors=0)

        def update(summary: Summary) -> None:
            progress.update(
                task,
                completed=summary.documents,
                rate=summary.docs_per_second,
                errors=summary.problems,
            )

        return ingest(locations, on_progress=update, **options)


def summary_table(summary: Summary):
    """The summary as a rich table: counts by status, events, speed, then the problems."""
    from rich.table import Table

    table = Table(title="communique ingest", show_header=True)
    table.add_column("")
    table.add_column("count", justify="right")
    table.add_row("documents", f"{summary.documents:,}")
    labels = {
        OK: "analysed",
        WARNING: "analysed with warnings",
        LANGUAGE: "not English (not analysed)",
        DUPLICATE: "duplicates",
        ERROR: "errors",
    }
    for status in STATUSES:
        table.add_row(labels[status], f"{summary.statuses.get(status, 0):,}")
    table.add_row("already in the database", f"{summary.already_stored:,}")
    table.add_row("new events", f"{summary.new_events:,}")
    table.add_row("mentions of known events", f"{summary.merged_events:,}")
    table.add_row("seconds", f"{summary.seconds:.1f}")
    table.add_row("documents/s", f"{summary.docs_per_second:.1f}")
    return table
