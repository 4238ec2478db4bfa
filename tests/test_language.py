"""Language identification (offline, py3langid) and what the pipeline does with it."""

from __future__ import annotations

import pytest

from communique import language, pipeline

ENGLISH = (
    "The foreign ministers of Russia and Japan met in Moscow on Monday to discuss a peace "
    "treaty and joint economic activity on the disputed islands."
)
GERMAN = (
    "Die Außenminister Russlands und Japans trafen sich am Montag in Moskau, um über einen "
    "Friedensvertrag und die gemeinsame wirtschaftliche Tätigkeit auf den Inseln zu sprechen."
)
FRENCH = (
    "Les ministres des Affaires étrangères de la Russie et du Japon se sont rencontrés lundi à "
    "Moscou pour discuter d'un traité de paix et d'une activité économique commune sur les îles."
)


@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (GERMAN, "de"), (FRENCH, "fr")])
def test_detects_the_language(text, code):
    assert language.detect(text) == code


@pytest.mark.parametrize("text", ["", "   ", "Ja.", "12:30 — 14:45", "OK ok"])
def test_too_short_text_has_no_language(text):
    assert language.detect(text) is None


def test_only_english_is_analysed_and_unknown_counts_as_english():
    assert language.is_analysed("en")
    assert language.is_analysed(None)
    assert not language.is_analysed("de")


def test_non_english_article_is_reported_but_not_analysed():
    page = "Gespräche in Moskau\n\nMOSKAU, 29. Januar. " + GERMAN + "\n\n" + GERMAN
    report = pipeline.analyze(page)
    assert report.article.language == "de"
    assert report.article.headline == "Gespräche in Moskau"
    assert (report.entities, report.quotes, report.events) == ([], [], [])


@pytest.mark.parametrize(
    "text",
    [
        "Russia expels British diplomats",
        "Macron visits Kyiv",
        "Mali junta expels French ambassador",
        "Xi congratulates Putin",
        "Chinese Foreign Ministry spokesman Geng Shuang said Beijing opposed the sanctions",
    ],
)
def test_a_one_line_english_headline_is_analysed(text):
    assert language.detect(text) in (None, "en")
    assert language.is_analysed(language.detect(text))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Россия высылает британских дипломатов", "ru"),
        ("俄罗斯驱逐英国外交官", "zh"),
        ("Ελλάδα", "el"),
    ],
)
def test_a_short_text_in_another_script_is_not_english(text, code):
    assert language.detect(text) == code
    assert not language.is_analysed(language.detect(text))


def test_names_in_another_script_inside_english_text_keep_it_english():
    text = "Xi Jinping (习近平) met Putin in Moscow on Monday, the Kremlin said."
    assert language.detect(text) == "en"
