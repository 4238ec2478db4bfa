"""When, where and how sure: an event's date, location and status from its clause."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from communique.events.triggers import TriggerMatch
from communique.model import Location, Report, Time

# TIMEX3 values that name a calendar date (not PRESENT_REF, durations or sets).
DATE_VALUE = re.compile(r"^\d{4}(-(\d{2}|W\d{2}|SP|SU|FA|WI|Q\d|H\d))?(-\d{2})?")
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODALS = frozenset({"could", "may", "might", "would", "should", "can"})
PLANNING_VERBS = frozenset(
    {
        "plan",
        "schedule",
        "expect",
        "agree",
        "intend",
        "prepare",
        "set",
        "aim",
        "hope",
        "offer",
        "decide",
        "arrange",
        "invite",
        "instruct",
        "promise",
        "pledge",
        "vow",
    }
)
# Verbs whose complement is wanted or feared, not done ("threatened to shell", "urged X to").
HYPOTHETICAL_GOVERNORS = frozenset(
    {
        "threaten",
        "warn",
        "demand",
        "urge",
        "ask",
        "request",
        "press",
        "call",
        "appeal",
        "propose",
        "suggest",
        "consider",
        "want",
        "seek",
    }
)
FUTURE_MODIFIERS = frozenset(
    {
        "next",
        "upcoming",
        "planned",
        "future",
        "forthcoming",
        "proposed",
        "scheduled",
        "soon",
        "coming",
    }
)
NEGATORS = frozenset({"not", "n't", "never", "no"})
FAILURE_VERBS = frozenset(
    {"fail", "refuse", "decline", "reject", "cancel", "postpone", "call", "deny"}
)
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
LOCATION_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "to", "into"}
)
DIRECTIONS = frozenset({"to", "into"})
# How many tokens before a place a trigger may stand when the parse links the place to none.
NEAREST_TRIGGER_WINDOW = 14
# Prepositions that put one event inside another ("agreed at a meeting in Singapore").
LINKING_PREPS = frozenset({"at", "during", "on", "after", "ahead", "before", "in"})


class TokenIndex:
    """Maps character offsets of the text to the doc's tokens."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def token_at(self, offset: int) -> Token | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def head_of(self, start: int, end: int) -> Token | None:
        """The syntactic head of the tokens in [start, end)."""
        first = self.token_at(start)
        if first is None:
            return None
        last = self.token_at(max(start, end - 1)) or first
        span = self.doc[first.i : last.i + 1]
        return span.root


def anchors(match: TriggerMatch) -> list[Token]:
    """Tokens whose dependents describe the trigger: itself, the noun it counts ("the next
    round of talks") and the light verb carrying the noun ("talks were held")."""
    head = match.head
    found = [head]
    if head.pos_ not in ("NOUN", "PROPN"):
        return found
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        head = head.head.head
        found.append(head)
    if head.dep_ in ("nsubjpass", "nsubj", "dobj") and head.head.pos_ in ("VERB", "AUX"):
        found.append(head.head)
    return found


def attach(
    items, index: TokenIndex, owners: dict[int, int], where: bool = False, visits=frozenset()
) -> dict[int, list]:
    """Assign each time or place to the nearest trigger anchor above it in the parse.

    ``owners`` maps anchor token indices to trigger numbers; the result maps trigger
    numbers to the items attached to them, in input order. With ``where``, only items
    governed by a preposition of place count ("in Moscow", not "Tokyo praises"); "to X"
    counts only for the triggers in ``visits``.
    """
    attached: dict[int, list] = {}
    for item in items:
        token = index.head_of(item.start, item.end)
        preposition = _place_preposition(token) if where and token is not None else None
        if token is None or (where and preposition is None):
            continue
        owner = owner_above(token, owners)
        if owner is None and preposition is not None:
            owner = _owner_before(preposition, owners)
        if owner is not None and (
            preposition is None or preposition.lower_ not in DIRECTIONS or owner in visits
        ):
            attached.setdefault(owner, []).append(item)
    return attached


def owner_above(token: Token, owners: dict[int, int]) -> int | None:
    for _ in range(12):
        if token.i in owners:
            return owners[token.i]
        if token.head == token:
            return None
        token = token.head
    return None


def _owner_before(token: Token, owners: dict[int, int]) -> int | None:
    """The nearest trigger shortly before the token in its sentence (for places the parser
    hangs on the main verb: "talks in February, on the sidelines of the X Conference")."""
    first = max(token.sent.start, token.i - NEAREST_TRIGGER_WINDOW)
    for i in range(token.i - 1, first - 1, -1):
        if i in owners:
            return owners[i]
    return None


