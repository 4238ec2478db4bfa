"""One event per happening: the same event told several times in an article is merged."""

from __future__ import annotations

from communique.events.participants import participant_key
from communique.model import Event


def event_key(event: Event) -> tuple:
    """What must be equal for two mentions to be one event: type, parties and date."""
    actors = tuple(sorted(participant_key(p) for p in event.actors))
    recipients = tuple(sorted(participant_key(p) for p in event.recipients))
    return (event.type, actors, recipients, event.date)


def compatible_locations(a: Event, b: Event) -> bool:
    return a.location is None or b.location is None or a.location.name == b.location.name


def same_event(a: Event, b: Event, lead_end: int = 0) -> bool:
    """Two drafts tell of one event: same key and place, or an undated reference to a dated
    event of the same parties — a nominal one ("the results of talks between X and Y") or
    one in the headline, which tells the story in the present tense ("X meets Y")."""
    if not compatible_locations(a, b):
        return False
    if event_key(a) == event_key(b) or one_predication(a, b) or anonymous_retelling(a, b):
        return True
    undated = [e for e in (a, b) if e.date is None]
    if len(undated) != 1 or event_key(a)[:3] != event_key(b)[:3] or a.status != b.status:
        return False
    referring = undated[0]
    return (referring.pattern or "").startswith("noun:") or referring.start < lead_end


def _countries(participants) -> frozenset[str]:
    return frozenset(p.country for p in participants if p.country)


def _within(a: Event, b: Event) -> bool:
    """Every coded party of ``a`` is one of ``b`` on the same side."""
    return _countries(a.actors) <= _countries(b.actors) and _countries(a.recipients) <= _countries(
        b.recipients
    )


def one_predication(a: Event, b: Event) -> bool:
    """Two triggers of one sentence that tell one happening of the same type ("killed one
    soldier and wounded two others"): one's coded parties are among the other's."""
    if a.start != b.start or a.type != b.type or a.trigger == b.trigger or a.status != b.status:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    return _within(a, b) or _within(b, a)


def anonymous_retelling(a: Event, b: Event) -> bool:
    """Two tellings of a happening with no coded party at all ("the bombings killed 257
    people", later "killed 259 people, including 12 Americans"): one event."""
    if a.type != b.type or a.status != b.status or (a.date and b.date and a.date != b.date):
        return False
    return not any(p.country for e in (a, b) for p in e.actors + e.recipients)


def merge_events(drafts: list[Event], lead_end: int = 0) -> list[Event]:
    """Merge drafts of one event; number them V1, V2, ... in text order.

    ``lead_end`` is where the headline and subheadline end in the text."""
    merged: list[Event] = []
    for draft in sorted(drafts, key=lambda e: (e.start, e.trigger or "")):
        same = next((e for e in merged if same_event(e, draft, lead_end)), None)
        if same is None:
            merged.append(draft)
            continue
        if draft.start not in {m.start for m in same.mentions}:
            same.mentions = [*same.mentions, *draft.mentions]
        if one_predication(same, draft) and not _within(draft, same):
            same.actors, same.recipients = draft.actors, draft.recipients
        if same.location is None and draft.location is not None:
            same.location = draft.location
        if same.date is None and draft.date is not None:
            same.date = draft.date
        same.confidence = max(same.confidence or 0, draft.confidence or 0)
    for number, event in enumerate(merged, start=1):
        event.id = f"V{number}"
    return merged
