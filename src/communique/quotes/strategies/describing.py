"""Quotations in what someone called, described or judged: called her “weak”, criticised him
for “rude statements” (mixed with the writer's clause), also when the parse does not link
the verb and the quotation."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from communique.quotes import syntax
from communique.quotes.context import Context, Found, Unclaimed
from communique.quotes.lexicon import lexicon
from communique.quotes.marks import QUOTE_CHARS, Marked

NOT_OBJECTS = frozenset({"advcl", "conj", "cc", "punct", "mark", "parataxis", "npadvmod"})
DESCRIBING_WINDOW = 20  # tokens between a verb of calling or describing and its quotation
DESCRIBER_CLIMB = 3  # heads climbed from a describing verb to find its subject


def object_of_nearest_cue(ctx: Context, q: Unclaimed) -> Found | None:
    """Describing their meeting as a “...”: the whole object, when the nearest cue (not right
    beside the quotation) is the verb whose object holds it."""
    if q.cue is None or q.adjacent:
        return None
    described = by_object_verb(ctx, q.mark)
    if described is not None and described.cue == ctx.chars(q.cue.i, q.cue.i):
        return described
    return None


def described(ctx: Context, q: Unclaimed) -> Found | None:
    """A quotation in the object of any verb, else after a verb of calling or describing."""
    return by_object_verb(ctx, q.mark) or by_describing(ctx, q.mark)


def by_object_verb(ctx: Context, m: Marked, any_verb: bool = True) -> Found | None:
    """A quotation in what someone called or described something: mixed with its clause."""
    doc = ctx.doc
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tops = [t for t in span if not t.is_punct and not span.start <= t.head.i < span.end]
    if not tops:
        return None
    verb = tops[0].head
    for _ in range(4):
        if verb.pos_ == "VERB" and ctx.inside[verb.i] < 0 or verb.head == verb:
            break
        verb = verb.head
    if verb.pos_ != "VERB" or ctx.inside[verb.i] >= 0 or verb.i > span.start:
        return None
    if verb.lemma_.lower() not in lexicon().object_verbs and not any_verb:
        return None
    subject = _describing_subject(verb)
    if subject is None:
        return None
    objects = [c for c in verb.children if c.i > verb.i and c.dep_ not in NOT_OBJECTS]
    if not objects:
        return None
    first, last = syntax.trim(doc, verb.i + 1, max(c.right_edge.i for c in objects))
    while first <= last and doc[first].dep_ == "prt":
        first += 1
    words = [t.i for t in span if not t.is_punct]
    if not (first <= words[0] and words[-1] <= last):
        return None
    speaker, head = ctx.speaker_of(subject)
    # what they called it is part of it: called her “weak”, not just “weak”
    result, _ = ctx.classify(first, last, ctx.chars(verb.i, verb.i), speaker, head, 1)
    return replace(result, how="object") if result is not None else None


def by_describing(ctx: Context, m: Marked) -> Found | None:
    """A quoted fragment after a verb of calling, describing or judging in its sentence, when
    the parse does not link them: Sanders’ campaign called AP’s report a “rush to judgment”;
    She applauded him for fighting for liberties “over and over again.”"""
    doc = ctx.doc
    span = doc.char_span(m.outer_start, m.outer_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = _describing_verb(ctx, span)
    if verb is None or _names_title(verb, span):
        return None
    speaker, head = _describer(ctx, verb)
    if speaker is None:
        return None
    first, last = verb.i + 1, span.end - 1
    while first < span.start and doc[first].dep_ == "prt":
        first += 1
    holder = _object_holding(verb, span)
    if holder is not None:
        if holder.dep_ == "prep" and holder.i == first and first < span.start:
            first += 1  # boasted about | a plan to spend “a million dollars” ...
        last = max(last, min(holder.right_edge.i, span[0].sent.end - 1))
    noun = span.root.head  # for its “racist” portrayal of Arabs: the whole noun phrase
    if noun.i >= span.end and noun.pos_ in ("NOUN", "PROPN") and ctx.inside[noun.i] < 0:
        last = max(last, min(noun.right_edge.i, span[0].sent.end - 1))
    first, last = syntax.trim(doc, first, last)
    if first > last:
        return None
    start, end = doc[first].idx, max(m.outer_end, ctx.chars(last, last)[1])
    if ctx.text[start:end].strip(" " + "".join(QUOTE_CHARS)) == "":
        return None
    kind = "direct" if first >= span.start else "mixed"
    if kind == "direct":
        start, end = m.start, m.end
    return Found(start, end, kind, ctx.chars(verb.i, verb.i), speaker, head, how="describing")


def _object_holding(verb: Token, span: Span) -> Token | None:
    """The verb's object or prepositional phrase whose subtree holds the quotation."""
    for child in verb.children:
        if (
            child.i > verb.i
            and child.dep_ in ("dobj", "prep", "oprd", "attr", "dative")
            and child.left_edge.i <= span.start
            and span.end - 1 <= child.right_edge.i
        ):
            return child
    return None


