"""News texts of ``../shared/data`` by a stable document id, for the project's own dev sets.

The project's annotated sets (``data/news_events.jsonl``) keep only document ids, offsets and
values; the texts stay in ``../shared/data`` and are read here. A document id is
``<corpus>:<name>``:

- ``trnews:<docid>``: TR-News (``geo/TR-News.xml``); text = title, a blank line, the text;
  date = the download date;
- ``gwn:<file>``: GeoWebNews (``geo/GWN.xml``); text = title, a blank line, the text; date =
  the date in the link when it has one;
- ``timebank:<file>`` and ``aquaint:<file>``: TempEval-3 (``time/tempeval3``); text = the
  ``<TEXT>`` element without tags; date = the document creation time;
- ``polnear:<name>``: PolNeAR train and dev (``quotes/polnear``); text = the text file;
  date = the publication date of ``metadata.tsv``.

Offsets of annotations are character offsets into these texts.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

LINK_DATE = re.compile(r"/(20\d{2})[/-]?(\d{2})[/-]?(\d{2})(?:/|-|\b)")


@dataclass(frozen=True)
class NewsText:
    """One document of a shared corpus: its id, its text and its date (YYYY-MM-DD or None)."""

    id: str
    text: str
    date: str | None


def _written_date(value: str) -> str | None:
    """A download time as TR-News writes it ("Dec 17, 2016 10:00 AM CT", "2016 Oct 10",
    "11/28/2016") as YYYY-MM-DD."""
    from communique.article.dates import find_date

    value = value.strip()
    found = find_date(value)
    if found or not value:
        return found
    for pattern in ("%Y %b %d", "%m/%d/%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def _titled(title: str | None, text: str) -> str:
    title = " ".join((title or "").split())
    body = text.strip()
    return f"{title}\n\n{body}" if title else body


def _xml_articles(path: Path, corpus: str) -> dict[str, NewsText]:
    found = {}
    for number, node in enumerate(ET.parse(path).getroot().iter("article")):
        name = node.get("docid") or node.get("file") or str(number)
        date = _written_date(node.findtext("dltime") or "")
        if date is None:
            link = LINK_DATE.search(node.findtext("link") or node.findtext("url") or "")
            date = "-".join(link.groups()) if link else None
        text = _titled(node.findtext("title"), node.findtext("text") or "")
        found[f"{corpus}:{name}"] = NewsText(f"{corpus}:{name}", text, date)
    return found


def _timeml(folder: Path, corpus: str) -> dict[str, NewsText]:
    from communique.evaluation.times import read_timeml

    found = {}
    for path in sorted(folder.glob("*.tml")):
        document = read_timeml(path)
        if document is not None:
            key = f"{corpus}:{path.stem}"
            found[key] = NewsText(key, document.text, document.date)
    return found


def _polnear(folder: Path) -> dict[str, NewsText]:
    dates = {}
    with (folder / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            dates[row["filename"]] = row.get("publication_date") or None
    found = {}
    for split in ("train", "dev"):
        for path in sorted((folder / split / "text").glob("*.txt")):
            key = f"polnear:{path.stem}"
            date = dates.get(path.stem)
            found[key] = NewsText(key, path.read_text(encoding="utf-8"), date)
    return found


@functools.cache
def load(root: Path) -> dict[str, NewsText]:
    """Every document of the shared corpora below ``root`` (``../shared/data``) by id."""
    found: dict[str, NewsText] = {}
    geo, time, quotes = root / "geo", root / "time" / "tempeval3", root / "quotes" / "polnear"
    if (geo / "TR-News.xml").exists():
        found.update(_xml_articles(geo / "TR-News.xml", "trnews"))
    if (geo / "GWN.xml").exists():
        found.update(_xml_articles(geo / "GWN.xml", "gwn"))
    if time.exists():
        found.update(_timeml(time / "TimeBank", "timebank"))
        found.update(_timeml(time / "AQUAINT", "aquaint"))
    if (quotes / "metadata.tsv").exists():
        found.update(_polnear(quotes))
    return found
