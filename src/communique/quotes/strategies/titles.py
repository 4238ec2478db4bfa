"""Names of shows, books and slogans, and scare quotes: quotation marks that hold no speech,
unless a verb of calling or describing makes them somebody's words (called him “Little
Marco”)."""

from __future__ import annotations

import re

from communique.quotes.context import NOT_SPEECH, Context, Outcome, Unclaimed
from communique.quotes.lexicon import lexicon
from communique.quotes.marks import Marked
from communique.quotes.strategies.describing import by_describing, by_object_verb

TITLE_WORDS_MAX = 8
WORD = re.compile(r"[^\W\d_][\w’'-]*")


def title(ctx: Context, q: Unclaimed) -> Outcome:
    """A title (not right beside a cue, or after "CNN’s", "known as") is somebody's words
    only in what a verb of calling or describing says; else no speech."""
    m = q.mark
    if not is_title(ctx, m) or (q.adjacent and not _named(ctx, m)):
        return None
    return by_object_verb(ctx, m, any_verb=False) or by_describing(ctx, m) or NOT_SPEECH


def scare_quote(ctx: Context, q: Unclaimed) -> Outcome:
    """A short fragment that is no sentence of its own, or a phrase in single marks that does
    not read as speech: no speech."""
    m = q.mark
    if (q.short and not _own_sentence(ctx, m)) or (m.single and not _single_speech(ctx, m)):
        return NOT_SPEECH
    return None


def is_title(ctx: Context, m: Marked) -> bool:
    """Names of shows, books and slogans: Title Case or CAPITALS, no sentence inside."""
    text = ctx.text
    content = text[m.start : m.end].rstrip()
    words = WORD.findall(content)
    if not words or len(words) > TITLE_WORDS_MAX or content.endswith(("!", "?")) or ". " in content:
        return False
    if _in_title_case_line(ctx, m):
        return False  # a headline: everything is capitalised there
    capitalised = [w for w in words if w[0].isupper()]
    small = [w for w in words if w.lower() in lexicon().title_small_words]
    if len(capitalised) + len(small) < len(words) or len(capitalised) < max(1, len(words) // 2):
        return False
    return len(words) > 1 or text[m.outer_start - 2 : m.outer_start].rstrip().endswith(("’s", "'s"))


def _named(ctx: Context, m: Marked) -> bool:
    """A title after a possessive or "on", "as": CNN’s “State of the Union,” known as “Guccifer,”."""
    before = ctx.text[max(0, m.outer_start - 12) : m.outer_start].rstrip()
    words = re.findall(r"[\w’']+", before)
    return bool(words) and (
        words[-1].lower() in lexicon().title_introducers or words[-1].endswith(("’s", "'s"))
    )


def _single_speech(ctx: Context, m: Marked) -> bool:
    """A quotation in single marks (British style) that reads as speech: closed, and
    whole sentences (‘The people have spoken and we will deliver.’)."""
    content = ctx.text[m.start : m.end].rstrip()
    return (
        m.closed
        and content[:1].isupper()
        and content.endswith((".", "!", "?", ","))
        and not _in_title_case_line(ctx, m)
    )


def _own_sentence(ctx: Context, m: Marked) -> bool:
    """A short quotation that is a whole sentence (“He was very charming.”) is speech."""
    content = ctx.text[m.start : m.end].rstrip()
    if not content[:1].isupper() or not content.endswith((".", "!", "?")):
        return False
    before = ctx.text[: m.outer_start].rstrip(" \t")
    return before == "" or before[-1] in ".!?:\n" or before[-2:-1] in (".", "!", "?", ",")


def _in_title_case_line(ctx: Context, m: Marked) -> bool:
    """Whether the line around a quotation is in Title Case (a headline)."""
    text = ctx.text
    line_start = text.rfind("\n", 0, m.outer_start) + 1
    line_end = text.find("\n", m.outer_end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    line = line[: m.outer_start - line_start] + line[m.outer_end - line_start :]
    words = WORD.findall(line)
    if len(words) < 3:
        return False
    lower = [w for w in words if w[0].islower() and w.lower() not in lexicon().title_small_words]
    return len(lower) <= len(words) // 10
