"""Bad and odd input, end to end: every document gives a sound report or one clean error line,
and a batch goes on past its bad records.

Each test builds its own input and runs it through the public API (``communique.analyze``,
``communique.analyze_many``) or the CLI (``communique.cli.main`` in-process, so spaCy loads once).
Every report produced here is also checked for sound offsets: each span of every section lies
inside ``article.text`` and ``text[start:end]`` is the span's reported text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

import communique
from communique.errors import CommuniqueError
from communique.model import Report
from communique.pipeline import Document, Failure

NLP_SECTIONS = ("entities", "quotes", "times", "places", "events")
SENTENCE = (
    "Russian Foreign Minister Sergei Lavrov met Japanese Foreign Minister Taro Kono in Moscow "
    "on Monday to discuss a peace treaty."
)
QUOTE = '"We will continue the talks," Lavrov said after the meeting.'
ARTICLE = (
    "Russia and Japan agree to continue talks\n"
    "Lavrov and Kono meet in Moscow\n\n"
    f"MOSCOW, January 29. /TASS/. {SENTENCE}\n\n"
    f"{QUOTE}\n\n"
    "Peace treaty\n\n"
    "The two ministers discussed a peace treaty, the ministry said on Tuesday.\n"
)


# --- helpers ---------------------------------------------------------------------------


def _walk(node, path: str) -> Iterator[tuple[str, dict]]:
    """Every dict inside ``node``, with a readable path to it."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}[{index}]")


def offset_problems(report: dict) -> list[str]:
    """Spans of the NLP sections that fall outside ``article.text`` or do not match it."""
    text = report["article"]["text"]
    problems = []
    for section in NLP_SECTIONS:
        for path, node in _walk(report[section], section):
            start, end = node.get("start"), node.get("end")
            if start is None and end is None:
                continue
            if not (isinstance(start, int) and isinstance(end, int)):
                problems.append(f"{path}: offsets {start!r}, {end!r} are not integers")
            elif not 0 <= start <= end <= len(text):
                problems.append(f"{path}: [{start}, {end}) outside a text of {len(text)}")
            else:
                for key in ("text", "evidence"):
                    if isinstance(node.get(key), str) and node[key] != text[start:end]:
                        problems.append(f"{path}.{key}: {node[key]!r} != {text[start:end]!r}")
    return problems


def assert_sound(report: Report) -> dict:
    """The report serialises to contract JSON and all its offsets match its text."""
    data = json.loads(report.to_json())
    assert data["schema"] == "communique.report/1"
    assert isinstance(data["article"]["text"], str)
    for section in NLP_SECTIONS:
        assert isinstance(data[section], list)
    assert offset_problems(data) == []
    return data


def assert_clean_error(exc: BaseException) -> None:
    assert isinstance(exc, CommuniqueError), repr(exc)
    message = str(exc)
    assert message.strip() and "\n" not in message.strip()


def report_or_clean_error(content: str, **options) -> dict | None:
    """The sound report of ``content``, or None when it was refused with a clean error."""
    try:
        report = communique.analyze(content, **options)
    except Exception as exc:  # noqa: BLE001 - what was raised is what is checked
        assert_clean_error(exc)
        return None
    return assert_sound(report)


def analysed(content: str, **options) -> dict:
    """The sound report of ``content``, which must not be refused."""
    report = report_or_clean_error(content, **options)
    assert report is not None
    return report


def assert_cli_report_or_one_line_error(code: int, out: str, err: str) -> dict | None:
    assert "Traceback" not in err
    if code == 0:
        report = json.loads(out)
        assert offset_problems(report) == []
        return report
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert out == ""
    return None


# --- quotation marks -------------------------------------------------------------------


def test_odd_number_of_quote_marks():
    text = (
        "Russia and Japan agree to continue talks\n\n"
        f'{SENTENCE} Lavrov said "we will talk again, and Kono replied "fine" and left.\n\n'
        'The minister added "the treaty matters.\n\n"Nothing more," a spokesman said.'
    )
    report = analysed(text)
    assert report["article"]["language"] == "en"


def test_quote_mark_as_last_character():
    report = analysed(f'Russia and Japan agree to continue talks\n\n{SENTENCE} {QUOTE} He added: "')
    assert report["article"]["text"].endswith('"')


