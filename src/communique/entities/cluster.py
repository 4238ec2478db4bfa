"""Clustering mentions into one entity per referent within an article.

Rules, in order: names by variant (person names) or by key (organisations, countries,
acronyms); role nouns in apposition to a name; descriptors ("the diplomat") to the most
salient compatible person through the role hierarchy; bodies ("the ministry") to the
organisation or body named with that kind of name; groups ("police") by role and country;
pronouns and relative pronouns to their antecedent. The decisions a reader makes about
salience, agreement and the article's country are in :mod:`communique.entities.coref`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from communique.entities import actors, coref, lexicon
from communique.entities.country_codes import country_of_name
from communique.entities.lexicon import fold, strip_article
from communique.entities.mentions import Mention
from communique.entities.mentions.roles import role_key
from communique.entities.names import name_match, name_tokens

DESCRIPTOR_WINDOW = 12  # sentences back from the descriptor to a candidate's last mention
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
    genders: Counter = field(default_factory=Counter)  # "m"/"f" evidence from titles and pronouns

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
        # titles tell the gender, and so do pronouns bound by syntax; a pronoun placed by
        # salience alone does not (one wrong guess would steer the next ones)
        told = mention.kind != "pronoun" or (
            mention.extra.get("bound") and not mention.extra.get("counted")
        )
        if told and mention.extra.get("gender") in {"m", "f"}:
            self.genders[mention.extra["gender"]] += 1
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
    _merge_stray_surnames(clusters, mentions, owner)
    for cluster in clusters:
        if cluster.label == "PERSON":
            cluster.table = actors.lookup(_fullest(cluster), date)
    coref.bound_genders(mentions, owner)
    article_country = coref.main_country(mentions)
    by_sentence: dict[int, list[int]] = {}
    for n, mention in enumerate(mentions):
        by_sentence.setdefault(mention.sent, []).append(n)
    # a possessive before the role it owns ("his" before "his government"): shorter first
    for n in sorted(range(len(mentions)), key=lambda k: (mentions[k].start, mentions[k].end, k)):
        mention = mentions[n]
        if mention.kind == "role":
            owner[n] = _place_role(mention, clusters, mentions, owner, article_country)
        elif mention.kind == "pronoun":
            antecedent = _place_pronoun(mention, mentions, owner, by_sentence)
            if antecedent is not None:
                antecedent.add(mention)
                owner[n] = antecedent
    _fill_offices(clusters, date)
    _name_introduced_roles(clusters)
    result = [c for c in clusters if c.mentions]
    for c in result:
        c.mentions.sort(key=lambda m: (m.start, -m.end))
    result.sort(key=lambda c: (c.first, c.mentions[0].end))
    return result


def _fill_offices(clusters: list[Cluster], date: str | None) -> None:
    """ "Venezuela's president" in an article that never names him: the holder of that
    office on the article's date, from the actor table; the cluster of that person when the
    article names him after all ("Venezuela's president ... Hugo Chavez said")."""
    for cluster in list(clusters):
        if cluster.label != "PERSON" or cluster.table is not None:
            continue
        if any(m.kind == "name" for m in cluster.mentions):
            continue
        office = next((m for m in cluster.mentions if coref.current_office(m)), None)
        if office is None or office.country is None or office.role_key is None:
            continue
        holder = coref.office_holder(office.country, office.role_key, date)
        if holder is None:
            continue
        named = next(
            (c for c in clusters if c.table is not None and c.table.name == holder.name), None
        )
        if named is None:
            cluster.table = holder
            continue
        for mention in cluster.mentions:
            named.add(mention)
        cluster.mentions.clear()


INTRODUCTION_WINDOW = 3  # sentences from "a Pentagon spokesman" to "spokesman Kenneth Bacon"


def _name_introduced_roles(clusters: list[Cluster]) -> None:
    """ "A Pentagon spokesman said ... said spokesman Kenneth Bacon": a person named with a
    title but no country is the one person introduced by that title shortly before, when
    exactly one was; the introduction's mentions join the name."""
    for cluster in clusters:
        if cluster.label != "PERSON" or cluster.country is not None:
            continue
        titled = [m for m in cluster.mentions if m.kind == "name" and m.role_key]
        if not titled:
            continue
        first = min(titled, key=lambda m: m.start)
        introductions = [
            other
            for other in clusters
            if other is not cluster
            and other.label == "PERSON"
            and other.mentions
            and not any(m.kind == "name" for m in other.mentions)
            and all(
                m.kind == "role"
                and m.role_key == first.role_key
                and not m.plural
                and m.start < first.start
                and 0 <= first.sent - m.sent <= INTRODUCTION_WINDOW
                for m in other.mentions
            )
        ]
        if len(introductions) != 1:
            continue
        for mention in introductions[0].mentions:
            cluster.add(mention)
        introductions[0].mentions.clear()


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


