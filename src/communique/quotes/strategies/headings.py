"""Headline attributions: paragraphs of the form "Name: what they said" (headlines, interview
transcripts) and headlines "what they said: Name tells Someone"."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from communique.quotes import syntax
from communique.quotes.context import MIN_CLAUSE_TOKENS, Context, Found, overlaps
from communique.quotes.lexicon import lexicon

HEADING_COLON = re.compile(
    r"(?m)^[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}):[ \t]+(\S[^\n]*)$"
)
HEADING_TAIL = re.compile(
    r"(?m)^[ \t]*(\S[^\n:]*?):[ \t]+([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"
    r"[ \t]+([a-z]+)\b[^\n:]{0,60}$"
)


def attribute(ctx: Context) -> None:
    """Add the headings' quotations that overlap nothing found before."""
    for result, quotes in [*by_heading_colon(ctx), *by_heading_tail(ctx)]:
        if not any(overlaps(result, f) for f in ctx.found):
            ctx.found.append(result)
            ctx.taken.update(quotes)


def by_heading_colon(ctx: Context) -> list[tuple[Found, list[int]]]:
    """Paragraphs of the form "Name: what they said" (headlines, interview transcripts)."""
    found = []
    for match in HEADING_COLON.finditer(ctx.text):
        name = ctx.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if name is None or not _is_name(ctx, name, match.end()):
            continue
        colon = (match.end(1), match.end(1) + 1)
        speaker = (match.start(1), match.end(1))
        quote = _heading_quote(ctx, match.span(2), name, speaker, colon)
        if quote is not None:
            found.append(quote)
    return found


def by_heading_tail(ctx: Context) -> list[tuple[Found, list[int]]]:
    """Headlines of the form "what they said: Name tells Someone" ("... by China:
    Jaishankar tells Wang Yi")."""
    found = []
    for match in HEADING_TAIL.finditer(ctx.text):
        verb = ctx.doc.char_span(match.start(3), match.end(3))
        name = ctx.doc.char_span(match.start(2), match.end(2), alignment_mode="expand")
        if verb is None or name is None or not _is_name(ctx, name, match.end()):
            continue
        if not lexicon().is_cue_verb(verb[0].lemma_):
            continue
        speaker, cue = (match.start(2), match.end(2)), (match.start(3), match.end(3))
        quote = _heading_quote(ctx, match.span(1), name, speaker, cue)
        if quote is not None:
            found.append(quote)
    return found


def _heading_quote(
    ctx: Context,
    content: tuple[int, int],
    name: Span,
    speaker: tuple[int, int],
    cue: tuple[int, int],
) -> tuple[Found, list[int]] | None:
    """What a heading's ``content`` says, attributed to ``name``, and the quotations it holds."""
    span = ctx.doc.char_span(*content, alignment_mode="expand")
    if span is None or len(span) < MIN_CLAUSE_TOKENS + 1:
        return None
    first, last = syntax.trim(ctx.doc, span.start, span.end - 1)
    if first > last:
        return None
    head = ctx.chars(name.end - 1, name.end - 1)
    result, quotes = ctx.classify(first, last, cue, speaker, head)
    return (replace(result, how="heading"), quotes) if result is not None else None


def _is_name(ctx: Context, name: Span, after: int) -> bool:
    """A person or body's name: tagged so, or (in Title Case headlines, where tagging fails)
    a capitalised word the article uses again."""
    if all(t.pos_ == "PROPN" or t.ent_type_ for t in name):
        return True
    last = name[-1].text
    return last[:1].isupper() and re.search(rf"\b{re.escape(last)}\b", ctx.text[after:]) is not None