def test_two_hundred_quotations():
    paragraphs = [f'"We will continue the talks in round {i}," Lavrov said.' for i in range(200)]
    text = "Lavrov promises more talks\n\n" + SENTENCE + "\n\n" + "\n\n".join(paragraphs)
    report = analysed(text)
    assert len(report["quotes"]) == 200
    assert len({quote["start"] for quote in report["quotes"]}) == 200


# --- degenerate text -------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "Moscow",
        "Moscow.",
        "!!! ... ??? ,,, ;;; --- \"\" '' «» — …",
        "1 2 3 4 5 2019 3.14 1,000,000 42",
    ],
    ids=["one-word", "one-word-sentence", "punctuation", "numbers"],
)
def test_degenerate_text_gives_a_report_or_a_clean_error(content):
    report_or_clean_error(content)


@pytest.mark.parametrize("content", ["Moscow", "?!?! ... ---", "12 345 6789"])
def test_degenerate_file_through_the_cli(run, tmp_path, content):
    (tmp_path / "odd.txt").write_text(content, encoding="utf-8")
    assert_cli_report_or_one_line_error(*run("analyze", "odd.txt"))


def test_very_long_single_sentence():
    phrase = (
        "the minister said that talks in Moscow and Tokyo on Monday would go on while officials "
        "of both countries drafted a statement on trade and security "
    )
    sentence = (phrase * 193).strip()  # 26 words a phrase: 5,018 words, one full stop
    report = analysed(f"Talks go on\n\n{sentence.capitalize()}.")
    assert len(report["article"]["text"].split()) >= 5000


# --- HTML ------------------------------------------------------------------------------

NESTED = 1000


def _nested_page() -> str:
    return (
        "<html><head><title>Russia and Japan agree to continue talks</title></head><body>"
        + "<div>" * NESTED
        + f"<h1>Russia and Japan agree to continue talks</h1><p>{SENTENCE}</p><p>{QUOTE}</p>"
        + "</div>" * NESTED
        + "</body></html>"
    )


def test_deeply_nested_html_gives_a_report_or_a_clean_error():
    report_or_clean_error(_nested_page(), html=True)


def test_deeply_nested_html_keeps_its_text():
    report = analysed(_nested_page(), html=True)
    assert SENTENCE in report["article"]["text"]


def test_html_with_only_scripts_and_styles(run, tmp_path):
    page = (
        "<!DOCTYPE html><html><head><style>body { color: red }</style>"
        "<script>var headline = 'Lavrov met Kono in Moscow on Monday';</script></head>"
        "<body><script>document.write('Lavrov met Kono');</script><style>p {}</style>"
        "<noscript></noscript></body></html>"
    )
    report = report_or_clean_error(page, html=True)
    if report is not None:
        assert "document.write" not in report["article"]["text"]
        assert "color: red" not in report["article"]["text"]
    (tmp_path / "scripts.html").write_text(page, encoding="utf-8")
    assert_cli_report_or_one_line_error(*run("analyze", "scripts.html"))


def test_html_with_unclosed_tags():
    page = (
        "<html><body><h1>Russia and Japan agree to continue talks"
        f"<p>{SENTENCE}<p>{QUOTE}<div><b><i>The two ministers discussed a peace treaty, "
        "the ministry said on Tuesday.<table><tr><td>"
    )
    report = analysed(page, html=True)
    assert "Taro Kono in Moscow" in report["article"]["text"]


def test_html_fragment_of_one_paragraph_keeps_its_text():
    report = report_or_clean_error(f"<p>{SENTENCE} {QUOTE}</p>", html=True)
    assert report is not None and SENTENCE in report["article"]["text"]


def _page_with_table(rows: str) -> str:
    page = (
        "<html><head><title>Russia and Japan agree to continue talks</title></head><body>"
        f"<article><h1>Russia and Japan agree to continue talks</h1><p>{SENTENCE}</p>"
        f"<p>{QUOTE}</p><table>{rows}</table></article></body></html>"
    )
    assert len(page.encode("utf-8")) > 2_000_000
    return page


def test_page_with_a_two_megabyte_data_table():
    rows = "".join(
        f"<tr><td>Row {i}</td><td>Moscow</td><td>{i * 3}</td><td>January {i % 28 + 1}, 2019</td></tr>"
        for i in range(25_000)
    )
    report = report_or_clean_error(_page_with_table(rows), html=True)
    if report is not None:
        assert SENTENCE in report["article"]["text"]


