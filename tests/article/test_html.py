"""The HTML reader: metadata, headline, sections, captions, furniture, datelines, bad markup."""

from __future__ import annotations

import json

import pytest
from tests.article.helpers import PARAGRAPHS

from communique import pipeline
from communique.article.captions import is_credit_line, split_credit
from communique.article.html import read_html
from communique.article.metadata import strip_site_name
from communique.article.wording import is_furniture_paragraph as is_furniture
from communique.article.wording import is_timestamp, opens_furniture
from communique.errors import CommuniqueError


def page(body: str, head: str = "", title: str = "Ministers meet in Geneva") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
        f"<main><article>{body}</article></main>"
        "<footer><p>Contact us | Privacy policy | Terms of use</p></footer></body></html>"
    )


def paragraphs(items=PARAGRAPHS) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


META_TAGS = (
    '<meta property="og:title" content="Ministers meet in Geneva to prepare border talks">'
    '<meta property="og:site_name" content="The Daily Courier">'
    '<meta name="author" content="Jane Miller">'
    '<meta property="article:published_time" content="2019-01-29T10:15:00+00:00">'
)


@pytest.fixture(scope="module")
def meta_article():
    body = "<h1>Ministers meet in Geneva to prepare border talks</h1>" + paragraphs()
    return read_html(page(body, META_TAGS, title="Ministers meet in Geneva | The Daily Courier"))


def test_metadata_from_meta_tags(meta_article):
    assert meta_article.headline == "Ministers meet in Geneva to prepare border talks"
    assert meta_article.source == "The Daily Courier"
    assert meta_article.byline == "Jane Miller"
    assert meta_article.date == "2019-01-29"
    assert meta_article.date_source == "metadata"


def test_text_is_headline_and_body(meta_article):
    assert meta_article.body == "\n\n".join(PARAGRAPHS)
    assert meta_article.text == meta_article.headline + "\n\n" + meta_article.body
    assert "Home" not in meta_article.body and "Privacy" not in meta_article.body


def test_metadata_from_json_ld():
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Border talks resume after two years",
        "datePublished": "2021-06-03T08:00:00Z",
        "author": {"@type": "Person", "name": "Omar Haddad"},
        "publisher": {"@type": "Organization", "name": "Gazette Online"},
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    art = read_html(
        page("<h1>Border talks resume after two years</h1>" + paragraphs(), head, title="x")
    )
    assert art.headline == "Border talks resume after two years"
    assert art.byline == "Omar Haddad"
    assert art.date == "2021-06-03" and art.date_source == "metadata"
    assert art.source == "Gazette Online"


def test_given_date_and_source_win():
    art = read_html(
        page(paragraphs(), META_TAGS),
        url="https://example.org/a",
        source="Courier",
        date="2020-02-02",
    )
    assert (art.date, art.date_source) == ("2020-02-02", "cli")
    assert art.source == "Courier" and art.url == "https://example.org/a"


def test_subheadline_and_sections():
    body = (
        "<h1>Ministers meet in Geneva to prepare border talks</h1>"
        "<h2>The two sides agreed on a working group and an exchange of detainee lists</h2>"
        + paragraphs(PARAGRAPHS[:2])
        + "<h2>Next steps</h2>"
        + paragraphs(PARAGRAPHS[2:])
    )
    art = read_html(page(body, META_TAGS))
    assert (
        art.subheadline
        == "The two sides agreed on a working group and an exchange of detainee lists"
    )
    assert [s.heading for s in art.sections] == [None, "Next steps"]
    assert art.sections[0].paragraphs == PARAGRAPHS[:2]
    assert art.sections[1].paragraphs == PARAGRAPHS[2:]
    assert "Next steps" not in art.body
    assert art.text.startswith(art.headline + "\n\n" + art.subheadline + "\n\n")


