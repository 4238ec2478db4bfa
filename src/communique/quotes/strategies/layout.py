"""Speakers the layout names: “...” — Name at the end of the line, and a speaker before a
colon (Name: “...”, X told reporters: “...”, also across paragraphs)."""

from __future__ import annotations

import re

from communique.quotes import syntax
from communique.quotes.context import Context, Found, Unclaimed

DASH_NAME = re.compile(
    r"[ \t]*[—–-]{1,2}[ \t]*(@?[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4}|@\w+)"
)


def by_dash(ctx: Context, q: Unclaimed) -> Found | None:
    """“...” — Name: a name after a dash that ends the line."""
    m = q.mark
    line_end = ctx.text.find("\n", m.outer_end)
    line_end = len(ctx.text) if line_end < 0 else line_end
    match = DASH_NAME.match(ctx.text, m.outer_end, line_end)
    if match and match.end(1) == len(ctx.text[:line_end].rstrip(" .\t")):
        dash = match.start(1), match.end(1)
        return Found(m.start, m.end, "direct", None, dash, None, how="dash")
    return None


def by_colon(ctx: Context, q: Unclaimed) -> Found | None:
    """A speaker before a colon: Name: “...”, or X told reporters: “...” (also across paragraphs)."""
    m = q.mark
    before = ctx.text[: m.outer_start].rstrip()
    if not before.endswith(":"):
        return None
    span = ctx.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    token = ctx.doc[span.start - 1]
    cue = None
    if token.pos_ not in ("PROPN", "NOUN", "PRON") or not syntax.is_agent(token):
        verb = token
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = syntax.subject_of(verb)
        cue = ctx.chars(*syntax.cue_bounds(verb))
        if subject is None or not syntax.is_agent(subject):
            return None
        token = subject
    speaker, head = ctx.speaker_of(token)
    if speaker is None:
        return None
    return Found(m.start, m.end, "direct", cue, speaker, head, how="colon")
