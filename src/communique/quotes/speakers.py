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


def speaker_name(entity: Entity) -> str:
    """The name a speaker goes by: the entities stage's actor name when it offers one
    (a capital standing for its government is named by its country), else the entity's name."""
    try:
        module = importlib.import_module("communique.entities")
    except ImportError:
        return entity.name
    actor_name = getattr(module, "actor_name", None)
    if actor_name is None:
        return entity.name
    return actor_name(entity) or entity.name


def resolve(report: Report, span: tuple[int, int] | None, head: tuple[int, int] | None) -> Speaker | None:
    """The speaker of a quotation: its surface text, and its entity when one covers the span."""
    if span is None:
        return None
    text = report.article.text
    surface = text[span[0] : span[1]]
    find = entity_finder()
    entity = None
    for start, end in (head, span):
        if start is None:
            continue
        try:
            entity = find(report, start, end)
        except Exception:  # noqa: BLE001 - another stage's bug must not lose the quotation
            entity = None
        if entity is not None:
            break
    if entity is None:
        return Speaker(entity=None, name=surface, text=surface)
    return Speaker(entity=entity.id, name=speaker_name(entity), text=surface)
