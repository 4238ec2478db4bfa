"""The HTML reader: main text with trafilatura, page metadata, captions kept out of the body.

trafilatura finds the main text and gives it as a tree of paragraphs, headings, lists,
quotations and tables (``bare_extraction``). On top of it this module:

- takes the headline (the page's ``h1``, or the heading that repeats the page title) and
  the subheadline (a heading, or a paragraph without final punctuation, right under it)
  out of the body, and a byline ("By ...", or a line naming the page's author);
- drops captions and photo credits (:mod:`.captions`), and page furniture by wording
  (:mod:`.wording`, the vocabulary the plain-text reader uses too):
  "Read more: ...", newsletters, share lines, copyright footers, lists of other stories
  (after a "Related" heading, joined by "•" or "|" on one line, or two or more headlines in
  a row that are each the whole text of a link);
- groups the paragraphs under their section headings;
- splits a dateline off the first paragraph and resolves the article's date.

Malformed markup is read as far as lxml and trafilatura can; a page without main text is
its headline, and one without a headline either gives an article with an empty ``text`` (the
pipeline turns that into a clear error). A page that only lists headlines is that list.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import lxml.html
import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.settings import MANUALLY_CLEANED, Document
from trafilatura.utils import repair_faulty_html

from communique.article import wording
from communique.article.captions import find_captions, is_credit_line
from communique.article.compose import analysed_text
from communique.article.dateline import ParsedDateline, parse_dateline
from communique.article.dates import date_article
from communique.article.metadata import PageMetadata, read_metadata
from communique.model import Article, Caption, Section

LOGGER = logging.getLogger(__name__)

# trafilatura's settings, chosen by measurement on the extraction benchmark (``communique
# eval extraction``): the fast cascade (no readability/jusText comparison) in recall mode and
# without comments was both the most accurate and the quickest with the furniture rules here
# (precision mode prunes real paragraphs; the full cascade is slower and no better).
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "fast": True,
    "favor_recall": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_formatting": False,
    "include_links": False,
    "deduplicate": False,
}

_BYLINE = re.compile(r"^(?:by|von|par|por)\s+[A-ZÀ-Þ]", re.I)
_WORDS = re.compile(r"\w+")
# After a heading that opens furniture, lines this short (or without a sentence end) are
# taken for the list it introduces (headlines of other stories).
_SHORT_LINE_WORDS = 25
MAX_FURNITURE_CHARS = 600
MAX_WIRE_FURNITURE_CHARS = 80
# A standfirst paragraph: as long as a long headline, never a story's paragraph.
MIN_LEAD_WORDS = 5
MAX_LEAD_WORDS = 40
# Class names that mark a standfirst (subheadline) paragraph; a hint beside the layout rules.
_STANDFIRST_CLASS = re.compile(
    r"(?:^|[\s_-])(?:standfirst|excerpt|sub-?title|sub-?head(?:line)?|lead|dek|deck|summary"
    r"|strapline|teaser)(?:$|[\s_-])",
    re.I,
)
_CLASSED_PARAGRAPHS = etree.XPath("//p[@class]")
_LINKS_OF_WORDS = etree.XPath("//a[contains(normalize-space(.), ' ')]")
# A sentence's end followed by the start of another sentence.
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)]*\s+[\"'“‘(]*[A-ZÀ-Þ0-9]")


@dataclass
class Block:
    """One element of the main text: ``kind`` is p, head, list, quote, table or code."""

    kind: str
    text: str
    level: str | None = None  # the heading's HTML level ("h1", "h2", ...) when trafilatura kept it


@dataclass
class Layout:
    """The main text sorted into its parts."""

    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    sections: list[Section] | None = None


def read_html(
    content: str,
    *,
    url: str | None = None,
    source: str | None = None,
    date: str | None = None,
) -> Article:
    """Read one article from an HTML page: headline, byline, date, captions, sections, body."""
    tree = _parse(content)
    if tree is None:
        date_value, date_source, _ = date_article(date, None, None, "")
        return Article(url=url, source=source, date=date_value, date_source=date_source)
    meta = read_metadata(tree, url)
    captions = find_captions(tree)
    standfirsts = standfirst_keys(tree)
    drop_inert_elements(tree)
    blocks = extract_blocks(tree, url)
    layout = lay_out(blocks, meta, captions, standfirsts, functools.cache(lambda: link_keys(tree)))
    sections = layout.sections or []
    parsed = _split_dateline(sections)
    body = "\n\n".join(p for section in sections for p in section.paragraphs)
    year_text = "\n\n".join(p for p in (layout.headline, layout.subheadline, body) if p)
    date_value, date_source, dateline = date_article(date, meta.date, parsed, year_text)
    return Article(
        url=url,
        source=source or meta.site_name or (dateline.agency if dateline else None),
        headline=layout.headline,
        subheadline=layout.subheadline,
        byline=meta.author or layout.byline,
        dateline=dateline,
        date=date_value,
        date_source=date_source,
        captions=captions,
        sections=sections,
        body=body,
        text=analysed_text(layout.headline, layout.subheadline, dateline, body),
    )


# trafilatura's parser settings plus huge_tree: without it libxml2 silently drops everything
# nested deeper than 255 elements.
HTML_PARSER = lxml.html.HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    huge_tree=True,
)
# Every element is a plain ``HtmlElement``: lxml.html's own lookup (form and input classes)
# runs a Python callback for each element touched, a large share of trafilatura's time.
HTML_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


FRAGMENT = re.compile(r"\s*<[a-zA-Z]")
# The characters XML forbids (trafilatura's INVALID_XML_CHARS), tested one by one with ``in``.
_INVALID_XML_CHARS = (
    *map(chr, (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))),
    "\ufffe",
    "\uffff",
)
# How far after the first line trafilatura's repair looks for a faulty <html> tag.
_REPAIRED_PREFIX = 4096
# The containers trafilatura deletes with everything in them (its MANUALLY_CLEANED list), and
# the big ones of them :func:`drop_inert_elements` takes out before trafilatura sees the tree.
_CLEANED_TAGS = frozenset(MANUALLY_CLEANED)
_DROPPED_CONTAINERS = ("aside", "footer", "nav", "svg")
_READ_INSIDE = etree.XPath("boolean(.//h1 | .//script[@type='application/ld+json'])")


def _parse(content: str) -> HtmlElement | None:
    """The page as a tree; a bare fragment ("<p>...</p>") is read as a page's body."""
    if not content or not content.strip():
        return None
    try:
        tree = _parse_markup(repair_markup(content))
    except Exception as exc:  # noqa: BLE001 - any markup, however broken, must not crash
        LOGGER.debug("unparsable HTML: %s", exc)
        return None
    if (tree is None or tree.tag != "html") and FRAGMENT.match(content):
        return _parse_markup(f"<html><body>{content}</body></html>")
    return tree


