"""The plain-text reader: line roles, datelines, captions, furniture, sections and dates.

The pages below were written for these tests in the layouts of several outlets (the wording
is the tests' own; the navigation, captions, datelines and furniture follow what scraping such
pages gives).
"""

from __future__ import annotations

import pytest

from communique.article.text import line_roles, read_text

TASS_LIKE = """All news

Russian, Georgian diplomats to hold talks in Prague next week

Moscow hopes the meeting will help to restore direct flights, the deputy minister said
Russian Deputy Foreign Minister Grigory Karasin Sergei Bobylev/TASS
Russian Deputy Foreign Minister Grigory Karasin
© Sergei Bobylev/TASS

MOSCOW, March 14. /TASS/. Russian Deputy Foreign Minister Grigory Karasin will meet Georgian special envoy Zurab Abashidze in Prague next week, the Russian Foreign Ministry said on Thursday.

"We are ready to discuss the whole range of bilateral issues," Karasin told reporters.

Read also
Russia ready to resume flights to Georgia, says Karasin

The previous round of talks was held in December 2018.

Direct flights

The sides have repeatedly discussed the resumption of direct air traffic between the two countries.

Karasin said a decision could be taken in the coming months.

Show More
"""

REUTERS_LIKE = """Skip to main content
World
Europe
Germany, France to push for EU budget deal at summit
By Andreas Rinke
3 minute read
February 20, 2020 10:34 AM UTC Updated ago
German Chancellor Angela Merkel arrives for a meeting in Brussels, Belgium February 20, 2020. REUTERS/Yves Herman Purchase Licensing Rights, opens new tab
BERLIN (Reuters) - Germany and France will push for a deal on the European Union's next long-term budget at a summit in Brussels, a government spokesman said on Thursday.
Spokesman Steffen Seibert told reporters that the gap between member states remained large.
"It will be difficult talks," Seibert said.
Reporting by Andreas Rinke; Editing by Riham Alkousaa
Our Standards: The Thomson Reuters Trust Principles., opens new tab
Share
X
Facebook
Linkedin
Email
Read Next
Italy's Conte says budget proposal unacceptable
Dutch PM Rutte stands firm on EU spending cap
"""

AP_LIKE = """Biden and Xi agree to restore military contacts at California summit
By JANE ROE and JOHN DOE
Updated 9:14 PM EST, November 15, 2023
Share
President Joe Biden greets China's President Xi Jinping at the Filoli Estate in Woodside, Calif., Wednesday, Nov. 15, 2023. (AP Photo/Evan Vucci)
WOODSIDE, Calif. (AP) — President Joe Biden and Chinese President Xi Jinping agreed on Wednesday to restore military-to-military communications, the White House said.
The two leaders met for about four hours at a historic estate south of San Francisco.
"I think we are making real progress," Biden told Xi at the start of the talks.
___
Associated Press writer Colleen Long contributed to this report.
"""

XINHUA_LIKE = """Xi meets Vietnamese president in Beijing
Source: Xinhua
Editor: Zhang Long
2019-05-11 20:13:45

BEIJING, May 11 (Xinhua) -- Chinese President Xi Jinping met with Vietnamese President Nguyen Phu Trong in Beijing on Saturday.

Xi said China is willing to work with Vietnam to deepen their comprehensive strategic partnership.

Trong said Vietnam attaches great importance to its relations with China.

Related readings:
China, Vietnam pledge to boost trade ties
Vietnamese leader arrives in Beijing for state visit

Copyright © 2019 Xinhua Net. All rights reserved.
"""

YONHAP_LIKE = """N. Korea, U.S. to resume working-level talks next week
All News 10:23 September 14, 2019

SEOUL, Sept. 14 (Yonhap) -- North Korea and the United States will resume working-level nuclear talks next week, a South Korean official said Saturday.

The talks will be held in a third country, the official told reporters on condition of anonymity.

(END)
kdh@yna.co.kr
Keywords
#North Korea #nuclear talks
"""

IANS_LIKE = """China slams US over Taiwan arms sale

Beijing, Oct 22 (IANS): China on Tuesday urged the United States to cancel a planned arms sale to Taiwan, saying it seriously harmed China's sovereignty.

Foreign Ministry spokesman Lu Kang said Beijing had lodged stern representations with Washington.

--IANS
ksk/
"""

