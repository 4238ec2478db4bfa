"""The article reader: from HTML or scraped plain text to the report's ``article``.

Stages: :mod:`.html` (trafilatura and page metadata) or :mod:`.text` (line roles from
layout and wording), then :mod:`.dateline` and :mod:`.dates` for the article's date.
"""

from __future__ import annotations

from communique.article.html import read_html
from communique.article.text import read_text
from communique.model import Article


# Keyword arguments alike in shape to pipeline.analyze's: the pipeline passes them on by name.
def read(
    content: str,
    *,
    html: bool = False,
    url: str | None = None,
    source: str | None = None,
    date: str | None = None,
) -> Article:
    """Read one article from HTML (``html=True``) or plain text (also what is given as HTML
    but has no markup at all)."""
    reader = read_html if html and "<" in content else read_text
    return reader(content, url=url, source=source, date=date)


__all__ = ["read", "read_html", "read_text"]
