"""The extraction benchmark's body F1, and a short run of ``communique eval extraction``."""

from __future__ import annotations

import pytest

from communique.evaluation.extraction import (
    PageScore,
    evaluate,
    main_text,
    score_page,
    shingles,
    summarise,
)
from communique.model import Article, Dateline, Section


def test_shingles_are_four_token_windows_of_word_tokens():
    counts = shingles("One, two; three four-five")
    assert counts == {("One", "two", "three", "four"): 1, ("two", "three", "four", "five"): 1}


def test_short_text_is_one_shingle():
    assert shingles("Only three words") == {("Only", "three", "words"): 1}
    assert shingles("") == {}


def test_score_counts_true_and_false_shingles():
    truth = "a b c d e f"  # 3 shingles: abcd bcde cdef
    prediction = "a b c d e x y"  # abcd bcde cdex dexy
    assert score_page(truth, prediction) == PageScore(tp=2, fp=2, fn=1)


def test_repeated_shingles_count_by_multiplicity():
    # prediction: wxyz twice, xyzw, yzwx, zwxy; truth: wxyz once
    score = score_page("w x y z", "w x y z w x y z")
    assert (score.tp, score.fp, score.fn) == (1, 4, 0)
    assert score_page("w x y z w x y z", "w x y z") == PageScore(tp=1, fp=0, fn=4)


def test_precision_and_recall_edge_cases():
    assert PageScore(0, 0, 0).precision == 1.0 and PageScore(0, 0, 0).recall == 1.0
    assert PageScore(0, 0, 5).precision == 0.0 and PageScore(0, 0, 5).recall == 0.0
    assert PageScore(3, 1, 0).precision == 0.75 and PageScore(3, 1, 0).recall == 1.0
    assert score_page("", "").precision == 1.0


def test_f1_is_harmonic_mean_of_mean_precision_and_mean_recall():
    scores = [PageScore(1, 0, 1), PageScore(1, 1, 0)]  # P: 1.0, 0.5  R: 0.5, 1.0
    figures = summarise(scores)
    assert figures["precision"] == pytest.approx(0.75)
    assert figures["recall"] == pytest.approx(0.75)
    assert figures["f1"] == pytest.approx(0.75)
    assert summarise([PageScore(2, 0, 0), PageScore(0, 0, 4)])["f1"] == pytest.approx(0.5)


def test_main_text_puts_dateline_and_headings_back():
    article = Article(
        dateline=Dateline(text="BERLIN (Reuters) -", place="Berlin", agency="Reuters"),
        sections=[
            Section(paragraphs=["Talks began.", "They went on."]),
            Section(heading="Next steps", paragraphs=["More talks follow."]),
        ],
        body="Talks began.\n\nThey went on.\n\nMore talks follow.",
    )
    assert main_text(article) == (
        "BERLIN (Reuters) - Talks began.\n\nThey went on.\n\nNext steps\n\nMore talks follow."
    )


@pytest.mark.shared
def test_evaluate_on_ten_pages(shared_data):
    data = shared_data / "extraction"
    if not (data / "ground-truth.json").exists():
        pytest.skip("extraction benchmark absent")
    figures = evaluate(data, limit=10)
    assert figures["pages"] == 10
    for key in ("f1", "precision", "recall"):
        assert 0.8 <= figures[key] <= 1.0
    assert figures["pages_per_s"] > 0
    table = figures["by_extractor"]
    assert set(table) == {"communique", "communique_body", "trafilatura"}
    assert 0.8 <= table["trafilatura"]["f1"] <= 1.0
