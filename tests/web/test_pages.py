"""The HTML pages: they render, they highlight, and article text is always shown as text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markupsafe import Markup

from communique.web.highlight import Mark, render


class Tags(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def assert_no_injected_markup(html: str) -> None:
    found = tags(html)
    assert not [t for t, _ in found if t in ("img", "iframe", "object", "embed")]
    assert all("onerror" not in attrs for _, attrs in found)
    scripts = [attrs for t, attrs in found if t == "script"]
    assert scripts == [{"src": "/static/app.js", "defer": None}]  # only our own file
    assert "<b>Evil</b>" not in html


def article_id(client, words: str) -> str:
    return client.get("/api/articles", params={"q": words}).json()["items"][0]["id"]


def event_id(client, **filters) -> int:
    return client.get("/api/events", params=filters).json()["items"][0]["id"]


@pytest.mark.parametrize(
    "url", ["/", "/events", "/articles", "/actors", "/quotes", "/map", "/api", "/actors/Russia",
            "/events?dyad=RUS-UKR&sort=-score", "/?a=RUS&b=JPN", "/quotes?speaker=lavrov", "/map?type=ACCUSE"],
)  # fmt: skip
def test_pages_render(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "communique" in response.text


def test_hostile_article_text_is_shown_as_text(client):
    html = client.get(f"/articles/{article_id(client, 'Kerch')}").text
    assert_no_injected_markup(html)
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
    assert "onerror=alert(1)" in html  # visible as text
    assert "&lt;b&gt;Evil&lt;/b&gt; Corp" in html  # the speaker's name too


@pytest.mark.parametrize(
    "url",
    ["/quotes", "/quotes?q=onerror", "/articles?q=%3Cscript%3E", "/events?actor=%3Cscript%3E"],
)
def test_hostile_text_is_escaped_on_every_page(client, url):
    html = client.get(url).text
    assert_no_injected_markup(html)


def test_hostile_text_in_the_event_evidence_is_escaped(client):
    assert_no_injected_markup(client.get(f"/events/{event_id(client, type='ACCUSE')}").text)


def test_article_page_highlights(client):
    html = client.get(f"/articles/{article_id(client, 'Kerch')}").text
    doc = html[html.index('id="doc"') :]
    assert re.search(
        r'class="hl hl-event quad3"[^>]*>accused<span class="hl-label">ACCUSE</span></a>', doc
    )
    assert re.search(r'class="hl hl-place"[^>]*>Kerch<span class="hl-label">PLACE</span>', doc)
    assert re.search(r'class="hl hl-time"[^>]*>Tuesday<span class="hl-label">DATE</span>', doc)
    assert re.search(
        r'class="hl hl-ent hl-type-GPE"[^>]*>Russia<span class="hl-label">GPE</span>', doc
    )
    assert '<span class="hl-speaker">&lt;b&gt;Evil&lt;/b&gt; Corp</span>' in doc
    assert "Report JSON" in html and "&#34;schema&#34;: &#34;communique.report/1&#34;" in html


def test_article_event_links_to_the_merged_event(client):
    consult = event_id(client, type="CONSULT")
    for words in ("TASS:", "Kyodo:"):
        html = client.get(f"/articles/{article_id(client, words)}").text
        assert f'href="/events/{consult}"' in html


def test_event_page_shows_every_article_and_the_highlighted_evidence(client):
    html = client.get(f"/events/{event_id(client, type='CONSULT')}").text
    assert html.count('class="telling"') == 2
    assert "TASS: Lavrov and Kono hold talks in Moscow" in html
    assert "Kyodo: Lavrov and Kono hold talks in Moscow" in html
    evidence = html[html.index("Evidence in") :]
    assert re.search(r'hl-event[^>]*>met<span class="hl-label">CONSULT</span>', evidence)
    assert re.search(
        r'hl-participant hl-actor"[^>]*>Sergey Lavrov<span class="hl-label">ACTOR</span>', evidence
    )
    assert re.search(
        r'hl-participant hl-recipient"[^>]*>Taro Kono<span class="hl-label">RECIPIENT</span>',
        evidence,
    )
    assert re.search(r'hl-time"[^>]*>Monday<', evidence)
    assert re.search(r'hl-place"[^>]*>Moscow<', evidence)
    assert '<circle class="marker' in html  # its place on the map


def test_dashboard_draws_the_cooperation_conflict_line(client):
    html = client.get("/?a=RUS&b=UKR").text
    chart = html[html.index('class="linechart"') :]
    points = re.findall(
        r'<circle class="point (\w+)"[^>]*data-month="([\d-]+)" data-score="([-\d.]+)"', chart
    )
    assert points == [("conflict", "2019-03", "-4.17")]
    assert 'class="map' in html and html.count('class="land') > 150


def test_dashboard_pair_choice(client):
    html = client.get("/?a=JPN&b=UKR").text
    assert re.findall(r'data-month="([\d-]+)"', html) == ["2019-04"]
    html = client.get("/").text  # default pair: the most frequent dyad
    assert "Cooperation and conflict: Ukraine" in html


def test_events_page_filters_and_sort_links(client):
    html = client.get("/events?dyad=RUS-UKR&sort=-score").text
    rows = re.findall(r'<span class="badge quad\d"[^>]*>(\w+)</span>', html)
    assert rows == ["ACCUSE", "REJECT", "PROTEST"]
    assert "sort=score" in html  # clicking the active column flips the direction
    assert 'value="RUS-UKR"' in html


def test_actor_page_network(client):
    html = client.get("/actors/Russia").text
    assert '<svg class="network"' in html
    assert re.search(r'class="node-label"[^>]*>Ukraine \(UKR\)</text>', html)


def test_missing_pages_are_friendly_404s(client):
    for url in ("/events/424242", "/articles/nothing", "/actors/Nobody"):
        response = client.get(url)
        assert response.status_code == 404
        assert "<h1>404</h1>" in response.text


def test_invalid_page_parameters_are_a_page_not_a_crash(client):
    response = client.get("/events?quad=9")
    assert response.status_code == 422
    assert "Invalid request" in response.text


# --- the highlighter itself ----------------------------------------------------------


def test_render_nests_and_escapes():
    text = "<Ann> met Bob in Paris"
    html = render(text, [Mark(0, 5, "ent", "PERSON", 'a "title"'), Mark(6, 9, "event", "CONSULT", href="/events/1"),
                         Mark(0, 22, "quote", "<Speaker>")])  # fmt: skip
    assert isinstance(html, Markup)
    assert html.startswith(
        '<span class="hl hl-quote" data-kind="quote"><span class="hl-speaker">&lt;Speaker&gt;</span>'
    )
    assert (
        '<mark class="hl hl-ent" title="a &#34;title&#34;" data-kind="ent">&lt;Ann&gt;<span class="hl-label">PERSON</span></mark>'
        in html
    )
    assert (
        '<a class="hl hl-event" data-kind="event" href="/events/1">met<span class="hl-label">CONSULT</span></a>'
        in html
    )
    assert html.endswith(" Bob in Paris</span>")


def test_render_drops_a_mark_that_crosses_a_stronger_one():
    text = "Ann met Bob"
    html = render(text, [Mark(0, 7, "ent", "X"), Mark(4, 11, "event", "CONSULT")])
    assert "hl-ent" not in html and "hl-event" in html
    assert re.sub(r"<[^>]+>", "", html).replace("CONSULT", "") == text


def test_render_ignores_marks_outside_the_text_and_merges_repeats():
    html = render("Paris", [Mark(0, 5, "place", "PLACE", "Paris, FRA"), Mark(0, 5, "ent", "GPE", "capital"),
                            Mark(3, 99, "time", "DATE"), Mark(-1, 2, "ent", "X")])  # fmt: skip
    assert html.count("<mark") == 1
    assert 'title="Paris, FRA · capital"' in html


def test_pages_of_an_empty_database(tmp_path):
    import warnings

    from communique.store import Store
    from communique.web import create_app

    url = f"sqlite:///{tmp_path / 'empty.db'}"
    Store(url).dispose()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    with TestClient(create_app(url)) as empty:
        for page in ("/", "/events", "/articles", "/actors", "/quotes", "/map", "/api/stats"):
            assert empty.get(page).status_code == 200, page
        assert "No events between two countries yet" in empty.get("/").text


def test_the_web_refuses_a_missing_or_foreign_database(tmp_path):
    import sqlite3

    from communique.store import StoreError
    from communique.web import create_app

    with pytest.raises(StoreError, match="no such database"):
        create_app(f"sqlite:///{tmp_path / 'missing.db'}")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a communique database"):
        create_app(f"sqlite:///{other}")


def test_the_database_is_opened_read_only(client):
    from sqlalchemy import text

    with (
        client.app.state.engine.connect() as conn,
        pytest.raises(Exception, match="readonly|read-only|query_only"),
    ):
        conn.execute(text("DELETE FROM events"))
