"""What a normaliser knows besides the groups of its match: the article's date, the text,
the tense, the year the sentence names, and what the document has named so far."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

QUARTER_REACH = 300  # characters


CALENDAR_VALUE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?=$|T)")


DECADE_VALUE = re.compile(r"(\d{3})$")


@dataclass
class DocState:
    """What the normalisers remember across one document: financial quarters, and the last
    year, month and day named, which anaphoric expressions ("that day", "the following
    year") count from."""

    last_quarter: tuple[int, int] | None = None
    last_quarter_at: int = -(10**9)  # where it was named
    named: dict[str, tuple[int, ...]] = field(default_factory=dict)
    named_in: dict[str, int] = field(default_factory=dict)  # granularity -> sentence

    def remember(self, value: str | None, sentence: int = 0) -> None:
        """Note a resolved calendar value (YYYY, YYYY-MM, YYYY-MM-DD, with a time or not;
        or a decade, YYY) named in sentence number ``sentence``."""
        decade = DECADE_VALUE.match(value or "")
        if decade:
            self.named["decade"], self.named_in["decade"] = (int(decade.group(1)),), sentence
            return
        match = CALENDAR_VALUE.match(value or "")
        if match is None:
            return
        parts = tuple(int(p) for p in match.groups() if p is not None)
        self.named["decade"], self.named_in["decade"] = (parts[0] // 10,), sentence
        for length, granularity in ((1, "year"), (2, "month"), (3, "day")):
            if len(parts) >= length:
                self.named[granularity] = parts[:length]
                self.named_in[granularity] = sentence

    def named_in_sentence(self, granularity: str, sentence: int) -> tuple[int, ...] | None:
        """The year, decade, month or day named last, if it was named in ``sentence``."""
        return self.named[granularity] if self.named_in.get(granularity) == sentence else None

    def reference(self, granularity: str, anchor: dt.date | None) -> tuple[int, ...] | None:
        """The last year, month or day named in the document, else the article's."""
        if granularity in self.named:
            return self.named[granularity]
        if anchor is None:
            return None
        return (anchor.year, anchor.month, anchor.day)[
            : ("year", "month", "day").index(granularity) + 1
        ]

    def quarter_near(self, position: int) -> tuple[int, int] | None:
        """The quarter named last, if it was named close enough to ``position`` to be the
        one "a year earlier" compares with."""
        return self.last_quarter if position - self.last_quarter_at <= QUARTER_REACH else None


@dataclass
class Context:
    """What a normaliser may know about the match besides its groups."""

    anchor: dt.date | None
    text: str
    start: int
    end: int
    direction: Callable[[], int] = lambda: 0
    year_hint: int | None = None
    state: DocState = field(default_factory=DocState)
    sentence: int = 0


@dataclass(frozen=True)
class Normal:
    """A normalised expression: TIMEX3 value, type (None keeps the rule's) and modifier."""

    value: str | None
    type: str | None = None
    mod: str | None = None
