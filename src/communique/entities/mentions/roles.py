"""Role mentions: nouns of the role hierarchy ("the diplomat", "police", "the Foreign
Ministry", "U.S. and Russian negotiators") with the country, sector, posting and owner their
modifiers give; and the key of a title in the hierarchy."""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from communique.entities import lexicon
from communique.entities.country_codes import (
    country_of_adjective,
    country_of_name,
    org_country,
    place_country,
)
from communique.entities.lexicon import fold
from communique.entities.mentions.base import (
    POSSESSIVE_PRONOUNS,
    Mention,
    candidates,
    ent_text,
    is_agent,
    is_coordinated,
    is_subject,
)

MODIFIER_DEPS = frozenset(
    {"det", "poss", "amod", "compound", "nummod", "nmod", "quantmod", "case", "advmod"}
)


@functools.cache
def _role_heads() -> frozenset[str]:
    """Last words of role keys, the only nouns worth a closer look."""
    return frozenset(key.split()[-1] for key in lexicon.roles())


def role_mentions(
    doc: Doc, sent_of: list[int], taken: set[int], ent_tokens: set[int], blocked: set[int]
) -> list[Mention]:
    """Role nouns of the role hierarchy that no name took ("the ambassador", "police officers")."""
    found = []
    table = lexicon.roles()
    for i in candidates(doc, 1, _role_heads()):
        token = doc[i]
        if token.pos_ not in {"NOUN", "PROPN"} or token.i in taken or token.i in ent_tokens:
            continue
        key, end = _role_key_ahead(doc, token, table)
        if key is None:
            key, end = _role_key_at(doc, token, table), token.i + 1
        if key is None:
            continue
        head = token
        if token.dep_ == "compound" and token.head.pos_ in {"NOUN", "PROPN"}:
            # "police officers", "army officers": the role is read at the head noun;
            # "ambassador Kozuki" was read as a title already
            head = token.head
            if (
                head.i in taken
                or head.i in ent_tokens
                or head.i < token.i
                or _role_key_at(doc, head, table)
                or not _takes_role_from_modifier(head, table[key])
            ):
                continue
        mention = _role_mention(doc, head, key, sent_of, blocked, end)
        found.extend(mention)
        for m in mention:
            taken.update(range(*m.tokens))
    return found


def _takes_role_from_modifier(head: Token, role: lexicon.Role) -> bool:
    """ "police officers", "opposition candidates": people named by their modifier; armed
    bodies lend their sector to their equipment too ("army bulldozers")."""
    if head.lemma_.lower() in lexicon.role_settings()["people_heads"]:
        return True
    return role.group and role.sector in {"MIL", "COP"}


def _role_key_ahead(doc: Doc, token: Token, table: dict) -> tuple[str | None, int]:
    """A title that starts here and runs on: "secretary of state", "minister of foreign affairs"."""
    for n in (4, 3, 2):
        if token.i + n > len(doc):
            continue
        tokens = doc[token.i : token.i + n]
        words = [t.lower_ for t in tokens]
        for last in (words[-1], tokens[-1].lemma_.lower()):
            phrase = " ".join([*words[:-1], last])
            if phrase in table:
                return phrase, token.i + n
    return None, token.i + 1


def _role_key_at(doc: Doc, token: Token, table: dict) -> str | None:
    lemma = token.lemma_.lower()
    low = token.lower_
    for n in (2, 1):
        if token.i - n < 0:
            continue
        words = [t.lower_ for t in doc[token.i - n : token.i]]
        for last in (lemma, low):
            phrase = " ".join([*words, last])
            if phrase in table:
                return phrase
    if low in table:
        return low
    if lemma in table:
        return lemma
    return None


