"""Finding quoted stretches of text: a small state machine over the characters.

The scanner never fails and never loses text: a mark without its partner closes at the end
of its paragraph, and a quotation runs on into the next paragraph only when that paragraph
opens with a quote mark again (the newspaper convention for multi-paragraph quotations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPENERS = frozenset("“„«")
DOUBLE_CLOSERS = frozenset("”»")
STRAIGHT_DOUBLE = '"'
DOUBLE_MARKS = DOUBLE_OPENERS | DOUBLE_CLOSERS | {STRAIGHT_DOUBLE, "‟"}
SINGLE_OPENERS = frozenset("‘'")
SINGLE_CLOSERS = frozenset("’'")
QUOTE_CHARS = DOUBLE_MARKS | SINGLE_OPENERS | SINGLE_CLOSERS
BEFORE_OPENING = frozenset(" \t\n([{—–-/:;,")


@dataclass(frozen=True)
class Marked:
    """A quoted stretch: ``start``/``end`` is the content, ``outer_*`` includes the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool
    single: bool = False
    paragraphs: int = 1


def _opening_like(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (
        before in BEFORE_OPENING or before.isspace() or before in QUOTE_CHARS
    ) and not after.isspace()  # isspace: also the no-break spaces of web text


def _closing_like(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _is_double_open(text: str, i: int) -> bool:
    c = text[i]
    if c in DOUBLE_OPENERS or c == "‟":
        return True
    return _opening_like(text, i)


def _is_double_close(text: str, i: int, opener: str) -> bool:
    c = text[i]
    if c in DOUBLE_CLOSERS or c == STRAIGHT_DOUBLE:
        return True
    # „...“ (German style) and a “ typed where ” was meant.
    return c == "“" and (opener == "„" or _closing_like(text, i))


def _continues(text: str, newline: int) -> int | None:
    """Where the next paragraph's opening mark is, when it repeats an open quotation."""
    j = newline
    n = len(text)
    while j < n and text[j].isspace():
        j += 1
    if j < n and text[j] in DOUBLE_MARKS and text[j] not in DOUBLE_CLOSERS:
        return j
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Marked] = []
        self.double: tuple[int, str, int] | None = None  # (mark index, mark, paragraphs)
        self.single: int | None = None

    def emit(
        self, open_at: int, close_at: int | None, end: int, *, single: bool, paragraphs: int = 1
    ) -> None:
        start, stop = _trimmed(self.text, open_at + 1, end)
        if stop > start:
            outer_end = close_at + 1 if close_at is not None else end
            self.found.append(
                Marked(start, stop, open_at, outer_end, close_at is not None, single, paragraphs)
            )

    def scan(self) -> list[Marked]:
        text = self.text
        i, n = 0, len(text)
        while i < n:
            c = text[i]
            if c == "\n":
                i = self.paragraph_end(i)
                continue
            if c in DOUBLE_MARKS:
                self.double_mark(i)
            elif self.double is None and (c in SINGLE_OPENERS or c in SINGLE_CLOSERS):
                self.single_mark(i)
            i += 1
        self.paragraph_end(n)
        return sorted(self.found, key=lambda m: (m.start, m.end))

    def double_mark(self, i: int) -> None:
        text = self.text
        if self.double is None:
            if _is_double_open(text, i):
                # A double quotation inside a single one: the single mark was an apostrophe.
                self.single = None
                self.double = (i, text[i], 1)
            return
        open_at, opener, paragraphs = self.double
        if _is_double_close(text, i, opener):
            self.emit(open_at, i, i, single=False, paragraphs=paragraphs)
            self.double = None
        elif text[i] in DOUBLE_OPENERS and _opening_like(text, i):
            # A new quotation opens before the last one closed: the last one lacked its mark.
            self.emit(open_at, None, i, single=False, paragraphs=paragraphs)
            self.double = (i, text[i], 1)

    def single_mark(self, i: int) -> None:
        text = self.text
        c = text[i]
        if self.single is None:
            starts_word = text[i + 1 : i + 2].isalnum()
            if c in SINGLE_OPENERS and _opening_like(text, i) and (starts_word or c == "‘"):
                self.single = i
        elif c in SINGLE_CLOSERS and _closing_like(text, i):
            self.emit(self.single, i, i, single=True)
            self.single = None

    def paragraph_end(self, i: int) -> int:
        """Close what the paragraph left open; return where scanning goes on."""
        self.single = None  # an unclosed single mark was an apostrophe
        if self.double is None:
            return i + 1
        open_at, opener, paragraphs = self.double
        again = _continues(self.text, i) if i < len(self.text) else None
        if again is not None:
            self.double = (open_at, opener, paragraphs + 1)
            return again + 1
        self.emit(open_at, None, i, single=False, paragraphs=paragraphs)
        self.double = None
        return i + 1


TWO_APOSTROPHES = re.compile(r"''|``")


def _one_mark(match: re.Match) -> str:
    text, end = match.string, match.end()
    opening = match.group() == "``" or (
        end < len(text) and not text[end].isspace() and text[end] not in ".,;:!?"
    )
    return ' "' if opening else '" '


def normalise_marks(text: str) -> str:
    """The text with ``''`` and ````` (typewriter double quotes, as in the NYT) as one ``"``.

    The result has the same length, so offsets stay valid; the mark lands next to the quotation.
    """
    if "''" not in text and "``" not in text:
        return text
    return TWO_APOSTROPHES.sub(_one_mark, text)


def find_marked(text: str) -> list[Marked]:
    """All quoted stretches of ``text`` in text order (outermost quotations only)."""
    return _Scanner(normalise_marks(text)).scan()
