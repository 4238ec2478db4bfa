"""From a parsed article to ``report.entities``: mentions -> clusters -> coded entities."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from communique.entities.cluster import Cluster, cluster_mentions
from communique.entities.coding import (
    Dateline,
    Story,
    article_country,
    code_actor,
    dateline_of,
    story_country,
)
from communique.entities.mentions import find_mentions
from communique.entities.mentions.base import text_of
from communique.entities.names import name_tokens
from communique.model import Article, Entity, Span

LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)


def build_entities(doc: Doc, article: Article) -> list[Entity]:
    """The entities of an article, ids E1, E2, ... in order of first mention."""
    credits = [c.credit for c in article.captions if c.credit]
    if article.byline:
        credits.append(article.byline)
    mentions = find_mentions(doc, credits)
    clusters = cluster_mentions(mentions, article.date)
    dateline_place = article.dateline.place if article.dateline else None
    context = article_country(clusters, dateline_place)
    dateline = dateline_of(clusters, dateline_place)
    story = story_country(clusters, dateline)
    entities: list[Entity] = []
    for cluster in clusters:
        entity = _entity(cluster, clusters, text_of(doc), context, dateline, story)
        if entity is not None:
            entities.append(entity.model_copy(update={"id": f"E{len(entities) + 1}"}))
    return entities


def _entity(
    cluster: Cluster,
    clusters: list[Cluster],
    text: str,
    context: str | None,
    dateline: Dateline | None = None,
    story: Story | None = None,
) -> Entity | None:
    named = [m for m in cluster.mentions if m.kind == "name"]
    if not named and not any(m.kind == "role" for m in cluster.mentions):
        return None  # pronouns alone never make an entity
    name = canonical_name(cluster)
    spans = [Span(start=m.start, end=m.end, text=text[m.start : m.end]) for m in cluster.mentions]
    aliases: list[str] = []
    for mention in cluster.mentions:
        if mention.kind == "pronoun":
            continue
        surface = text[mention.start : mention.end]
        # The surface form, and the bare name inside a titled one ("Toyohisa Kodzuki").
        for form in (surface, mention.name):
            if form and form != name and form not in aliases:
                aliases.append(form)
    return Entity(
        id="E0",
        name=name,
        type=cluster.label,
        aliases=aliases,
        mentions=spans,
        actor=code_actor(cluster, clusters, context, dateline, story),
    )


def canonical_name(cluster: Cluster) -> str:
    """The fullest proper name (most words, then longest, then first); for entities known
    only by a role, the office holder the actor table gives for the article's date, else the
    first role mention without its article."""
    names = [m.name or m.text for m in cluster.mentions if m.kind == "name"]
    if names:
        if cluster.label == "PERSON":
            return max(names, key=lambda n: (len(name_tokens(n)), names.count(n), -names.index(n)))
        return max(names, key=lambda n: (names.count(n), len(n.split()), len(n), -names.index(n)))
    if cluster.table is not None and cluster.label == "PERSON":
        return cluster.table.name  # the holder of the office on the article's date
    first = next(m for m in cluster.mentions if m.kind == "role")
    return first.extra.get("name") or LEADING_DETERMINER.sub("", first.text)
