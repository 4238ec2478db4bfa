"""Actor coding: country, PLOVER sector, role and CAMEO-style code for each cluster."""

from __future__ import annotations

from communique.entities import lexicon
from communique.entities.cluster import Cluster, counterpart_of
from communique.entities.lexicon import fold, strip_article
from communique.entities.mentions import country_of_name, org_country, place_country
from communique.model import Actor

COUNTRY_ONLY_CODES = frozenset({"IGO", "NGO", "MNC"})


CONTEXT_SECTORS = frozenset(
    {"GOV", "LEG", "JUD", "MIL", "COP", "PTY", "OPP", "REB", "ELI", "CVL", "REF", "LAB", "EDU"}
)


def article_country(clusters: list[Cluster], dateline_place: str | None = None) -> str | None:
    """The one country an article is about: the only country named in it (countries,
    capitals, nationality words), else None."""
    found = set()
    for cluster in clusters:
        codes = {m.country for m in cluster.mentions if m.country}
        if cluster.label in {"GPE", "LOC"}:  # spaCy tags some capitals LOC ("Algiers")
            codes.add(_code_place(cluster, clusters)[0])
        found.update(c for c in codes if c and c not in COUNTRY_ONLY_CODES | {"IMG", "EUR"})
    if dateline_place:
        code = place_country(dateline_place)
        if code:
            found.add(code)
    return found.pop() if len(found) == 1 else None


def code_actor(
    cluster: Cluster, clusters: list[Cluster], context: str | None = None
) -> Actor | None:
    """The actor coding of a cluster, or None when nothing about it is known. ``context`` is
    the article's country: people with a title, domestic bodies and groups without a country
    of their own get it."""
    coder = CODERS.get(cluster.label, _code_place)
    country, sector, role, code, posting = coder(cluster, clusters)
    if (
        country is None
        and context
        and sector in CONTEXT_SECTORS
        and (cluster.label in {"PERSON", "ORG", "GROUP"} or _is_ethnic(cluster))
        and not _is_diplomat(cluster)  # a diplomat in the article's country is likely foreign
    ):
        country = context
        code = None
    if not (country or sector or role):
        return None
    return Actor(
        country=country,
        sector=sector,
        role=role,
        code=code or cameo_code(country, sector),
        posting=posting,
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
    return country, sector, role, None, posting


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
    country = next((m.country for m in cluster.mentions if m.country), None) or org_country(name)
    sector = _org_sector(name)
    return country, sector, None, None, None


def _org_sector(name: str) -> str | None:
    settings = lexicon.role_settings()
    folded = fold(name)
    for phrase, sector in settings["org_sector_exceptions"].items():
        if phrase in folded:
            return sector
    for word in reversed(folded.replace("-", " ").split()):
        sector = settings["org_sectors"].get(word.strip(".,'"))
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
