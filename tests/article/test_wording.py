"""Single lines judged by their wording: furniture, credits, captions, bylines, time stamps."""

from __future__ import annotations

import pytest

from communique.article import wording


@pytest.mark.parametrize(
    "line",
    [
        "All news",
        "Show More",
        "Back to top",
        "Read more",
        "» Read more",
        "Share",
        "Share this article",
        "Facebook",
        "WhatsApp",
        "Copy link",
        "Print",
        "Comments (12)",
        "Advertisement",
        "Story continues below advertisement",
        "Subscribe to our newsletter",
        "Subscribe now for $1",
        "Sign up for our daily briefing",
        "Follow us on Twitter",
        "Click here to read more",
        "Download the app",
        "Reporting by Jane Doe; Editing by John Roe",
        "Editor: Zhang Long",
        "Source: Xinhua",
        "Tags: Russia, Japan",
        "5 min read",
        "3 minute read",
        "list 1 of 4",
        "2 hours ago",
        "10:34 GMT",
        "--IANS",
        "ksk/ab",
        "R.J / H.Z",
        "kdh@yna.co.kr",
        "https://example.org/story",
        "___",
        "Weekly Newsletter",
        "Your subscription failed. Please try again.",
        "We use cookies to personalise content and ads. By continuing you accept our cookie policy.",
        "Copyright © 2019 Xinhua Net. All rights reserved.",
        "© 2023 Example Media Ltd",
        "Your email address will not be published. Required fields are marked *",
        "Leave a Reply Cancel reply",
        "Post Comment",
        "(END)",
        "Listen to this article",
        "Our Standards: The Thomson Reuters Trust Principles.",
    ],
)
def test_furniture(line):
    assert (
        wording.is_furniture(line) or wording.is_end_marker(line) or wording.is_list_intro(line)
    ), line


@pytest.mark.parametrize(
    "line",
    [
        "Russia and Japan agreed to continue talks on a peace treaty, the ministry said.",
        "Peace treaty",
        "The newsletter of the party criticised the government's decision to raise taxes sharply.",
        "Sanctions will follow, he said.",
        "Share prices fell sharply in Tokyo after the announcement.",
        "Comments by the minister drew criticism from the opposition.",
        "Follow-up talks are expected in Geneva next month.",
        "By 2030, the two countries aim to double their trade.",
        "Reading between the lines, diplomats saw a shift.",
    ],
)
def test_not_furniture(line):
    assert not wording.is_furniture(line)
    assert not wording.is_end_marker(line)
    assert not wording.is_list_intro(line)


@pytest.mark.parametrize(
    ("line", "intro", "end"),
    [
        ("Related readings:", True, True),
        ("Read more:", True, False),
        ("You may also like", True, False),
        ("list of 4 items", True, False),
        ("(END)", False, True),
        ("Leave a comment", False, True),
        ("© 2019 TASS. All rights reserved.", False, True),
        ("© Vyacheslav Prokofyev/TASS", False, False),
    ],
)
def test_list_intros_and_end_markers(line, intro, end):
    assert wording.is_list_intro(line) is intro
    assert wording.is_end_marker(line) is end


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("© Vyacheslav Prokofyev/TASS", "Vyacheslav Prokofyev/TASS"),
        ("Vyacheslav Prokofyev/TASS", "Vyacheslav Prokofyev/TASS"),
        ("REUTERS/Kevin Lamarque", "REUTERS/Kevin Lamarque"),
        ("(AP Photo/Evan Vucci)", "AP Photo/Evan Vucci"),
        ("Photo: Reuters", "Reuters"),
        ("Photo by Jane Doe", "Jane Doe"),
        ("AFP via Getty Images", "AFP via Getty Images"),
        ("Getty Images", "Getty Images"),
    ],
)
def test_credit_lines(line, credit):
    assert wording.credit_line(line) == credit


@pytest.mark.parametrize(
    "line",
    [
        "R.J / H.Z",
        "© 2019 TASS. All rights reserved.",
        "Talks resumed on Monday.",
        "and/or",
        "Peace treaty",
    ],
)
def test_not_credit_lines(line):
    assert wording.credit_line(line) is None


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "Putin speaks in Moscow, January 29, 2019. REUTERS/Maxim Shemetov",
            "Putin speaks in Moscow, January 29, 2019.",
            "REUTERS/Maxim Shemetov",
        ),
        (
            "Putin speaks in Moscow. Sputnik/Alexei Nikolsky/Kremlin via REUTERS",
            "Putin speaks in Moscow.",
            "Sputnik/Alexei Nikolsky/Kremlin via REUTERS",
        ),
        (
            "FILE - Biden speaks in Washington. (AP Photo/Evan Vucci, File)",
            "FILE - Biden speaks in Washington.",
            "AP Photo/Evan Vucci, File",
        ),
        (
            "Xi meets Trong in Beijing. (Xinhua/Li Xueren)",
            "Xi meets Trong in Beijing.",
            "Xinhua/Li Xueren",
        ),
        (
            "Japanese Ambassador to Russia Toyohisa Kozuki Vyacheslav Prokofyev/TASS",
            "Japanese Ambassador to Russia Toyohisa Kozuki",
            "Vyacheslav Prokofyev/TASS",
        ),
    ],
)
def test_captions_with_credit_glued_on(line, caption, credit):
    assert wording.glued_credit(line) == wording.Credit(caption=caption, credit=credit)


