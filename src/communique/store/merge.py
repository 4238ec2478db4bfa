"""When two articles tell the same event: the match key and the date window.

Two event mentions are one event when they have the same PLOVER type, status,
participants (actors and recipients, by country and normalised name) and location,
and their dates agree: within one day for occurred events, exactly otherwise.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, timedelta

from communique.model import Event, Participant

_SPACES = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^the\s+")
# Occurred events reported on different days (time zones, "yesterday") still match.
OCCURRED_DATE_TOLERANCE_DAYS = 1
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def normalize_name(name: str | None) -> str:
    """A name for matching: case-folded, single-spaced, without a leading "the"."""
    text = _SPACES.sub(" ", (name or "").casefold()).strip()
    return _LEADING_ARTICLE.sub("", text)


def participant_key(participant: Participant) -> list[str]:
    return [participant.country or "", normalize_name(participant.name)]


def location_key(event: Event) -> list[str] | None:
    loc = event.location
    if loc is None:
        return None
    return [loc.country or "", normalize_name(loc.name)]


def match_key(event: Event) -> str:
    """A short hash of everything but the date that must agree for two mentions to merge."""
    parts = {
        "type": event.type,
        "status": event.status,
        "actors": sorted({tuple(participant_key(p)) for p in event.actors}),
        "recipients": sorted({tuple(participant_key(p)) for p in event.recipients}),
        "location": location_key(event),
    }
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()


def candidate_dates(event: Event) -> list[str | None]:
    """The event dates an earlier event may have to be the same event, nearest first."""
    if event.date is None:
        return [None]
    day = _parse_day(event.date)
    if day is None or event.status != "occurred":
        return [event.date]
    dates = [day]
    for offset in range(1, OCCURRED_DATE_TOLERANCE_DAYS + 1):
        dates += [day - timedelta(days=offset), day + timedelta(days=offset)]
    return [d.isoformat() for d in dates]


def _parse_day(value: str) -> date | None:
    """A YYYY-MM-DD value as a date; None for any other TIMEX3 value (Python also reads the
    week day "2019-W31-2" as a date, but the stored value to match would not be its day)."""
    if not _ISO_DAY.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
