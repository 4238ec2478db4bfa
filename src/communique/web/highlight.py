"""Text with highlighted spans, in the manner of spaCy's displaCy, built from escaped pieces.

A :class:`Mark` is a labelled character span. :func:`render` nests the marks that nest,
drops those that cross a stronger one, and returns ``Markup`` in which every piece of
the text, every label and every title has gone through ``markupsafe.escape``: the only
tags are the ones written here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

# Stronger kinds win when two marks cross; the order also nests equal spans.
PRIORITY = {"quote": 0, "event": 1, "participant": 2, "time": 3, "place": 4, "ent": 5}


@dataclass
class Mark:
    """A highlighted span of the text: ``kind`` picks the style, ``label`` is shown after it."""

    start: int
    end: int
    kind: str
    label: str = ""
    title: str = ""
    href: str | None = None
    classes: list[str] = field(default_factory=list)

    @property
    def rank(self) -> int:
        return PRIORITY.get(self.kind, len(PRIORITY))


def render(text: str, marks: list[Mark]) -> Markup:
    """``text`` as HTML with the marks as nested elements (everything escaped)."""
    kept = _resolve(text, marks)
    kept.sort(key=lambda m: (m.start, -m.end, m.rank))
    out: list[str] = []
    _render_range(text, 0, len(text), kept, out)
    return Markup("".join(out))


def _resolve(text: str, marks: list[Mark]) -> list[Mark]:
    """The marks to draw: inside the text, not crossing a stronger mark, no exact repeats."""
    kept: list[Mark] = []
    by_range: dict[tuple[int, int], Mark] = {}
    ordered = sorted(
        (m for m in marks if 0 <= m.start < m.end <= len(text)),
        key=lambda m: (m.rank, m.start, -m.end, m.label),
    )
    for mark in ordered:
        same = by_range.get((mark.start, mark.end))
        if same is not None and same.kind != "quote" and mark.kind != "quote":
            if mark.title and mark.title not in same.title:
                same.title = f"{same.title} · {mark.title}" if same.title else mark.title
            continue
        if any(_crosses(mark, other) for other in kept):
            continue
        kept.append(mark)
        by_range.setdefault((mark.start, mark.end), mark)
    return kept


def _crosses(a: Mark, b: Mark) -> bool:
    overlap = a.start < b.end and b.start < a.end
    nested = (a.start >= b.start and a.end <= b.end) or (b.start >= a.start and b.end <= a.end)
    return overlap and not nested


def _render_range(text: str, start: int, end: int, marks: list[Mark], out: list[str]) -> None:
    """Write text[start:end] with the marks (sorted, nesting) that lie inside it."""
    pos = start
    i = 0
    while i < len(marks):
        mark = marks[i]
        inner = []
        j = i + 1
        while j < len(marks) and marks[j].start < mark.end:
            inner.append(marks[j])
            j += 1
        out.append(str(escape(text[pos : mark.start])))
        out.append(_open(mark))
        _render_range(text, mark.start, mark.end, inner, out)
        out.append(_close(mark))
        pos = mark.end
        i = j
    out.append(str(escape(text[pos:end])))


def _open(mark: Mark) -> str:
    classes = " ".join(["hl", f"hl-{mark.kind}", *mark.classes])
    attrs = f' class="{escape(classes)}"'
    if mark.title:
        attrs += f' title="{escape(mark.title)}"'
    attrs += f' data-kind="{escape(mark.kind)}"'
    if mark.kind == "quote":
        speaker = f'<span class="hl-speaker">{escape(mark.label)}</span>' if mark.label else ""
        return f"<span{attrs}>{speaker}"
    tag = "a" if mark.href else "mark"
    if mark.href:
        attrs += f' href="{escape(mark.href)}"'
    return f"<{tag}{attrs}>"


def _close(mark: Mark) -> str:
    if mark.kind == "quote":
        return "</span>"
    label = f'<span class="hl-label">{escape(mark.label)}</span>' if mark.label else ""
    return f"{label}</{'a' if mark.href else 'mark'}>"


# --- marks from a report -------------------------------------------------------------


def entity_marks(report: dict) -> list[Mark]:
    marks = []
    for entity in report.get("entities") or []:
        actor = entity.get("actor") or {}
        code = actor.get("code") or "/".join(
            x for x in (actor.get("country"), actor.get("sector")) if x
        )
        title = entity.get("name", "") + (f" ({code})" if code else "")
        for m in entity.get("mentions") or []:
            marks.append(
                Mark(
                    m["start"],
                    m["end"],
                    "ent",
                    entity.get("type") or "",
                    title,
                    classes=[_cls(entity.get("type"))],
                )
            )
    return marks


def quote_marks(report: dict) -> list[Mark]:
    marks = []
    for q in report.get("quotes") or []:
        speaker = (q.get("speaker") or {}).get("name") or "unattributed"
        cue = f" ({q['cue']})" if q.get("cue") else ""
        marks.append(
            Mark(q["start"], q["end"], "quote", speaker, f"{q.get('kind', '')} quotation{cue}: {speaker}",
                 classes=[f"hl-quote-{q.get('kind', 'direct')}"])
        )  # fmt: skip
    return marks


def time_marks(report: dict) -> list[Mark]:
    return [
        Mark(
            t["start"],
            t["end"],
            "time",
            t.get("type") or "TIME",
            f"{t.get('type')} {t.get('value') or ''}".strip(),
        )
        for t in report.get("times") or []
    ]


def place_marks(report: dict) -> list[Mark]:
    marks = []
    for p in report.get("places") or []:
        where = ", ".join(str(x) for x in (p.get("name"), p.get("country")) if x)
        if p.get("lat") is not None and p.get("lon") is not None:
            where += f" ({p['lat']:.2f}, {p['lon']:.2f})"
        marks.append(Mark(p["start"], p["end"], "place", "PLACE", where))
    return marks


def event_marks(report: dict, stored_ids: dict[str, int] | None = None) -> list[Mark]:
    """Each event's trigger, found in its evidence span, labelled with the PLOVER type."""
    text = (report.get("article") or {}).get("text") or ""
    marks = []
    for event in report.get("events") or []:
        span = trigger_span(text, event)
        if span is None:
            continue
        stored = (stored_ids or {}).get(event["id"])
        title = _event_title(event)
        href = f"/events/{stored}" if stored is not None else None
        marks.append(
            Mark(
                *span,
                "event",
                event["type"],
                title,
                href,
                classes=[f"quad{event.get('quad') or 0}"],
            )
        )
    return marks