def _role_mention(
    doc: Doc, token: Token, key: str, sent_of: list[int], blocked: set[int], min_end: int = 0
) -> list[Mention]:
    role = lexicon.roles()[key]
    start = _np_start(doc, token)
    country, sector, definite, norps = _left_modifiers(doc, token, role)
    for child in token.lefts:
        if child.dep_ == "poss" and child.lower_ not in POSSESSIVE_PRONOUNS:
            start = max(
                start, child.i + 1
            )  # "Russia's envoy", "the leaders' envoys": the owner stays out
            while start < token.i and (doc[start].dep_ == "case" or doc[start].is_punct):
                start += 1
    end, right_country, posting = _of_country(doc, token)
    end = max(end, min_end)
    country = country or right_country
    owner = _owner(doc, token) if country is None else None
    while start < token.i and (doc[start].is_punct or doc[start].is_space or start in blocked):
        start += 1
    plural = token.tag_ in {"NNS", "NNPS"} or role.group
    base = dict(kind="role", label="ROLE", role_key=key, plural=plural, sector=sector)
    role_text = (
        doc[token.i : min_end].text
        if min_end > token.i + 1
        else token.text
        if len(key.split()) == 1
        else doc[max(start, token.i - len(key.split()) + 1) : token.i + 1].text
    )

    def mention(span, head: int, code, is_definite: bool, **more) -> Mention:
        return Mention(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            head=head,
            sent=sent_of[head],
            role=role_text,
            country=code,
            definite=is_definite,
            subject=is_subject(token),
            tokens=(span.start, span.end),
            **base,
            **more,
        )

    mentions: list[Mention] = []
    if len(norps) > 1:
        # "Hungarian and Romanian officials": one group per nationality
        for extra, code in norps[:-1]:
            last = extra.i
            while last + 1 < token.i and doc[last + 1].ent_iob_ == "I":
                last += 1
            piece = doc[extra.i : last + 1]
            name = f"{piece.text} {token.text}"
            mentions.append(mention(piece, extra.i, code, True, extra={"name": name}))
        start, country = norps[-1][0].i, norps[-1][1]
    mentions.append(mention(doc[start:end], token.i, country, definite, posting=posting))
    if owner is not None and doc[owner].pos_ == "PRON":
        # "its troops": the antecedent is found among the entities when they are coded
        mentions[-1].extra["owner_pronoun"] = (doc[owner].lower_, doc[owner].idx, sent_of[owner])
    elif owner is not None:
        mentions[-1].extra["owner"] = owner
    for m in mentions:
        m.acting = m.subject or is_agent(token)
        m.counterpart = key == "counterpart"
        m.extra["coordinated"] = len(mentions) > 1 or is_coordinated(token)
    return mentions


def _np_start(doc: Doc, token: Token) -> int:
    start = token.i
    for child in reversed(list(token.lefts)):
        if child.dep_ not in MODIFIER_DEPS or "\n" in doc[child.left_edge.i : token.i].text:
            break
        start = child.left_edge.i
    return max(start, token.sent.start if doc.has_annotation("SENT_START") else 0)


def _modifier_country(doc: Doc, token: Token) -> str | None:
    """The country a modifier names: "Japanese", "U.S.", "Khartoum", "United Nations";
    "Saudi-led" names the leader's country ("-backed" does not: the backer is no member)."""
    code = country_of_adjective(token)
    if code is None and token.lower_ == "led":
        leader = next((c for c in token.lefts if c.nbor().text == "-"), None)
        return _modifier_country(doc, leader) if leader is not None else None
    if code is None and token.ent_type_ in {"GPE", "LOC", "ORG", "NORP"}:
        text = ent_text(doc, token)
        code = place_country(text) if token.ent_type_ != "ORG" else org_country(text)
    return code


def _left_modifiers(doc: Doc, token: Token, role: lexicon.Role):
    """Country, sector, definiteness and the country-naming modifiers (several when they are
    coordinated: "U.S. and Russian negotiators") from the noun's left dependents."""
    settings = lexicon.role_settings()
    country = sector = None
    definite = False
    named: dict[int, tuple[Token, str]] = {}
    for child in token.lefts:
        low = child.lower_
        if child.dep_ == "det" and low in {"the", "this", "that"} or low in POSSESSIVE_PRONOUNS:
            definite = True
        if child.dep_ in {"amod", "compound", "nmod"}:
            code = _modifier_country(doc, child)
            if code:
                country, definite = country or code, True
                named[child.i] = (child, code)
                for other in child.conjuncts:
                    other_code = _modifier_country(doc, other) if other.i < token.i else None
                    if other_code:
                        named[other.i] = (other, other_code)
            modifier = settings["sector_modifiers"].get(child.lemma_.lower())
            if _modifier_applies(modifier, role):
                sector = sector or modifier
        if child.dep_ == "poss" and low not in POSSESSIVE_PRONOUNS:
            country = country or country_of_name(ent_text(doc, child))
            definite = True
    norps = [named[i] for i in sorted(named)]
    return country, sector, definite, norps


