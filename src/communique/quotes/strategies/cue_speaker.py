"""The speaker of a cue verb: its subject, else (when the parse gives it none) the name
beside the cue: “...,” Trump barked; “...,” Ramos, 58, told AFP; “...,” said Ramos."""

from __future__ import annotations

from spacy.tokens import Span, Token

from communique.quotes import syntax
from communique.quotes.context import Context, Speaker
from communique.quotes.marks import QUOTE_CHARS

PERSON_DISTANCE = 8
NAME_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "PART"})


def speaker_of_cue(ctx: Context, cue: Token) -> Speaker:
    """The subject of a cue verb, else (when the parse missed it) the name right beside the
    cue after a quotation: “...,” Trump barked; “...,” Ramos, 58, told AFP; “...,” said Ramos."""
    speaker = ctx.speaker_of(syntax.subject_of(cue))
    if speaker[0] is not None:
        return speaker
    misread = _name_read_as_modal(ctx, cue)
    if misread is not None:
        return ctx.chars(misread.i, misread.i), ctx.chars(misread.i, misread.i)
    for first, last in (_name_before(ctx, cue), _name_after(ctx, cue)):
        if first is not None and first <= last:
            head = ctx.doc[last]
            return ctx.chars(first, last), ctx.chars(head.i, head.i)
    return _person_near(ctx, cue)


def _person_near(ctx: Context, cue: Token) -> Speaker:
    """The closest person named beside the cue, outside quotations, when the parse gives it
    no subject: said retired neurosurgeon Ben Carson."""
    sent = cue.sent
    best = None
    for ent in sent.ents:
        if ent.label_ != "PERSON" or ctx.inside[ent.start] >= 0:
            continue
        distance = ent.start - cue.i if ent.start > cue.i else cue.i - ent.end + 1
        if distance <= PERSON_DISTANCE and (best is None or distance < best[0]):
            best = (distance, ent)
    if best is None:
        return None, None
    ent = best[1]
    return ctx.chars(ent.start, ent.end - 1), ctx.chars(ent.end - 1, ent.end - 1)


def _name_read_as_modal(ctx: Context, cue: Token) -> Token | None:
    """“...,” May told parliament: a capitalised "modal" right before a past-tense cue,
    after a quotation, is a name (a modal takes no past tense)."""
    if cue.i < 2 or cue.tag_ != "VBD":
        return None
    name, before = ctx.doc[cue.i - 1], ctx.doc[cue.i - 2]
    if name.tag_ == "MD" and name.is_title and before.text in QUOTE_CHARS | {","}:
        return name
    return None


def _name_before(ctx: Context, cue: Token) -> tuple[int | None, int]:
    """“...,” Trump barked: the words between a quotation (or a comma) and the cue."""
    doc = ctx.doc
    i = cue.i - 1
    while i >= 0 and (doc[i].text == "," or doc[i].pos_ in ("NUM", "ADV")):
        i -= 1
    last = i
    while i >= 0 and ctx.inside[i] < 0 and doc[i].pos_ in NAME_POS:
        i -= 1
    if i < 0 or last == i or doc[i].text not in QUOTE_CHARS | {","}:
        return None, last
    first, last = syntax.trim(doc, i + 1, last)
    return _named_span(ctx, first, last)


def _name_after(ctx: Context, cue: Token) -> tuple[int | None, int]:
    """“...,” said Ramos: the words after a cue that follows a quotation."""
    doc = ctx.doc
    before = cue.i - 1
    while before >= 0 and doc[before].text == ",":
        before -= 1
    if before < 0 or doc[before].text not in QUOTE_CHARS:
        return None, 0
    i = cue.i + 1
    while i < len(doc) and ctx.inside[i] < 0 and doc[i].pos_ in NAME_POS:
        i += 1
    return _named_span(ctx, cue.i + 1, i - 1)


def _named_span(ctx: Context, first: int, last: int) -> tuple[int | None, int]:
    """The tokens up to their last noun, pronoun or name, when they hold one."""
    doc = ctx.doc
    tokens: Span | list[Token] = doc[first : last + 1] if first <= last else []
    if not any(t.pos_ in ("PROPN", "PRON", "NOUN") for t in tokens):
        return None, last
    while last > first and doc[last].pos_ not in ("PROPN", "PRON", "NOUN"):
        last -= 1
    return first, last
