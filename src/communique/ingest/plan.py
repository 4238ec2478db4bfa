"""Planning an ingest: a record for each item read, leaving out what the database holds
already; duplicates and stale failures need no analysis."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from communique.ingest.summary import Summary
from communique.pipeline import Document
from communique.sources.files import Item
from communique.store import Record, Store
from communique.store.writer import ERROR, content_hash, failure_id


@dataclass
class Entry:
    """One document on its way: a ready record, or a document to analyse."""

    item: Item
    record: Record
    document: Document | None = None  # set when it is to be analysed


def plan(
    items: Iterable[Item],
    store: Store,
    summary: Summary,
    block: int = 256,
    retry_errors: bool = False,
) -> Iterator[Entry]:
    """Records for the items, leaving out what is stored already; duplicates need no analysis.

    With ``retry_errors``, documents stored as errors are read and analysed again.
    """
    seen: dict[str, str] = {}  # content hash -> first location in this run
    pending: list[Entry] = []

    def flush() -> Iterator[Entry]:
        ids = [e.record.id for e in pending]
        if retry_errors:  # also the read failures stored for these locations
            ids += [failure_id(e.item.location) for e in pending]
        known = store.known_articles(ids)
        for entry in pending:
            entry.record.retry = retry_errors
            if entry.record.id not in known:
                yield entry
                continue
            location, status = known[entry.record.id]
            stale = known.get(failure_id(entry.item.location), (None, None))[1] == ERROR
            if retry_errors and status == ERROR and location == entry.item.location:
                yield entry
            elif retry_errors and stale and entry.record.error is None:
                entry.record.analysed, entry.document = (
                    False,
                    None,
                )  # the writer drops the stale row
                yield entry
            elif location == entry.item.location or entry.record.error is not None:
                summary.documents += 1
                summary.already_stored += 1
            else:  # stored from another location: a duplicate, no analysis needed
                entry.record.analysed, entry.document = False, None
                yield entry

    for item in items:
        entry = _entry(item)
        if entry.document is not None:
            first = seen.setdefault(entry.record.id, item.location)
            if first != item.location:
                entry.record.analysed, entry.document = False, None
        pending.append(entry)
        if len(pending) >= block:
            yield from flush()
            pending = []
    yield from flush()


def homed(item: Item, home: str) -> Item:
    """The item, its document placed at ``home`` unless it says where it is from."""
    if item.document.home is None:
        item.document.home = home
    return item


def excluding(item: Item, exclude: tuple[str, ...]) -> Item:
    """The item with ``exclude`` added to the stages its document skips."""
    item.document.exclude = (*item.document.exclude, *exclude)
    return item


def _entry(item: Item) -> Entry:
    doc = item.document
    common: dict[str, Any] = {
        "location": item.location,
        "url": doc.url,
        "source": doc.source,
        "date": doc.date,
    }
    if doc.error is not None:
        record = Record(id=failure_id(item.location), error=doc.error, external_id=doc.id, **common)
        return Entry(item, record)
    record = Record(
        id=content_hash(doc.content), external_id=doc.id, warnings=list(doc.warnings), **common
    )
    doc.id = record.id  # the report's id is the article id
    return Entry(item, record, doc)
