"""Clustering mentions into one entity per referent within an article.

Rules, in order: names by variant (person names) or by key (organisations, countries,
acronyms); role nouns in apposition to a name; descriptors ("the diplomat") to the most
recent compatible person through the role hierarchy, unless two candidates fit equally;
groups ("police") by role and country; pronouns to the nearest compatible subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from communique.entities import actors, lexicon
from communique.entities.lexicon import fold, strip_article
from communique.entities.mentions import Mention, country_of_name
from communique.entities.names import name_match, name_tokens

DESCRIPTOR_WINDOW = 12  # sentences back from the descriptor to a candidate's last mention
PRONOUN_WINDOW = 2  # sentences back for a pronoun's antecedent
ACRONYM_STOP = frozenset(
    {"of", "the", "and", "for", "&", "de", "du", "des", "la", "le", "on", "in"}
)


@dataclass
class Cluster:
    """Mentions of one referent; the coder turns it into an entity."""

    label: str
    mentions: list[Mention] = field(default_factory=list)
    key: str | None = None
    variants: list[tuple[str, ...]] = field(default_factory=list)
    table: actors.ActorRole | None = None  # the curated table's entry at the article's date

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def last_before(self, position: int) -> Mention | None:
        earlier = [m for m in self.mentions if m.start < position]
        return max(earlier, key=lambda m: m.start) if earlier else None

    @property
    def role_key(self) -> str | None:
        for mention in self.mentions:
            if mention.kind == "name" and mention.role_key and mention.role_key != "counterpart":
                return mention.role_key
        if self.table and self.table.role:
            from communique.entities.mentions import role_key

            return role_key(self.table.role)
        for mention in self.mentions:
            if mention.role_key and mention.role_key != "counterpart":
                return mention.role_key
        return None

    @property
    def country(self) -> str | None:
        for mention in self.mentions:
            if mention.country:
                return mention.country
        return self.table.country if self.table else None

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        if mention.kind == "name" and self.label == "PERSON":
            tokens = name_tokens(mention.name or mention.text)
            if tokens and tokens not in self.variants:
                self.variants.append(tokens)


def cluster_mentions(mentions: list[Mention], date: str | None = None) -> list[Cluster]:
    """Group the mentions (in text order) into clusters, ordered by first mention."""
    clusters: list[Cluster] = []
    owner: dict[int, Cluster] = {}
    for n, mention in enumerate(mentions):
        if mention.kind == "name":
            cluster = _place_name(mention, clusters, mentions, n)
            owner[n] = cluster
    for cluster in clusters:
        if cluster.label == "PERSON":
            cluster.table = actors.lookup(_fullest(cluster), date)
    for n, mention in enumerate(mentions):
        if mention.kind == "role":
            owner[n] = _place_role(mention, clusters, mentions, owner)
        elif mention.kind == "pronoun":
            cluster = _resolve_pronoun(mention, mentions[:n], owner)
            if cluster is not None:
                cluster.add(mention)
                owner[n] = cluster
    result = [c for c in clusters if c.mentions]
    for c in result:
        c.mentions.sort(key=lambda m: (m.start, -m.end))
    result.sort(key=lambda c: (c.first, c.mentions[0].end))
    return result


def _fullest(cluster: Cluster) -> str:
    names = [m.name or m.text for m in cluster.mentions if m.kind == "name"]
    return (
        max(names, key=lambda name: (len(name_tokens(name)), len(name), -names.index(name)))
        if names
        else ""
    )


# ----------------------------------------------------------------------------- names


def _place_name(
    mention: Mention, clusters: list[Cluster], mentions: list[Mention], n: int
) -> Cluster:
    label = _effective_label(mention)
    if label == "PERSON":
        cluster = _best_person(mention, clusters)
    else:
        cluster = _match_key(mention, label, clusters, mentions, n)
    if cluster is None:
        cluster = Cluster(label=label, key=None if label == "PERSON" else _name_key(mention, label))
        clusters.append(cluster)
    cluster.add(mention)
    return cluster


def _effective_label(mention: Mention) -> str:
    """spaCy sometimes calls the Kremlin a person or Abe a place: known names decide."""
    key = strip_article(fold(mention.name or mention.text))
    if mention.label == "PERSON" and (
        key in lexicon.organisations() or key in lexicon.seats() or key in lexicon.countries()
    ):
        return "GPE" if key in lexicon.countries() else "ORG"
    if mention.label in {"ORG", "FAC"} and key in lexicon.countries():
        return "GPE"  # "the United States" tagged as an organisation
    if (
        mention.label == "ORG"
        and key not in lexicon.organisations()
        and actors.is_known_person(mention.name or mention.text)
    ):
        return "PERSON"  # "Moody Awori" tagged as an organisation
    return mention.label


def _name_key(mention: Mention, label: str) -> str:
    key = strip_article(fold(mention.name or mention.text))
    org = lexicon.organisations().get(key)
    if org is not None:
        return "org:" + org.name
    if label in {"GPE", "LOC", "NORP"}:
        code = country_of_name(key)
        if code and label != "NORP":
            return "country:" + code
    if key in lexicon.seats():
        return "seat:" + key
    return f"{label}:{key}"


def _match_key(
    mention: Mention, label: str, clusters: list[Cluster], mentions: list[Mention], n: int
) -> Cluster | None:
    key = _name_key(mention, label)
    for cluster in clusters:
        if cluster.key == key:
            return cluster
    text = strip_article(fold(mention.name or mention.text))
    words = text.split()
    if len(words) == 1:
        # a single word that is a known person's surname is that person ("Abe" tagged as a place)
        if not key.startswith(("org:", "country:", "seat:")):
            person = _best_person(mention, clusters, exact_only=True)
            if person is not None:
                return person
        acronym = (mention.name or mention.text).replace(".", "")
        if acronym.isupper() and 2 <= len(acronym) <= 8:
            for cluster in reversed(clusters):
                if cluster.label in {"ORG", "GPE", "FAC"} and _initials(cluster) == acronym:
                    return cluster
    # "Asia-Pacific Economic Cooperation (APEC)": an acronym in brackets right after a name
    if n > 0 and mention.text.isupper():
        previous = mentions[n - 1]
        gap = mention.start - previous.end
        if previous.kind == "name" and 0 < gap <= 3 and mention.extra.get("bracketed"):
            for cluster in clusters:
                if previous in cluster.mentions:
                    return cluster
    return None


def _initials(cluster: Cluster) -> str:
    names = [m.name or m.text for m in cluster.mentions if m.kind == "name"]
    longest = max(names, key=len)
    words = [
        w
        for w in re.split(r"[\s\-]+", strip_article(longest))
        if w and w.lower() not in ACRONYM_STOP
    ]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def _best_person(
    mention: Mention, clusters: list[Cluster], exact_only: bool = False
) -> Cluster | None:
    tokens = name_tokens(mention.name or mention.text)
    best: tuple[float, int, int] | None = None
    chosen = None
    for order, cluster in enumerate(clusters):
        if cluster.label != "PERSON" or not cluster.variants:
            continue
        full = max(cluster.variants, key=len)
        score = max(name_match(tokens, variant) for variant in cluster.variants)
        score = max(score, name_match(tokens, full))
        if score == 0 and len(tokens) == 1 and tokens in actors.short_forms(" ".join(full)):
            score = 0.8
        if score <= 0 or (exact_only and score < 0.9):
            continue
        if len(tokens) >= 2 and len(full) >= 2 and not _compatible_full_names(tokens, cluster):
            continue
        rank = (
            score,
            max(m.start for m in cluster.mentions),
            order,
        )  # ties: the most recently mentioned
        if best is None or rank > best:
            best, chosen = rank, cluster
    return chosen


def _compatible_full_names(tokens: tuple[str, ...], cluster: Cluster) -> bool:
    """Every full variant of the cluster must accept this full name (guards against merging
    two people who share a surname through a surname-only variant)."""
    return all(name_match(tokens, v) > 0 for v in cluster.variants if len(v) >= 2)


# ----------------------------------------------------------------------------- role nouns


def _place_role(
    mention: Mention, clusters: list[Cluster], mentions: list[Mention], owner: dict[int, Cluster]
) -> Cluster:
    cluster = None
    if mention.link is not None and mention.link in owner:
        cluster = owner[mention.link]
    elif not mention.plural and mention.definite and mention.role_key != "counterpart":
        cluster = _resolve_descriptor(mention, clusters)
    elif mention.plural:
        cluster = next(
            (c for c in clusters if c.key == _group_key(mention)),
            None,
        )
    if cluster is None:
        cluster = Cluster(
            label=_role_label(mention), key=_group_key(mention) if mention.plural else None
        )
        clusters.append(cluster)
    cluster.add(mention)
    return cluster


def _group_key(mention: Mention) -> str:
    return f"group:{mention.role_key}:{mention.country}:{mention.sector}"


def _role_label(mention: Mention) -> str:
    role = lexicon.roles().get(mention.role_key or "")
    if role is not None and role.group and not mention.plural:
        return "ORG"
    return "GROUP" if mention.plural else "PERSON"


def _resolve_descriptor(mention: Mention, clusters: list[Cluster]) -> Cluster | None:
    """The most recent person whose role is a kind of the descriptor's role (and whose
    country agrees); None when none fits or when two fit equally well."""
    wanted = mention.role_key
    if wanted is None:
        return None
    scored: list[tuple[int, int, Cluster]] = []
    for cluster in clusters:
        if cluster.label != "PERSON" or not any(m.kind == "name" for m in cluster.mentions):
            continue
        last = cluster.last_before(mention.start)
        if last is None or mention.sent - last.sent > DESCRIPTOR_WINDOW:
            continue
        have = _role_of(cluster, clusters)
        if have is None or wanted not in lexicon.role_ancestors(have):
            continue
        country = cluster.country
        if mention.country and country and mention.country != country:
            continue
        if mention.country and not country:
            continue
        tier = 0 if have == wanted else 1
        scored.append((tier, -last.start, cluster))
    if not scored:
        return None
    scored.sort(key=lambda item: (item[0], item[1]))
    best_tier = scored[0][0]
    same_tier = [item for item in scored if item[0] == best_tier]
    if len(same_tier) > 1 and not _more_specific(same_tier, clusters):
        return None  # "the president" with two presidents in the text: leave it alone
    return same_tier[0][2]


def _more_specific(candidates: list, clusters: list[Cluster]) -> bool:
    """Several candidates fit; they are still told apart when their roles differ (the
    nearest wins only against others of a different role)."""
    roles = {_role_of(c, clusters) for _, _, c in candidates}
    return len(roles) == len(candidates)


def _role_of(cluster: Cluster, clusters: list[Cluster]) -> str | None:
    key = cluster.role_key
    if key is None and any(m.counterpart for m in cluster.mentions):
        partner = counterpart_of(cluster, clusters)
        key = partner.role_key if partner else None
    return key


def counterpart_of(cluster: Cluster, clusters: list[Cluster]) -> Cluster | None:
    """For "his Japanese counterpart Takeo Mori": the nearest person named before."""
    mention = next((m for m in cluster.mentions if m.counterpart), None)
    if mention is None:
        return None
    best = None
    for other in clusters:
        if other is cluster or other.label != "PERSON":
            continue
        last = other.last_before(mention.start)
        if last is not None and last.kind == "name" and (best is None or last.start > best[0]):
            best = (last.start, other)
    return best[1] if best else None


# ----------------------------------------------------------------------------- pronouns


def _resolve_pronoun(
    mention: Mention, before: list[Mention], owner: dict[int, Cluster]
) -> Cluster | None:
    """The nearest earlier subject that agrees in number, within a couple of sentences;
    failing a subject, the nearest agreeing mention in the same or previous sentence."""
    fallback = None
    for n in range(len(before) - 1, -1, -1):
        candidate = before[n]
        if mention.sent - candidate.sent > PRONOUN_WINDOW:
            break
        cluster = owner.get(n)
        if cluster is None or not _agrees(mention, candidate, cluster):
            continue
        if candidate.subject:
            return cluster
        if fallback is None and mention.sent - candidate.sent <= 1:
            fallback = cluster
    return fallback


def _agrees(pronoun: Mention, candidate: Mention, cluster: Cluster) -> bool:
    if pronoun.plural:  # "they": a group or body that was itself a subject
        return (
            candidate.kind != "pronoun"
            and candidate.subject
            and (candidate.plural or cluster.label in {"ORG", "GPE", "GROUP", "NORP"})
        )
    return cluster.label == "PERSON" and not candidate.plural
