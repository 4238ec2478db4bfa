"""Actor coding: country, PLOVER sector, role and CAMEO-style code for each cluster."""

from __future__ import annotations

import functools
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from communique.entities import lexicon
from communique.entities.cluster import Cluster, counterpart_of
from communique.entities.country_codes import (
    country_of_name,
    gazetteer_country,
    org_country,
    part_of_country,
    place_country,
)
from communique.entities.lexicon import fold, strip_article
from communique.entities.names import name_tokens
from communique.model import Actor

DATA = Path(__file__).parent / "data"
COUNTRY_ONLY_CODES = frozenset({"IGO", "NGO", "MNC"})
PRIVATE_PERSON = "CVL"


CONTEXT_SECTORS = frozenset(
    {"GOV", "LEG", "JUD", "MIL", "COP", "PTY", "OPP", "REB", "ELI", "CVL", "REF", "LAB", "EDU"}
)


def article_country(clusters: list[Cluster], dateline_place: str | None = None) -> str | None:
    """The one country an article is about: the only country named in it (countries,
    capitals, nationality words, the countries of people the actor tables know in office),
    else None."""
    found: set[str] = set()
    for cluster in clusters:
        if all(m.extra.get("based") for m in cluster.mentions):
            continue
        codes: set[str | None] = {m.country for m in cluster.mentions if m.country}
        if cluster.label in {"GPE", "LOC"}:  # spaCy tags some capitals LOC ("Algiers")
            codes.add(_code_place(cluster, clusters)[0])
        if cluster.table is not None and cluster.table.sector:  # a leader the tables know
            codes.add(cluster.table.country)
        found.update(c for c in codes if c and c not in COUNTRY_ONLY_CODES | {"IMG", "EUR"})
    if dateline_place:
        code = place_country(dateline_place)
        if code:
            found.add(code)
    return found.pop() if len(found) == 1 else None


# Sectors of actors that belong to the country a story happens in, when nothing says where.
STORY_SECTORS = CONTEXT_SECTORS | {"MED", "BUS", "HLH", "REL", "CRM", "AGR", "SPY", "UAF", "NGO"}


# A country holds this share of the article's place mentions to be where the story happens,
# or this many times as many as the next country (a Syria story naming its allies' capitals).
STORY_SHARE = 0.5
STORY_LEAD = 2


def dominant_country(counts: Counter[str]) -> str | None:
    """The country of more than half of the place mentions counted (two at least), or of
    at least :data:`STORY_LEAD` times as many as any other (three at least)."""
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    country, top = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if top >= 2 and top / sum(counts.values()) > STORY_SHARE:
        return country
    if top >= 3 and top >= STORY_LEAD * runner_up:
        return country
    return None


def _plurality(counts: Counter[str]) -> str | None:
    """The country named most (twice at least), when no other is named as often."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


@dataclass(frozen=True)
class Story:
    """The country a story happens in and, by sentence, the countries the text names."""

    country: str
    named: dict[int, frozenset[str]]

    def holds(self, cluster: Cluster) -> bool:
        """A named person or organisation anywhere; a group ("troops", "gunmen") only where
        its sentences name no other country ("troops advanced" in a story about a Russian
        attack on Kyiv may be Russian)."""
        if cluster.label != "GROUP":
            return True
        return all(
            self.named.get(m.sent, frozenset()) <= {self.country}
            for m in cluster.mentions
            if m.kind != "pronoun"
        )


def story_country(clusters: list[Cluster], dateline: Dateline | None) -> Story | None:
    """Where the story happens: the dateline's country, unless the article names another
    country more than twice as often (wire reports are often filed from a hub: a Syria
    story datelined Beirut); then, or without a dateline, the country that dominates the
    article's place mentions (:func:`dominant_country`), else the one named most."""
    counts: Counter[str] = Counter()
    named: dict[int, set[str]] = {}
    for cluster in clusters:
        place = _code_place(cluster, clusters)[0] if cluster.label in {"GPE", "LOC"} else None
        for m in cluster.mentions:
            codes = {c for c in (m.country, place if m.kind == "name" else None) if c}
            named.setdefault(m.sent, set()).update(codes)
        if place and place not in COUNTRY_ONLY_CODES | {"IMG", "EUR"}:
            counts[place] += sum(1 for m in cluster.mentions if m.kind == "name")
    if dateline is None:
        country = dominant_country(counts) or _plurality(counts)
    elif dateline.about_elsewhere:
        country = dominant_country(counts) or _plurality(counts) or dateline.country
    else:
        country = dateline.country
    if country is None:
        return None
    return Story(country, {n: frozenset(c) for n, c in named.items()})


