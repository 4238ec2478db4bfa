"""Query parameters shared by the API and the pages, with their bounds."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated, get_args

from fastapi import Query

from communique.model import EventStatus, PloverType
from communique.web.queries import EVENT_SORTS

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
MAX_TEXT = 200  # longest search string
PLOVER_TYPES: tuple[str, ...] = get_args(PloverType)
STATUSES: tuple[str, ...] = get_args(EventStatus)
SORT_PATTERN = r"^-?(" + "|".join(EVENT_SORTS) + r")$"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
COUNTRY_PATTERN = r"^[A-Za-z]{3}$"
DYAD_PATTERN = r"^[A-Za-z]{3}[-,:_ ][A-Za-z]{3}$"

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Country = Annotated[
    str | None, Query(pattern=COUNTRY_PATTERN, description="ISO 3166 alpha-3 (or IGO, NGO, ...).")
]
Date = Annotated[
    str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD.")
]


@dataclass
class EventFilters:
    """Filters on events: who, what, when, where."""

    actor_country: Country = None
    recipient_country: Country = None
    dyad: Annotated[
        str | None,
        Query(pattern=DYAD_PATTERN, description="Two countries, either way round: RUS-UKR."),
    ] = None
    country: Annotated[
        str | None, Query(pattern=COUNTRY_PATTERN, description="Any participant's country.")
    ] = None
    actor: Annotated[
        str | None,
        Query(
            max_length=MAX_TEXT,
            description="A participant's name, exactly as /api/actors lists it.",
        ),
    ] = None
    type: Annotated[PloverType | None, Query(description="PLOVER event type, e.g. CONSULT.")] = None
    quad: Annotated[
        int | None,
        Query(
            ge=1,
            le=4,
            description="Quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.",
        ),
    ] = None
    # query parameters are declared one by one (FastAPI reads each annotation): alike in shape
    status: Annotated[EventStatus | None, Query(description="occurred, planned, ...")] = None
    date_from: Date = None
    date_to: Date = None
    location: Annotated[
        str | None,
        Query(max_length=MAX_TEXT, description="Place name, exactly as /api/locations lists it."),
    ] = None
    location_country: Country = None

    def as_kwargs(self) -> dict:
        """The filters that are set, for the query functions."""
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


EventSort = Annotated[
    str,
    Query(
        pattern=SORT_PATTERN,
        description="Column, '-' first for descending: " + ", ".join(EVENT_SORTS),
    ),
]
