"""Interrupted quotations: one quotation interrupted by its attribution ("A," X said. "B."),
or run on in the next paragraphs, is one quotation; of overlapping quotations the first
found stays (cue-centric results come first)."""

from __future__ import annotations

from dataclasses import replace

from communique.quotes.context import Context, Found, overlaps
from communique.quotes.lexicon import lexicon

MERGE_GAP_CHARS = 250


def attribute(ctx: Context) -> None:
    """Drop overlapping quotations, then join the interrupted and continued ones."""
    ctx.found = merge_continued(ctx, drop_overlaps(ctx.found))


def drop_overlaps(found: list[Found]) -> list[Found]:
    """Keep the first-found of overlapping quotations (cue-centric results come first)."""
    kept: list[Found] = []
    for f in found:
        if not any(overlaps(f, g) for g in kept):
            kept.append(f)
    return kept


def merge_continued(ctx: Context, found: list[Found]) -> list[Found]:
    """One quotation interrupted by its attribution, or run on in the next paragraphs,
    is one quotation: "A," X said. "B." and a following paragraph of quotation alone."""
    found = sorted(found, key=lambda f: (f.start, f.end))
    merged: list[Found] = []
    asides: list[Found] = []  # indirect speech in the attribution: “A,” X said, asking ... “B.”
    pending: list[Found] = []
    for f in found:
        last = merged[-1] if merged else None
        if last is not None and last.kind != "indirect" and f.kind == "indirect":
            pending.append(f)
            continue
        if last is not None and not _goes_on(ctx, pending) and _continues(ctx, last, f):
            merged[-1] = _joined(last, f)
            asides.extend(pending)
        elif last is not None and not pending and _leads_into(ctx, last, f):
            merged[-1] = replace(f, start=last.start)
        else:
            merged.extend(pending)
            merged.append(f)
        pending = []
    return sorted([*merged, *pending, *asides], key=lambda f: (f.start, f.end))


def _goes_on(ctx: Context, asides: list[Found]) -> bool:
    """“A,” he said, adding that B. “C.”: after a report that goes on ("adding that"), the
    next quotation continues that report, not the one before it."""
    for aside in asides:
        if aside.cue is None:
            continue
        cue = ctx.doc.char_span(aside.cue[0], aside.cue[1], alignment_mode="expand")
        if cue is not None and cue.root.lemma_.lower() in lexicon().continuing_cues:
            return True
    return False


def _joined(a: Found, b: Found) -> Found:
    """Quotation ``a`` run on to the end of ``b``, with ``b``'s speaker when it has none."""
    if a.speaker is None:
        return replace(a, end=b.end, speaker=b.speaker, speaker_head=b.speaker_head)
    return replace(a, end=b.end)


def _whole_paragraph(ctx: Context, f: Found) -> bool:
    """Whether a quotation is all its paragraph holds (besides its marks)."""
    text = ctx.text
    para_start = text.rfind("\n", 0, f.start) + 1
    para_end = text.find("\n", f.end)
    para_end = len(text) if para_end < 0 else para_end
    outside = text[para_start : f.start] + text[f.end : para_end]
    return not any(c.isalnum() for c in outside)


def _leads_into(ctx: Context, a: Found, b: Found) -> bool:
    """“A.” “B,” X said: an unattributed quotation right before an attributed one."""
    if (
        a.kind != "direct"
        or b.kind != "direct"
        or a.how not in ("context", "none", "person")
        or b.cue is None
    ):
        return False
    gap = ctx.text[a.end : b.start]
    return b.cue[0] > b.end and "\n" not in gap and not any(c.isalnum() for c in gap)


def _same_attribution(ctx: Context, a: Found, b: Found) -> bool:
    """“A,” X said, pointing out ... “B.”: B's cue is a second verb of A's speaker between,
    in the sentence before B (not “A,” X said, adding that “B”)."""
    return (
        a.cue is not None
        and b.cue is not None
        and a.speaker == b.speaker
        and a.end <= a.cue[0] < b.cue[0] < b.start
        and any(c in ".!?" for c in ctx.text[b.cue[1] : b.start])
    )


def _continues(ctx: Context, a: Found, b: Found) -> bool:
    """Whether quotation ``b`` goes on with quotation ``a``."""
    if a.kind == "indirect" or b.kind != "direct" or a.nested or b.nested:
        return False
    if "\n" in ctx.text[a.end : b.start] and (a.kind != "direct" or not _whole_paragraph(ctx, b)):
        return False
    if b.cue is not None and b.cue != a.cue and not _same_attribution(ctx, a, b):
        return False
    guessed = b.how == "person"  # a guess from the sentence before yields to the cue's
    if (
        b.cue is None
        and None not in (a.speaker, b.speaker)
        and b.speaker != a.speaker
        and not guessed
    ):
        return False
    gap = ctx.text[a.end : b.start]
    if len(gap) > MERGE_GAP_CHARS or any(
        a.end < k.start and k.end < b.start and not ctx.short(k) for k in ctx.marks
    ):
        return False  # another quotation (not a title like “Meet the Press”) between them
    between = gap.replace("\n", " ")
    return (
        a.cue is None
        or (a.end <= a.cue[0] and a.cue[1] <= b.start)
        or between.strip(' "“”»«„') == ""
    )