@dataclass(frozen=True)
class Dateline:
    """The dateline's country and, by sentence, the countries the text names."""

    country: str
    named: dict[int, frozenset[str]]
    about_elsewhere: bool = False  # another country is named far more often than this one

    def free(self, sentence: int) -> bool:
        """The sentence names no country but the dateline's."""
        return self.named.get(sentence, frozenset()) <= {self.country}


def dateline_of(clusters: list[Cluster], place: str | None) -> Dateline | None:
    """The dateline's country (None without one), the countries named by sentence, and
    whether the article is about another country (named more than twice as often as the
    dateline's: a Moscow dateline on news from Kazakhstan)."""
    country = place_country(place) if place else None
    if country is None:
        return None
    named: dict[int, set[str]] = {}
    counts: Counter[str] = Counter()
    for cluster in clusters:
        place_code = _code_place(cluster, clusters)[0] if cluster.label in {"GPE", "LOC"} else None
        for m in cluster.mentions:
            codes = {c for c in (m.country, place_code if m.kind == "name" else None) if c}
            named.setdefault(m.sent, set()).update(codes)
            counts.update(codes)
    # the dateline counts once, whether or not its place was read as a mention
    elsewhere = 2 * max(1, counts[country]) < max(counts.values(), default=0)
    return Dateline(country, {n: frozenset(c) for n, c in named.items()}, elsewhere)


def code_actor(
    cluster: Cluster,
    clusters: list[Cluster],
    context: str | None = None,
    dateline: Dateline | None = None,
    story: Story | None = None,
) -> Actor | None:
    """The actor coding of a cluster, or None when nothing about it is known.

    What the text says about the cluster comes first (its names, titles and modifiers);
    then what it belongs to ("officials of the Interior Ministry", "Erdogan's party", "its
    troops"); then ``context``, the article's one country, for people with a title,
    domestic bodies and groups; last, ``dateline``, the dateline's country, for the bodies
    of a state ("police", "the opposition", "troops") that the text names no country for;
    and for the named people, organisations and groups still without a country, ``story``,
    the country the story happens in (:func:`story_country`): a journalist jailed in a
    story from Baku is Azerbaijani unless the text says otherwise.
    """
    coder = CODERS.get(cluster.label, _code_place)
    country, sector, role, code, posting = coder(cluster, clusters)
    owned = _owner_actor(cluster, clusters) if country is None or _is_member(cluster) else None
    if owned is not None:
        owner_country, owner_sector = owned
        if country is None and owner_country:
            country, code = owner_country, None
        if owner_sector and _is_member(cluster) and not _modifier_sector(cluster):
            sector, code = owner_sector, None  # "a spokesman for the army": MIL
    if country is None and cluster.label in {"GROUP", "ORG"}:
        country = _leader_country(cluster, clusters)  # "the Trump administration"
    if (
        country is None
        and context
        and sector in CONTEXT_SECTORS
        and (cluster.label in {"PERSON", "ORG", "GROUP"} or _is_ethnic(cluster))
        and not _is_diplomat(cluster)  # a diplomat in the article's country is likely foreign
    ):
        country = context
        code = None
    if country is None and dateline and owned is None and _takes_dateline(cluster, dateline):
        country, code = dateline.country, None
    if country is None and cluster.label == "PERSON":
        country = _title_country(cluster)  # "Sen. Ben Sasse" in a story from elsewhere
    if (
        country is None
        and story
        and cluster.label in {"PERSON", "ORG", "GROUP"}
        and (sector is None or sector in STORY_SECTORS)
        and not _is_diplomat(cluster)
        and story.holds(cluster)
    ):
        country, code = story.country, None
    sector = _body_sector(cluster, country, sector)
    if not (country or sector or role):
        return None
    return Actor(
        country=country,
        sector=sector,
        role=role,
        code=code or cameo_code(country, sector),
        posting=posting,
    )


