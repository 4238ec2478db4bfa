"""Word tables more than one stage reads, each kept once in ``communique/data``.

- ``months.tsv``: month names and abbreviations (the article reader's datelines and written
  dates, the times stage);
- ``speech_verbs.tsv``: verbs of saying, with the two uses stages make of them: ``cue`` (the
  quotes stage: the verb can attribute a quotation) and ``subject`` (the entities stage: a
  pronoun subject of the verb is kept as a mention).
"""

from __future__ import annotations

import functools

from communique.data import read_tsv
from communique.errors import CommuniqueError

SPEECH_VERB_USES = ("cue", "subject")


@functools.cache
def months() -> dict[str, int]:
    """Month names and abbreviations as written ("January", "Jan", "Sept") -> the month's
    number; each name before its abbreviations, in month order."""
    table: dict[str, int] = {}
    for row in read_tsv("months.tsv"):
        number = int(row["number"])
        for word in (row["name"], *filter(None, (row["abbreviations"] or "").split("|"))):
            table[word] = number
    return table


@functools.cache
def months_lower() -> dict[str, int]:
    """:func:`months` in lower case ("january", "jan", "sept")."""
    return {word.lower(): number for word, number in months().items()}


@functools.cache
def month_pattern() -> str:
    """A regex group matching any month name or abbreviation as written, longest first."""
    return "(?:" + "|".join(sorted(months(), key=lambda w: (-len(w), w))) + ")"


@functools.cache
def speech_verbs(use: str) -> frozenset[str]:
    """The lemmas of the verbs of saying marked ``yes`` for ``use`` (``cue`` or ``subject``)."""
    if use not in SPEECH_VERB_USES:
        raise CommuniqueError(f"speech verbs have no use '{use}' ({', '.join(SPEECH_VERB_USES)})")
    return frozenset(row["lemma"] for row in read_tsv("speech_verbs.tsv") if row[use] == "yes")
