"""JSONL input in the batch shape: {"id", "text" | "html", "date"?, "url"?, "source"?}."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from communique.document import Document
from communique.errors import CommuniqueError, InputError
from communique.sources.single import is_binary

OPTIONAL_STRINGS = ("date", "url", "source")


class BadRecord(CommuniqueError):
    """A JSONL line that is not a usable document."""


def parse_record(line: str, number: int, max_bytes: int) -> Document:
    """One JSONL line as a :class:`Document`, or :class:`BadRecord` saying why not."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadRecord(f"line {number}: invalid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise BadRecord(f"line {number}: expected a JSON object")
    doc_id = record.get("id")
    doc_id = str(doc_id) if doc_id is not None else f"line-{number}"
    html = record.get("html")
    content = html if html is not None else record.get("text")
    if not isinstance(content, str):
        raise BadRecord(f"{doc_id}: the record has no 'text' or 'html' string")
    if len(content.encode("utf-8", "surrogatepass")) > max_bytes:
        raise BadRecord(f"{doc_id}: larger than the limit of {max_bytes:,} bytes")
    for key in OPTIONAL_STRINGS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise BadRecord(f"{doc_id}: '{key}' must be a string")
    return Document(
        content=content,
        html=html is not None,
        id=doc_id,
        url=record.get("url"),
        source=record.get("source"),
        date=record.get("date"),
    )


def read_jsonl_documents(path: Path, max_bytes: int, *, strict: bool = False) -> Iterator[Document]:
    """Documents from a JSONL file, in order; a bad line becomes a document that fails with its
    reason. Invalid UTF-8 is replaced, with a warning on that document.

    ``strict`` first refuses, with an :class:`InputError`, a file that cannot be a batch at all
    (empty or binary, see :func:`check_jsonl_file`); a missing file or a folder is always refused.
    """
    if strict:
        check_jsonl_file(path)
    elif not path.is_file():
        raise InputError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            line, warnings = _decode_line(raw, number)
            if not line.strip():
                continue
            try:
                document = parse_record(line, number, max_bytes)
            except BadRecord as exc:
                document = Document(content="", id=_record_id(line, number), error=str(exc))
            document.warnings.extend(warnings)
            yield document


def check_jsonl_file(path: Path) -> None:
    """Refuse what cannot be a JSONL batch: a missing, empty, binary file or a folder."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a JSONL file")
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not head.strip():
        raise InputError(f"{path}: empty input")
    if is_binary(head):
        raise InputError(f"{path}: binary data, not JSONL")


def _decode_line(raw: bytes, number: int) -> tuple[str, list[str]]:
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8"), []
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors="replace")
        return text, [f"line {number}: invalid UTF-8 replaced with U+FFFD"]


def _record_id(line: str, number: int) -> str:
    """The id of a bad record when it can still be read, else its line number."""
    try:
        record = json.loads(line)
        if isinstance(record, dict) and record.get("id") is not None:
            return str(record["id"])
    except json.JSONDecodeError:
        pass
    return f"line-{number}"
