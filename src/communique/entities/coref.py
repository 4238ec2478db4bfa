"""Coreference decisions a careful reader makes, on mentions already grouped into clusters.

- A pronoun takes the cluster of its antecedent where number and gender agree: first the
  subject of the verb that reports its clause ("Obama said *he* ..."), for a possessive the
  subject of its own clause ("Obama met *his* counterpart"), else the most salient mention
  of the last couple of sentences (recent, and a subject rather than an object; outside
  quotations unless the pronoun is quoted too). An object pronoun never stands for the
  subject of its own clause ("Obama told *him*"), nor a pronoun for the person whose phrase
  contains it ("Nhek Bunchhay, *his* top commander").
- A descriptor goes to the most salient candidate: the one last seen as a subject, outside
  quotations; holders whose title is in the text come before those known only from the actor
  table.
- A domestic body with no named antecedent ("the government", "authorities") belongs to the
  country the article is about, when one country clearly dominates it.
- A state role owned by someone ("Mr Putin's spokesman", "his government") takes its
  owner's country.
- A titled office of a country that the article never names a holder for ("Russia's
  president" on 2016-12-16) is its holder on the article's date, from the dated actor table,
  when the table knows exactly one.

The clusters are :class:`communique.entities.cluster.Cluster`; this module reads their
mentions, label, table entry and gender counts.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import TYPE_CHECKING

from communique.countries import GROUP_CODES
from communique.entities import actors, lexicon
from communique.entities.country_codes import country_of_name, org_country, place_country
from communique.entities.lexicon import fold, strip_article
from communique.entities.mentions import Mention
from communique.entities.mentions.pronouns import settings
from communique.entities.mentions.roles import role_key

if TYPE_CHECKING:
    from communique.entities.cluster import Cluster

PRONOUN_WINDOW = 2  # sentences back for a pronoun's antecedent
# Salience weights after Lappin and Leass (1994): a subject two sentences back still counts
# (45), so does an object (32.5); another mention only in the same or the previous sentence.
RECENCY, SUBJECT, ACTING = 100, 80, 30
MIN_SALIENCE = 30
BODY_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"})
COLLECTIVE_LABELS = frozenset({"GROUP", "NORP"})
NO_COUNTRY = GROUP_CODES  # codes of bodies that are no country
DOMINANCE = 2  # the article's country is named at least this many times as often as any other
MIN_COUNTRY_MENTIONS = 3


# ----------------------------------------------------------------------------- pronouns


def resolve_pronoun(
    pronoun: Mention, before: list[tuple[Mention, Cluster]], excluded: tuple = ()
) -> Cluster | None:
    """The cluster a pronoun stands for, from the placed mentions before it (text order);
    ``excluded`` are clusters it cannot stand for (the one whose phrase contains it)."""
    window = [
        (m, c)
        for m, c in before
        if pronoun.sent - m.sent <= PRONOUN_WINDOW
        and not m.start <= pronoun.start < m.end  # "his" is no antecedent of "his counterpart"
        and all(c is not other for other in excluded)
        and agrees(pronoun, m, c)
    ]
    case = pronoun.extra.get("case")
    clause_subject = pronoun.extra.get("clause_subject")
    binder = pronoun.extra.get("binder")
    rival = pronoun.extra.get("rival")
    if rival is not None and any(m.head == rival for m, _ in window):
        binder = None  # "Warren told Stumpf he ...": either may be meant
    for wanted in (binder, clause_subject if case == "poss" else None):
        if wanted is not None:
            bound = next(((m, c) for m, c in reversed(window) if m.head == wanted), None)
            if bound is not None:
                # "Warren said she ...": a pronoun bound to a name by its reporting verb tells
                # that name's gender ("Warren grilled Stumpf for his role" does not)
                pronoun.extra["bound"] = wanted == binder and bound[0].kind != "pronoun"
                return bound[1]
            blocks = "binder_blocks" if wanted == binder else "subject_blocks"
            if pronoun.extra.get(blocks):
                return None  # "One expert said he ...": the expert, nobody named
    if case == "obj" and clause_subject is not None:
        subject = next((c for m, c in before if m.head == clause_subject), None)
        window = [(m, c) for m, c in window if c is not subject]
    quoted = pronoun.extra.get("quoted", False)
    best: tuple[float, int] | None = None
    chosen = None
    for m, c in window:
        if m.extra.get("quoted") and not quoted:
            continue
        rank = (salience_weight(m, pronoun.sent), m.start)
        if rank[0] >= MIN_SALIENCE and (best is None or rank > best):
            best, chosen = rank, (m, c)
    if chosen is None or (pronoun.plural and chosen[0].extra.get("coordinated")):
        return None  # "Saudi Arabia and Iran ... their ministers": no one of them
    return chosen[1]


def salience_weight(mention: Mention, sentence: int) -> float:
    """A mention's pull on a later pronoun: recency, halved for each sentence back, and its
    grammatical role (subjects pull hardest, then objects and partners)."""
    weight = RECENCY + (SUBJECT if mention.subject else ACTING if mention.acting else 0)
    return weight / 2 ** max(0, sentence - mention.sent)


def bound_genders(mentions: list[Mention], owner: dict[int, Cluster]) -> None:
    """Before any pronoun is placed: "Trump claimed that he ..." tells Trump's gender, so
    an earlier "she" cannot go to him. Counts each pronoun bound by its reporting verb to a
    person's name (with no addressee beside it) for that person."""
    by_head = {m.head: n for n, m in enumerate(mentions) if m.kind == "name" and n in owner}
    for mention in mentions:
        gender = mention.extra.get("gender")
        binder = mention.extra.get("binder")
        if mention.kind != "pronoun" or gender not in {"m", "f"} or binder not in by_head:
            continue
        if mention.extra.get("rival") is not None:
            continue
        cluster = owner[by_head[binder]]
        if cluster.label == "PERSON":
            cluster.genders[gender] += 1
            mention.extra["counted"] = True


