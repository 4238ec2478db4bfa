"""Import people with dated roles from a Wikidata entity JSON dump into the actor table.

Reads P39 "position held" (qualifiers P580 start time, P582 end time), P27 "country of
citizenship" and P106 "occupation". Countries are resolved through P298 (ISO alpha-3) of
country entities in the same dump, else a built-in table of country items; positions through
their label and P17 "country" / P1001 "applies to jurisdiction" when the dump holds them.

Accepted inputs (optionally gzip-compressed): the dump format (a JSON array with one entity
per line), JSON lines, or ``{"entities": {...}}`` as served by Special:EntityData.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from communique import countries as country_table
from communique.entities import lexicon
from communique.entities.actors import ActorRole
from communique.entities.mentions.roles import role_key

HUMAN = "Q5"
PRECISION_CHARS = {9: 4, 10: 7, 11: 10}  # year, month, day
OCCUPATION_SECTORS = {
    "politician": "GOV",
    "diplomat": "GOV",
    "civil servant": "GOV",
    "military officer": "MIL",
    "military personnel": "MIL",
    "soldier": "MIL",
    "journalist": "MED",
    "judge": "JUD",
    "lawyer": "JUD",
    "businessperson": "BUS",
    "entrepreneur": "BUS",
    "priest": "REL",
    "activist": "CVL",
    "trade unionist": "LAB",
}


@dataclass
class _Person:
    qid: str
    name: str
    aliases: list[str]
    citizenship: list[str]
    positions: list[tuple[str, str | None, str | None]]  # (position qid, start, end)
    occupations: list[str] = field(default_factory=list)


def read_entities(path: Path) -> Iterator[dict]:
    """Entities of a dump file, whatever its framing."""
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8")
    stripped = text.lstrip()
    if stripped.startswith("{") and '"entities"' in stripped[:200]:
        try:
            document = json.loads(stripped)
        except json.JSONDecodeError:
            document = None
        if isinstance(document, dict) and isinstance(document.get("entities"), dict):
            yield from document["entities"].values()
            return
    for line in io.StringIO(text):
        line = line.strip().rstrip(",")
        if not line or line in {"[", "]"}:
            continue
        try:
            entity = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(entity, dict):
            yield entity


def import_dump(path: Path) -> list[ActorRole]:
    """Table rows for the people of a dump (one per position held, or one from occupation)."""
    countries = dict(_builtin_countries())
    labels: dict[str, str] = {}
    position_country: dict[str, str] = {}
    people: list[_Person] = []
    for entity in read_entities(path):
        qid = entity.get("id")
        if not isinstance(qid, str):
            continue
        claims = entity.get("claims") or {}
        label = _label(entity)
        if label:
            labels[qid] = label
        iso = next((v for v in _values(claims, "P298") if isinstance(v, str)), None)
        if iso:
            countries[qid] = iso.upper()
        place = next(
            (_qid(v) for p in ("P17", "P1001") for v in _values(claims, p) if _qid(v)), None
        )
        if place:
            position_country[qid] = place
        if HUMAN in {_qid(v) for v in _values(claims, "P31")} or "P39" in claims:
            people.append(_person(qid, entity, claims))
    rows: list[ActorRole] = []
    for person in people:
        rows.extend(_rows(person, countries, labels, position_country))
    return rows


def merge(existing: list[ActorRole], imported: list[ActorRole]) -> list[ActorRole]:
    """The table with imported people replacing earlier rows of the same Wikidata item."""
    replaced = {row.wikidata for row in imported if row.wikidata}
    return [row for row in existing if row.wikidata not in replaced] + imported


def _person(qid: str, entity: dict, claims: dict) -> _Person:
    positions = []
    for statement in claims.get("P39", []):
        if statement.get("rank") == "deprecated":
            continue
        position = _qid(_snak_value(statement.get("mainsnak")))
        if position is None:
            continue
        qualifiers = statement.get("qualifiers") or {}
        positions.append((position, _time(qualifiers.get("P580")), _time(qualifiers.get("P582"))))
    aliases = [
        a.get("value") for a in (entity.get("aliases") or {}).get("en", []) if a.get("value")
    ]
    return _Person(
        qid=qid,
        name=_label(entity) or qid,
        aliases=aliases,
        citizenship=[q for q in (_qid(v) for v in _values(claims, "P27")) if q],
        positions=positions,
        occupations=[q for q in (_qid(v) for v in _values(claims, "P106")) if q],
    )


def _rows(
    person: _Person, countries: dict, labels: dict, position_country: dict
) -> list[ActorRole]:
    citizen = next((countries[q] for q in person.citizenship if q in countries), None)
    rows = []
    for position, start, end in person.positions:
        role = labels.get(position)
        country = countries.get(position_country.get(position, ""), citizen)
        rows.append(
            ActorRole(
                name=person.name,
                aliases=tuple(person.aliases),
                country=country,
                sector=_sector(role) or "GOV",
                role=role,
                start=start,
                end=end,
                wikidata=person.qid,
            )
        )
    if rows:
        return rows
    occupation = next((labels[q] for q in person.occupations if q in labels), None)
    sector = _sector(occupation) if occupation else None
    if citizen or sector:
        rows.append(
            ActorRole(
                person.name,
                tuple(person.aliases),
                citizen,
                sector,
                occupation,
                None,
                None,
                person.qid,
            )
        )
    return rows


def _sector(title: str | None) -> str | None:
    if not title:
        return None
    folded = lexicon.fold(title)
    if folded in OCCUPATION_SECTORS:
        return OCCUPATION_SECTORS[folded]
    key = role_key(title)
    role = lexicon.roles().get(key or "")
    return role.sector if role else None


def _label(entity: dict) -> str | None:
    labels = entity.get("labels") or {}
    for language in ("en", "mul"):
        value = (labels.get(language) or {}).get("value")
        if value:
            return value
    return None


def _values(claims: dict, prop: str) -> Iterator:
    for statement in claims.get(prop, []):
        if statement.get("rank") != "deprecated":
            yield _snak_value(statement.get("mainsnak"))


def _snak_value(snak: dict | None):
    if not snak or snak.get("snaktype", "value") != "value":
        return None
    return (snak.get("datavalue") or {}).get("value")


def _qid(value) -> str | None:
    if isinstance(value, dict):
        if value.get("id"):
            return value["id"]
        if value.get("numeric-id") is not None:
            return f"Q{value['numeric-id']}"
    return None


def _time(snaks: list | None) -> str | None:
    for snak in snaks or []:
        value = _snak_value(snak)
        if isinstance(value, dict) and isinstance(value.get("time"), str):
            stamp = value["time"].lstrip("+")
            chars = PRECISION_CHARS.get(value.get("precision", 11), 10)
            date = stamp[:chars]
            return date.replace("-00", "") if date[:4].isdigit() else None
    return None


def _builtin_countries() -> Iterator[tuple[str, str]]:
    """(Wikidata item, alpha-3) pairs of the country table, used when a dump holds no
    country items (their P298)."""
    for country in country_table.table():
        for qid in country.wikidata:
            yield qid, country.alpha3
