"""``communique bench``: speed, ingest throughput, scaling and memory, measured.

- spaCy's own ``nlp.pipe`` against the full analysis on the same documents (docs/s,
  tokens/s and their ratio: the share of time communique's own work leaves to spaCy);
- writing analysed reports into SQLite and PostgreSQL (docs/s);
- ingest with 1 and 2 local worker processes (docs/s, speed-up);
- peak RSS of an ``ingest --workers 2`` process tree on a corpus and on a larger one
  (memory must stay flat in corpus size).

The corpus is generated from the example news: variants with their paragraphs rotated
and a numbered footer, so that every document is new to the database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from communique.document import Document, Failure

if TYPE_CHECKING:
    from communique.model import Report

EXAMPLE_SUFFIXES = (".txt", ".html", ".htm")
RSS_SAMPLE_SECONDS = 0.2


# --- the corpus ------------------------------------------------------------------------


def example_documents(folder: Path) -> list[Document]:
    """The example news as documents, sorted by file name."""
    from communique.errors import CommuniqueError
    from communique.sources import load_document

    documents = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.suffix.lower() in EXAMPLE_SUFFIXES:
            try:
                documents.append(load_document(str(path)))
            except CommuniqueError:
                continue
    if not documents:
        from communique.errors import InputError

        raise InputError(f"{folder}: no example news (.txt, .html) to build the bench corpus from")
    return documents


def variant(document: Document, number: int) -> Document:
    """A new document told like ``document``: its later paragraphs rotated, a numbered footer."""
    if document.html:
        content = document.content.replace("</body>", f"<p>Archive copy {number}.</p></body>", 1)
        if content == document.content:
            content += f"<p>Archive copy {number}.</p>"
    else:
        paragraphs = [p for p in document.content.split("\n\n") if p.strip()]
        head, rest = paragraphs[:2], paragraphs[2:]
        if rest:
            shift = number % len(rest)
            rest = rest[shift:] + rest[:shift]
        content = "\n\n".join([*head, *rest, f"Archive copy {number}."])
    return Document(
        content=content, html=document.html, id=f"bench-{number}", source=document.source
    )


def generated_corpus(examples: list[Document], size: int):
    """``size`` distinct documents, cycling through the examples."""
    for number in range(size):
        yield variant(examples[number % len(examples)], number)


def write_jsonl(documents, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for doc in documents:
            key = "html" if doc.html else "text"
            handle.write(json.dumps({"id": doc.id, key: doc.content, "source": doc.source}) + "\n")
    return path


# --- measurements ------------------------------------------------------------------------


def stages_present() -> dict[str, bool]:
    """The NLP stages of the pipeline, in run order (each one registered is present)."""
    from communique.pipeline import build

    return {stage.name: True for stage in build()}


def measure_speed(documents: list[Document], model: str | None = None, batch_size: int = 16):
    """spaCy's ``nlp.pipe`` alone vs the full analysis, on the same documents.

    The two are measured in turns, batch by batch, in CPU time of this process (what the
    work costs, whatever else the machine runs) and in wall-clock time. Returns the figures
    and the reports.
    """
    from communique import nlp as nlp_module
    from communique.pipeline import analyze_many, read

    pipeline = nlp_module.load(model)
    pairs = []
    for doc in documents:
        try:
            pairs.append((doc, read(doc).article.text))
        except Exception:  # noqa: BLE001 - a document the reader refuses is left out of both
            continue
    list(analyze_many([d for d, _ in pairs[:4]], model=model))  # warm-up: lazy tables, caches
    list(pipeline.pipe([t for _, t in pairs[:4]]))

    tokens = 0
    results: list[Report | Failure] = []
    cpu = {"spacy": 0.0, "full": 0.0}
    wall = {"spacy": 0.0, "full": 0.0}
    for first in range(0, len(pairs), batch_size):
        batch = pairs[first : first + batch_size]
        with _timer(cpu, wall, "spacy"):
            tokens += sum(
                len(doc) for doc in pipeline.pipe([t for _, t in batch], batch_size=batch_size)
            )
        with _timer(cpu, wall, "full"):
            results += analyze_many([d for d, _ in batch], model=model, batch_size=batch_size)
    n = len(pairs)
    figures = {
        "documents": n,
        "tokens": tokens,
        "failures": sum(isinstance(r, Failure) for r in results),
        "spacy_docs_per_s": round(n / cpu["spacy"], 2),
        "spacy_tokens_per_s": round(tokens / cpu["spacy"], 1),
        "full_docs_per_s": round(n / cpu["full"], 2),
        "full_tokens_per_s": round(tokens / cpu["full"], 1),
        "ratio": round(cpu["spacy"] / cpu["full"], 3),
        "ratio_wall": round(wall["spacy"] / wall["full"], 3),
        "spacy_wall_docs_per_s": round(n / wall["spacy"], 2),
        "full_wall_docs_per_s": round(n / wall["full"], 2),
        "target_ratio": 0.8,
    }
    return figures, [r for r in results if not isinstance(r, Failure)]


def measure_stage_shares(documents: list[Document], model: str | None = None) -> dict:
    """Each NLP stage's CPU time as a share of spaCy's own on the same documents (warm: the
    tables are loaded first). The stages run in pipeline order, each on the reports the
    earlier ones filled."""
    from communique import nlp as nlp_module
    from communique.pipeline import Analysis, build, read

    pipeline = nlp_module.load(model)
    reports = []
    for document in documents:
        try:
            reports.append(read(document))
        except Exception:  # noqa: BLE001 - the reader's refusals are measured elsewhere
            continue
    functions = {stage.name: stage.annotate for stage in build()}
    for report in reports[:2]:  # warm-up
        warm = report.model_copy(deep=True)
        analysis = Analysis(warm, pipeline(warm.article.text))
        for stage in functions.values():
            stage(analysis)
    started = time.process_time()
    docs = list(pipeline.pipe([r.article.text for r in reports]))
    spacy_cpu = time.process_time() - started
    cpu = dict.fromkeys(functions, 0.0)
    for report, doc in zip(reports, docs, strict=True):
        analysis = Analysis(report, doc)
        for name, stage in functions.items():
            started = time.process_time()
            stage(analysis)
            cpu[name] += time.process_time() - started
    shares = {name: round(seconds / spacy_cpu, 4) for name, seconds in cpu.items()}
    shares["entities + events"] = round(shares["entities"] + shares["events"], 4)
    return shares


LOAD_SCRIPT = """
import json, time, psutil
import spacy
process = psutil.Process()
before, started = process.memory_info().rss, time.perf_counter()
from communique.events.lexicon import lexicon
from communique.entities import actors, lexicon as entities_lexicon
from communique import countries
lexicon(); entities_lexicon.roles(); entities_lexicon.organisations(); countries.table()
for name in ("Shinzo Abe", "Mahama", "Someone Unknown"):  # curated, dated, Phoenix
    actors.lookup(name, "2010-01-01")
