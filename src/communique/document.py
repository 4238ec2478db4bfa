"""What goes into the pipeline and what the stages share: light to import (no spaCy).

- :class:`Document`: one input document, as the sources and the batch form of the CLI give it;
- :class:`Failure`: a document that could not be analysed (the batch goes on);
- :class:`Analysis`: what the NLP stages read and fill, one per document. Data passes from
  one stage to a later one only through its fields (the report's sections, and the fields
  below for what the report has no place for); each stage declares the ones it reads and
  fills (:func:`communique.pipeline.stage`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from communique.model import Report


@dataclass
class Document:
    """One input document, as the batch form of the CLI describes it."""

    content: str
    html: bool = False
    id: str | None = None
    url: str | None = None
    source: str | None = None
    date: str | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # set when the input could not be turned into a document
    home: str | None = None  # where the source is from ("Lebanon, Tennessee"): for the places
    exclude: tuple[str, ...] = ()  # stages not to run on this document (``--exclude``)


@dataclass
class Failure:
    """A document that could not be analysed; the batch goes on."""

    id: str | None
    error: str

    def to_dict(self) -> dict:
        return {"id": self.id, "error": self.error}


@dataclass
class Analysis:
    """What the NLP stages share: the report being filled, the parse, and what passes
    between stages without a place in the report."""

    report: Report
    doc: Doc
    home: str | None = None  # the source's home place as given (``--home``), read by places
    # places named inside other names ("the Munich Security Conference"): from places, for
    # events (communique.places.LocationCandidate)
    location_candidates: list[Any] = field(default_factory=list)
