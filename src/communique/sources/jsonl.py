"""JSONL input in the batch shape: {"id", "text" | "html", "date"?, "url"?, "source"?}."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from communique.errors import CommuniqueError
from communique.pipeline import Document


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
    return Document(
        content=content,
        html=html is not None,
        id=doc_id,
        url=record.get("url"),
        source=record.get("source"),
        date=record.get("date"),
    )


def read_jsonl_documents(path: Path, max_bytes: int) -> Iterator[Document]:
    """Documents from a JSONL file; a bad line becomes a document that fails with its reason."""
    with path.open("r", encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield parse_record(line, number, max_bytes)
            except BadRecord as exc:
                yield Document(content="", id=_record_id(line, number), error=str(exc))


def _record_id(line: str, number: int) -> str:
    """The id of a bad record when it can still be read, else its line number."""
    try:
        record = json.loads(line)
        if isinstance(record, dict) and record.get("id") is not None:
            return str(record["id"])
    except json.JSONDecodeError:
        pass
    return f"line-{number}"