# Sectors that, for an international or non-governmental body and its officials, give way
# to the body's own kind: the Security Council, NATO and Kofi Annan are IGO, as the
# annotation guidelines code them; "NATO troops" stay MIL, and a body's own trade (the Red
# Cross HLH, the ILO LAB) stays.
BODY_SECTORS = {"IGO": "IGO", "NGO": "NGO"}
YIELDING_SECTORS = frozenset({None, "GOV", "CVL", "MIL", "ELI"})


def _body_sector(cluster: Cluster, country: str | None, sector: str | None) -> str | None:
    """IGO or NGO for such a body named as such and for its people; other sectors as coded."""
    own = BODY_SECTORS.get(country or "")
    if own is None:
        return sector
    if cluster.label in {"ORG", "FAC", "GPE"} and sector in YIELDING_SECTORS | {"BUS"}:
        return own  # the World Trade Organization as such: IGO, not BUS; the ILO stays LAB
    if cluster.label == "PERSON" and sector in YIELDING_SECTORS and sector != "MIL":
        return own
    return sector


def _leader_country(cluster: Cluster, clusters: list[Cluster]) -> str | None:
    """The country of a person whose name modifies a body: "the Trump administration", "the
    Putin government" (a person the text or the actor table gives a country)."""
    for mention in cluster.mentions:
        if mention.kind == "pronoun":
            continue
        for other in clusters:
            if other is cluster or other.label != "PERSON":
                continue
            inside = any(
                mention.start <= m.start and m.end < mention.end and m.kind == "name"
                for m in other.mentions
            )
            if inside and other.country:
                return other.country
    return None


OWNER_DEPTH = 2  # "the spokesman of the party of President X": two steps at most


def _owner_actor(
    cluster: Cluster, clusters: list[Cluster], depth: int = 0
) -> tuple[str | None, str | None] | None:
    """(country, sector) of what the cluster belongs to, or None."""
    named = any(m.kind == "name" for m in cluster.mentions)
    for mention in cluster.mentions:
        if named and mention.kind != "name":
            continue  # a descriptor joined to a name says little about what owns the person
        owner = _owner_cluster(mention, cluster, clusters)
        if owner is None:
            continue
        coder = CODERS.get(owner.label, _code_place)
        country, sector, _, _, _ = coder(owner, clusters)
        if country is None and any(m.kind == "name" for m in owner.mentions):
            sector = None  # a name's sector guessed from its words ("Group of ...") is too weak
        if country is None and depth < OWNER_DEPTH:
            further = _owner_actor(owner, clusters, depth + 1)
            country = further[0] if further else None
        if country or sector:
            return country, sector
    return None


def _owner_cluster(mention, cluster: Cluster, clusters: list[Cluster]) -> Cluster | None:
    token = mention.extra.get("owner")
    if token is not None:
        return _cluster_at_token(token, cluster, clusters)
    pronoun = mention.extra.get("owner_pronoun")
    if pronoun is not None:
        return _antecedent(pronoun, cluster, clusters)
    return None


def _cluster_at_token(token: int, cluster: Cluster, clusters: list[Cluster]) -> Cluster | None:
    """The other cluster with the tightest mention over the token."""
    best: tuple[int, int] | None = None
    found = None
    for order, other in enumerate(clusters):
        if other is cluster:
            continue
        for m in other.mentions:
            # one of several ("the Russian and Japanese leaders' envoys"): no single owner
            if m.tokens[0] <= token < m.tokens[1] and not m.extra.get("coordinated"):
                rank = (m.tokens[1] - m.tokens[0], order)
                if best is None or rank < best:
                    best, found = rank, other
    return found


PRONOUN_OWNERS = {
    "its": frozenset({"ORG", "GPE", "GROUP"}),
    "their": frozenset({"ORG", "GPE", "GROUP", "NORP"}),
    "his": frozenset({"PERSON"}),
    "her": frozenset({"PERSON"}),
}


def _antecedent(pronoun: tuple, cluster: Cluster, clusters: list[Cluster]) -> Cluster | None:
    """The nearest earlier subject the possessive pronoun can stand for, in its sentence or
    the one before: "The Nigerian army said its troops ..."."""
    word, start, sent = pronoun
    labels = PRONOUN_OWNERS.get(word, frozenset())
    best: tuple[int, int] | None = None
    found = None
    for other in clusters:
        if other is cluster or other.label not in labels:
            continue
        for m in other.mentions:
            if (
                m.kind == "pronoun"
                or not m.subject
                or m.extra.get("coordinated")  # "Saudi Arabia and Iran ... their": both
                or m.start >= start
                or not 0 <= sent - m.sent <= 1
            ):
                continue
            rank = (sent - m.sent, start - m.start)
            if best is None or rank < best:
                best, found = rank, other
    return found


