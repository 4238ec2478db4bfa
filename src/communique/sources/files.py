"""Files and folders of news: ``.txt``, ``.html``/``.htm``, each optionally gzipped."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from communique.document import Document
from communique.errors import CommuniqueError
from communique.sources.single import DEFAULT_MAX_BYTES, load_document

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass
class Item:
    """A document from a corpus and where it came from (a path, a URL, ``file#record``).

    ``document.error`` is set when the document could not be read; it is still an item,
    so that the ingest records it.
    """

    location: str
    document: Document


def failed(location: str, error: str, **fields) -> Item:
    """An item for a document that could not be read."""
    return Item(location, Document(content="", error=error, **fields))


def plain_suffix(path: Path) -> str:
    """The suffix that says what a file holds, under a ``.gz``: ``a.html.gz`` -> ``.html``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def is_text_file(path: Path) -> bool:
    return plain_suffix(path) in TEXT_SUFFIXES + HTML_SUFFIXES


def read_text_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """The one document in a text or HTML file (an item with an error if it cannot be read)."""
    location = str(path)
    try:
        document = load_document(
            location, html=plain_suffix(path) in HTML_SUFFIXES, max_bytes=max_bytes
        )
    except CommuniqueError as exc:
        yield failed(location, str(exc))
        return
    yield Item(location, document)


def walk(folder: Path) -> Iterator[Path]:
    """Every file under ``folder``, in a stable order (sorted by path), hidden ones left out."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(
            part.startswith(".") for part in path.relative_to(folder).parts
        ):
            yield path
