"""``communique demo``: analyse a folder of example news and summarise it as a table."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table

from communique.errors import CommuniqueError
from communique.pipeline import Failure, analyze_many
from communique.sources import load_document

EXAMPLE_SUFFIXES = (".txt", ".html", ".htm")


def example_files(folder: Path) -> list[Path]:
    """The example documents in a folder, sorted by name."""
    return sorted(p for p in folder.iterdir() if p.suffix in EXAMPLE_SUFFIXES)


def summarize_folder(folder: Path, model: str | None = None) -> Table:
    """Analyse every example in ``folder`` and return a summary table."""
    if not folder.is_dir():
        raise CommuniqueError(f"{folder}: no such folder")
    files = example_files(folder)
    documents = []
    for path in files:
        try:
            document = load_document(str(path))
        except CommuniqueError as exc:
            document = _failed(path, str(exc))
        document.id = path.name
        documents.append(document)
    table = Table(title=f"communique: {len(files)} example(s) in {folder}")
    for column in ("file", "date", "dateline", "headline", "ent", "quo", "tim", "pla", "evt"):
        table.add_column(column, overflow="fold")
    for result in analyze_many(documents, model=model):
        table.add_row(*_row(result))
    return table


def _failed(path: Path, error: str):
    from communique.pipeline import Document

    return Document(content="", error=error)


def _row(result) -> list[str]:
    if isinstance(result, Failure):
        return [result.id or "", "", "", f"error: {result.error}", "", "", "", "", ""]
    art = result.article
    place = art.dateline.place if art.dateline else None
    counts = (result.entities, result.quotes, result.times, result.places, result.events)
    return [result.id, art.date or "", place or "", (art.headline or "")[:70]] + [
        str(len(c)) for c in counts
    ]
