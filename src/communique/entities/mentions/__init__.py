"""Mentions: the spans of a parsed article that may name a political actor.

Three kinds, each found by its own module: proper names from spaCy (PERSON, ORG, GPE, NORP,
LOC, FAC) with any title in front ("Russian Deputy Foreign Minister Igor Morgulov")
(:mod:`~communique.entities.mentions.names`, titles in
:mod:`~communique.entities.mentions.titles`), role nouns ("the diplomat", "police", "the
Foreign Ministry"; :mod:`~communique.entities.mentions.roles`) and pronouns
(:mod:`~communique.entities.mentions.pronouns`). :mod:`~communique.entities.mentions.anaphora`
then notes what the coreference resolver reads. Photo credits and bylines are left out.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from communique.entities.mentions import anaphora
from communique.entities.mentions.base import Mention, sentence_index
from communique.entities.mentions.names import (
    NAME_LABELS,
    clean_pieces,
    credit_names,
    is_adjective_modifier,
    name_mention,
    repeated_surnames,
    seat_mentions,
    titled_names,
)
from communique.entities.mentions.pronouns import pronoun_mentions
from communique.entities.mentions.roles import role_mentions

__all__ = ["Mention", "find_mentions"]


def find_mentions(doc: Doc, captions: list[str] | None = None) -> list[Mention]:
    """All mentions of the document, in text order (ties: longer first)."""
    sent_of = sentence_index(doc)
    credits = credit_names(captions or [])
    mentions: list[Mention] = []
    taken: set[int] = set()
    modifiers: list[Span] = []
    ents = doc.ents
    for ent in ents:
        if ent.label_ not in NAME_LABELS:
            continue
        for piece in clean_pieces(doc, ent, credits):
            if is_adjective_modifier(piece):
                modifiers.append(piece)
                continue
            mention = name_mention(doc, piece, ent.label_, sent_of)
            if mention is not None:
                mentions.append(mention)
                taken.update(range(*mention.tokens))
    ent_tokens = {i for ent in ents for i in range(ent.start, ent.end)}
    for span in titled_names(doc, taken | ent_tokens):
        mention = name_mention(doc, span, "PERSON", sent_of)
        if mention is not None:
            mentions.append(mention)
            taken.update(range(*mention.tokens))
    mentions.extend(seat_mentions(doc, sent_of, taken | ent_tokens))
    taken.update(i for m in mentions for i in range(*m.tokens))
    blocked = {i for m in mentions if m.label == "PERSON" for i in range(*m.tokens)}
    roles = role_mentions(doc, sent_of, taken, ent_tokens, blocked)
    # "U.S. and Russian negotiators": the "U.S." of the split group replaces the bare name
    split = {(m.start, m.end) for m in roles}
    mentions = [m for m in mentions if m.kind != "name" or (m.start, m.end) not in split]
    mentions.extend(roles)
    taken.update(i for m in mentions for i in range(*m.tokens))
    for span in modifiers:  # "an Indian proposal": the adjective alone points to the country
        if not any(i in taken for i in range(span.start, span.end)):
            mention = name_mention(doc, span, "NORP", sent_of)
            if mention is None:  # read as a title before a name, and nothing left of it
                continue
            mention.plural = False
            mention.extra["adjective"] = True
            mentions.append(mention)
    mentions.extend(pronoun_mentions(doc, sent_of) + repeated_surnames(doc, sent_of, mentions))
    mentions.sort(key=lambda m: (m.start, -m.end))
    _link_appositions(doc, mentions)
    anaphora.annotate(doc, mentions)
    for mention in mentions:  # "Saudi Arabia and Iran ...": one of several named together
        if mention.kind == "name" and doc[mention.head].conjuncts:
            mention.extra["coordinated"] = True
    return mentions


def _link_appositions(doc: Doc, mentions: list[Mention]) -> None:
    """ "Toyohisa Kozuki, the Japanese ambassador," and "the ambassador, Toyohisa Kozuki":
    a role noun in apposition to a name refers to the same person."""
    by_head = {m.head: n for n, m in enumerate(mentions)}
    for n, mention in enumerate(mentions):
        token = doc[mention.head]
        if token.dep_ != "appos":
            continue
        other = by_head.get(token.head.i)
        if other is None:
            continue
        a, b = mentions[n], mentions[other]
        role, name = (a, b) if a.kind == "role" else (b, a)
        if (
            role.kind == "role"
            and name.kind == "name"
            and name.label == "PERSON"
            and not role.plural
        ):
            role.link = mentions.index(name)
