"""Direction of a time expression from the tense and aspect of the verb that governs it.

-1 (past: take the previous occurrence), +1 (future: the next one), 0 (nearest).
The governing verb is found by climbing the dependency tree from the expression; an
infinitive or a participle without a finite auxiliary passes the question to the verb
above it, except after verbs of planning ("scheduled to be held in June" looks ahead);
whatever a scheduling verb governs looks ahead ("has scheduled a news conference Thursday").
Modal auxiliaries other than "would"/"could" look ahead; "would" stays neutral because
reported speech uses it for past and future alike. The lexicons are ``data/verbs.json``.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from communique.times.grammar import vocabulary

MAX_CLIMB = 6


@functools.cache
def verbs() -> dict[str, frozenset[str]]:
    """The lexicons of ``data/verbs.json`` as sets (auxiliaries, scheduling verbs...)."""
    return {name: frozenset(words) for name, words in vocabulary("verbs").items()}


def direction(doc: Doc | None, start: int, end: int) -> int:
    """The direction implied by the verb governing the characters ``start:end`` of ``doc``:
    ±2 when the expression is an adverbial of that verb ("signed in June"), ±1 when it only
    bounds the verb's result or modifies a noun ("extended to Nov. 6", "the cutback in
    September"), which a tense does not place on its own side of the article's date."""
    if doc is None:
        return 0
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    found, firm = _verb_chain_direction(span.root)
    return 2 * found if firm and not _is_loose(span) else found


def _is_loose(span) -> bool:
    """Whether a time expression is an endpoint or hangs from a noun or an adjective rather
    than being a plain adverbial of a verb."""
    head = span.root.head
    if head.i == span.root.i:
        return False
    if head.dep_ == "prep" or head.pos_ == "ADP":
        if head.lower_ in verbs()["endpoint_preps"]:
            return True
        if head.head.i == head.i:
            return False
        head = head.head
    return head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and head.tag_ not in ("VBN", "VBG")


def _verb_chain_direction(token: Token) -> tuple[int, bool]:
    """-1/0/+1 from the first verb above ``token`` that has a tense, and whether that tense
    places the verb's adverbials firmly: a present perfect does not ("has set Nov. 10 as the
    deadline": English does not date a present perfect with a definite adverbial), nor does a
    verb reached through an infinitive, whose event comes after its own ("subpoenaed him to
    testify on Feb. 10")."""
    infinitive = False
    climbed_infinitive = False
    for _ in range(MAX_CLIMB):
        verb = _governing_verb(token)
        if verb is None:
            return 0, False
        if verb.lemma_ in verbs()["scheduling"] or (
            infinitive and verb.lemma_ in verbs()["planning"]
        ):
            return 1, True
        found = _verb_direction(verb)
        if found is not None:
            firm = not _present_perfect(verb) and not (climbed_infinitive and found < 0)
            return found, firm
        if verb.head == verb:
            return 0, False
        infinitive = verb.tag_ == "VB"
        climbed_infinitive = climbed_infinitive or (
            infinitive and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
        )
        token = verb.head
    return 0, False


def _present_perfect(verb: Token) -> bool:
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(words & {"has", "have", "'ve"}) and verb.tag_ == "VBN"


def governing_verb(doc: Doc | None, start: int, end: int) -> int | None:
    """The token index of the verb that governs the characters ``start:end``, if any."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    return None if verb is None else verb.i


def _governing_verb(token: Token) -> Token | None:
    """The first verb at or above ``token``."""
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") or token.tag_ in (
            "MD",
            "VBD",
            "VBZ",
            "VBP",
            "VBN",
            "VBG",
            "VB",
        ):
            if token.pos_ == "AUX" and token.dep_ in ("aux", "auxpass"):
                token = token.head
                continue
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def _verb_direction(verb: Token) -> int | None:
    """-1/0/+1 for a verb with a tense; None for a non-finite verb (look further up)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & verbs()["future_aux"]:
        return 1
    if words & verbs()["neutral_aux"]:
        return 0  # reported speech uses "would" for past and future alike
    if "to" in words and verb.lemma_ in verbs()["planning"]:
        return 1
    if any(a.tag_ == "VBD" for a in auxes) or words & {"had", "did"}:
        if verb.lemma_ in verbs()["planning"] and any(
            c.tag_ == "VB" and c.dep_ == "xcomp" for c in verb.children
        ):
            return 1
        return -1
    if words & {"has", "have", "'ve"} and verb.tag_ == "VBN":
        return -1
    if verb.tag_ == "VBD":
        return -1
    if words & verbs()["present_be"] or verb.tag_ in ("VBZ", "VBP"):
        if verb.lemma_ in verbs()["planning"] and (verb.tag_ == "VBN" or _has_xcomp(verb)):
            return 1
        if verb.tag_ == "VBG" and words & verbs()["present_be"]:
            return (
                1
                if verb.lemma_ in ("go", "meet", "visit", "hold", "leave", "travel", "come")
                else 0
            )
        return 0
    if verb.tag_ == "VBN" and verb.dep_ in ("amod", "acl"):
        # "the meeting scheduled for June" looks ahead, "the injunction issued Thursday" back
        return 1 if verb.lemma_ in verbs()["planning"] else -1
    if verb.tag_ == "MD":
        return 1 if verb.lower_ in verbs()["future_aux"] else 0
    if verb.tag_ == "VBG" and verb.dep_ not in ("xcomp", "conj"):
        return 0  # a gerund names an activity; it has no tense of its own
    if verb.tag_ in ("VB", "VBG", "VBN") and verb.dep_ in (
        "xcomp",
        "advcl",
        "acl",
        "relcl",
        "ccomp",
        "pcomp",
        "conj",
        "dep",
        "amod",
    ):
        return None
    if verb.tag_ == "VB" and "to" in words:
        return None
    return 0


def _has_xcomp(verb: Token) -> bool:
    return any(c.dep_ == "xcomp" for c in verb.children)
