"""Name mentions: proper names from spaCy (PERSON, ORG, GPE, NORP, LOC, FAC) with any title
in front, names spaCy missed after a title, seats of power ("the Kremlin"), and untagged
repetitions of a surname. Photo credits and bylines are left out."""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span, Token

from communique.entities import lexicon
from communique.entities.country_codes import (
    country_of_adjective,
    country_of_name,
    norp_country,
    place_country,
)
from communique.entities.lexicon import fold
from communique.entities.mentions.base import (
    Mention,
    candidates,
    ent_text,
    is_acting,
    is_agent,
    is_coordinated,
    is_subject,
    text_of,
)
from communique.entities.mentions.titles import POSTING_PREPS, attach_title, single_word_roles

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})

CREDIT_BEFORE = re.compile(
    r"(?:©|\(c\)|photo(?:graph)?s?|pictures?|images?|credit|courtesy)\s*(?:by|:)?\s*$", re.I
)

BYLINE_BEFORE = re.compile(r"^\s*(?:by|from|reporting by|written by|edited by)\s+$", re.I)


def credit_names(captions: list[str]) -> frozenset[str]:
    """The folded names in photo credits and bylines, never actors of the story."""
    names = set()
    for credit in captions:
        for part in re.split(r"[/,;|]|\bfor\b|\bvia\b", credit):
            part = fold(part.strip(" ©()"))
            if part:
                names.add(part)
    return frozenset(names)


def clean_pieces(doc: Doc, ent: Span, credits: frozenset[str]) -> list[Span]:
    """The entity without photo credits, bylines and line breaks glued into it."""
    pieces: list[list[Token]] = []
    current: list[Token] = []
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


