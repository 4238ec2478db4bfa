"""``communique ingest``: corpora into the event database, locally or on a Dask cluster.

The client reads the sources, skips what the database already holds
(:mod:`~communique.ingest.plan`), sends documents in chunks to the analysis (in-process, N
local processes, or Dask workers, each loading the spaCy model once:
:mod:`~communique.ingest.executors`) and writes the results itself, in input order, in
batches of one transaction each (:mod:`~communique.ingest.write`). A killed ingest run again
finishes the job: what was committed is skipped, what was not is analysed again.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from communique.ingest.executors import Done, Executor, make_executor
from communique.ingest.plan import Entry, excluding, homed, plan
from communique.ingest.summary import Summary
from communique.ingest.write import write_batch
from communique.store import Store

if TYPE_CHECKING:
    from communique.document import Failure
    from communique.model import Report

__all__ = ["DEFAULT_BATCH_SIZE", "DEFAULT_CHUNK_SIZE", "Summary", "ingest"]

DEFAULT_BATCH_SIZE = 64  # documents per transaction
DEFAULT_CHUNK_SIZE = 16  # documents per task sent to a worker (one nlp.pipe batch)


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
                items = (homed(item, home) for item in items)
            if exclude:
                items = (excluding(item, tuple(exclude)) for item in items)
            entries = plan(items, store, summary, retry_errors=retry_errors)
            batch: list[tuple[Entry, Report | Failure | None]] = []
            for chunk, results in _analysed(entries, executor, chunk_size):
                batch.extend(zip(chunk, results, strict=True))
                if len(batch) >= batch_size:
                    write_batch(store, batch, summary)
                    batch = []
                    summary.seconds = time.perf_counter() - started
                    if on_progress:
                        on_progress(summary)
            write_batch(store, batch, summary)
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
        future = executor.submit(documents) if documents else Done([])
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
