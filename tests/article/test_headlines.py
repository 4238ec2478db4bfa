"""Headlines, single sentences and lists of other stories' headlines, in plain text and HTML.

A text with words in it is an article: a single sentence, a headline without a full stop, or
a bare list of headlines (each its own paragraph). Inside a story, lists of other stories
(joined by "•" or "|", one per line, after "Related:", or links one after another) and
captions stay out of ``article.text``. The texts are the tests' own.
"""

from __future__ import annotations

import pytest
from tests.article.helpers import PARAGRAPHS

from communique import pipeline
from communique.article import read
from communique.article.html import read_html
from communique.article.text import line_roles, read_text
from communique.article.wording import headline_shaped, listed_headlines
from communique.errors import CommuniqueError

SENTENCE = "Chinese Foreign Ministry spokesman Geng Shuang said Beijing opposed the sanctions"
HEADLINES = [
    "Nigerian troops kill scores of rebels in Borno state",
    "Chinese bank's loan to Kenya draws fire from opposition",
    "Putin meets Erdogan in Sochi to discuss Syria",
]
HEADLINE = "Ministers meet in Geneva to prepare border talks"
STORY = HEADLINE + "\n\n" + "\n\n".join(PARAGRAPHS[:3])


def _leaked(text: str) -> list[str]:
    return [headline for headline in HEADLINES if headline in text]


# --- the shapes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        (" • ".join(HEADLINES), HEADLINES),
        (" | ".join(HEADLINES), HEADLINES),
        (" · ".join(HEADLINES[:2]), HEADLINES[:2]),
        (  # the last one cut off short
            "Nigerian troops kill scores of rebels • Chinese bank's …",
            ["Nigerian troops kill scores of rebels", "Chinese bank's …"],
        ),
        ("World | Middle East", None),  # a breadcrumb
        ("Home | World | Middle East", None),
        ("Russia expels British diplomats | World news", None),  # a page title
        ("Source: Xinhua | 2022-11-14 22:31:10 | Editor: Liu Yang", None),
        ("By Jane Doe | Updated: 2022-08-05 21:30", None),  # byline and time stamp
        ("| Party | Seats |", None),  # a table row
        ("Russia expels British diplomats", None),  # one headline is no list
        ("The talks ended. • Both sides left.", None),  # sentences
        ("ministers met in Geneva • talks resume in May", None),  # lower case
    ],
)
def test_listed_headlines(line, pieces):
    assert listed_headlines(line) == pieces


@pytest.mark.parametrize(
    ("text", "shaped"),
    [
        ("Putin meets Erdogan in Sochi", True),
        ("Will the talks resume in May?", True),
        ("Chinese bank's …", False),  # too short unless cut off at the end of a list
        ("The talks ended late at night.", False),
        ("The ministers agreed on the following steps:", False),
        ("“A beacon of hope”", False),  # a pull quote
        ("— Antonio Guterres, U.N. Secretary-General", False),
        ("talks resume in Geneva", False),
    ],
)
def test_headline_shape(text, shaped):
    assert headline_shaped(text) is shaped


# --- documents that are only headlines or a sentence (plain text) ---------------------------


@pytest.mark.parametrize("text", [SENTENCE, "Russia expels British diplomats"])
def test_a_single_line_without_a_full_stop_is_analysed(text):
    article = read_text(text)
    assert article.text == text
    assert article.headline == text  # read as a headline: the only title-like line


def test_a_sentence_with_a_full_stop_is_the_body():
    article = read_text(SENTENCE + ".")
    assert (article.headline, article.body, article.text) == (None, SENTENCE + ".", SENTENCE + ".")


def test_a_lower_case_sentence_without_a_full_stop_is_the_body():
    text = "the army said it killed scores of rebels near the border"
    assert read_text(text).body == text


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(HEADLINES),
        "\n\n".join(HEADLINES),
        " • ".join(HEADLINES),
        " | ".join(HEADLINES),
        "\n".join([" • ".join(HEADLINES[:2]), HEADLINES[2]]),
    ],
)
def test_a_bare_list_of_headlines_is_one_paragraph_a_headline(text):
    article = read_text(text)
    assert article.text == "\n\n".join(HEADLINES)
    assert article.body == article.text
    assert (article.headline, article.subheadline) == (None, None)
    assert [section.paragraphs for section in article.sections] == [HEADLINES]


def test_a_cut_off_list_keeps_its_last_headline():
    article = read_text("Nigerian troops kill scores of rebels • Chinese bank's …")
    assert article.text == "Nigerian troops kill scores of rebels\n\nChinese bank's …"


def test_headline_and_subheadline_without_a_body_stay_so():
    text = "Russia expels British diplomats\nMoscow says the step answers new British sanctions"
    article = read_text(text)
    assert article.headline == "Russia expels British diplomats"
    assert article.subheadline == "Moscow says the step answers new British sanctions"
    assert article.text == text.replace("\n", "\n\n")


