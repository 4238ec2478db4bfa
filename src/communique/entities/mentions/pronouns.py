"""Pronoun mentions: third-person pronouns wherever they may stand for an actor.

Subjects, objects of verbs and prepositions ("accused him of", "talks with them") and
possessives ("his counterpart", "its allies"). "it" counts only as the subject of a speech or
event verb outside quotations (elsewhere it is mostly empty: "it is likely that ..."). A
relative pronoun ("Scholz, who arrived") is linked to the noun its clause describes (in
:mod:`communique.entities.mentions.anaphora`).
"""

from __future__ import annotations

import functools
import json

from spacy.tokens import Doc, Token

from communique.entities import lexicon
from communique.entities.mentions.base import (
    SUBJECT_DEPS,
    Mention,
    candidates,
    in_spans,
    quoted_spans,
    text_of,
)

OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj", "pobj"})


@functools.cache
def settings() -> dict:
    """The coreference data: pronouns, gender words, domestic bodies, owned sectors."""
    raw = json.loads((lexicon.DATA / "coref.json").read_text(encoding="utf-8"))
    return {
        "pronouns": raw["pronouns"],
        "relative_pronouns": frozenset(raw["relative_pronouns"]),
        "gender_words": raw["gender_words"],
        "domestic_bodies": frozenset(raw["domestic_bodies"]),
        "owned_sectors": frozenset(raw["owned_sectors"]),
        "not_current": frozenset(raw["not_current"]),
    }


def pronoun_mentions(doc: Doc, sent_of: list[int]) -> list[Mention]:
    """Personal pronouns that may stand for an actor, and relative pronouns of clauses
    describing a noun, as mentions in text order."""
    table = settings()["pronouns"]
    relatives = settings()["relative_pronouns"]
    verbs = lexicon.verbs()
    acting_verbs = verbs["speech"] | verbs["event"]
    quotes = quoted_spans(text_of(doc))
    starts = [start for start, _ in quotes]
    found = []
    for i in candidates(doc, 0, frozenset(table) | relatives):
        token = doc[i]
        low = token.lower_
        if low in relatives:
            if described_noun(token) is not None:
                found.append(_pronoun(token, sent_of, "subj", None, relative=True))
            continue
        case = case_of(token)
        if case is None:
            continue
        if low == "it" and not _referential_it(token, case, acting_verbs, quotes, starts):
            continue
        if low == "its" and case != "poss":
            continue
        entry = table[low]
        mention = _pronoun(token, sent_of, case, entry.get("gender"))
        mention.plural = entry["number"] == "p"
        found.append(mention)
    return found


def _referential_it(
    token: Token, case: str | None, verbs: frozenset[str], quotes: list, starts: list[int]
) -> bool:
    """ "Russia said it would respond": "it" as the subject of a speech or event verb, in the
    narrative (inside quotations it is mostly empty: "it's not going to happen")."""
    return (
        case == "subj"
        and token.dep_ != "expl"
        and token.head.lemma_.lower() in verbs
        and not in_spans(token.idx, quotes, starts)
    )


def _pronoun(
    token: Token, sent_of: list[int], case: str, gender: str | None, relative: bool = False
) -> Mention:
    subject = case == "subj"
    extra: dict = {"case": case, "gender": gender}
    if relative:
        extra["relative"] = True
    return Mention(
        start=token.idx,
        end=token.idx + len(token.text),
        text=token.text,
        kind="pronoun",
        label="PRON",
        head=token.i,
        sent=sent_of[token.i],
        subject=subject,
        acting=subject,
        tokens=(token.i, token.i + 1),
        extra=extra,
    )


def case_of(token: Token) -> str | None:
    """``subj``, ``obj`` or ``poss`` from the token's dependency (conjuncts take the case of
    the first: "him and his wife"); None elsewhere."""
    seen = 0
    while token.dep_ == "conj" and token.head.i != token.i and seen < 8:
        token, seen = token.head, seen + 1
    if token.dep_ in SUBJECT_DEPS:
        return "subj"
    if token.dep_ in OBJECT_DEPS:
        return "obj"
    if token.dep_ == "poss":
        return "poss"
    return None


def described_noun(token: Token) -> Token | None:
    """The noun a relative pronoun's clause describes ("Scholz" for "Scholz, who said")."""
    if token.dep_ not in SUBJECT_DEPS | OBJECT_DEPS:
        return None
    verb = token.head
    if verb.dep_ != "relcl" or verb.head.i >= token.i:
        return None
    return verb.head if verb.head.pos_ in {"NOUN", "PROPN"} else None
