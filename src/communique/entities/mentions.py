"""Mentions: the spans of a parsed article that may name a political actor.

Three kinds: proper names from spaCy (PERSON, ORG, GPE, NORP, LOC, FAC) with any title in
front ("Russian Deputy Foreign Minister Igor Morgulov"), role nouns ("the diplomat",
"police", "the Foreign Ministry") and pronouns (found and annotated in
:mod:`communique.entities.anaphora`). Photo credits and bylines are left out.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from communique.entities import lexicon
from communique.entities.lexicon import fold

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
DETERMINERS = frozenset({"the", "a", "an"})
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
MODIFIER_DEPS = frozenset(
    {"det", "poss", "amod", "compound", "nummod", "nmod", "quantmod", "case", "advmod"}
)
CREDIT_BEFORE = re.compile(
    r"(?:©|\(c\)|photo(?:graph)?s?|pictures?|images?|credit|courtesy)\s*(?:by|:)?\s*$", re.I
)
BYLINE_BEFORE = re.compile(r"^\s*(?:by|from|reporting by|written by|edited by)\s+$", re.I)


@dataclass
class Mention:
    """One span of ``article.text`` that may refer to an actor."""

    start: int
    end: int
    text: str
    kind: str  # "name" | "role" | "pronoun"
    label: str  # spaCy label for names, ROLE or PRON
    head: int  # token index of the syntactic head
    sent: int  # index of the sentence
    name: str | None = None  # the proper-name part of a name mention
    role: str | None = None  # the title as written ("Deputy Foreign Minister")
    role_key: str | None = None  # its key in the role hierarchy ("deputy foreign minister")
    country: str | None = None
    posting: str | None = None
    sector: str | None = None  # sector given by a modifier ("opposition leader" -> OPP)
    plural: bool = False
    definite: bool = False
    subject: bool = False
    acting: bool = False  # subject or agent: a capital or country here stands for its government
    counterpart: bool = False
    link: int | None = None  # index of a mention in apposition (same referent)
    tokens: tuple[int, int] = (0, 0)  # token range [start, end)
    extra: dict = field(default_factory=dict)


def find_mentions(doc: Doc, captions: list[str] | None = None) -> list[Mention]:
    """All mentions of the document, in text order (ties: longer first)."""
    sent_of = _sentence_index(doc)
    credits = _credit_names(captions or [])
    mentions: list[Mention] = []
    taken: set[int] = set()
    modifiers: list[Span] = []
    ents = doc.ents
    for ent in ents:
        if ent.label_ not in NAME_LABELS:
            continue
        for piece in _clean_pieces(doc, ent, credits):
            if _is_adjective_modifier(piece):
                modifiers.append(piece)
                continue
            mention = _name_mention(doc, piece, ent.label_, sent_of)
            if mention is not None:
                mentions.append(mention)
                taken.update(range(*mention.tokens))
    ent_tokens = {i for ent in ents for i in range(ent.start, ent.end)}
    for span in _titled_names(doc, taken | ent_tokens):
        mention = _name_mention(doc, span, "PERSON", sent_of)
        if mention is not None:
            mentions.append(mention)
            taken.update(range(*mention.tokens))
    mentions.extend(_seat_mentions(doc, sent_of, taken | ent_tokens))
    taken.update(i for m in mentions for i in range(*m.tokens))
    blocked = {i for m in mentions if m.label == "PERSON" for i in range(*m.tokens)}
    roles = _role_mentions(doc, sent_of, taken, ent_tokens, blocked)
    # "U.S. and Russian negotiators": the "U.S." of the split group replaces the bare name
    split = {(m.start, m.end) for m in roles}
    mentions = [m for m in mentions if m.kind != "name" or (m.start, m.end) not in split]
    mentions.extend(roles)
    taken.update(i for m in mentions for i in range(*m.tokens))
    for span in modifiers:  # "an Indian proposal": the adjective alone points to the country
        if not any(i in taken for i in range(span.start, span.end)):
            mention = _name_mention(doc, span, "NORP", sent_of)
            mention.plural = False
            mention.extra["adjective"] = True
            mentions.append(mention)
    from communique.entities import anaphora  # it builds on this module

    mentions.extend(anaphora.more_mentions(doc, sent_of, mentions))
    mentions.sort(key=lambda m: (m.start, -m.end))
    _link_appositions(doc, mentions)
    anaphora.annotate(doc, mentions)
    for mention in mentions:  # "Saudi Arabia and Iran ...": one of several named together
        if mention.kind == "name" and doc[mention.head].conjuncts:
            mention.extra["coordinated"] = True
    return mentions


@functools.cache
def _hash_set(words: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


@functools.cache
def _role_heads() -> frozenset[str]:
    """Last words of role keys, the only nouns worth a closer look."""
    return frozenset(key.split()[-1] for key in lexicon.roles())


@functools.cache
def _single_word_roles() -> frozenset[str]:
    """Titles that may stand before a name ("Ambassador", "General", "Judge")."""
    return frozenset(
        key
        for key, role in lexicon.curated_roles().items()
        if " " not in key and not role.group and role.sector in TITLE_SECTORS
    )


@functools.cache
def _seat_heads() -> frozenset[str]:
    return frozenset(key.split()[0] for key in lexicon.seats())


def _candidates(doc: Doc, column: int, words: frozenset[str]) -> list[int]:
    """Token indices whose LOWER (column 0) or LEMMA (column 1) is one of ``words``: hash
    look-ups over one exported array instead of a Python loop over Token objects."""
    rows = doc.user_data.get("communique.lower_lemma")
    if rows is None:
        rows = doc.user_data["communique.lower_lemma"] = (
            doc.to_array([LOWER, LEMMA]).tolist() if len(doc) else []
        )
    wanted = _hash_set(words)
    if column == 0:
        return [i for i, row in enumerate(rows) if row[0] in wanted]
    return [i for i, row in enumerate(rows) if row[0] in wanted or row[1] in wanted]


def _text(doc: Doc) -> str:
    """``doc.text`` joins every token on each call: keep it once per document."""
    text = doc.user_data.get("communique.text")
    if text is None:
        text = doc.user_data["communique.text"] = doc.text
    return text


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    if not doc.has_annotation("SENT_START"):
        return index
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index


def _credit_names(captions: list[str]) -> frozenset[str]:
    names = set()
    for credit in captions:
        for part in re.split(r"[/,;|]|\bfor\b|\bvia\b", credit):
            part = fold(part.strip(" ©()"))
            if part:
                names.add(part)
    return frozenset(names)


# ----------------------------------------------------------------------------- names


def _clean_pieces(doc: Doc, ent: Span, credits: frozenset[str]) -> list[Span]:
    """The entity without photo credits, bylines and line breaks glued into it."""
    pieces, current = [], []
    for token in ent:
        if token.is_space or "\n" in token.text:
            if current:
                pieces.append(current)
            current = []
        else:
            current.append(token)
    if current:
        pieces.append(current)
    spans = []
    for tokens in pieces:
        span = _strip_edges(doc, doc[tokens[0].i : tokens[-1].i + 1])
        if span is None:
            continue
        span = _cut_credit(doc, span, ent.label_)
        if span is None or fold(span.text) in credits and ent.label_ == "PERSON":
            continue
        if ent.label_ == "PERSON" and _is_byline(doc, span):
            continue
        spans.append(span)
    return spans


def _titled_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Names spaCy missed after a capitalised title: "Ambassador to Moscow Toyohisa Kodzuki"."""
    words = lexicon.title_words()
    found = []
    after = -1
    for i in _candidates(doc, 0, _single_word_roles()):
        token = doc[i]
        if i < after or not token.text[:1].isupper():
            continue
        j = i + 1
        if (
            j + 1 < len(doc)
            and doc[j].lower_ in POSTING_PREPS | {"of"}
            and doc[j + 1].ent_type_ == "GPE"
        ):
            j += 1
            while j < len(doc) and doc[j].ent_type_ == "GPE" and doc[j].ent_iob_ != "O":
                j += 1
        start = j
        while (
            j < len(doc)
            and j - start < 4
            and j not in taken
            and doc[j].pos_ == "PROPN"
            and doc[j].text[:1].isupper()
            and doc[j].ent_type_ in {"", "PERSON"}
            and doc[j].lower_ not in words
            and not _country_of_adjective(doc[j])
        ):
            j += 1
        if j > start and (j >= len(doc) or doc[j].pos_ != "PROPN"):
            found.append(doc[start:j])
            after = j
    return found


