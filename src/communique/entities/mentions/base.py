"""The mention record and what the finders of names, roles and pronouns share: token
look-ups by word, the text and sentence index of a document, the entity around a token, a
few dependency tests, and the spans inside quotation marks."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})

POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})


@dataclass
class Mention:
    """One span of ``article.text`` that may refer to an actor."""

    start: int
    end: int
    text: str
    kind: str  # "name" | "role" | "pronoun"
    label: str  # spaCy label for names, ROLE or PRON
    head: int  # token index of the syntactic head
    sent: int  # index of the sentence
    name: str | None = None  # the proper-name part of a name mention
    role: str | None = None  # the title as written ("Deputy Foreign Minister")
    role_key: str | None = None  # its key in the role hierarchy ("deputy foreign minister")
    country: str | None = None
    posting: str | None = None
    sector: str | None = None  # sector given by a modifier ("opposition leader" -> OPP)
    plural: bool = False
    definite: bool = False
    subject: bool = False
    acting: bool = False  # subject or agent: a capital or country here stands for its government
    counterpart: bool = False
    link: int | None = None  # index of a mention in apposition (same referent)
    tokens: tuple[int, int] = (0, 0)  # token range [start, end)
    extra: dict = field(default_factory=dict)


@functools.cache
def _hash_set(words: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


def candidates(doc: Doc, column: int, words: frozenset[str]) -> list[int]:
    """Token indices whose LOWER (column 0) or LEMMA (column 1) is one of ``words``: hash
    look-ups over one exported array instead of a Python loop over Token objects."""
    rows = doc.user_data.get("communique.lower_lemma")
    if rows is None:
        rows = doc.user_data["communique.lower_lemma"] = (
            doc.to_array([LOWER, LEMMA]).tolist() if len(doc) else []
        )
    wanted = _hash_set(words)
    if column == 0:
        return [i for i, row in enumerate(rows) if row[0] in wanted]
    return [i for i, row in enumerate(rows) if row[0] in wanted or row[1] in wanted]


def text_of(doc: Doc) -> str:
    """``doc.text`` joins every token on each call: keep it once per document."""
    text = doc.user_data.get("communique.text")
    if text is None:
        text = doc.user_data["communique.text"] = doc.text
    return text


def sentence_index(doc: Doc) -> list[int]:
    """The number of the sentence of each token (all 0 when the parse has no sentences)."""
    index = [0] * len(doc)
    if not doc.has_annotation("SENT_START"):
        return index
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index


def ent_text(doc: Doc, token: Token) -> str:
    """The text of the named entity the token is part of (the token alone when none)."""
    if token.ent_iob_ not in {"B", "I"}:
        return token.text
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def is_subject(token: Token) -> bool:
    """A subject, or a conjunct of one ("Russia and China said")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in SUBJECT_DEPS


def is_agent(token: Token) -> bool:
    """The object of a passive's "by" ("was signed by Putin")."""
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


ACTING_PREPS = frozenset({"with", "by", "against", "from", "between", "and"})


def is_acting(token: Token) -> bool:
    """Subject, agent, object or partner of an interaction ("ties with Tehran"): a
    country or capital in such a place stands for its government."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in SUBJECT_DEPS or token.dep_ in {"dobj", "dative", "agent"} or is_agent(token):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in ACTING_PREPS


def is_coordinated(token: Token) -> bool:
    """One of several joined by "and"/"or" ("Saudi Arabia and Iran")."""
    return token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)


OPENING_QUOTES = {"“": "”", '"': '"', "«": "»"}

QUOTE_MARKS = re.compile(r"[“”\"«»]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, paired within each paragraph."""
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        opening: tuple[int, str] | None = None
        for mark in QUOTE_MARKS.finditer(paragraph.group()):
            char, at = mark.group(), paragraph.start() + mark.start()
            if opening is None:
                if char in OPENING_QUOTES:
                    opening = (at, OPENING_QUOTES[char])
            elif char == opening[1]:
                spans.append((opening[0] + 1, at))
                opening = None
        if opening is not None:  # a quotation running on past its paragraph
            spans.append((opening[0] + 1, paragraph.end()))
    return spans


def in_spans(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``position`` lies in one of ``spans`` (sorted; ``starts`` their starts)."""
    k = bisect_right(starts, position) - 1
    return k >= 0 and spans[k][0] <= position < spans[k][1]
