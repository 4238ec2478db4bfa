"""Scraped news text: the furniture families by their shape, and the annotated test sets.

The pages here were written for these tests; the annotated sets are in ``data/scraped``
(tuned on its even-numbered files) and ``data/scraped-blind`` (written after tuning).
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from communique.article import wording
from communique.article.text import line_roles, read_text
from communique.errors import InputError
from communique.evaluation.scraped import (
    article_area,
    evaluate,
    load_texts,
    score_texts,
    tuning_half,
    visible_text,
)

DATA = Path(__file__).parent / "data"
BODY = [
    "Foreign ministers of the two countries met in Geneva on Tuesday to prepare a new round of "
    "talks on the disputed border, officials said after the meeting.",
    "The delegations agreed to set up a joint working group on trade and to exchange lists of "
    "detained citizens before the end of the month, a joint statement said.",
    "A further meeting of deputy ministers is planned for March in Vienna, where the working "
    "group is expected to present its first proposals.",
]


def page(*lines: str, body: list[str] = BODY) -> str:
    """A headline, a dateline paragraph, the body and ``lines`` after it."""
    first = f"GENEVA (Reuters) - {body[0]}"
    return "\n".join(["Ministers meet in Geneva to prepare border talks", first, *body[1:], *lines])


def roles(content: str) -> dict[str, str]:
    return {line: role for role, line in line_roles(content)}


# --- the annotated sets ---------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["scraped", "scraped-blind"])
def test_annotated_sets_meet_the_targets(folder):
    figures = score_texts(load_texts(DATA / folder))["all"].figures()
    assert figures["furniture_out_of_body"] >= 0.95
    assert figures["body_lines_kept"] == 1.0
    assert figures["datelines_found"] >= 0.85
    assert figures["false_datelines"] == 0
    assert figures["dates_right"] >= 0.9


def test_tuning_and_held_out_halves_are_reported_apart():
    figures = evaluate(DATA / "scraped")
    assert figures["tuning"]["texts"] + figures["held_out"]["texts"] == figures["all"]["texts"]
    assert tuning_half("04-blog") and not tuning_half("05-agency")
    assert figures["held_out"]["datelines_found"] >= 0.95


def test_a_text_without_its_header_line_is_refused(tmp_path):
    (tmp_path / "01-bad.txt").write_text("H Headline\nB Body.\n", encoding="utf-8")
    with pytest.raises(InputError, match="first line"):
        load_texts(tmp_path)
    (tmp_path / "01-bad.txt").write_text('#{"dateline": null}\nX Headline\n', encoding="utf-8")
    with pytest.raises(InputError, match="expected a tag"):
        load_texts(tmp_path)


def test_article_area_is_the_text_around_the_true_body():
    html = (
        "<html><body><nav><a>Home</a><a>World</a></nav><div><header><h1>Talks resume</h1>"
        "<p>By Jane Doe</p></header><div class='story'><p>First paragraph of the story here "
        "and more words.</p><p>Second paragraph<br>on two lines.</p></div></div>"
        "<footer>About us</footer><script>var x = 1;</script></body></html>"
    )
    truth = "First paragraph of the story here and more words.\n\nSecond paragraph on two lines."
    area = article_area(html, truth)
    assert area.splitlines() == [
        "Talks resume",
        "",
        "By Jane Doe",
        "",
        "First paragraph of the story here and more words.",
        "",
        "Second paragraph",
        "on two lines.",
    ]
    assert "Home" not in area and "About us" not in area and "var x" not in area
    assert visible_text(lxml.html.fromstring("<div>a<p>b</p>c</div>")).splitlines() == [
        "a",
        "",
        "b",
        "",
        "c",
    ]


# --- readers' comments ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "thread",
    [
        ["5 comments:", "Olga said...", "Good news at last.", "3/02/2021 9:14 PM"],
        ["Olga said...", "Good news at last.", "Reply"],
        ["kestrel_9 • 3 hours ago", "Good news at last.", "Reply"],
        ["2 responses to “Ministers meet in Geneva”", "Olga says:", "Good news at last."],
        ["Olga says:", "March 2, 2021 at 9:14 pm", "Good news at last."],
        ["Comments (2)", "Olga", "Good news at last."],
    ],
)
def test_a_comment_thread_ends_the_article(thread):
    article = read_text(page(*thread))
    assert "Good news" not in article.body
    assert article.body.endswith("first proposals.")


def test_said_with_a_colon_in_the_story_does_not_end_it():
    body = [*BODY[:2], "The joint statement said:", "Both sides will keep talking.", BODY[2]]
    article = read_text(page(body=body))
    assert "Both sides will keep talking." in article.body and "first proposals" in article.body


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Anonymous said...", "certain"),
        ("kestrel_9 • 2 hours ago", "certain"),
        ("Marek says: November 3, 2022 at 6:12 pm", "certain"),
        ("Marek says:", "stamped"),
        ("By Jane Doe • 2 hours ago", None),
        ("ANI | Updated: Aug 16, 2021 23:10 IST", None),
        ("The ministers, who met for four hours in Geneva on Tuesday, said...", None),
    ],
)
def test_comment_headers(line, kind):
    assert wording.comment_header(line) == kind


# --- photo captions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "A woman walks past a damaged school in the town of Izium, Ukraine, Sunday, Sept. 18, 2022.",
        "Delegates are seated before the opening session at the Palais des Nations in Geneva, "
        "Switzerland, March 2, 2021.",
        "Rescuers carry a survivor out of the rubble in Hatay on Feb. 8, 2023. (Kyodo)",
        "Foreign Minister Anna Berg (right) and her counterpart Ivo Lind shake hands at the "
        "ministry in Tallinn on Monday. (Pool)",
    ],
)
def test_present_tense_captions_with_place_and_date_are_not_body(caption):
    body = [BODY[0], caption, *BODY[1:]]
    article = read_text(page(body=body))
    assert caption.split(" (")[0] not in article.body
    assert any(c.text in caption for c in article.captions)


@pytest.mark.parametrize(
    "sentence",
    [
        "The new rules take effect on Jan. 1, 2024.",
        "The ministers meet again in Vienna on Thursday.",
        "Officials said protesters gather in the square every Sunday, March 3, 2022.",
        "The march in Kyiv drew thousands of people on Sunday, March 3, 2022.",
        "Lavrov met Wang in Moscow on March 3, 2022.",
    ],
)
def test_body_sentences_are_not_captions(sentence):
    assert not wording.picture_description(sentence)


# --- credits, advisories, trust lines, widgets, menus -----------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "(Adds minister's quote in paragraph 3)",
        "(Updates with closing prices)",
        "(Recasts with talks ending, adds background)",
        "(Writing by Jane Doe; Editing by John Roe)",
        "Associated Press writer Ann Berg in Oslo contributed to this report.",
        "The Example News Agency is an independent global news organization dedicated to "
        "factual reporting.",
        "Read about our editorial standards",
        "This story has not been edited by our staff and is published from a syndicated feed.",
        "Adjust text size: A A A",
        "Font size",
        "A+",
        "Search Example News...",
        "Back to Gallery",
        "Print this article",
        "Labels: Geneva, border talks",
        "examplenews.com",
        "Image Copyright @examplenews",
        "These are external links and will open in a new window",
        "Comments are subject to our community guidelines.",
        "/",
    ],
)
def test_furniture_lines_after_the_body(line):
    article = read_text(page(line))
    assert line not in article.body


def test_a_menu_between_paragraphs_is_furniture_but_a_list_after_a_colon_is_not():
    menu = ["Sign In", "World", "Europe", "Middle East", "Business", "Markets", "Opinion"]
    article = read_text(page(body=[BODY[0], *menu, *BODY[1:]]))
    assert not any(item in article.body.split("\n\n") for item in menu)
    listed = ["The agenda:", "Trade", "Transit", "Fishing rights", "Water", "Prisoners"]
    article = read_text(page(body=[BODY[0], *listed, *BODY[1:]]))
    assert all(item in article.body.split("\n\n") for item in listed)


def test_caption_with_its_credit_label_glued_on():
    caption = "The hospital where patients were treated in the capitalCredit: Example Agency"
    article = read_text(page(body=[BODY[0], caption, *BODY[1:]]))
    assert caption not in article.body
    assert ("The hospital where patients were treated in the capital", "Example Agency") in [
        (c.text, c.credit) for c in article.captions
    ]


def test_an_author_box_and_a_related_list_after_the_story():
    article = read_text(page("Ann Berg", "Contributing Writer", "Related coverage from World:",
                             "Leaders gather in Oslo for Arctic summit", "Ministers sign fishing deal"))  # fmt: skip
    assert article.body.endswith("first proposals.")
    table = ["Team", "Points", "1", "Kyiv", "40", "2", "Lviv", "38"]  # cells, one per line
    assert all(
        cell in read_text(page(body=[BODY[0], "The table:", *table, *BODY[1:]])).body.split("\n\n")
        for cell in table
    )


def test_the_writers_introduction_after_the_story_is_furniture():
    bio = "Ann Berg is the Nordic correspondent for the paper, based in Oslo."
    article = read_text(page(bio))
    assert bio not in article.body and article.body.endswith("first proposals.")
    inside = [BODY[0], bio, *BODY[1:]]  # only after the last paragraph
    assert bio in read_text(page(body=inside)).body


# --- bylines and dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "byline", "date"),
    [
        (["Rachel Martin", "Published Oct 07, 2022 • Last updated Oct 07, 2022"], "Rachel Martin", "2022-10-07"),
        (["Tan Wei Ling", "Senior Correspondent", "UPDATED OCT 30, 2023, 06:45 PM"], "Tan Wei Ling", "2023-10-30"),
        (["Ahmet Yilmaz |16.09.2019"], "Ahmet Yilmaz", "2019-09-16"),
        (["By Jo He-rim (herim@example.com)", "Date 20.02.2018"], "By Jo He-rim (herim@example.com)", "2018-02-20"),
        (["Hong Kong", "Published 20.02.2018"], None, "2018-02-20"),  # a place, not a writer
    ],
)  # fmt: skip
def test_bylines_without_by_and_page_dates(header, byline, date):
    content = "\n".join(["Ministers meet in Geneva to prepare border talks", *header, *BODY])
    article = read_text(content)
    assert (article.byline, article.date, article.date_source) == (byline, date, "metadata")
    assert not any(line in article.body for line in header)
