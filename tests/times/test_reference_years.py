"""A year that is only a reference point does not date the sentence's other dates."""

from __future__ import annotations

import pytest

from communique.times import find_times


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Soldiers were killed in the clash on June 15, the first deadly clash since 1975.",
            "2020-06-15",
        ),
        ("The accord, valid until 2030, was signed on June 15.", "2020-06-15"),
        ("In 1998 the firm was sold on June 15.", "1998-06-15"),
    ],
)
def test_reference_point_years(nlp, sentence, expected):
    values = {t.text: t.value for t in find_times(sentence, "2020-06-17", nlp(sentence))}
    assert values["June 15"] == expected
