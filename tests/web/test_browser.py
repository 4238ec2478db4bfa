"""The pages in a real browser: Playwright driving Debian's Chromium (no browser download).

Skipped only when /usr/bin/chromium is absent (CI installs it with scripts/ci-browser.sh).
Screenshots go to test-output/screenshots/.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_db):
    """The app served by uvicorn on a free loopback port, in a thread."""
    import uvicorn

    from communique.web import create_app

    port = free_port()
    config = uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that fails the test on any request leaving the loopback server, or a dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside, dialogs, errors = [], [], []
    page.on(
        "request", lambda r: None if r.url.startswith((server, "data:")) else outside.append(r.url)
    )
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.base = server
    yield page
    context.close()
    assert outside == [], "the page loaded something from outside"
    assert dialogs == [], "a script from article text ran"
    assert errors == []


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_dashboard(page):
    page.goto(page.base + "/")
    assert page.locator(".card b").first.inner_text() == "4"
    assert page.locator("svg.linechart circle.point").count() >= 1
    assert page.locator("svg.map path.land").count() > 150
    shot(page, "dashboard")
    # choosing another pair redraws the chart (the select submits itself)
    page.select_option("#pair-a", "JPN")
    page.select_option("#pair-b", "UKR")
    page.wait_for_url(re.compile(r"a=JPN&b=UKR"))
    points = page.locator("svg.linechart circle.point")
    assert points.count() == 1
    assert points.first.get_attribute("data-month") == "2019-04"
    shot(page, "dashboard-pair")


def test_filter_events_open_event_and_article(page):
    page.goto(page.base + "/events")
    assert page.locator("table.events tbody tr").count() == 5
    page.fill("input[name=dyad]", "rus-ukr")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url(re.compile(r"dyad=RUS-UKR"))
    assert "type=" not in page.url  # empty fields stay out of the address
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 3
    shot(page, "events-dyad")

    page.click("th a[data-sort=score]")
    page.wait_for_url(re.compile(r"sort=-score"))
    assert page.locator("table.events tbody tr").first.locator(".badge").inner_text() == "ACCUSE"

    page.locator("table.events tbody tr").first.locator("a").first.click()
    page.wait_for_url(re.compile(r"/events/\d+$"))
    evidence = page.locator("blockquote.evidence")
    assert evidence.locator(".hl-event").first.inner_text().startswith("accused")
    assert evidence.locator(".hl-actor").first.inner_text().startswith("Russia")
    assert evidence.locator(".hl-recipient").first.inner_text().startswith("Ukraine")
    assert evidence.locator(".hl-time").first.inner_text().startswith("Tuesday")
    assert evidence.locator(".hl-place").first.inner_text().startswith("Kerch")
    assert page.locator("svg.map circle.marker").count() == 1
    shot(page, "event")

    page.locator(".telling a.headline").first.click()
    page.wait_for_url(re.compile(r"/articles/\w+"))
    doc = page.locator("#doc")
    assert doc.locator(".hl-event").count() == 3
    assert doc.locator(".hl-place").first.inner_text().startswith("Kerch")
    assert doc.locator(".hl-quote .hl-speaker").first.inner_text() == "<b>Evil</b> Corp"
    assert "<script>alert('pwned')</script>" in doc.inner_text()  # shown as text, not run
    assert page.evaluate("document.querySelectorAll('#doc img, #doc script').length") == 0
    shot(page, "article")

    # the legend's switches hide one kind of highlight
    page.uncheck("input[data-toggle=place]")
    assert "hide-place" in doc.get_attribute("class")


def test_actor_quotes_and_map(page):
    page.goto(page.base + "/actors/Russia")
    assert page.locator("svg.network circle.node").count() >= 2
    shot(page, "actor")
    page.goto(page.base + "/quotes")
    page.fill("input[name=speaker]", "lavrov")
    page.click("#quote-search button")
    page.wait_for_url(re.compile(r"speaker=lavrov"))
    assert page.locator("ul.quotes li").count() == 2
    shot(page, "quotes")
    page.goto(page.base + "/map")
    assert page.locator("svg.map circle.marker").count() == 2
    shot(page, "map")