def _merge_stray_surnames(
    clusters: list[Cluster], mentions: list[Mention], owner: dict[int, Cluster]
) -> None:
    """ "Trump" tagged as an organisation in the headline, "Donald Trump" named as a person
    later: a cluster whose only name is one unknown word, the surname of exactly one person
    named in full or with a title ("President Obama"), joins that person."""
    people = [c for c in clusters if c.label == "PERSON" and c.variants]
    for cluster in list(clusters):
        if cluster.label == "PERSON" or _known_key(cluster.key):
            continue
        words = {name_tokens(m.name or m.text) for m in cluster.mentions}
        if len(words) != 1:
            continue
        word = words.pop()
        if len(word) != 1 or lexicon.strip_article(word[0]) in lexicon.demonyms():
            continue
        holders = [
            p
            for p in people
            if any(v[-1] == word[0] and (len(v) >= 2 or _titled(p)) for v in p.variants)
        ]
        if len(holders) != 1:
            continue
        for mention in cluster.mentions:
            mention.label = "PERSON"
            holders[0].add(mention)
        holders[0].mentions.sort(key=lambda m: (m.start, -m.end))
        for n, placed in owner.items():
            if placed is cluster:
                owner[n] = holders[0]
        clusters.remove(cluster)


def _titled(cluster: Cluster) -> bool:
    """A person named with a title somewhere ("President Obama")."""
    return any(m.kind == "name" and m.role for m in cluster.mentions)


def _known_key(key: str | None) -> bool:
    return key is None or key.startswith(("org:", "country:", "seat:"))


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
        if (
            previous.kind == "name"
            and 0 < gap <= 3
            and mention.extra.get("bracketed")
            and _abbreviates(mention.text, previous.name or previous.text)
        ):
            for cluster in clusters:
                if previous in cluster.mentions:
                    return cluster
    return None


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether the acronym's letters run through the name in order from its first letter
    ("APEC" for "Asia-Pacific Economic Cooperation"; not "AP" for a dateline's "BAGHDAD")."""
    letters = [c for c in name.upper() if c.isalpha()]
    wanted = [c for c in acronym.upper() if c.isalpha()]
    if not wanted or not letters or wanted[0] != letters[0]:
        return False
    position = 0
    for letter in wanted:
        while position < len(letters) and letters[position] != letter:
            position += 1
        if position == len(letters):
            return False
        position += 1
    return True


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
    mention: Mention,
    clusters: list[Cluster],
    mentions: list[Mention],
    owner: dict[int, Cluster],
    article_country: str | None = None,
) -> Cluster:
    if coref.inherits_owner_country(mention):
        _take_owner_country(mention, mentions, owner)
    cluster = None
    apposed = None if mention.plural else _apposed_name(mention, mentions, owner)
    if mention.link is not None and mention.link in owner:
        cluster = owner[mention.link]
    elif apposed is not None:
        cluster = apposed  # "the interior minister, Magdy Abdel Ghaffar"
    elif not mention.plural and mention.definite and mention.role_key != "counterpart":
        cluster = _resolve_descriptor(mention, clusters)
    elif mention.plural:
        if mention.definite and mention.extra.get("singular"):
            cluster = _resolve_body(mention, clusters)
        if cluster is None and article_country and coref.is_domestic_body(mention):
            mention.country = article_country  # "the government" of the article's country
            mention.extra["country_from"] = "article"
        if cluster is None:
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


