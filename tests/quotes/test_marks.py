"""The quote-mark state machine: every mark style, paragraphs, and text it must survive."""

from __future__ import annotations

import pytest

from communique.quotes.marks import find_marked


def contents(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_marked(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win," and left.', ["we will win,"]),
        ("He said “we will win,” and left.", ["we will win,"]),
        ("Il a dit « nous gagnerons » hier.", ["nous gagnerons"]),
        ("Er sagte „wir gewinnen“ gestern.", ["wir gewinnen"]),
        ("She called it ‘a disgrace’ today.", ["a disgrace"]),
        ('"A," he said. "B."', ["A,", "B."]),
    ],
)
def test_mark_styles(text, expected):
    assert contents(text) == expected


def test_apostrophes_are_not_quotes():
    assert contents("It’s the ’90s and the voters’ mood isn’t good.") == []


def test_multi_paragraph_quotation_runs_on_when_the_mark_is_repeated():
    text = (
        "“The first paragraph of the statement.\n\n“The second paragraph,” he said.\n\nNarration."
    )
    (marked,) = find_marked(text)
    assert text[marked.start : marked.end].startswith("The first paragraph")
    assert text[marked.start : marked.end].endswith("The second paragraph,")
    assert marked.paragraphs == 2 and marked.closed


def test_unclosed_quotation_ends_with_its_paragraph_and_the_rest_is_kept():
    text = "He said “this never closes.\n\nNext paragraph has “its own quote” here."
    assert contents(text) == ["this never closes.", "its own quote"]
    assert not find_marked(text)[0].closed


def test_new_opening_mark_closes_an_unterminated_one():
    text = "“First part never closed “Second one” after."
    assert contents(text) == ["First part never closed", "Second one"]


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "“",
        "”",
        'odd " count " of " marks',
        'ends with a mark "',
        "«",
        "‘",
        "'",
        "\n\n“\n\n",
        "",
    ],
)
def test_odd_marks_never_fail(text):
    for m in find_marked(text):
        assert 0 <= m.start <= m.end <= len(text)


def test_two_hundred_quotations():
    text = " ".join(f"“Quote number {i} is here,” he said." for i in range(200))
    found = contents(text)
    assert len(found) == 200
    assert found[199] == "Quote number 199 is here,"


def test_typewriter_double_quotes():
    text = "''We will win,'' he said. ''It's over.''"
    assert contents(text) == ["We will win,", "It's over."]
