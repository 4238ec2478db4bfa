"""The typed data model of the report (schema ``communique.report/1``).

Every stage reads and fills these objects; ``docs/report.schema.json`` is generated from
:class:`Report` (``python -m communique.model``).
"""

from __future__ import annotations

import json
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID: Final = "communique.report/1"

DateSource = Literal["cli", "metadata", "dateline", "inferred"]
QuoteKind = Literal["direct", "indirect", "mixed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
EventStatus = Literal["occurred", "planned", "hypothetical", "negated"]
PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]


class Model(BaseModel):
    """Base of all report objects: strict field names, assignment is validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Span(Model):
    """A character span of ``article.text``."""

    start: int
    end: int
    text: str


class Dateline(Model):
    text: str | None = None
    place: str | None = None
    date: str | None = Field(None, description="YYYY-MM-DD, or null when the dateline has no date")
    agency: str | None = None


class Caption(Model):
    text: str
    credit: str | None = None


class Section(Model):
    heading: str | None = None
    paragraphs: list[str] = Field(default_factory=list)


class Article(Model):
    url: str | None = None
    source: str | None = Field(None, description='Outlet or agency, e.g. "TASS"')
    language: str | None = Field(None, description="ISO 639-1 code")
    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    dateline: Dateline | None = None
    date: str | None = Field(None, description="The article's date, YYYY-MM-DD")
    date_source: DateSource | None = None
    captions: list[Caption] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    body: str = Field("", description="Body paragraphs only, joined by blank lines")
    text: str = Field("", description="What was analysed: headline, subheadline, body")


class Actor(Model):
    country: str | None = Field(None, description="ISO 3166 alpha-3, or IGO/NGO/MNC/UNO/EUR")
    sector: str | None = Field(None, description="PLOVER sector code, e.g. GOV, MIL, MED")
    role: str | None = Field(None, description="The title text, e.g. Ambassador")
    code: str | None = Field(None, description='CAMEO-style code, e.g. "RUSGOV"')
    posting: str | None = Field(None, description="Country of posting for diplomats")


class Entity(Model):
    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    actor: Actor | None = None


class Speaker(Model):
    entity: str | None = None
    name: str | None = None
    text: str | None = None


# The report's models are alike in shape by design: flat fields, optional ones defaulting to None.
class Quote(Model):
    id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None = None
    speaker: Speaker | None = None


class Time(Model):
    text: str
    start: int
    end: int
    type: TimeType
    value: str | None = None
    mod: str | None = Field(
        None, description="TIMEX3 modifier: MORE_THAN, MID, START, END, APPROX, ..."
    )


class Place(Model):
    id: str
    text: str
    start: int
    end: int
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    geonames_id: int | None = None
    disputed_with: list[str] = Field(default_factory=list)


class Participant(Model):
    entity: str | None = None
    name: str
    country: str | None = None
    sector: str | None = None


class Location(Model):
    place: str | None = Field(None, description="Id of the place in `places`, when it is one")
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class EventMention(Model):
    start: int
    end: int


class Event(Model):
    id: str
    type: PloverType
    mode: str | None = None
    cameo: str | None = None
    quad: int | None = Field(None, ge=1, le=4)
    score: float | None = None
    actors: list[Participant] = Field(default_factory=list)
    recipients: list[Participant] = Field(default_factory=list)
    date: str | None = None
    location: Location | None = None
    status: EventStatus = "occurred"
    evidence: str = ""
    start: int = 0
    end: int = 0
    mentions: list[EventMention] = Field(default_factory=list)
    quote: str | None = None
    confidence: float | None = None
    trigger: str | None = Field(None, description="The trigger word or phrase")
    pattern: str | None = Field(None, description="The lexicon pattern that matched")


class Report(Model):
    schema_: Literal["communique.report/1"] = Field(SCHEMA_ID, alias="schema")
    id: str
    article: Article
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", validate_assignment=True, populate_by_name=True)

    def to_dict(self) -> dict:
        """The report as plain JSON-ready data, with the contract's field names."""
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def report_json_schema() -> dict:
    """The JSON schema of :class:`Report`, as committed in ``docs/report.schema.json``."""
    schema = Report.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = SCHEMA_ID
    schema["title"] = "communique report"
    return schema


if __name__ == "__main__":
    print(json.dumps(report_json_schema(), indent=2, sort_keys=True))
