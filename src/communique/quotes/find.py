"""Finding quotations in a parsed document: direct, indirect and mixed, with cue and speaker.

Three passes over one parse:

1. cue-centric: every verb of saying (and "according to") outside quote marks, with the
   clause it reports: inside a quotation it attributes that quotation (direct), around
   quoted fragments it is a mixed quotation, with no quote marks an indirect one; a
   parenthetical cue ("The tariffs, the minister said, would ...") reports its sentence;
2. quote-centric: quotations no cue claimed look for the nearest cue in their sentences,
   then for a verb of calling, describing or judging before them (called it a “disaster”,
   criticised him for “rude statements”, also when the parse does not link the two), for
   "— Name", a colon-introduced speaker, or the speaker of the sentences around (last, a
   person named in the sentence before); a lower-case fragment in the middle of a sentence
   takes the writer's clause it completes (a mixed quotation). A quotation interrupted by
   its attribution ("A," X said, asking for anonymity. "B.") is one quotation. When the
   parse gives a cue no subject, the name beside the cue ("A," Trump barked) is the speaker;
3. nested: "as X noted, ..." and "according to X, ..." inside a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from communique.quotes import syntax
from communique.quotes.lexicon import lexicon
from communique.quotes.marks import QUOTE_CHARS, Marked, find_marked, normalise_marks

DASH_NAME = re.compile(
    r"[ \t]*[—–-]{1,2}[ \t]*(@?[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4}|@\w+)"
)
HEADING_COLON = re.compile(
    r"(?m)^[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}):[ \t]+(\S[^\n]*)$"
)
HEADING_TAIL = re.compile(
    r"(?m)^[ \t]*(\S[^\n:]*?):[ \t]+([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"
    r"[ \t]+([a-z]+)\b[^\n:]{0,60}$"
)
MIXED_MIN_CHARS = 4
MERGE_GAP_CHARS = 250
ADJACENT_CHARS = 40
NOT_OBJECTS = frozenset({"advcl", "conj", "cc", "punct", "mark", "parataxis", "npadvmod"})
TITLE_WORDS_MAX = 8
MIN_CLAUSE_TOKENS = 3
EXTENDABLE = frozenset({"cue", "none", "context", "person"})
PERSON_DISTANCE = 8
DESCRIBING_WINDOW = 20  # tokens between a verb of calling or describing and its quotation
DESCRIBER_CLIMB = 3  # heads climbed from a describing verb to find its subject
NAME_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "PART"})


@dataclass(frozen=True)
class Found:
    """A quotation with character spans of its content, cue and speaker (speaker may be absent)."""

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    speaker_head: tuple[int, int] | None = None  # the speaker's head word, for entity lookup
    nested: bool = False
    how: str = "cue"  # what attributed it: cue, object, colon, dash, context, none, heading


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


class _Finder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = normalise_marks(doc.text)
        self.marks = [m for m in find_marked(doc.text) if not m.single or m.closed]
        self.inside = self._inside_index()

    def _inside_index(self) -> list[int]:
        """For each token, the index of the quotation around it, else -1."""
        inside = [-1] * len(self.doc)
        k = 0
        for token in self.doc:
            while k < len(self.marks) and self.marks[k].outer_end <= token.idx:
                k += 1
            if k < len(self.marks):
                m = self.marks[k]
                if m.outer_start <= token.idx and token.idx + len(token) <= m.outer_end:
                    inside[token.i] = k
        return inside

    # -- spans --------------------------------------------------------------------------

    def chars(self, first: int, last: int) -> tuple[int, int]:
        return self.doc[first].idx, self.doc[last].idx + len(self.doc[last])

    def speaker_of(self, token: Token | None) -> tuple[tuple[int, int] | None, int | None]:
        if token is None or self.inside[token.i] >= 0:
            return None, None
        first, last = syntax.speaker_bounds(token)
        first, last = syntax.trim(self.doc, first, last)
        if first > last:
            return None, None
        return self.chars(first, last), self.chars(token.i, token.i)

    def speaker_of_cue(self, cue: Token) -> tuple[tuple[int, int] | None, int | None]:
        """The subject of a cue verb, else (when the parse missed it) the name right beside the
        cue after a quotation: “...,” Trump barked; “...,” Ramos, 58, told AFP; “...,” said Ramos."""
        speaker = self.speaker_of(syntax.subject_of(cue))
        if speaker[0] is not None:
            return speaker
        misread = self._name_read_as_modal(cue)
        if misread is not None:
            return self.chars(misread.i, misread.i), self.chars(misread.i, misread.i)
        for first, last in (self._name_before(cue), self._name_after(cue)):
            if first is not None and first <= last:
                head = self.doc[last]
                return self.chars(first, last), self.chars(head.i, head.i)
        return self._person_near(cue)

    def _person_near(self, cue: Token) -> tuple[tuple[int, int] | None, int | None]:
        """The closest person named beside the cue, outside quotations, when the parse gives it
        no subject: said retired neurosurgeon Ben Carson."""
        sent = cue.sent
        best = None
        for ent in sent.ents:
            if ent.label_ != "PERSON" or self.inside[ent.start] >= 0:
                continue
            distance = ent.start - cue.i if ent.start > cue.i else cue.i - ent.end + 1
            if distance <= PERSON_DISTANCE and (best is None or distance < best[0]):
                best = (distance, ent)
        if best is None:
            return None, None
        ent = best[1]
        return self.chars(ent.start, ent.end - 1), self.chars(ent.end - 1, ent.end - 1)

    def _name_read_as_modal(self, cue: Token) -> Token | None:
        """“...,” May told parliament: a capitalised "modal" right before a past-tense cue,
        after a quotation, is a name (a modal takes no past tense)."""
        if cue.i < 2 or cue.tag_ != "VBD":
            return None
        name, before = self.doc[cue.i - 1], self.doc[cue.i - 2]
        if name.tag_ == "MD" and name.is_title and before.text in QUOTE_CHARS | {","}:
            return name
        return None

    def _name_before(self, cue: Token) -> tuple[int | None, int]:
        i = cue.i - 1
        while i >= 0 and (self.doc[i].text == "," or self.doc[i].pos_ in ("NUM", "ADV")):
            i -= 1
        last = i
        while i >= 0 and self.inside[i] < 0 and self.doc[i].pos_ in NAME_POS:
            i -= 1
        if i < 0 or last == i or self.doc[i].text not in QUOTE_CHARS | {","}:
            return None, last
        first, last = syntax.trim(self.doc, i + 1, last)
        return self._named_span(first, last)

    def _name_after(self, cue: Token) -> tuple[int | None, int]:
        before = cue.i - 1
        while before >= 0 and self.doc[before].text == ",":
            before -= 1
        if before < 0 or self.doc[before].text not in QUOTE_CHARS:
            return None, 0
        i = cue.i + 1
        while i < len(self.doc) and self.inside[i] < 0 and self.doc[i].pos_ in NAME_POS:
            i += 1
        return self._named_span(cue.i + 1, i - 1)

    def _named_span(self, first: int, last: int) -> tuple[int | None, int]:
        tokens = self.doc[first : last + 1] if first <= last else []
        if not any(t.pos_ in ("PROPN", "PRON", "NOUN") for t in tokens):
            return None, last
        while last > first and self.doc[last].pos_ not in ("PROPN", "PRON", "NOUN"):
            last -= 1
        return first, last

    def quotes_in(self, first: int, last: int) -> list[int]:
        """Indexes of the quotations overlapping a token range."""
        seen = []
        for i in range(first, last + 1):
            k = self.inside[i]
            if k >= 0 and k not in seen:
                seen.append(k)
        return seen

    def outside_chars(self, start: int, end: int, quotes: list[int]) -> int:
        """Letters and digits of [start, end) outside the given quotations."""
        covered = [(self.marks[k].outer_start, self.marks[k].outer_end) for k in quotes]
        count = 0
        for pos in range(start, end):
            if self.text[pos].isalnum() and not any(a <= pos < b for a, b in covered):
                count += 1
        return count

    # -- pass 1 ---------------------------------------------------------------------------

    def cues(self) -> list[Token]:
        found = []
        for token in self.doc:
            if self.inside[token.i] >= 0:
                continue
            if syntax.is_cue_verb(token) or syntax.is_according(token):
                found.append(token)
        return found

    def by_cue(self, cue: Token) -> tuple[Found | None, list[int]]:
        """The quotation a cue reports, and the quotations it takes up."""
        if syntax.is_according(cue):
            return self.by_according(cue)
        clause = syntax.clause_of(cue)
        cue_span = self.chars(*syntax.cue_bounds(cue))
        speaker, head = self.speaker_of_cue(cue)
        if clause is not None:
            first, last = syntax.stray_subject(cue, clause), clause.right_edge.i
        else:
            spliced = (
                self._parenthetical(cue) or syntax.spliced_clause(cue) or self.rest_of_sentence(cue)
            )
            if spliced is None:
                return None, []
            first, last = spliced
        inside_quote = self.inside[clause.i] >= 0 if clause is not None else False
        if cue.i < first:
            last = self.to_sentence_end(cue, last)
        if clause is not None:
            last = self.before_next_report(clause, first, last)
        first, last = syntax.trim(self.doc, first, last)
        if last - first + 1 < MIN_CLAUSE_TOKENS and not inside_quote:
            return None, []
        return self.classify(first, last, cue_span, speaker, head)

    def _parenthetical(self, cue: Token) -> tuple[int, int] | None:
        """The writer's sentence around a parenthetical cue (not a quotation around it)."""
        if self.inside[cue.head.i] >= 0:
            return None
        return syntax.parenthetical_clause(cue)

    def rest_of_sentence(self, cue: Token) -> tuple[int, int] | None:
        """A misparsed "X says the movement appeals to ...": the clause after a bare cue."""
        if any(
            c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "advcl")
            for c in cue.children
            if c.i > cue.i
        ):
            return None
        first, last = cue.i + 1, cue.sent.end - 1
        while first <= last and (self.doc[first].dep_ == "prt" or self.doc[first].lower_ == "that"):
            first += 1
        tokens = self.doc[first : last + 1]
        if first <= last and self.doc[first].dep_ == "cc":
            return None  # “...,” Trump barked and a guard escorted Ramos out
        if len(tokens) < MIN_CLAUSE_TOKENS + 2 or not any(
            t.pos_ in ("VERB", "AUX") for t in tokens
        ):
            return None
        if any(i in self.cue_ids for i in range(first, last + 1)):
            return None
        return first, last

    def before_next_report(self, clause: Token, first: int, last: int) -> int:
        """A clause ends before a coordinated report of its own: "that A, claiming that B"."""
        for token in self.doc[clause.i + 1 : last + 1]:
            if (
                token.head.i == clause.i
                and (token.dep_ == "conj" or token.dep_ == "advcl" and token.tag_ == "VBG")
                and self.inside[token.i] < 0
                and self._reports(token)
            ):
                return max(first, token.left_edge.i - 1)
        return last

    def _reports(self, verb: Token) -> bool:
        """A verb that reports speech or carries its own clause ("questioning how ...")."""
        if verb.pos_ != "VERB":
            return False
        return verb.i in self.cue_ids or self._describes(verb)

    def _describes(self, token: Token) -> bool:
        """A verb of calling or describing outside quotation marks ("called her “third-rate”")."""
        return (
            token.pos_ == "VERB"
            and token.tag_ != "VB"  # "for Ginsburg to criticize Trump" reports nothing
            and self.inside[token.i] < 0
            and token.lemma_.lower() in lexicon().object_verbs
        )

    def to_sentence_end(self, cue: Token, last: int) -> int:
        """Reported clauses after their cue run to the end of the sentence ("X said A, but B")."""
        end = cue.sent.end
        for i in range(last + 1, end):
            if i in self.cue_ids or self._describes(self.doc[i]):
                return last
        # A cue's own coordinated verb ("said A and called B") is not cut here: measured on the
        # train split, running on to the sentence end matches the annotations better.
        return end - 1

    def by_according(self, cue: Token) -> tuple[Found | None, list[int]]:
        source = syntax.according_source(cue)
        phrase_first, phrase_last = cue.left_edge.i, cue.right_edge.i
        sent = cue.sent
        head = cue.head if cue.head != cue else None
        lo, hi = (
            (head.left_edge.i, head.right_edge.i)
            if head is not None
            else (sent.start, sent.end - 1)
        )
        before = syntax.trim(self.doc, lo, phrase_first - 1)
        after = syntax.trim(self.doc, phrase_last + 1, hi)
        first, last = max(before, after, key=lambda r: r[1] - r[0])
        if last - first + 1 < MIN_CLAUSE_TOKENS:
            return None, []
        speaker, token = self.speaker_of(source)
        cue_span = self.chars(cue.i, min(phrase_last, cue.i + 1))
        return self.classify(first, last, cue_span, speaker, token)

    def classify(
        self, first, last, cue_span, speaker, head, min_outside: int = MIXED_MIN_CHARS
    ) -> tuple[Found | None, list[int]]:
        """Direct, mixed or indirect, by the quotations the clause [first, last] holds (mixed
        when at least ``min_outside`` letters lie outside the quotation)."""
        quotes = self.quotes_in(first, last)
        if len(quotes) == 1 and self._only_quote(first, last, quotes[0], min_outside):
            m = self.marks[quotes[0]]
            return Found(m.start, m.end, "direct", cue_span, speaker, head), quotes
        first, last = self._within_paragraph(first, last, cue_span[0])
        quotes = self.quotes_in(first, last)
        if last - first + 1 < MIN_CLAUSE_TOKENS:
            return None, []
        start, end = self.chars(first, last)
        if not quotes:
            return Found(start, end, "indirect", cue_span, speaker, head), []
        start = min(start, *(self.marks[k].outer_start for k in quotes))
        end = max(end, *(self.marks[k].outer_end for k in quotes))
        return Found(start, end, "mixed", cue_span, speaker, head), quotes

    def _only_quote(self, first: int, last: int, k: int, min_outside: int) -> bool:
        start, end = self.chars(first, last)
        return self.outside_chars(start, end, [k]) < min_outside

    def _within_paragraph(self, first: int, last: int, anchor: int) -> tuple[int, int]:
        """Indirect and mixed clauses stay in the paragraph of their cue."""
        para_start = self.text.rfind("\n", 0, anchor) + 1
        para_end = self.text.find("\n", anchor)
        para_end = len(self.text) if para_end < 0 else para_end
        while first <= last and self.doc[first].idx < para_start:
            first += 1
        while last >= first and self.doc[last].idx >= para_end:
            last -= 1
        return syntax.trim(self.doc, first, last)

    # -- pass 2 ---------------------------------------------------------------------------

    def sentences_of(self, m: Marked) -> list[Span]:
        span = self.doc.char_span(m.outer_start, m.outer_end, alignment_mode="expand")
        if span is None or not len(span):
            return []
        first, last = span[0].sent, span[-1].sent
        return [s for s in self.doc.sents if first.start <= s.start <= last.start]

    def nearest_cue(self, m: Marked, cues: list[Token]) -> Token | None:
        sents = self.sentences_of(m)
        if not sents:
            return None
        lo, hi = sents[0].start, sents[-1].end
        best, best_key = None, None
        for cue in cues:
            if not lo <= cue.i < hi:
                continue
            if cue.idx >= m.outer_end:
                key = (self._gap(m.outer_end, cue.idx), 0)
            else:
                key = (self._gap(cue.idx, m.outer_start), 1)
            if best_key is None or key < best_key:
                best, best_key = cue, key
        return best

    def _gap(self, start: int, end: int) -> int:
        """How many other quotations lie between two points, then the distance."""
        between = sum(1 for k in self.marks if start <= k.outer_start and k.outer_end <= end)
        return between * 10_000 + (end - start)

    def by_dash(self, m: Marked) -> tuple[int, int] | None:
        line_end = self.text.find("\n", m.outer_end)
        line_end = len(self.text) if line_end < 0 else line_end
        match = DASH_NAME.match(self.text, m.outer_end, line_end)
        if match and match.end(1) == len(self.text[:line_end].rstrip(" .\t")):
            return match.start(1), match.end(1)
        return None

    def by_colon(self, m: Marked) -> Found | None:
        """A speaker before a colon: Name: “...”, or X told reporters: “...” (also across paragraphs)."""
        before = self.text[: m.outer_start].rstrip()
        if not before.endswith(":"):
            return None
        span = self.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if span is None or span.start == 0:
            return None
        token = self.doc[span.start - 1]
        cue = None
        if token.pos_ not in ("PROPN", "NOUN", "PRON") or not syntax.is_agent(token):
            verb = token
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            token = syntax.subject_of(verb)
            cue = self.chars(*syntax.cue_bounds(verb))
            if token is None or not syntax.is_agent(token):
                return None
        speaker, head = self.speaker_of(token)
        if speaker is None:
            return None
        return Found(m.start, m.end, "direct", cue, speaker, head, how="colon")

    def by_following(self, m: Marked, cues: list[Token]) -> Found | None:
        """“...” The minister announced the decision on Monday: the speaker in the next sentence."""
        sents = self.sentences_of(m)
        if not sents or sents[-1].end >= len(self.doc):
            return None
        after = self.doc[sents[-1].end].sent
        if "\n" in self.text[m.outer_end : after.start_char] or any(
            self.inside[t.i] >= 0 for t in after
        ):
            return None
        for cue in cues:
            if (
                after.start <= cue.i < after.end
                and not syntax.is_according(cue)
                and syntax.clause_of(cue) is None
            ):
                subject = syntax.subject_of(cue)
                if subject is not None and syntax.is_agent(subject):
                    return self._cued(m, cue, *self.speaker_of(subject), how="following")
        return None

    def _cued(self, m: Marked, cue: Token, speaker, head, how: str) -> Found:
        """A direct quotation attributed by ``cue``."""
        cue_span = self.chars(*syntax.cue_bounds(cue))
        return Found(m.start, m.end, "direct", cue_span, speaker, head, how=how)

    def by_context(self, m: Marked, found: list[Found]) -> Found | None:
        """The speaker of the closest attributed quotation before, in this or the last paragraph."""
        para_start = self.text.rfind("\n\n", 0, m.outer_start)
        prev_para = self.text.rfind("\n\n", 0, max(para_start, 0))
        limit = prev_para if self.text[para_start + 2 : m.outer_start].strip() == "" else para_start
        best = None
        for f in found:
            usable = (
                f.speaker is not None
                and limit <= f.start < m.outer_start
                and not f.nested
                and f.how != "person"
            )
            if usable and (best is None or f.start > best.start):
                best = f
        return best

    # -- pass 3 ---------------------------------------------------------------------------

    def nested(self, m: Marked, outer_speaker: tuple[int, int] | None) -> list[Found]:
        span = self.doc.char_span(m.start, m.end, alignment_mode="contract")
        if span is None:
            return []
        found = []
        for token in span:
            if syntax.is_according(token):
                source = syntax.according_source(token)
            elif syntax.is_cue_verb(token) and any(
                c.dep_ in ("mark", "prep") and c.lower_ == "as" and c.i < token.i
                for c in token.children
            ):
                source = syntax.subject_of(token)
            else:
                continue
            if source is None or source.pos_ != "PROPN":
                continue
            head = token.head if token.head != token else None
            if head is None:
                continue
            phrase = (token.left_edge.i, token.right_edge.i)
            lo = max(head.left_edge.i, span.start)
            hi = min(head.right_edge.i, span.end - 1)
            first, last = max(
                syntax.trim(self.doc, lo, phrase[0] - 1),
                syntax.trim(self.doc, phrase[1] + 1, hi),
                key=lambda r: r[1] - r[0],
            )
            if last - first + 1 < MIN_CLAUSE_TOKENS:
                continue
            first_s, last_s = syntax.speaker_bounds(source)
            start, end = self.chars(first, last)
            found.append(
                Found(
                    start,
                    end,
                    "indirect",
                    self.chars(*syntax.cue_bounds(token)),
                    self.chars(first_s, last_s),
                    self.chars(source.i, source.i),
                    nested=True,
                )
            )
        return found

    # -- all ------------------------------------------------------------------------------

    def run(self) -> list[Found]:
        cues = self.cues()
        self.cue_ids = {c.i for c in cues}
        found: list[Found] = []
        claimed: dict[int, Found] = {}
        for cue in cues:
            result, quotes = self.by_cue(cue)
            if result is None:
                continue
            if result.kind == "direct":
                k = quotes[0]
                if k not in claimed or self._closer(cue, k, claimed[k]):
                    claimed[k] = result
                continue
            if any(self._overlaps(result, f) for f in found):
                continue
            found.append(result)
            for k in quotes:
                claimed[k] = result
        found.extend(f for k, f in sorted(claimed.items()) if f.kind == "direct")
        taken = set(claimed)
        for result, quotes in self.by_heading_colon():
            if not any(self._overlaps(result, f) for f in found):
                found.append(result)
                taken.update(quotes)
        for k, m in enumerate(self.marks):
            if k in taken:
                continue
            quote = self.attribute_free(m, cues, found)
            if quote is not None:
                found.append(quote)
        found = self._merge_continued(self._drop_overlaps(found))
        for f in list(found):
            if f.kind == "direct":
                k = next((i for i, m in enumerate(self.marks) if m.start == f.start), None)
                if k is not None:
                    found.extend(self.nested(self.marks[k], f.speaker))
        return sorted(found, key=lambda f: (f.start, f.end))

    def by_heading_colon(self) -> list[tuple[Found, list[int]]]:
        """Paragraphs of the form "Name: what they said" (headlines, interview transcripts)."""
        found = []
        for match in HEADING_COLON.finditer(self.text):
            name = self.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
            if name is None or not self._is_name(name, match.end()):
                continue
            start, end = match.start(2), match.end(2)
            content = self.doc.char_span(start, end, alignment_mode="expand")
            if content is None or len(content) < MIN_CLAUSE_TOKENS + 1:
                continue
            first, last = syntax.trim(self.doc, content.start, content.end - 1)
            if first > last:
                continue
            colon = (match.end(1), match.end(1) + 1)
            speaker, head = (match.start(1), match.end(1)), self.chars(name.end - 1, name.end - 1)
            result, quotes = self.classify(first, last, colon, speaker, head)
            if result is not None:
                found.append((replace(result, how="heading"), quotes))
        return found + self.by_heading_tail()

    def by_heading_tail(self) -> list[tuple[Found, list[int]]]:
        """Headlines of the form "what they said: Name tells Someone" ("... by China:
        Jaishankar tells Wang Yi")."""
        found = []
        for match in HEADING_TAIL.finditer(self.text):
            verb = self.doc.char_span(match.start(3), match.end(3))
            name = self.doc.char_span(match.start(2), match.end(2), alignment_mode="expand")
            if verb is None or name is None or not self._is_name(name, match.end()):
                continue
            if not lexicon().is_cue_verb(verb[0].lemma_):
                continue
            content = self.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
            if content is None or len(content) < MIN_CLAUSE_TOKENS + 1:
                continue
            first, last = syntax.trim(self.doc, content.start, content.end - 1)
            if first > last:
                continue
            speaker, head = (match.start(2), match.end(2)), self.chars(name.end - 1, name.end - 1)
            cue = (match.start(3), match.end(3))
            result, quotes = self.classify(first, last, cue, speaker, head)
            if result is not None:
                found.append((replace(result, how="heading"), quotes))
        return found

    def _is_name(self, name: Span, after: int) -> bool:
        """A person or body's name: tagged so, or (in Title Case headlines, where tagging fails)
        a capitalised word the article uses again."""
        if all(t.pos_ == "PROPN" or t.ent_type_ for t in name):
            return True
        last = name[-1].text
        return (
            last[:1].isupper()
            and re.search(rf"\b{re.escape(last)}\b", self.text[after:]) is not None
        )

    def _merge_continued(self, found: list[Found]) -> list[Found]:
        """One quotation interrupted by its attribution, or run on in the next paragraphs,
        is one quotation: "A," X said. "B." and a following paragraph of quotation alone."""
        found = sorted(found, key=lambda f: (f.start, f.end))
        merged: list[Found] = []
        asides: list[Found] = []  # indirect speech in the attribution: “A,” X said, asking ... “B.”
        pending: list[Found] = []
        for f in found:
            last = merged[-1] if merged else None
            if last is not None and last.kind != "indirect" and f.kind == "indirect":
                pending.append(f)
                continue
            if last is not None and not self._goes_on(pending) and self._continues(last, f):
                merged[-1] = self._joined(last, f)
                asides.extend(pending)
            elif last is not None and not pending and self._leads_into(last, f):
                merged[-1] = replace(f, start=last.start)
            else:
                merged.extend(pending)
                merged.append(f)
            pending = []
        return sorted([*merged, *pending, *asides], key=lambda f: (f.start, f.end))

    def _goes_on(self, asides: list[Found]) -> bool:
        """“A,” he said, adding that B. “C.”: after a report that goes on ("adding that"), the
        next quotation continues that report, not the one before it."""
        for aside in asides:
            if aside.cue is None:
                continue
            cue = self.doc.char_span(aside.cue[0], aside.cue[1], alignment_mode="expand")
            if cue is not None and cue.root.lemma_.lower() in lexicon().continuing_cues:
                return True
        return False

    @staticmethod
    def _joined(a: Found, b: Found) -> Found:
        if a.speaker is None:
            return replace(a, end=b.end, speaker=b.speaker, speaker_head=b.speaker_head)
        return replace(a, end=b.end)

    def _whole_paragraph(self, f: Found) -> bool:
        """Whether a quotation is all its paragraph holds (besides its marks)."""
        para_start = self.text.rfind("\n", 0, f.start) + 1
        para_end = self.text.find("\n", f.end)
        para_end = len(self.text) if para_end < 0 else para_end
        outside = self.text[para_start : f.start] + self.text[f.end : para_end]
        return not any(c.isalnum() for c in outside)

    def _leads_into(self, a: Found, b: Found) -> bool:
        """“A.” “B,” X said: an unattributed quotation right before an attributed one."""
        if (
            a.kind != "direct"
            or b.kind != "direct"
            or a.how not in ("context", "none", "person")
            or b.cue is None
        ):
            return False
        gap = self.text[a.end : b.start]
        return b.cue[0] > b.end and "\n" not in gap and not any(c.isalnum() for c in gap)

    def _same_attribution(self, a: Found, b: Found) -> bool:
        """“A,” X said, pointing out ... “B.”: B's cue is a second verb of A's speaker between,
        in the sentence before B (not “A,” X said, adding that “B”)."""
        return (
            a.cue is not None
            and b.cue is not None
            and a.speaker == b.speaker
            and a.end <= a.cue[0] < b.cue[0] < b.start
            and any(c in ".!?" for c in self.text[b.cue[1] : b.start])
        )

    def _continues(self, a: Found, b: Found) -> bool:
        if a.kind == "indirect" or b.kind != "direct" or a.nested or b.nested:
            return False
        if "\n" in self.text[a.end : b.start] and (
            a.kind != "direct" or not self._whole_paragraph(b)
        ):
            return False
        if b.cue is not None and b.cue != a.cue and not self._same_attribution(a, b):
            return False
        guessed = b.how == "person"  # a guess from the sentence before yields to the cue's
        if (
            b.cue is None
            and None not in (a.speaker, b.speaker)
            and b.speaker != a.speaker
            and not guessed
        ):
            return False
        gap = self.text[a.end : b.start]
        if len(gap) > MERGE_GAP_CHARS or any(
            a.end < k.start and k.end < b.start and not self._short(k) for k in self.marks
        ):
            return False  # another quotation (not a title like “Meet the Press”) between them
        between = gap.replace("\n", " ")
        return (
            a.cue is None
            or (a.end <= a.cue[0] and a.cue[1] <= b.start)
            or between.strip(' "“”»«„') == ""
        )

    def attribute_free(self, m: Marked, cues: list[Token], found: list[Found]) -> Found | None:
        """Attribute a quotation no cue's clause took up; None for scare quotes and titles."""
        result = self._attribute_free(m, cues, found)
        if result is None or result.kind != "direct" or result.how not in EXTENDABLE:
            return result
        clause = self._clause_of_fragment(m)
        if clause is None:
            return result
        start, end = self.chars(*clause)
        return replace(result, start=min(start, m.start), end=max(end, m.end), kind="mixed")

    def _clause_of_fragment(self, m: Marked) -> tuple[int, int] | None:
        """The writer's clause a mid-sentence fragment completes: Nothing the president said
        “will assuage people's fears”; that “imposing a tax ...” would raise $75 billion."""
        if not self.text[m.start : m.end][:1].islower():
            return None
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        top = span.root
        while self.inside[top.i] >= 0 and top.head.i != top.i:
            top = top.head
        if self.inside[top.i] >= 0:
            return None
        sent = span[0].sent
        first = max(top.left_edge.i, sent.start)
        last = min(top.right_edge.i, sent.end - 1)
        if any(i in self.cue_ids for i in range(first, last + 1)):
            return None
        first, last = syntax.trim(self.doc, first, last)
        if first >= span.start - 1 and last <= span.end:
            return None
        return first, last

    def _attribute_free(self, m: Marked, cues: list[Token], found: list[Found]) -> Found | None:
        short = self._short(m)
        cue = self.nearest_cue(m, cues)
        adjacent = cue is not None and self._adjacent(m, cue)
        if self.is_title(m) and (not adjacent or self._named(m)):
            # called him “Little Marco”
            return self.by_object_verb(m, any_verb=False) or self.by_describing(m)
        if cue is not None and not adjacent:
            described = self.by_object_verb(m)
            if described is not None and described.cue == self.chars(cue.i, cue.i):
                return described  # describing their meeting as a “...”: the whole object
        if cue is not None and (not short or adjacent):
            if syntax.is_according(cue):
                speaker, head = self.speaker_of(syntax.according_source(cue))
            else:
                speaker, head = self.speaker_of_cue(cue)
            return self._cued(m, cue, speaker, head, how="cue")
        described = self.by_object_verb(m) or self.by_describing(m)
        if described is not None:
            return described
        dash = self.by_dash(m)
        if dash is not None:
            return Found(m.start, m.end, "direct", None, dash, None, how="dash")
        if (short and not self._own_sentence(m)) or (m.single and not self._single_speech(m)):
            return None
        colon = self.by_colon(m)
        if colon is not None:
            return colon
        following = self.by_following(m, cues)
        if following is not None:
            return following
        context = self.by_context(m, found)
        if context is not None:
            return Found(
                m.start, m.end, "direct", None, context.speaker, context.speaker_head, how="context"
            )
        person = self._person_before(m)
        if person is not None:
            return Found(m.start, m.end, "direct", None, *person, how="person")
        return Found(m.start, m.end, "direct", how="none")

    def _person_before(self, m: Marked) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The last person named outside quotations in the sentence before a quotation."""
        span = self.doc.char_span(m.outer_start, m.outer_end, alignment_mode="expand")
        if span is None or not len(span) or span[0].sent.start == 0:
            return None
        before = self.doc[span[0].sent.start - 1].sent
        people = [e for e in before.ents if e.label_ == "PERSON" and self.inside[e.start] < 0]
        if not people:
            return None
        ent = people[-1]
        return self.chars(ent.start, ent.end - 1), self.chars(ent.end - 1, ent.end - 1)

    def _named(self, m: Marked) -> bool:
        """A title after a possessive or "on", "as": CNN’s “State of the Union,” known as “Guccifer,”."""
        before = self.text[max(0, m.outer_start - 12) : m.outer_start].rstrip()
        words = re.findall(r"[\w’']+", before)
        return bool(words) and (
            words[-1].lower() in lexicon().title_introducers or words[-1].endswith(("’s", "'s"))
        )

    def _short(self, m: Marked) -> bool:
        return len(self.text[m.start : m.end].split()) <= lexicon().title_words_max

    def _single_speech(self, m: Marked) -> bool:
        """A quotation in single marks (British style) that reads as speech: closed, and
        whole sentences (‘The people have spoken and we will deliver.’)."""
        content = self.text[m.start : m.end].rstrip()
        return (
            m.closed
            and content[:1].isupper()
            and content.endswith((".", "!", "?", ","))
            and not self._in_title_case_line(m)
        )

    def _own_sentence(self, m: Marked) -> bool:
        """A short quotation that is a whole sentence (“He was very charming.”) is speech."""
        content = self.text[m.start : m.end].rstrip()
        if not content[:1].isupper() or not content.endswith((".", "!", "?")):
            return False
        before = self.text[: m.outer_start].rstrip(" \t")
        return before == "" or before[-1] in ".!?:\n" or before[-2:-1] in (".", "!", "?", ",")

    def is_title(self, m: Marked) -> bool:
        """Names of shows, books and slogans: Title Case or CAPITALS, no sentence inside."""
        content = self.text[m.start : m.end].rstrip()
        words = re.findall(r"[^\W\d_][\w’'-]*", content)
        if (
            not words
            or len(words) > TITLE_WORDS_MAX
            or content.endswith(("!", "?"))
            or ". " in content
        ):
            return False
        if self._in_title_case_line(m):
            return False  # a headline: everything is capitalised there
        capitalised = [w for w in words if w[0].isupper()]
        small = [w for w in words if w.lower() in lexicon().title_small_words]
        if len(capitalised) + len(small) < len(words) or len(capitalised) < max(1, len(words) // 2):
            return False
        return len(words) > 1 or self.text[m.outer_start - 2 : m.outer_start].rstrip().endswith(
            ("’s", "'s")
        )

    def _in_title_case_line(self, m: Marked) -> bool:
        line_start = self.text.rfind("\n", 0, m.outer_start) + 1
        line_end = self.text.find("\n", m.outer_end)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        line = line[: m.outer_start - line_start] + line[m.outer_end - line_start :]
        words = re.findall(r"[^\W\d_][\w’'-]*", line)
        if len(words) < 3:
            return False
        lower = [
            w for w in words if w[0].islower() and w.lower() not in lexicon().title_small_words
        ]
        return len(lower) <= len(words) // 10

    def _adjacent(self, m: Marked, cue: Token) -> bool:
        """A short quotation right beside its cue is speech, not a scare quote: “Okay,” I said;
        He said, “No.”"""
        if cue.idx >= m.outer_end:
            gap = self.text[m.outer_end : cue.idx]
            speech = self.text[m.start : m.end].rstrip().endswith((",", "?", "!", "…"))
        else:
            gap = self.text[cue.idx : m.outer_start]
            speech = gap.rstrip().endswith((",", ":"))
        return speech and len(gap) <= ADJACENT_CHARS and "\n" not in gap

    def by_object_verb(self, m: Marked, any_verb: bool = True) -> Found | None:
        """A quotation in what someone called or described something: mixed with its clause."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        tops = [t for t in span if not t.is_punct and not span.start <= t.head.i < span.end]
        if not tops:
            return None
        verb = tops[0].head
        for _ in range(4):
            if verb.pos_ == "VERB" and self.inside[verb.i] < 0 or verb.head == verb:
                break
            verb = verb.head
        if verb.pos_ != "VERB" or self.inside[verb.i] >= 0 or verb.i > span.start:
            return None
        if verb.lemma_.lower() not in lexicon().object_verbs and not any_verb:
            return None
        subject = _describing_subject(verb)
        if subject is None:
            return None
        objects = [c for c in verb.children if c.i > verb.i and c.dep_ not in NOT_OBJECTS]
        if not objects:
            return None
        first, last = syntax.trim(self.doc, verb.i + 1, max(c.right_edge.i for c in objects))
        while first <= last and self.doc[first].dep_ == "prt":
            first += 1
        words = [t.i for t in span if not t.is_punct]
        if not (first <= words[0] and words[-1] <= last):
            return None
        speaker, head = self.speaker_of(subject)
        # what they called it is part of it: called her “weak”, not just “weak”
        result, _ = self.classify(first, last, self.chars(verb.i, verb.i), speaker, head, 1)
        return replace(result, how="object") if result is not None else None

    def by_describing(self, m: Marked) -> Found | None:
        """A quoted fragment after a verb of calling, describing or judging in its sentence, when
        the parse does not link them: Sanders’ campaign called AP’s report a “rush to judgment”;
        She applauded him for fighting for liberties “over and over again.”"""
        span = self.doc.char_span(m.outer_start, m.outer_end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        verb = self._describing_verb(span)
        if verb is None or self._names_title(verb, span):
            return None
        speaker, head = self._describer(verb)
        if speaker is None:
            return None
        first, last = verb.i + 1, span.end - 1
        while first < span.start and self.doc[first].dep_ == "prt":
            first += 1
        holder = self._object_holding(verb, span)
        if holder is not None:
            if holder.dep_ == "prep" and holder.i == first and first < span.start:
                first += 1  # boasted about | a plan to spend “a million dollars” ...
            last = max(last, min(holder.right_edge.i, span[0].sent.end - 1))
        noun = span.root.head  # for its “racist” portrayal of Arabs: the whole noun phrase
        if noun.i >= span.end and noun.pos_ in ("NOUN", "PROPN") and self.inside[noun.i] < 0:
            last = max(last, min(noun.right_edge.i, span[0].sent.end - 1))
        first, last = syntax.trim(self.doc, first, last)
        if first > last:
            return None
        start, end = self.doc[first].idx, max(m.outer_end, self.chars(last, last)[1])
        if self.text[start:end].strip(" " + "".join(QUOTE_CHARS)) == "":
            return None
        kind = "direct" if first >= span.start else "mixed"
        if kind == "direct":
            start, end = m.start, m.end
        return Found(start, end, kind, self.chars(verb.i, verb.i), speaker, head, how="describing")

    @staticmethod
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

    def _describing_verb(self, span: Span) -> Token | None:
        """The closest verb of the object-verb lexicon before a quotation, in its sentence (or
        a closer verb of saying whose object holds it); none past another quotation or ";"."""
        sent = span[0].sent
        for i in range(span.start - 1, max(sent.start, span.start - DESCRIBING_WINDOW) - 1, -1):
            token = self.doc[i]
            if self.inside[i] >= 0 or token.text in (";", ":"):
                return None
            if (
                token.lemma_.lower() in lexicon().object_verbs
                and (token.pos_ == "VERB" or token.tag_ in syntax.VERB_TAGS)
                and token.tag_ != "VB"
            ):
                return token
            if i in self.cue_ids:
                return token if self._says_object(token, span) else None
        return None

    @staticmethod
    def _says_object(cue: Token, span: Span) -> bool:
        """A verb of saying with no reported clause whose object holds the quotation: she
        emphasized the threat that “Islamic terrorism” poses; he boasted of his “winning”."""
        if cue.tag_ == "VB" or syntax.is_according(cue) or syntax.clause_of(cue) is not None:
            return False
        return cue.left_edge.i <= span.start and span.end - 1 <= cue.right_edge.i

    def _names_title(self, verb: Token, span: Span) -> bool:
        """A name, not speech: a website called “...”, the so-called “...”."""
        before = self.doc[verb.i - 1] if verb.i > 0 else None
        if before is not None and before.lower_ in ("so", "so-", "-"):
            return True
        between = self.doc[verb.i + 1 : span.start]
        if verb.lemma_.lower() in lexicon().describing_needs_as and not any(
            t.lower_ == "as" for t in between
        ):
            return True  # whom she referred to in her address, were “well fed”
        right_after = all(t.lower_ == "as" or t.dep_ == "prt" for t in between)
        return right_after and before is not None and before.pos_ in ("NOUN", "PROPN")

    def _describer(self, verb: Token) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """Who called or described: the verb's subject, else the noun just before it (its
        phrase cut before the verb: a misparse may hang the verb and more below it)."""
        if _passive(verb):
            agent = _describing_subject(verb)
            return self.speaker_of(agent) if agent is not None else (None, None)
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
            while i >= 0 and (
                self.doc[i].pos_ in ("ADV", "AUX", "PART") or self.doc[i].dep_ == "neg"
            ):
                i -= 1
            subject = self.doc[i] if i >= 0 else None
            if subject is None or not syntax.is_agent(subject):
                return None, None
        speaker, head = self.speaker_of(subject)
        if speaker is not None and subject.i < verb.i and speaker[1] > verb.idx:
            first, last = syntax.trim(self.doc, syntax.speaker_bounds(subject)[0], verb.i - 1)
            return self.chars(first, last), head
        return speaker, head

    def _closer(self, cue: Token, k: int, other: Found) -> bool:
        m = self.marks[k]
        mine = min(abs(cue.idx - m.outer_end), abs(cue.idx - m.outer_start))
        theirs = min(abs(other.cue[0] - m.outer_end), abs(other.cue[0] - m.outer_start))
        return mine < theirs

    @staticmethod
    def _overlaps(a: Found, b: Found) -> bool:
        return a.start < b.end and b.start < a.end

    def _drop_overlaps(self, found: list[Found]) -> list[Found]:
        """Keep the first-found of overlapping quotations (cue-centric results come first)."""
        kept: list[Found] = []
        for f in found:
            if not any(self._overlaps(f, g) for g in kept):
                kept.append(f)
        return kept


def find_quotes(doc: Doc) -> list[Found]:
    """All quotations of a parsed document, in text order."""
    return _Finder(doc).run()
