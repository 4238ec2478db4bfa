"""Statements of intent: an action announced for the future is coded as the announcement.

PLOVER (after CAMEO's categories 03, 12 and 13) codes "X will provide aid to Y", "X is
ready to lift the embargo" as AGREE (intent to cooperate, aid or yield), "X will impose a
curfew", "X may halt its mediation" as THREATEN (intent to sanction, coerce or attack) and
"X will not release the prisoners" as REJECT (refusal to yield): what happened is the
statement, not the action. A trigger of a listed type is recoded when its clause carries a
future or modal auxiliary, or completes a verb or adjective of intent ("agreed to", "plans
to", "ready to"). Meetings stay CONSULT with a planned status.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from importlib import resources

from spacy.tokens import Token

from communique import cameo
from communique.events.participants import LIGHT_VERBS
from communique.events.triggers import TriggerMatch

# Dependencies through which a clause leads up to the verb or adjective it completes.
UPWARD_DEPS = frozenset({"xcomp", "conj", "dobj", "pobj", "prep", "acomp", "compound"})
RECODED_TYPES = ("AGREE", "THREATEN", "REJECT")
THREAT_CODE = "130"  # threaten, not specified


@dataclasses.dataclass(frozen=True)
class IntentTable:
    governors: frozenset[str]
    threat_governors: frozenset[str]  # under these, whatever is announced is a threat
    auxiliaries: frozenset[str]
    # resulting type -> (code per original type, code per original CAMEO code)
    recoding: dict[str, tuple[dict[str, str], dict[str, str]]]

    def target(self, type_: str, code: str, negated: bool) -> tuple[str, str] | None:
        """The statement's type and CAMEO code for a trigger's, or None when there is none."""
        for new_type in ("REJECT",) if negated else ("AGREE", "THREATEN"):
            by_type, by_code = self.recoding[new_type]
            if type_ in by_type:
                return new_type, by_code.get(code, by_type[type_])
        return None


@functools.cache
def intent_table() -> IntentTable:
    """The intent lists of ``data/context.json``, loaded once."""
    data = resources.files("communique.events") / "data" / "context.json"
    intent = json.loads(data.read_text(encoding="utf-8"))["intent"]
    return IntentTable(
        governors=frozenset(intent["governors"]),
        threat_governors=frozenset(intent["threat_governors"]),
        auxiliaries=frozenset(intent["auxiliaries"]),
        recoding={t: (dict(intent[t]["types"]), dict(intent[t]["codes"])) for t in RECODED_TYPES},
    )


def recode(match: TriggerMatch) -> TriggerMatch:
    """The match itself, or as a statement of intent when its clause announces it."""
    table = intent_table()
    announcement = _announcement(match, table)
    if announcement is None:
        return match
    target = table.target(match.entry.type, match.entry.cameo, announcement == "refusal")
    if announcement == "threat" and match.entry.type != "THREATEN":
        by_code = table.recoding["THREATEN"][1]
        target = ("THREATEN", by_code.get(match.entry.cameo, THREAT_CODE))
    if target is None:
        return match
    return _as(match, *target)


def _as(match: TriggerMatch, new_type: str, code: str) -> TriggerMatch:
    known = cameo.table().get(code)
    entry = dataclasses.replace(
        match.entry,
        type=new_type,
        cameo=code,
        mode=known.plover_mode if known else None,
        intent=True,
    )
    return dataclasses.replace(match, entry=entry)


def _announcement(match: TriggerMatch, table: IntentTable) -> str | None:
    """ "intent" when the trigger's clause is future, modal or completes an intent word,
    "threat" when that word threatens ("threatened to pull out"), "refusal" when such a
    clause is negated ("will not release"), else None."""
    head = match.head
    if _object_of_other_verb(head, match.entry.gov):
        return None
    negated = announced = threat = False
    for token in _clause(head):
        children = list(token.children)
        negated = negated or any(c.dep_ == "neg" for c in children)
        if _modal_future(children, table) or (token.i != head.i and _is_intent_word(token, table)):
            announced = True
            threat = token.i != head.i and token.lemma_.lower() in table.threat_governors
            break
    if not announced:
        return None
    if negated:
        return "refusal"
    return "threat" if threat else "intent"


def _modal_future(children: list[Token], table: IntentTable) -> bool:
    """A future or modal auxiliary, but not a guess about the past ("may have killed")."""
    auxiliaries = [c.lower_ for c in children if c.dep_ == "aux"]
    return "have" not in auxiliaries and any(a in table.auxiliaries for a in auxiliaries)


def _object_of_other_verb(head: Token, governors: frozenset[str] | None = None) -> bool:
    """A nominal trigger that is the object of a verb other than the one carrying it: what is
    announced is "postponing the demonstration" or "lifting the embargo", not either; nor is
    a noun after a preposition ("will call for sanctions") announced by its clause."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.dep_ == "pobj":
        return True
    verb = head.head.lemma_.lower()
    # a verb the noun's entry asks for carries it like a light verb ("strengthen coordination")
    carrying = LIGHT_VERBS | (governors or frozenset())
    return head.dep_ in ("dobj", "nsubjpass") and verb not in carrying


def _is_intent_word(token: Token, table: IntentTable) -> bool:
    return token.pos_ in ("VERB", "ADJ") and token.lemma_.lower() in table.governors


def _clause(head: Token) -> list[Token]:
    """The trigger, the verb carrying it (a noun's verb: "will impose sanctions") and the
    verbs and adjectives it completes ("is ready to send"), up to the clause's top; a
    reported clause ("said it would ...") is its own top."""
    chain = [head]
    current = head
    for _ in range(6):
        if current.dep_ not in UPWARD_DEPS or current.head.i == current.i:
            break
        current = current.head
        chain.append(current)
    return chain
