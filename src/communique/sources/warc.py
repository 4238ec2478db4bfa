"""Web archives: the HTML pages in the response records of a WARC file (warcio)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from communique.document import Document
from communique.errors import CommuniqueError
from communique.sources.files import Item, failed, plain_suffix
from communique.sources.single import DEFAULT_MAX_BYTES, check_size, decode

WARC_SUFFIXES = (".warc", ".arc")
HTML_TYPES = ("text/html", "application/xhtml+xml")


class TruncatedWarc(ValueError):
    """A record ends before its Content-Length: the archive was cut short."""


def is_warc_file(path: Path) -> bool:
    return plain_suffix(path) in WARC_SUFFIXES


def read_warc(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """One item per HTML response record; a damaged archive ends with an item saying so."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        with path.open("rb") as handle:
            records = ArchiveIterator(handle)
            end = 0
            for record in records:
                item = _html_item(path, record, max_bytes)
                records.read_to_end(record)
                end = records.get_record_offset() + records.get_record_length()
                if item is not None:
                    count += 1
                    yield item
            handle.seek(end)
            if handle.read(1 << 16).strip():  # bytes after the last whole record: a cut member
                raise TruncatedWarc("the archive ends inside a record")
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        yield failed(
            f"{path}", f"{path}: truncated or corrupt WARC after {count} page(s): {reason}"
        )


def _html_item(path: Path, record, max_bytes: int) -> Item | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    status = record.http_headers.get_statuscode() or ""
    if not content_type.startswith(HTML_TYPES) or not status.startswith("2"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    location = f"{path}#{url}"
    raw = record.content_stream().read(max_bytes + 1)
    if len(raw) <= max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
        raise TruncatedWarc(f"the record of {url} is cut short")
    try:
        check_size(raw, max_bytes, location)
        content, warnings = decode(raw, location)
    except CommuniqueError as exc:
        return failed(location, str(exc), url=url)
    return Item(location, Document(content=content, html=True, url=url, warnings=warnings))
