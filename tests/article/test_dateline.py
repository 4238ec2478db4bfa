"""Datelines as wire services write them, and sentences that only look like them."""

from __future__ import annotations

import pytest

from communique.article.dateline import (
    dateline_month_day,
    dateline_year,
    normal_case,
    normalize_agency,
    parse_dateline,
    split_dateline,
)

FORMS = [
    # (paragraph, dateline text, place, agency, (month, day) or None)
    (
        "MOSCOW, January 29. /TASS/. A meeting will be held soon.",
        "MOSCOW, January 29. /TASS/.",
        "Moscow",
        "TASS",
        (1, 29),
    ),
    (
        "BERLIN (Reuters) - Germany said on Monday it would act.",
        "BERLIN (Reuters) -",
        "Berlin",
        "Reuters",
        None,
    ),
    (
        "UNITED NATIONS, Sept 22 (Reuters) - The Security Council met.",
        "UNITED NATIONS, Sept 22 (Reuters) -",
        "United Nations",
        "Reuters",
        (9, 22),
    ),
    (
        "BEIJING, May 11 (Xinhua) -- China and Vietnam signed a deal.",
        "BEIJING, May 11 (Xinhua) --",
        "Beijing",
        "Xinhua",
        (5, 11),
    ),
    (
        "SEOUL, Sept. 14 (Yonhap) -- North Korea fired a missile.",
        "SEOUL, Sept. 14 (Yonhap) --",
        "Seoul",
        "Yonhap",
        (9, 14),
    ),
    (
        "Beijing, Oct 22 (IANS): China on Tuesday urged restraint.",
        "Beijing, Oct 22 (IANS):",
        "Beijing",
        "IANS",
        (10, 22),
    ),
    (
        "WASHINGTON (AP) — President Joe Biden signed the bill.",
        "WASHINGTON (AP) —",
        "Washington",
        "AP",
        None,
    ),
    (
        "Washington D. C. [USA], April 7 (ANI): The US and India held talks.",
        "Washington D. C. [USA], April 7 (ANI):",
        "Washington D. C.",
        "ANI",
        (4, 7),
    ),
    ("Hanoi (VNA) – Vietnam and Laos signed an agreement.", "Hanoi (VNA) –", "Hanoi", "VNA", None),
    (
        "Tehran - SANA Iranian Foreign Minister met the ambassador.",
        "Tehran - SANA",
        "Tehran",
        "SANA",
        None,
    ),
    (
        "BEIJING - China said on Monday it opposed the sanctions.",
        "BEIJING -",
        "Beijing",
        None,
        None,
    ),
    # more shapes of the same parts
    ("Paris (AFP) - France called for a ceasefire.", "Paris (AFP) -", "Paris", "AFP", None),
    (
        "KYIV, Ukraine (AP) — Russian forces shelled the city.",
        "KYIV, Ukraine (AP) —",
        "Kyiv",
        "AP",
        None,
    ),
    (
        "MOSCOW. Jan 29 (Interfax) - Russia will respond.",
        "MOSCOW. Jan 29 (Interfax) -",
        "Moscow",
        "Interfax",
        (1, 29),
    ),
    (
        "ST. PETERSBURG, June 7 (Reuters) - Putin spoke.",
        "ST. PETERSBURG, June 7 (Reuters) -",
        "St. Petersburg",
        "Reuters",
        (6, 7),
    ),
    (
        "DAR ES SALAAM, Tanzania (AP) — Police said.",
        "DAR ES SALAAM, Tanzania (AP) —",
        "Dar es Salaam",
        "AP",
        None,
    ),
    (
        "PORT-AU-PRINCE, Haiti (Reuters) - Gangs attacked.",
        "PORT-AU-PRINCE, Haiti (Reuters) -",
        "Port-au-Prince",
        "Reuters",
        None,
    ),
    (
        "N'DJAMENA, Chad (Reuters) - Chad's army said.",
        "N'DJAMENA, Chad (Reuters) -",
        "N'Djamena",
        "Reuters",
        None,
    ),
    (
        "Damascus, SANA – President al-Assad received the envoy.",
        "Damascus, SANA –",
        "Damascus",
        "SANA",
        None,
    ),
    ("NEW DELHI: The government announced new rules.", "NEW DELHI:", "New Delhi", None, None),
    ("JERUSALEM — Israeli Prime Minister said.", "JERUSALEM —", "Jerusalem", None, None),
    ("(Reuters) - The United States imposed sanctions.", "(Reuters) -", None, "Reuters", None),
    (
        "KYIV/MOSCOW, Jan 29 (Reuters) - Both sides said.",
        "KYIV/MOSCOW, Jan 29 (Reuters) -",
        "Kyiv/Moscow",
        "Reuters",
        (1, 29),
    ),
    ("Washington (CNN) — The Senate voted.", "Washington (CNN) —", "Washington", "CNN", None),
    (
        "ADDIS ABABA, 3 March (Ethiopian News Agency) - Talks began.",
        "ADDIS ABABA, 3 March (Ethiopian News Agency) -",
        "Addis Ababa",
        "Ethiopian News Agency",
        (3, 3),
    ),
    ("ISLAMABAD: Prime Minister Imran Khan said.", "ISLAMABAD:", "Islamabad", None, None),
    ("DAR ES SALAAM — Police said.", "DAR ES SALAAM —", "Dar es Salaam", None, None),
    (
        "HEMPSTEAD, N.Y. ― If it worked against Romney, it may work now.",
        "HEMPSTEAD, N.Y. ―",
        "Hempstead",
        None,
        None,
    ),
    # A known agency's bracket touching the sentence; a date without a place; a known place
    # in normal case before a dash.
    ("(CNN)Police detained dozens of protesters.", "(CNN)", None, "CNN", None),
    ("Washington (CNN)The Senate voted.", "Washington (CNN)", "Washington", "CNN", None),
    ("Dec 1 (Reuters) - Gold rose to a record.", "Dec 1 (Reuters) -", None, "Reuters", (12, 1)),
    ("14 March (AFP) - Markets fell.", "14 March (AFP) -", None, "AFP", (3, 14)),
    ("Mogadishu — Lawmakers elected a president.", "Mogadishu —", "Mogadishu", None, None),
    ("Nairobi -- Police fired tear gas.", "Nairobi --", "Nairobi", None, None),
]


