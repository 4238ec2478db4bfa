"""Body-extraction evaluation on the article-extraction benchmark (``communique eval extraction``).

The data folder holds ``html/<id>.html.gz`` pages and ``ground-truth.json`` (id ->
``{"articleBody", "url"}``). The score is the benchmark's own: ``\\w+`` tokens, 4-token
shingles counted per page, per-page precision and recall, and F1 as the harmonic mean of
the mean precision and the mean recall over pages.

Speed counts only the reading of the article from an already decoded HTML string, in this
process on one core: gunzip, file I/O and scoring are outside the timed part.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from communique.article.html import read_html
from communique.errors import InputError

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Counts of the ``size``-token shingles of ``text`` (a shorter text is one shingle)."""
    tokens = _TOKEN.findall(text)
    count = max(1, len(tokens) - size + 1)
    return Counter(tuple(tokens[i : i + size]) for i in range(count) if tokens[i : i + size])


@dataclass(frozen=True)
class PageScore:
    """Shingle counts of one page: true positives, false positives, false negatives."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp else 0.0


def score_page(truth: str, prediction: str) -> PageScore:
    """Compare the predicted body of one page with the true one, shingle by shingle."""
    true_counts, pred_counts = shingles(truth), shingles(prediction)
    tp = fp = fn = 0
    for key in true_counts.keys() | pred_counts.keys():
        t, p = true_counts.get(key, 0), pred_counts.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    return PageScore(tp, fp, fn)


def summarise(scores: Iterable[PageScore]) -> dict[str, float]:
    """Mean precision, mean recall and their harmonic mean (the benchmark's F1)."""
    scores = list(scores)
    if not scores:
        return {"f1": 0.0, "precision": 0.0, "recall": 0.0}
    precision = sum(s.precision for s in scores) / len(scores)
    recall = sum(s.recall for s in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


@dataclass(frozen=True)
class Page:
    id: str
    url: str | None
    html: str
    truth: str


def load_pages(data: Path, limit: int | None = None) -> list[Page]:
    """The benchmark's pages in id order, decoded (gzip and UTF-8 with replacement)."""
    truth_file = data / "ground-truth.json"
    if not truth_file.is_file():
        raise InputError(f"{data}: no ground-truth.json (expected the extraction benchmark)")
    gold = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(gold)[:limit]:
        path = data / "html" / f"{page_id}.html.gz"
        if not path.is_file():
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        record = gold[page_id]
        pages.append(Page(page_id, record.get("url"), html, record.get("articleBody") or ""))
    return pages


def communique_body(page: Page) -> str:
    """The article body communique reads from a page: ``article.body``, with the dateline
    it split off the first paragraph put back in front (the benchmark's bodies keep it)."""
    article = read_html(page.html, url=page.url)
    if article.dateline is not None and article.dateline.text:
        return f"{article.dateline.text} {article.body}"
    return article.body


def trafilatura_body(page: Page) -> str:
    """trafilatura alone, in precision mode without comments: the reference figure."""
    return (
        trafilatura.extract(page.html, url=page.url, favor_precision=True, include_comments=False)
        or ""
    )


EXTRACTORS: dict[str, Callable[[Page], str]] = {
    "communique": communique_body,
    "trafilatura": trafilatura_body,
}


def run(extractor: Callable[[Page], str], pages: list[Page]) -> dict[str, float]:
    """Score one extractor over the pages; pages/s times the extraction calls only."""
    scores, elapsed = [], 0.0
    for page in pages:
        start = time.perf_counter()
        prediction = extractor(page)
        elapsed += time.perf_counter() - start
        scores.append(score_page(page.truth, prediction))
    figures = summarise(scores)
    figures["pages_per_s"] = len(pages) / elapsed if elapsed else 0.0
    return figures


def evaluate(data: Path, limit: int | None = None) -> dict:
    """Body F1, precision, recall and pages/s of communique, with trafilatura alone beside it."""
    if (data / "extraction").is_dir() and not (data / "ground-truth.json").exists():
        data = data / "extraction"
    pages = load_pages(data, limit)
    results = {name: run(extractor, pages) for name, extractor in EXTRACTORS.items()}
    ours = results["communique"]
    return {
        "pages": len(pages),
        "f1": round(ours["f1"], 4),
        "precision": round(ours["precision"], 4),
        "recall": round(ours["recall"], 4),
        "pages_per_s": round(ours["pages_per_s"], 1),
        "timing": "article reading only, one process; gunzip, file I/O and scoring excluded",
        "by_extractor": {
            name: {key: round(value, 4 if key != "pages_per_s" else 1) for key, value in r.items()}
            for name, r in results.items()
        },
    }
