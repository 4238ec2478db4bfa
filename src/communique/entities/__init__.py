"""Entities: who is who in an article, coded as political actors.

The stage finds mentions (spaCy names, role nouns such as "the ambassador" or "police",
and subject pronouns), clusters them into one entity per referent and codes each entity
as an actor (country, PLOVER sector, role, CAMEO-style code). It fills ``report.entities``;
ids are ``E1``, ``E2``, ... in order of first mention and every mention is an exact span of
``report.article.text``.

Helpers for later stages::

    from communique.entities import entity_at, entity_by_id

    speaker = entity_at(report, start, end)   # Entity | None

``entity_at`` returns the entity whose mention overlaps ``[start, end)`` most, preferring
the tightest mention on ties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.document import Analysis
from communique.pipeline import stage

if TYPE_CHECKING:
    from communique.model import Entity, Report

__all__ = ["annotate", "entity_at", "entity_by_id"]


@stage("entities", assigns=("entities",))
def annotate(analysis: Analysis) -> None:
    """Fill ``analysis.report.entities`` from the parsed ``analysis.doc``."""
    from communique.entities.build import build_entities

    analysis.report.entities = build_entities(analysis.doc, analysis.report.article)


def entity_by_id(report: Report, entity_id: str | None) -> Entity | None:
    """The entity with this id, or None."""
    if entity_id is None:
        return None
    return next((e for e in report.entities if e.id == entity_id), None)


def entity_at(report: Report, start: int, end: int) -> Entity | None:
    """The entity whose mention overlaps the span ``[start, end)`` most, or None.

    Ties go to the tightest mention, then to the earlier entity: a span "Russia" inside the
    mention "Japanese Ambassador to Russia Toyohisa Kozuki" finds Russia, a span "Toyohisa
    Kozuki" finds Kozuki, a span "U.S. soldier" finds the soldier rather than the U.S.
    """
    best: tuple[int, int, int] | None = None
    best_entity: Entity | None = None
    for order, entity in enumerate(report.entities):
        for m in entity.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            rank = (-overlap, m.end - m.start, order)
            if best is None or rank < best:
                best, best_entity = rank, entity
    return best_entity