@pytest.mark.parametrize(("paragraph", "text", "place", "agency", "month_day"), FORMS)
def test_dateline_forms(paragraph, text, place, agency, month_day):
    dateline, rest = split_dateline(paragraph)
    assert dateline is not None
    assert (dateline.text, dateline.place, dateline.agency) == (text, place, agency)
    assert rest == paragraph[len(text) :].strip()
    assert dateline_month_day(paragraph) == month_day
    assert dateline.date is None  # the year is not known from the dateline alone


def test_dateline_with_a_full_date():
    paragraph = "NEW YORK, Jan. 29, 2019 /PRNewswire/ -- Acme Corp. announced results."
    parsed = parse_dateline(paragraph)
    assert parsed.dateline.place == "New York"
    assert parsed.dateline.agency == "PRNewswire"
    assert (parsed.month, parsed.day, parsed.year) == (1, 29, 2019)
    assert dateline_year(paragraph) == 2019


def test_unknown_agency_in_a_known_shape():
    dateline, _ = split_dateline("ULAANBAATAR, June 3 (Montsame) -- Mongolia and China met.")
    assert (dateline.place, dateline.agency) == ("Ulaanbaatar", "Montsame")
    dateline, _ = split_dateline("Baku - AZTV President Aliyev received the delegation.")
    assert (dateline.place, dateline.agency) == ("Baku", "AZTV")


@pytest.mark.parametrize(
    "sentence",
    [
        "WASHINGTON is a city of monuments and museums.",
        "The UN - which was founded in 1945 - has 193 members.",
        "BREAKING: Putin says talks will continue.",
        "UPDATE 2-Russia says it will respond to sanctions.",
        "NATO - The alliance said it would respond.",
        "In Moscow, Jan 29 (Reuters) - talks went on.",
        "Senator Kamala Harris (D-Calif.) said on Monday that she would vote.",
        "Russian President Vladimir Putin (R) - who met Abe - said so.",
        "Beijing - where the talks were held - is the capital.",
        "Moscow, an important city, hosted the talks.",
        "Tokyo praises the results of talks between Russian President Vladimir Putin and Abe",
        "By Jane Doe",
        "TAPPER: Welcome back to the program.",
        "Sen. Ted Cruz (R-Texas) — who spoke first — said no.",
        "Indeed, AFL-CIO leaders said so.",
        "Trump: MOVE on, he said.",
        "JAKE TAPPER: Senator, thank you for joining us.",
        "QUESTIONABLE MEDICAL CLAIMS — The campaign said.",
        "Lagos — the commercial capital — has grown fast.",  # an apposition, not a dateline
        "Paris - Police said the road was closed.",  # a hyphen is not a dateline's dash
        "Police — who had been warned — waited.",
        "Trump — He said so.",  # not a place
        "(Foo)Bar said it would.",  # an unknown agency needs a separator
        "June 3 (R-Texas) - said so.",
        "",
    ],
)
def test_ordinary_sentences_are_not_datelines(sentence):
    assert split_dateline(sentence) == (None, sentence)
    assert dateline_month_day(sentence) is None


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("MOSCOW", "Moscow"),
        ("UNITED NATIONS", "United Nations"),
        ("WASHINGTON D.C.", "Washington D.C."),
        ("RIO DE JANEIRO", "Rio de Janeiro"),
        ("Washington D. C.", "Washington D. C."),
        ("São Paulo", "São Paulo"),
    ],
)
def test_normal_case(raw, normal):
    assert normal_case(raw) == normal


@pytest.mark.parametrize(
    ("raw", "agency"),
    [
        ("REUTERS", "Reuters"),
        ("XINHUA", "Xinhua"),
        ("ITAR-TASS", "TASS"),
        ("Associated Press", "AP"),
        ("Montsame", "Montsame"),
    ],
)
def test_agency_spellings(raw, agency):
    assert normalize_agency(raw) == agency