ANI_LIKE = """US, India hold talks on defence cooperation
ANI | Updated: Apr 07, 2019 22:14 IST

Washington D. C. [USA], April 7 (ANI): The United States and India held talks on expanding defence cooperation, the State Department said on Sunday.

Both sides agreed to meet again later this year. (ANI)
"""

VNA_LIKE = """Vietnam, Laos boost security cooperation
Hanoi (VNA) – Vietnam and Laos signed an agreement on Tuesday to boost cooperation in border security, the Ministry of Public Security said.
The agreement covers joint patrols and information exchange.
VNA
"""

SANA_LIKE = """Iran and Syria discuss economic cooperation
Tehran - SANA Iranian Foreign Minister Hossein Amir-Abdollahian discussed with the Syrian ambassador ways to strengthen economic cooperation between the two countries.
The two sides stressed the importance of implementing the agreements signed last year.
"""

AFP_LIKE = """Gaza truce talks resume in Cairo
Negotiators return to the Egyptian capital as pressure mounts for a ceasefire.
By Jane Doe
5 Mar 2024
Paris (AFP) - French President Emmanuel Macron on Tuesday called for an immediate ceasefire in Gaza, as negotiators met in Cairo for a new round of talks.
"We need a ceasefire now," Macron told reporters after meeting the Jordanian king.
Israeli forces pressed on with their offensive in the south of the territory.
"""

ALJAZEERA_LIKE = """Skip links
Skip to Content
Live
Navigation menu
News|Conflict
Ceasefire talks resume in Doha as diplomats push for a deal
Qatari and Egyptian mediators meet negotiators from both sides for a third day.
By Jane Doe
Published On 5 Mar 2024
5 Mar 2024
Save
Click here to share on social media
share2
Share
Qatari and Egyptian mediators resumed talks in Doha on Tuesday with negotiators from both sides, officials said, as international pressure mounts for a deal.
list of 4 items
list 1 of 4
Aid convoy reaches northern Gaza for first time in weeks
list 2 of 4
UN chief calls for immediate humanitarian ceasefire
end of list
The talks are expected to last several days, according to a diplomat briefed on the negotiations.
Sign up for Al Jazeera
Weekly Newsletter
Subscribe
Your subscription failed. Please try again.
"The mediators are working around the clock," the diplomat said.
Source: Al Jazeera and news agencies
"""

COMMENT_FORM = """Foreign ministers meet in Geneva to discuss arms control

GENEVA (Reuters) - The foreign ministers of the two countries met in Geneva on Friday to discuss arms control, officials said.

The meeting lasted four hours and ended without a joint statement.

Leave a Reply Cancel reply
Your email address will not be published. Required fields are marked *
Comment *
Name *
Email *
Website
Save my name, email, and website in this browser for the next time I comment.
Post Comment
"""

COOKIE_NOTICE = """We use cookies to improve your experience on our site. By continuing to browse, you agree to our Cookie Policy.
Accept all
Back to top
Parliament approves new sanctions package against Belarus
By Jane Doe
BRUSSELS - The European Parliament on Wednesday approved a new package of sanctions against Belarus over the forced landing of a passenger jet, the assembly said in a statement.
The package targets officials and companies linked to the government.
Subscribe to our newsletter
Most read
Leaders gather for climate talks in Glasgow
Opposition calls for snap election
Markets fall as inflation fears grow
"""

PLAIN_NO_DATELINE = """Leaders pledge to deepen ties at regional summit

The leaders of the two countries pledged on Monday to deepen economic and security ties at a regional summit in Singapore.

They signed agreements on trade, energy and education.

The next summit will be held in Jakarta in 2020.
"""

BBC_LIKE = """Skip to content
British Broadcasting Corporation
Home
News
World
Zelensky meets Biden in Washington on first trip abroad since invasion
Published
21 December 2022
Share
close panel
Share page
Copy link
About sharing
Image source, Getty Images
Image caption,
Zelensky was greeted by Biden at the White House
By Jane Doe
BBC News, Washington
Ukraine's President Volodymyr Zelensky has met US President Joe Biden at the White House on his first known trip outside Ukraine since Russia's invasion.
Mr Biden announced a further $1.85bn in military aid, including a Patriot missile defence system.
"We will win," Mr Zelensky told reporters.
Related Topics
Russia-Ukraine war
More on this story
Zelensky to address US Congress
"""

