"""Small helpers shared by the entities tests."""

from __future__ import annotations

from communique.model import Report


def find(report: Report, name: str):
    """The entity whose canonical name or an alias is ``name`` (None when absent)."""
    for entity in report.entities:
        if entity.name == name or name in entity.aliases:
            return entity
    return None


def texts(entity) -> list[str]:
    return [m.text for m in entity.mentions]
