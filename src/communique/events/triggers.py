"""Finding event triggers in a parsed sentence: verbs, nouns, adjectives and phrases."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from communique.events.lexicon import Lexicon, TriggerEntry, lexicon

# Named-entity types whose words are names, not events ("the Munich Security Conference").
NAME_TYPES = frozenset({"ORG", "EVENT", "WORK_OF_ART", "LAW", "FAC", "PRODUCT"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "obj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Particles and prepositions of a verb; "back", "forward", "aside" are often adverbs.
PREP_DEPS = frozenset({"prep", "prt", "agent", "advmod"})
# Through these a preposition of the pattern may hang below the trigger: on its object
# ("rushed police to the border") or on another preposition's object ("on a state of alert").
PP_PATH_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd", "pobj", "prep", "agent"})
OBLIGATION = frozenset({"must", "should"})
# Subjects by which a speaker obliges itself ("we must find those responsible", "the
# ministry said it must adopt countermeasures"): an intention, not a demand on anyone.
SPEAKER_PRONOUNS = frozenset({"i", "we", "it"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nummod"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})  # "which", "that", "who(m)" heading a relative clause
# Types of verbs of promise and warning ("vow", "pledge", "threaten") whose own event gives
# way to the action they announce when that is coded as a statement of intent.
ANNOUNCING_TYPES = frozenset({"AGREE", "THREATEN"})
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
        entry = word_entry(token, lex)
        if entry is not None:
            matches.append(TriggerMatch(token, token.i, token.i, entry, sentence))
    if not matches:
        return []
    words = {t.lower_ for t in tokens}
    kept = [m for m in matches if not (lex.blocks.get(m.entry.type, frozenset()) & words)]
    return sorted(_without_announcers(kept), key=lambda m: m.first)


def _without_announcers(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """Without a verb of promise or warning whose infinitive clause holds a trigger that is
    coded as the statement itself: "vowed to fight the U.S." is one THREATEN (the fight
    announced), not also an AGREE (the vow)."""
    from communique.events.intent import intent_table, recode  # intent imports this module

    governors = intent_table().governors
    dropped = set()
    for match in matches:
        head = match.head
        if match.entry.type not in ANNOUNCING_TYPES or head.lemma_.lower() not in governors:
            continue
        clauses = [c for c in head.children if c.dep_ == "xcomp"]
        inside = {t.i for c in clauses for t in c.subtree}
        for other in matches:
            if other is match or other.head.i not in inside:
                continue
            statement = recode(other)
            if statement.entry.intent and statement.entry.type != match.entry.type:
                dropped.add(id(match))
                break
    return [m for m in matches if id(m) not in dropped]


def _phrase_matches(tokens: list[Token], lex: Lexicon, sentence: Span) -> list[TriggerMatch]:
    found = []
    i = 0
    while i < len(tokens):
        for words, entry in lex.phrases.get(tokens[i].lower_, ()):
            window = tokens[i : i + len(words)]
            if (
                len(window) == len(words)
                and all(
                    t.lower_ == w or t.lemma_.lower() == w
                    for t, w in zip(window, words, strict=True)
                )
                and _conditions_hold(window[-1], entry)
            ):
                if entry.is_event:
                    found.append(
                        TriggerMatch(window[-1], window[0].i, window[-1].i, entry, sentence)
                    )
                i += len(words) - 1
                break
        i += 1
    return found


def word_entry(token: Token, lex: Lexicon | None = None) -> TriggerEntry | None:
    """The first entry of the token's (part of speech, lemma) whose conditions hold, or None
    (also when that entry codes no event)."""
    lex = lex or lexicon()
    pos = POS_CLASSES.get(token.pos_)
    if pos is None:
        return None
    entries = lex.by_lemma.get((pos, token.lemma_.lower()))
    if not entries or (pos == "VERB" and token.dep_ == "amod" and not _has_subject(token)):
        return None  # "the alleged attacker"; but "Iraq alleged Ritter was a spy" misparsed
    for entry in entries:
        if _conditions_hold(token, entry):
            return entry if entry.is_event else None
    return None


def _conditions_hold(token: Token, entry: TriggerEntry) -> bool:
    if entry.prep and not any(
        c.dep_ in PREP_DEPS and c.lower_ == entry.prep for c in token.children
    ):
        return False
    if entry.obj and not any(
        entry.obj.match(word)
        for c in objects_of(token)
        for o in (c, *c.conjuncts)
        for word in _object_words(o)
    ):
        return False
    # subjects are checked like objects above: each conjunct, each of its words
    if entry.subj and not any(
        entry.subj.match(word)
        for c in _subjects(token)
        for s in (c, *c.conjuncts)
        for word in _object_words(s)
    ):
        return False
    if entry.passive and not is_passive(token):
        return False
    if entry.pred and predicate_polarity(token) != entry.pred:
        return False
    if entry.claim and not any(blames_its_subject(c) for c in token.children):
        return False
    if entry.mod and not any(
        c.dep_ in MODIFIER_DEPS and c.lemma_.lower() in entry.mod for c in token.children
    ):
        return False
    if entry.pp and not all(_has_phrase(token, preps, nouns) for preps, nouns in entry.pp):
        return False
    if entry.gov and token.head.lemma_.lower() not in entry.gov:
        return False
    if entry.head and token.dep_ == "compound":
        return False
    if entry.must and not any(_obliges_another(c) for c in token.children):
        return False
    return not entry.xcomp or any(c.dep_ in ("xcomp", "ccomp") for c in token.children)


def objects_of(verb: Token) -> list[Token]:
    """The verb's objects, with what a relative pronoun stands for ("the treaty, which the
    presidents signed") and the noun a passive participle modifies ("the accord signed by
    X and Y", "teams sent to Kenya")."""
    found = []
    for child in verb.children:
        if child.dep_ not in OBJECT_DEPS:
            continue
        relative = verb.dep_ == "relcl" and child.tag_ in RELATIVE_TAGS
        found.append(verb.head if relative else child)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        found.append(verb.head)
    return found