# sectors of people outside the state: "civilian" adds nothing to "civilian refugees"
NON_STATE_SECTORS = frozenset(
    {"CVL", "REF", "EDU", "HLH", "LAB", "AGR", "MED", "REL", "CRM", "NGO"}
)


def _modifier_applies(modifier: str | None, role: lexicon.Role) -> bool:
    """ "former" makes elites of officials only; "civilian" overrides state roles only."""
    if modifier == "ELI":
        return role.sector == "GOV"
    if modifier == "CVL":
        return role.sector not in NON_STATE_SECTORS
    return modifier is not None


OF_COUNTRY_PREPS = frozenset({"of", "from", "in", "to", "throughout", "across"})

OWNER_PREPS = frozenset({"of", "for", "from"})


def _owner(doc: Doc, token: Token) -> int | None:
    """The token of what a role noun belongs to, when that is no place: "officials of the
    Interior Ministry", "a spokesman for the army", "Erdogan's party", "its troops" (the
    pronoun: its antecedent is found when the entities are coded)."""
    for child in token.lefts:
        if child.dep_ == "poss" and not (
            child.ent_type_ in {"GPE", "NORP", "LOC"} or country_of_name(ent_text(doc, child))
        ):
            return child.i
    for prep in token.rights:
        if prep.i != token.i + 1 or prep.dep_ != "prep" or prep.lower_ not in OWNER_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.ent_type_ not in {"GPE", "NORP", "LOC"}:
                return None if obj.pos_ == "PRON" else obj.i
    return None


def _of_country(doc: Doc, token: Token) -> tuple[int, str | None, str | None]:
    """ "the president of Armenia", "rebels in Darfur", "a group based in Beirut": the span
    grows over the place, which gives the country; "the ambassador to Canada": it gives the
    posting."""
    for child in token.rights:
        if child.i != token.i + 1:
            continue
        prep: Token | None = child
        if child.dep_ == "acl" and child.lemma_.lower() == "base":  # "based in Beirut"
            prep = next((c for c in child.rights if c.i == child.i + 1), None)
        if prep is None or prep.dep_ != "prep" or prep.lower_ not in OF_COUNTRY_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.ent_type_ in {"GPE", "NORP", "LOC"}:
                first = obj.i
                while first > prep.i + 1 and doc[first].ent_iob_ == "I":
                    first -= 1
                # "the Syrian Golan Heights": a region named after its country
                code = place_country(ent_text(doc, obj)) or country_of_adjective(doc[first])
                end = obj.i + 1
                while end < len(doc) and doc[end].ent_iob_ == "I":
                    end += 1
                if prep.lower_ == "to":
                    return end, None, code
                return end, code, None
    return token.i + 1, None, None


def role_key(role_text: str) -> str | None:
    """The longest known role at the end of a title ("Deputy Foreign Minister" -> itself,
    "Senior Adviser Minister" -> "minister"); plural heads are singularised."""
    table = lexicon.roles()
    folded = fold(role_text)
    for joint in (" of ", " to ", " for ", " in "):
        head, _, _ = folded.partition(joint)
        if joint in folded and head.replace("-", " ") in table:
            if folded.replace("-", " ") not in table:
                folded = head
            break
    words = folded.replace("-", " ").split()
    for n in range(len(words), 0, -1):
        tail = " ".join(words[-n:])
        for candidate in (tail, _singular(tail)):
            if candidate in table:
                return candidate
    return None


def _singular(text: str) -> str:
    if text.endswith("men"):
        return text[:-3] + "man"
    if text.endswith("ies"):
        return text[:-3] + "y"
    if text.endswith("s") and not text.endswith("ss"):
        return text[:-1]
    return text
