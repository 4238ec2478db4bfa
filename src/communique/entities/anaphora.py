"""Anaphora on the parse: pronoun mentions and the syntax the coreference resolver reads.

Third-person pronouns become mentions wherever they may stand for an actor: subjects,
objects of verbs and prepositions ("accused him of", "talks with them") and possessives
("his counterpart", "its allies"). "it" counts only as the subject of a speech or event verb
outside quotations (elsewhere it is mostly empty: "it is likely that ..."). A relative pronoun ("Scholz, who
arrived") is linked to the noun its clause describes.

:func:`annotate` then writes into ``Mention.extra`` what the resolver needs without the parse:

- ``case``: ``subj``, ``obj`` or ``poss`` (pronouns);
- ``binder``: for a pronoun in a reported clause, the token of the reporting verb's subject
  ("Obama said *he* had warned Putin"); ``rival``: its addressee ("Warren told Stumpf *he*");
- ``clause_subject``: the subject of the pronoun's own clause: an object pronoun never stands
  for it ("Obama told *him*"), a possessive usually does ("Obama and *his* counterpart");
- ``quoted``: the mention is inside a quotation;
- ``gender``: ``m``/``f`` from an honorific or a gendered title ("Mrs", "spokeswoman"), or
  the pronoun's own gender (``n`` for "it");
- ``singular``: the head noun is singular in form ("the ministry", not "the rebels");
- ``bare``: a role noun without any determiner ("authorities said");
- ``modifier``: a role noun modifying another noun ("rebel-held"), no antecedent;
- ``owner``: the token of the possessor of a role noun ("Mr Putin's spokesman", "his government").
"""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from communique.entities import lexicon
from communique.entities.lexicon import fold, strip_article
from communique.entities.mentions import (
    Mention,
    _candidates,
    _extend_given_names,
    _name_mention,
    _text,
    place_country,
)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj", "pobj"})
CLAUSE_LINKS = frozenset({"xcomp", "conj", "advcl"})  # climbed on the way to a reporting verb
REPORTED = frozenset({"ccomp"})
SINGULAR_TAGS = frozenset({"NN", "NNP"})
MODIFIER_DEPS = frozenset({"compound", "amod", "npadvmod", "nmod"})
QUANTITY_LEMMAS = frozenset(
    {"hundred", "thousand", "million", "dozen", "score", "ten", "number", "lot", "crowd"}
)
OPENING_QUOTES = {"“": "”", '"': '"', "«": "»"}


@functools.cache
def settings() -> dict:
    """The coreference data: pronouns, gender words, domestic bodies, owned sectors."""
    raw = json.loads((lexicon.DATA / "coref.json").read_text(encoding="utf-8"))
    return {
        "pronouns": raw["pronouns"],
        "relative_pronouns": frozenset(raw["relative_pronouns"]),
        "gender_words": raw["gender_words"],
        "domestic_bodies": frozenset(raw["domestic_bodies"]),
        "owned_sectors": frozenset(raw["owned_sectors"]),
        "not_current": frozenset(raw["not_current"]),
    }


# ----------------------------------------------------------------------------- mentions


def more_mentions(doc: Doc, sent_of: list[int], mentions: list[Mention]) -> list[Mention]:
    """The mentions coreference adds to those found: pronouns, and the surnames of people
    named in full that the tagger missed elsewhere ("Howes had been working ...")."""
    return pronoun_mentions(doc, sent_of) + repeated_surnames(doc, sent_of, mentions)


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
    for i in _candidates(doc, 0, frozenset(s.lower() for s in surnames)):
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
        mention = _name_mention(doc, doc[i : i + 1], "PERSON", sent_of)
        if mention is not None and not any(j in taken for j in range(*mention.tokens)):
            found.append(mention)
            taken.update(range(*mention.tokens))
    return found


def pronoun_mentions(doc: Doc, sent_of: list[int]) -> list[Mention]:
    """Personal pronouns that may stand for an actor, and relative pronouns of clauses
    describing a noun, as mentions in text order."""
    table = settings()["pronouns"]
    relatives = settings()["relative_pronouns"]
    verbs = lexicon.verbs()
    acting_verbs = verbs["speech"] | verbs["event"]
    quotes = quoted_spans(_text(doc))
    starts = [start for start, _ in quotes]
    found = []
    for i in _candidates(doc, 0, frozenset(table) | relatives):
        token = doc[i]
        low = token.lower_
        if low in relatives:
            if _described_noun(token) is not None:
                found.append(_pronoun(token, sent_of, "subj", None, relative=True))
            continue
        case = case_of(token)
        if case is None:
            continue
        if low == "it" and not _referential_it(token, case, acting_verbs, quotes, starts):
            continue
        if low == "its" and case != "poss":
            continue
        entry = table[low]
        mention = _pronoun(token, sent_of, case, entry.get("gender"))
        mention.plural = entry["number"] == "p"
        found.append(mention)
    return found