GUARDIAN_LIKE = """Russia
This article is more than 5 years old
Russia and Japan fail to make progress on island dispute
Foreign ministers meet in Moscow but no breakthrough on Kuril Islands
Jane Doe in Moscow
Mon 14 Jan 2019 15.12 GMT
Last modified on Mon 14 Jan 2019 17.40 GMT
The foreign ministers of Russia and Japan have failed to make progress on a decades-old territorial dispute, with Moscow insisting Tokyo must first recognise the outcome of the second world war.
Sergei Lavrov said "significant differences" remained after talks with his Japanese counterpart, Taro Kono.
Topics
Russia
Japan
Europe
Asia Pacific
Reuse this content
"""

CNN_LIKE = """Washington CNN —
The Senate voted on Tuesday to approve a $95 billion aid package for Ukraine, Israel and Taiwan, sending the bill to the House.
The vote was 70 to 29.
Ad Feedback
"This is a good day," Senate Majority Leader Chuck Schumer said.
CNN's Jane Doe contributed to this report.
"""

NYT_LIKE = """Supported by
Biden Signs Ukraine Aid Bill Into Law
The $95 billion package also includes aid for Israel and Taiwan.
By Jane Doe and John Roe
April 24, 2024
WASHINGTON — President Biden signed a $95 billion foreign aid package into law on Wednesday.
Continue reading the main story
The measure passed the Senate on Tuesday.
Advertisement
SKIP ADVERTISEMENT
"""


def _roles(text: str) -> dict[str, str]:
    return {line: role for role, line in line_roles(text)}


# --- the seed -----------------------------------------------------------------------------


def test_seed_article_matches_expected(seed_report, seed_expected):
    article = seed_report.article
    assert article.headline == seed_expected["headline"]
    assert article.subheadline == seed_expected["subheadline"]
    assert article.dateline.place == seed_expected["dateline"]["place"]
    assert article.dateline.agency == seed_expected["dateline"]["agency"]
    assert article.dateline.date == seed_expected["dateline"]["date"]
    assert [c.model_dump() for c in article.captions] == seed_expected["captions"]
    assert [s.heading for s in article.sections if s.heading] == seed_expected["sections"]
    for furniture in ["All news", "©", "Prokofyev", *seed_expected["boilerplate"]]:
        assert furniture not in article.body
        assert furniture not in article.text


def test_seed_date_is_inferred_without_cli_date(seed_report):
    article = seed_report.article
    assert (article.date, article.date_source) == ("2019-01-29", "inferred")
    assert article.source == "TASS"
    assert article.dateline.text == "MOSCOW, January 29. /TASS/."
    assert article.body.startswith("A meeting between the Russian and Japanese")


# --- one page per outlet style ------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "place", "agency"),
    [
        (TASS_LIKE, "Moscow", "TASS"),
        (REUTERS_LIKE, "Berlin", "Reuters"),
        (AP_LIKE, "Woodside", "AP"),
        (XINHUA_LIKE, "Beijing", "Xinhua"),
        (YONHAP_LIKE, "Seoul", "Yonhap"),
        (IANS_LIKE, "Beijing", "IANS"),
        (ANI_LIKE, "Washington D. C.", "ANI"),
        (VNA_LIKE, "Hanoi", "VNA"),
        (SANA_LIKE, "Tehran", "SANA"),
        (AFP_LIKE, "Paris", "AFP"),
        (COMMENT_FORM, "Geneva", "Reuters"),
        (COOKIE_NOTICE, "Brussels", None),
    ],
)
def test_dateline_place_and_agency_per_outlet(page, place, agency):
    article = read_text(page)
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == (place, agency)
    assert not article.body.startswith(article.dateline.text)
    assert article.source == agency


@pytest.mark.parametrize(
    ("page", "headline"),
    [
        (TASS_LIKE, "Russian, Georgian diplomats to hold talks in Prague next week"),
        (REUTERS_LIKE, "Germany, France to push for EU budget deal at summit"),
        (AP_LIKE, "Biden and Xi agree to restore military contacts at California summit"),
        (XINHUA_LIKE, "Xi meets Vietnamese president in Beijing"),
        (ALJAZEERA_LIKE, "Ceasefire talks resume in Doha as diplomats push for a deal"),
        (COOKIE_NOTICE, "Parliament approves new sanctions package against Belarus"),
        (PLAIN_NO_DATELINE, "Leaders pledge to deepen ties at regional summit"),
    ],
)
def test_headline_after_navigation(page, headline):
    assert read_text(page).headline == headline