def agrees(pronoun: Mention, candidate: Mention, cluster: Cluster) -> bool:
    """Number and gender: he/she for one person of that (or unknown) gender, it for a body or
    place, they for a group or a people (a country or an organisation only as a subject)."""
    if candidate.kind == "pronoun" and candidate.extra.get("relative"):
        return False
    if candidate.extra.get("adjective") or candidate.extra.get("modifier"):
        return False  # "an Indian proposal", "rebel-held": no antecedent
    gender = pronoun.extra.get("gender")
    if pronoun.plural:  # a country or an organisation is "they" only as a subject
        if cluster.label in {"GPE", "ORG"}:
            return candidate.subject and candidate.kind != "pronoun"
        return cluster.label in COLLECTIVE_LABELS and candidate.plural
    if gender == "n":
        if cluster.label in BODY_LABELS:
            return True
        return cluster.label == "GROUP" and bool(candidate.extra.get("singular"))
    if cluster.label != "PERSON" or candidate.plural:
        return False
    known = gender_of(cluster)
    return known is None or gender is None or known == gender


def gender_of(cluster: Cluster) -> str | None:
    """The gender the cluster's titles, nouns and pronouns tell, when they agree by majority."""
    counts = cluster.genders
    male, female = counts.get("m", 0), counts.get("f", 0)
    if male == female:
        return None
    return "m" if male > female else "f"


# ----------------------------------------------------------------------------- descriptors


def salience(cluster: Cluster, position: int, sentence: int, window: int) -> tuple[int, int]:
    """(start of the last subject mention outside quotations, start of the last mention)
    before ``position`` and within ``window`` sentences; -1 where there is none."""
    subject = last = -1
    for m in cluster.mentions:
        if m.start >= position or sentence - m.sent > window:
            continue
        last = max(last, m.start)
        if m.subject and not m.extra.get("quoted"):
            subject = max(subject, m.start)
    return subject, last


