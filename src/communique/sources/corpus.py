"""Corpora for ``communique ingest``: files, folders, JSONL, RSS/Atom feeds, WARC, URLs.

:func:`iter_items` turns the paths and URLs given on the command line into a stream
of :class:`~communique.sources.files.Item`, lazily (memory stays flat in corpus size).
What cannot be read is an item with ``document.error`` set, never an exception.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urlparse

from communique.document import Document
from communique.errors import InputError
from communique.sources.feeds import (
    PoliteFetcher,
    feed_items,
    is_feed_file,
    looks_like_feed,
    read_feed_file,
)
from communique.sources.files import Item, failed, is_text_file, plain_suffix, read_text_file, walk
from communique.sources.jsonl import read_jsonl_documents
from communique.sources.single import DEFAULT_MAX_BYTES, check_size, decode, read_file
from communique.sources.warc import is_warc_file, read_warc

Reader = Callable[[Path, int, "PoliteFetcher | None"], Iterator[Item]]


def _text(path: Path, max_bytes: int, _fetcher) -> Iterator[Item]:
    return read_text_file(path, max_bytes)


def _jsonl(path: Path, max_bytes: int, _fetcher) -> Iterator[Item]:
    for document in read_jsonl_documents(path, max_bytes=max_bytes):
        yield Item(f"{path}#{document.id}", document)


def _warc(path: Path, max_bytes: int, _fetcher) -> Iterator[Item]:
    return read_warc(path, max_bytes)


def _feed(path: Path, max_bytes: int, fetcher) -> Iterator[Item]:
    return read_feed_file(path, max_bytes, fetcher)


# What each kind of file is, in the order the checks are made.
READERS: tuple[tuple[str, Callable[[Path], bool], Reader], ...] = (
    ("warc", is_warc_file, _warc),
    ("jsonl", lambda p: plain_suffix(p) == ".jsonl" and p.suffix != ".gz", _jsonl),
    ("feed", is_feed_file, _feed),
    ("text", is_text_file, _text),
)


def reader_for(path: Path) -> Reader | None:
    for _kind, matches, reader in READERS:
        if matches(path):
            return reader
    return None


def iter_items(
    locations: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetcher: PoliteFetcher | None = None,
) -> Iterator[Item]:
    """Every document in the given files, folders and URLs, in order."""
    for location in locations:
        if urlparse(location).scheme in ("http", "https"):
            yield from _url_items(location, max_bytes, fetcher)
            continue
        path = Path(location)
        if path.is_dir():
            for file in walk(path):
                reader = reader_for(file)
                if reader is not None:  # other files in a folder are not news
                    yield from reader(file, max_bytes, fetcher)
        elif path.is_file():
            yield from (reader_for(path) or _sniffed)(path, max_bytes, fetcher)
        else:
            yield failed(location, f"{location}: no such file or folder")


def _sniffed(path: Path, max_bytes: int, fetcher) -> Iterator[Item]:
    """A file of unknown kind given by name: a feed if it looks like one, else text or HTML."""
    try:
        raw = read_file(path, max_bytes)
    except InputError as exc:
        yield failed(str(path), str(exc))
        return
    if looks_like_feed(raw):
        yield from feed_items(raw, str(path), max_bytes=max_bytes, fetcher=fetcher)
    else:
        yield from read_text_file(path, max_bytes)


def _url_items(url: str, max_bytes: int, fetcher: PoliteFetcher | None) -> Iterator[Item]:
    """A URL is a feed (its articles) or one page."""
    own = fetcher is None
    fetcher = fetcher or PoliteFetcher(max_bytes=max_bytes)
    try:
        try:
            raw = fetcher.fetch(url)
            check_size(raw, max_bytes, url)
        except InputError as exc:
            yield failed(url, str(exc), url=url)
            return
        if looks_like_feed(raw):
            yield from feed_items(raw, url, max_bytes=max_bytes, fetcher=fetcher)
            return
        try:
            content, warnings = decode(raw, url)
        except InputError as exc:
            yield failed(url, str(exc), url=url)
            return
        yield Item(url, Document(content, html=True, url=url, warnings=warnings))
    finally:
        if own:
            fetcher.close()
