"""The writer's clause a cue reports when the parse links none to it, read in this order:
a parenthetical cue ("The tariffs, the minister said, would ..."), a clause spliced on with
a comma, or the rest of the sentence after a bare cue ("X says the movement appeals to ...")."""

from __future__ import annotations

from spacy.tokens import Token

from communique.quotes import syntax
from communique.quotes.context import MIN_CLAUSE_TOKENS, Context


def parenthetical(ctx: Context, cue: Token) -> tuple[int, int] | None:
    """The writer's sentence around a parenthetical cue (not a quotation around it)."""
    if ctx.inside[cue.head.i] >= 0:
        return None
    return syntax.parenthetical_clause(cue)


def spliced(ctx: Context, cue: Token) -> tuple[int, int] | None:
    """A clause spliced to the cue with a comma."""
    return syntax.spliced_clause(cue)


def rest_of_sentence(ctx: Context, cue: Token) -> tuple[int, int] | None:
    """A misparsed "X says the movement appeals to ...": the clause after a bare cue."""
    doc = ctx.doc
    if any(
        c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "advcl") for c in cue.children if c.i > cue.i
    ):
        return None
    first, last = cue.i + 1, cue.sent.end - 1
    while first <= last and (doc[first].dep_ == "prt" or doc[first].lower_ == "that"):
        first += 1
    tokens = doc[first : last + 1]
    if first <= last and doc[first].dep_ == "cc":
        return None  # “...,” Trump barked and a guard escorted Ramos out
    if len(tokens) < MIN_CLAUSE_TOKENS + 2 or not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    if any(i in ctx.cue_ids for i in range(first, last + 1)):
        return None
    return first, last


READINGS = (parenthetical, spliced, rest_of_sentence)


def clause(ctx: Context, cue: Token) -> tuple[int, int] | None:
    """The first reading of :data:`READINGS` that finds a clause, else None."""
    for reading in READINGS:
        found = reading(ctx, cue)
        if found is not None:
            return found
    return None