def titled_in_text(cluster: Cluster, position: int) -> bool:
    """The cluster's title was written before ``position`` (not only known from the table)."""
    return any(
        m.start < position
        and m.role_key
        and m.role_key != "counterpart"
        and (m.kind == "role" or m.role)
        for m in cluster.mentions
    )


# ----------------------------------------------------------------------------- countries


def cluster_country(cluster: Cluster) -> str | None:
    """The country a cluster stands for or belongs to, as far as the clustering knows it."""
    if cluster.country:
        return cluster.country
    for m in cluster.mentions:
        if m.kind != "name":
            continue
        key = strip_article(fold(m.name or m.text))
        if cluster.label in {"GPE", "LOC"}:
            code = place_country(key)
        else:
            seat = lexicon.seats().get(key)
            code = seat[0] if seat else org_country(key)
        if code:
            return code
    return None


def main_country(mentions: list[Mention]) -> str | None:
    """The country the article is about: named (as a country, capital, seat, nationality or
    title) at least ``DOMINANCE`` times as often as any other and at least
    ``MIN_COUNTRY_MENTIONS`` times; else None."""
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.kind == "pronoun" or m.extra.get("country_from"):
            continue
        code = m.country
        if code is None and m.kind == "name" and m.label in {"GPE", "LOC", "ORG", "FAC"}:
            key = strip_article(fold(m.name or m.text))
            seat = lexicon.seats().get(key)
            code = seat[0] if seat else place_country(key) if m.label != "ORG" else None
            code = code or (country_of_name(key) if m.label == "ORG" else None)
        if code and code not in NO_COUNTRY:
            counts[code] += 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= MIN_COUNTRY_MENTIONS and n >= DOMINANCE * second else None


def is_domestic_body(mention: Mention) -> bool:
    """ "the government", "authorities", "the army": a state body of whatever country."""
    return (
        mention.kind == "role"
        and mention.country is None
        and mention.role_key in settings()["domestic_bodies"]
        and (mention.definite or mention.extra.get("bare", False))
        and mention.extra.get("owner") is None
    )


def inherits_owner_country(mention: Mention) -> bool:
    """A state role with a possessor and no country of its own ("Mr Putin's spokesman")."""
    if mention.kind != "role" or mention.country or mention.role_key == "counterpart":
        return False
    if mention.extra.get("owner") is None:
        return False
    role = lexicon.roles().get(mention.role_key or "")
    sector = mention.sector or (role.sector if role else None)
    return sector in settings()["owned_sectors"]


# ----------------------------------------------------------------------------- offices


def current_office(mention: Mention) -> bool:
    """ "Russia's president", "the Chinese foreign minister": a definite office of a country
    held now (not "the former president", "the president-elect")."""
    if mention.kind != "role" or mention.plural or not mention.definite:
        return False
    if not (mention.country and mention.role_key) or mention.sector == "ELI":
        return False
    words = set(fold(mention.text).replace("-", " ").split())
    return not words & settings()["not_current"]


def office_holder(country: str, role: str, date: str | None) -> actors.ActorRole | None:
    """The one person the actor table has in ``role`` (a role key) for ``country`` on
    ``date``; None without a date, or when it knows nobody or several."""
    if not date:
        return None
    rows = [row for row in _offices().get((country, role), ()) if row.holds_on(date)]
    return rows[0] if len({row.name for row in rows}) == 1 else None


@functools.cache
def _offices() -> dict[tuple[str, str], tuple[actors.ActorRole, ...]]:
    """The curated tables' rows by (country, role key)."""
    index: dict[tuple[str, str], list[actors.ActorRole]] = {}
    for row in actors.curated_rows():
        key = role_key(row.role) if row.role else None
        if key and row.country:
            index.setdefault((row.country, key), []).append(row)
    return {key: tuple(rows) for key, rows in index.items()}