print(json.dumps({"seconds": round(time.perf_counter() - started, 3),
                  "rss_mb": round((process.memory_info().rss - before) / 2**20, 1)}))
"""


def measure_table_loading() -> dict:
    """What loading the events lexicon, the actor tables and the country table costs a fresh
    process (after spaCy is imported): seconds and added RSS."""
    output = subprocess.run(
        [sys.executable, "-c", LOAD_SCRIPT], capture_output=True, text=True, check=True
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


class _timer:
    """Adds the CPU and wall-clock seconds of a block to ``cpu[key]`` and ``wall[key]``."""

    def __init__(self, cpu: dict, wall: dict, key: str) -> None:
        self.cpu, self.wall, self.key = cpu, wall, key

    def __enter__(self) -> None:
        self.start = (time.process_time(), time.perf_counter())

    def __exit__(self, *exc) -> None:
        self.cpu[self.key] += time.process_time() - self.start[0]
        self.wall[self.key] += time.perf_counter() - self.start[1]


def measure_store_writes(reports: list, url: str, batch_size: int = 64) -> dict:
    """Writing analysed reports into a database: documents/s (one transaction per batch)."""
    from communique.store import Record, Store, content_hash

    store = Store(url)
    records = [
        Record(id=content_hash(r.article.text + str(i)), location=f"bench-{i}", report=r)
        for i, r in enumerate(reports)
    ]
    start = time.perf_counter()
    for first in range(0, len(records), batch_size):
        store.write(records[first : first + batch_size])
    seconds = time.perf_counter() - start
    counts = store.counts()
    store.dispose()
    return {
        "documents": len(records),
        "docs_per_s": round(len(records) / seconds, 1),
        "events": counts["events"],
        "event_mentions": counts["event_mentions"],
    }


def measure_workers(corpus: Path, workers: int, model: str | None, folder: Path) -> dict:
    """Ingest throughput with ``workers`` local processes (started and warmed up before timing)."""
    from communique.ingest import ingest
    from communique.ingest.executors import InProcess, LocalProcesses

    executor = LocalProcesses(workers, model) if workers > 1 else InProcess(model)
    try:
        warm = [executor.submit([Document(content=f"Warm-up {i}: the minister met the envoy.")])
                for i in range(workers)]  # fmt: skip
        for future in warm:
            future.result()
        summary = ingest(
            [str(corpus)], db=f"sqlite:///{folder / f'workers-{workers}.db'}", executor=executor
        )
    finally:
        executor.close()
    return {
        "workers": workers,
        "documents": summary.documents,
        "docs_per_s": round(summary.docs_per_second, 2),
    }


def peak_rss_of_ingest(corpus: Path, db: str, workers: int = 2, model: str | None = None) -> dict:
    """Run ``communique ingest --workers N`` and sample the RSS of its whole process tree."""
    import psutil

    command = [sys.executable, "-c", "from communique.cli import main; main()", "ingest", str(corpus),
               "--db", db, "--workers", str(workers)]  # fmt: skip
    if model:
        command += ["--model", model]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    root = psutil.Process(process.pid)
    while process.poll() is None:
        total = 0
        try:
            for proc in [root, *root.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    continue
        except psutil.Error:
            pass
        peak = max(peak, total)
        time.sleep(RSS_SAMPLE_SECONDS)
    return {
        "returncode": process.returncode,
        "peak_rss_mb": round(peak / 2**20, 1),
        "seconds": round(time.perf_counter() - start, 1),
    }


def _postgres_bench_url(url: str) -> tuple[str, Callable[[], None]]:
    """A URL into a fresh schema of the PostgreSQL database, and a function that drops it."""
    from sqlalchemy import create_engine, text

    from communique.store import normalize_url

    url = normalize_url(url)
    schema = f"communique_bench_{os.getpid()}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    joiner = "&" if "?" in url else "?"
    bench_url = f"{url}{joiner}options=-csearch_path%3D{schema}"

    def drop() -> None:
        from communique.store.engine import engine_for

        engine_for(bench_url).dispose()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()

    return bench_url, drop


# --- the whole bench -------------------------------------------------------------------------


def run_bench(
    *,
    docs: int = 100,
    large: int | None = None,
    pg: str | None = None,
    examples: Path = Path("examples"),
    model: str | None = None,
    console=None,
    workers: tuple[int, ...] = (1, 2),
    memory: bool = True,
) -> dict:
    """Every measurement; returns the figures (scalars and one table per measurement)."""

    def say(message: str) -> None:
        if console is not None:
            console.print(f"bench: {message}", highlight=False)

    large = large or 4 * docs
    pg = pg or os.environ.get("COMMUNIQUE_BENCH_PG") or os.environ.get("COMMUNIQUE_TEST_PG")
    base = example_documents(examples)
    documents = list(generated_corpus(base, docs))
    figures: dict = {"documents": docs, "examples": len(base), "cpus": os.cpu_count()}
    figures["stages"] = {name: {"present": present} for name, present in stages_present().items()}

    say(f"spaCy alone vs the full analysis on {docs} documents")
    speed, reports = measure_speed(documents, model)
    figures["speed (CPU time)"] = {
        "spacy nlp.pipe": {"docs/s": speed["spacy_docs_per_s"], "tokens/s": speed["spacy_tokens_per_s"],
                           "wall docs/s": speed["spacy_wall_docs_per_s"]},
        "communique": {"docs/s": speed["full_docs_per_s"], "tokens/s": speed["full_tokens_per_s"],
                       "wall docs/s": speed["full_wall_docs_per_s"]},
    }  # fmt: skip
    figures["ratio (communique/spaCy docs/s)"] = speed["ratio"]
    figures["ratio, wall clock"] = speed["ratio_wall"]
    figures["ratio target"] = speed["target_ratio"]
    figures["tokens"] = speed["tokens"]

    say("each stage's CPU time against spaCy's")
    figures["stage share of spaCy time"] = measure_stage_shares(documents, model)
    figures["entities + events share"] = figures["stage share of spaCy time"]["entities + events"]
    figures["entities + events target"] = 0.25
    say("loading the lexicon and the actor tables in a fresh process")
    figures["table loading"] = measure_table_loading()

    with tempfile.TemporaryDirectory(prefix="communique-bench-") as tmp:
        folder = Path(tmp)
        say("writing the analysed reports into SQLite" + (" and PostgreSQL" if pg else ""))
        writes = {"sqlite": measure_store_writes(reports, f"sqlite:///{folder / 'writes.db'}")}
        if pg:
            bench_url, drop = _postgres_bench_url(pg)
            try:
                writes["postgresql"] = measure_store_writes(reports, bench_url)
            finally:
                drop()
        figures["store writes"] = writes

        corpus = write_jsonl(documents, folder / "corpus.jsonl")
        scaling = {}
        for n in workers:
            say(f"ingest with {n} worker(s)")
            scaling[f"{n} worker(s)"] = measure_workers(corpus, n, model, folder)
        figures["ingest"] = scaling
        if 1 in workers and 2 in workers:
            figures["speed-up 2 vs 1 workers"] = round(
                scaling["2 worker(s)"]["docs_per_s"] / scaling["1 worker(s)"]["docs_per_s"], 2
            )

        if memory:
            rss = {}
            for size in (docs, large):
                say(f"peak RSS of ingest --workers 2 on {size} documents")
                path = write_jsonl(generated_corpus(base, size), folder / f"rss-{size}.jsonl")
                rss[f"{size} docs"] = peak_rss_of_ingest(
                    path, f"sqlite:///{folder / f'rss-{size}.db'}", 2, model
                )
            figures["memory (ingest --workers 2)"] = rss
            small, big = rss[f"{docs} docs"]["peak_rss_mb"], rss[f"{large} docs"]["peak_rss_mb"]
            figures["peak RSS MB, 2 workers"] = max(small, big)
            figures["RSS growth (large/small)"] = round(big / small, 3) if small else None
    return figures
