"""The command line on good and bad input: one clear line on stderr and a non-zero exit
for what cannot be read, never a traceback; batches go on past bad records."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

ARTICLE = (
    "Russia and Japan agree to continue peace treaty talks\n\n"
    "MOSCOW, January 29. /TASS/. Russian Foreign Minister Sergei Lavrov met Japanese Foreign "
    "Minister Taro Kono in Moscow on Monday, the ministry said.\n\n"
    "Show More\n"
)
GERMAN = (
    "Gespräche in Moskau\n\nDie Außenminister Russlands und Japans trafen sich am Montag in "
    "Moskau, um über einen Friedensvertrag und die gemeinsame Tätigkeit auf den Inseln zu sprechen.\n"
)


def _one_line_error(code: int, err: str, fragment: str) -> None:
    assert code != 0
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and fragment in lines[0]


def test_analyze_a_text_file(run, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, err = run("analyze", "a.txt", "--date", "2019-01-29")
    assert code == 0, err
    report = json.loads(out)
    assert report["schema"] == "communique.report/1"
    article = report["article"]
    assert article["headline"] == "Russia and Japan agree to continue peace treaty talks"
    assert article["dateline"] == {
        "text": "MOSCOW, January 29. /TASS/.",
        "place": "Moscow",
        "date": "2019-01-29",
        "agency": "TASS",
    }
    assert (article["date"], article["date_source"], article["language"]) == (
        "2019-01-29",
        "cli",
        "en",
    )
    assert "Show More" not in article["text"]


def test_out_file(run, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run("analyze", "a.txt", "--out", "report.json")
    assert (code, out) == (0, "")
    assert (
        json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["article"]["source"]
        == "TASS"
    )


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(b"", "empty input"), (b"\x00\x01\x02\x03 binary \x00", "binary data")],
)
def test_empty_and_binary_files(run, tmp_path, content, fragment):
    (tmp_path / "bad.txt").write_bytes(content)
    _one_line_error(*run("analyze", "bad.txt")[::2], fragment)


def test_missing_path(run):
    code, _, err = run("analyze", "missing.txt")
    _one_line_error(code, err, "missing.txt: no such file")


def test_file_over_the_size_limit(run, tmp_path):
    (tmp_path / "big.txt").write_text(ARTICLE * 20, encoding="utf-8")
    code, _, err = run("analyze", "big.txt", "--max-bytes", "1000")
    _one_line_error(code, err, "larger than the limit of 1,000 bytes")


def test_non_http_url(run):
    code, _, err = run("analyze", "ftp://example.org/a.txt")
    _one_line_error(code, err, "only http and https")


def test_unreachable_url(run):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, _, err = run("analyze", f"http://127.0.0.1:{port}/")
    _one_line_error(code, err, "cannot be fetched")


def test_bad_date_and_bad_arguments(run, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    _one_line_error(*run("analyze", "a.txt", "--date", "29/01/2019")[::2], "invalid date")
    _one_line_error(*run("analyze")[::2], "give either one SOURCE or --input")


def test_invalid_utf8_is_read_with_a_warning(run, tmp_path):
    (tmp_path / "latin1.txt").write_bytes(
        ARTICLE.replace("Moscow on", "Zürich on").encode("latin-1")
    )
    code, out, err = run("analyze", "latin1.txt")
    assert code == 0
    assert "warning:" in err and "invalid UTF-8" in err
    assert "Z\ufffdrich" in json.loads(out)["article"]["body"]


def test_malformed_html_is_read_as_far_as_it_can_be(run, tmp_path):
    page = (
        "<html><head><title>Talks in Moscow</title><body><div><p>MOSCOW (Reuters) - Russian and "
        "Japanese diplomats met in Moscow on Monday to discuss a peace treaty, officials said."
        "<p>The talks will continue next month in Tokyo, the ministry said.<div><span>"
    )
    (tmp_path / "broken.html").write_text(page, encoding="utf-8")
    code, out, err = run("analyze", "broken.html")
    assert code == 0, err
    assert "diplomats met in Moscow" in json.loads(out)["article"]["text"]


def test_non_english_article_noted_on_stderr(run, tmp_path):
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    code, out, err = run("analyze", "de.txt")
    assert code == 0
    assert json.loads(out)["article"]["language"] == "de"
    assert "language 'de'" in err and "not analysed" in err


def test_batch_goes_on_past_bad_records_in_input_order(run, tmp_path):
    records = [
        json.dumps({"id": "good-1", "text": ARTICLE, "date": "2019-01-29"}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "bad-date", "text": ARTICLE, "date": "yesterday"}),
        json.dumps({"id": "german", "text": GERMAN}),
        json.dumps({"id": "good-2", "html": "<html><body><p>" + ARTICLE + "</p></body></html>"}),
    ]
    (tmp_path / "docs.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    code, out, err = run("analyze", "--input", "docs.jsonl")
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == [
        "good-1",
        "line-2",
        "no-text",
        "empty",
        "bad-date",
        "german",
        "good-2",
    ]
    errors = {line["id"]: line["error"] for line in lines if "error" in line}
    assert set(errors) == {"line-2", "no-text", "empty", "bad-date"}
    assert all(set(line) == {"id", "error"} for line in lines if "error" in line)
    assert lines[0]["article"]["dateline"]["place"] == "Moscow"
    assert lines[5]["article"]["language"] == "de"
    assert "7 document(s), 4 error(s)" in err


def test_batch_missing_input(run):
    _one_line_error(*run("analyze", "--input", "missing.jsonl")[::2], "no such file")


def test_a_real_process_gives_no_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", "from communique.cli import main; main()", "analyze", "nope.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "error: nope.txt: no such file"


def test_version(run):
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("communique ")


def test_batch_analyses_every_text_with_words(run, tmp_path):
    headlines = [
        "Nigerian troops kill scores of rebels in Borno state",
        "Putin meets Erdogan in Sochi to discuss Syria",
    ]
    records = [
        {"id": "sentence", "text": "Beijing said on Monday it opposed the new sanctions"},
        {"id": "headline", "text": "Russia expels British diplomats"},
        {"id": "list", "text": " • ".join(headlines)},
        {"id": "lines", "text": "\n".join(headlines)},
        {"id": "punctuation", "text": "!!! ... ???"},
    ]
    lines = "\n".join(json.dumps(record) for record in records) + "\n"
    (tmp_path / "docs.jsonl").write_text(lines, encoding="utf-8")
    code, out, err = run("analyze", "--input", "docs.jsonl")
    assert code == 0, err
    reports = {report["id"]: report for report in map(json.loads, out.splitlines())}
    assert reports["sentence"]["article"]["text"] == records[0]["text"]
    assert reports["headline"]["article"]["headline"] == "Russia expels British diplomats"
    for key in ("list", "lines"):
        assert reports[key]["article"]["text"] == "\n\n".join(headlines)
        assert reports[key]["article"]["language"] in (None, "en")
    assert reports["punctuation"] == {
        "id": "punctuation",
        "error": "no article text found in the document",
    }
    assert "5 document(s), 1 error(s)" in err
