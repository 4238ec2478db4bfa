"""The trigger lexicon and the context lists (``data/context.json``).

Two files make the lexicon, in the same columns:

- ``data/triggers.tsv``: hand-written entries;
- ``data/cameo_verbs.tsv``: entries generated from PETRARCH-2's CAMEO verb dictionary by
  ``communique lexicon build`` (``petrarch.py``).

Precedence: a (part of speech, lemma) pair listed in ``triggers.tsv`` is read only from
there: the generated entries for the same word are left out, so a hand-written entry
always decides what the word means. A generated phrase with the words of a hand-written
phrase is left out the same way. Within a word, entries are tried in file order (the
generated file lists the most specific conditions first); the first whose conditions hold
decides, and an entry of type ``-`` (a pattern that codes no event) means "no event".

Words and phrases are indexed by (part of speech, lemma) and by first word, so a token
costs one dictionary lookup.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Token

HAND_WRITTEN = "triggers.tsv"
GENERATED = "cameo_verbs.tsv"
NO_EVENT = "-"
POLARITIES = ("negative", "positive")
ANY_WORD = "*"
HYPHEN = "-"
# How a trigger's participants are read (events/participants.py): sv, the default, the subject
# acts and the object, "with" and "to" receive; recip: every party is an actor ("met");
# self: the trigger noun names the actors themselves ("protesters").
ROLES = ("sv", "recip", "self")


@dataclass(frozen=True)
class Words:
    """The words a condition accepts: lemmas, and phrases ("financial aid") whose last word
    is the head and whose other words must modify it."""

    heads: frozenset[str]
    phrases: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict, hash=False)

    @classmethod
    def parse(cls, value: str) -> Words:
        heads: set[str] = set()
        phrases: dict[str, list[frozenset[str]]] = {}
        for item in value.split("|"):
            # "cease-fire" is parsed as "fire" with the compound "cease"
            *modifiers, head = item.replace(HYPHEN, " ").split(" ")
            if modifiers:
                phrases.setdefault(head, []).append(frozenset(modifiers))
            else:
                heads.add(head)
        return cls(frozenset(heads), {h: tuple(m) for h, m in phrases.items()})

    def __contains__(self, lemma: str) -> bool:
        return lemma in self.heads

    def match(self, token: Token) -> bool:
        """Whether the token is one of the words (a phrase's modifiers among its children);
        ``*`` accepts any word ("demonstrate obj=*": whatever is shown)."""
        lemma = token.lemma_.lower()
        if lemma in self.heads or ANY_WORD in self.heads:
            return True
        wanted = self.phrases.get(lemma)
        if not wanted:
            return False
        around = {w for c in token.children for w in (c.lower_, c.lemma_.lower())}
        return any(modifiers <= around for modifiers in wanted)


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon line: a lemma (or phrase) with its conditions and its PLOVER/CAMEO coding."""

    lemma: str
    pos: str
    type: str
    mode: str | None
    cameo: str
    prep: str | None = None
    obj: Words | None = None
    gov: frozenset[str] | None = None
    subj: Words | None = None
    # Prepositions each with their object's words (None: any object): "call for sanctions".
    pp: tuple[tuple[frozenset[str], Words | None], ...] = ()
    xcomp: bool = False
    must: bool = False
    passive: bool = False  # the verb is passive ("was charged with", "the accord signed by")
    # Words one of which must modify the noun (amod, compound, nmod): "joint" exercises.
    mod: frozenset[str] | None = None
    # The polarity of a predicative complement: "called the move unjustified" (negative).
    pred: str | None = None
    # A complement clause that blames a party: "said IRA commanders are responsible for ...".
    claim: bool = False
    head: bool = False  # the noun heads its phrase (not a compound modifier)
    roles: str = "sv"
    intent: bool = False  # recoded as a statement of intent (see ``intent.py``)
    source: str = ""  # where a generated entry comes from ("pattern:5440")

    @property
    def is_event(self) -> bool:
        return self.type != NO_EVENT

    @property
    def pattern(self) -> str:
        """A readable name of the pattern, shown in the event for explainability."""
        parts = [f"{self.pos.lower()}:{self.lemma}"]
        if self.prep:
            parts.append(f"+{self.prep}")
        # one label per flag, in a fixed order (the order is part of the pattern name)
        if self.subj:
            parts.append("<subj")
        if self.obj:
            parts.append("+obj")
        parts += [f"+{'/'.join(sorted(preps))}" for preps, _ in self.pp]
        if self.gov:
            parts.append("<gov")
        if self.xcomp:
            parts.append("+xcomp")
        if self.must:
            parts.append("+must")
        if self.passive:
            parts.append("+passive")
        if self.mod:
            parts.append("+mod")
        if self.pred:
            parts.append(f"+pred:{self.pred}")
        if self.claim:
            parts.append("+claim")
        if self.intent:
            parts.append("~intent")
        if self.source:
            parts.append(f"@cameo:{self.source.partition(':')[2]}")
        return "".join(parts)


@dataclass(frozen=True)
class Lexicon:
    by_lemma: dict[tuple[str, str], tuple[TriggerEntry, ...]]
    phrases: dict[str, tuple[tuple[tuple[str, ...], TriggerEntry], ...]]
    blocks: dict[str, frozenset[str]]
    plural_parties: frozenset[str]
    verbal_protest: dict
    opposing_nouns: frozenset[str]
    people_nouns: frozenset[str]
    stative_participles: frozenset[str]
    # evaluative word -> "negative" or "positive"
    evaluative: dict[str, str] = field(default_factory=dict)
    # predicates that blame their subject ("responsible" for, "guilty", "behind")
    blaming: dict[str, str] = field(default_factory=dict)


class _Reader:
    """Parses lines into entries, sharing equal word lists between entries."""

    def __init__(self) -> None:
        self.words: dict[str, Words] = {}
        self.sets: dict[str, frozenset[str]] = {}

    def entries(self, text: str, generated: bool, name: str = HAND_WRITTEN) -> list[TriggerEntry]:
        """The entries of a file's text; a line with an unknown role or condition, or too few
        cells, is refused with the file's ``name`` and the line's number."""
        found = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                found.append(self._entry(line, generated))
            except ValueError as exc:
                raise ValueError(f"{name}:{number}: {exc}") from None
        return found

    def _entry(self, line: str, generated: bool) -> TriggerEntry:
        cells = line.split("\t")
        if len(cells) < 7:
            raise ValueError(f"7 tab-separated cells expected, found {len(cells)}")
        lemma, pos, typ, mode, cameo, needs, roles, *rest = cells
        if roles and roles not in ROLES:
            raise ValueError(f"unknown role '{roles}' (known: {', '.join(ROLES)})")
        return TriggerEntry(
            lemma=lemma,
            pos=pos,
            type=typ,
            mode=mode or None,
            cameo=cameo,
            roles=roles or "sv",
            source=rest[0] if generated and rest else "",
            **self.needs(needs),
        )

    def needs(self, needs: str) -> dict:
        fields: dict = {}
        for need in filter(None, needs.split(";")):
            key, _, value = need.partition("=")
            if key in ("xcomp", "must", "head", "passive", "claim"):
                fields[key] = True
            elif key == "mod":
                fields[key] = self.sets.setdefault(value, frozenset(value.split("|")))
            elif key in ("obj", "subj"):
                fields[key] = self._words(value)
            elif key == "gov":
                fields[key] = self.sets.setdefault(value, frozenset(value.split("|")))
            elif key == "pred":
                if value not in POLARITIES:
                    raise ValueError(f"unknown polarity '{need}' (known: {', '.join(POLARITIES)})")
                fields["pred"] = value
            elif key == "prep":
                fields["prep"] = value
            elif key == "pp":
                preps, _, nouns = value.partition(":")
                phrase = (
                    self.sets.setdefault(preps, frozenset(preps.split(","))),
                    self._words(nouns) if nouns else None,
                )
                fields["pp"] = (*fields.get("pp", ()), phrase)
            else:
                raise ValueError(f"unknown trigger condition '{need}'")
        return fields

    def _words(self, value: str) -> Words:
        if value not in self.words:
            self.words[value] = Words.parse(value)
        return self.words[value]


def _merge(hand: list[TriggerEntry], generated: list[TriggerEntry]) -> list[TriggerEntry]:
    """Hand-written entries, then the generated ones for words they do not list."""
    listed = {(e.pos, e.lemma) for e in hand}
    return [*hand, *(e for e in generated if (e.pos, e.lemma) not in listed)]


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, loaded once per process."""
    data = resources.files("communique.events") / "data"
    reader = _Reader()
    hand = reader.entries((data / HAND_WRITTEN).read_text(encoding="utf-8"), generated=False)
    generated_file = data / GENERATED
    generated = (
        reader.entries(generated_file.read_text(encoding="utf-8"), generated=True, name=GENERATED)
        if generated_file.is_file()
        else []
    )
    by_lemma: dict[tuple[str, str], list[TriggerEntry]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], TriggerEntry]]] = {}
    for entry in _merge(hand, generated):
        if entry.pos == "PHRASE" or HYPHEN in entry.lemma:
            # spaCy splits "cease-fire" and "co-sponsored" at the hyphen: a phrase of three
            words = tuple(entry.lemma.replace(HYPHEN, f" {HYPHEN} ").split())
            phrases.setdefault(words[0], []).append((words, entry))
        else:
            by_lemma.setdefault((entry.pos, entry.lemma), []).append(entry)
    context = json.loads((data / "context.json").read_text(encoding="utf-8"))
    blocks: dict[str, set[str]] = {}
    for types, words in context["blocks"].items():
        for typ in types.split():
            blocks.setdefault(typ, set()).update(words)
    return Lexicon(
        by_lemma={k: tuple(v) for k, v in by_lemma.items()},
        # Longest phrases first, so "joint military exercises" wins over "joint exercise";
        # a stable sort keeps hand-written phrases before generated ones of the same length.
        phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
        blocks={k: frozenset(v) for k, v in blocks.items()},
        plural_parties=frozenset(context["plural_parties"]),
        verbal_protest=context["verbal_protest"],
        opposing_nouns=frozenset(context["opposing_nouns"]),
        people_nouns=frozenset(context["people_nouns"]),
        stative_participles=frozenset(context["stative_participles"]),
        evaluative={w: p for p in POLARITIES for w in context["evaluative"][p]},
        blaming=dict(context["blaming"]),
    )
