"""Image captions and their credits, from the page's markup and from the caption's wording.

A caption is the text of a ``<figcaption>`` or of an element whose class says "caption";
its credit is a child marked as credit/copyright/source, or a trailing or leading phrase:
"(Photo: Name)", "Photo by Name", "© Name/AGENCY", "Name/Getty Images", "Credit: Name".
"""

from __future__ import annotations

import re

from lxml import etree

from communique.article.wording import is_furniture_paragraph
from communique.model import Caption

MAX_CAPTION_CHARS = 600
_CONTROL_WORDS = frozenset(
    [
        "caption",
        "captions",
        "close",
        "open",
        "hide",
        "show",
        "expand",
        "collapse",
        "toggle",
        "image",
        "photo",
        "1",
        "of",
    ]
)

# The same as "//figcaption | //*[contains(@class, 'caption') or contains(@class, 'Caption')]";
# the single test for "aption" first makes libxml2's pass over every element much cheaper.
_CAPTION_XPATH = etree.XPath(
    "//*[@class][contains(@class, 'aption')][contains(@class, 'caption') or "
    "contains(@class, 'Caption')] | //figcaption"
)
_CREDIT_CLASS = re.compile(r"credit|copyright|source|photographer|byline|attribution|author", re.I)
_CREDIT_LABEL = (
    r"(?:photo(?:graph)?s?|image|picture|pic|credit|foto|bild|source|illustration|video)"
)
# "(Photo: Name)" / "[Credit: Name]" / "(Photo by Name)" at the end.
_TRAILING_LABELLED = re.compile(
    rf"\s*[(\[]\s*(?P<credit>(?:[A-Z][\w&.]*\s+)?{_CREDIT_LABEL}\s*(?:by\b|:|/|credit\s*:)[^()\[\]]{{2,120}})[)\]]\s*$",
    re.I,
)
# "Photo: Name" / "Photo by Name" / "Credit: Name" / "© Name" at the end, after a sentence.
_TRAILING_PLAIN = re.compile(
    rf"(?:(?<=[.!?”\"])|(?<=\s[|–—-]))\s*(?P<credit>(?:©|\(c\)|{_CREDIT_LABEL}\s*(?:by\b|:))[^.]{{2,120}})$",
    re.I,
)
# "Name/AGENCY" or "Name / Getty Images" at the end.
_TRAILING_AGENCY = re.compile(
    r"(?:(?<=[.!?”\"])|(?<=\s))\s*(?P<credit>(?:[A-Z](?:\.|[\w'’-]+)\s){0,3}[A-Z][\w'’-]*\s?/\s?"
    r"(?:[A-Z][\w&.'’-]*)(?:\s[A-Z][\w&.'’-]*){0,2})$"
)
_LEADING_CREDIT = re.compile(
    rf"^\s*(?:©|\(c\)|(?:{_CREDIT_LABEL}\s+)?(?:copyright|credit)\b\s*:?|{_CREDIT_LABEL}\s*(?:by\b|:))\s*",
    re.I,
)
# Labels a gallery puts before the caption: "Image caption ...", "Image 1 of 5 ...".
_CAPTION_LABEL = re.compile(rf"^\s*{_CREDIT_LABEL}\s+(?:caption\b|\d+\s+of\s+\d+)\s*:?\s*", re.I)


def credit_text(credit: str) -> str:
    """A credit without its label: "© Name/TASS" -> "Name/TASS", "(Photo: AP)" -> "AP"."""
    credit = credit.strip().strip("()[]").strip()
    credit = _LEADING_CREDIT.sub("", credit)
    return " ".join(credit.split()).strip(" |-–—")


def split_credit(text: str) -> tuple[str, str | None]:
    """A caption's text and its credit, when the wording gives one."""
    text = " ".join(text.split())
    for pattern in (_TRAILING_LABELLED, _TRAILING_PLAIN, _TRAILING_AGENCY):
        match = pattern.search(text)
        if match is not None and match.start() > 0:
            caption = text[: match.start()].strip(" |-–—")
            if caption:
                return caption, credit_text(match["credit"])
    if _LEADING_CREDIT.match(text):
        return "", credit_text(text)
    return text, None


def is_credit_line(text: str) -> bool:
    """A short paragraph that is only a photo credit ("© Name/AGENCY", "Photo: Name")."""
    text = " ".join(text.split())
    if not text or len(text) > 200:
        return False
    if _LEADING_CREDIT.match(text) and len(text.split()) <= 12:
        return True
    if "©" in text and len(text.split()) <= 20:
        return True
    return bool(
        re.fullmatch(r"(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*\s?/\s?[A-Z][\w&.'’ -]{1,30}", text)
    )


def find_captions(tree: etree._Element) -> list[Caption]:
    """The page's image captions with their credits, in page order, without repeats."""
    captions: list[Caption] = []
    seen: set[str] = set()
    for element in _CAPTION_XPATH(tree):
        if not isinstance(element.tag, str) or _inside_caption(element):
            continue
        caption = _caption_of(element)
        if caption is None:
            continue
        key = caption.text.casefold()
        if key in seen:
            continue
        seen.add(key)
        captions.append(caption)
    return captions


def _inside_caption(element: etree._Element) -> bool:
    """A caption element nested in another one (its text is already in the outer one)."""
    for ancestor in element.iterancestors():
        if ancestor.tag == "figcaption" or "caption" in (ancestor.get("class") or "").lower():
            return True
    return False


def _caption_of(element: etree._Element) -> Caption | None:
    if element.tag in ("script", "style", "img", "meta", "link"):
        return None
    credit_parts = []
    for child in element.iterdescendants():
        if isinstance(child.tag, str) and _CREDIT_CLASS.search(child.get("class") or ""):
            credit_parts.append(" ".join("".join(child.itertext()).split()))
    full = " ".join("".join(element.itertext()).split())
    if not full or len(full) > MAX_CAPTION_CHARS:
        return None
    credit = None
    text = full
    for part in credit_parts:
        if part and part in text:
            text = text.replace(part, " ")
            credit = credit or credit_text(part)
    text = _CAPTION_LABEL.sub("", " ".join(text.split())).strip(" |-–—")
    if credit is None:
        text, credit = split_credit(text)
    if not text or _is_control_label(text) or is_furniture_paragraph(text):
        return None
    return Caption(text=text, credit=credit or None)


def _is_control_label(text: str) -> bool:
    """The labels of a caption's buttons ("Caption Close", "Hide caption")."""
    return set(text.casefold().split()) <= _CONTROL_WORDS