APPOSITION_GAP = 2  # ", " between a role noun and the name set off after it


def _apposed_name(
    mention: Mention, mentions: list[Mention], owner: dict[int, Cluster]
) -> Cluster | None:
    """The person named right after a role noun and a comma ("the interior minister, Magdy
    Abdel Ghaffar"), when the parser did not link them and the name has no title."""
    for n, other in enumerate(mentions):
        if other.start < mention.end:
            continue
        if other.start - mention.end != APPOSITION_GAP or other.sent != mention.sent:
            return None
        placed = owner.get(n)
        if other.kind != "name" or placed is None or placed.label != "PERSON" or other.role:
            return None
        if other.subject:  # "Speaking to the ambassador, Putin said": no apposition
            return None
        return placed if placed.role_key is None else None
    return None


def _take_owner_country(
    mention: Mention, mentions: list[Mention], owner: dict[int, Cluster]
) -> None:
    """ "Mr Putin's spokesman", "his government": the owner's country."""
    head = mention.extra["owner"]
    for n, other in enumerate(mentions):
        if other.head == head and n in owner and other is not mention:
            code = coref.cluster_country(owner[n])
            if code:
                mention.country = code
                mention.extra["country_from"] = "owner"
            return


def _group_key(mention: Mention) -> str:
    return f"group:{mention.role_key}:{mention.country}:{mention.sector}"


def _role_label(mention: Mention) -> str:
    role = lexicon.roles().get(mention.role_key or "")
    if role is not None and role.group and not mention.plural:
        return "ORG"
    return "GROUP" if mention.plural else "PERSON"


def _resolve_descriptor(mention: Mention, clusters: list[Cluster]) -> Cluster | None:
    """The person a descriptor ("the president", "the envoy") stands for: among people seen
    within the window whose role is a kind of the descriptor's (and whose country agrees),
    the exact role before a broader one, a title written in the text before one known only
    from the actor table, then the most salient (last seen as a subject outside quotations,
    then last seen at all)."""
    wanted = mention.role_key
    if wanted is None:
        return None
    scored: list[tuple[tuple, int, Cluster]] = []
    for order, cluster in enumerate(clusters):
        if cluster.label != "PERSON" or not any(m.kind == "name" for m in cluster.mentions):
            continue
        last = cluster.last_before(mention.start)
        if last is None or mention.sent - last.sent > DESCRIPTOR_WINDOW:
            continue
        have = _role_of(cluster, clusters)
        if have is None or wanted not in lexicon.role_ancestors(have):
            continue
        country = cluster.country
        if mention.country and country != mention.country:
            continue
        tier = 0 if have == wanted else 1
        titled = 0 if coref.titled_in_text(cluster, mention.start) else 1
        subject, recent = coref.salience(cluster, mention.start, mention.sent, DESCRIPTOR_WINDOW)
        scored.append(((tier, titled, -subject, -recent), order, cluster))
    if not scored:
        return _introduced(mention, clusters)
    return min(scored, key=lambda item: (item[0], item[1]))[2]


