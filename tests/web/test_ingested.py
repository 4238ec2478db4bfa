"""An article with hostile markup, ingested through the real pipeline, is shown as text."""

from __future__ import annotations

import warnings
from html.parser import HTMLParser

import pytest

from communique.ingest import ingest

HOSTILE_STORY = """Russia and Japan agree to hold new talks <script>alert("pwned")</script>

MOSCOW, January 22, 2019. Russian Foreign Minister Sergey Lavrov met Japanese Foreign Minister \
Taro Kono in Moscow on Monday. "We agreed to continue the talks <img src=x onerror=alert(1)>," \
Lavrov told reporters after the meeting.
"""


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE_STORY, encoding="utf-8")
    url = f"sqlite:///{folder / 'record.db'}"
    summary = ingest([str(folder / "hostile.txt")], db=url)
    assert summary.errors == []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from communique.web import create_app

    with TestClient(create_app(url)) as client:
        yield client


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def visible_text(html: str) -> str:
    """The page's text as a browser shows it (entities decoded, highlight labels dropped)."""
    parser = Text()
    parser.feed(html[html.index('id="doc"') : html.index("</div>", html.index('id="doc"'))])
    return "".join(parser.parts)


def test_ingested_hostile_article_is_text_on_its_page(ingested):
    article = ingested.get("/api/articles").json()["items"][0]
    html = ingested.get(f"/articles/{article['id']}").text
    text = visible_text(html)
    assert '<script>alert("pwned")</script>' in text  # shown as text, as the article has it
    assert "<img src=x onerror=alert(1)>" in text
    assert "<img" not in html
    assert html.count("<script") == 1  # our own app.js only
    assert '<script src="/static/app.js" defer></script>' in html


def test_ingested_hostile_text_is_text_on_every_listing(ingested):
    for url in ("/articles", "/quotes", "/events", "/"):
        html = ingested.get(url).text
        assert "<img" not in html and html.count("<script") == 1