def repair_markup(content: str) -> str:
    """The page as trafilatura's ``repair_faulty_html`` leaves it, in a fraction of its time.

    That function strips the characters XML forbids with a regular expression over the whole
    page (the slow part), then mends the doctype on the first line and a self-closing
    ``<html/>`` within the first 4096 characters after it. A page without such characters
    (nearly all) only needs its beginning repaired: trafilatura's function runs on the first
    line plus 4096 characters up to a line end, the rest follows unchanged.
    """
    beginning = content[:50].lower()
    if any(char in content for char in _INVALID_XML_CHARS):
        return repair_faulty_html(content, beginning)
    cut = content.find("\n", content.find("\n") + 1 + _REPAIRED_PREFIX) + 1 or len(content)
    head = content[:cut]
    repaired = repair_faulty_html(head, beginning)
    return content if repaired == head else repaired + content[cut:]


def _parse_markup(markup: str) -> HtmlElement | None:
    # UTF-8 bytes parse faster than a str and need no retry for an encoding declaration (the
    # parser's encoding decides); a str with lone surrogates cannot be encoded and is read as is.
    try:
        data: str | bytes = markup.encode("utf-8")
    except UnicodeEncodeError:
        data = markup
    try:
        return lxml.html.fromstring(data, parser=HTML_PARSER)
    except ValueError:  # that str has an encoding declaration: lxml wants bytes
        return lxml.html.fromstring(markup.encode("utf-8", "surrogatepass"), parser=HTML_PARSER)
    except etree.ParserError:
        return None


def drop_inert_elements(tree: HtmlElement) -> None:
    """Delete, once metadata and captions are read, what trafilatura deletes unread.

    trafilatura copies and searches the whole tree several times per page; a smaller tree
    makes that much cheaper. Deleted: scripts, styles, SVG drawings, the head's tags, asides,
    footers and navigation. Kept: JSON-LD scripts and the containers holding one or an
    ``h1`` (trafilatura reads those first), and everything on a page without a paragraph
    outside the elements trafilatura deletes (it restores them then). The text after a deleted
    element stays. Only trafilatura's last resort for a page without main text, which takes
    all the page's text, would read something else: no navigation links.
    """
    if not _keeps_a_paragraph(tree):
        return
    inert = [
        element
        for element in tree.iter("script", "style")
        if element.get("type") != "application/ld+json"
    ]
    head = tree.find("head")
    if head is not None:
        inert.extend(child for child in head if child.tag not in ("script", "style"))
    inert.extend(
        element for element in tree.iter(*_DROPPED_CONTAINERS) if not _READ_INSIDE(element)
    )
    for element in inert:
        if element.getparent() is not None:
            element.drop_tree()