def test_furniture_alone_is_still_text_with_words():
    assert read_text("Share\nFacebook\nTwitter").text == "Share\n\nFacebook\n\nTwitter"


@pytest.mark.parametrize("text", ["", "  \n ", "!!! ... ???", "©", "12:30 — 14:45", "* * *"])
def test_no_words_no_text(text):
    assert read_text(text).text == ""


def test_a_dateline_alone_is_analysed_once():
    article = read_text("MOSCOW, January 29. /TASS/.")
    assert article.text == "MOSCOW, January 29. /TASS/."


def test_html_without_markup_is_read_as_text():
    assert read("Russia expels British diplomats", html=True).text == (
        "Russia expels British diplomats"
    )


# --- lists of other stories inside a story (plain text) -------------------------------------


@pytest.mark.parametrize(
    "tail",
    [
        "\n\nRelated:\n" + "\n".join(HEADLINES),
        "\n\nRead more: " + HEADLINES[0],
        "\n\n" + " • ".join(HEADLINES),
        "\n\n" + " | ".join(HEADLINES),
        "\n\n" + "\n".join(HEADLINES),
        "\n\n" + " • ".join([*HEADLINES, "Japan and Korea hold first summit in twelve years"]),
    ],
    ids=["related", "read-more", "bullets", "bars", "lines", "long-bullets"],
)
def test_a_story_followed_by_other_stories_keeps_only_the_story(tail):
    article = read_text(STORY + tail)
    assert _leaked(article.text) == []
    assert article.body == "\n\n".join(PARAGRAPHS[:3])


@pytest.mark.parametrize(
    "middle",
    [" • ".join(HEADLINES), " | ".join(HEADLINES), "\n".join(HEADLINES), "\n\n".join(HEADLINES)],
    ids=["bullets", "bars", "lines", "blocks"],
)
def test_other_stories_inside_a_story_are_furniture(middle):
    article = read_text(STORY + "\n\n" + middle + "\n\n" + PARAGRAPHS[3])
    assert _leaked(article.text) == []
    assert article.body == "\n\n".join(PARAGRAPHS)


def test_the_articles_own_list_after_a_colon_stays():
    text = (
        HEADLINE
        + "\n\n"
        + PARAGRAPHS[0]
        + "\n\nThe delegations agreed on these steps:\n"
        + "\n".join(HEADLINES)
        + "\n\n"
        + PARAGRAPHS[1]
    )
    assert _leaked(read_text(text).text) == HEADLINES


def test_a_page_title_with_its_site_is_still_the_headline():
    page = "Russia expels diplomats over spy case | Europe News and Analysis\n\n" + PARAGRAPHS[0]
    article = read_text(page)
    assert article.headline == "Russia expels diplomats over spy case | Europe News and Analysis"
    assert article.body == PARAGRAPHS[0]


def test_a_short_section_heading_between_paragraphs_is_still_a_heading():
    text = STORY + "\n\nNext steps\n\n" + PARAGRAPHS[3]
    assert ("heading", "Next steps") in line_roles(text)
    assert "Next steps" not in read_text(text).text


def test_captions_stay_out_of_the_text():
    page = (
        HEADLINE
        + "\n\nDelegates arrive at the talks in Geneva. REUTERS/Denis Balibouse\n\n"
        + PARAGRAPHS[0]
        + "\n\nThe foreign ministers before the talks\n© Denis Balibouse/Reuters\n\n"
        + "\n\n".join(PARAGRAPHS[1:])
        + "\n\nImage caption, Both delegations at the closing ceremony\n"
    )
    article = read_text(page)
    assert [caption.text for caption in article.captions] == [
        "Delegates arrive at the talks in Geneva.",
        "The foreign ministers before the talks",
        "Both delegations at the closing ceremony",
    ]
    for caption in article.captions:
        assert caption.text not in article.text
    assert article.body == "\n\n".join(PARAGRAPHS)


# --- HTML -----------------------------------------------------------------------------------


def _page(body: str, title: str = HEADLINE) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
        "</article></body></html>"
    )


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def _links(texts: list[str], joiner: str = "") -> str:
    return joiner.join(f'<a href="/story/{n}">{text}</a>' for n, text in enumerate(texts))


@pytest.mark.parametrize(
    "middle",
    [
        "<ul>"
        + "".join(f'<li><a href="/story/{n}">{h}</a></li>' for n, h in enumerate(HEADLINES))
        + "</ul>",
        "".join(f'<p><a href="/story/{n}">{h}</a></p>' for n, h in enumerate(HEADLINES)),
        "<p>" + _links(HEADLINES, " • ") + "</p>",
        "<p>" + _links(HEADLINES, " | ") + "</p>",
        '<div class="related"><h3>Related</h3><ul>'
        + "".join(f'<li><a href="/story/{n}">{h}</a></li>' for n, h in enumerate(HEADLINES))
        + "</ul></div>",
        f'<p>Related: <a href="/story/0">{HEADLINES[0]}</a></p>',
    ],
    ids=["linked-list", "linked-paragraphs", "bullets", "bars", "related-box", "related"],
)
def test_html_other_stories_inside_a_story_are_furniture(middle):
    article = read_html(_page(_paragraphs(PARAGRAPHS[:3]) + middle + _paragraphs(PARAGRAPHS[3:])))
    assert _leaked(article.text) == []
    assert article.body == "\n\n".join(PARAGRAPHS)


