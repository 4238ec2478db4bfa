"""How firmly the tense of the governing verb places a time expression (tense.direction)."""

from __future__ import annotations

import pytest

from communique.times import tense


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        ("The treaty was signed in June.", "June", -2),  # an adverbial of a past verb
        ("The summit will be held in June.", "June", 2),
        ("The company extended its offer to June 5.", "June 5", -1),  # an endpoint
        ("He has set June 5 as the deadline.", "June 5", -1),  # a present perfect
        ("He subpoenaed the boy to testify on June 5.", "June 5", -1),  # through an infinitive
        ("He said the talks would resume in June.", "June", 0),  # "would": either side
    ],
)
def test_direction(nlp, sentence, expression, expected):
    start = sentence.index(expression)
    assert tense.direction(nlp(sentence), start, start + len(expression)) == expected


def test_without_a_parse_there_is_no_direction():
    assert tense.direction(None, 0, 4) == 0
