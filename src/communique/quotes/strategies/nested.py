"""Reports inside a quotation: "as X noted, ..." and "according to X, ..." within a direct
quotation are indirect quotations of X, nested in it."""

from __future__ import annotations

from communique.quotes import syntax
from communique.quotes.context import MIN_CLAUSE_TOKENS, Context, Found
from communique.quotes.marks import Marked


def attribute(ctx: Context) -> None:
    """Add the reports nested in each direct quotation found."""
    for f in list(ctx.found):
        if f.kind == "direct":
            k = next((i for i, m in enumerate(ctx.marks) if m.start == f.start), None)
            if k is not None:
                ctx.found.extend(nested(ctx, ctx.marks[k]))


def nested(ctx: Context, m: Marked) -> list[Found]:
    """The "as X noted" and "according to X" reports inside one quotation."""
    doc = ctx.doc
    span = doc.char_span(m.start, m.end, alignment_mode="contract")
    if span is None:
        return []
    found = []
    for token in span:
        if syntax.is_according(token):
            source = syntax.according_source(token)
        elif syntax.is_cue_verb(token) and any(
            c.dep_ in ("mark", "prep") and c.lower_ == "as" and c.i < token.i
            for c in token.children
        ):
            source = syntax.subject_of(token)
        else:
            continue
        if source is None or source.pos_ != "PROPN":
            continue
        head = token.head if token.head != token else None
        if head is None:
            continue
        phrase = (token.left_edge.i, token.right_edge.i)
        lo = max(head.left_edge.i, span.start)
        hi = min(head.right_edge.i, span.end - 1)
        first, last = max(
            syntax.trim(doc, lo, phrase[0] - 1),
            syntax.trim(doc, phrase[1] + 1, hi),
            key=lambda r: r[1] - r[0],
        )
        if last - first + 1 < MIN_CLAUSE_TOKENS:
            continue
        first_s, last_s = syntax.speaker_bounds(source)
        start, end = ctx.chars(first, last)
        found.append(
            Found(
                start,
                end,
                "indirect",
                ctx.chars(*syntax.cue_bounds(token)),
                ctx.chars(first_s, last_s),
                ctx.chars(source.i, source.i),
                nested=True,
            )
        )
    return found
