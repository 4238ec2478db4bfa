"""Small date helpers shared by the stages."""

from __future__ import annotations

import datetime as dt

from communique.errors import InputError


def parse_iso_date(value: str) -> dt.date:
    """A YYYY-MM-DD string as a date, or an :class:`InputError` saying what is wrong."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"invalid date '{value}': expected YYYY-MM-DD") from None
