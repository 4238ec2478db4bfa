"""The trigger lexicon (``data/triggers.tsv``) and the context lists (``data/context.json``)."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon line: a lemma (or phrase) with its conditions and its PLOVER/CAMEO coding."""

    lemma: str
    pos: str
    type: str
    mode: str | None
    cameo: str
    prep: str | None = None
    obj: frozenset[str] | None = None
    gov: frozenset[str] | None = None
    xcomp: bool = False
    must: bool = False
    roles: str = "sv"
    intent: bool = False  # recoded as a statement of intent (see ``intent.py``)

    @property
    def pattern(self) -> str:
        """A readable name of the pattern, shown in the event for explainability."""
        parts = [f"{self.pos.lower()}:{self.lemma}"]
        if self.prep:
            parts.append(f"+{self.prep}")
        if self.obj:
            parts.append("+obj")
        if self.gov:
            parts.append("<gov")
        if self.xcomp:
            parts.append("+xcomp")
        if self.must:
            parts.append("+must")
        if self.intent:
            parts.append("~intent")
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


def _parse_needs(needs: str) -> dict:
    fields: dict = {}
    for need in filter(None, needs.split(";")):
        key, _, value = need.partition("=")
        if key in ("xcomp", "must"):
            fields[key] = True
        elif key in ("obj", "gov"):
            fields[key] = frozenset(value.split("|"))
        elif key == "prep":
            fields["prep"] = value
        else:
            raise ValueError(f"unknown trigger condition: {need}")
    return fields


def _read_entries(text: str) -> list[TriggerEntry]:
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, pos, typ, mode, cameo, needs, roles = line.split("\t")
        entries.append(
            TriggerEntry(
                lemma=lemma,
                pos=pos,
                type=typ,
                mode=mode or None,
                cameo=cameo,
                roles=roles or "sv",
                **_parse_needs(needs),
            )
        )
    return entries


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, loaded once per process."""
    data = resources.files("communique.events") / "data"
    entries = _read_entries((data / "triggers.tsv").read_text(encoding="utf-8"))
    by_lemma: dict[tuple[str, str], list[TriggerEntry]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], TriggerEntry]]] = {}
    for entry in entries:
        if entry.pos == "PHRASE":
            words = tuple(entry.lemma.split())
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
        # Longest phrases first, so "joint military exercises" wins over "joint exercise".
        phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
        blocks={k: frozenset(v) for k, v in blocks.items()},
        plural_parties=frozenset(context["plural_parties"]),
        verbal_protest=context["verbal_protest"],
        opposing_nouns=frozenset(context["opposing_nouns"]),
        people_nouns=frozenset(context["people_nouns"]),
    )