@pytest.mark.parametrize(
    ("page", "furniture"),
    [
        (TASS_LIKE, ["All news", "Read also", "Russia ready to resume flights", "Show More"]),
        (
            REUTERS_LIKE,
            [
                "Skip to main content",
                "3 minute read",
                "Reporting by",
                "Our Standards",
                "Share",
                "Facebook",
                "Linkedin",
                "Read Next",
                "Italy's Conte",
                "Dutch PM Rutte",
                "Purchase Licensing Rights",
                "opens new tab",
            ],
        ),
        (AP_LIKE, ["Updated 9:14 PM", "Share", "___", "AP Photo", "contributed to this report"]),
        (
            XINHUA_LIKE,
            [
                "Source: Xinhua",
                "Editor:",
                "Related readings",
                "pledge to boost trade",
                "arrives in Beijing",
                "Copyright",
                "All rights reserved",
            ],
        ),
        (YONHAP_LIKE, ["All News", "(END)", "yna.co.kr", "Keywords", "#North Korea"]),
        (IANS_LIKE, ["--IANS", "ksk/"]),
        (VNA_LIKE, ["\n\nVNA"]),
        (
            ALJAZEERA_LIKE,
            [
                "Skip links",
                "Navigation menu",
                "News|Conflict",
                "Published On",
                "Save",
                "Click here",
                "share2",
                "list of 4 items",
                "list 1 of 4",
                "Aid convoy reaches",
                "UN chief calls",
                "end of list",
                "Sign up",
                "Newsletter",
                "Subscribe",
                "subscription failed",
                "Source: Al Jazeera",
            ],
        ),
        (
            COMMENT_FORM,
            [
                "Leave a Reply",
                "Required fields",
                "Comment *",
                "Name *",
                "Website",
                "Save my name",
                "Post Comment",
            ],
        ),
        (
            COOKIE_NOTICE,
            [
                "cookies",
                "Accept all",
                "Back to top",
                "Subscribe",
                "Most read",
                "climate talks in Glasgow",
                "snap election",
                "inflation fears",
            ],
        ),
    ],
)
def test_furniture_is_not_in_the_body(page, furniture):
    article = read_text(page)
    for phrase in furniture:
        assert phrase not in article.body, phrase
        assert phrase not in article.text, phrase


@pytest.mark.parametrize(
    ("page", "kept"),
    [
        (
            TASS_LIKE,
            [
                "Karasin will meet Georgian special envoy",
                "whole range of bilateral issues",
                "held in December 2018",
                "resumption of direct air traffic",
                "in the coming months",
            ],
        ),
        (
            REUTERS_LIKE,
            [
                "Germany and France will push",
                "the gap between member states",
                "It will be difficult talks",
            ],
        ),
        (
            AP_LIKE,
            [
                "agreed on Wednesday to restore",
                "about four hours",
                "making real progress",
            ],
        ),
        (
            XINHUA_LIKE,
            [
                "met with Vietnamese President",
                "comprehensive strategic partnership",
                "attaches great importance",
            ],
        ),
        (ANI_LIKE, ["held talks on expanding defence", "meet again later this year. (ANI)"]),
        (
            ALJAZEERA_LIKE,
            ["resumed talks in Doha", "last several days", "working around the clock"],
        ),
        (COMMENT_FORM, ["met in Geneva on Friday", "without a joint statement"]),
        (
            PLAIN_NO_DATELINE,
            ["pledged on Monday", "trade, energy and education", "held in Jakarta in 2020"],
        ),
    ],
)
def test_body_is_kept(page, kept):
    body = read_text(page).body
    for phrase in kept:
        assert phrase in body, phrase


def test_subheadline_byline_and_page_date():
    article = read_text(ALJAZEERA_LIKE)
    assert article.subheadline == (
        "Qatari and Egyptian mediators meet negotiators from both sides for a third day."
    )
    assert article.byline == "By Jane Doe"
    assert (article.date, article.date_source) == ("2024-03-05", "metadata")
    assert read_text(AP_LIKE).byline == "By JANE ROE and JOHN DOE"
    assert read_text(REUTERS_LIKE).byline == "By Andreas Rinke"


def test_text_is_headline_subheadline_dateline_and_body():
    article = read_text(TASS_LIKE)
    parts = [article.headline, article.subheadline, article.dateline.text, article.body]
    assert article.text == "\n\n".join(parts)
    assert article.body.split("\n\n")[0].startswith("Russian Deputy Foreign Minister Grigory")
    assert article.dateline.text == "MOSCOW, March 14. /TASS/."


