"""Body-extraction evaluation on the article-extraction benchmark (``communique eval extraction``).

The data folder holds ``html/<id>.html.gz`` pages and ``ground-truth.json`` (id ->
``{"articleBody", "url"}``). The score is the benchmark's own: ``\\w+`` tokens, 4-token
shingles counted per page, per-page precision and recall, and F1 as the harmonic mean of
the mean precision and the mean recall over pages.

Speed counts only the reading of the article from an already decoded HTML string, as CPU
time of this single process (one core): gunzip, file I/O and scoring are outside the timed
part.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from communique.article.html import read_html
from communique.errors import InputError
from communique.evaluation.metrics import f1, rounded
from communique.model import Article

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


def summarise(scores: Iterable[PageScore]) -> dict[str, float | None]:
    """Mean precision, mean recall and their harmonic mean (the benchmark's F1)."""
    scores = list(scores)
    if not scores:
        return {"f1": 0.0, "precision": 0.0, "recall": 0.0}
    precision = sum(s.precision for s in scores) / len(scores)
    recall = sum(s.recall for s in scores) / len(scores)
    return {"f1": f1(precision, recall), "precision": precision, "recall": recall}


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


def main_text(article: Article) -> str:
    """The article's main text as the page shows it: the dateline in front of the first
    paragraph, each section's heading before its paragraphs. communique keeps the dateline and
    the headings in their own fields (``article.body`` is paragraphs only); the benchmark's
    bodies keep them in the text."""
    parts: list[str] = []
    dateline = article.dateline.text if article.dateline and article.dateline.text else None
    for section in article.sections:
        if section.heading:
            parts.append(section.heading)
        for paragraph in section.paragraphs:
            if dateline:
                paragraph, dateline = f"{dateline} {paragraph}", None
            parts.append(paragraph)
    return "\n\n".join(parts)


def trafilatura_body(html: str, url: str | None) -> str:
    """trafilatura alone, in precision mode without comments: the reference figure."""
    return trafilatura.extract(html, url=url, favor_precision=True, include_comments=False) or ""


def _timed(function, *args, **kwargs):
    """The result and the CPU time of this process spent computing it (on a shared machine,
    wall-clock time would count the other processes' turns too)."""
    start = time.process_time()
    result = function(*args, **kwargs)
    return result, time.process_time() - start


def evaluate(data: Path, limit: int | None = None, model: str | None = None) -> dict:
    """Body F1, precision, recall and pages/s of communique, with trafilatura alone beside it.

    ``f1``/``precision``/``recall`` score communique's main text (:func:`main_text`);
    ``by_extractor`` adds ``article.body`` alone and trafilatura alone on the same pages.
    pages/s counts the CPU time of reading each page (a decoded string in, an article out),
    after one untimed warm-up read of the first page by each extractor. No text is parsed, so
    ``model`` is not used.
    """
    if (data / "extraction").is_dir() and not (data / "ground-truth.json").exists():
        data = data / "extraction"
    pages = load_pages(data, limit)
    scores: dict[str, list[PageScore]] = {
        "communique": [],
        "communique_body": [],
        "trafilatura": [],
    }
    seconds = {"communique": 0.0, "trafilatura": 0.0}
    if pages:  # warm both up (imports, compiled patterns, caches) before timing
        read_html(pages[0].html, url=pages[0].url)
        trafilatura_body(pages[0].html, pages[0].url)
    for page in pages:
        article, elapsed = _timed(read_html, page.html, url=page.url)
        seconds["communique"] += elapsed
        scores["communique"].append(score_page(page.truth, main_text(article)))
        scores["communique_body"].append(score_page(page.truth, article.body))
        baseline, elapsed = _timed(trafilatura_body, page.html, page.url)
        seconds["trafilatura"] += elapsed
        scores["trafilatura"].append(score_page(page.truth, baseline))
    seconds["communique_body"] = seconds["communique"]
    table = {}
    for name, page_scores in scores.items():
        figures = {key: rounded(value, 4) for key, value in summarise(page_scores).items()}
        figures["pages_per_s"] = round(len(pages) / seconds[name], 1) if seconds[name] else 0.0
        table[name] = figures
    ours = table["communique"]
    return {
        "pages": len(pages),
        "f1": ours["f1"],
        "precision": ours["precision"],
        "recall": ours["recall"],
        "pages_per_s": ours["pages_per_s"],
        "timing": "CPU time of reading only (decoded HTML string in, article out), one "
        "process on one core; gunzip, file I/O and scoring excluded",
        "by_extractor": table,
    }
