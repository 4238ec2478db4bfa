"""Finding quotations in a parsed document: direct, indirect and mixed, with cue and speaker.

The passes of :data:`PASSES` run in order over one parse (:class:`Context` holds what they
share); each lives in its own module of :mod:`communique.quotes.strategies`:

1. cue-centric (``cue_clause``): every verb of saying (and "according to") outside quote
   marks, with the clause it reports: inside a quotation it attributes that quotation
   (direct), around quoted fragments it is a mixed quotation, with no quote marks an
   indirect one; a parenthetical cue ("The tariffs, the minister said, would ...") reports
   its sentence (``spliced``). When the parse gives a cue no subject, the name beside the
   cue ("A," Trump barked) is the speaker (``cue_speaker``);
2. headings (``headings``): "Name: what they said" and "what they said: Name tells X";
3. quote-centric: each quotation nothing claimed goes through :data:`UNCLAIMED`, in order,
   until one strategy attributes it or finds it no speech (a title, a scare quote); a
   lower-case fragment in the middle of a sentence then takes the writer's clause it
   completes (``fragment``, a mixed quotation);
4. interrupted (``continued``): a quotation interrupted by its attribution ("A," X said,
   asking for anonymity. "B.") is one quotation;
5. nested (``nested``): "as X noted, ..." and "according to X, ..." inside a quotation.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from communique.quotes.context import NOT_SPEECH, Context, Found, Outcome, Unclaimed
from communique.quotes.marks import Marked
from communique.quotes.strategies import (
    around,
    continued,
    cue_clause,
    describing,
    fragment,
    headings,
    layout,
    nearest,
    nested,
    titles,
)

__all__ = ["PASSES", "UNCLAIMED", "Found", "find_quotes"]


def unattributed(ctx: Context, q: Unclaimed) -> Found:
    """A quotation nobody is named for."""
    return Found(q.mark.start, q.mark.end, "direct", how="none")


# Strategies for a quotation no cue's clause took up, tried in this order; each returns a
# quotation, None (no opinion) or NOT_SPEECH (a title or a scare quote: no quotation).
UNCLAIMED: tuple[Callable[[Context, Unclaimed], Outcome], ...] = (
    titles.title,  # called him “Little Marco”; CNN’s “State of the Union”
    describing.object_of_nearest_cue,  # describing their meeting as a “...”
    nearest.by_nearest_cue,  # “...,” she added (in another sentence, or unlinked)
    describing.described,  # called AP’s report a “rush to judgment”
    layout.by_dash,  # “...” — Name
    titles.scare_quote,  # a short fragment, or single marks that read as no speech
    layout.by_colon,  # Name: “...”
    around.by_following,  # “...” The minister announced the decision on Monday.
    around.by_context,  # the speaker of the quotation before
    around.by_person_before,  # a person named in the sentence before
    unattributed,
)


def attribute_unclaimed(ctx: Context) -> None:
    """Attribute each quotation no earlier pass took up (none for titles and scare quotes)."""
    for k, m in enumerate(ctx.marks):
        if k in ctx.taken:
            continue
        quote = _attribute(ctx, m)
        if quote is not None:
            ctx.found.append(quote)


def _attribute(ctx: Context, m: Marked) -> Found | None:
    cue = nearest.nearest_cue(ctx, m)
    adjacent = cue is not None and nearest.adjacent(ctx, m, cue)
    q = Unclaimed(m, cue, adjacent, ctx.short(m))
    for strategy in UNCLAIMED:
        result = strategy(ctx, q)
        if result is NOT_SPEECH:
            return None
        if result is not None:
            return fragment.extended(ctx, m, result)
    return None


PASSES: tuple[Callable[[Context], None], ...] = (
    cue_clause.attribute,
    headings.attribute,
    attribute_unclaimed,
    continued.attribute,
    nested.attribute,
)


def find_quotes(doc: Doc) -> list[Found]:
    """All quotations of a parsed document, in text order."""
    ctx = Context(doc)
    for step in PASSES:
        step(ctx)
    return sorted(ctx.found, key=lambda f: (f.start, f.end))