def test_html_a_linked_headline_after_the_story_is_furniture():
    article = read_html(
        _page(_paragraphs(PARAGRAPHS) + f'<p><a href="/story/1">{HEADLINES[0]}</a></p>')
    )
    assert _leaked(article.text) == []


def test_html_a_list_naming_linked_people_stays():
    people = [("Sergei Lavrov", "the Russian foreign minister"), ("Taro Kono", "his counterpart")]
    items = "".join(
        f'<li><a href="/people/{name}">{name}</a>, {role}</li>' for name, role in people
    )
    body = _paragraphs(PARAGRAPHS[:2]) + f"<ul>{items}</ul>" + _paragraphs(PARAGRAPHS[2:])
    assert "Sergei Lavrov, the Russian foreign minister\nTaro Kono" in read_html(_page(body)).body


def test_html_the_articles_own_bulleted_list_stays():
    steps = [
        "Restore the hotline between defence ministries",
        "Resume monthly meetings of officers",
    ]
    items = "".join(f"<li>{step}</li>" for step in steps)
    body = _paragraphs(PARAGRAPHS[:2]) + f"<ul>{items}</ul>" + _paragraphs(PARAGRAPHS[2:])
    assert "\n".join(steps) in read_html(_page(body)).body


def test_html_headlines_without_links_in_the_story_stay():
    """Without the links, lines of titles between paragraphs may be the article's own."""
    body = _paragraphs([*PARAGRAPHS[:2], HEADLINES[0], HEADLINES[1], *PARAGRAPHS[2:]])
    assert _leaked(read_html(_page(body)).text) == HEADLINES[:2]


def test_html_a_page_that_only_lists_headlines_is_analysed_headline_by_headline():
    page = (
        "<html><head><title>News</title></head><body><ul>"
        + "".join(f'<li><a href="/story/{n}">{h}</a></li>' for n, h in enumerate(HEADLINES))
        + "</ul></body></html>"
    )
    article = read_html(page)
    assert article.body == "\n\n".join(HEADLINES)
    assert read_html("<p>" + " • ".join(HEADLINES) + "</p>").text == "\n\n".join(HEADLINES)


def test_html_a_headline_alone_is_analysed():
    article = read_html(_page(""))
    assert (article.headline, article.body, article.text) == (HEADLINE, "", HEADLINE)


def test_html_a_small_page_does_not_repeat_its_title_in_the_body():
    title = "Beijing opposes sanctions"  # a feed entry's title and summary
    page = (
        f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{SENTENCE}.</body></html>"
    )
    article = read_html(page)
    assert article.headline == "Beijing opposes sanctions"
    assert article.body == SENTENCE + "."


def test_html_captions_stay_out_of_the_text():
    body = (
        '<figure><img src="a.jpg"><figcaption>Delegates arrive at the talks in Geneva. '
        '<span class="credit">Denis Balibouse/Reuters</span></figcaption></figure>'
        + _paragraphs(PARAGRAPHS[:2])
        + '<div class="image-caption">The foreign ministers before the talks (AP Photo/Jane Roe)'
        "</div>" + _paragraphs(PARAGRAPHS[2:])
    )
    article = read_html(_page(body))
    assert [caption.text for caption in article.captions] == [
        "Delegates arrive at the talks in Geneva.",
        "The foreign ministers before the talks",
    ]
    assert "Delegates arrive" not in article.text and "before the talks" not in article.text
    assert article.body == "\n\n".join(PARAGRAPHS)


# --- through the pipeline -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", [SENTENCE, "Russia expels British diplomats", "\n".join(HEADLINES)]
)
def test_pipeline_reads_every_text_with_words(text):
    report = pipeline.read(pipeline.Document(content=text))
    assert report.article.text.replace("\n\n", "\n") == text
    assert report.article.language in (None, "en")


@pytest.mark.parametrize("text", ["!!! ... ???", "©", "— * —"])
def test_pipeline_refuses_text_without_words(text):
    with pytest.raises(CommuniqueError, match="no article text"):
        pipeline.read(pipeline.Document(content=text))


def test_each_listed_headline_is_its_own_sentence(nlp):
    report = pipeline.analyze(" • ".join(HEADLINES))
    doc = nlp(report.article.text)
    assert [sentence.text.strip() for sentence in doc.sents] == HEADLINES
    for event in report.events:
        assert "\n\n" not in event.evidence.strip()


def test_headlines_are_coded():
    headline = "Russia expels British diplomats"
    report = pipeline.analyze(headline)
    assert report.article.text == headline
    assert report.events and all(event.evidence.strip() == headline for event in report.events)