def test_sections_split_at_headings():
    article = read_text(TASS_LIKE)
    assert [s.heading for s in article.sections] == [None, "Direct flights"]
    assert article.sections[1].paragraphs == [
        "The sides have repeatedly discussed the resumption of direct air traffic between the "
        "two countries.",
        "Karasin said a decision could be taken in the coming months.",
    ]
    assert "Direct flights" not in article.body
    paragraphs = [p for s in article.sections for p in s.paragraphs]
    assert "\n\n".join(paragraphs) == article.body


def test_no_heading_without_body_after_it():
    page = "Talks open in Vienna on nuclear deal\n\nVIENNA (Reuters) - Talks opened on Monday.\n\nMore talks\n"
    article = read_text(page)
    assert [(s.heading, s.paragraphs) for s in article.sections] == [
        (None, ["Talks opened on Monday."])
    ]
    assert "More talks" not in article.text


# --- captions -----------------------------------------------------------------------------


def test_caption_repeated_with_credit_glued_gives_one_caption():
    article = read_text(TASS_LIKE)
    assert [c.model_dump() for c in article.captions] == [
        {"text": "Russian Deputy Foreign Minister Grigory Karasin", "credit": "Sergei Bobylev/TASS"}
    ]
    assert "Bobylev" not in article.text


@pytest.mark.parametrize(
    ("page", "caption", "credit"),
    [
        (
            REUTERS_LIKE,
            "German Chancellor Angela Merkel arrives for a meeting in Brussels, Belgium "
            "February 20, 2020.",
            "REUTERS/Yves Herman",
        ),
        (
            AP_LIKE,
            "President Joe Biden greets China's President Xi Jinping at the Filoli Estate in "
            "Woodside, Calif., Wednesday, Nov. 15, 2023.",
            "AP Photo/Evan Vucci",
        ),
    ],
)
def test_caption_with_credit_at_its_end(page, caption, credit):
    captions = read_text(page).captions
    assert [(c.text, c.credit) for c in captions] == [(caption, credit)]


@pytest.mark.parametrize(
    ("lines", "caption", "credit"),
    [
        (
            ["Delegates at the opening session in Vienna", "Photo: Reuters"],
            "Delegates at the opening session in Vienna",
            "Reuters",
        ),
        (
            ["Delegates at the opening session in Vienna", "© Ivan Petrov/TASS"],
            "Delegates at the opening session in Vienna",
            "Ivan Petrov/TASS",
        ),
        (
            ["Delegates at the opening session in Vienna", "Ivan Petrov/TASS"],
            "Delegates at the opening session in Vienna",
            "Ivan Petrov/TASS",
        ),
        (
            ["Delegates at the opening session in Vienna. (Xinhua/Li Ming)"],
            "Delegates at the opening session in Vienna.",
            "Xinhua/Li Ming",
        ),
        (
            ["Delegates at the opening session in Vienna. AFP via Getty Images"],
            "Delegates at the opening session in Vienna.",
            "AFP via Getty Images",
        ),
        (
            ["Delegates at the opening session in Vienna. Photo: Jane Doe"],
            "Delegates at the opening session in Vienna.",
            "Jane Doe",
        ),
    ],
)
def test_caption_forms_between_paragraphs(lines, caption, credit):
    page = "\n".join(
        [
            "Nuclear talks resume in Vienna after long pause",
            "VIENNA (Reuters) - Negotiators met in Vienna on Monday to resume talks on the nuclear deal.",
            *lines,
            "The talks are expected to last a week, diplomats said.",
        ]
    )
    article = read_text(page)
    assert [(c.text, c.credit) for c in article.captions] == [(caption, credit)]
    assert "Delegates" not in article.body
    assert "last a week" in article.body


# --- dates and layout ---------------------------------------------------------------------


def test_cli_date_wins_and_completes_the_dateline():
    article = read_text(TASS_LIKE, date="2019-03-15")
    assert (article.date, article.date_source) == ("2019-03-15", "cli")
    assert article.dateline.date == "2019-03-14"


def test_dateline_month_day_with_year_from_text():
    article = read_text(TASS_LIKE)
    assert (article.date, article.date_source) == ("2018-03-14", "inferred")


def test_no_date_without_any_evidence():
    article = read_text(PLAIN_NO_DATELINE.replace(" in 2020", ""))
    assert (article.date, article.date_source) == (None, None)
    assert article.dateline is None