def _obliges_another(clause: Token) -> bool:
    """A complement clause with must/should whose subject is not the speaker: "said that
    Iran must release the sailors", not "said it must adopt countermeasures"."""
    if clause.dep_ != "ccomp":
        return False
    if not any(a.dep_ == "aux" and a.lower_ in OBLIGATION for a in clause.children):
        return False
    return not any(c.dep_ in SUBJECT_DEPS and c.lower_ in SPEAKER_PRONOUNS for c in clause.children)


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _subjects(token: Token) -> list[Token]:
    """The verb's subjects; a verb coordinated without one shares its first conjunct's
    ("Police arrested him, charged him with ...")."""
    for _ in range(4):
        found = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if found or token.dep_ != "conj" or token.head.pos_ not in ("VERB", "AUX"):
            return found
        token = token.head
    return []


def is_passive(token: Token) -> bool:
    """A passive verb: with a passive subject or auxiliary ("was charged"), or a past
    participle modifying a noun ("the accord signed by X")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        return True
    return token.dep_ == "acl" and token.tag_ == "VBN"


def predicate_polarity(verb: Token) -> str | None:
    """The polarity of what a verb of naming says its object is: "called the move
    'unjustified'", "described the elections as rigged", "branded them terrorists" are
    negative, "called the talks constructive" positive; None when no evaluative word of the
    lexicon is in the predicative, or both kinds are. A negation turns praise into blame
    ("called the vote not legitimate") and blame into nothing."""
    words = lexicon().evaluative
    found = set()
    negated = False
    for complement in _predicatives(verb):
        for token in complement.subtree:
            polarity = words.get(token.lemma_.lower()) or words.get(token.lower_)
            if polarity:
                found.add(polarity)
            negated = negated or token.dep_ == "neg"
    if len(found) != 1:
        return None
    polarity = found.pop()
    if negated:
        return "negative" if polarity == "positive" else None
    return polarity


def _predicatives(verb: Token) -> list[Token]:
    """Complements that say what the object is: an object predicative ("called X unfit"),
    an "as" phrase on the verb or its object ("described X as rigged"), a second object
    ("branded the protesters terrorists")."""
    found = []
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp") or _as_clause(child):
            found.append(child)
    for holder in (verb, *objects):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                found += [g for g in prep.children if g.dep_ in ("pobj", "amod", "acomp", "pcomp")]
    found += objects[1:]
    return found


def blames_its_subject(clause: Token) -> bool:
    """A reported clause that blames a party other than the speaker: "(said) IRA commanders
    are responsible for the attacks", "Russia was behind the poisoning", "she had been
    extremely careless", "the government is guilty of war crimes"."""
    if clause.dep_ != "ccomp":
        return False
    lex = lexicon()
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    speakers = {c.lower_ for c in clause.head.children if c.dep_ in SUBJECT_DEPS}
    if not subjects or any(
        s.lower_ in SPEAKER_PRONOUNS
        or (s.pos_ == "PRON" and s.lower_ in speakers)  # "he said he was responsible"
        or ("NOUN", s.lemma_.lower()) in lex.by_lemma  # "said the attack was horrific"
        for s in subjects
    ):
        return False
    for child in clause.children:
        word = child.lemma_.lower()
        if child.dep_ in ("acomp", "attr", "xcomp", "prep") and word in lex.blaming:
            needed = lex.blaming[word]
            if not needed or any(
                _for_a_wrong(g, lex) for g in child.children if g.lower_ == needed
            ):
                return True
        if child.dep_ in ("acomp", "attr") and lex.evaluative.get(word) == "negative":
            return True
    return False


