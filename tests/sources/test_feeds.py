"""RSS/Atom feeds: entry content, summaries fetched politely (robots.txt, rate limit, size limit)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from communique.article import read
from communique.sources.corpus import iter_items
from communique.sources.feeds import PoliteFetcher, feed_items, looks_like_feed

BODY = (
    "<p>" + "Russian Foreign Minister Sergei Lavrov met Japan's Taro Kono in Moscow. " * 20 + "</p>"
)


def rss(items: str) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Wire</title><link>http://x</link><description>d</description>{items}</channel></rss>"
    )


FULL_FEED = rss(
    "<item><title>Lavrov meets Kono</title><link>http://news.example/a</link>"
    "<pubDate>Tue, 22 Jan 2019 10:00:00 GMT</pubDate>"
    f"<content:encoded><![CDATA[{BODY}]]></content:encoded></item>"
)
ATOM_FEED = (
    '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>'
    "<entry><title>Talks</title><link href='http://news.example/b'/><id>urn:b</id>"
    f"<updated>2019-01-23T08:00:00Z</updated><content type='html'><![CDATA[{BODY}]]></content></entry></feed>"
)


class Site(BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, str]] = {}
    log: list[tuple[float, str]] = []

    def do_GET(self):  # noqa: N802 - http.server API
        Site.log.append((time.monotonic(), self.path))
        status, body = Site.pages.get(self.path, (404, "not found"))
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    Site.log = []
    Site.pages = {
        "/robots.txt": (200, "User-agent: *\nDisallow: /private/\n"),
        "/news/1.html": (
            200,
            f"<html><head><title>One</title></head><body><h1>One</h1>{BODY}</body></html>",
        ),
        "/news/big.html": (200, "<p>" + "x" * 50_000 + "</p>"),
        "/private/2.html": (200, f"<html><body>{BODY}</body></html>"),
    }
    summary_items = "".join(
        f"<item><title>T{i}</title><link>{base}{path}</link><description>Short summary.</description>"
        "<pubDate>Wed, 23 Jan 2019 09:00:00 GMT</pubDate></item>"
        for i, path in enumerate(
            ["/news/1.html", "/private/2.html", "/news/missing.html", "/news/big.html"]
        )
    )
    Site.pages["/feed.xml"] = (200, rss(summary_items))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_entries_with_full_content_need_no_fetching():
    (item,) = feed_items(FULL_FEED.encode(), "wire.rss")
    doc = item.document
    assert item.location == "http://news.example/a"
    assert (doc.html, doc.url, doc.source, doc.date) == (
        True,
        "http://news.example/a",
        "Wire",
        "2019-01-22",
    )
    assert "Lavrov meets Kono" in doc.content and "Taro Kono" in doc.content
    (atom,) = feed_items(ATOM_FEED.encode(), "wire.atom")
    assert atom.document.date == "2019-01-23" and atom.document.source == "Atom wire"


def test_malformed_feed_is_an_item_with_an_error(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>Oops</title><item><title>half", encoding="utf-8")
    item, *fragments = iter_items([str(path)])
    assert fragments == []
    assert item.location == str(path)
    assert "malformed or empty feed" in item.document.error


def test_summaries_are_fetched_politely(site):
    with PoliteFetcher(delay=0.05, timeout=5, max_bytes=20_000) as fetcher:
        items = list(iter_items([f"{site}/feed.xml"], max_bytes=20_000, fetcher=fetcher))
    by_path = {i.location.removeprefix(site): i.document for i in items}
    assert list(by_path) == [
        "/news/1.html",
        "/private/2.html",
        "/news/missing.html",
        "/news/big.html",
    ]
    assert by_path["/news/1.html"].error is None and "Lavrov" in by_path["/news/1.html"].content
    assert by_path["/news/1.html"].date == "2019-01-23"
    assert "robots.txt" in by_path["/private/2.html"].error
    assert "HTTP 404" in by_path["/news/missing.html"].error
    assert "larger than the limit" in by_path["/news/big.html"].error
    paths = [p for _, p in Site.log]
    assert "/private/2.html" not in paths
    assert paths.count("/robots.txt") == 1


def test_one_request_per_host_every_delay_seconds():
    import httpx

    sent: list[tuple[float, str]] = []

    def handler(request):
        sent.append((time.monotonic(), request.url.host))
        return (
            httpx.Response(200, text="<p>news</p>")
            if request.url.path != "/robots.txt"
            else (httpx.Response(404))
        )

    with PoliteFetcher(delay=0.3, transport=httpx.MockTransport(handler)) as fetcher:
        for url in [
            "http://a.example/1",
            "http://b.example/1",
            "http://a.example/2",
            "http://a.example/3",
        ]:
            fetcher.fetch(url)
    a_times = [t for t, host in sent if host == "a.example"]  # robots.txt, /1, /2, /3
    assert len(a_times) == 4
    assert min(b - a for a, b in zip(a_times, a_times[1:], strict=False)) >= 0.3
    b_first = next(t for t, host in sent if host == "b.example")
    assert b_first - a_times[1] < 0.3  # another host does not wait for a.example


def test_feed_detection():
    assert looks_like_feed(FULL_FEED.encode()) and looks_like_feed(ATOM_FEED.encode())
    assert not looks_like_feed(b"<!doctype html><html><body>news</body></html>")


def test_an_entry_with_a_title_alone_is_its_headline():
    feed = rss("<item><title>Russia expels British diplomats</title><guid>urn:x</guid></item>")
    (item,) = feed_items(feed.encode(), "wire.rss")
    assert item.document.error is None
    article = read(item.document.content, html=True)
    assert (article.headline, article.text) == (
        "Russia expels British diplomats",
        "Russia expels British diplomats",
    )


def test_an_entry_without_title_or_text_is_an_error():
    (item,) = feed_items(
        rss("<item><guid>urn:y</guid><link>http://x/y</link></item>").encode(), "w.rss"
    )
    assert "has no text" in item.document.error