def test_text_without_headline_starts_with_the_dateline():
    article = read_text(
        "WASHINGTON (AP) — The Senate passed the bill on Tuesday.\n\nIt now goes to the House."
    )
    assert article.headline is None
    assert article.body == "The Senate passed the bill on Tuesday.\n\nIt now goes to the House."
    assert article.text == "WASHINGTON (AP) —\n\n" + article.body


def test_hard_wrapped_paragraphs_are_joined():
    page = (
        "GENEVA (Reuters) - Diplomats from the two countries met in Geneva on\n"
        "Friday for a second round of talks on prisoner exchanges and on the\n"
        "return of the bodies of soldiers killed in the fighting, officials\n"
        "said after the meeting ended late in the evening.\n"
        "\n"
        "A third round is planned for next month in the same city, according\n"
        "to a statement released by the mediators on Saturday morning after\n"
        "consultations with both delegations and the host government.\n"
    )
    article = read_text(page)
    assert len(article.body.split("\n\n")) == 2
    assert "met in Geneva on Friday for a second round" in article.body


def test_line_roles_names_every_line():
    roles = _roles(TASS_LIKE)
    assert roles["All news"] == "navigation"
    assert roles["© Sergei Bobylev/TASS"] == "credit"
    assert roles["Direct flights"] == "heading"
    assert roles["Show More"] == "furniture"


def test_bulleted_list_after_a_colon_is_body():
    page = (
        "Ministers agree on three steps to ease tensions\n"
        "BRUSSELS (Reuters) - The ministers agreed on the following steps:\n"
        "- Restore the hotline between defence ministries\n"
        "- Resume monthly meetings of military officers\n"
        "- Exchange lists of detained persons\n"
        "Officials said more steps could follow.\n"
    )
    body = read_text(page).body
    assert "Restore the hotline" in body and "Exchange lists of detained persons" in body


@pytest.mark.parametrize(
    "page",
    ["", "\n\n\n", "©", "Share\nFacebook\nTwitter", "\x00\x01 garbage \ufffd\ufffd", "a" * 5000],
)
def test_odd_input_never_raises(page):
    article = read_text(page)
    assert isinstance(article.body, str)


# --- header details -------------------------------------------------------------------------


def test_caption_ending_with_an_agency_after_the_byline():
    page = (
        "Putin accepts invitation to visit North Korea\n\n"
        "By Staff Reporter\n"
        "Kim Jong-un and Vladimir Putin talk at the Vostochny Cosmodrome on Sept. 13, 2023. (Yonhap)\n\n"
        "SEOUL, Sept. 14 (Yonhap) -- Russian President Vladimir Putin has agreed to visit North "
        "Korea, the North's official media said Thursday.\n"
    )
    article = read_text(page)
    assert article.subheadline is None
    assert article.byline == "By Staff Reporter"
    assert [(c.text, c.credit) for c in article.captions] == [
        (
            "Kim Jong-un and Vladimir Putin talk at the Vostochny Cosmodrome on Sept. 13, 2023.",
            "Yonhap",
        )
    ]
    # the year comes from the caption when the text names none
    assert (article.date, article.date_source) == ("2023-09-14", "inferred")


def test_page_time_stamp_with_labels_gives_the_date():
    page = (
        "Saudi Arabia and Iran agree to restore ties\n"
        "Source: Xinhua | 2023-03-10 20:41:00 | Editor: Huaxia\n"
        "BEIJING, March 10 (Xinhua) -- Saudi Arabia and Iran agreed on Friday to resume "
        "diplomatic relations, according to a joint statement. The two had cut ties in 2016.\n"
    )
    article = read_text(page)
    assert (article.date, article.date_source) == ("2023-03-10", "metadata")
    assert article.dateline.date == "2023-03-10"
    assert "Editor" not in article.text


def test_labelled_time_stamp_is_not_a_dateline():
    page = (
        "Iran and world powers reach nuclear deal\n\n"
        "PUBLISHED: July 14, 2015 at 9:32 a.m. | UPDATED: July 14, 2015 at 2:10 p.m.\n\n"
        "VIENNA (AP) — Iran and six world powers reached an agreement on Tuesday.\n"
    )
    article = read_text(page)
    assert (article.dateline.place, article.dateline.agency) == ("Vienna", "AP")
    assert article.date == "2015-07-14"


def test_byline_without_its_time_stamp():
    page = (
        "China announces countermeasures\n"
        "By Staff writers | Updated: 2022-08-05 21:30\n"
        "BEIJING - China announced countermeasures on Friday, the foreign ministry said.\n"
    )
    article = read_text(page)
    assert article.byline == "By Staff writers"
    assert (article.date, article.date_source) == ("2022-08-05", "metadata")


