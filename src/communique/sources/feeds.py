"""RSS and Atom feeds (feedparser), with polite fetching of the linked pages.

When an entry carries only a summary, the linked page is fetched with httpx: at most
one request per host every ``delay`` seconds, only where robots.txt allows it, with a
timeout and a size limit.
"""

from __future__ import annotations

import re
import threading
import time
import urllib.robotparser
from collections.abc import Iterator
from html import escape
from pathlib import Path
from urllib.parse import urlparse

from communique import __version__
from communique.document import Document
from communique.errors import InputError
from communique.sources.files import Item, failed, plain_suffix
from communique.sources.single import DEFAULT_MAX_BYTES, check_size, decode, read_capped

FEED_SUFFIXES = (".rss", ".atom", ".xml")
USER_AGENT = f"communique/{__version__} (+https://github.com/communique; news event coder)"
# An entry whose text is shorter than this is a summary: the linked page is fetched.
FULL_TEXT_MIN_CHARS = 600
_TAGS = re.compile(r"<[^>]+>")
_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)


class PoliteFetcher:
    """HTTP GET with a per-host rate limit, robots.txt, a timeout and a size limit."""

    def __init__(
        self,
        *,
        delay: float = 1.0,
        timeout: float = 20.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        user_agent: str = USER_AGENT,
        transport=None,
    ) -> None:
        import httpx

        self.delay = delay
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            headers={"User-Agent": user_agent},
            transport=transport,
        )
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> PoliteFetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's site lets us fetch it (no robots.txt: yes)."""
        parts = urlparse(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
            try:
                status, body = self._get(origin + "/robots.txt", limit=512 * 1024)
            except InputError:
                status, body = 404, b""
            if status in (401, 403):  # as RobotFileParser.read(): nothing may be fetched
                parser.parse(["User-agent: *", "Disallow: /"])
            elif 200 <= status < 300:
                parser.parse(body.decode("utf-8", errors="replace").splitlines())
            else:  # no robots.txt: everything may be fetched
                parser.parse([])
            self._robots[origin] = parser
        return self._robots[origin].can_fetch(self.user_agent, url)

    def fetch(self, url: str) -> bytes:
        """The body of ``url``, or :class:`InputError` saying why not."""
        if not self.allowed(url):
            raise InputError(f"{url}: disallowed by robots.txt")
        status, body = self._get(url, limit=self.max_bytes)
        if not 200 <= status < 300:
            raise InputError(f"{url}: HTTP {status}")
        if len(body) > self.max_bytes:
            raise InputError(f"{url}: larger than the limit of {self.max_bytes:,} bytes")
        return body

    def _get(self, url: str, limit: int) -> tuple[int, bytes]:
        import httpx

        self._wait_for(urlparse(url).netloc)
        try:
            with self._client.stream("GET", url) as response:
                return response.status_code, read_capped(response, limit)
        except httpx.HTTPError as exc:
            raise InputError(f"{url}: cannot be fetched ({type(exc).__name__}: {exc})") from exc

    def _wait_for(self, host: str) -> None:
        with self._lock:
            wait = self._last.get(host, -1e9) + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last[host] = time.monotonic()


def looks_like_feed(raw: bytes) -> bool:
    """Whether the bytes start like an RSS, Atom or RDF feed."""
    return bool(_FEED_START.match(raw[:4096].lstrip(b"\xef\xbb\xbf")))


def is_feed_file(path: Path) -> bool:
    return plain_suffix(path) in FEED_SUFFIXES


def read_feed_file(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, fetcher: PoliteFetcher | None = None
) -> Iterator[Item]:
    from communique.sources.single import read_file

    try:
        raw = read_file(path, max_bytes)
    except InputError as exc:
        yield failed(str(path), str(exc))
        return
    yield from feed_items(raw, str(path), max_bytes=max_bytes, fetcher=fetcher)


def feed_items(
    raw: bytes,
    location: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetcher: PoliteFetcher | None = None,
) -> Iterator[Item]:
    """The articles of a feed: the entry's own content, or its linked page when it is a summary."""
    import feedparser

    parsed = feedparser.parse(raw)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(problem, feedparser.CharacterEncodingOverride):
        problem = None  # declared and actual encodings differ: the text is still fine
    if problem is not None or not parsed.entries:
        reason = _first_line(problem) if problem is not None else "no entries"
        yield failed(location, f"{location}: malformed or empty feed ({reason})")
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        if problem is not None and not (entry.get("link") or _entry_html(entry)):
            continue  # a fragment of the broken part
        yield _entry_item(entry, number, location, source, max_bytes, fetcher)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _entry_item(entry, number: int, location: str, source, max_bytes: int, fetcher) -> Item:
    link = entry.get("link") or None
    entry_location = link or f"{location}#{entry.get('id') or number}"
    date = _entry_date(entry)
    content = _entry_html(entry)
    if len(_TAGS.sub("", content).strip()) < FULL_TEXT_MIN_CHARS and link and fetcher is not None:
        try:
            raw = fetcher.fetch(link)
            check_size(raw, max_bytes, link)
            page, warnings = decode(raw, link)
            return Item(
                link,
                Document(page, html=True, url=link, source=source, date=date, warnings=warnings),
            )
        except InputError as exc:
            return failed(link, str(exc), url=link, source=source, date=date)
    title = escape(entry.get("title") or "")
    if not content.strip() and not title.strip():
        return failed(entry_location, f"{entry_location}: the feed entry has no text", url=link)
    # An entry with a title alone is its headline, analysed as such (GDELT codes headlines).
    html = f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{content}</body></html>"
    return Item(entry_location, Document(html, html=True, url=link, source=source, date=date))


def _entry_html(entry) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return content["value"]
    return entry.get("summary") or ""


def _entry_date(entry) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else None