def _strip_edges(doc: Doc, span: Span) -> Span | None:
    start, end = span.start, span.end
    while end > start and (doc[end - 1].lower_ in {"'s", "’s", "'", "’"} or doc[end - 1].is_punct):
        end -= 1
    while start < end and doc[start].is_punct:
        start += 1
    return doc[start:end] if end > start else None


def _cut_credit(doc: Doc, span: Span, label: str) -> Span | None:
    """Drop a photo credit ("© Name Surname", "Name Surname/AGENCY") from a name span."""
    line_start = _text(doc).rfind("\n", 0, span.start_char) + 1
    before = _text(doc)[line_start : span.start_char]
    if CREDIT_BEFORE.search(before):
        return None
    after = _text(doc)[span.end_char : span.end_char + 2]
    if label == "PERSON" and after.startswith("/") and after[1:2].isalpha():
        # "... Toyohisa Kozuki Vyacheslav Prokofyev/TASS": the last two words are the credit
        keep = len(span) - 2
        if keep <= 0:
            return None
        return doc[span.start : span.start + keep]
    return span


def _is_byline(doc: Doc, span: Span) -> bool:
    line_start = _text(doc).rfind("\n", 0, span.start_char) + 1
    line_end = _text(doc).find("\n", span.end_char)
    line_end = len(_text(doc)) if line_end < 0 else line_end
    rest = _text(doc)[span.end_char : line_end].strip(" ,;|-–—")
    return bool(BYLINE_BEFORE.match(_text(doc)[line_start : span.start_char])) and len(rest) < 60