def test_page_with_a_two_megabyte_table_of_sentences():
    rows = "".join(
        f"<tr><td>Row {i}: Moscow and Tokyo shipped {i * 3} tonnes on January {i % 28 + 1}, "
        "2019</td></tr>"
        for i in range(24_000)
    )
    report = report_or_clean_error(_page_with_table(rows), html=True)
    if report is not None:
        assert SENTENCE in report["article"]["text"]


# --- scripts, symbols, control characters ----------------------------------------------


def test_mixed_scripts():
    text = (
        "Ministers meet in Beijing\n\n"
        "Foreign Minister Sergei Lavrov (Сергей Лавров) met Wang Yi (王毅) and Adel al-Jubeir "
        '(عادل الجبير) in Beijing on Tuesday to discuss trade. "We agree on the main points," '
        "Wang said after the talks with Лавров."
    )
    report = analysed(text)
    assert report["article"]["language"] == "en"
    for name in ("Сергей Лавров", "王毅", "عادل الجبير"):
        assert name in report["article"]["text"]


def test_emoji_and_zero_width_characters():
    text = (
        "Talks in Moscow 🇷🇺🤝🇯🇵\n\n"
        "Russian Foreign Minister Sergei\u200b Lavrov met Japanese Foreign Minister Taro\u200d Kono "
        'in Moscow 😀 on Monday\ufeff to discuss a peace treaty. "We will continue\u2060 the '
        'talks 👍," Lavrov said after the meeting. 👏🏽👏🏽'
    )
    report = analysed(text)
    assert report["article"]["language"] == "en"
    assert "🤝" in report["article"]["text"] or "👍" in report["article"]["text"]


def test_nul_characters_inside_text():
    report_or_clean_error(f"Russia and Japan talk\n\n{SENTENCE}\x00 {QUOTE}\x00 Kono\x00 agreed.")


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_and_lone_cr_read_like_lf(newline):
    expected = analysed(ARTICLE, id="eol")
    report = analysed(ARTICLE.replace("\n", newline), id="eol")
    assert report == expected


def test_tabs():
    text = ARTICLE.replace(" ", "\t", 5).replace("\n\nPeace", "\n\t\nPeace").replace(". ", ".\t")
    report = analysed(text)
    assert report["article"]["language"] == "en"
    assert report["article"]["dateline"]["place"] == "Moscow"


# --- dates -----------------------------------------------------------------------------


def test_leap_day_given_on_the_command_line():
    report = analysed(
        f"Talks go on\n\n{SENTENCE} The talks will resume tomorrow.", date="2020-02-29"
    )
    assert report["article"]["date"] == "2020-02-29"
    values = {time["text"]: time["value"] for time in report["times"]}
    assert values.get("tomorrow") == "2020-03-01"


def test_leap_day_dateline_with_the_year_in_the_text():
    text = (
        "Russia and Japan agree to continue talks\n\n"
        f"MOSCOW, February 29. /TASS/. {SENTENCE} The 2020 talks resume tomorrow."
    )
    report = analysed(text)
    assert report["article"]["date"] == "2020-02-29"


def test_leap_day_dateline_in_a_common_year_does_not_crash():
    text = (
        "Russia and Japan agree to continue talks\n\n"
        f"MOSCOW, February 29. /TASS/. {SENTENCE} The 2019 talks resume tomorrow."
    )
    report = analysed(text)
    assert report["article"]["date"] != "2019-02-29"


def test_new_years_eve():
    text = (
        "Russia and Japan agree to continue talks\n\n"
        f"MOSCOW, December 31. /TASS/. {SENTENCE} The talks resume tomorrow and again next year."
    )
    report = analysed(text, date="2019-12-31")
    assert report["article"]["date"] == "2019-12-31"
    values = {time["text"]: time["value"] for time in report["times"]}
    assert values.get("tomorrow") == "2020-01-01"
    assert values.get("next year") == "2020"