def _for_a_wrong(prep: Token, lex: Lexicon) -> bool:
    """ "for the attacks", "for war crimes": what one is responsible for is an event or a
    wrong, not "for the budget"."""
    return any(
        ("NOUN", g.lemma_.lower()) in lex.by_lemma
        or lex.evaluative.get(g.lemma_.lower()) == "negative"
        for g in prep.children
        if g.dep_ == "pobj"
    )


def _as_clause(token: Token) -> bool:
    return token.dep_ in ("advcl", "xcomp", "ccomp") and any(
        g.dep_ == "mark" and g.lower_ == "as" for g in token.children
    )


def _has_phrase(token: Token, preps: frozenset[str], nouns) -> bool:
    """A preposition of ``preps`` on the trigger or below its object, with an object among
    ``nouns`` (any object when None)."""
    for prep in _prepositions(token):
        if prep.lower_ not in preps:
            continue
        if nouns is None:
            return True
        if any(
            nouns.match(word)
            for g in prep.children
            if g.dep_ == "pobj"
            for o in (g, *g.conjuncts)
            for word in _object_words(o)
        ):
            return True
    return False


def _prepositions(token: Token) -> list[Token]:
    """Prepositions and particles on the trigger, and on its objects and their phrases, up
    to three levels down."""
    found = []
    level = [token]
    for _ in range(3):
        below = [c for t in level for c in t.children]
        found += [c for c in below if c.dep_ in PREP_DEPS]
        level = [c for c in below if c.dep_ in PP_PATH_DEPS]
        if not level:
            break
    return found


def _object_words(obj: Token) -> list[Token]:
    """The object and the words that say what it is: its compound modifiers ("mediation
    efforts") and what a measure counts ("700 kg of medicine", "shipments of aid")."""
    words = [obj, *(c for c in obj.children if c.dep_ == "compound")]
    if ("NOUN", obj.lemma_.lower()) in lexicon().by_lemma:
        return words  # an event's own object: "backed his threat of force" backs no force
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            words += [g for g in prep.children if g.dep_ == "pobj"]
    return words
