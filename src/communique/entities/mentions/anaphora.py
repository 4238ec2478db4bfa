"""Anaphora on the parse: the syntax the coreference resolver reads.

:func:`annotate` writes into ``Mention.extra`` what the resolver needs without the parse:

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

It also links a relative pronoun to the mention of the noun it describes.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from communique.entities import lexicon
from communique.entities.country_codes import place_country
from communique.entities.lexicon import fold, strip_article
from communique.entities.mentions.base import (
    SUBJECT_DEPS,
    Mention,
    in_spans,
    quoted_spans,
    text_of,
)
from communique.entities.mentions.names import extend_given_names
from communique.entities.mentions.pronouns import described_noun, settings

CLAUSE_LINKS = frozenset({"xcomp", "conj", "advcl"})  # climbed on the way to a reporting verb

REPORTED = frozenset({"ccomp"})

SINGULAR_TAGS = frozenset({"NN", "NNP"})

MODIFIER_DEPS = frozenset({"compound", "amod", "npadvmod", "nmod"})

QUANTITY_LEMMAS = frozenset(
    {"hundred", "thousand", "million", "dozen", "score", "ten", "number", "lot", "crowd"}
)


def annotate(doc: Doc, mentions: list[Mention]) -> None:
    """Write the resolver's features into each mention's ``extra`` (see the module notes);
    link relative pronouns to the mention of the noun they describe."""
    _person_appositions(doc, mentions)
    quotes = quoted_spans(text_of(doc))
    starts = [start for start, _ in quotes]
    by_head: dict[int, int] = {}
    for n, mention in enumerate(mentions):
        if mention.kind != "pronoun":
            by_head.setdefault(mention.head, n)
    for mention in mentions:
        mention.extra["quoted"] = in_spans(mention.start, quotes, starts)
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
    span = extend_given_names(doc, doc[mention.tokens[0] : mention.tokens[1]])
    mention.label = "PERSON"
    mention.start, mention.tokens = span.start_char, (span.start, mention.tokens[1])
    mention.text = mention.name = text_of(doc)[mention.start : mention.end]


def _pronoun_features(
    doc: Doc, mention: Mention, token: Token, by_head: dict[int, int], mentions: list[Mention]
) -> None:
    if mention.extra.get("relative"):
        noun = described_noun(token)
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
