"""Speakers from the sentences around a quotation: a cue's subject in the next sentence, the
speaker of the quotation before, a person named in the sentence before."""

from __future__ import annotations

from communique.quotes import syntax
from communique.quotes.context import Context, Found, Unclaimed
from communique.quotes.strategies.nearest import cued


def by_following(ctx: Context, q: Unclaimed) -> Found | None:
    """“...” The minister announced the decision on Monday: the speaker in the next sentence."""
    m = q.mark
    sents = ctx.sentences_of(m)
    if not sents or sents[-1].end >= len(ctx.doc):
        return None
    after = ctx.doc[sents[-1].end].sent
    if "\n" in ctx.text[m.outer_end : after.start_char] or any(ctx.inside[t.i] >= 0 for t in after):
        return None
    for cue in ctx.cues:
        if (
            after.start <= cue.i < after.end
            and not syntax.is_according(cue)
            and syntax.clause_of(cue) is None
        ):
            subject = syntax.subject_of(cue)
            if subject is not None and syntax.is_agent(subject):
                return cued(ctx, m, cue, *ctx.speaker_of(subject), how="following")
    return None


def by_context(ctx: Context, q: Unclaimed) -> Found | None:
    """The speaker of the closest attributed quotation before, in this or the last paragraph."""
    m = q.mark
    para_start = ctx.text.rfind("\n\n", 0, m.outer_start)
    prev_para = ctx.text.rfind("\n\n", 0, max(para_start, 0))
    limit = prev_para if ctx.text[para_start + 2 : m.outer_start].strip() == "" else para_start
    best = None
    for f in ctx.found:
        usable = (
            f.speaker is not None
            and limit <= f.start < m.outer_start
            and not f.nested
            and f.how != "person"
        )
        if usable and (best is None or f.start > best.start):
            best = f
    if best is None:
        return None
    return Found(m.start, m.end, "direct", None, best.speaker, best.speaker_head, how="context")


def by_person_before(ctx: Context, q: Unclaimed) -> Found | None:
    """The last person named outside quotations in the sentence before a quotation."""
    m = q.mark
    span = ctx.doc.char_span(m.outer_start, m.outer_end, alignment_mode="expand")
    if span is None or not len(span) or span[0].sent.start == 0:
        return None
    before = ctx.doc[span[0].sent.start - 1].sent
    people = [e for e in before.ents if e.label_ == "PERSON" and ctx.inside[e.start] < 0]
    if not people:
        return None
    ent = people[-1]
    speaker, head = ctx.chars(ent.start, ent.end - 1), ctx.chars(ent.end - 1, ent.end - 1)
    return Found(m.start, m.end, "direct", None, speaker, head, how="person")