def test_figure_caption_and_credit_kept_out_of_body():
    body = (
        paragraphs(PARAGRAPHS[:2])
        + "<figure><img src='a.jpg' alt=''><figcaption>The foreign ministers before the talks"
        "<span class='credit'>Photo: Anna Berg/AFP</span></figcaption></figure>"
        + paragraphs(PARAGRAPHS[2:])
        + "<div class='image-caption'>Delegates leave the conference hall (Photo by Luis Ortega)</div>"
    )
    art = read_html(page(body, META_TAGS))
    captions = {c.text: c.credit for c in art.captions}
    assert captions["The foreign ministers before the talks"] == "Anna Berg/AFP"
    assert captions["Delegates leave the conference hall"] == "Luis Ortega"
    assert "Anna Berg" not in art.body and "Luis Ortega" not in art.body
    assert "conference hall" not in art.body
    assert art.body == "\n\n".join(PARAGRAPHS)


def test_credit_lines_in_the_text_are_dropped():
    body = (
        paragraphs(PARAGRAPHS[:2]) + "<p>© Vyacheslav Ivanov/TASS</p>" + paragraphs(PARAGRAPHS[2:])
    )
    art = read_html(page(body, META_TAGS))
    assert "©" not in art.body and "Ivanov" not in art.body


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Talks in Geneva (Photo: Anna Berg)", "Talks in Geneva", "Anna Berg"),
        ("Talks in Geneva. © Anna Berg/AFP", "Talks in Geneva.", "Anna Berg/AFP"),
        ("Talks in Geneva. Anna Berg/Getty Images", "Talks in Geneva.", "Anna Berg/Getty Images"),
        ("Talks in Geneva | Credit: Anna Berg", "Talks in Geneva", "Anna Berg"),
        ("Talks in Geneva", "Talks in Geneva", None),
    ],
)
def test_split_credit(text, caption, credit):
    assert split_credit(text) == (caption, credit)


def test_credit_line_shapes():
    assert is_credit_line("© Vyacheslav Prokofyev/TASS")
    assert is_credit_line("Photo: Reuters")
    assert is_credit_line("Anna Berg/AFP")
    assert not is_credit_line(PARAGRAPHS[0])


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Ministers to meet again in March",
        "[Related: Border talks stall again]",
        "SEE MORE: Protests in the capital",
        "Sign up for our daily newsletter and get the top stories in your inbox.",
        "Subscribe to our YouTube channel for the latest videos",
        "Like this story? Share it with a friend!",
        "Follow us on Twitter and Facebook.",
        "(Reporting by Anna Berg; Editing by Tom Hale)",
        "Luis Ortega contributed reporting from Vienna.",
        "Copyright © 2019 The Daily Courier. All rights reserved.",
        "Updated: Tue., Nov. 19, 2019",
        "5:45 AM PST 11/19/2019 by Anna Berg",
        "CLICK HERE TO GET THE NEWS APP",
        "Advertisement",
        "Write to Anna Berg at anna.berg@example.com",
        "SOURCE: News agencies",
    ],
)
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    PARAGRAPHS
    + [
        "WHAT HAPPENS NEXT?",
        "Next steps",
        "Read the statement.",
        "Copyright holders have argued that the law is unfair.",
        "Subscribers to the service were told on Monday that prices would rise.",
        "Watch-makers in Geneva said exports fell by a fifth in the first quarter.",
        "More than 100 people were killed in the clashes, officials said.",
    ],
)
def test_article_lines_are_not_furniture(line):
    assert not is_furniture(line)


def test_furniture_openers_and_timestamps():
    assert opens_furniture("You may also like")
    assert opens_furniture("Most read in world news")
    assert opens_furniture("Related stories:")
    assert not opens_furniture("Related talks will follow in March, the ministry said.")
    assert is_timestamp("Published 18 November 2019")
    assert not is_timestamp("The talks began on 18 November 2019 in Geneva.")
    assert not is_timestamp("Talks resumed by March 2019.")
    assert not is_timestamp("The vote closed at 8:00 p.m. on Nov. 5, 2019.")
    assert is_timestamp("November 20, 2019 - 11:28 AMT")


