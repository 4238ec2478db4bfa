"""The bundled examples: the seed article and the project's own wire-style reports.

Checks that every example is well-formed input for the article reader: valid UTF-8,
a headline, a wire-service dateline at the start of the first body paragraph, HTML
that parses and has an article, nothing loaded from the network, and a README entry.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
README = EXAMPLES / "README.md"
SEED_NAME = "tass-2019-01-29.txt"
SEED_SOURCE = ROOT.parent / "shared" / "seed" / SEED_NAME

TEXTS = sorted(EXAMPLES.glob("*.txt"))
PAGES = sorted(EXAMPLES.glob("*.html"))
REPORTS = [p for p in TEXTS if p.name != SEED_NAME]

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WORD = r"[A-Z][A-Za-z'.\-]*"
_PLACE = rf"{_WORD}(?:[ ]{_WORD})*"  # MOSCOW, UNITED NATIONS, Washington D. C., New Delhi
_REGION = rf"(?:,[ ]{_WORD}(?:[ ]{_WORD})*)?"  # ", Ukraine", ", N.J."
_BRACKET = r"(?:[ ]\[[A-Za-z .]+\])?"  # " [USA]"
_DATE = rf"(?:,[ ]{_MONTH}[ ]\d{{1,2}})?"  # ", Sept. 14"
_DASH = r"(?:--|[-–—:])"

# The dateline forms wire services use, as listed in the issue.
DATELINE = re.compile(
    "|".join(
        [
            rf"{_PLACE},[ ]{_MONTH}[ ]\d{{1,2}}\.[ ]/[A-Z]+/\.",  # MOSCOW, January 29. /TASS/.
            # BERLIN (Reuters) -, UNITED NATIONS, Sept 22 (Reuters) -, Beijing, Oct 22 (IANS):,
            # Washington D. C. [USA], April 7 (ANI):, KYIV, Ukraine (AP) —, Hanoi (VNA) –
            rf"{_PLACE}(?:{_REGION}{_BRACKET}{_DATE})?[ ]\([A-Z][A-Za-z]+\)[ ]?{_DASH}",
            rf"{_PLACE}[ ][-–—][ ][A-Z]{{2,}}\b",  # Tehran - SANA
            r"[A-Z]{2,}(?:[ ][A-Z]{2,})*[ ][-–—](?=[ ])",  # BEIJING -
        ]
    )
)
DATELINE_AT_START = re.compile(rf"^(?:{DATELINE.pattern})\s*\S")


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _dateline_index(lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines) if DATELINE_AT_START.match(line)), None)


def _page(path: Path):
    return lxml_html.fromstring(path.read_bytes())


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _readme_rows() -> dict[str, list[str]]:
    rows = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip().strip("`") for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        is_header = cells[:2] == ["slug", "date"]
        if len(cells) >= 4 and not is_header and re.fullmatch(r"[a-z0-9][a-z0-9-]*", cells[0]):
            rows[cells[0]] = cells
    return rows


@pytest.mark.parametrize(
    "line",
    [
        "MOSCOW, January 29. /TASS/. A meeting",
        "BERLIN (Reuters) - Germany said",
        "UNITED NATIONS, Sept 22 (Reuters) - The council",
        "BEIJING, May 11 (Xinhua) -- China",
        "SEOUL, Sept. 14 (Yonhap) -- North Korea",
        "Beijing, Oct 22 (IANS): China",
        "WASHINGTON (AP) — The",
        "Washington D. C. [USA], April 7 (ANI): The",
        "Hanoi (VNA) – Vietnam",
        "Tehran - SANA President",
        "BEIJING - China",
        "KYIV, Ukraine (AP) — Russia",
    ],
)
def test_dateline_pattern_accepts_every_wire_form(line):
    assert DATELINE_AT_START.match(line)


@pytest.mark.parametrize(
    "line",
    [
        "All news",
        "Japanese Ambassador to Russia Toyohisa Kozuki",
        "© Vyacheslav Prokofyev/TASS",
        "Home > World > Asia",
        "The talks were held in Moscow (Russia) on Tuesday.",
        "Reporting by Reuters staff; Editing by a desk editor",
    ],
)
def test_dateline_pattern_rejects_other_lines(line):
    assert not DATELINE_AT_START.match(line)


def test_enough_examples():
    assert len(REPORTS) >= 20
    assert len(PAGES) >= 12


def test_seed_is_bundled():
    assert (EXAMPLES / SEED_NAME).exists()
    if SEED_SOURCE.exists():
        assert (EXAMPLES / SEED_NAME).read_bytes() == SEED_SOURCE.read_bytes()


@pytest.mark.parametrize("path", TEXTS + PAGES, ids=lambda p: p.name)
def test_file_is_non_empty_utf8(path):
    data = path.read_bytes()
    assert data.strip()
    data.decode("utf-8")  # raises on invalid UTF-8
    assert "\ufffd" not in data.decode("utf-8")


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_text_has_dateline_at_start_of_first_body_paragraph(path):
    lines = _lines(path)
    index = _dateline_index(lines)
    assert index is not None, "no dateline line"
    assert index <= 10, "dateline too far from the top"
    # Everything above the dateline is page furniture: headline, subheadline, captions.
    assert all(len(line.split()) <= 45 for line in lines[:index])
    assert len(lines[index].split()) >= 15, "dateline line is not a body paragraph"
    assert len(lines) - index >= 5, "too few paragraphs after the dateline"


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_report_is_short(path):
    words = len(path.read_text(encoding="utf-8").split())
    assert 150 <= words <= 450


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_parses_with_article_and_metadata(path):
    page = _page(path)
    assert page.xpath("//article") or page.xpath("//h1")
    assert _text(page.xpath("//head/title")[0])
    for prop in ("og:title", "og:site_name", "article:published_time"):
        assert page.xpath(f"//meta[@property='{prop}']/@content"), prop
    assert page.xpath("//meta[@name='author']/@content")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_first_body_paragraph_starts_with_dateline(path):
    page = _page(path)
    scope = (page.xpath("//article") or [page])[0]
    paragraphs = [_text(p) for p in scope.iter("p")]
    first_body = next(p for p in paragraphs if len(p.split()) >= 20)
    assert DATELINE_AT_START.match(first_body), first_body[:80]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_has_figure_caption_credit_and_section_heading(path):
    page = _page(path)
    assert page.xpath("//figure//img") and page.xpath("//figcaption//*[@class='credit']")
    assert page.xpath("//article//h2")
    assert page.xpath("//aside//a") and page.xpath("//footer") and page.xpath("//nav")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_loads_nothing_from_the_network(path):
    page = _page(path)
    for attr in ("src", "href", "srcset", "data"):
        for value in page.xpath(f"//@{attr}"):
            assert not re.match(r"\s*(?:https?:)?//", value), value


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_has_a_text_twin_with_the_same_headline(path):
    twin = path.with_suffix(".txt")
    assert twin.exists()
    headline = _text(_page(path).xpath("//h1")[0])
    assert headline in _lines(twin)


def test_readme_lists_every_example_with_its_date():
    rows = _readme_rows()
    slugs = {p.stem for p in TEXTS + PAGES}
    assert slugs == set(rows)
    for slug, cells in rows.items():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cells[1]), slug
    for path in PAGES:
        published = _page(path).xpath("//meta[@property='article:published_time']/@content")[0]
        assert published.startswith(rows[path.stem][1]), path.name