def test_editors_initials_are_not_a_credit():
    page = (
        "President meets delegation in Damascus\n"
        "Damascus, SANA – The President received a delegation on Sunday, and the two sides "
        "discussed cooperation.\n"
        "The President returned to his office at the end of the meeting.\n"
        "R.J / H.Z\n"
    )
    article = read_text(page)
    assert article.captions == []
    assert "returned to his office" in article.body
    assert "R.J" not in article.body


def test_gallery_links_in_a_related_list_are_not_captions():
    page = (
        "Russia launches attack on Ukraine\n"
        "KYIV, Ukraine (AP) — Russia launched an attack on Ukraine on Thursday.\n"
        "Read more:\n"
        "What we know about the attack\n"
        "Photos: Ukraine under attack\n"
    )
    article = read_text(page)
    assert article.captions == []
    assert article.body == "Russia launched an attack on Ukraine on Thursday."


def test_table_rows_are_body():
    page = (
        "Election results announced\n"
        "ROME - The electoral commission published the final results on Monday:\n"
        "| Party | Seats |\n"
        "| Brothers of Italy | 119 |\n"
        "The new parliament meets next month, officials said.\n"
    )
    assert "| Brothers of Italy | 119 |" in read_text(page).body


@pytest.mark.parametrize(
    ("page", "headline", "dateline", "furniture", "kept"),
    [
        (
            BBC_LIKE,
            "Zelensky meets Biden in Washington on first trip abroad since invasion",
            None,
            [
                "Skip to content",
                "Published",
                "close panel",
                "Share page",
                "About sharing",
                "Image source",
                "Image caption",
                "greeted by Biden",
                "BBC News, Washington",
                "Related Topics",
                "More on this story",
                "address US Congress",
            ],
            ["has met US President Joe Biden", "$1.85bn in military aid", "We will win"],
        ),
        (
            GUARDIAN_LIKE,
            "Russia and Japan fail to make progress on island dispute",
            None,
            [
                "more than 5 years old",
                "15.12 GMT",
                "Last modified",
                "Topics",
                "Asia Pacific",
                "Reuse this content",
            ],
            ["failed to make progress on a decades-old", "significant differences"],
        ),
        (
            CNN_LIKE,
            None,
            ("Washington", "CNN"),
            ["Ad Feedback", "CNN —"],
            ["The Senate voted on Tuesday", "70 to 29", "This is a good day"],
        ),
        (
            NYT_LIKE,
            "Biden Signs Ukraine Aid Bill Into Law",
            ("Washington", None),
            [
                "Supported by",
                "Continue reading the main story",
                "Advertisement",
                "SKIP ADVERTISEMENT",
                "By Jane Doe",
            ],
            ["President Biden signed a $95 billion", "passed the Senate on Tuesday"],
        ),
    ],
)
def test_more_page_layouts(page, headline, dateline, furniture, kept):
    article = read_text(page)
    assert article.headline == headline
    if dateline is None:
        assert article.dateline is None
    else:
        assert (article.dateline.place, article.dateline.agency) == dateline
    for phrase in furniture:
        assert phrase not in article.body, phrase
    for phrase in kept:
        assert phrase in article.body, phrase


def test_credit_before_a_labelled_caption():
    article = read_text(BBC_LIKE)
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Zelensky was greeted by Biden at the White House", "Getty Images")
    ]
    assert (article.byline, article.date, article.date_source) == (
        "By Jane Doe",
        "2022-12-21",
        "metadata",
    )


def test_dateline_alone_on_its_line():
    article = read_text(CNN_LIKE)
    assert article.dateline.text == "Washington CNN —"
    assert article.body.startswith("The Senate voted on Tuesday")


def test_title_with_a_full_stop_in_a_block_of_its_own():
    page = (
        "Flynn says Trump 'absolutely right' about generals.\n\n"
        "Retired Lt. Gen. Michael Flynn said on Thursday that Donald Trump was right when he said "
        "the generals had been reduced to rubble, in an interview with a news channel.\n"
    )
    article = read_text(page)
    assert article.headline == "Flynn says Trump 'absolutely right' about generals."
    assert article.body.startswith("Retired Lt. Gen. Michael Flynn")


