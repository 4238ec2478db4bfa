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


def resolve(
    report: Report, span: tuple[int, int] | None, head: tuple[int, int] | None
) -> Speaker | None:
    """The speaker of a quotation: its surface text, and its entity when one covers the span."""
    if span is None:
        return None
    text = report.article.text
    surface = text[span[0] : span[1]]
    entity = None
    for start, end in [s for s in (head, span) if s is not None]:
        entity = entity_at(report, start, end)
        if entity is not None:
            break
    if entity is None:
        return Speaker(entity=None, name=surface, text=surface)
    entity_id, name = as_speaker(report, entity)
    return Speaker(entity=entity_id, name=name, text=surface)