def titled_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Names spaCy missed after a capitalised title: "Ambassador to Moscow Toyohisa Kodzuki"."""
    words = lexicon.title_words()
    found = []
    after = -1
    for i in candidates(doc, 0, single_word_roles()):
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
            and not country_of_adjective(doc[j])
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
    line_start = text_of(doc).rfind("\n", 0, span.start_char) + 1
    before = text_of(doc)[line_start : span.start_char]
    if CREDIT_BEFORE.search(before):
        return None
    after = text_of(doc)[span.end_char : span.end_char + 2]
    if label == "PERSON" and after.startswith("/") and after[1:2].isalpha():
        # "... Toyohisa Kozuki Vyacheslav Prokofyev/TASS": the last two words are the credit
        keep = len(span) - 2
        if keep <= 0:
            return None
        return doc[span.start : span.start + keep]
    return span


def _is_byline(doc: Doc, span: Span) -> bool:
    line_start = text_of(doc).rfind("\n", 0, span.start_char) + 1
    line_end = text_of(doc).find("\n", span.end_char)
    line_end = len(text_of(doc)) if line_end < 0 else line_end
    rest = text_of(doc)[span.end_char : line_end].strip(" ,;|-–—")
    return bool(BYLINE_BEFORE.match(text_of(doc)[line_start : span.start_char])) and len(rest) < 60


def is_adjective_modifier(span: Span) -> bool:
    """ "Japanese" in "the Japanese envoy" (whatever label spaCy gives it): it codes its
    head rather than standing as an actor of its own."""
    key = fold(span.text)
    if key not in lexicon.demonyms() and not (span.root.ent_type_ == "NORP" and "-" in key):
        return False
    return _is_modifier(span.root)


def name_mention(doc: Doc, span: Span, label: str, sent_of: list[int]) -> Mention | None:
    """The name mention of ``span`` (label as spaCy gives it), with its title, country and owner."""
    root = span.root
    if label in {"ORG", "GPE", "FAC", "NORP"} and _after_person_title(doc, span):
        label = "PERSON"  # "Vice-President Moody Awori" tagged as an organisation
    if label == "PERSON" and _is_people_name(span):
        label = "NORP"  # "Bosnian Serbs" tagged as a person
    if label == "PERSON":
        untitled = _split_leading_title(doc, span)
        if untitled is None:
            return None
        span, root = untitled, untitled.root
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
        subject=is_subject(root),
    )
    mention.acting = mention.subject or is_acting(root)
    mention.extra["coordinated"] = is_coordinated(root)
    mention.extra["bracketed"] = text_of(doc)[span.start_char - 1 : span.start_char] == "("
    # "a UK-based group": where a body sits, not what the article is about
    mention.extra["based"] = text_of(doc)[span.end_char : span.end_char + 6].lower() == "-based"
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
        mention.country = norp_country(span.text) or mention.country
        if mention.plural and _country_before(doc, span) and doc[span.start - 1].pos_ == "ADJ":
            _extend_left(doc, mention, span.start - 1)  # "Iraqi Kurds": one people
        if mention.plural and span.start > 0 and doc[span.start - 1].lower_ == "ethnic":
            # CAMEO: "ethnic Albanians" are a people, not Albania's; they live where they are
            _extend_left(doc, mention, span.start - 1)
            mention.country, mention.extra["ethnic"] = None, True
        if root.pos_ == "ADJ":  # "the islands are Russian": a country, not a people
            mention.extra["adjective"] = True
    if label == "PERSON":
        span = extend_given_names(doc, span)
        mention.start, mention.text, mention.tokens = (
            span.start_char,
            span.text,
            (span.start, span.end),
        )
        mention.name = span.text
        attach_title(doc, span, mention)
        _attach_of_country(doc, span, mention)
    return mention


def _is_people_name(span: Span) -> bool:
    """ "Bosnian Serbs", "Iraqi Kurds": a plural proper noun after a nationality word."""
    return (
        len(span) >= 2
        and span[-1].tag_ == "NNPS"
        and country_of_adjective(span[0]) is not None
        and fold(span.text) not in lexicon.organisations()
    )


def _extend_left(doc: Doc, mention: Mention, first: int) -> None:
    mention.start = doc[first].idx
    mention.text = text_of(doc)[mention.start : mention.end]
    mention.tokens = (first, mention.tokens[1])


def _after_person_title(doc: Doc, span: Span) -> bool:
    before = doc[span.start - 1] if span.start > 0 else None
    return (
        before is not None
        and before.text[:1].isupper()
        and before.lower_ in single_word_roles()
        and len(span) <= 3
        and all(t.pos_ == "PROPN" for t in span)
        and fold(span.text) not in lexicon.organisations()
        and country_of_name(span.text) is None
    )


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
            mention.text = text_of(doc)[mention.start : mention.end]
            mention.tokens = (mention.tokens[0], last + 1)


def extend_given_names(doc: Doc, span: Span) -> Span:
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
            or country_of_adjective(token)
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
        return country_of_name(ent_text(doc, doc[i - 1]))
    if i >= 0 and not doc[i].is_space:
        return country_of_adjective(doc[i])
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


@functools.cache
def _seat_heads() -> frozenset[str]:
    return frozenset(key.split()[0] for key in lexicon.seats())


def seat_mentions(doc: Doc, sent_of: list[int], taken: set[int]) -> list[Mention]:
    """Seats of power spaCy did not tag ("the Kremlin said")."""
    found = []
    seats = lexicon.seats()
    for i in candidates(doc, 0, _seat_heads()):
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
                        subject=is_subject(root),
                        acting=is_subject(root) or is_agent(root),
                    )
                )
                taken.update(range(span.start, span.end))
                break
    return found


def repeated_surnames(doc: Doc, sent_of: list[int], mentions: list[Mention]) -> list[Mention]:
    """Untagged occurrences of the surname of a person named in full elsewhere."""
    surnames = set()
    for m in mentions:
        if m.kind == "name" and m.label == "PERSON":
            words = (m.name or m.text).split()
            if len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
                surnames.add(words[-1])
    if not surnames:
        return []
    taken = {i for m in mentions for i in range(*m.tokens)}
    found = []
    for i in candidates(doc, 0, frozenset(s.lower() for s in surnames)):
        token = doc[i]
        if (
            i in taken
            or token.text not in surnames
            or token.pos_ not in {"PROPN", "NOUN"}  # "Howes had been working": tagged a noun
            or token.ent_type_ not in {"", "PERSON"}
            or (i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i + 1].text[:1].isupper())
            or (i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper())
        ):
            continue
        mention = name_mention(doc, doc[i : i + 1], "PERSON", sent_of)
        if mention is not None and not any(j in taken for j in range(*mention.tokens)):
            found.append(mention)
            taken.update(range(*mention.tokens))
    return found
