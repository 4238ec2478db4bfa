"""Page metadata: title, author, date and site name, from meta tags, JSON-LD and htmldate.

trafilatura's own readers for ``<meta>`` tags and JSON-LD, and htmldate's quick search for
the original publication date. trafilatura's full ``extract_metadata`` also looks for tags,
categories, licences and authors anywhere in the page, which costs more than the whole body
extraction; only what the report needs is read here.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.json_metadata import extract_json, extract_json_parse_error, normalize_json
from trafilatura.metadata import examine_meta, extract_sitename, extract_title
from trafilatura.settings import Document

LOGGER = logging.getLogger(__name__)

_JSON_SCRIPTS = etree.XPath(
    './/script[@type="application/ld+json" or @type="application/settings+json"]'
)
# A JSON string literal, as trafilatura's minifier finds them (an unclosed quote is no string).
_JSON_STRING = re.compile(r'("(?:\\.|[^"\\])*")')
_TITLE_SEPARATORS = re.compile(r"\s+[|–—:·•-]\s+|\s+[|]\s*|\s*[|]\s+")


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site_name: str | None = None
    description: str | None = None


def read_metadata(tree: HtmlElement, url: str | None = None) -> PageMetadata:
    """Title, author, date (YYYY-MM-DD) and site name of a parsed page; None where absent."""
    try:
        found = examine_meta(tree)
    except Exception as exc:  # noqa: BLE001 - third-party reader on arbitrary markup
        LOGGER.debug("meta tags unreadable: %s", exc)
        found = Document()
    try:
        found = read_json_ld(tree, found)
    except Exception as exc:  # noqa: BLE001
        LOGGER.debug("JSON-LD unreadable: %s", exc)
    title = _clean(found.title) or _clean(_safe(extract_title, tree))
    site_name = _clean(found.sitename) or _clean(_safe(extract_sitename, tree))
    if site_name:
        # "Outlet | Section | Section": the outlet is the first part.
        site_name = site_name.lstrip("@").split(" | ")[0].strip() or None
    author = _clean(found.author)
    if author and " " not in author and "," not in author:
        author = None  # a handle or a single word is rarely the writer's name
    return PageMetadata(
        title=strip_site_name(title, site_name) if title else None,
        author=author,
        date=_date(tree, url),
        site_name=site_name,
        description=_clean(found.description),
    )


def read_json_ld(tree: HtmlElement, found: Document) -> Document:
    """trafilatura's ``extract_meta_json`` (its own readers of the JSON-LD and settings
    scripts fill ``found``) with a quicker first step. It takes the whitespace out of the JSON
    with a regular expression whose replacement runs Python code at every space; here the
    whitespace outside the string literals is removed one stretch at a time (the same text)."""
    for script in _JSON_SCRIPTS(tree):
        if not script.text:
            continue
        text = normalize_json(minify_json(script.text))
        try:
            found = extract_json(json.loads(text, strict=False), found)
        except json.JSONDecodeError:
            found = extract_json_parse_error(text, found)
    return found


def minify_json(text: str) -> str:
    """JSON without whitespace outside its string literals (``"a b"`` keeps its space)."""
    parts = _JSON_STRING.split(text)  # even items: between the string literals
    parts[::2] = ["".join(part.split()) for part in parts[::2]]
    return "".join(parts)


def strip_site_name(title: str, site_name: str | None) -> str:
    """A page title without the outlet's name: "Talks resume | The Daily" -> "Talks resume"."""
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    site = (site_name or "").casefold().replace(" ", "")
    kept = [p for p in parts if p.casefold().replace(" ", "") != site] if site else parts
    if len(kept) == len(parts):
        # No part is the site name: drop a short last part ("... - News Nation") only when
        # the rest is clearly the headline.
        last = parts[-1].split()
        named = all(word[:1].isupper() or word[:1].isdigit() for word in last)
        if named and len(last) <= 3 and len(" ".join(parts[:-1]).split()) >= 4:
            kept = parts[:-1]
    if not kept:
        return title
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if 0 <= start < end else title


def _date(tree: HtmlElement, url: str | None) -> str | None:
    try:
        return find_date(
            tree, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d"
        )
    except Exception as exc:  # noqa: BLE001
        LOGGER.debug("date unreadable: %s", exc)
        return None


def _safe(function, tree):
    try:
        return function(tree)
    except Exception as exc:  # noqa: BLE001
        LOGGER.debug("%s failed: %s", function.__name__, exc)
        return None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(str(value).split())
    return value or None
