"""Where the analysis runs: in-process, in N local processes, or on a Dask cluster
(:mod:`communique.ingest.cluster`). Each worker loads the spaCy model once; a chunk that
fails is analysed again one document at a time, so one bad document costs no others."""

from __future__ import annotations

from concurrent.futures import Future

from communique.errors import CommuniqueError
from communique.pipeline import Document, Failure


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


def load_model(model: str | None) -> None:
    """Load the spaCy model into this process (a worker, as it starts)."""
    from communique import nlp

    nlp.load(model)


class Done:
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
        return Done(analyze_chunk(documents, self.model))


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
            initializer=load_model,
            initargs=(model,),
        )

    def submit(self, documents) -> Future:
        return self.pool.submit(analyze_chunk, documents, self.model)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def make_executor(workers: int = 1, dask: str | None = None, model: str | None = None) -> Executor:
    """An executor: a Dask cluster (``dask``), N local processes, or this process."""
    if dask:
        from communique.ingest.cluster import DaskCluster

        return DaskCluster(dask, model, workers=workers)
    if workers > 1:
        return LocalProcesses(workers, model)
    return InProcess(model)