def _is_adjective_modifier(span: Span) -> bool:
    """ "Japanese" in "the Japanese envoy" (whatever label spaCy gives it): it codes its
    head rather than standing as an actor of its own."""
    key = fold(span.text)
    if key not in lexicon.demonyms() and not (span.root.ent_type_ == "NORP" and "-" in key):
        return False
    return _is_modifier(span.root)


def _name_mention(doc: Doc, span: Span, label: str, sent_of: list[int]) -> Mention | None:
    root = span.root
    if label in {"ORG", "GPE", "FAC", "NORP"} and _after_person_title(doc, span):
        label = "PERSON"  # "Vice-President Moody Awori" tagged as an organisation
    if label == "PERSON" and _is_people_name(span):
        label = "NORP"  # "Bosnian Serbs" tagged as a person
    if label == "PERSON":
        span = _split_leading_title(doc, span)
        if span is None:
            return None
        root = span.root
    name_text = re.sub(r"^(?:the|The)\s+", "", span.text)
    mention = Mention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        kind="name",
        label=label,
        head=root.i,
        sent=sent_of[root.i],
        name=name_text,
        tokens=(span.start, span.end),
        subject=_is_subject(root),
    )
    mention.acting = mention.subject or _is_acting(root)
    mention.extra["coordinated"] = _is_coordinated(root)
    mention.extra["bracketed"] = _text(doc)[span.start_char - 1 : span.start_char] == "("
    # "a UK-based group": where a body sits, not what the article is about
    mention.extra["based"] = _text(doc)[span.end_char : span.end_char + 6].lower() == "-based"
    if label in {"ORG", "FAC", "NORP"}:
        mention.country = _country_before(
            doc, span
        )  # "Iraqi Kurds", "the Russian Foreign Ministry"
        if mention.country is None and label == "ORG":
            owner = _possessor_before(doc, span)  # "Erdogan's AK Party"
            if owner is not None:
                mention.extra["owner"] = owner
    if label == "NORP":
        mention.plural = root.pos_ != "ADJ"
        mention.country = _norp_country(span.text) or mention.country
        if mention.plural and _country_before(doc, span) and doc[span.start - 1].pos_ == "ADJ":
            _extend_left(doc, mention, span.start - 1)  # "Iraqi Kurds": one people
        if mention.plural and span.start > 0 and doc[span.start - 1].lower_ == "ethnic":
            # CAMEO: "ethnic Albanians" are a people, not Albania's; they live where they are
            _extend_left(doc, mention, span.start - 1)
            mention.country, mention.extra["ethnic"] = None, True
        if root.pos_ == "ADJ":  # "the islands are Russian": a country, not a people
            mention.extra["adjective"] = True
    if label == "PERSON":
        span = _extend_given_names(doc, span)
        mention.start, mention.text, mention.tokens = (
            span.start_char,
            span.text,
            (span.start, span.end),
        )
        mention.name = span.text
        _attach_title(doc, span, mention)
        _attach_of_country(doc, span, mention)
    return mention


