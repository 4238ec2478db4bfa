"""PETRARCH-2's CAMEO verb dictionary, read and turned into the event lexicon's generated entries.

``communique lexicon build`` reads ``CAMEO.2.0.txt`` (format: ``dictionaries.rst`` beside it,
"Verb Dictionary") and writes ``data/cameo_verbs.tsv``, in the columns of ``data/triggers.tsv``
plus the source line of each entry. What is read:

- synonym sets (``&NAME`` with ``+`` lines) expand into word lists wherever a pattern uses them;
- a verb block (``--- NAME [code] ---``) lists synonymous verbs, each with its own code or the
  block's; multi-word verbs mark the verb with ``+`` (``+CALL_OFF``, ``WIRE_+TAP``): a particle
  after it becomes a ``prep`` condition, a noun an ``obj`` condition, words before it a phrase;
- a pattern (``- SUBJ * OBJ PARTICLE (PREP NOUN) [code]  # VERB``) becomes the verb's entry
  with conditions checkable on a dependency parse: ``subj`` (the pre-verb noun), ``obj`` (the
  post-verb noun; braced phrases keep their modifiers), ``prep`` (a particle) and ``pp`` (a
  preposition with its object noun);
- codes: the primary code (before the colon) counts; CAMEO 01x (public statements), ``---``,
  ``[:173]`` and codes without a PLOVER type code no event. A pattern with such a code still
  blocks the verb's less specific entries ("face * TRIAL" is not a meeting);
- nominal triggers: a noun is an event by itself when it is the object of a verb coding
  nothing ("launch * INVESTIGATION [090]") and the nominalisation of a verb the dictionary
  codes with the same type ("investigate"); a braced object headed by one is a phrase.

CAMEO codes map to PLOVER with ``communique.cameo.table()``; CAMEO 02x (appeals) are REQUEST
with the mode of the matching demand (10x).

The generated file also follows ``data/triggers.tsv`` (hand-written verbs' types for their
nominalisations, nouns it uses as objects, nouns that already tell a verb pattern's event):
after editing it, run ``communique lexicon build`` again (a test compares the two).

Which entries are kept was decided by measurement (``Policy``), not by picking sentences: the
dictionary is noisy by its own account. Each class of entries was switched on alone and the
events it added were read on news nobody tuned on (the 33 examples, the extraction
benchmark's 181 article bodies, PolNeAR's 84 dev articles); precision is the share of added
events that are real events of their type:

=============================================================  =========  ========
class of generated entries                                     precision  kept
=============================================================  =========  ========
bare verbs coded by their block (WordNet synonyms: "take")     ~5/40      no
bare verbs naming a block with a specific code ("favor")       2/12       no
bare verbs with their own code ("want [030]", "help [070]")    ~5/45      no
patterns applied to every verb of the block, not the commented 12/29      no
patterns naming no noun ("leave * (FOR)")                      3/24       no
nouns with the verb's form ("force", "campaign", "release")    3/35       no
patterns and derived nouns, by PLOVER type:                               by type
  ASSAULT 6/11, COERCE 5/6, THREATEN 3/4, CONCEDE 3/4,                    yes
  COOPERATE 3/5, REJECT 2/4
  REQUEST 2/15, ACCUSE 5/16, AGREE 3/18, SANCTION 1/6, AID 1/4,           no
  CONSULT 2/6; SUPPORT 2/2, MOBILIZE 1/2, PROTEST 0/1,
  RETREAT 0/1 (fewer than three judged)
=============================================================  =========  ========

The classes left out were measured again on the news dev set's tuning half
(``communique eval events``; type-only matching, so an added event counts as right when
the document has a gold event of its type left unmatched). Added events that were right:
MOBILIZE 3/3 (kept since); SUPPORT 1/2, REQUEST 0/1, AGREE 0/8 (left out); ACCUSE, AID,
CONSULT, SANCTION, PROTEST and RETREAT added none beside the hand-written entries.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from communique import cameo

SOURCE_FILE = "CAMEO.2.0.txt"
# Words after a multi-word verb or a pattern's verb that are particles, not objects.
PARTICLES = frozenset(
    [
        "up",
        "down",
        "off",
        "out",
        "in",
        "on",
        "over",
        "back",
        "away",
        "aside",
        "forward",
        "together",
        "through",
        "around",
        "about",
        "along",
        "by",
        "forth",
        "apart",
        "ahead",
        "behind",
        "into",
        "upon",
        "with",
        "to",
        "for",
        "at",
        "from",
        "against",
    ]
)
COORDINATORS = frozenset({"and", "or"})
# Verbs that are auxiliaries in English text; the dictionary's "IS_DETERMINED" is no trigger.
AUXILIARIES = frozenset(
    ["be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must"]
)
ACTOR_MARKERS = frozenset({"$", "+", "^", "%"})
TOKEN = re.compile(r"\(|\)|\{[^}]*\}|[^\s(){}]+")
CODE = re.compile(r"\[([^\]]*)\]")

Lemmatize = Callable[[str, str], str]
# One term of a pattern: its alternatives, each a tuple of words, the head last.
Term = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PrepPhrase:
    preps: tuple[str, ...]
    nouns: Term  # empty: any object


@dataclass(frozen=True)
class Pattern:
    line: int
    code: str | None
    subjects: tuple[Term, ...]
    objects: tuple[Term, ...]
    particles: tuple[str, ...]
    phrases: tuple[PrepPhrase, ...]
    verbs: tuple[str, ...]  # the verbs the comment names (where the pattern was found)
    usable: bool  # False for shapes that cannot be checked on a parse


@dataclass(frozen=True)
class Verb:
    line: int
    words: tuple[str, ...]
    head: int  # index of the verb in ``words``
    code: str | None  # its own code; None: the block's
    name: str = ""  # as written, lower case ("killed and"): what pattern comments name

    @property
    def word(self) -> str:
        return self.words[self.head]


@dataclass
class Block:
    name: str
    line: int
    code: str | None
    verbs: list[Verb] = dataclasses.field(default_factory=list)
    patterns: list[Pattern] = dataclasses.field(default_factory=list)


@dataclass(frozen=True)
class Dictionary:
    header: str  # the source's leading comment, with its licence notice
    synsets: dict[str, Term]
    blocks: tuple[Block, ...]


# --- reading ------------------------------------------------------------------------------


def primary_code(text: str) -> str | None:
    """The primary CAMEO code of ``[042:043]`` (042), None for ``---``, ``:173`` or empty."""
    code = text.split(":")[0].strip().rstrip("!")
    return code if code.isdigit() else None


def read_dictionary(text: str) -> Dictionary:
    """Synonym sets and verb blocks of a PETRARCH verb dictionary."""
    lines = text.splitlines()
    header = []
    for line in lines:
        if not line.startswith("#") or line.startswith("####"):
            break
        header.append(line)
    synsets: dict[str, Term] = {}
    blocks: list[Block] = []
    current_synset: list[tuple[str, ...]] | None = None
    in_verbs = False
    for number, raw in enumerate(lines, start=1):
        if raw.startswith("####") and "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        content, _, comment = raw.partition("#")
        line = content.strip()
        if not line:
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_synset = []
                synsets[line[1:].rstrip("_").upper()] = current_synset  # type: ignore[assignment]
            elif line.startswith("+") and current_synset is not None:
                current_synset.append(_phrase_words(line[1:]))
            continue
        if line.startswith("---"):
            match = CODE.search(line)
            name = line.strip("- ").split()[0]
            blocks.append(Block(name, number, primary_code(match.group(1)) if match else None))
        elif line.startswith("~") or not blocks:
            continue
        elif line.startswith("-"):
            blocks[-1].patterns.append(_read_pattern(line[1:], comment, number, synsets))
        else:
            verb = _read_verb(line, number)
            if verb is not None:
                blocks[-1].verbs.append(verb)
    frozen = {name: tuple(words) for name, words in synsets.items()}
    return Dictionary("\n".join(header), frozen, tuple(blocks))


def _phrase_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in text.strip().rstrip("_").lower().replace("_", " ").split() if w)


def _read_verb(line: str, number: int) -> Verb | None:
    text = re.sub(r"\{[^}]*\}", " ", line)
    match = CODE.search(text)
    code = primary_code(match.group(1)) if match else None
    form = CODE.sub(" ", text).split()[0]
    name = form.lower().replace("+", "").replace("_", " ").strip()
    words = [w for w in form.lower().split("_") if w]
    head = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in words]
    # "+KILLED_AND", "+ATTACKED_AND_STABBED": what follows a coordinator is another verb.
    for i, word in enumerate(words):
        if word in COORDINATORS and i > head:
            words = words[:i]
            break
    if not words or not all(w.replace("-", "").replace("'", "").isalpha() for w in words):
        return None
    return Verb(number, tuple(words), head, code if match else None, name)


def _read_pattern(body: str, comment: str, number: int, synsets: dict) -> Pattern:
    codes = CODE.findall(body)
    code = primary_code(codes[-1]) if codes else None
    body = body[: body.rfind("[")] if codes else body
    before, _, after = body.partition("*")
    subjects, pre_phrases, pre_particles, pre_ok = _read_terms(before, synsets)
    objects, phrases, particles, post_ok = _read_terms(after, synsets)
    verbs = tuple(
        dict.fromkeys(w.lower().replace("_", " ") for w in re.findall(r"[A-Z][A-Z_'-]+", comment))
    )
    usable = pre_ok and post_ok and not pre_phrases and not pre_particles and len(objects) <= 1
    return Pattern(number, code, subjects, objects, particles, phrases, verbs, usable)


def _read_terms(text: str, synsets: dict):
    """Terms, prepositional phrases and particles of one side of a pattern, and whether
    every word could be read."""
    terms: list[Term] = []
    phrases: list[PrepPhrase] = []
    particles: list[str] = []
    tokens = TOKEN.findall(text)
    ok = True
    i = 0
    bare: list[str] = []
    while i < len(tokens):
        token = tokens[i]
        if token == "(":
            end = tokens.index(")", i) if ")" in tokens[i:] else len(tokens)
            inner = tokens[i + 1 : end]
            i = end + 1
            if not inner:
                ok = False
                continue
            preps = tuple(p.lower() for p in inner[0].split("/"))
            nouns = [_term(t, synsets) for t in inner[1:] if t not in ACTOR_MARKERS]
            if any(n is None for n in nouns) or len(nouns) > 1:
                ok = False
                continue
            phrases.append(PrepPhrase(preps, nouns[0] if nouns else ()))  # type: ignore[arg-type]
            continue
        i += 1
        if token in ACTOR_MARKERS or token == ")":
            continue
        if token.lower() in PARTICLES and not terms and not bare:
            particles.append(token.lower())
            continue
        term = _term(token, synsets)
        if term is None:
            ok = False
        elif token.startswith(("{", "&")):
            terms.append(term)
        else:
            bare.append(token.lower())
    if bare:
        # Bare words in a row ("POWDER KEG"): one noun phrase, the last word its head.
        terms.append((tuple(bare),))
    return terms, phrases, particles, ok


def _term(token: str, synsets: dict) -> Term | None:
    if token.startswith("{"):
        parts = [_term(w, synsets) for w in token.strip("{}").split()]
        if any(p is None for p in parts) or not parts:
            return None
        alternatives: list[tuple[str, ...]] = [()]
        for part in parts:
            alternatives = [a + b for a in alternatives for b in part]  # type: ignore[union-attr]
        return tuple(alternatives)
    if token.startswith("&"):
        return synsets.get(token[1:].rstrip("_").upper())
    words = _phrase_words(token)
    if not words or not all(re.fullmatch(r"[a-z][a-z.'-]*", w) for w in words):
        return None
    return (words,)


# --- coding -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coding:
    type: str
    mode: str | None
    cameo: str


def plover(code: str | None) -> Coding | None:
    """The PLOVER type and mode of a CAMEO code, or None when it codes no event."""
    if code is None or code.startswith("01"):
        return None
    table = cameo.table()
    if code.startswith("02"):
        # Appeals are requests; their subcodes mirror the demands' (021 ~ 101, 0241 ~ 1041).
        demand = table.get("10" + code[2:])
        return Coding("REQUEST", demand.plover_mode if demand else None, code)
    known = table.get(code)
    if known is None or known.plover_type is None:
        return None
    return Coding(known.plover_type, known.plover_mode, code)


# --- generating entries -------------------------------------------------------------------


@dataclass(frozen=True)
class Policy:
    """Which generated entries are kept (the measured figures behind the defaults are in the
    module's docstring)."""

    # Patterns apply to every verb of their block (PETRARCH), or only to the verbs their
    # comment names ("comment").
    pattern_scope: str = "comment"
    # "noun": only patterns whose conditions name a noun (subject, object or a
    # preposition's object); "any": also bare particles and prepositions ("* (FOR)").
    pattern_conditions: str = "noun"
    # Classes of bare verbs kept: "head-specific" (the verb naming its block, with a code
    # more specific than a cue category: ASSASSINATE [186]), "specific" (other verbs of such
    # blocks), "head-generic", "generic" (blocks coded 040, 110, 190 ...), "own" (verbs
    # with their own code).
    bare_verbs: tuple[str, ...] = ()
    # Nominal triggers: "derived" (nominalisations with a suffix: investigation), "zero"
    # (also nouns with the verb's form: attack), "none".
    nouns: str = "derived"
    phrases: bool = True
    # The PLOVER types whose generated entries are kept (None: all): those at least half of
    # whose added events were real events of the type, in a judged sample of at least three
    # (MOBILIZE: on the news dev set's tuning half).
    types: tuple[str, ...] | None = (
        "ASSAULT",
        "COERCE",
        "CONCEDE",
        "COOPERATE",
        "MOBILIZE",
        "REJECT",
        "THREATEN",
    )


@dataclass(frozen=True)
class Generated:
    lemma: str
    pos: str
    coding: Coding | None  # None: a blocking entry (the pattern codes no event)
    needs: str
    source: str  # kind and source line, e.g. "pattern:5440"

    @property
    def specificity(self) -> int:
        """Conditions count one, those naming nouns two: the most specific entry is tried first."""
        needs = [n for n in self.needs.split(";") if n]
        return len(needs) + sum(
            n.startswith(("obj=", "subj=")) or not n.endswith(":") and n.startswith("pp=")
            for n in needs
        )

    def row(self) -> str:
        coding = self.coding
        fields = (
            self.lemma,
            self.pos,
            coding.type if coding else "-",
            (coding.mode or "") if coding else "",
            coding.cameo if coding else "",
            self.needs,
            "sv",
            self.source,
        )
        return "\t".join(fields)


def generate(
    dictionary: Dictionary, lemmatize: Lemmatize, policy: Policy = Policy()
) -> list[Generated]:
    """The generated entries, deduplicated and in the order the lexicon tries them."""
    candidates: list[Generated] = []
    for block in dictionary.blocks:
        candidates += _bare_verbs(block, lemmatize, policy)
        for pattern in block.patterns:
            if pattern.usable:
                candidates += _pattern_entries(block, pattern, lemmatize, policy)
    nominal = _nominal_entries(dictionary, lemmatize, policy)
    covered = NominalTypes([*_hand_written(), *(e.row().split("\t") for e in nominal)])
    candidates = [c for c in (covered.uncovered(e) for e in candidates) if c is not None]
    return _resolve(candidates + nominal, policy.types)


class NominalTypes:
    """What a noun codes under a verb: "held talks" is already the noun "talks" (CONSULT),
    so the verb pattern "hold * TALKS" would only tell the same event twice."""

    def __init__(self, rows: list[list[str]]) -> None:
        self.entries: dict[str, list[tuple[frozenset[str] | None, str]]] = {}
        for fields in rows:
            if fields[1] != "NOUN":
                continue
            gov = next((n[4:] for n in fields[5].split(";") if n.startswith("gov=")), None)
            governors = frozenset(gov.split("|")) if gov else None
            self.entries.setdefault(fields[0], []).append((governors, fields[2]))

    def type_under(self, noun: str, verb: str) -> str | None:
        """The type of the noun's first entry that applies as the verb's object."""
        for governors, type_ in self.entries.get(noun, ()):
            if governors is None or verb in governors:
                return type_
        return None

    def uncovered(self, entry: Generated) -> Generated | None:
        """The entry without the objects whose nouns code the same event (None if none is
        left); entries without an object condition are returned as they are."""
        needs = entry.needs.split(";")
        objects = next((n for n in needs if n.startswith("obj=")), None)
        if objects is None or entry.pos != "VERB" or entry.coding is None:
            return entry
        kept = [
            value
            for value in objects[4:].split("|")
            if self.type_under(value.split(" ")[-1], entry.lemma) != entry.coding.type
        ]
        if not kept:
            return None
        rest = [n for n in needs if n != objects]
        return dataclasses.replace(entry, needs=";".join(sorted([*rest, "obj=" + "|".join(kept)])))


def _bare_verbs(block: Block, lemmatize: Lemmatize, policy: Policy) -> list[Generated]:
    found = []
    for verb in block.verbs:
        code = verb.code if verb.code is not None else block.code
        coding = plover(code)
        if coding is not None and bare_class(block, verb) in policy.bare_verbs:
            found += _verb_entries(verb, coding, "", f"verb:{verb.line}", lemmatize)
    return found


def bare_class(block: Block, verb: Verb) -> str:
    """How a bare verb is coded: by its own code, or by its block's as the verb naming the
    block or as a synonym, the code specific or a cue category (x0)."""
    if verb.code is not None:
        return "own"
    generic = block.code is not None and len(block.code) == 3 and block.code.endswith("0")
    head = "_".join(verb.words).upper() == block.name or verb.word.upper() == block.name
    return ("head-" if head else "") + ("generic" if generic else "specific")


def _verb_entries(verb: Verb, coding, needs: str, source: str, lemmatize: Lemmatize):
    lemma = lemmatize(verb.word, "VERB")
    if lemma in AUXILIARIES:
        return []
    before, after = verb.words[: verb.head], verb.words[verb.head + 1 :]
    conditions = [needs] if needs else []
    objects: list[str] = []
    for word in after:
        if word in PARTICLES and not objects:
            conditions.append(f"prep={word}")
        else:
            objects.append(word)
    if objects:
        if any(c.startswith("obj=") for c in needs.split(";")):
            return []  # "+TAKE_LEAVE" with a pattern's object: two objects, not checkable
        conditions.append("obj=" + _noun_value([tuple(objects)], lemmatize))
    joined = ";".join(sorted(conditions))
    if before:
        phrase = " ".join([*before, lemma])
        return [Generated(phrase, "PHRASE", coding, joined, source)]
    return [Generated(lemma, "VERB", coding, joined, source)]


def _pattern_entries(block: Block, pattern: Pattern, lemmatize, policy) -> list[Generated]:
    needs = _pattern_needs(pattern, lemmatize)
    if needs is None or (policy.pattern_conditions == "noun" and not _names_noun(needs)):
        return []
    coding = plover(pattern.code)
    verbs = block.verbs
    if policy.pattern_scope == "comment":
        named = [v for v in verbs if v.name in pattern.verbs]
        verbs = named or verbs
    found = []
    for verb in verbs:
        found += _verb_entries(verb, coding, needs, f"pattern:{pattern.line}", lemmatize)
    return found


def _pattern_needs(pattern: Pattern, lemmatize: Lemmatize) -> str | None:
    needs = []
    if pattern.subjects:
        needs.append("subj=" + _noun_value(pattern.subjects[0], lemmatize))
    if pattern.objects:
        needs.append("obj=" + _noun_value(pattern.objects[0], lemmatize))
    needs += [f"prep={p}" for p in pattern.particles]
    for phrase in pattern.phrases:
        nouns = _noun_value(phrase.nouns, lemmatize) if phrase.nouns else ""
        needs.append(f"pp={','.join(phrase.preps)}:{nouns}")
    if not needs:
        return None
    return ";".join(sorted(dict.fromkeys(needs)))


def _names_noun(needs: str) -> bool:
    return any(
        n.startswith(("obj=", "subj=")) or (n.startswith("pp=") and not n.endswith(":"))
        for n in needs.split(";")
    )


def _noun_value(alternatives: Iterable[tuple[str, ...]], lemmatize: Lemmatize) -> str:
    """``a|b|financial aid``: heads lemmatised, modifiers as written."""
    values = []
    for words in alternatives:
        head = lemmatize(words[-1], "NOUN")
        values.append(" ".join([*words[:-1], head]))
    return "|".join(sorted(dict.fromkeys(values)))


def _nominal_entries(dictionary: Dictionary, lemmatize, policy) -> list[Generated]:
    """Nouns that name an event by themselves, and phrases headed by them.

    The dictionary supports a noun as an event when it is the object of a verb that codes
    nothing by itself ("stage * PROTEST [141]", "launch * INVESTIGATION [090]") and it is
    the verb, or a nominalisation of a verb ("protest", "investigation" of "investigate"),
    that the dictionary codes with the same PLOVER type. Weapons, money or treaties, also
    objects of such verbs, name no event of their own and are left out, as are the nouns
    hand-written entries take as objects ("sign" an "agreement"). A braced object
    headed by such a noun ({AIR RAID}) becomes a phrase with its pattern's code.
    """
    verb_types = _verb_types(dictionary, lemmatize)
    eventive: dict[str, set[str]] = {}
    for verb, types in verb_types.items():
        for noun in nominalizations(verb, zero=policy.nouns == "zero"):
            eventive.setdefault(noun, set()).update(types)
    for noun in hand_written_objects():
        eventive.pop(noun, None)
    codings: dict[tuple[str, str], list[tuple[int, Coding]]] = {}
    for block in dictionary.blocks:
        if plover(block.code) is not None:
            continue
        for pattern in block.patterns:
            coding = plover(pattern.code)
            if coding is None or not _light_pattern(pattern):
                continue
            for words in pattern.objects[0]:
                head = lemmatize(words[-1], "NOUN")
                if coding.type not in eventive.get(head, ()):
                    continue
                pos = "PHRASE" if len(words) > 1 else "NOUN"
                if pos == "PHRASE" and len(pattern.objects[0]) > 1:
                    continue  # a synonym set's product ({&WEAPON ATTACK}): the head suffices
                if (pos == "NOUN" and policy.nouns != "none") or (
                    pos == "PHRASE" and policy.phrases
                ):
                    key = (pos, " ".join([*words[:-1], head]))
                    codings.setdefault(key, []).append((pattern.line, coding))
    found = []
    for (pos, lemma), given in sorted(codings.items()):
        line, coding = _majority(given)
        # "head": the noun heads its phrase; in "detention center" it names no event.
        found.append(Generated(lemma, pos, coding, "head", f"noun:{line}"))
    return found


def _verb_types(dictionary: Dictionary, lemmatize) -> dict[str, set[str]]:
    """The PLOVER types each single-word verb codes by itself (its own or its block's code);
    for a verb of the hand-written lexicon, the types given there ("agree" is AGREE there,
    SUPPORT in the dictionary's AGREE [050] block), as hand-written entries win."""
    types: dict[str, set[str]] = {}
    for block in dictionary.blocks:
        for verb in block.verbs:
            coding = plover(verb.code if verb.code is not None else block.code)
            if coding is not None and len(verb.words) == 1:
                types.setdefault(lemmatize(verb.word, "VERB"), set()).add(coding.type)
    return {**types, **hand_written_verb_types()}


def _hand_written() -> list[list[str]]:
    text = (Path(__file__).parent / "data" / "triggers.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def hand_written_verb_types() -> dict[str, set[str]]:
    """The PLOVER types of the verbs in ``data/triggers.tsv``."""
    types: dict[str, set[str]] = {}
    for fields in _hand_written():
        if fields[1] == "VERB":
            types.setdefault(fields[0], set()).add(fields[2])
    return types


def hand_written_objects() -> frozenset[str]:
    """Nouns the hand-written entries require as objects ("sign obj=agreement|treaty"):
    things an event is about, not events."""
    objects = set()
    for fields in _hand_written():
        for need in fields[5].split(";"):
            if need.startswith("obj="):
                objects.update(need[4:].split("|"))
    return frozenset(objects)


NOMINALIZERS = ("ion", "ation", "ition", "ment", "al", "ure", "ing", "ism")


def nominalizations(verb: str, zero: bool = True) -> set[str]:
    """The verb and the nouns English regularly derives from it: "attack", "investigation",
    "deployment", "withdrawal", "seizure", "invasion", "detention", "inquiry"."""
    stems = {verb}
    if verb.endswith("e"):
        stems.add(verb[:-1])
    if verb.endswith("ize"):
        stems.add(verb[:-3])  # criticize: criticism
    forms = {stem + suffix for stem in stems for suffix in NOMINALIZERS}
    if zero:
        forms.add(verb)
    if verb.endswith("de"):
        forms.add(verb[:-2] + "sion")  # invade: invasion
    if verb.endswith(("ain", "ene")):
        forms.add(verb[:-3] + "ention")  # detain: detention, intervene: intervention
    if verb.endswith("ire"):
        forms.add(verb[:-1] + "y")  # inquire: inquiry
    return forms


def _light_pattern(pattern: Pattern) -> bool:
    return (
        pattern.usable
        and len(pattern.objects) == 1
        and not pattern.subjects
        and not pattern.phrases
        and not pattern.particles
    )


def _majority(codings: list[tuple[int, Coding]]) -> tuple[int, Coding]:
    """The coding most often given (by PLOVER type, then code), the earliest line on ties."""
    types = Counter(c.type for _, c in codings)
    best_type = min(types, key=lambda t: (-types[t], min(n for n, c in codings if c.type == t)))
    of_type = [(n, c) for n, c in codings if c.type == best_type]
    codes = Counter(c.cameo for _, c in of_type)
    best = min(of_type, key=lambda nc: (-codes[nc[1].cameo], nc[0]))
    return best


def _resolve(candidates: list[Generated], types: tuple[str, ...] | None) -> list[Generated]:
    """One entry per (lemma, pos, conditions): the most frequent coding wins (a blocking
    entry when most say no event); the earliest source line breaks ties. Entries of other
    PLOVER types than ``types`` then block. Ordered by lemma, then most specific
    conditions first."""
    groups: dict[tuple[str, str, str], list[Generated]] = {}
    for entry in candidates:
        groups.setdefault((entry.pos, entry.lemma, entry.needs), []).append(entry)
    resolved = []
    for key in sorted(groups):
        group = groups[key]
        votes = Counter(g.coding.type if g.coding else "-" for g in group)
        winner = min(votes, key=lambda t: (-votes[t], _first_line(group, t)))
        chosen = [g for g in group if (g.coding.type if g.coding else "-") == winner]
        codes = Counter(g.coding.cameo if g.coding else "" for g in chosen)
        resolved.append(
            min(chosen, key=lambda g: (-codes[g.coding.cameo if g.coding else ""], _line(g)))
        )
    if types is not None:
        # A pattern of a type not kept still says what the words mean: it blocks the
        # word's less specific entries rather than letting them code something else.
        resolved = [
            g if g.coding is None or g.coding.type in types else dataclasses.replace(g, coding=None)
            for g in resolved
        ]
    # A blocking entry matters only where the same word has an entry coding an event that
    # is tried after it (as specific or less).
    least: dict[tuple[str, str], int] = {}
    for g in resolved:
        if g.coding is not None:
            word = (g.pos, g.lemma)
            least[word] = min(least.get(word, g.specificity), g.specificity)
    kept = [
        g
        for g in resolved
        if g.coding is not None or g.specificity >= least.get((g.pos, g.lemma), 1_000)
    ]
    return sorted(kept, key=lambda g: (g.pos, g.lemma, -g.specificity, g.needs))


def _line(entry: Generated) -> int:
    return int(entry.source.split(":")[1])


def _first_line(group: list[Generated], winner: str) -> int:
    return min(_line(g) for g in group if (g.coding.type if g.coding else "-") == winner)


# --- the data file ------------------------------------------------------------------------


def spacy_lemmatizer() -> Lemmatize:
    """Lemmas as the project's spaCy model gives them in text: an inflected form ("sped",
    "sanctions") goes to its lemma, a word the model knows as a lemma ("access", "speed")
    stays itself."""
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc

    from communique import nlp as nlp_module
    from communique.errors import CommuniqueError

    pipeline = nlp_module.load()
    lemmatizer = pipeline.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer):
        raise CommuniqueError("the spaCy model has no lemmatizer with lookup tables")
    index = lemmatizer.lookups.get_table("lemma_index")
    known = {pos: frozenset(index[pos.lower()]) for pos in ("NOUN", "VERB")}
    cache: dict[tuple[str, str], str] = {}

    def lemmatize(word: str, pos: str) -> str:
        key = (word, pos)
        if key not in cache:
            doc = Doc(pipeline.vocab, words=[word], pos=[pos])
            lemma = lemmatizer(doc)[0].lemma_.lower() or word
            base = word in known[pos] and (pos == "VERB" or lemma not in known[pos])
            cache[key] = word if base else lemma
        return cache[key]

    return lemmatize


def render(dictionary: Dictionary, entries: list[Generated]) -> str:
    """The data file: provenance, the source's licence notice, the columns, the entries."""
    notice = licence_notice(dictionary.header)
    lines = [
        "# Event triggers generated from PETRARCH-2's CAMEO verb dictionary (CAMEO.2.0.txt,",
        "# openeventdata/petrarch2) and triggers.tsv. Do not edit: regenerate with",
        "# `communique lexicon build` (src/communique/events/petrarch.py), also after editing",
        "# triggers.tsv. Hand-written entries in triggers.tsv win over these for the same",
        "# lemma and part of speech (or phrase): the loader leaves these out for such words.",
        "# Columns as in triggers.tsv, plus source: how the entry was made (verb, pattern,",
        "# noun) and its line in CAMEO.2.0.txt. Type '-' blocks the word's later entries.",
        "#",
        "# Derived from the PETRARCH-2 dictionaries under this notice:",
        *notice,
        "# lemma\tpos\ttype\tmode\tcameo\tneeds\troles\tsource",
    ]
    return "\n".join([*lines, *(e.row() for e in entries)]) + "\n"


def licence_notice(header: str) -> list[str]:
    """The MIT notice of the source header: from "The MIT License" to its disclaimer's end."""
    lines = header.splitlines()
    start = next((i for i, line in enumerate(lines) if "MIT License" in line), None)
    if start is None:
        raise ValueError(f"{SOURCE_FILE}: no MIT licence notice in the header")
    end = next(i for i, line in enumerate(lines) if i > start and "DEALINGS IN THE" in line)
    return lines[start : end + 1]


def default_output() -> Path:
    """The package's generated data file."""
    return Path(__file__).parent / "data" / "cameo_verbs.tsv"


def build(petrarch: Path, out: Path, policy: Policy = Policy()) -> list[Generated]:
    """Read the dictionary under ``petrarch`` and write the generated entries to ``out``."""
    text = (petrarch / SOURCE_FILE).read_text(encoding="utf-8", errors="replace")
    dictionary = read_dictionary(text)
    entries = generate(dictionary, spacy_lemmatizer(), policy)
    out.write_text(render(dictionary, entries), encoding="utf-8")
    return entries
