"""Writing analysed batches into the store, one transaction each; a batch the database
refuses is written one document at a time, and a document it refuses becomes an error row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.ingest.plan import Entry
from communique.ingest.summary import Summary
from communique.pipeline import Failure
from communique.store import Record, Store
from communique.store.writer import OK

if TYPE_CHECKING:
    from communique.model import Report

MAX_ERRORS_LISTED = 20


def write_batch(
    store: Store, batch: list[tuple[Entry, Report | Failure | None]], summary: Summary
) -> None:
    """Write a batch of analysed entries and count what was written in ``summary``."""
    if not batch:
        return
    records = []
    for entry, result in batch:
        record = entry.record
        if isinstance(result, Failure):
            record.error = result.error
        elif result is not None:
            record.report = result
        records.append(record)
    for record, written in zip(records, write_or_isolate(store, records), strict=True):
        summary.documents += 1
        if written.status is None:
            summary.already_stored += 1
            continue
        summary.statuses[written.status] += 1
        summary.new_events += written.new_events
        summary.merged_events += written.merged_events
        if written.status != OK and len(summary.errors) < MAX_ERRORS_LISTED:
            summary.errors.append(
                (record.location or record.id, written.status, written.error or "")
            )


def write_or_isolate(store: Store, records: list[Record]) -> list:
    """Write a batch; if the database refuses it, write one by one, storing refusals as errors."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return store.write(records)
    except SQLAlchemyError:
        if len(records) == 1:
            return [_write_refused(store, records[0])]
        return [write_or_isolate(store, [record])[0] for record in records]


def _write_refused(store: Store, record: Record):
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return store.write([record])[0]
    except SQLAlchemyError as exc:
        orig = getattr(exc, "orig", None)  # the driver's own error, when there is one
        reason = str(orig if orig else exc).strip().splitlines()[0]
        refused = Record(id=record.id, location=record.location, url=record.url, source=record.source,
                         error=f"the database refused the document: {reason}")  # fmt: skip
        return store.write([refused])[0]