def test_furniture_removed_from_body():
    body = (
        paragraphs(PARAGRAPHS[:2])
        + "<p>Read more: Ministers to meet again in March</p>"
        + paragraphs(PARAGRAPHS[2:])
        + "<p>(Reporting by Anna Berg; Editing by Tom Hale)</p>"
        + "<p>Sign up for our daily newsletter and get the top stories in your inbox.</p>"
        + "<h3>You may also like</h3>"
        + "<p>Storm closes mountain pass</p><p>Central bank holds rates</p>"
    )
    art = read_html(page(body, META_TAGS))
    assert art.body == "\n\n".join(PARAGRAPHS)
    assert all(s.heading != "You may also like" for s in art.sections)


def test_dateline_split_off_first_paragraph():
    first = "MOSCOW, January 29. /TASS/. " + PARAGRAPHS[0]
    art = read_html(page(paragraphs([first, *PARAGRAPHS[1:]]), META_TAGS))
    assert art.dateline is not None
    assert art.dateline.text == "MOSCOW, January 29. /TASS/."
    assert (art.dateline.place, art.dateline.agency) == ("Moscow", "TASS")
    assert art.dateline.date == "2019-01-29"
    assert art.body.startswith(PARAGRAPHS[0])
    assert "TASS" not in art.body


def test_dateline_gives_the_date_without_metadata():
    first = "UNITED NATIONS, Sept 22 (Reuters) - " + PARAGRAPHS[0]
    art = read_html(page(paragraphs([first, *PARAGRAPHS[1:]]) + "<p>The 2018 accord expires.</p>"))
    assert (art.dateline.place, art.dateline.agency) == ("United Nations", "Reuters")
    assert (art.date, art.date_source) == ("2018-09-22", "inferred")


def test_malformed_html_is_read_as_far_as_possible():
    broken = (
        "<html><head><title>Ministers meet</title><body><div><p>"
        + PARAGRAPHS[0]
        + "<p>"
        + PARAGRAPHS[1]
        + "<div><span><b>"
        + PARAGRAPHS[2]
        + "</i></td></tr>\x00\x07<<>><p>"
        + PARAGRAPHS[3]
        + "</spa"
    )
    art = read_html(broken)
    for paragraph in PARAGRAPHS:
        assert paragraph in art.body


@pytest.mark.parametrize(
    "content",
    [
        "",
        "   \n ",
        "<html><head><script>var a = 1;</script></head><body><script>alert(1)</script></body></html>",
        "<<<>>> \x00\x01 garbage </// >",
        "<html><body><img src='a.png'></body></html>",
    ],
)
def test_pages_without_text_give_empty_text(content):
    art = read_html(content)
    assert art.text == "" and art.body == ""


def test_pipeline_rejects_a_page_without_text():
    document = pipeline.Document(
        content="<html><body><script>x()</script></body></html>", html=True
    )
    with pytest.raises(CommuniqueError, match="no article text"):
        pipeline.read(document)


def test_standfirst_paragraph_byline_and_sign_off():
    body = (
        "<h1>Ministers meet in Geneva to prepare border talks</h1>"
        '<p class="summary">Working group on trade to meet in March; detainee lists exchanged</p>'
        '<address class="byline">Jane Miller and Reuters</address>'
        + paragraphs(["GENEVA (Reuters) - " + PARAGRAPHS[0], *PARAGRAPHS[1:]])
        + '<p class="agency-tag">--IANS<br>abc/xyz</p>'
    )
    art = read_html(page(body, META_TAGS))
    assert art.subheadline == "Working group on trade to meet in March; detainee lists exchanged"
    assert art.byline == "Jane Miller"
    assert (art.dateline.place, art.dateline.agency) == ("Geneva", "Reuters")
    assert art.body == "\n\n".join(PARAGRAPHS)


