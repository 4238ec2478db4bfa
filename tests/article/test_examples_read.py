"""The article reader on every bundled example: the date the README gives, and a dateline.

Each example (``examples/<slug>.txt`` and, for 14 of them, ``examples/<slug>.html``) is read
without ``--date``; the article's date must be the one in the README's table for its slug,
and the dateline's place must be found (a wire dateline opens every example's first body
paragraph, see ``tests/test_examples.py``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from communique.article import read

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FILES = sorted(EXAMPLES.glob("*.txt")) + sorted(EXAMPLES.glob("*.html"))
# | `slug` | 2019-01-29 | event | ... |
_ROW = re.compile(r"^\|\s*`(?P<slug>[\w-]+)`\s*\|\s*(?P<date>\d{4}-\d\d-\d\d)\s*\|", re.M)
# Words that open a time stamp, never a dateline's place.
_STAMP_WORDS = {"published", "updated", "posted", "source", "by"}


def _readme_dates() -> dict[str, str]:
    return {m["slug"]: m["date"] for m in _ROW.finditer((EXAMPLES / "README.md").read_text())}


def test_every_example_has_a_readme_date():
    dates = _readme_dates()
    assert len(FILES) >= 20
    assert sorted({path.stem for path in FILES} - set(dates)) == []


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_example_date_and_dateline(path):
    article = read(path.read_text(encoding="utf-8"), html=path.suffix == ".html")
    assert article.date == _readme_dates()[path.stem]
    assert article.dateline is not None
    assert article.dateline.place
    assert article.dateline.place.casefold() not in _STAMP_WORDS
    # the dateline is taken off the body, and the body does not start with a subheadline
    assert not article.body.startswith(article.dateline.text)
    if article.subheadline:
        assert not article.body.startswith(article.subheadline)