def _describing_verb(ctx: Context, span: Span) -> Token | None:
    """The closest verb of the object-verb lexicon before a quotation, in its sentence (or
    a closer verb of saying whose object holds it); none past another quotation or ";"."""
    sent = span[0].sent
    for i in range(span.start - 1, max(sent.start, span.start - DESCRIBING_WINDOW) - 1, -1):
        token = ctx.doc[i]
        if ctx.inside[i] >= 0 or token.text in (";", ":"):
            return None
        if (
            token.lemma_.lower() in lexicon().object_verbs
            and (token.pos_ == "VERB" or token.tag_ in syntax.VERB_TAGS)
            and token.tag_ != "VB"
        ):
            return token
        if i in ctx.cue_ids:
            return token if _says_object(token, span) else None
    return None


def _says_object(cue: Token, span: Span) -> bool:
    """A verb of saying with no reported clause whose object holds the quotation: she
    emphasized the threat that “Islamic terrorism” poses; he boasted of his “winning”."""
    if cue.tag_ == "VB" or syntax.is_according(cue) or syntax.clause_of(cue) is not None:
        return False
    return cue.left_edge.i <= span.start and span.end - 1 <= cue.right_edge.i


def _names_title(verb: Token, span: Span) -> bool:
    """A name, not speech: a website called “...”, the so-called “...”."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.lower_ in ("so", "so-", "-"):
        return True
    between = doc[verb.i + 1 : span.start]
    if verb.lemma_.lower() in lexicon().describing_needs_as and not any(
        t.lower_ == "as" for t in between
    ):
        return True  # whom she referred to in her address, were “well fed”
    right_after = all(t.lower_ == "as" or t.dep_ == "prt" for t in between)
    return right_after and before is not None and before.pos_ in ("NOUN", "PROPN")


def _describer(ctx: Context, verb: Token) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Who called or described: the verb's subject, else the noun just before it (its
    phrase cut before the verb: a misparse may hang the verb and more below it)."""
    doc = ctx.doc
    if _passive(verb):
        agent = _describing_subject(verb)
        return ctx.speaker_of(agent) if agent is not None else (None, None)
    subject = syntax.subject_of(verb)
    if (subject is None or not syntax.is_agent(subject)) and verb.dep_ == "acl":
        subject = verb.head  # a misparse: "Beruff, a Scott ally, called (acl) ..."
    ancestor = verb
    for _ in range(DESCRIBER_CLIMB):  # X responded by calling him “dopey”
        if subject is not None and syntax.is_agent(subject) or ancestor.head == ancestor:
            break
        ancestor = ancestor.head
        if ancestor.pos_ in ("VERB", "AUX"):
            subject = syntax.subject_of(ancestor)
    if subject is None or not syntax.is_agent(subject):
        i = verb.i - 1
        while i >= 0 and (doc[i].pos_ in ("ADV", "AUX", "PART") or doc[i].dep_ == "neg"):
            i -= 1
        subject = doc[i] if i >= 0 else None
        if subject is None or not syntax.is_agent(subject):
            return None, None
    speaker, head = ctx.speaker_of(subject)
    if speaker is not None and subject.i < verb.i and speaker[1] > verb.idx:
        first, last = syntax.trim(doc, syntax.speaker_bounds(subject)[0], verb.i - 1)
        return ctx.chars(first, last), head
    return speaker, head


def _describing_subject(verb: Token) -> Token | None:
    """Who calls, describes or judges: the subject, or for a passive verb only its agent
    ("was called a “disaster” by X"; in "Bout, dubbed the “Merchant of Death”" nobody)."""
    if _passive(verb):
        subject = next(
            (o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"),
            None,
        )
    else:
        subject = syntax.subject_of(verb)
    return subject if subject is not None and syntax.is_agent(subject) else None


def _passive(verb: Token) -> bool:
    """A passive verb: "was dubbed", or "Bout, dubbed ..." (a reduced relative clause after a
    comma; without one, an "acl" is as often a misparsed active verb)."""
    if any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children):
        return True
    after_comma = verb.i > 0 and verb.doc[verb.i - 1].text == ","
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and after_comma