def _referential_it(
    token: Token, case: str | None, verbs: frozenset[str], quotes: list, starts: list[int]
) -> bool:
    """ "Russia said it would respond": "it" as the subject of a speech or event verb, in the
    narrative (inside quotations it is mostly empty: "it's not going to happen")."""
    return (
        case == "subj"
        and token.dep_ != "expl"
        and token.head.lemma_.lower() in verbs
        and not _inside(token.idx, quotes, starts)
    )


def _pronoun(
    token: Token, sent_of: list[int], case: str, gender: str | None, relative: bool = False
) -> Mention:
    subject = case == "subj"
    extra: dict = {"case": case, "gender": gender}
    if relative:
        extra["relative"] = True
    return Mention(
        start=token.idx,
        end=token.idx + len(token.text),
        text=token.text,
        kind="pronoun",
        label="PRON",
        head=token.i,
        sent=sent_of[token.i],
        subject=subject,
        acting=subject,
        tokens=(token.i, token.i + 1),
        extra=extra,
    )


def case_of(token: Token) -> str | None:
    """``subj``, ``obj`` or ``poss`` from the token's dependency (conjuncts take the case of
    the first: "him and his wife"); None elsewhere."""
    seen = 0
    while token.dep_ == "conj" and token.head.i != token.i and seen < 8:
        token, seen = token.head, seen + 1
    if token.dep_ in SUBJECT_DEPS:
        return "subj"
    if token.dep_ in OBJECT_DEPS:
        return "obj"
    if token.dep_ == "poss":
        return "poss"
    return None


def _described_noun(token: Token) -> Token | None:
    """The noun a relative pronoun's clause describes ("Scholz" for "Scholz, who said")."""
    if token.dep_ not in SUBJECT_DEPS | OBJECT_DEPS:
        return None
    verb = token.head
    if verb.dep_ != "relcl" or verb.head.i >= token.i:
        return None
    return verb.head if verb.head.pos_ in {"NOUN", "PROPN"} else None


# ----------------------------------------------------------------------------- features


def annotate(doc: Doc, mentions: list[Mention]) -> None:
    """Write the resolver's features into each mention's ``extra`` (see the module notes);
    link relative pronouns to the mention of the noun they describe."""
    _person_appositions(doc, mentions)
    quotes = quoted_spans(_text(doc))
    starts = [start for start, _ in quotes]
    by_head: dict[int, int] = {}
    for n, mention in enumerate(mentions):
        if mention.kind != "pronoun":
            by_head.setdefault(mention.head, n)
    for mention in mentions:
        mention.extra["quoted"] = _inside(mention.start, quotes, starts)
        head = doc[mention.head]
        if mention.kind == "pronoun":
            _pronoun_features(doc, mention, head, by_head, mentions)
            continue
        mention.extra["singular"] = head.tag_ in SINGULAR_TAGS
        if not mention.subject and _counted_subject(head):
            mention.subject = mention.acting = True  # "Hundreds of demonstrators gathered"
        gender = _gender_evidence(doc, mention)
        if gender:
            mention.extra["gender"] = gender
        if mention.kind == "role":
            # "rebel-held", "police station": a role noun modifying another names nobody
            mention.extra["modifier"] = head.dep_ in MODIFIER_DEPS
            owner = next((c for c in head.lefts if c.dep_ == "poss"), None)
            if owner is not None:
                mention.extra["owner"] = owner.i
            mention.extra["bare"] = not mention.definite and not any(
                c.dep_ in {"det", "poss", "nummod"} for c in head.lefts
            )


def _counted_subject(token: Token) -> bool:
    """The noun counted by a subject quantity: "demonstrators" in "Hundreds of demonstrators
    gathered", "thousands of Cubans marched"."""
    if token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    quantity = token.head.head
    return quantity.dep_ in SUBJECT_DEPS and (
        quantity.like_num or quantity.lemma_.lower() in QUANTITY_LEMMAS
    )


def _person_appositions(doc: Doc, mentions: list[Mention]) -> None:
    """ "Shoukry, Egypt's foreign minister,": a name the tagger took for a place or a body is
    a person when a person's title stands in apposition to it; the title joins the name."""
    by_head = {m.head: n for n, m in enumerate(mentions) if m.kind == "name"}
    for role in mentions:
        if role.kind != "role" or role.plural or role.link is not None:
            continue
        token = doc[role.head]
        partners = [token.head] if token.dep_ == "appos" else []
        partners += [c for c in token.children if c.dep_ == "appos"]
        for partner in partners:
            n = by_head.get(partner.i)
            if n is not None and _unknown_name(mentions[n]):
                _make_person(doc, mentions[n])
                role.link = n
                break


def _unknown_name(mention: Mention) -> bool:
    """A name not known as a country, capital, organisation or seat of power."""
    if mention.label in {"PERSON"} or mention.kind != "name":
        return False
    key = strip_article(fold(mention.name or mention.text))
    return not (
        place_country(key)
        or key in lexicon.organisations()
        or key in lexicon.seats()
        or key in lexicon.demonyms()
    )


