"""From a speaker span to the entity of the entities stage, and its canonical name."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from communique.model import Entity, Report, Speaker

EntityAt = Callable[[Report, int, int], Entity | None]


def _overlapping_entity(report: Report, start: int, end: int) -> Entity | None:
    """The entity with the tightest mention overlapping [start, end) (ties: first entity)."""
    best, best_key = None, None
    for entity in report.entities:
        for mention in entity.mentions:
            if mention.start < end and start < mention.end:
                key = (mention.end - mention.start, mention.start)
                if best_key is None or key < best_key:
                    best, best_key = entity, key
    return best


def entity_finder() -> EntityAt:
    """``communique.entities.entity_at`` when that stage is installed, else a mention lookup."""
    try:
        module = importlib.import_module("communique.entities")
    except ImportError:
        return _overlapping_entity
    return getattr(module, "entity_at", _overlapping_entity)


def _capital_country(entity: Entity) -> str | None:
    """The country code a capital stands for ("Moscow has stated ..."), from the entities data."""
    if entity.type not in ("GPE", "LOC", "FAC") or entity.actor is None or not entity.actor.country:
        return None
    try:
        from communique.entities.lexicon import capitals, fold
    except ImportError:
        return None
    code = capitals().get(fold(entity.name))
    return code if code == entity.actor.country else None


def _country_code(name: str) -> str | None:
    try:
        from communique.entities.lexicon import countries, fold
    except ImportError:
        return None
    return countries().get(fold(name))


def _country_name(code: str) -> str:
    try:
        import pycountry
    except ImportError:
        return code
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def as_speaker(report: Report, entity: Entity) -> tuple[str, str]:
    """(entity id, name) of a speaker: a capital standing for its government speaks as its
    country (the country's entity when the article names it), anyone else as themselves."""
    code = _capital_country(entity)
    if code is None:
        return entity.id, entity.name
    for other in report.entities:
        if other.type == "GPE" and _country_code(other.name) == code:
            return other.id, other.name
    return entity.id, _country_name(code)


def resolve(
    report: Report, span: tuple[int, int] | None, head: tuple[int, int] | None
) -> Speaker | None:
    """The speaker of a quotation: its surface text, and its entity when one covers the span."""
    if span is None:
        return None
    text = report.article.text
    surface = text[span[0] : span[1]]
    find = entity_finder()
    entity = None
    for start, end in [s for s in (head, span) if s is not None]:
        try:
            entity = find(report, start, end)
        except Exception:  # noqa: BLE001 - another stage's bug must not lose the quotation
            entity = None
        if entity is not None:
            break
    if entity is None:
        return Speaker(entity=None, name=surface, text=surface)
    entity_id, name = as_speaker(report, entity)
    return Speaker(entity=entity_id, name=name, text=surface)
