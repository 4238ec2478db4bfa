"""Language identification, offline (py3langid)."""

from __future__ import annotations

import functools

ANALYSED_LANGUAGES = frozenset({"en"})
MIN_CHARS = 20


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # Only languages with an ISO 639-1 code: the report's field is two letters, and the
    # rarer three-letter varieties (pidgins, regional languages) steal short English texts.
    identifier.set_languages([code for code in identifier.nb_classes if len(code) == 2])
    return identifier


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text."""
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < MIN_CHARS:
        return None
    lang, _prob = _identifier().classify(sample)
    return lang


def is_analysed(language: str | None) -> bool:
    """Whether communique's NLP stages run on this language (unknown counts as English)."""
    return language is None or language in ANALYSED_LANGUAGES