@pytest.mark.parametrize(
    "line",
    [
        "Both sides agreed to meet again later this year. (ANI)",
        "The ministry (MFA) said talks would go on.",
        "The 2019/20 budget was approved (see table).",
        "Talks between Russia and Japan resumed on Monday.",
    ],
)
def test_sentences_are_not_captions(line):
    assert wording.glued_credit(line) is None


def test_known_caption_with_credit_appended():
    line = "Japanese Ambassador to Russia Toyohisa Kozuki Vyacheslav Prokofyev/TASS"
    caption = "Japanese Ambassador to Russia Toyohisa Kozuki"
    assert wording.split_known_caption(line, caption) == "Vyacheslav Prokofyev/TASS"
    assert wording.split_known_caption(caption, caption) is None


@pytest.mark.parametrize(
    ("line", "is_byline"),
    [
        ("By Jane Doe", True),
        ("By JANE ROE and JOHN DOE", True),
        ("By Jane Doe, Reuters", True),
        ("By continuing to use this site you agree", False),
        ("By 2030 the plan should be complete.", False),
        ("Bylines are rare here", False),
    ],
)
def test_bylines(line, is_byline):
    assert wording.byline(line) is is_byline


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published: January 29, 2019 10:34 GMT", "2019-01-29"),
        ("Updated 9:14 PM EST, November 15, 2023", "2023-11-15"),
        (
            "PUBLISHED: July 14, 2015 at 9:32 a.m. | UPDATED: July 14, 2015 at 2:10 p.m.",
            "2015-07-14",
        ),
        ("Source: Xinhua | 2019-05-11 20:13:45 | Editor: Zhang Long", "2019-05-11"),
        ("ANI | Updated: Apr 07, 2019 22:14 IST", "2019-04-07"),
        ("All News 10:23 September 14, 2019", "2019-09-14"),
        ("12 FEB 2015, 13:20", "2015-02-12"),
        ("2 hours ago", None),
    ],
)
def test_timestamps(line, date):
    assert wording.timestamp(line) == (True, date)


@pytest.mark.parametrize(
    "line",
    [
        "| 1 | Kyle Busch | 5040 | 5 | 1 | 17 | 27 |",
        "Talks resumed on January 29, 2019 in Moscow after a long pause.",
        "Peace treaty",
        "Chapter 1",
    ],
)
def test_not_timestamps(line):
    assert wording.timestamp(line) == (False, None)


def test_link_labels_are_cut_off():
    line = (
        "Merkel arrives in Brussels. REUTERS/Yves Herman Purchase Licensing Rights, opens new tab"
    )
    assert wording.strip_link_labels(line) == "Merkel arrives in Brussels. REUTERS/Yves Herman"


def test_breadcrumbs():
    assert wording.is_breadcrumb("World | Europe")
    assert wording.is_breadcrumb("Home > China > Diplomacy")
    assert not wording.is_breadcrumb(
        "Russia-Japan talks | What the leaders agreed on in Moscow today"
    )


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("5:45 AM PST 11/19/2019 by Anna Berg", "2019-11-19"),
        ("Updated 10:34 GMT, Jan. 29, 2019 by Jane Doe", "2019-01-29"),
    ],
)
def test_timestamps_with_a_byline_after_them(line, date):
    assert wording.timestamp(line) == (True, date)
    assert wording.is_timestamp(line)


@pytest.mark.parametrize(
    "line",
    ["Most read in world news", "More from The Daily Courier", "Popular on Example News"],
)
def test_list_intros_written_with_a_name(line):
    assert wording.is_list_intro(line)
    assert wording.opens_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["Thank you", "Order reprints", "Show More", "Purchase licensing rights", "© 2019 TASS"],
)
def test_one_vocabulary_for_lines_and_paragraphs(line):
    assert wording.is_furniture(line) or wording.is_end_marker(line)
    assert wording.is_furniture_paragraph(line)


def test_link_labels_from_both_readers_are_cut_off():
    assert wording.strip_link_labels("Talks resume in March. Click to Tweet") == (
        "Talks resume in March."
    )
