"""HTML reader (first cut: trafilatura text only)."""

from __future__ import annotations

import trafilatura

from communique.article.text import read_text
from communique.model import Article


def read_html(content: str, *, url=None, source=None, date=None) -> Article:
    text = trafilatura.extract(content) or ""
    return read_text(text, url=url, source=source, date=date)
