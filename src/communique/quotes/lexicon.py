"""The cue lexicon (``data/cues.json``, and the verbs of saying marked as cues in the shared
table ``communique/data/speech_verbs.tsv``), loaded once."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from communique import words

DATA = Path(__file__).parent / "data" / "cues.json"


@dataclass(frozen=True)
class Lexicon:
    verbs: frozenset[str]
    particle_verbs: dict[str, frozenset[str]]
    prepositions: dict[str, frozenset[str]]
    controllers: frozenset[str]
    xcomp_verbs: frozenset[str]
    object_verbs: frozenset[str]
    describing_needs_as: frozenset[str]
    continuing_cues: frozenset[str]
    speech_nouns: frozenset[str]
    title_words_max: int
    title_small_words: frozenset[str]
    non_agents: frozenset[str]
    non_agent_entities: frozenset[str]
    adverbial_marks: frozenset[str]
    title_introducers: frozenset[str]

    def is_cue_verb(self, lemma: str, particles: frozenset[str] = frozenset()) -> bool:
        """Whether a verb with this lemma (and these particles) reports speech."""
        lemma = lemma.lower()
        if lemma in self.verbs:
            return True
        return bool(self.particle_verbs.get(lemma, frozenset()) & particles)


@functools.cache
def lexicon() -> Lexicon:
    """The cue lexicon shipped beside this module."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    # one field per list of cues.json: alike in shape, each its own list
    return Lexicon(
        verbs=words.speech_verbs("cue"),
        particle_verbs={k: frozenset(v) for k, v in data["particle_verbs"].items()},
        prepositions={k: frozenset(v) for k, v in data["prepositions"].items()},
        controllers=frozenset(data["controllers"]),
        xcomp_verbs=frozenset(data["xcomp_verbs"]),
        object_verbs=frozenset(data["object_verbs"]),
        describing_needs_as=frozenset(data["describing_needs_as"]),
        continuing_cues=frozenset(data["continuing_cues"]),
        speech_nouns=frozenset(data["speech_nouns"]),
        title_words_max=int(data["title_words_max"]),
        title_small_words=frozenset(data["title_small_words"]),
        non_agents=frozenset(data["non_agents"]),
        non_agent_entities=frozenset(data["non_agent_entities"]),
        adverbial_marks=frozenset(data["adverbial_marks"]),
        title_introducers=frozenset(data["title_introducers"]),
    )
