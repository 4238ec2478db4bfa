"""A lower-case fragment in the middle of a sentence takes the writer's clause it completes:
Nothing the president said “will assuage people's fears” (a mixed quotation)."""

from __future__ import annotations

from dataclasses import replace

from communique.quotes import syntax
from communique.quotes.context import Context, Found
from communique.quotes.marks import Marked

EXTENDABLE = frozenset({"cue", "none", "context", "person"})


def extended(ctx: Context, m: Marked, result: Found) -> Found:
    """A direct quotation widened to the writer's clause it completes, if it is a fragment."""
    if result.kind != "direct" or result.how not in EXTENDABLE:
        return result
    clause = clause_of_fragment(ctx, m)
    if clause is None:
        return result
    start, end = ctx.chars(*clause)
    return replace(result, start=min(start, m.start), end=max(end, m.end), kind="mixed")


def clause_of_fragment(ctx: Context, m: Marked) -> tuple[int, int] | None:
    """The writer's clause a mid-sentence fragment completes: Nothing the president said
    “will assuage people's fears”; that “imposing a tax ...” would raise $75 billion."""
    if not ctx.text[m.start : m.end][:1].islower():
        return None
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    top = span.root
    while ctx.inside[top.i] >= 0 and top.head.i != top.i:
        top = top.head
    if ctx.inside[top.i] >= 0:
        return None
    sent = span[0].sent
    first = max(top.left_edge.i, sent.start)
    last = min(top.right_edge.i, sent.end - 1)
    if any(i in ctx.cue_ids for i in range(first, last + 1)):
        return None
    first, last = syntax.trim(ctx.doc, first, last)
    if first >= span.start - 1 and last <= span.end:
        return None
    return first, last