def test_no_date_at_all():
    report = analysed(f"Talks go on\n\n{SENTENCE} The talks resume tomorrow and next year.")
    assert report["article"]["date"] is None
    assert report["article"]["date_source"] is None
    for time in report["times"]:  # nothing may be resolved against the day the test runs
        assert not re.search(r"\d{4}", time["value"] or ""), time


@pytest.mark.parametrize("date", ["2019-02-29", "2019-13-01", "29.02.2020", "yesterday", ""])
def test_invalid_date_is_a_clean_error(date):
    with pytest.raises(CommuniqueError) as info:
        communique.analyze(ARTICLE, date=date)
    assert_clean_error(info.value)


# --- languages -------------------------------------------------------------------------

FOREIGN = {
    "de": (
        "Gespräche in Moskau\n\nDer russische Außenminister Sergej Lawrow traf sich am Montag in "
        "Moskau mit seinem japanischen Amtskollegen Taro Kono, um über einen Friedensvertrag zu "
        'sprechen. "Wir werden die Gespräche fortsetzen", sagte Lawrow nach dem Treffen.'
    ),
    "fr": (
        "Pourparlers à Moscou\n\nLe ministre russe des Affaires étrangères Sergueï Lavrov a "
        "rencontré lundi à Moscou son homologue japonais Taro Kono pour discuter d'un traité de "
        "paix. « Nous poursuivrons les discussions », a déclaré Lavrov après la rencontre."
    ),
    "ru": (
        "Переговоры в Москве\n\nМинистр иностранных дел России Сергей Лавров в понедельник "
        "встретился в Москве с японским коллегой Таро Коно, чтобы обсудить мирный договор. "
        "«Мы продолжим переговоры», — сказал Лавров после встречи."
    ),
    "zh": (
        "莫斯科会谈\n\n俄罗斯外交部长拉夫罗夫星期一在莫斯科会见了日本外务大臣河野太郎，"
        "讨论和平条约问题。拉夫罗夫在会后说：“我们将继续谈判。”双方同意下个月再次会面。"
    ),
}


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_non_english_is_reported_not_analysed(language):
    report = analysed(FOREIGN[language])
    assert report["article"]["language"] == language
    assert report["article"]["text"]
    for section in NLP_SECTIONS:
        assert report[section] == []


@pytest.mark.parametrize(
    "text",
    [
        "Russian Foreign Minister Sergei Lavrov met Taro Kono in Tokyo.",
        "Kim Jong Un met Moon Jae-in in Panmunjom.",
    ],
)
def test_short_english_with_many_names_is_analysed(text):
    report = analysed(text)
    assert report["article"]["language"] == "en"
    assert report["entities"]


def test_non_english_through_the_cli(run, tmp_path):
    (tmp_path / "ru.txt").write_text(FOREIGN["ru"], encoding="utf-8")
    code, out, err = run("analyze", "ru.txt")
    assert code == 0, err
    assert json.loads(out)["article"]["language"] == "ru"
    assert "'ru'" in err and "Traceback" not in err


# --- batches ---------------------------------------------------------------------------

GOOD = f"{SENTENCE} {QUOTE}"


def test_batch_jsonl_goes_on_past_bad_records(run, tmp_path):
    records = [
        ("good-1", json.dumps({"id": "good-1", "text": GOOD, "date": "2019-01-29"})),
        ("line-2", '{"id": "broken", "text": "unterminated'),
        ("no-text", json.dumps({"id": "no-text", "date": "2019-01-29"})),
        ("wrong-type", json.dumps({"id": "wrong-type", "text": 42})),
        ("list-text", json.dumps({"id": "list-text", "text": ["a", "b"]})),
        (
            "good-2",
            json.dumps({"id": "good-2", "html": f"<html><body><h1>Talks</h1><p>{GOOD}</p>"}),
        ),
        ("huge", json.dumps({"id": "huge", "text": "Lavrov met Kono. " * 650_000})),
        ("bad-date", json.dumps({"id": "bad-date", "text": GOOD, "date": "2019-02-30"})),
        ("nul", json.dumps({"id": "nul", "text": f"Lavrov\x00 met Kono.\x00 {GOOD}"})),
        ("line-10", json.dumps(["not", "an", "object"])),
        ("de", json.dumps({"id": "de", "text": FOREIGN["de"]})),
        ("blank", json.dumps({"id": "blank", "text": " \n\t "})),
        ("good-3", json.dumps({"id": "good-3", "text": GOOD.replace("Monday", "Friday")})),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(line for _, line in records) + "\n", "utf-8")
    code, out, err = run("analyze", "--input", "in.jsonl", "--out", "out.jsonl")
    assert code == 0 and "Traceback" not in err, err
    results = [
        json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    ]
    assert [result["id"] for result in results] == [record_id for record_id, _ in records]
    by_id = {result["id"]: result for result in results}
    for record_id in (
        "line-2",
        "no-text",
        "wrong-type",
        "list-text",
        "huge",
        "bad-date",
        "line-10",
        "blank",
    ):
        result = by_id[record_id]
        assert set(result) == {"id", "error"}, record_id
        assert result["error"].strip() and "\n" not in result["error"]
    for record_id in ("good-1", "good-2", "good-3", "de"):
        assert by_id[record_id]["schema"] == "communique.report/1"
        assert offset_problems(by_id[record_id]) == []
    assert by_id["good-1"]["article"]["date"] == "2019-01-29"
    assert by_id["good-1"]["quotes"] and by_id["good-3"]["quotes"]
    assert by_id["de"]["article"]["language"] == "de" and by_id["de"]["entities"] == []
    nul = by_id["nul"]
    assert set(nul) == {"id", "error"} or offset_problems(nul) == []


