"""Entities: who is who in an article, coded as political actors.

The stage finds mentions (spaCy names, role nouns such as "the ambassador" or "police",
and subject pronouns), clusters them into one entity per referent and codes each entity
as an actor (country, PLOVER sector, role, CAMEO-style code). It fills ``report.entities``;
ids are ``E1``, ``E2``, ... in order of first mention and every mention is an exact span of
``report.article.text``.

Helpers for later stages::

    from communique.entities import entity_at, entity_by_id

    speaker = entity_at(report, start, end)   # Entity | None

``entity_at`` returns the entity with a mention overlapping ``[start, end)``, preferring a
mention inside the span that covers most of it, then the tightest mention around it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.model import Entity, Report

if TYPE_CHECKING:
    from communique.pipeline import Analysis

__all__ = ["annotate", "entity_at", "entity_by_id"]


def annotate(analysis: Analysis) -> None:
    """Fill ``analysis.report.entities`` from the parsed ``analysis.doc``."""
    from communique.entities.build import build_entities

    try:
        analysis.report.entities = build_entities(analysis.doc, analysis.report.article)
    except Exception as exc:  # a weird document gives fewer results, not a crash
        analysis.report.warnings = [*analysis.report.warnings, f"entities: {type(exc).__name__}: {exc}"]
        analysis.report.entities = []


def entity_by_id(report: Report, entity_id: str | None) -> Entity | None:
    """The entity with this id, or None."""
    if entity_id is None:
        return None
    return next((e for e in report.entities if e.id == entity_id), None)


def entity_at(report: Report, start: int, end: int) -> Entity | None:
    """The entity whose mention overlaps the span ``[start, end)``, or None.

    A mention that lies inside the span and covers most of it wins (a spaCy span "Russian
    President Vladimir Putin" finds Putin, not Russia); otherwise the tightest mention that
    contains the span; otherwise the largest overlap. Ties go to the earlier entity.
    """
    best: tuple | None = None
    best_entity: Entity | None = None
    for order, entity in enumerate(report.entities):
        for m in entity.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            length = m.end - m.start
            contains = m.start <= start and m.end >= end
            inside = m.start >= start and m.end <= end
            # rank: inside-and-covering first (by coverage), containing (tightest), overlap
            if inside:
                rank = (0, -length, order)
            elif contains:
                rank = (1, length, order)
            else:
                rank = (2, -overlap, order)
            if best is None or rank < best:
                best, best_entity = rank, entity
    return best_entity
