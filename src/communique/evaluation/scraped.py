"""How well the plain-text reader reads scraped news (``communique eval scraped``).

Two kinds of data:

- a folder of annotated texts (``tests/article/data/scraped``): each ``*.txt`` starts with a
  line ``#{...}`` of what the reader should find (headline, byline, date and its source,
  dateline) and tags every line of the page (``H`` headline, ``S`` subheadline, ``B`` body,
  ``Y`` byline, ``F`` furniture). The figures: the share of furniture lines (``F`` and ``Y``)
  kept out of the body, of body lines kept in it, of datelines found, and of bylines,
  headlines and dates read right; for the even-numbered files (the tuning half) and the
  odd-numbered ones (held out) apart.
- the article-extraction benchmark (a folder with ``ground-truth.json``): each page's article
  area (the smallest element holding 90% of the true body, widened to take in the page's
  ``h1``) as a scraper's plain text, its lines labelled by the true body. The figures: the
  share of furniture lines kept out of the body, of body lines kept, and the benchmark's body
  F1, for the pages in even and odd places of the id order apart.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from communique.article import text as reader
from communique.errors import InputError
from communique.evaluation.metrics import ratio, rounded

TAGS = {"H": "headline", "S": "subheadline", "B": "body", "Y": "byline", "F": "furniture"}
# What the reader puts in the article's main text: paragraphs and section headings.
IN_BODY = (reader.BODY, reader.HEADING)


@dataclass
class ScrapedText:
    """One annotated page: its lines with their tags, and what the reader should find."""

    name: str
    lines: list[tuple[str | None, str]]  # (tag, text); blank lines have no tag
    expected: dict = field(default_factory=dict)

    @property
    def content(self) -> str:
        return "\n".join(text for _, text in self.lines)


def load_texts(folder: Path) -> list[ScrapedText]:
    """The annotated texts of ``folder`` in name order."""
    texts = []
    for path in sorted(folder.glob("*.txt")):
        raw = path.read_text(encoding="utf-8").splitlines()
        if not raw or not raw[0].startswith("#{"):
            raise InputError(f"{path}: the first line must be #{{...}} (what the reader finds)")
        lines: list[tuple[str | None, str]] = []
        for number, line in enumerate(raw[1:], start=2):
            if not line.strip():
                lines.append((None, ""))
                continue
            tag, _, text = line.partition(" ")
            if tag not in TAGS or not text.strip():
                raise InputError(f"{path}:{number}: expected a tag ({', '.join(TAGS)}) and a line")
            lines.append((tag, text))
        texts.append(ScrapedText(path.stem, lines, json.loads(raw[0][1:])))
    return texts


def _roles(content: str, tagged: list[tuple[str, str]]) -> list[str]:
    """The reader's role for each tagged line (the reader's lines are the non-blank ones)."""
    lines = reader.split_lines(content)
    reader.assign_roles(lines)
    if len(lines) != len(tagged):  # paragraphs joined (hard-wrapped text): match by text
        body = {line.text for line in lines if line.role in IN_BODY}
        return [reader.BODY if " ".join(t.split()) in body else "other" for _, t in tagged]
    return [line.role or reader.BODY for line in lines]


@dataclass
class Counts:
    """Counts over texts, and the names of the texts each miss comes from."""

    furniture: int = 0
    furniture_out: int = 0
    body: int = 0
    body_kept: int = 0
    datelines: int = 0
    datelines_found: int = 0
    false_datelines: int = 0
    bylines: int = 0
    bylines_found: int = 0
    headlines: int = 0
    headlines_found: int = 0
    dates: int = 0
    dates_right: int = 0
    texts: int = 0
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict:
        def share(part: int, whole: int) -> float | None:
            return ratio(part, whole, 3)

        return {
            "texts": self.texts,
            "furniture_lines": self.furniture,
            "furniture_out_of_body": share(self.furniture_out, self.furniture),
            "body_lines": self.body,
            "body_lines_kept": share(self.body_kept, self.body),
            "datelines": self.datelines,
            "datelines_found": share(self.datelines_found, self.datelines),
            "false_datelines": self.false_datelines,
            "bylines_found": share(self.bylines_found, self.bylines),
            "headlines_found": share(self.headlines_found, self.headlines),
            "dates_right": share(self.dates_right, self.dates),
        }


def score_text(text: ScrapedText, counts: Counts) -> None:
    """Read one annotated text and add what the reader got right to ``counts``."""
    tagged = [(tag, line) for tag, line in text.lines if tag is not None]
    roles = _roles(text.content, tagged)
    counts.texts += 1
    for (tag, line), role in zip(tagged, roles, strict=True):
        if tag in ("F", "Y"):
            counts.furniture += 1
            counts.furniture_out += role not in IN_BODY
            if role in IN_BODY:
                counts.misses.append(f"{text.name}: furniture in the body: {line}")
        elif tag == "B":
            counts.body += 1
            counts.body_kept += role in IN_BODY or role == reader.DATELINE
            if role not in IN_BODY and role != reader.DATELINE:
                counts.misses.append(f"{text.name}: body line taken for {role}: {line}")
    article = reader.read_text(text.content)
    expected = text.expected
    found_dateline = article.dateline.text if article.dateline else None
    if expected.get("dateline"):
        counts.datelines += 1
        counts.datelines_found += found_dateline == expected["dateline"]
    elif found_dateline:
        counts.false_datelines += 1
    if found_dateline != expected.get("dateline"):
        counts.misses.append(f"{text.name}: dateline {found_dateline!r}")
    for name, value in (("bylines", article.byline), ("headlines", article.headline)):
        key = name[:-1]
        if expected.get(key):
            setattr(counts, name, getattr(counts, name) + 1)
            right = value == expected[key]
            setattr(counts, f"{name}_found", getattr(counts, f"{name}_found") + right)
            if not right:
                counts.misses.append(f"{text.name}: {key} {value!r}")
    counts.dates += 1
    right = (article.date, article.date_source) == (
        expected.get("date"),
        expected.get("date_source"),
    )
    counts.dates_right += right
    if not right:
        counts.misses.append(f"{text.name}: date {article.date} ({article.date_source})")


def tuning_half(name: str) -> bool:
    """Texts whose number is even were used to tune the reader; odd ones are held out."""
    match = re.match(r"\d+", name)
    return match is not None and int(match.group()) % 2 == 0


def score_texts(texts: Iterable[ScrapedText]) -> dict[str, Counts]:
    """Counts for the tuning half, the held-out half and all texts."""
    halves = {"tuning": Counts(), "held_out": Counts(), "all": Counts()}
    for text in texts:
        score_text(text, halves["tuning" if tuning_half(text.name) else "held_out"])
        score_text(text, halves["all"])
    return halves


# --- the extraction benchmark's pages as scraped text ------------------------------------------

_TOKEN = re.compile(r"\w+")
# Elements a browser shows on a line of their own, and those set off by a blank line.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
        "caption",
        "summary",
    ]
)
_PARAGRAPHS = frozenset(
    ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "pre"]
)
_HIDDEN = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "svg",
        "iframe",
        "button",
        "select",
        "option",
        "input",
        "textarea",
    ]
)
AREA_RECALL = 0.9  # the article area holds this share of the true body's shingles
AREA_LEVELS_UP = 4  # at most this many levels above it to take in the page's h1


def visible_text(element) -> str:
    """An element's text as a browser shows it and a scraper copies it: a line per block,
    a blank line around paragraphs, headings and lists."""
    parts: list[str] = []

    def walk(node) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else None
        if tag is not None and tag not in _HIDDEN:
            opening = (
                "\n\n" if tag in _PARAGRAPHS else "\n" if tag in _BLOCKS or tag == "br" else ""
            )
            parts.append(opening)
            parts.append(node.text or "")
            for child in node:
                walk(child)
            parts.append("\n\n" if tag in _PARAGRAPHS else "\n" if tag in _BLOCKS else "")
        if node is not element:
            parts.append(node.tail or "")

    walk(element)
    text = re.sub(r"[ \t\u00a0]+", " ", "".join(parts))
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def article_area(html: str, truth: str) -> str:
    """The page's article area as plain text (see the module's docstring)."""
    import lxml.html

    from communique.evaluation.extraction import shingles

    parser = lxml.html.HTMLParser(encoding="utf-8")
    root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    body = root.find("body")
    body = root if body is None else body
    gold = shingles(truth)
    total = sum(gold.values()) or 1

    def recall(node) -> float:
        found = shingles(" ".join(node.itertext()))
        return sum(min(count, found.get(key, 0)) for key, count in gold.items()) / total

    area = body
    while True:
        children = [c for c in area if isinstance(c.tag, str) and c.tag.lower() not in _HIDDEN]
        holding = next((c for c in children if recall(c) >= AREA_RECALL), None)
        if holding is None:
            break
        area = holding
    title = next(body.iter("h1"), None)
    node = area
    for _ in range(AREA_LEVELS_UP):
        if title is None or any(h is title for h in node.iter("h1")):
            break
        parent = node.getparent()
        if parent is None or parent is root:
            break
        node = parent
    if title is not None and not any(h is title for h in node.iter("h1")):
        node = area
    return visible_text(node)


def _is_article_line(line: str, truth_shingles, truth_tokens: str) -> bool:
    """A line of the true body: half its 4-token shingles in it (shorter lines: all tokens,
    in a row)."""
    from communique.evaluation.extraction import shingles

    tokens = _TOKEN.findall(line)
    if not tokens:
        return False
    if len(tokens) >= 4:
        found = shingles(line)
        hits = sum(min(count, truth_shingles.get(key, 0)) for key, count in found.items())
        return hits * 2 >= sum(found.values())
    return f" {' '.join(tokens)} " in truth_tokens


def score_pages(data: Path, limit: int | None = None) -> dict:
    """Furniture out of the body, body lines kept and body F1 on the benchmark's article areas,
    for the pages in even places (tuning) and odd places (held out) of the id order."""
    from communique.evaluation.extraction import (
        load_pages,
        main_text,
        score_page,
        shingles,
        summarise,
    )

    halves: dict[str, dict] = {}
    pages = load_pages(data, limit)
    for half, selected in (("tuning", pages[0::2]), ("held_out", pages[1::2])):
        counts, scores = Counts(), []
        for page in selected:
            content = article_area(page.html, page.truth)
            truth_shingles = shingles(page.truth)
            truth_tokens = f" {' '.join(_TOKEN.findall(page.truth))} "
            lines = reader.split_lines(content)
            reader.assign_roles(lines)
            for line in lines:
                role = line.role or reader.BODY
                if _is_article_line(line.text, truth_shingles, truth_tokens):
                    counts.body += 1
                    counts.body_kept += role in IN_BODY or role == reader.DATELINE
                else:
                    counts.furniture += 1
                    counts.furniture_out += role not in IN_BODY
            counts.texts += 1
            article = reader.read_text(content, url=page.url)
            scores.append(score_page(page.truth, main_text(article)))
        figures = {
            key: counts.figures()[key]
            for key in ("texts", "furniture_lines", "furniture_out_of_body", "body_lines")
        }
        figures["body_lines_kept"] = counts.figures()["body_lines_kept"]
        figures.update({f"body_{k}": rounded(v, 4) for k, v in summarise(scores).items()})
        halves[half] = figures
    return halves


def evaluate(data: Path, limit: int | None = None, model: str | None = None) -> dict:
    """Figures of the plain-text reader on annotated scraped texts or on the extraction
    benchmark's article areas, by half (see the module's docstring)."""
    if (data / "extraction").is_dir() and not (data / "ground-truth.json").exists():
        data = data / "extraction"
    if (data / "ground-truth.json").exists():
        return {"data": "extraction benchmark, article areas as text", **score_pages(data, limit)}
    texts = load_texts(data)[:limit]
    if not texts:
        raise InputError(f"{data}: no annotated texts (*.txt) and no ground-truth.json")
    halves = score_texts(texts)
    return {"data": "annotated scraped texts", **{k: c.figures() for k, c in halves.items()}}