def _is_people_name(span: Span) -> bool:
    """ "Bosnian Serbs", "Iraqi Kurds": a plural proper noun after a nationality word."""
    return (
        len(span) >= 2
        and span[-1].tag_ == "NNPS"
        and _country_of_adjective(span[0]) is not None
        and fold(span.text) not in lexicon.organisations()
    )


def _extend_left(doc: Doc, mention: Mention, first: int) -> None:
    mention.start = doc[first].idx
    mention.text = _text(doc)[mention.start : mention.end]
    mention.tokens = (first, mention.tokens[1])


def _after_person_title(doc: Doc, span: Span) -> bool:
    before = doc[span.start - 1] if span.start > 0 else None
    return (
        before is not None
        and before.text[:1].isupper()
        and before.lower_ in _single_word_roles()
        and len(span) <= 3
        and all(t.pos_ == "PROPN" for t in span)
        and fold(span.text) not in lexicon.organisations()
        and country_of_name(span.text) is None
    )


def _norp_country(text: str) -> str | None:
    """ "Bosnian Serbs" -> BIH: the whole name, else its first word."""
    key = fold(text)
    demonyms = lexicon.demonyms()
    return demonyms.get(key) or demonyms.get(key.split(" ")[0]) or demonyms.get(key.split("-")[0])


def _split_leading_title(doc: Doc, span: Span) -> Span | None:
    """ "Archbishop Desmond Tutu" tagged whole: the title goes to the title scan."""
    words = lexicon.title_words()
    start = span.start
    while start < span.end - 1 and doc[start].lower_ in words:
        start += 1
    return doc[start : span.end]


def _attach_of_country(doc: Doc, span: Span, mention: Mention) -> None:
    """ "King Hassan of Morocco": the country follows the name; "Geng Shuang of the
    Foreign Ministry": the organisation is the person's owner."""
    end = span.end
    if (
        end + 1 < len(doc)
        and doc[end].lower_ in {"of", "from"}
        and doc[end].head.i == span.root.i
        and any(t.ent_type_ == "ORG" for t in doc[end + 1].subtree)
    ):
        obj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
        if obj is not None and obj.ent_type_ == "ORG":
            mention.extra.setdefault("owner", obj.i)
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_type_ == "GPE":
        last = end + 1
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        code = place_country(doc[end + 1 : last + 1].text)
        if code:
            mention.country = mention.country or code
            mention.end = doc[last].idx + len(doc[last].text)
            mention.text = _text(doc)[mention.start : mention.end]
            mention.tokens = (mention.tokens[0], last + 1)


def _extend_given_names(doc: Doc, span: Span) -> Span:
    """ "Toyohisa Kozuki" when spaCy tagged only "Kozuki": capitalised proper nouns that
    modify the name and are no title, nationality or other entity."""
    start = span.start
    words = lexicon.title_words()
    while start > 0:
        token = doc[start - 1]
        if (
            token.pos_ != "PROPN"
            or not token.text[:1].isupper()
            or token.ent_type_ not in {"", "PERSON"}
            or token.lower_ in words
            or _country_of_adjective(token)
            or token.head.i < start - 1
            or token.head.i >= span.end + 1
        ):
            break
        start -= 1
    return doc[start : span.end]


def _country_before(doc: Doc, span: Span) -> str | None:
    """ "the Russian Foreign Ministry" when spaCy leaves "Russian" out of the name;
    "Russia's Foreign Ministry"."""
    i = span.start - 1
    if i >= 0 and doc[i].lower_ in {"'s", "’s"} and i >= 1:
        return country_of_name(_ent_text(doc, doc[i - 1]))
    if i >= 0 and not doc[i].is_space:
        return _country_of_adjective(doc[i])
    return None


def _possessor_before(doc: Doc, span: Span) -> int | None:
    """The token of a possessor right before a name ("Erdogan" in "Erdogan's AK Party")."""
    i = span.start - 1
    if i >= 1 and doc[i].lower_ in {"'s", "’s"} and doc[i - 1].ent_type_ in {"PERSON", "ORG"}:
        return i - 1
    return None


def _is_modifier(token: Token) -> bool:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"amod", "compound", "nmod", "npadvmod"} or (
        token.dep_ == "poss" and token.head.pos_ in {"NOUN", "PROPN"}
    )


def _is_coordinated(token: Token) -> bool:
    """One of several joined by "and"/"or" ("Saudi Arabia and Iran")."""
    return token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)


