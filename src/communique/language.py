"""Language identification, offline (py3langid)."""

from __future__ import annotations

import functools

ANALYSED_LANGUAGES = frozenset({"en"})
MIN_CHARS = 20
# Below this many characters, a guess this unsure is no evidence against English (names
# dominate a short wire sentence: "Kim Jong Un met Moon Jae-in in Panmunjom.").
SHORT_TEXT_CHARS = 300
MIN_SHORT_TEXT_CONFIDENCE = 0.9
SHORT_TEXT_CANDIDATES = 6
# Letters up to here are Latin (ASCII, Latin-1, Latin Extended-A and -B).
LAST_LATIN = "\u024f"


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # Only languages with an ISO 639-1 code: the report's field is two letters, and the
    # rarer three-letter varieties (pidgins, regional languages) steal short English texts.
    identifier.set_languages([code for code in identifier.nb_classes if len(code) == 2])
    return identifier


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text.

    A text mostly in a script English is not written in (Cyrillic, Chinese, Arabic, ...) gets
    the identifier's guess however short it is: a one-line headline in Chinese is not English.
    """
    sample = text[:5000]
    letters = [ch for ch in sample if ch.isalpha()]
    if letters and sum(ch > LAST_LATIN for ch in letters) * 2 > len(letters):
        return _identifier().rank(sample)[0][0]
    if len(letters) < MIN_CHARS:
        return None
    ranked = _identifier().rank(sample)
    lang, confidence = ranked[0]
    if len(sample) < SHORT_TEXT_CHARS and confidence < MIN_SHORT_TEXT_CONFIDENCE:
        # Too short to be sure: English when it is still among the likely ones.
        likely = [code for code, _ in ranked[:SHORT_TEXT_CANDIDATES]]
        return "en" if "en" in likely else None
    return lang


def is_analysed(language: str | None) -> bool:
    """Whether communique's NLP stages run on this language (unknown counts as English)."""
    return language is None or language in ANALYSED_LANGUAGES