def _is_member(cluster: Cluster) -> bool:
    """Named by its place in a body: "spokesman", "official", "leader" (``member_roles``)."""
    members = lexicon.role_settings()["member_roles"]
    return any(m.role_key and m.role_key.split()[-1] in members for m in cluster.mentions)


def _modifier_sector(cluster: Cluster) -> bool:
    return any(m.sector for m in cluster.mentions)


def _takes_dateline(cluster: Cluster, dateline: Dateline) -> bool:
    """A body of the state ("police", "the opposition", "troops", "the Foreign Ministry"),
    named where the text names no other country, owned by nothing ("our troops", "Suu Kyi's
    government") and no diplomat."""
    return (
        not dateline.about_elsewhere
        and _is_domestic(cluster)
        and not _is_diplomat(cluster)
        and not any(m.extra.get("owner_pronoun") or m.extra.get("owner") for m in cluster.mentions)
        and all(dateline.free(m.sent) for m in cluster.mentions if m.kind != "pronoun")
    )


def _is_domestic(cluster: Cluster) -> bool:
    """A body of a state, or one of its people named only by the role (``domestic_roles``):
    never a named person, who may be a visitor."""
    domestic = lexicon.role_settings()["domestic_roles"]
    if any(m.kind == "name" for m in cluster.mentions):
        if cluster.label != "ORG":
            return False
        heads = {fold(m.name or m.text).split()[-1] for m in cluster.mentions if m.kind == "name"}
        return bool(heads & domestic)
    return any(
        m.role_key and (m.role_key in domestic or m.role_key.split()[-1] in domestic)
        for m in cluster.mentions
    )


def _is_ethnic(cluster: Cluster) -> bool:
    return any(m.extra.get("ethnic") for m in cluster.mentions)


def _is_diplomat(cluster: Cluster) -> bool:
    return any(
        m.role_key and "diplomat" in lexicon.role_ancestors(m.role_key) for m in cluster.mentions
    )


def cameo_code(country: str | None, sector: str | None) -> str | None:
    """ "RUS" + "GOV" -> "RUSGOV"; "IGO" + "IGO" -> "IGO"."""
    if country and sector and country == sector:
        return country
    return (country or "") + (sector or "") or None


def _code_person(cluster: Cluster, clusters: list[Cluster]):
    names = [m for m in cluster.mentions if m.kind == "name"]
    titled = [m for m in names if m.role]
    others = [m for m in cluster.mentions if m.kind == "role"]
    country = next((m.country for m in [*titled, *names, *others] if m.country), None)
    posting = next((m.posting for m in cluster.mentions if m.posting), None)
    role_mention = next(
        (m for m in [*titled, *others] if m.role and m.role_key != "counterpart"), None
    )
    role = role_mention.role if role_mention else None
    key = role_mention.role_key if role_mention else None
    sector = next((m.sector for m in cluster.mentions if m.sector), None)
    if role is None and any(m.counterpart for m in cluster.mentions):
        partner = counterpart_of(cluster, clusters)
        if partner is not None:
            _, partner_sector, role, _, _ = _code_person(partner, clusters)
            sector = sector or partner_sector
            key = None
        sector = sector or "GOV"
    if key and not sector:
        sector = lexicon.roles()[key].sector if key in lexicon.roles() else None
    table = cluster.table
    if table is not None:  # the text wins; the table fills what it leaves open
        country = country or table.country
        sector = sector or table.sector
        role = role or table.role
    elif (
        sector is None
        and role is None
        and any(len(name_tokens(m.name or m.text)) > 1 for m in names)
    ):
        sector = PRIVATE_PERSON  # a full name with no title, role or office: a private person
    return country, sector, role, None, posting


@functools.cache
def _title_countries() -> dict[str, str]:
    raw = json.loads((DATA / "title_countries.json").read_text(encoding="utf-8"))
    return raw["titles"]