def _event_title(event: dict) -> str:
    def names(group):
        return ", ".join(p.get("name", "") for p in event.get(group) or [])

    parts = [event.get("type", ""), names("actors")]
    if event.get("recipients"):
        parts.append("→ " + names("recipients"))
    if event.get("date"):
        parts.append(event["date"])
    if event.get("status") and event["status"] != "occurred":
        parts.append(f"[{event['status']}]")
    return " ".join(p for p in parts if p)


def trigger_span(text: str, event: dict) -> tuple[int, int] | None:
    """Where the event's trigger word is in its evidence span (first whole-word match)."""
    trigger = (event.get("trigger") or "").strip()
    start, end = event.get("start") or 0, event.get("end") or 0
    if not trigger or end <= start:
        return None
    pattern = re.compile(
        r"(?<!\w)" + r"\s+".join(map(re.escape, trigger.split())) + r"(?!\w)", re.I
    )
    for lo, hi in _tellings(event):
        found = pattern.search(text, lo, hi)
        if found:
            return found.start(), found.end()
    return None


def _tellings(event: dict) -> list[tuple[int, int]]:
    spans = [(m["start"], m["end"]) for m in event.get("mentions") or []]
    return spans or [(event.get("start") or 0, event.get("end") or 0)]


def article_marks(report: dict, stored_ids: dict[str, int] | None = None) -> list[Mark]:
    """Every highlight of the article page: entities, quotes, times, places, event triggers."""
    return [
        *quote_marks(report),
        *event_marks(report, stored_ids),
        *time_marks(report),
        *place_marks(report),
        *entity_marks(report),
    ]


def evidence_marks(report: dict, event: dict) -> list[Mark]:
    """The marks of one event in its evidence: trigger, participants, date and place."""
    text = (report.get("article") or {}).get("text") or ""
    marks = []
    span = trigger_span(text, event)
    if span:
        marks.append(Mark(*span, "event", event["type"], _event_title(event)))
    roles = {p.get("entity"): "ACTOR" for p in event.get("actors") or [] if p.get("entity")}
    for p in event.get("recipients") or []:
        if p.get("entity"):
            roles.setdefault(p["entity"], "RECIPIENT")
    for entity in report.get("entities") or []:
        role = roles.get(entity.get("id"))
        if role:
            for m in entity.get("mentions") or []:
                marks.append(Mark(m["start"], m["end"], "participant", role, entity.get("name", ""),
                                  classes=[f"hl-{role.lower()}"]))  # fmt: skip
    location = event.get("location") or {}
    for mark in place_marks(report):
        place: dict = next((p for p in report.get("places") or [] if p["start"] == mark.start), {})
        if place.get("id") == location.get("place") or (
            location.get("name") and place.get("name") == location.get("name")
        ):
            marks.append(mark)
    # Every date or time in the evidence: the one the event's date was read from is among them.
    marks += [m for m in time_marks(report) if m.label in ("DATE", "TIME")]
    return marks


def excerpt(text: str, start: int, end: int, marks: list[Mark]) -> Markup:
    """``text[start:end]`` with the marks that fall inside it, shifted to the excerpt."""
    start, end = max(0, start), min(len(text), end)
    inside = [
        Mark(m.start - start, m.end - start, m.kind, m.label, m.title, m.href, m.classes)
        for m in marks
        if m.start >= start and m.end <= end
    ]
    return render(text[start:end], inside)


def _cls(label: str | None) -> str:
    return "hl-type-" + re.sub(r"[^A-Za-z0-9_-]", "", label or "X")
