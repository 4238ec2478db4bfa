"""Plain text reader (first cut: paragraphs only; line roles to come)."""

from __future__ import annotations

from communique.model import Article


def read_text(content: str, *, url=None, source=None, date=None) -> Article:
    paragraphs = [p.strip() for p in content.split("\n\n") if p.strip()]
    headline = paragraphs[0] if paragraphs else None
    body = "\n\n".join(paragraphs[1:])
    text = "\n\n".join(p for p in (headline, body) if p)
    return Article(url=url, source=source, headline=headline, body=body, text=text,
                   date=date, date_source="cli" if date else None)
