"""What an ingest did: counts by status, events, errors and speed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from communique.store.writer import OK, STATUSES


@dataclass
class Summary:
    """What an ingest did."""

    documents: int = 0
    statuses: Counter = field(default_factory=Counter)
    already_stored: int = 0
    new_events: int = 0
    merged_events: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (location, status, error)
    seconds: float = 0.0

    @property
    def problems(self) -> int:
        return sum(n for status, n in self.statuses.items() if status != OK)

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "statuses": {s: self.statuses.get(s, 0) for s in STATUSES},
            "already_stored": self.already_stored,
            "new_events": self.new_events,
            "merged_events": self.merged_events,
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.docs_per_second, 2),
            "errors": [{"location": loc, "status": s, "error": e} for loc, s, e in self.errors],
        }
