"""From a speaker span to the entity of the entities stage, and its canonical name."""

from __future__ import annotations

from communique.entities import entity_at
from communique.entities.lexicon import capitals, country_name, country_of_word, fold
from communique.model import Entity, Report, Speaker


def _capital_country(entity: Entity) -> str | None:
    """The country code a capital stands for ("Moscow has stated ..."), from the entities data."""
    if entity.type not in ("GPE", "LOC", "FAC") or entity.actor is None or not entity.actor.country:
        return None
    code = capitals().get(fold(entity.name))
    return code if code == entity.actor.country else None


def as_speaker(report: Report, entity: Entity) -> tuple[str, str]:
    """(entity id, name) of a speaker: a capital standing for its government speaks as its
    country (the country's entity when the article names it), anyone else as themselves."""
    code = _capital_country(entity)
    if code is None:
        return entity.id, entity.name
    for other in report.entities:
        if other.type == "GPE" and country_of_word(other.name) == code:
            return other.id, other.name
    return entity.id, country_name(code)


def _person_by_surname(report: Report, surface: str) -> Entity | None:
    """The one person of the article whose surname is this bare word ("May told parliament"
    where the model missed the name), if exactly one."""
    if len(surface.split()) != 1 or not surface[:1].isupper():
        return None
    people = [
        e
        for e in report.entities
        if e.type == "PERSON" and len(e.name.split()) > 1 and e.name.split()[-1] == surface
    ]
    return people[0] if len(people) == 1 else None


def resolve(
    report: Report, span: tuple[int, int] | None, head: tuple[int, int] | None
) -> Speaker | None:
    """The speaker of a quotation: its surface text, and its entity when one covers the span."""
    if span is None:
        return None
    text = report.article.text
    surface = text[span[0] : span[1]]
    entity = entity_at(report, *head) if head is not None else None
    if entity is None:
        entity = entity_at(report, *span)
        if entity is not None and entity.type == "NORP":  # "the Russian embassy"
            return Speaker(entity=entity.id, name=_without_article(surface), text=surface)
    if entity is None:
        entity = _person_by_surname(report, surface)
    if entity is None:
        return Speaker(entity=None, name=surface, text=surface)
    entity_id, name = as_speaker(report, entity)
    return Speaker(entity=entity_id, name=name, text=surface)


def _without_article(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in ("the", "a", "an") else text
