"""Reading cues, speakers and reported clauses off the dependency parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from communique.quotes.lexicon import lexicon

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
INHERITS_SUBJECT = frozenset({"xcomp", "advcl", "conj", "pcomp", "acl"})
CLAUSES = frozenset({"ccomp", "parataxis"})
SPEAKER_CUT = frozenset({"relcl", "acl", "appos", "punct", "advcl", "prep", "cc", "conj"})
RELATIVE_TAGS = frozenset({"WP", "WDT"})
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
EDGE_PUNCT = frozenset(",;:—–-()[]")


def particles(token: Token) -> frozenset[str]:
    return frozenset(c.lower_ for c in token.children if c.dep_ == "prt")


def is_cue_verb(token: Token) -> bool:
    """A verb of saying (by its lemma and particles), e.g. said, told, pointed out."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in VERB_TAGS:
        return False
    return lexicon().is_cue_verb(token.lemma_, particles(token))


def is_according(token: Token) -> bool:
    """The head of a prepositional cue like "according (to)"."""
    expected = lexicon().prepositions.get(token.lower_)
    return expected is not None and any(c.lower_ in expected for c in token.children)


def according_source(token: Token) -> Token | None:
    for prep in token.children:
        for obj in prep.children:
            if obj.dep_ == "pobj":
                return obj
    return None


def subject_of(verb: Token) -> Token | None:
    """The speaker token of a cue verb, climbing through "adding", "went on to say", "and said"."""
    current = verb
    for _ in range(5):
        for child in current.children:
            if child.dep_ in SUBJECTS:
                if child.tag_ in RELATIVE_TAGS and current.dep_ == "relcl":
                    return current.head
                return child
        if current.dep_ == "relcl" and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return current.head
        if current.dep_ in INHERITS_SUBJECT and current.head != current:
            current = current.head
            continue
        break
    for child in verb.children:  # "was told by X"
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def is_agent(token: Token) -> bool:
    """Whether a subject can speak: not "it", "this", "there", a number or a date."""
    lex = lexicon()
    if token.lower_ in lex.non_agents:
        return False
    if token.ent_type_ in lex.non_agent_entities and not _named_like_a_date(token):
        return False
    return token.pos_ in ("PROPN", "NOUN", "PRON")


def _named_like_a_date(token: Token) -> bool:
    """A one-word name the model took for a date, standing as a subject: "May told
    parliament" (Theresa May), "June said"."""
    doc = token.doc
    alone = token.ent_iob_ == "B" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")
    return token.ent_type_ == "DATE" and alone and token.tag_ == "NNP" and token.dep_ == "nsubj"


def cue_bounds(verb: Token) -> tuple[int, int]:
    """Token range [first, last] of the cue: the verb, its particle, and "went on to" before it."""
    first = last = verb.i
    for child in verb.children:
        if child.dep_ == "prt":
            last = max(last, child.i)
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in lexicon().controllers and head.i < verb.i:
        first = head.i
    return first, last


def speaker_bounds(token: Token) -> tuple[int, int]:
    """Token range of the speaker's noun phrase (without relative clauses and appositions)."""
    if token.pos_ == "PRON" or token.tag_ in RELATIVE_TAGS:
        return token.i, token.i
    first = last = token.i
    for child in token.children:
        if child.dep_ in SPEAKER_CUT:
            continue
        first = min(first, child.left_edge.i)
        last = max(last, child.right_edge.i)
    for child in token.children:  # keep "Ambassador to Russia" but not "in a statement"
        if child.dep_ == "prep" and child.i < token.i:
            first = min(first, child.left_edge.i)
    return first, last


def _adverbial(clause: Token) -> bool:
    """A clause misparsed as a complement: "X said, as fighters worked out, ..."."""
    return any(c.dep_ == "mark" and c.lower_ in lexicon().adverbial_marks for c in clause.children)


def clause_of(verb: Token) -> Token | None:
    """The reported clause of a cue verb: its clausal complement, or "to"-infinitive for tell/urge."""
    clauses = [c for c in verb.children if c.dep_ in CLAUSES and not _adverbial(c)]
    if not clauses:
        clauses = [
            c
            for c in verb.children
            if c.dep_ == "xcomp" and verb.lemma_.lower() in lexicon().xcomp_verbs
        ]
    if not clauses:
        return None
    return max(clauses, key=lambda c: c.right_edge.i - c.left_edge.i)


def parenthetical_clause(verb: Token) -> tuple[int, int] | None:
    """The sentence a parenthetical cue sits in: "The tariffs, the minister said, would hurt
    farmers"; "Instead, Trump told CNN, his policy would be ..." (the cue hangs off the verb of
    what was said as parataxis; the range includes the cue, which lies inside it), or the clause
    right after a cue parsed as its adverbial ("after Trump told the Post he was ...")."""
    head = verb.head
    if head.pos_ not in ("VERB", "AUX") or head == verb:
        return None
    subjects = [c for c in head.children if c.dep_ in SUBJECTS]
    if not subjects:
        return None
    sent = verb.sent
    if verb.dep_ == "parataxis":
        return max(head.left_edge.i, sent.start), min(head.right_edge.i, sent.end - 1)
    if verb.dep_ == "advcl" and subjects[0].left_edge.i == verb.right_edge.i + 1 > verb.i:
        # "after Trump told the Post he was ...": the reported clause parsed as the head
        return subjects[0].left_edge.i, min(head.right_edge.i, sent.end - 1)
    return None


def stray_subject(verb: Token, clause: Token) -> int:
    """Where a reported clause starts, taking back a subject the parse made the cue's object:
    "argued [the pipeline]dobj, which ..., [would not go]ccomp ..."."""
    first = clause.left_edge.i
    if clause.dep_ != "ccomp" or any(
        c.dep_ in SUBJECTS or c.dep_ == "expl" for c in clause.children
    ):
        return first
    if not any(
        c.dep_ == "aux" and c.tag_ == "MD" or c.tag_ in ("VBD", "VBZ", "VBP")
        for c in [clause, *clause.children]
    ):
        return first  # not a finite clause: "told them to go"
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < first]
    return objects[-1].left_edge.i if objects else first


def spliced_clause(verb: Token) -> tuple[int, int] | None:
    """The clause a comma-spliced cue reports: "A will happen, X told TASS" (cue is a conj)."""
    if verb.dep_ != "conj" or verb.head.i >= verb.i:
        return None
    head = verb.head
    if any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
        return None
    commas = [i for i in range(head.i + 1, verb.left_edge.i) if verb.doc[i].text == ","]
    if not commas:
        return None
    return head.left_edge.i, commas[-1] - 1


def trim(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Drop complementisers and edge punctuation from a token range (inclusive)."""
    while first <= last and (
        doc[first].is_space
        or doc[first].text in EDGE_PUNCT
        or (doc[first].dep_ == "mark" and doc[first].lower_ in ("that", "whether", "if"))
    ):
        first += 1
    while last >= first and (
        doc[last].is_space or doc[last].text in EDGE_PUNCT or doc[last].text == "."
    ):
        last -= 1
    return first, last