def _is_subject(token: Token) -> bool:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in SUBJECT_DEPS


ACTING_PREPS = frozenset({"with", "by", "against", "from", "between", "and"})


def _is_agent(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _is_acting(token: Token) -> bool:
    """Subject, agent, object or partner of an interaction ("ties with Tehran"): a
    country or capital in such a place stands for its government."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in SUBJECT_DEPS or token.dep_ in {"dobj", "dative", "agent"} or _is_agent(token):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in ACTING_PREPS


def _attach_title(doc: Doc, span: Span, mention: Mention) -> None:
    """Extend a PERSON mention leftwards over its title: role, country, posting, counterpart."""
    title = _scan_title(doc, span)
    if title is None:
        return
    first, role_tokens, country, posting, sector, counterpart, owner = title
    if owner is not None:
        mention.extra["owner"] = owner
    mention.start = doc[first].idx
    mention.text = _text(doc)[mention.start : mention.end]
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
    first, role_tokens = span.start, []
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
        code = _country_of_adjective(token)
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
            owner = doc[i - 1]
            # whatever label spaCy gives it ("Niger's ambassador" as ORG or PERSON), only a
            # country name or demonym counts
            code = country_of_name(_ent_text(doc, owner))
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
    code = _country_of_adjective(token)
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


def org_country(name: str) -> str | None:
    """The country of an organisation: the table's, else a country or demonym in its name."""
    key = lexicon.strip_article(fold(name))
    org = lexicon.organisations().get(key)
    if org is not None:
        return org.country
    if key.startswith(("un ", "u.n. ", "united nations ")):
        return "IGO"
    words = key.replace("'s", "").split()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            code = country_of_name(" ".join(words[i : i + n]))
            if code:
                return code
    return None


def _names_country(doc: Doc, i: int) -> bool:
    """The entity ending at token ``i`` is a country ("the United States" tagged ORG)."""
    return country_of_name(_ent_text(doc, doc[i])) is not None


def _country_of_adjective(token: Token) -> str | None:
    """ "Japanese" -> JPN; "North Korean" -> PRK (read with the word before it);
    "Vietnamese-led" and "Japanese-Russian" -> their first nationality."""
    text = fold(token.text)
    if token.i > 0:
        two_words = lexicon.demonyms().get(f"{fold(token.doc[token.i - 1].text)} {text}")
        if two_words:
            return two_words
    code = lexicon.demonyms().get(text)
    if code is None and "-" in text:
        code = lexicon.demonyms().get(text.split("-")[0])
    return code


def country_of_name(text: str) -> str | None:
    """ISO alpha-3 (or IGO/...) for a country name or demonym, else None."""
    key = lexicon.strip_article(fold(text))
    return lexicon.countries().get(key) or lexicon.demonyms().get(key)


def place_country(text: str) -> str | None:
    """The country of a country name, demonym, capital city or first-level subdivision,
    else of the town or region the gazetteer knows the name for ("Darfur", "Cizre")."""
    return (
        country_of_name(text)
        or lexicon.capitals().get(lexicon.strip_article(fold(text)))
        or lexicon.subdivision_country(text)
        or part_of_country(text)
        or gazetteer_country(text)
    )


COMPASS = re.compile(
    r"^(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?|central|north-?(?:east|west)(?:ern)?|"
    r"south-?(?:east|west)(?:ern)?)\s+",
    re.I,
)


def part_of_country(text: str) -> str | None:
    """ "South Lebanon", "northern Syria": a part of a country named by a compass word."""
    rest = COMPASS.sub("", text, count=1)
    return country_of_name(rest) if rest != text else None


GAZETTEER_MARGIN = 1.0  # the likeliest place must outrank other countries' by a factor of 10
GAZETTEER_MIN_PRIOR = 4.0  # about 10,000 inhabitants: small towns share their names widely


@functools.lru_cache(maxsize=8192)
def gazetteer_country(text: str) -> str | None:
    """The country of the place the places gazetteer finds likeliest for a name, when no
    place of another country comes close ("Tripoli": LBY; "Jericho": none, a town of the
    West Bank and two of the United States)."""
    from communique.places import gazetteer

    gaz = gazetteer.load()
    words = set(gazetteer.name_key(text).split())
    entries = [
        e
        for e in gaz.lookup(text)
        if e.feature != "capital" or words & set(gazetteer.name_key(e.name).split())
    ]  # capitals by their own names (the country table has their other names); GeoNames
    # also calls Hong Kong "Victoria"
    if not entries or entries[0].country is None:
        return None
    best = entries[0]
    if gazetteer.prior(best) < GAZETTEER_MIN_PRIOR:
        return None
    rivals = [gazetteer.prior(e) for e in entries[1:] if e.country != best.country]
    if rivals and gazetteer.prior(best) - max(rivals) < GAZETTEER_MARGIN:
        return None
    return best.country


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


# ----------------------------------------------------------------------------- seats


def _seat_mentions(doc: Doc, sent_of: list[int], taken: set[int]) -> list[Mention]:
    """Seats of power spaCy did not tag ("the Kremlin said")."""
    found = []
    seats = lexicon.seats()
    for i in _candidates(doc, 0, _seat_heads()):
        token = doc[i]
        if token.i in taken or not token.text[:1].isupper():
            continue
        for n in (3, 2, 1):
            if token.i + n > len(doc) or any(j in taken for j in range(token.i, token.i + n)):
                continue
            span = doc[token.i : token.i + n]
            if fold(span.text) in seats:
                root = span.root
                found.append(
                    Mention(
                        start=span.start_char,
                        end=span.end_char,
                        text=span.text,
                        kind="name",
                        label="ORG",
                        head=root.i,
                        sent=sent_of[root.i],
                        name=span.text,
                        tokens=(span.start, span.end),
                        subject=_is_subject(root),
                        acting=_is_subject(root) or _is_agent(root),
                    )
                )
                taken.update(range(span.start, span.end))
                break
    return found


# ----------------------------------------------------------------------------- role nouns


def _role_mentions(
    doc: Doc, sent_of: list[int], taken: set[int], ent_tokens: set[int], blocked: set[int]
) -> list[Mention]:
    found = []
    table = lexicon.roles()
    for i in _candidates(doc, 1, _role_heads()):
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
            subject=_is_subject(token),
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
        m.acting = m.subject or _is_agent(token)
        m.counterpart = key == "counterpart"
        m.extra["coordinated"] = len(mentions) > 1 or _is_coordinated(token)
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
    code = _country_of_adjective(token)
    if code is None and token.lower_ == "led":
        leader = next((c for c in token.lefts if c.nbor().text == "-"), None)
        return _modifier_country(doc, leader) if leader is not None else None
    if code is None and token.ent_type_ in {"GPE", "LOC", "ORG", "NORP"}:
        text = _ent_text(doc, token)
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
            country = country or country_of_name(_ent_text(doc, child))
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
OWNER_DEPS = frozenset({"pobj", "poss"})


def _owner(doc: Doc, token: Token) -> int | None:
    """The token of what a role noun belongs to, when that is no place: "officials of the
    Interior Ministry", "a spokesman for the army", "Erdogan's party", "its troops" (the
    pronoun: its antecedent is found when the entities are coded)."""
    for child in token.lefts:
        if child.dep_ == "poss" and not (
            child.ent_type_ in {"GPE", "NORP", "LOC"} or country_of_name(_ent_text(doc, child))
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
        prep = child
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
                code = place_country(_ent_text(doc, obj)) or _country_of_adjective(doc[first])
                end = obj.i + 1
                while end < len(doc) and doc[end].ent_iob_ == "I":
                    end += 1
                if prep.lower_ == "to":
                    return end, None, code
                return end, code, None
    return token.i + 1, None, None


def _ent_text(doc: Doc, token: Token) -> str:
    """The text of the named entity the token is part of (the token alone when none)."""
    if token.ent_iob_ not in {"B", "I"}:
        return token.text
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


# ----------------------------------------------------------------------------- appositions


def _link_appositions(doc: Doc, mentions: list[Mention]) -> None:
    """ "Toyohisa Kozuki, the Japanese ambassador," and "the ambassador, Toyohisa Kozuki":
    a role noun in apposition to a name refers to the same person."""
    by_head = {m.head: n for n, m in enumerate(mentions)}
    for n, mention in enumerate(mentions):
        token = doc[mention.head]
        if token.dep_ != "appos":
            continue
        other = by_head.get(token.head.i)
        if other is None:
            continue
        a, b = mentions[n], mentions[other]
        role, name = (a, b) if a.kind == "role" else (b, a)
        if (
            role.kind == "role"
            and name.kind == "name"
            and name.label == "PERSON"
            and not role.plural
        ):
            role.link = mentions.index(name)
