"""Store fixtures: a fresh database on each back end, and a builder of reports with events."""

from __future__ import annotations

import os

import pytest

from communique.model import (
    Article,
    Entity,
    Event,
    Location,
    Participant,
    Place,
    Quote,
    Report,
    Span,
    Speaker,
)

BACKENDS = ["sqlite", "postgresql"]


def reset_postgres(url: str) -> None:
    from sqlalchemy import text

    from communique.store.engine import engine_for

    engine = engine_for(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    """A URL of an empty database: SQLite in tmp_path, or PostgreSQL from $COMMUNIQUE_TEST_PG."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    url = os.environ.get("COMMUNIQUE_TEST_PG")
    if not url:
        pytest.skip("COMMUNIQUE_TEST_PG is not set")
    reset_postgres(url)
    return url


def participant(name: str, country: str | None, sector: str | None = "GOV") -> Participant:
    return Participant(entity=None, name=name, country=country, sector=sector)


def make_event(
    type: str = "CONSULT",
    actors: tuple = (("Sergei Lavrov", "RUS"), ("Taro Kono", "JPN")),
    recipients: tuple = (),
    date: str | None = "2019-01-22",
    status: str = "occurred",
    location: tuple | None = ("Moscow", "RUS"),
    cameo: str | None = "040",
    event_id: str = "e1",
    start: int = 0,
    end: int = 10,
    mentions: int = 1,
) -> Event:
    return Event(
        id=event_id,
        type=type,
        cameo=cameo,
        actors=[participant(n, c) for n, c in actors],
        recipients=[participant(n, c) for n, c in recipients],
        date=date,
        location=Location(name=location[0], country=location[1]) if location else None,
        status=status,
        evidence="evidence text",
        start=start,
        end=end,
        mentions=[{"start": start + i, "end": end + i} for i in range(mentions)],
    )


def make_report(
    body: str,
    events: list[Event] | None = None,
    *,
    source: str | None = "TASS",
    url: str | None = None,
    date: str | None = "2019-01-22",
    headline: str = "Headline",
    language: str = "en",
    with_sections: bool = True,
) -> Report:
    text = f"{headline}\n\n{body}"
    report = Report(
        id="r",
        article=Article(
            headline=headline,
            body=body,
            text=text,
            source=source,
            url=url,
            date=date,
            language=language,
        ),
        events=events or [],
    )
    if with_sections:
        at = text.find(body)
        report.entities = [
            Entity(
                id="ent1",
                name="Sergei Lavrov",
                type="PERSON",
                mentions=[Span(start=at, end=at + 6, text=text[at : at + 6])],
                actor={"country": "RUS", "sector": "GOV", "role": "Foreign Minister"},
            )
        ]
        report.quotes = [
            Quote(
                id="q1",
                text=body[:20],
                start=at,
                end=at + 20,
                kind="direct",
                cue="said",
                speaker=Speaker(entity="ent1", name="Sergei Lavrov", text="Lavrov"),
            )
        ]
        report.places = [
            Place(
                id="p1",
                text="Moscow",
                start=at,
                end=at + 6,
                name="Moscow",
                country="RUS",
                lat=55.75,
                lon=37.62,
            )
        ]
    return report


@pytest.fixture
def report_factory():
    return make_report


@pytest.fixture
def event_factory():
    return make_event