def _introduced(mention: Mention, clusters: list[Cluster]) -> Cluster | None:
    """ "A lawmaker in the Philippines ... The lawmaker": with nobody named for the role, the
    latest unnamed person introduced by that role, whose country agrees."""
    best = None
    for cluster in clusters:
        if cluster.label != "PERSON" or any(m.kind == "name" for m in cluster.mentions):
            continue
        fits = [
            m
            for m in cluster.mentions
            if m.kind == "role"
            and m.start < mention.start
            and mention.sent - m.sent <= DESCRIPTOR_WINDOW
            and m.role_key == mention.role_key
            and not m.extra.get("modifier")
            and not m.plural
        ]
        if not fits or (mention.country and cluster.country != mention.country):
            continue
        last = max(m.start for m in fits)
        if best is None or last > best[0]:
            best = (last, cluster)
    return best[1] if best else None


def _resolve_body(mention: Mention, clusters: list[Cluster]) -> Cluster | None:
    """The body a definite singular noun ("the ministry", "the army", "the government")
    stands for: the latest organisation whose name is of that kind ("the Chinese Foreign
    Ministry") or group named by that kind of noun ("the Syrian government"), seen within
    the window, whose country agrees; the exact kind before a broader one."""
    wanted = mention.role_key
    if wanted is None:
        return None
    scored: list[tuple[tuple, int, Cluster]] = []
    for order, cluster in enumerate(clusters):
        if cluster.label not in {"ORG", "GROUP", "FAC"}:
            continue
        kinds = [
            (m.start, _body_kind(m))
            for m in cluster.mentions
            if m.start < mention.start and mention.sent - m.sent <= DESCRIPTOR_WINDOW
        ]
        kinds = [(start, kind) for start, kind in kinds if kind]
        fitting = [(start, kind) for start, kind in kinds if wanted in lexicon.role_ancestors(kind)]
        if not fitting:
            continue
        country = coref.cluster_country(cluster)
        if mention.country and country != mention.country:
            continue
        tier = 0 if any(kind == wanted for _, kind in fitting) else 1
        scored.append(((tier, -max(start for start, _ in fitting)), order, cluster))
    if not scored:
        return None
    return min(scored, key=lambda item: (item[0], item[1]))[2]


def _body_kind(mention: Mention) -> str | None:
    """The kind of body a mention names: its role noun, or the role word ending an
    organisation's name ("Foreign Ministry" -> "foreign ministry"); None for people."""
    if mention.kind == "role":
        return mention.role_key if mention.plural else None
    if mention.kind == "name" and mention.label in {"ORG", "FAC"}:
        key = role_key(mention.name or mention.text)
        role = lexicon.roles().get(key or "")
        return key if role is not None and role.group else None
    return None


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


def _place_pronoun(
    mention: Mention,
    mentions: list[Mention],
    owner: dict[int, Cluster],
    by_sentence: dict[int, list[int]],
) -> Cluster | None:
    """A relative pronoun joins the noun its clause describes; a personal pronoun its
    antecedent (see :func:`communique.entities.coref.resolve_pronoun`)."""
    if mention.link is not None or mention.extra.get("relative"):
        return owner.get(mention.link) if mention.link is not None else None
    nearby = [
        n
        for sentence in range(mention.sent - coref.PRONOUN_WINDOW, mention.sent + 1)
        for n in by_sentence.get(sentence, ())
    ]
    nearby.sort()
    before = [
        (mentions[n], owner[n]) for n in nearby if mentions[n].start < mention.start and n in owner
    ]
    same = by_sentence.get(mention.sent, [])
    return coref.resolve_pronoun(mention, before, _containing(mention, mentions, owner, same))


def _containing(
    mention: Mention, mentions: list[Mention], owner: dict[int, Cluster], candidates: list[int]
) -> tuple:
    """Clusters of the phrases that contain a pronoun, or are in apposition to one that does
    ("Nhek Bunchhay, his top commander"): the pronoun stands for someone else."""
    found = []
    for n in candidates:
        other = mentions[n]
        if other is mention or not other.start <= mention.start < other.end:
            continue
        if n in owner:
            found.append(owner[n])
        if other.link is not None and other.link in owner:
            found.append(owner[other.link])
    return tuple(found)
