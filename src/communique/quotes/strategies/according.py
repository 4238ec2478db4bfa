"""“According to X, ...”: the longer side of the phrase's clause is what X said."""

from __future__ import annotations

from spacy.tokens import Token

from communique.quotes import syntax
from communique.quotes.context import MIN_CLAUSE_TOKENS, Context, Found


def by_according(ctx: Context, cue: Token) -> tuple[Found | None, list[int]]:
    """The quotation an "according to" phrase reports, and the quotations it takes up."""
    source = syntax.according_source(cue)
    phrase_first, phrase_last = cue.left_edge.i, cue.right_edge.i
    sent = cue.sent
    head = cue.head if cue.head != cue else None
    lo, hi = (
        (head.left_edge.i, head.right_edge.i) if head is not None else (sent.start, sent.end - 1)
    )
    before = syntax.trim(ctx.doc, lo, phrase_first - 1)
    after = syntax.trim(ctx.doc, phrase_last + 1, hi)
    first, last = max(before, after, key=lambda r: r[1] - r[0])
    if last - first + 1 < MIN_CLAUSE_TOKENS:
        return None, []
    speaker, token = ctx.speaker_of(source)
    cue_span = ctx.chars(cue.i, min(phrase_last, cue.i + 1))
    return ctx.classify(first, last, cue_span, speaker, token)