def _make_person(doc: Doc, mention: Mention) -> None:
    span = _extend_given_names(doc, doc[mention.tokens[0] : mention.tokens[1]])
    mention.label = "PERSON"
    mention.start, mention.tokens = span.start_char, (span.start, mention.tokens[1])
    mention.text = mention.name = _text(doc)[mention.start : mention.end]


def _pronoun_features(
    doc: Doc, mention: Mention, token: Token, by_head: dict[int, int], mentions: list[Mention]
) -> None:
    if mention.extra.get("relative"):
        noun = _described_noun(token)
        target = by_head.get(noun.i) if noun is not None else None
        if target is not None and mentions[target].start < mention.start:
            mention.link = target
        return
    verb = governing_verb(token)
    if verb is None:
        return
    subject = _subject_of(verb)
    if subject is not None and not _inside_phrase(token, subject):
        mention.extra["clause_subject"] = subject.i
        if mention.extra["case"] == "poss":  # "Orangemen march from their church"
            mention.extra["subject_blocks"] = _same_referent_unknown(subject, token, by_head)
    binder = reporting_subject(verb)
    if binder is not None and binder.i != token.i:
        mention.extra["binder"] = binder.i
        mention.extra["binder_blocks"] = _same_referent_unknown(binder, token, by_head)
        # "Warren told Stumpf he ...": the addressee is as likely as the speaker
        addressee = next((c for c in binder.head.children if c.dep_ in {"dobj", "dative"}), None)
        if addressee is not None:
            mention.extra["rival"] = addressee.i


def _same_referent_unknown(binder: Token, pronoun: Token, by_head: dict[int, int]) -> bool:
    """ "One expert said he ...", "He said he ...": the pronoun is the reporting subject, who
    is no known actor (a name without a mention, a noun of the same number without one, or
    the same pronoun); then it stands for nobody else either."""
    table = settings()["pronouns"]
    if binder.pos_ == "PRON":
        mine, theirs = table.get(pronoun.lower_), table.get(binder.lower_)
        return mine is not None and mine == theirs
    if binder.pos_ not in {"NOUN", "PROPN"} or binder.i in by_head:
        return False
    if binder.pos_ == "PROPN":  # a name the tagger missed; its number is unreliable
        return True
    plural = binder.tag_ in {"NNS", "NNPS"}
    return plural == (table[pronoun.lower_]["number"] == "p")


def governing_verb(token: Token) -> Token | None:
    """The verb of the clause a pronoun belongs to ("his" in "his government said" -> said)."""
    current = token
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            return current if current.pos_ in {"VERB", "AUX"} else None
        if head.pos_ in {"VERB", "AUX"}:
            return head
        current = head
    return None


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def _inside_phrase(token: Token, phrase_head: Token) -> bool:
    return phrase_head.left_edge.i <= token.i <= phrase_head.right_edge.i


def reporting_subject(verb: Token) -> Token | None:
    """The subject of the verb that reports the clause of ``verb`` ("Obama *said* he had
    warned Putin" -> Obama), climbing through infinitives, conjuncts and adverbial clauses."""
    clause = verb
    for _ in range(4):
        if clause.head.i == clause.i:
            return None
        if clause.dep_ in REPORTED:
            return _subject_of(clause.head)
        if clause.dep_ not in CLAUSE_LINKS:
            return None
        clause = clause.head
    return None


def _gender_evidence(doc: Doc, mention: Mention) -> str | None:
    """ "Mrs Clinton", "Sister Jeanne", "the spokeswoman": the gender a title or noun tells."""
    words = settings()["gender_words"]
    first, end = mention.tokens
    if mention.kind == "name" and mention.label != "PERSON":
        return None
    found = set()
    if first > 0 and doc[first - 1].lower_ in words:  # "Mr." left out of the name's span
        found.add(words[doc[first - 1].lower_])
    for i in range(first, end):
        if mention.kind == "name" and doc[i].pos_ == "PROPN" and doc[i].lower_ not in words:
            continue
        gender = words.get(doc[i].lower_)
        if gender:
            found.add(gender)
    return found.pop() if len(found) == 1 else None


# ----------------------------------------------------------------------------- quotations


QUOTE_MARKS = re.compile(r"[“”\"«»]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, paired within each paragraph."""
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        opening: tuple[int, str] | None = None
        for mark in QUOTE_MARKS.finditer(paragraph.group()):
            char, at = mark.group(), paragraph.start() + mark.start()
            if opening is None:
                if char in OPENING_QUOTES:
                    opening = (at, OPENING_QUOTES[char])
            elif char == opening[1]:
                spans.append((opening[0] + 1, at))
                opening = None
        if opening is not None:  # a quotation running on past its paragraph
            spans.append((opening[0] + 1, paragraph.end()))
    return spans


def _inside(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    k = bisect_right(starts, position) - 1
    return k >= 0 and spans[k][0] <= position < spans[k][1]
