"""Folders and files: text, HTML, gzip, JSONL, and every kind of bad file as an item with an error."""

from __future__ import annotations

import gzip
import json

from communique.sources.corpus import iter_items

STORY = "Russian Foreign Minister Sergei Lavrov met his Japanese counterpart in Moscow on Tuesday."


def items_by_name(folder):
    return {item.location.rsplit("/", 1)[-1]: item for item in iter_items([str(folder)])}


def test_folder_yields_text_html_and_gzip_in_path_order(tmp_path):
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.html").write_text(f"<html><body><p>{STORY}</p></body></html>", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.htm.gz").write_bytes(gzip.compress(f"<p>{STORY}</p>".encode()))
    (sub / "d.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")  # not news: left out
    (tmp_path / ".hidden.txt").write_text(STORY)
    items = list(iter_items([str(tmp_path)]))
    assert [i.location.removeprefix(str(tmp_path) + "/") for i in items] == [
        "a.html",
        "b.txt",
        "sub/c.htm.gz",
        "sub/d.txt.gz",
    ]
    assert [i.document.html for i in items] == [True, False, True, False]
    assert all(i.document.error is None and STORY in i.document.content for i in items)


def test_bad_files_are_items_with_errors(tmp_path):
    (tmp_path / "corrupt.txt.gz").write_bytes(b"this is not gzip data at all")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes(STORY.replace("Moscow", "Moscou é").encode("latin-1"))
    items = items_by_name(tmp_path)
    assert "cannot be read" in items["corrupt.txt.gz"].document.error
    assert "binary" in items["binary.txt"].document.error
    assert "empty" in items["empty.txt"].document.error
    latin = items["latin1.txt"].document
    assert latin.error is None and "invalid UTF-8" in latin.warnings[0]


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "one", "text": STORY, "date": "2019-01-22", "source": "TASS"}),
        "{not json",
        json.dumps({"id": "two", "html": f"<p>{STORY}</p>"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_items([str(path)]))
    assert [i.location for i in items] == [f"{path}#one", f"{path}#line-2", f"{path}#two"]
    assert items[0].document.source == "TASS" and items[0].document.date == "2019-01-22"
    assert "invalid JSON" in items[1].document.error
    assert items[2].document.html


def test_missing_path_is_an_item_with_an_error(tmp_path):
    (item,) = iter_items([str(tmp_path / "nope")])
    assert "no such file" in item.document.error