def _keeps_a_paragraph(tree: HtmlElement) -> bool:
    """A paragraph outside every element trafilatura deletes (without one, it undoes them)."""
    return any(
        not any(ancestor.tag in _CLEANED_TAGS for ancestor in paragraph.iterancestors())
        for paragraph in tree.iter("p")
    )


def extract_blocks(tree: HtmlElement, url: str | None = None) -> list[Block]:
    """The main text of a parsed page as blocks, in order (empty when none is found)."""
    try:
        document = trafilatura.bare_extraction(tree, url=url, **TRAFILATURA_OPTIONS)
    except Exception as exc:  # noqa: BLE001
        LOGGER.debug("trafilatura failed: %s", exc)
        return []
    if not isinstance(document, Document) or document.body is None:
        return []
    blocks: list[Block] = []
    _add_loose_text(blocks, document.body.text)
    for element in document.body:
        if isinstance(element.tag, str):
            text = wording.strip_link_labels(element_text(element))
            if text:
                blocks.append(Block(element.tag, text, element.get("rend")))
        _add_loose_text(blocks, element.tail)
    return blocks


def _add_loose_text(blocks: list[Block], text: str | None) -> None:
    """Text between trafilatura's elements (it leaves some paragraphs as bare tails)."""
    if text and text.strip():
        blocks.append(Block("p", " ".join(text.split())))


