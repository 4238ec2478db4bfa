"""Running the analysis on a Dask distributed cluster (``communique ingest --dask``).

Workers need communique and the spaCy model installed (the same versions as the
client); each loads the model once, when it joins. See docs/scaling.md.
"""

from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin

from communique.errors import InputError
from communique.ingest.executors import Executor, analyze_chunk, load_model


class DaskCluster(Executor):
    """A Dask distributed cluster: ``local`` starts a LocalCluster, else the scheduler address."""

    def __init__(
        self, address: str, model: str | None, workers: int = 1, processes: bool = True
    ) -> None:
        from distributed import Client, LocalCluster

        self.model = model
        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=processes, dashboard_address=None
            )
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(address, timeout=30)
            except (OSError, TimeoutError) as exc:
                raise InputError(
                    f"cannot connect to the Dask scheduler at {address}: {exc}"
                ) from exc
        self.client.register_plugin(ModelPlugin(model), name="communique-model")
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, documents):
        return self.client.submit(analyze_chunk, documents, self.model, pure=False)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model once on each Dask worker as it joins."""

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker) -> None:  # noqa: ANN001 - distributed.Worker
        load_model(self.model)
