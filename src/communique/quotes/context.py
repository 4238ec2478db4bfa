"""What every attribution strategy reads and shares: the document, its quotations and cues,
the quotations found so far, and the span helpers (character spans, speakers, the
direct / mixed / indirect decision)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Final, Literal

from spacy.tokens import Doc, Span, Token

from communique.quotes import syntax
from communique.quotes.lexicon import lexicon
from communique.quotes.marks import Marked, find_marked, normalise_marks

# A character span [start, end), and a speaker's phrase with its head word (either may be absent).
CharSpan = tuple[int, int]
Speaker = tuple[CharSpan | None, CharSpan | None]

MIXED_MIN_CHARS = 4
MIN_CLAUSE_TOKENS = 3


@dataclass(frozen=True)
class Found:
    """A quotation with character spans of its content, cue and speaker (speaker may be absent)."""

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    speaker_head: tuple[int, int] | None = None  # the speaker's head word, for entity lookup
    nested: bool = False
    how: str = "cue"  # what attributed it: cue, object, colon, dash, context, none, heading


class Context:
    """One document on its way through the passes of :mod:`communique.quotes.find`.

    ``found`` collects the quotations in the order the passes find them; ``taken`` holds the
    indexes (into ``marks``) of the quotations a cue's clause or a heading took up.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = normalise_marks(doc.text)
        self.marks = [m for m in find_marked(doc.text) if not m.single or m.closed]
        self.inside = self._inside_index()
        self.cues = self._cues()
        self.cue_ids = {c.i for c in self.cues}
        self.found: list[Found] = []
        self.taken: set[int] = set()

    def _inside_index(self) -> list[int]:
        """For each token, the index of the quotation around it, else -1."""
        inside = [-1] * len(self.doc)
        k = 0
        for token in self.doc:
            while k < len(self.marks) and self.marks[k].outer_end <= token.idx:
                k += 1
            if k < len(self.marks):
                m = self.marks[k]
                if m.outer_start <= token.idx and token.idx + len(token) <= m.outer_end:
                    inside[token.i] = k
        return inside

    def _cues(self) -> list[Token]:
        """Verbs of saying and "according to" outside quotation marks, in text order."""
        found = []
        for token in self.doc:
            if self.inside[token.i] >= 0:
                continue
            if syntax.is_cue_verb(token) or syntax.is_according(token):
                found.append(token)
        return found

    # -- spans --------------------------------------------------------------------------

    def chars(self, first: int, last: int) -> tuple[int, int]:
        """The character span of the tokens ``first`` to ``last`` (inclusive)."""
        return self.doc[first].idx, self.doc[last].idx + len(self.doc[last])

    def speaker_of(self, token: Token | None) -> Speaker:
        """The speaker's phrase around ``token`` and its head word (none inside a quotation)."""
        if token is None or self.inside[token.i] >= 0:
            return None, None
        first, last = syntax.speaker_bounds(token)
        first, last = syntax.trim(self.doc, first, last)
        if first > last:
            return None, None
        return self.chars(first, last), self.chars(token.i, token.i)

    def quotes_in(self, first: int, last: int) -> list[int]:
        """Indexes of the quotations overlapping a token range."""
        seen = []
        for i in range(first, last + 1):
            k = self.inside[i]
            if k >= 0 and k not in seen:
                seen.append(k)
        return seen

    def outside_chars(self, start: int, end: int, quotes: list[int]) -> int:
        """Letters and digits of [start, end) outside the given quotations."""
        covered = [(self.marks[k].outer_start, self.marks[k].outer_end) for k in quotes]
        count = 0
        for pos in range(start, end):
            if self.text[pos].isalnum() and not any(a <= pos < b for a, b in covered):
                count += 1
        return count

    def sentences_of(self, m: Marked) -> list[Span]:
        """The sentences a quotation spans."""
        span = self.doc.char_span(m.outer_start, m.outer_end, alignment_mode="expand")
        if span is None or not len(span):
            return []
        first, last = span[0].sent, span[-1].sent
        return [s for s in self.doc.sents if first.start <= s.start <= last.start]

    def describes(self, token: Token) -> bool:
        """A verb of calling or describing outside quotation marks ("called her “third-rate”")."""
        return (
            token.pos_ == "VERB"
            and token.tag_ != "VB"  # "for Ginsburg to criticize Trump" reports nothing
            and self.inside[token.i] < 0
            and token.lemma_.lower() in lexicon().object_verbs
        )

    def short(self, m: Marked) -> bool:
        """A quotation of a few words (a scare quote or a title unless something says more)."""
        return len(self.text[m.start : m.end].split()) <= lexicon().title_words_max

    # -- direct, mixed or indirect -------------------------------------------------------

    def classify(
        self, first, last, cue_span, speaker, head, min_outside: int = MIXED_MIN_CHARS
    ) -> tuple[Found | None, list[int]]:
        """Direct, mixed or indirect, by the quotations the clause [first, last] holds (mixed
        when at least ``min_outside`` letters lie outside the quotation)."""
        quotes = self.quotes_in(first, last)
        if len(quotes) == 1 and self._only_quote(first, last, quotes[0], min_outside):
            m = self.marks[quotes[0]]
            return Found(m.start, m.end, "direct", cue_span, speaker, head), quotes
        first, last = self._within_paragraph(first, last, cue_span[0])
        quotes = self.quotes_in(first, last)
        if last - first + 1 < MIN_CLAUSE_TOKENS:
            return None, []
        start, end = self.chars(first, last)
        if not quotes:
            return Found(start, end, "indirect", cue_span, speaker, head), []
        start = min(start, *(self.marks[k].outer_start for k in quotes))
        end = max(end, *(self.marks[k].outer_end for k in quotes))
        return Found(start, end, "mixed", cue_span, speaker, head), quotes

    def _only_quote(self, first: int, last: int, k: int, min_outside: int) -> bool:
        start, end = self.chars(first, last)
        return self.outside_chars(start, end, [k]) < min_outside

    def _within_paragraph(self, first: int, last: int, anchor: int) -> tuple[int, int]:
        """Indirect and mixed clauses stay in the paragraph of their cue."""
        para_start = self.text.rfind("\n", 0, anchor) + 1
        para_end = self.text.find("\n", anchor)
        para_end = len(self.text) if para_end < 0 else para_end
        while first <= last and self.doc[first].idx < para_start:
            first += 1
        while last >= first and self.doc[last].idx >= para_end:
            last -= 1
        return syntax.trim(self.doc, first, last)


def overlaps(a: Found, b: Found) -> bool:
    """Whether two quotations share a character."""
    return a.start < b.end and b.start < a.end


@dataclass(frozen=True)
class Unclaimed:
    """A quotation no cue's clause took up, as the strategies for such quotations see it."""

    mark: Marked
    cue: Token | None  # the cue nearest to it in its sentences
    adjacent: bool  # that cue stands right beside it: “Okay,” I said
    short: bool  # a few words only: a scare quote or a title unless something says more


class Verdict(enum.Enum):
    """What a strategy may say of a quotation besides attributing it."""

    NOT_SPEECH = "not speech"  # a title or a scare quote: no quotation


NOT_SPEECH: Final = Verdict.NOT_SPEECH
# A strategy's answer: the quotation attributed, NOT_SPEECH, or None (no opinion).
Outcome = Found | Literal[Verdict.NOT_SPEECH] | None
