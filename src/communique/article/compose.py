"""What the NLP stages analyse, built the same way for every reader."""

from __future__ import annotations

from communique.model import Dateline


def analysed_text(
    headline: str | None, subheadline: str | None, dateline: Dateline | None, body: str
) -> str:
    """Headline, subheadline, dateline and body, one paragraph each, those there are.

    The dateline stays out of ``article.body`` but is analysed as a paragraph of its own:
    its date and place are facts the article states ("MOSCOW, January 29."). An article
    without a body is analysed too: its headline is news (GDELT codes headlines)."""
    parts = (headline, subheadline, dateline.text if dateline else None, body)
    return "\n\n".join(part for part in parts if part)
