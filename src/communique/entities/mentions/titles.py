"""A person's title before the name, read right to left: role, country, posting, sector,
counterpart and owner ("U.S. Secretary of State Warren Christopher", "Russia's Foreign
Minister X", "Arab League Secretary General Chadli Klibi")."""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from communique.entities import lexicon
from communique.entities.country_codes import (
    country_of_adjective,
    country_of_name,
    org_country,
    place_country,
)
from communique.entities.lexicon import fold
from communique.entities.mentions.base import POSSESSIVE_PRONOUNS, Mention, ent_text, text_of
from communique.entities.mentions.roles import role_key

NON_SECTOR_TITLE_WORDS = frozenset(
    {
        "defence",
        "defense",
        "security",
        "state",
        "business",
        "labour",
        "labor",
        "union",
        "student",
        "religious",
    }
)

TITLE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "REL", "COP"})

TITLE_FILLERS = frozenset({"of", "for", "and", "on", "-"})

POSTING_PREPS = frozenset({"to", "in", "at"})

DETERMINERS = frozenset({"the", "a", "an"})


@functools.cache
def single_word_roles() -> frozenset[str]:
    """Titles that may stand before a name ("Ambassador", "General", "Judge")."""
    return frozenset(
        key
        for key, role in lexicon.curated_roles().items()
        if " " not in key and not role.group and role.sector in TITLE_SECTORS
    )


def attach_title(doc: Doc, span: Span, mention: Mention) -> None:
    """Extend a PERSON mention leftwards over its title: role, country, posting, counterpart."""
    title = _scan_title(doc, span)
    if title is None:
        return
    first, role_tokens, country, posting, sector, counterpart, owner = title
    if owner is not None:
        mention.extra["owner"] = owner
    mention.start = doc[first].idx
    mention.text = text_of(doc)[mention.start : mention.end]
    mention.tokens = (first, mention.tokens[1])
    if role_tokens:
        mention.role = doc[role_tokens[0] : role_tokens[-1] + 1].text
        mention.role_key = role_key(mention.role)
    mention.country, mention.posting, mention.sector = country, posting, sector
    mention.counterpart = counterpart


def _scan_title(doc: Doc, span: Span):
    """Read the title before a name right to left; None when there is none."""
    words = lexicon.title_words()
    settings = lexicon.role_settings()
    i = span.start - 1
    lower = 0  # titles stop at line breaks; parser sentence breaks inside titles are common
    first = span.start
    role_tokens: list[int] = []
    country = posting = sector = owner = None
    counterpart = False
    while i >= lower:
        token = doc[i]
        low = token.lower_
        if token.is_space or "\n" in token.text:
            break
        if low in words and not (token.ent_type_ and token.ent_type_ not in {"PERSON", "ORG", ""}):
            role_tokens.insert(0, i)
            counterpart = counterpart or low == "counterpart"
            if low not in NON_SECTOR_TITLE_WORDS:
                sector = sector or settings["sector_modifiers"].get(low)
            first, i = i, i - 1
            continue
        if low in TITLE_FILLERS and role_tokens and i > lower and doc[i - 1].lower_ in words:
            if low == "of" and _is_body(doc[i - 1]) and _is_whole_title(doc, role_tokens):
                break  # "the party of President Erdogan": the party is no part of his title
            role_tokens.insert(0, i)
            first, i = i, i - 1
            continue
        if role_tokens and low in settings["sector_modifiers"]:
            sector = sector or settings["sector_modifiers"][low]
            first, i = i, i - 1
            continue
        code = country_of_adjective(token)
        if code and role_tokens:
            country = country or code
            first, i = i, i - 1
            continue
        if token.ent_type_ == "ORG" and role_tokens and not _names_country(doc, i):
            # "Arab League Secretary General Chadli Klibi": the organisation gives the country
            # (and, for a spokesman or leader, the sector: "Hamas leader")
            org_start = i
            while org_start - 1 >= lower and doc[org_start].ent_iob_ == "I":
                org_start -= 1
            country = country or org_country(doc[org_start : i + 1].text)
            owner, first = i, org_start
            if country is None and org_start - 1 >= lower:  # "US Treasury Secretary"
                country, first = _country_ending_at(doc, org_start - 1, lower) or (None, first)
            break
        if token.ent_type_ in {"GPE", "LOC"} or (
            token.ent_type_ == "ORG" and _names_country(doc, i)
        ):
            gpe_start = i
            while gpe_start - 1 >= lower and doc[gpe_start].ent_iob_ == "I":
                gpe_start -= 1
            gpe_code = place_country(doc[gpe_start : i + 1].text)
            prep = doc[gpe_start - 1] if gpe_start - 1 >= lower else None
            if (
                prep is not None
                and prep.lower_ in POSTING_PREPS | {"of"}
                and gpe_start - 2 >= lower
                and doc[gpe_start - 2].lower_ in words
            ):
                if prep.lower_ == "of":
                    country = country or gpe_code
                else:
                    posting = gpe_code
                first, i = prep.i, prep.i - 1
                continue
            if role_tokens and gpe_code:  # "U.S. Secretary of State Warren Christopher"
                country, first = country or gpe_code, gpe_start
            break
        if low in {"'s", "’s"} and role_tokens and i - 1 >= lower:
            owner = i - 1  # a token index, as every mention's owner is
            # whatever label spaCy gives it ("Niger's ambassador" as ORG or PERSON), only a
            # country name or demonym counts
            code = country_of_name(ent_text(doc, doc[owner]))
            if code:
                country = country or code
                first = (
                    i + 1
                )  # "Russia's Foreign Minister X" -> the mention is "Foreign Minister X"
            break
        if low in POSSESSIVE_PRONOUNS | DETERMINERS and role_tokens:
            first = i
            break
        break
    if not role_tokens:
        return None
    # leading fillers ("of") are no part of the title
    while role_tokens and doc[role_tokens[0]].lower_ in TITLE_FILLERS:
        role_tokens.pop(0)
    return first, role_tokens, country, posting, sector, counterpart, owner


def _is_body(token: Token) -> bool:
    """A collective body ("party", "government", "ministry"), not a person's title."""
    role = lexicon.roles().get(token.lemma_.lower())
    return (role is not None and role.group) or token.lower_ in lexicon.role_settings()[
        "org_sectors"
    ]


def _is_whole_title(doc: Doc, tokens: list[int]) -> bool:
    """The tokens make a complete title on their own ("President", "Prime Minister")."""
    text = fold(doc[tokens[0] : tokens[-1] + 1].text).replace("-", " ")
    return text in lexicon.roles()


def _country_ending_at(doc: Doc, i: int, lower: int) -> tuple[str, int] | None:
    """A nationality word or country name ending at token ``i`` and where it starts."""
    token = doc[i]
    code = country_of_adjective(token)
    if code:
        return code, i
    if token.ent_type_ in {"GPE", "NORP"}:
        start = i
        while start - 1 >= lower and doc[start].ent_iob_ == "I":
            start -= 1
        code = country_of_name(doc[start : i + 1].text)
        if code:
            return code, start
    return None


def _names_country(doc: Doc, i: int) -> bool:
    """The entity ending at token ``i`` is a country ("the United States" tagged ORG)."""
    return country_of_name(ent_text(doc, doc[i])) is not None