def _title_country(cluster: Cluster) -> str | None:
    """The country an abbreviated title tells by the press style that writes it ("Sen. Ben
    Sasse"), from ``title_countries.json``."""
    for mention in cluster.mentions:
        if mention.kind != "name":
            continue
        words = fold(mention.role or "").split()
        for size in (2, 1):
            code = _title_countries().get(" ".join(words[-size:]))
            if code:
                return code
    return None


def _code_org(cluster: Cluster, clusters: list[Cluster]):
    for mention in cluster.mentions:
        key = strip_article(fold(mention.name or mention.text))
        org = lexicon.organisations().get(key)
        if org is not None:
            return org.country, org.sector, None, org.code, None
        seat = lexicon.seats().get(key)
        if seat is not None:
            return seat[0], seat[1], None, None, None
    name = max((m.name or m.text for m in cluster.mentions), key=len)
    country = _hyphenated_american(name)
    country = country or next((m.country for m in cluster.mentions if m.country), None)
    country = country or org_country(name)
    sector = _org_sector(name)
    return country, sector, None, None, None


def _hyphenated_american(name: str) -> str | None:
    """An organisation of Americans of some origin is American: "the Cuban American
    National Foundation", "the Arab-American Institute"."""
    words = fold(name).replace("-", " ").split()
    for before, word in zip(words, words[1:], strict=False):
        if word == "american" and before in lexicon.demonyms() and before != "american":
            return "USA"
    return None


def _org_sector(name: str) -> str | None:
    settings = lexicon.role_settings()
    folded = fold(name)
    for phrase, sector in settings["org_sector_exceptions"].items():
        if phrase in folded:
            return sector
    words = [w.strip(".,'") for w in folded.replace("-", " ").replace("'s ", " ").split()]
    for n in range(len(words) - 1, -1, -1):
        sector = settings["org_sectors"].get(words[n])
        if sector and words[n] in settings["weak_org_heads"] and n > 0:
            # "the Federal Prosecutor's Office": the word before a weak head says more
            sector = settings["org_sectors"].get(words[n - 1]) or sector
        if sector:
            return sector
    return None


def _code_place(cluster: Cluster, clusters: list[Cluster]):
    """Countries, and capitals or seats of power standing for a government (metonymy)."""
    acting = any(m.acting for m in cluster.mentions)
    for mention in cluster.mentions:
        key = strip_article(fold(mention.name or mention.text))
        code = country_of_name(key)
        if code:
            return code, "GOV" if acting else None, None, None, None
        seat = lexicon.seats().get(key)
        if seat is not None:
            return seat[0], seat[1], None, None, None
        capital = lexicon.capitals().get(key)
        if capital:
            return capital, "GOV" if acting else None, None, None, None
        org = lexicon.organisations().get(key)
        if org is not None:
            return org.country, org.sector, None, org.code, None
    for mention in cluster.mentions:  # a province or state: its country, no sector
        code = lexicon.subdivision_country(mention.name or mention.text)
        if code:
            return code, None, None, None, None
    for mention in cluster.mentions:  # "South Lebanon", a town or region: its country
        if mention.label in {"GPE", "LOC"}:
            name = mention.name or mention.text
            code = part_of_country(name) or gazetteer_country(name)
            if code:
                return code, None, None, None, None
    return None, None, None, None, None


def _code_norp(cluster: Cluster, clusters: list[Cluster]):
    """ "Palestinians" are civilians of PSE; an adjective alone ("an Indian proposal") gives
    the country only."""
    country = next((m.country for m in cluster.mentions if m.country), None)
    people = any(not m.extra.get("adjective") for m in cluster.mentions)
    civilians = people and (country is not None or _is_ethnic(cluster))
    return country, "CVL" if civilians else None, None, None, None


def _code_group(cluster: Cluster, clusters: list[Cluster]):
    country = next((m.country for m in cluster.mentions if m.country), None)
    mention = next((m for m in cluster.mentions if m.kind == "role"), None)
    if mention is None:
        return _code_org(cluster, clusters)
    role = lexicon.roles().get(mention.role_key or "")
    sector = mention.sector or (role.sector if role else None)
    return country, sector, mention.role, None, None


CODERS = {
    "PERSON": _code_person,
    "ORG": _code_org,
    "FAC": _code_org,
    "GPE": _code_place,
    "LOC": _code_place,
    "NORP": _code_norp,
    "GROUP": _code_group,
}