def test_gallery_labels_are_taken_off_captions():
    body = (
        paragraphs(PARAGRAPHS[:2])
        + "<figure><img src='a.jpg'><figcaption>Image caption Delegates arrive in Geneva"
        "<span class='copyright'>Image copyright Reuters</span></figcaption></figure>"
        + "<figure><img src='b.jpg'><figcaption>Image 2 of 5 The ministers shake hands. "
        "(AP Photo/Luis Ortega)</figcaption></figure>"
        + "<figure><img src='c.jpg'><figcaption>Caption Close</figcaption></figure>"
        + paragraphs(PARAGRAPHS[2:])
    )
    art = read_html(page(body, META_TAGS))
    assert [(c.text, c.credit) for c in art.captions] == [
        ("Delegates arrive in Geneva", "Reuters"),
        ("The ministers shake hands.", "AP Photo/Luis Ortega"),
    ]


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        (
            "Talks resume in Geneva | The Daily Courier",
            "The Daily Courier",
            "Talks resume in Geneva",
        ),
        ("Courier - Talks resume in Geneva", "Courier", "Talks resume in Geneva"),
        (
            "Talks resume in Geneva after two years - World News",
            None,
            "Talks resume in Geneva after two years",
        ),
        (
            "Envoys meet again - talks resume next week",
            None,
            "Envoys meet again - talks resume next week",
        ),
        ("Opinion | Why the talks matter", "Courier", "Opinion | Why the talks matter"),
    ],
)
def test_site_name_is_taken_off_the_title(title, site, expected):
    assert strip_site_name(title, site) == expected


DATELINED = ["SEOUL, March 3 (Yonhap) -- " + PARAGRAPHS[0], *PARAGRAPHS[1:]]
HEADLINE = "<h1>Ministers meet in Geneva to prepare border talks</h1>"


@pytest.mark.parametrize("with_h1", [True, False])
@pytest.mark.parametrize(
    "lead",
    [
        "Working group on trade to meet in March after a pause of two years.",
        "Working group on trade to meet in March; detainee lists exchanged",
        "Will the working group on trade meet again in March?",
    ],
)
def test_short_first_paragraph_before_the_dateline_is_the_subheadline(lead, with_h1):
    body = (HEADLINE if with_h1 else "") + paragraphs([lead, *DATELINED])
    art = read_html(page(body, META_TAGS))
    assert art.subheadline == lead
    assert (art.dateline.place, art.dateline.agency) == ("Seoul", "Yonhap")
    assert art.body == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize("css", ["standfirst", "article-dek", "story__summary", "sub-title"])
def test_paragraph_marked_as_standfirst_is_the_subheadline(css):
    lead = "The working group on trade will meet in March, officials said."
    body = HEADLINE + f'<p class="{css}">{lead}</p>' + paragraphs()
    art = read_html(page(body, META_TAGS))
    assert art.subheadline == lead
    assert art.body == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize(
    "first",
    [
        # two sentences: the story's own first paragraph, even with a dateline after it
        "The ministers met in Geneva. They agreed to set up a working group on trade.",
        # long: running text
        PARAGRAPHS[1] + " " + PARAGRAPHS[2],
        # its own dateline: the story starts here
        "GENEVA (Reuters) - The ministers met in Geneva on Tuesday.",
    ],
)
def test_story_paragraphs_are_not_taken_for_a_subheadline(first):
    body = HEADLINE + paragraphs([first, *DATELINED])
    art = read_html(page(body, META_TAGS))
    assert art.subheadline is None
    assert art.body.startswith(first.removeprefix("GENEVA (Reuters) - "))


def test_marked_standfirst_of_two_sentences_stays_in_the_body():
    first = "The ministers met in Geneva. They agreed to set up a working group on trade."
    body = HEADLINE + f'<p class="summary">{first}</p>' + paragraphs()
    art = read_html(page(body, META_TAGS))
    assert art.subheadline is None
    assert art.body.startswith(first)


def test_link_labels_and_list_openers_shared_with_the_text_reader():
    body = (
        HEADLINE
        + paragraphs([PARAGRAPHS[0] + " Click to Tweet", *PARAGRAPHS[1:]])
        + "<h2>Tell us what you think</h2><p>Border talks: the story so far</p>"
    )
    art = read_html(page(body, META_TAGS))
    assert art.body == "\n\n".join(PARAGRAPHS)