def element_text(element: etree._Element) -> str:
    """The text of a trafilatura element: list items and table rows on their own lines."""
    parts: list[str] = []
    _collect_text(element, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _collect_text(element: etree._Element, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("lb", "item", "row", "head", "p", "list", "quote"):
            parts.append("\n")
        elif tag == "cell":
            parts.append(" ")
        if tag:
            _collect_text(child, parts)
        if tag in ("item", "row", "head", "p"):
            parts.append("\n")
        if child.tail:
            parts.append(child.tail)


def lay_out(
    blocks: list[Block],
    meta: PageMetadata,
    captions: list[Caption],
    standfirsts: frozenset[str] = frozenset(),
    links: Callable[[], frozenset[str]] | None = None,
) -> Layout:
    """Sort the blocks into headline, subheadline, byline and body sections (``standfirsts``:
    the keys of paragraphs the markup calls a standfirst, see :func:`standfirst_keys`;
    ``links``: the keys of the page's link texts, see :func:`link_keys`, asked for only when
    headlines in a row may be links to other stories)."""
    layout = Layout()
    title_key = _key(meta.title)
    position = _take_headlines(blocks, title_key, layout)
    if layout.headline is None:
        layout.headline = meta.title
    listed: list[Block] = []  # the headline lists taken out
    kept = _drop_furniture(
        blocks[position:], title_key, _caption_keys(captions), _key(meta.author), layout, listed
    )
    if links is not None:
        kept = _drop_linked_headlines(kept, links, listed)
    if listed and not any(block.kind != "head" for block in kept):
        kept = _headline_paragraphs(listed)  # a page that only lists headlines
    if layout.headline and layout.subheadline is None:
        kept = _take_lead(kept, layout, at_top=position > 0, standfirsts=standfirsts)
    layout.sections = _sections(kept)
    return layout


def standfirst_keys(tree: HtmlElement) -> frozenset[str]:
    """The keys (:func:`_key`) of short paragraphs whose class calls them a standfirst."""
    keys = set()
    for element in _CLASSED_PARAGRAPHS(tree):
        if _STANDFIRST_CLASS.search(element.get("class") or ""):
            text = " ".join("".join(element.itertext()).split())
            if len(text.split()) <= MAX_LEAD_WORDS:
                keys.add(_key(text))
    keys.discard("")
    return frozenset(keys)


def _take_lead(
    blocks: list[Block], layout: Layout, at_top: bool, standfirsts: frozenset[str]
) -> list[Block]:
    """A standfirst written as a paragraph, the first one under the headline, short, without a
    dateline, and followed by another paragraph: one the markup calls a standfirst, one
    sentence with the dateline's paragraph after it, or (right under the headline's heading)
    a title-like line without final punctuation before the story's first paragraph."""
    if len(blocks) < 2 or blocks[0].kind != "p" or blocks[1].kind != "p":
        return blocks
    lead, following = blocks[0].text, blocks[1].text
    if "\n" in lead or not MIN_LEAD_WORDS <= len(lead.split()) <= MAX_LEAD_WORDS:
        return blocks
    if parse_dateline(lead) is not None:
        return blocks
    marked = _key(lead) in standfirsts and _one_sentence(lead)
    before_dateline = _one_sentence(lead) and parse_dateline(following) is not None
    title_like = at_top and not _ends_sentence(lead) and _is_sentence_paragraph(following)
    if not (marked or before_dateline or title_like):
        return blocks
    layout.subheadline = lead
    return blocks[1:]


def _one_sentence(text: str) -> bool:
    """No sentence ends before the last word ("... in May. Talks ..." is two)."""
    return _SENTENCE_BREAK.search(text.rstrip()) is None


def _ends_sentence(text: str) -> bool:
    return text.rstrip("\"'”’)]").endswith((".", "!", "?", "…", ":"))


def _take_headlines(blocks: list[Block], title_key: str, layout: Layout) -> int:
    """Take the leading headings: kicker, headline, subheadline. Returns where the rest starts."""
    position = 0
    while position < len(blocks) and blocks[position].kind == "head":
        block = blocks[position]
        words = len(block.text.split())
        if layout.headline is None and (
            block.level == "h1"
            or (_same_title(_key(block.text), title_key) if title_key else words >= 3)
        ):
            layout.headline = block.text
        elif layout.headline is not None and layout.subheadline is None and words >= 5:
            layout.subheadline = block.text
        elif layout.headline is None and words <= 3:
            pass  # a kicker or a section label above the headline
        else:
            break
        position += 1
    return position


def _drop_furniture(
    blocks: list[Block],
    title_key: str,
    caption_keys: set[str],
    author_key: str,
    layout: Layout,
    listed: list[Block],
) -> list[Block]:
    """The blocks that are the article: without furniture, captions, credits, bylines and
    repeats of the title. Lists of headlines joined by "•" or "|" go to ``listed``."""
    kept: list[Block] = []
    in_furniture = False
    for block in blocks:
        block = _without_title_line(block, title_key)
        key = _key(block.text)
        if in_furniture:
            if block.kind != "head" and _ends_furniture(block.text):
                in_furniture = False
            else:
                continue
        if wording.opens_furniture(block.text):
            in_furniture = True
            continue
        if not key or key in caption_keys or _repeats_title(block, key, title_key):
            continue
        if _is_furniture_block(block.text):
            continue
        if _lists_headlines(block.text):
            listed.append(block)
            continue
        if _is_byline(block.text, key, author_key, kept):
            layout.byline = layout.byline or _byline_name(block.text)
            continue
        kept.append(block)
    return kept


def _without_title_line(block: Block, title_key: str) -> Block:
    """A paragraph whose first line repeats the page title, without that line (a page too
    small for trafilatura gives its whole text as one paragraph, the title first)."""
    first, newline, rest = block.text.partition("\n")
    if not newline or not title_key or _key(first) != title_key or not rest.strip():
        return block
    return Block(block.kind, rest.strip(), block.level)


def _ends_furniture(text: str) -> bool:
    """A paragraph of running text after a block of furniture: the article again. A list
    whose lines are short titles (the headlines after "Related") is not one, however long."""
    return any(_is_sentence_paragraph(line) for line in text.split("\n"))


def _lists_headlines(text: str) -> bool:
    """Every line lists other stories' headlines, joined by "•" or "|"."""
    return all(wording.listed_headlines(line) is not None for line in text.split("\n"))


def link_keys(tree: HtmlElement) -> frozenset[str]:
    """The keys (:func:`_key`) of the page's link texts of several words."""
    keys = {_key("".join(a.itertext())) for a in _LINKS_OF_WORDS(tree)}
    keys.discard("")
    return frozenset(keys)


def _drop_linked_headlines(
    blocks: list[Block], links: Callable[[], frozenset[str]], listed: list[Block]
) -> list[Block]:
    """Without runs of other stories' headlines (added to ``listed``): two or more lines in a
    row (in one list or in paragraphs one after another), or any after the last paragraph,
    each headline-shaped and the whole text of a link."""
    shaped = [_headline_lines(block) for block in blocks]
    if sum(shaped) < 2 and not (shaped and shaped[-1]):
        return blocks
    keys = links()
    linked = [
        count > 0 and all(_key(line) in keys for line in block.text.split("\n"))
        for block, count in zip(blocks, shaped, strict=True)
    ]
    dropped: set[int] = set()
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and linked[end]:
            end += 1
        if sum(shaped[start:end]) >= (1 if end == len(blocks) else 2):
            dropped.update(range(start, end))
        start = end + 1
    listed.extend(blocks[i] for i in sorted(dropped))
    return [block for i, block in enumerate(blocks) if i not in dropped]


def _headline_paragraphs(blocks: list[Block]) -> list[Block]:
    """Each headline of the lists its own paragraph, so that none runs into the next."""
    headlines: list[str] = []
    for block in blocks:
        for line in block.text.split("\n"):
            headlines.extend(wording.listed_headlines(line) or [line])
    return [Block("p", headline) for headline in headlines]


def _headline_lines(block: Block) -> int:
    """How many lines the block has when each is a headline of four words or more, else 0."""
    if block.kind == "head":
        return 0
    lines = block.text.split("\n")
    shaped = all(wording.headline_shaped(line, wording.MIN_RUN_HEADLINE_WORDS) for line in lines)
    return len(lines) if shaped else 0


def _is_furniture_block(text: str) -> bool:
    """Furniture as a whole, or line by line ("--IANS" over a desk tag)."""
    if _is_furniture_line(text):
        return True
    lines = text.split("\n")
    return len(lines) > 1 and all(_is_furniture_line(line) for line in lines)


def _is_furniture_line(text: str) -> bool:
    if len(text) > MAX_FURNITURE_CHARS:
        return False  # furniture is short; long paragraphs are the article's
    if wording.is_furniture_paragraph(text) or is_credit_line(text):
        return True
    # Furniture lines as the plain-text reader judges them: sign-offs, desk tags, "(END)".
    return len(text) <= MAX_WIRE_FURNITURE_CHARS and wording.is_furniture(text)


def _sections(blocks: list[Block]) -> list[Section]:
    """Paragraphs grouped under their headings; headings after the last paragraph are dropped."""
    sections: list[Section] = []
    current = Section()
    for block in blocks:
        if block.kind == "head":
            if current.paragraphs or current.heading:
                sections.append(current)
            current = Section(heading=block.text)
        else:
            current.paragraphs.append(block.text)
    sections.append(current)
    while sections and not sections[-1].paragraphs:
        sections.pop()
    return sections


def _split_dateline(sections: list[Section]) -> ParsedDateline | None:
    """Take a dateline off the first paragraph and return it."""
    if not sections or not sections[0].paragraphs:
        return None
    parsed = parse_dateline(sections[0].paragraphs[0])
    if parsed is None or not parsed.rest:
        return None
    sections[0].paragraphs[0] = parsed.rest
    return parsed


def _is_sentence_paragraph(text: str) -> bool:
    words = len(text.split())
    return words >= _SHORT_LINE_WORDS or (
        words >= 8 and text.rstrip("\"'”’)").endswith((".", "!", "?"))
    )


def _is_byline(text: str, key: str, author_key: str, kept: list[Block]) -> bool:
    """A "By Name" line, or one naming the page's author, near the start of the main text."""
    if len(kept) > 2 or len(text.split()) > 10:
        return False
    return bool(_BYLINE.match(text)) or bool(author_key and key.startswith(author_key))


def _byline_name(text: str) -> str:
    name = re.sub(r"^(?:by|von|par|por)\s+", "", text.strip(), flags=re.I)
    return name.split(" | ")[0].strip()


def _caption_keys(captions: list[Caption]) -> set[str]:
    keys = set()
    for caption in captions:
        keys.add(_key(caption.text))
        if caption.credit:
            keys.add(_key(caption.credit))
            keys.add(_key(f"{caption.text} {caption.credit}"))
    keys.discard("")
    return keys


def _key(text: str | None) -> str:
    """Text reduced to its lower-case words, for comparing titles and captions."""
    return " ".join(_WORDS.findall(text.casefold())) if text else ""


def _repeats_title(block: Block, key: str, title_key: str) -> bool:
    """The page title repeated in the text: as a heading, or word for word."""
    if not title_key:
        return False
    return key == title_key or (block.kind == "head" and _same_title(key, title_key))


def _same_title(candidate: str, title: str) -> bool:
    if not candidate:
        return False
    return candidate == title or (
        len(candidate) >= 12 and (candidate in title or title in candidate)
    )
