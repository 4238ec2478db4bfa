"""The word tables several stages share: one data file each, read by every user."""

from __future__ import annotations

import re
from pathlib import Path

from communique import words
from communique.article import dateline
from communique.entities import lexicon as entities_lexicon
from communique.quotes.lexicon import lexicon as cue_lexicon
from communique.times.grammar import vocabulary

SRC = Path(__file__).resolve().parents[1] / "src" / "communique"


def test_months_as_written_and_lower_case():
    table = words.months()
    assert table["January"] == 1 and table["Sept"] == table["Sep"] == table["September"] == 9
    assert list(table)[:3] == ["January", "Jan", "February"]
    assert len(table) == 24 and set(table.values()) == set(range(1, 13))
    assert words.months_lower()["sept"] == 9 and "may" in words.months_lower()


def test_the_month_pattern_prefers_the_whole_name():
    pattern = re.compile(words.month_pattern())
    assert pattern.match("September 3").group() == "September"
    assert pattern.match("Sept. 3").group() == "Sept"
    assert pattern.fullmatch("Junee") is None


def test_every_user_reads_the_one_month_table():
    assert vocabulary("months") is words.months()
    assert dateline.month_numbers() is words.months_lower()
    assert words.month_pattern() == dateline.MONTH
    months_files = [p for p in SRC.rglob("*") if p.stem == "months" and p.suffix != ".tsv"]
    assert months_files == []


def test_speech_verbs_keep_their_two_uses():
    cues, subjects = words.speech_verbs("cue"), words.speech_verbs("subject")
    assert {"say", "tell", "warn"} <= cues & subjects
    assert "allege" in cues - subjects  # a cue, not a verb whose pronoun subject is kept
    assert "believe" in subjects - cues  # "she believes": the subject is kept, no cue
    assert cue_lexicon().verbs == cues
    assert entities_lexicon.verbs()["speech"] == subjects
    assert "event" in entities_lexicon.verbs()