def test_short_first_paragraph_is_not_taken_for_a_title():
    page = "The talks failed.\nThe two delegations left Geneva on Friday without agreement.\n"
    article = read_text(page)
    assert article.headline is None
    assert article.body.startswith("The talks failed.")


def test_picture_credited_twice_without_caption_keeps_the_subheadline():
    page = (
        "All news\n\nRussia and Japan to continue talks\n\n"
        "The ministers will meet again in February\nIgor Ivanov/TASS\n© Igor Ivanov/TASS\n\n"
        "MOSCOW, January 29. /TASS/. Talks will continue, the ministry said.\n"
    )
    article = read_text(page)
    assert article.subheadline == "The ministers will meet again in February"
    assert article.captions == []
    assert "Ivanov" not in article.text


def test_headline_followed_by_a_credit_stays_the_headline():
    page = (
        "Russia and Japan to continue talks\n© Igor Ivanov/TASS\n\n"
        "MOSCOW, January 29. /TASS/. Talks will continue, the ministry said.\n"
    )
    article = read_text(page)
    assert article.headline == "Russia and Japan to continue talks"
    assert article.body == "Talks will continue, the ministry said."


def test_headline_in_another_script():
    page = (
        "Все новости\n\nПутин и Абэ договорились продолжить переговоры\n\n"
        "Президент России Владимир Путин и премьер-министр Японии Синдзо Абэ договорились "
        "продолжить переговоры о мирном договоре, сообщил Кремль.\n"
    )
    article = read_text(page)
    assert article.headline == "Путин и Абэ договорились продолжить переговоры"
    assert article.body.startswith("Президент России")
    assert "Все новости" not in article.text


def test_navigation_links_before_the_headline_are_not_taken_for_it():
    page = (
        "Home\nWorld news\nRussia-Ukraine war latest updates\n"
        "Trending: Gaza ceasefire talks resume in Cairo\n"
        "Russia and Japan agree to continue treaty talks\n"
        "Foreign ministers will meet again in February\n"
        "MOSCOW (Reuters) - Russia and Japan agreed on Tuesday to continue talks on a treaty.\n"
    )
    article = read_text(page)
    assert article.headline == "Russia and Japan agree to continue treaty talks"
    assert article.subheadline == "Foreign ministers will meet again in February"
    roles = _roles(page)
    assert roles["Russia-Ukraine war latest updates"] == "navigation"
    assert "Trending" not in article.text
    # single lines of similar length are not mistaken for a hard-wrapped paragraph
    assert len(article.body.split("\n\n")) == 1


@pytest.mark.parametrize(
    ("stamp", "date"),
    [
        ("Source: Xinhua | 2023-03-10 20:41:00", "2023-03-10"),
        ("Source: Global Courier | 2023-03-10 20:41 | Editor: Jane Doe", "2023-03-10"),
        ("By Jane Doe and John Roe | Updated: 2023-03-10 21:30", "2023-03-10"),
        ("Posted: 2023-03-10 21:30 | By Jane Doe", "2023-03-10"),
        ("UPDATED: March 10, 2023 at 2:10 p.m.", "2023-03-10"),
        ("PUBLISHED: March 10, 2023 at 9:32 a.m. | UPDATED: March 11, 2023", "2023-03-10"),
        ("Last updated on 10 Mar 2023, 21:30 GMT", "2023-03-10"),
    ],
)
def test_time_stamp_lines_give_the_date_and_are_no_dateline(stamp, date):
    page = (
        "Saudi Arabia and Iran agree to restore ties\n\n"
        f"{stamp}\n\n"
        "BEIJING (Xinhua) -- Saudi Arabia and Iran agreed on Friday to resume diplomatic "
        "relations, according to a joint statement. The two had cut ties in 2016.\n"
    )
    article = read_text(page)
    assert (article.date, article.date_source) == (date, "metadata")
    assert (article.dateline.place, article.dateline.agency) == ("Beijing", "Xinhua")
    assert "2023" not in article.text


def test_year_after_a_reported_date_later_than_the_dateline():
    page = (
        "Kremlin says Turkish president apologised for downing of jet\n\n"
        "MOSCOW, June 27. /TASS/. The Turkish president has apologised for the downing of the "
        "Russian jet, the Kremlin said.\n\n"
        "A Turkish fighter shot down the Russian bomber on November 24, 2015 near the border.\n"
    )
    article = read_text(page)
    assert (article.date, article.date_source) == ("2016-06-27", "inferred")
    assert article.dateline.date == "2016-06-27"