def _place_preposition(token: Token) -> Token | None:
    """The preposition of place governing a place ("in Moscow"), also through "the outskirts
    of X" and "on the sidelines of X"; None when the place is not where something happens."""
    while token.dep_ in ("compound", "amod", "appos", "conj") and token.head != token:
        token = token.head
    climbed = False
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "pobj":
        token, climbed = token.head.head, True
    preps = LOCATION_PREPS | {"on"} if climbed else LOCATION_PREPS
    if token.dep_ == "pobj" and token.head.lower_ in preps:
        return token.head
    return None


def event_date(times: list[Time]) -> str | None:
    """The calendar date of the first dated expression attached to the event."""
    for time in times:
        if time.type in ("DATE", "TIME") and time.value and DATE_VALUE.match(time.value):
            return time.value.split("T")[0]
    return None


def event_location(places: list) -> Location | None:
    """The first place attached to the event (a toponym, or a place inside a name)."""
    for place in places:
        return Location(
            place=getattr(place, "id", None),
            name=place.name,
            country=place.country,
            lat=place.lat,
            lon=place.lon,
        )
    return None


def status(match: TriggerMatch, article_date: str | None, date: str | None) -> str:
    """negated, hypothetical, planned or occurred, from the trigger's clause."""
    chain = _clause_chain(match)
    if _negated(match, chain):
        return "negated"
    if _hypothetical(chain):
        return "hypothetical"
    if _planned(match, chain) or _after(date, article_date):
        return "planned"
    return "occurred"


CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _after(date: str | None, article_date: str | None) -> bool:
    """Whether a calendar date lies after the article's date, at the date's own precision."""
    if not date or not article_date or not CALENDAR.match(date):
        return False
    return date > article_date[: len(date)]


def _clause_chain(match: TriggerMatch) -> list[Token]:
    """The trigger, the verb that carries it, and the verbs it complements."""
    chain = list(anchors(match))
    current = chain[-1]
    for _ in range(4):
        if (
            current.dep_ not in ("xcomp", "pobj", "prep", "pcomp", "dobj", "relcl", "acl")
            or current.head == current
        ):
            break
        current = current.head
        chain.append(current)
    return chain


def _negated(match: TriggerMatch, chain: list[Token]) -> bool:
    head = match.head
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in head.children):
        return True
    if _after_nor(head):
        return True
    for token in chain[1:]:
        if any(c.dep_ == "neg" for c in token.children):
            return True
        if token.lemma_.lower() in FAILURE_VERBS and token.pos_ == "VERB" and token != head:
            return token.lemma_.lower() != "call" or any(c.lower_ == "off" for c in token.children)
    return any(c.dep_ == "neg" for c in chain[0].children)


def _after_nor(token: Token) -> bool:
    """A conjunct after "nor" ("has given no order, nor offered a timetable") or the first
    conjunct of "neither ... nor"."""
    if token.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ == "nor" and c.i < token.i for c in token.head.children
    ):
        return True
    return any(c.dep_ == "preconj" and c.lower_ == "neither" for c in token.children)


COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj"})


def _governs_complement(chain: list[Token], token: Token, lemmas: frozenset[str]) -> bool:
    """Whether ``token`` is one of ``lemmas`` and the chain reaches it through a complement
    ("agreed to hold talks"), not through a preposition ("agreed at a meeting")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lemmas:
        return False
    position = chain.index(token)
    return position > 0 and chain[position - 1].dep_ in COMPLEMENT_DEPS


def _hypothetical(chain: list[Token]) -> bool:
    if any(_governs_complement(chain, t, HYPOTHETICAL_GOVERNORS) for t in chain):
        return True
    for token in chain:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in MODALS:
                return True
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                return True
    return False


def _planned(match: TriggerMatch, chain: list[Token]) -> bool:
    for token in chain:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in FUTURE_AUX:
                return True
            if child.dep_ in ("amod", "advmod") and child.lower_ in FUTURE_MODIFIERS:
                return True
        if _governs_complement(chain, token, PLANNING_VERBS):
            return True
    noun_heads = [match.head.head] if match.head.dep_ == "pobj" else []
    for noun in noun_heads:
        owner = noun.head if noun.dep_ == "prep" else noun
        if any(c.dep_ == "amod" and c.lower_ in FUTURE_MODIFIERS for c in owner.children):
            return True
    return False


def report_times(report: Report) -> list[Time]:
    return [t for t in report.times if t.type in ("DATE", "TIME")]
