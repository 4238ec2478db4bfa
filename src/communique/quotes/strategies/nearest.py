"""The cue nearest to a quotation in its sentences: “...,” she added, in another sentence
than the quotation or not linked to it by the parse."""

from __future__ import annotations

from spacy.tokens import Token

from communique.quotes import syntax
from communique.quotes.context import Context, Found, Unclaimed
from communique.quotes.marks import Marked
from communique.quotes.strategies.cue_speaker import speaker_of_cue

ADJACENT_CHARS = 40


def by_nearest_cue(ctx: Context, q: Unclaimed) -> Found | None:
    """A direct quotation attributed by the nearest cue, unless it is short and apart."""
    cue = q.cue
    if cue is None or (q.short and not q.adjacent):
        return None
    if syntax.is_according(cue):
        speaker, head = ctx.speaker_of(syntax.according_source(cue))
    else:
        speaker, head = speaker_of_cue(ctx, cue)
    return cued(ctx, q.mark, cue, speaker, head, how="cue")


def cued(ctx: Context, m: Marked, cue: Token, speaker, head, how: str) -> Found:
    """A direct quotation attributed by ``cue``."""
    cue_span = ctx.chars(*syntax.cue_bounds(cue))
    return Found(m.start, m.end, "direct", cue_span, speaker, head, how=how)


def nearest_cue(ctx: Context, m: Marked) -> Token | None:
    """The cue closest to a quotation in its sentences, fewer quotations between first."""
    sents = ctx.sentences_of(m)
    if not sents:
        return None
    lo, hi = sents[0].start, sents[-1].end
    best, best_key = None, None
    for cue in ctx.cues:
        if not lo <= cue.i < hi:
            continue
        if cue.idx >= m.outer_end:
            key = (_gap(ctx, m.outer_end, cue.idx), 0)
        else:
            key = (_gap(ctx, cue.idx, m.outer_start), 1)
        if best_key is None or key < best_key:
            best, best_key = cue, key
    return best


def _gap(ctx: Context, start: int, end: int) -> int:
    """How many other quotations lie between two points, then the distance."""
    between = sum(1 for k in ctx.marks if start <= k.outer_start and k.outer_end <= end)
    return between * 10_000 + (end - start)


def adjacent(ctx: Context, m: Marked, cue: Token) -> bool:
    """A short quotation right beside its cue is speech, not a scare quote: “Okay,” I said;
    He said, “No.”"""
    if cue.idx >= m.outer_end:
        gap = ctx.text[m.outer_end : cue.idx]
        speech = ctx.text[m.start : m.end].rstrip().endswith((",", "?", "!", "…"))
    else:
        gap = ctx.text[cue.idx : m.outer_start]
        speech = gap.rstrip().endswith((",", ":"))
    return speech and len(gap) <= ADJACENT_CHARS and "\n" not in gap