def test_batch_record_with_a_lone_surrogate(run, tmp_path):
    lines = [
        json.dumps({"id": "before", "text": GOOD}),
        '{"id": "surrogate", "text": "Lavrov \\ud800 met Kono in Moscow on Monday, the ministry said."}',
        json.dumps({"id": "after", "text": GOOD}),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("analyze", "--input", "in.jsonl", "--out", "out.jsonl")
    assert code == 0 and "Traceback" not in err, err
    results = [
        json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    ]
    assert [result["id"] for result in results] == ["before", "surrogate", "after"]
    assert results[0]["quotes"] and results[2]["quotes"]


def test_analyze_many_keeps_order_and_goes_on():
    documents = [
        Document(content=GOOD, id="a", date="2019-01-29"),
        Document(content="", id="empty"),
        Document(content="", id="unreadable", error="line 2: invalid JSON"),
        Document(content=GOOD, id="bad-date", date="2019-02-30"),
        Document(content=f"<html><body><h1>Talks</h1><p>{GOOD}</p>", html=True, id="b"),
        Document(content=FOREIGN["fr"], id="fr"),
        Document(content="<script>x()</script>", html=True, id="scripts"),
        Document(content=GOOD.replace("Monday", "Friday"), id="c"),
    ]
    results = list(communique.analyze_many(documents, batch_size=3))
    assert [result.id for result in results] == [document.id for document in documents]
    kinds = {result.id: type(result) for result in results}
    assert kinds["a"] is kinds["b"] is kinds["c"] is kinds["fr"] is Report
    assert kinds["empty"] is kinds["unreadable"] is kinds["bad-date"] is kinds["scripts"] is Failure
    for result in results:
        if isinstance(result, Report):
            assert_sound(result)
        else:
            assert result.error.strip() and "\n" not in result.error


# --- huge text -------------------------------------------------------------------------

# Under the 10 MB input limit, yet more characters than spaCy parses by default (1,000,000).
PARAGRAPH = (
    "Lavrov met Kono in Tokyo on Monday and the two ministers discussed a peace treaty. " * 120
)
HUGE_TEXT = "Russia and Japan talk\n\n" + "\n\n".join([PARAGRAPH] * 105)


def test_text_over_a_million_characters_through_the_cli(run, tmp_path):
    assert 1_000_000 < len(HUGE_TEXT.encode("utf-8")) < 10 * 1024 * 1024
    (tmp_path / "huge.txt").write_text(HUGE_TEXT, encoding="utf-8")
    assert_cli_report_or_one_line_error(*run("analyze", "huge.txt"))


def test_text_over_a_million_characters_in_a_batch():
    documents = [
        Document(content=GOOD, id="before"),
        Document(content=HUGE_TEXT, id="huge"),
        Document(content=GOOD, id="after"),
    ]
    results = list(communique.analyze_many(documents))
    assert [result.id for result in results] == ["before", "huge", "after"]
    assert isinstance(results[0], Report) and isinstance(results[2], Report)
