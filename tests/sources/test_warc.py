"""WARC files: HTML response records become documents; a truncated archive says so."""

from __future__ import annotations

from io import BytesIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from communique.sources.corpus import iter_items

PAGE = (
    "<html><body><h1>Story {i}</h1><p>"
    + "Sergei Lavrov met Taro Kono in Moscow. " * 30
    + "</p></body></html>"
)


def write_warc(path, gz: bool) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        records = [
            ("text/html; charset=utf-8", "200 OK", PAGE.format(i=0)),
            ("image/png", "200 OK", "\x89PNG"),
            ("text/html", "404 Not Found", "<p>gone</p>"),
            ("text/html", "200 OK", PAGE.format(i=1)),
            ("text/html", "200 OK", PAGE.format(i=2)),
        ]
        for i, (ctype, status, body) in enumerate(records):
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example/{i}",
                "response",
                payload=BytesIO(body.encode()),
                http_headers=http,
            )
            writer.write_record(record)


@pytest.mark.parametrize("gz", [False, True])
def test_html_responses_are_documents(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, gz)
    items = list(iter_items([str(path)]))
    assert [i.document.url for i in items] == [
        "https://news.example/0",
        "https://news.example/3",
        "https://news.example/4",
    ]
    assert all(i.document.html and i.document.error is None for i in items)
    assert items[1].location == f"{path}#https://news.example/3"


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_keeps_the_pages_before_and_reports_the_cut(tmp_path, gz):
    whole = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
    write_warc(whole, gz)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: int(len(data) * 0.8)])
    items = list(iter_items([str(cut)]))
    good = [i for i in items if i.document.error is None]
    assert 1 <= len(good) < 3
    assert items[-1].location == str(cut)
    assert "truncated or corrupt WARC" in items[-1].document.error
