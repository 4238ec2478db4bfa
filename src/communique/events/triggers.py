"""Finding event triggers in a parsed sentence: verbs, nouns, adjectives and phrases."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from communique.events.lexicon import Lexicon, TriggerEntry, lexicon

# Named-entity types whose words are names, not events ("the Munich Security Conference").
NAME_TYPES = frozenset({"ORG", "EVENT", "WORK_OF_ART", "LAW", "FAC", "PRODUCT"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "obj"})
PREP_DEPS = frozenset({"prep", "prt", "agent"})
OBLIGATION = frozenset({"must", "should"})
POS_CLASSES = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}


@dataclass(frozen=True)
class TriggerMatch:
    head: Token
    first: int  # token index of the trigger's first word
    last: int  # token index of its last word
    entry: TriggerEntry
    sentence: Span

    @property
    def span(self) -> Span:
        return self.head.doc[self.first : self.last + 1]

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def start_char(self) -> int:
        return self.span.start_char


def find_triggers(sentence: Span) -> list[TriggerMatch]:
    """Every trigger of the sentence, phrases first, then single words; in text order."""
    lex = lexicon()
    tokens = list(sentence)
    matches = _phrase_matches(tokens, lex, sentence)
    taken = {i for m in matches for i in range(m.first, m.last + 1)}
    for token in tokens:
        if token.i in taken or token.ent_type_ in NAME_TYPES:
            continue
        entry = _word_entry(token, lex)
        if entry is not None:
            matches.append(TriggerMatch(token, token.i, token.i, entry, sentence))
    if not matches:
        return []
    words = {t.lower_ for t in tokens}
    kept = [m for m in matches if not (lex.blocks.get(m.entry.type, frozenset()) & words)]
    return sorted(kept, key=lambda m: m.first)


def _phrase_matches(tokens: list[Token], lex: Lexicon, sentence: Span) -> list[TriggerMatch]:
    found = []
    i = 0
    while i < len(tokens):
        for words, entry in lex.phrases.get(tokens[i].lower_, ()):
            window = tokens[i : i + len(words)]
            if len(window) == len(words) and all(
                t.lower_ == w or t.lemma_.lower() == w for t, w in zip(window, words, strict=True)
            ):
                found.append(TriggerMatch(window[-1], window[0].i, window[-1].i, entry, sentence))
                i += len(words) - 1
                break
        i += 1
    return found


def _word_entry(token: Token, lex: Lexicon) -> TriggerEntry | None:
    pos = POS_CLASSES.get(token.pos_)
    if pos is None:
        return None
    entries = lex.by_lemma.get((pos, token.lemma_.lower()))
    if not entries or (pos == "VERB" and token.dep_ == "amod"):
        return None
    for entry in entries:
        if _conditions_hold(token, entry):
            return entry
    return None


def _conditions_hold(token: Token, entry: TriggerEntry) -> bool:
    if entry.prep and not any(
        c.dep_ in PREP_DEPS and c.lower_ == entry.prep for c in token.children
    ):
        return False
    if entry.obj and not any(
        word.lemma_.lower() in entry.obj
        for c in token.children
        if c.dep_ in OBJECT_DEPS
        for o in (c, *c.conjuncts)
        for word in _object_words(o)
    ):
        return False
    if entry.gov and token.head.lemma_.lower() not in entry.gov:
        return False
    if entry.must and not any(
        c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in OBLIGATION for a in c.children)
        for c in token.children
    ):
        return False
    return not entry.xcomp or any(c.dep_ in ("xcomp", "ccomp") for c in token.children)


def _object_words(obj: Token) -> list[Token]:
    """The object and the words that say what it is: its compound modifiers ("mediation
    efforts") and what a measure counts ("700 kg of medicine", "shipments of aid")."""
    words = [obj, *(c for c in obj.children if c.dep_ == "compound")]
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            words += [g for g in prep.children if g.dep_ == "pobj"]
    return words
