"""The plain-text reader: news scraped from web pages, one role per line.

Each line gets a role from its wording (:mod:`.wording`: furniture, credits, bylines, time
stamps) and from the layout around it: what comes before the headline is navigation; the
first title-like line is the headline; what stands between it and the dateline (or the first
paragraph) is the subheadline, captions and credits; a short title-like line between body
paragraphs is a section heading; runs of title-like lines and lines of headlines joined by
"•" or "|" are lists of other stories; after a comment form, a copyright footer or "(END)"
nothing is the article any more.

A document without a paragraph of running text is what its lines say: a headline, a
sentence without a full stop, or a list of headlines, each its own paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from communique.article import wording
from communique.article.compose import analysed_text
from communique.article.dateline import ParsedDateline, is_known_place, parse_dateline
from communique.article.dates import date_article, stamp_date
from communique.model import Article, Caption, Section

NAVIGATION = "navigation"
HEADLINE = "headline"
SUBHEADLINE = "subheadline"
BYLINE = "byline"
TIMESTAMP = "timestamp"
CAPTION = "caption"
CREDIT = "credit"
DATELINE = "dateline"
HEADING = "heading"
FURNITURE = "furniture"
BODY = "body"
_CANDIDATE = "candidate"  # title-like line in the body zone, decided with its neighbours

MAX_HEADLINE_WORDS = 30
MAX_LINES_BEFORE_HEADLINE = 40
# This many loose lines between headline and dateline mean the "headline" was navigation.
MIN_LOOSE_HEADER_LINES = 3
MAX_STOPPED_TITLE_WORDS = 20
MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 90
# How many paragraphs may come before the dateline and still let it count as one.
MAX_PARAGRAPHS_BEFORE_DATELINE = 3
# Without a dateline, at most this many stray lines (section names, author names, ...) may
# stand between the headline and the first paragraph; more means the body starts sooner.
MAX_HEADER_LINES = 4
MAX_SECTION_NAME_WORDS = 3  # "World", "Middle East", "Science & Tech" above the headline
MIN_MENU_LINES = 5

# A sentence's end, possibly followed by a sign-off: "... this year. (ANI)".
_SENTENCE_END = re.compile(r"[.!?…。！？｡؟।][\"'”’»)\]」』]*(?:\s*\([^()]{1,40}\))?$")
_QUESTION_END = re.compile(r"[!?！？؟][\"'”’»)\]」』]*$")
MIN_PARAGRAPH_CHARS = 150  # a line this long is running text even without a full stop
_BULLET = re.compile(r"^(?:[-•*–·▪◦]|\d{1,2}[.)])\s+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass
class Line:
    """One line of the input and what the reader made of it."""

    text: str
    block: int  # index of the blank-line separated block the line is in
    role: str | None = None
    caption: str | None = None
    credit: str | None = None
    date: str | None = None
    list_intro: bool = False
    end_marker: bool = False
    after_dateline: str | None = None  # the paragraph's text after its dateline
    headlines: list[str] | None = None  # the headlines of a line listing other stories
    worded: bool = False  # its role comes from its wording (furniture, credit, byline, ...)
    comment: str | None = None  # heads a reader's comment: "certain", or "stamped" (see wording)
    byline: str | None = None  # the writer's name a byline or time stamp line gives


# Same signature as article.html.read_html: the two readers are interchangeable.
def read_text(
    content: str,
    *,
    url: str | None = None,
    source: str | None = None,
    date: str | None = None,
) -> Article:
    """Read scraped plain text into an :class:`Article` (``date`` is the ``--date`` given)."""
    lines = split_lines(content)
    parsed = assign_roles(lines)
    return _assemble(lines, parsed, url=url, source=source, cli_date=date)


def line_roles(content: str) -> list[tuple[str, str]]:
    """(role, line) for every non-blank line: what :func:`read_text` decided, for inspection."""
    lines = split_lines(content)
    assign_roles(lines)
    return [(line.role or BODY, line.text) for line in lines]


# --- lines and blocks -------------------------------------------------------------------


def split_lines(content: str) -> list[Line]:
    """The non-blank lines of ``content``, whitespace collapsed, each with its block number."""
    text = _INVISIBLE.sub("", content.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    blocks = [
        [wording.strip_link_labels(" ".join(line.split())) for line in block.split("\n")]
        for block in re.split(r"\n\s*\n", text)
    ]
    blocks = [[line for line in block if line] for block in blocks]
    blocks = [block for block in blocks if block]
    if _hard_wrapped(blocks):
        blocks = [[" ".join(block)] for block in blocks]
    return [Line(text, number) for number, block in enumerate(blocks) for text in block]


def _hard_wrapped(blocks: list[list[str]]) -> bool:
    """Whether paragraphs were wrapped at a fixed width: lines of similar length without a
    stop, many of them continued by a line that starts in lower case."""
    lines = [line for block in blocks for line in block]
    if not lines or max(map(len, lines)) > 100:
        return False
    pairs = [
        pair for block in blocks if len(block) >= 3 for pair in zip(block, block[1:], strict=False)
    ]
    if len(pairs) < 4:
        return False
    wrapped = sum(1 for a, _ in pairs if 45 <= len(a) <= 100 and not _SENTENCE_END.search(a))
    continued = sum(1 for _, b in pairs if b[:1].islower())
    return wrapped / len(pairs) >= 0.5 and continued / len(pairs) >= 0.25


# --- roles --------------------------------------------------------------------------------


def assign_roles(lines: list[Line]) -> ParsedDateline | None:
    """Give every line its role; return the dateline found, if any."""
    for line in lines:
        _role_by_wording(line)
    _mark_captions(lines)
    for line in lines:
        line.worded = line.role is not None
    headline = _mark_headline(lines)
    dateline_at, parsed = _find_dateline(lines, headline)
    if parsed is not None and dateline_at is not None:
        lines[dateline_at].after_dateline = parsed.rest
        headline = _closer_headline(lines, headline, dateline_at)
    body_start = _mark_header(lines, headline, dateline_at)
    if body_start is not None:
        _mark_body(lines, body_start, dateline_at)
    _mark_unlabelled_byline(lines)
    return parsed


def _role_by_wording(line: Line) -> None:
    text = line.text
    line.comment = wording.comment_header(text)
    if wording.is_end_marker(text):
        line.role, line.end_marker = FURNITURE, True
    elif wording.is_list_intro(text):
        line.role, line.list_intro = FURNITURE, True
    elif (credit := wording.credit_line(text)) is not None:
        line.role, line.credit = CREDIT, credit
    elif (caption := wording.labelled_caption(text)) is not None:
        line.role, line.caption = CAPTION, caption
    elif wording.byline(text):
        line.role, line.date = BYLINE, stamp_date(text)
    elif (stamp := wording.timestamp(text))[0]:
        line.role, line.date = TIMESTAMP, stamp[1]
    elif wording.is_furniture(text) or wording.is_furniture_phrase(text):
        line.role = FURNITURE
    elif wording.picture_description(text):
        described = wording.described_picture(text)
        line.role, line.caption, line.credit = CAPTION, described.caption, described.credit
    elif (headlines := wording.listed_headlines(text)) is not None:
        line.headlines = headlines
        if not wording.may_be_page_title(text):
            line.role = FURNITURE  # a page's title ("Headline | Site") may still be the headline


def _mark_captions(lines: list[Line]) -> None:
    """Captions: a line with a credit glued on, the line just before a credit, and the copy of a
    caption that repeats it with the credit appended (then it is one caption)."""
    for i, line in enumerate(lines):
        if line.role is not None:
            continue
        following = lines[i + 1] if i + 1 < len(lines) else None
        if following is not None and following.role is None:
            credit = wording.split_known_caption(line.text, following.text)
            if credit is not None:
                line.role, line.caption, line.credit = CAPTION, following.text, credit
                continue
        glued = wording.glued_credit(line.text)
        if glued is not None:
            line.role, line.caption, line.credit = CAPTION, glued.caption, glued.credit
    for i, line in enumerate(lines[:-1]):
        following = lines[i + 1]
        if wording.is_caption_label(line.text) and following.role is None:
            following.role, following.caption = CAPTION, following.text
    first_content = _probable_headline(lines)
    for i, line in enumerate(lines):
        if line.role != CREDIT or i == 0 or i - 1 == first_content or _repeated_credit(lines, i):
            continue
        previous = lines[i - 1]
        limit = 60 if previous.block == line.block else 30
        if previous.role is None and len(previous.text.split()) <= limit:
            previous.role, previous.caption = CAPTION, previous.text


def _probable_headline(lines: list[Line]) -> int | None:
    """The first line of content, after short ones (section names such as "World"): a
    picture credited right under it leaves it the headline, not the picture's caption."""
    for i, line in enumerate(lines):
        if line.role is None and _words(line.text) > MAX_SECTION_NAME_WORDS:
            return i
    return None


def _repeated_credit(lines: list[Line], i: int) -> bool:
    """ "Name/AGENCY" then "© Name/AGENCY": a picture without a caption, credited twice."""
    following = lines[i + 1] if i + 1 < len(lines) else None
    return (
        following is not None and following.role == CREDIT and following.credit == lines[i].credit
    )


def _words(text: str) -> int:
    return len(text.split())


def body_like(text: str) -> bool:
    """Whether a line reads as a paragraph of running text rather than a title."""
    words = _words(text)
    if words >= 25 or len(text) >= MIN_PARAGRAPH_CHARS or _table_row(text):
        return True
    if _SENTENCE_END.search(text):
        return words >= 8 or len(text) >= 40 or not _QUESTION_END.search(text)
    return text.endswith((":", "：")) and words >= 5


def _table_row(text: str) -> bool:
    return text.count("|") >= 2 and text.strip().startswith("|")


def title_like(text: str) -> bool:
    """A short line starting with a capital, without a full stop: a headline or a heading."""
    return not body_like(text) and _words(text) <= MAX_HEADLINE_WORDS and _starts_like_title(text)


def _starts_like_title(text: str) -> bool:
    """The first letter is a capital, a digit, or of a script without case (Arabic, Chinese)."""
    first = next((ch for ch in text if ch.isalnum()), "")
    return bool(first) and not first.islower()


def _mark_headline(lines: list[Line]) -> int | None:
    """The first title-like line is the headline; short lines before it are navigation."""
    content = [i for i, line in enumerate(lines) if line.role is None][:MAX_LINES_BEFORE_HEADLINE]
    for position, i in enumerate(content):
        line = lines[i]
        if wording.is_breadcrumb(line.text):
            line.role, line.worded = NAVIGATION, True
            continue
        following = lines[content[position + 1]] if position + 1 < len(content) else None
        if parse_dateline(line.text) is not None:
            return None
        if not title_like(line.text) and not _stopped_title(line, following, position):
            return None
        after = following.text if following is not None else ""
        if _words(line.text) >= 4 or body_like(after) or parse_dateline(after):
            line.role = HEADLINE
            for earlier in lines[:i]:
                if earlier.role in (None, FURNITURE):
                    earlier.role = NAVIGATION
            for later in lines[i + 1 :]:  # the headline again (page title and h1)
                if later.role is None and _same(later.text, line.text):
                    later.role = FURNITURE
            return i
        line.role = NAVIGATION
    return None


def _closer_headline(lines: list[Line], headline: int | None, dateline_at: int) -> int | None:
    """With many loose lines between the headline and the dateline, the first one was a link
    of the page's navigation: the headline is the title-like line just before the dateline's
    paragraph (at most a subheadline between them)."""
    if headline is None:
        return None
    header = [i for i in range(headline + 1, dateline_at) if lines[i].role is None]
    if len(header) < MIN_LOOSE_HEADER_LINES:
        return headline
    for position, i in enumerate(header[:-1]):
        text = lines[i].text
        if len(header) - position - 1 <= 1 and title_like(text) and _words(text) >= 4:
            for earlier in lines[:i]:
                if earlier.role in (None, HEADLINE, FURNITURE):
                    earlier.role = NAVIGATION
            lines[i].role = HEADLINE
            return i
    return headline


def _stopped_title(line: Line, following: Line | None, position: int) -> bool:
    """A title that ends with a full stop: the first line, a block of its own, short, with a
    longer paragraph after it."""
    return (
        position == 0
        and following is not None
        and following.block != line.block
        and _words(line.text) <= MAX_STOPPED_TITLE_WORDS
        and len(following.text) > 2 * len(line.text)
        and body_like(following.text)
        and _starts_like_title(line.text)
    )


def _find_dateline(
    lines: list[Line], headline: int | None
) -> tuple[int | None, ParsedDateline | None]:
    paragraphs = 0
    for i in range((-1 if headline is None else headline) + 1, len(lines)):
        line = lines[i]
        if line.role is not None:
            continue
        parsed = parse_dateline(line.text)
        if parsed is not None:
            return i, parsed
        if body_like(line.text):
            paragraphs += 1
            if paragraphs > MAX_PARAGRAPHS_BEFORE_DATELINE:
                break
    return None, None


def _mark_header(lines: list[Line], headline: int | None, dateline_at: int | None) -> int | None:
    """Mark the subheadline and the header's leftovers; return where the body starts."""
    first = (headline if headline is not None else -1) + 1
    content = [i for i in range(first, len(lines)) if lines[i].role is None]
    if dateline_at is not None:
        header = [i for i in content if i < dateline_at]
        if headline is not None and header:
            _take_subheadline(lines, header, headline)
        for i in header:
            lines[i].role = lines[i].role or FURNITURE
        return dateline_at
    if not content:
        return None
    if (
        headline is not None
        and _right_after(lines, headline, content[0])
        and _is_subheadline(lines, content[0])
    ):
        lines[content[0]].role = SUBHEADLINE
        content = content[1:]
    for position, i in enumerate(content[: MAX_HEADER_LINES + 1]):
        if body_like(lines[i].text):
            for j in content[:position]:
                lines[j].role = FURNITURE
            return i
    return content[0] if content else None


def _take_subheadline(lines: list[Line], header: list[int], headline: int) -> None:
    """Between headline and dateline: the first sentence right after the headline is the
    subheadline; the rest is captions (ending with an agency's name) or page furniture."""
    for i in header:
        if i == header[0] and _right_after(lines, headline, i) and _words(lines[i].text) >= 3:
            lines[i].role = SUBHEADLINE
        elif (agency := wording.trailing_agency(lines[i].text)) is not None:
            caption = re.sub(r"\s*\([^()]*\)\s*$", "", lines[i].text)
            lines[i].role, lines[i].caption, lines[i].credit = CAPTION, caption, agency
        else:
            lines[i].role = FURNITURE


def _right_after(lines: list[Line], headline: int, i: int) -> bool:
    """No byline, time stamp or caption stands between the headline and line ``i``."""
    return all(
        line.role not in (BYLINE, TIMESTAMP, CAPTION, CREDIT) for line in lines[headline + 1 : i]
    )


def _is_subheadline(lines: list[Line], i: int) -> bool:
    """Without a dateline: the line after the headline is a subheadline when it has no full
    stop, or when bylines, time stamps or captions follow it before the body."""
    text = lines[i].text
    if _words(text) < 4 or _words(text) > 60 or _BULLET.match(text) or lines[i].headlines:
        return False
    if not body_like(text):
        return True
    after = next((line for line in lines[i + 1 :]), None)
    return after is not None and after.role in (BYLINE, TIMESTAMP, CAPTION, CREDIT)


def _mark_body(lines: list[Line], start: int, dateline_at: int | None) -> None:
    seen_body = ended = in_list = False
    previous_body = ""
    for i in range(start, len(lines)):
        line = lines[i]
        if ended:
            line.role = FURNITURE
            continue
        if seen_body and (line.end_marker or _opens_comment(lines, i)):
            ended = True
            line.role = line.role or FURNITURE
            continue
        if line.list_intro:
            in_list = True
            continue
        if in_list and line.role in (CAPTION, CREDIT):
            line.role = FURNITURE
        if line.role is None and line.headlines:
            line.role = FURNITURE
        if line.role is not None:
            continue
        text = line.text
        if not any(ch.isalnum() for ch in text):
            line.role = FURNITURE  # what joins a gallery's counter ("1", "/", "23"), bullets
            continue
        if wording.job_title(text) and i != dateline_at:
            line.role = FURNITURE  # an author box: "Carrie Arnold" / "Contributing Writer"
            if (
                i > start
                and lines[i - 1].role == _CANDIDATE
                and wording.person_name(lines[i - 1].text)
            ):
                lines[i - 1].role = FURNITURE
            continue
        if i == dateline_at and not line.after_dateline:
            line.role = DATELINE  # the dateline alone on its line
        elif i == dateline_at or body_like(text) or _continues_list(text, previous_body):
            line.role, seen_body, in_list, previous_body = BODY, True, False, text
        elif in_list:
            line.role = FURNITURE
        else:
            line.role = _CANDIDATE
    _decide_candidates(lines, start)
    _drop_trailing_bio(lines)


def _drop_trailing_bio(lines: list[Line]) -> None:
    """The writer's introduction after the story's last paragraph is no part of it."""
    body = [i for i, line in enumerate(lines) if line.role == BODY]
    while len(body) > 1 and wording.author_bio(lines[body[-1]].text):
        lines[body.pop()].role = FURNITURE


def _opens_comment(lines: list[Line], i: int) -> bool:
    """A reader's comment starts here: its header, certain by its shape or followed by the
    time it was posted ("Marek says:" then "November 3, 2022 at 6:12 pm")."""
    kind = lines[i].comment
    if kind == "certain":
        return True
    following = lines[i + 1 : i + 3]
    return kind == "stamped" and any(wording.timestamp(line.text)[0] for line in following)


def _mark_unlabelled_byline(lines: list[Line]) -> None:
    """Without a "By ..." line: a person's name alone on a header line next to a time stamp
    or a job title ("Rachel Martin" over "Published Oct 07, 2022", "Tan Wei Ling" over "Senior
    Correspondent"), or beside the time stamp on its line ("Ahmet Yilmaz |16.09.2019")."""
    if any(line.role == BYLINE for line in lines):
        return
    for i, line in enumerate(lines):
        if line.role in (BODY, HEADING, DATELINE):
            return
        if line.role == TIMESTAMP and (name := wording.name_beside_stamp(line.text)):
            line.byline = name
            return
        if line.role not in (FURNITURE, NAVIGATION) or not wording.person_name(line.text):
            continue
        neighbours = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        stamped = any(n.role == TIMESTAMP or wording.job_title(n.text) for n in neighbours)
        if stamped and not is_known_place(line.text):
            line.role, line.byline = BYLINE, line.text
            return


def _continues_list(text: str, previous_body: str) -> bool:
    """A bulleted item after a paragraph ending in a colon, or after another item."""
    if not _BULLET.match(text):
        return False
    return previous_body.endswith(":") or bool(_BULLET.match(previous_body))


def _decide_candidates(lines: list[Line], start: int) -> None:
    """A lone title-like line between body paragraphs is a section heading; several between
    paragraphs are the article's own list, unless each is a headline of four words or more;
    after the last paragraph they are other stories' headlines (unless a colon or bullets
    introduce them)."""
    significant = [i for i in range(start, len(lines)) if lines[i].role in (BODY, _CANDIDATE)]
    runs: list[list[int]] = []
    for position, i in enumerate(significant):
        if lines[i].role != _CANDIDATE:
            continue
        if runs and position > 0 and runs[-1][-1] == significant[position - 1]:
            runs[-1].append(i)
        else:
            runs.append([i])
    neighbours = {
        i: (
            significant[position - 1] if position > 0 else None,
            significant[position + 1] if position + 1 < len(significant) else None,
        )
        for position, i in enumerate(significant)
    }
    for run in runs:
        before, after = neighbours[run[0]][0], neighbours[run[-1]][1]
        if after is None:
            role = BODY if _is_content_list(lines, before, run) else FURNITURE
        elif len(run) == 1 and _is_heading(lines, before, run[0], after):
            role = HEADING
        elif _other_stories(lines, before, run) or _menu(lines, before, run):
            role = FURNITURE
        else:
            role = BODY
        for i in run:
            lines[i].role = role


def _is_content_list(lines: list[Line], before: int | None, run: list[int]) -> bool:
    """Items of the article's own list: introduced by a colon, or bulleted or numbered."""
    if (
        before is not None
        and lines[before].role == BODY
        and lines[before].text.endswith((":", "："))
    ):
        return True
    items = sum(1 for i in run if _BULLET.match(lines[i].text) or lines[i].text[:1].isdigit())
    return len(run) >= 2 and items * 2 > len(run)


def _other_stories(lines: list[Line], before: int | None, run: list[int]) -> bool:
    """Lines of other stories' headlines inside the article: two or more in a row, each a
    headline of four words or more, not introduced by a colon."""
    return (
        len(run) >= 2
        and not _is_content_list(lines, before, run)
        and all(wording.headline_shaped(lines[i].text, wording.MIN_RUN_HEADLINE_WORDS) for i in run)
    )


def _menu(lines: list[Line], before: int | None, run: list[int]) -> bool:
    """The links of a menu inside the article: five or more lines in a row, nearly all of
    them names of three words or fewer ("Europe", "Middle East", "Data Centers"), neither
    introduced by a colon nor bulleted, with links of the page's own among or beside them
    ("Log Out", "Privacy Policy", "Subscribe")."""
    if len(run) < MIN_MENU_LINES or _is_content_list(lines, before, run):
        return False
    names = sum(1 for i in run if _words(lines[i].text) <= MAX_SECTION_NAME_WORDS)
    if names * 5 < len(run) * 4:
        return False
    span = lines[max(run[0] - 1, 0) : run[-1] + 2]
    return any(line.worded and line.role == FURNITURE for line in span)


def _is_heading(lines: list[Line], before: int | None, i: int, after: int) -> bool:
    text = lines[i].text
    if _words(text) > MAX_HEADING_WORDS or len(text) > MAX_HEADING_CHARS:
        return False
    return before is not None and lines[before].role == BODY and lines[after].role == BODY


# --- the article ------------------------------------------------------------------------


def _assemble(
    lines: list[Line],
    parsed: ParsedDateline | None,
    *,
    url: str | None,
    source: str | None,
    cli_date: str | None,
) -> Article:
    headline = _first(lines, HEADLINE)
    subheadline = _first(lines, SUBHEADLINE)
    sections = _sections(lines)
    paragraphs = [p for section in sections for p in section.paragraphs]
    if not paragraphs:
        items = without_body(lines)
        if items != [part for part in (headline, subheadline) if part]:
            headline = subheadline = None  # a list of headlines, not one story's
            sections, paragraphs = [Section(paragraphs=items)] if items else [], items
    body = "\n\n".join(paragraphs)
    captions = collect_captions(lines)
    # Years in captions count too ("... in Moscow on Sept. 13, 2023. (Yonhap)").
    year_text = "\n\n".join([headline or "", subheadline or "", body, *(c.text for c in captions)])
    date, date_source, dateline = date_article(cli_date, _header_date(lines), parsed, year_text)
    return Article(
        url=url,
        source=source or (dateline.agency if dateline else None),
        headline=headline,
        subheadline=subheadline,
        byline=_byline(lines),
        dateline=dateline,
        date=date,
        date_source=date_source,
        captions=captions,
        sections=sections,
        body=body,
        text=analysed_text(headline, subheadline, dateline, body),
    )


def without_body(lines: list[Line]) -> list[str]:
    """What a document without a paragraph of running text says, one item a paragraph: its
    lines that are not furniture by their wording (a headline, a sentence without a full
    stop, each headline of a list); when all are, every line with a letter in it."""
    items: list[str] = []
    for line in lines:
        if line.headlines:
            items.extend(line.headlines)
        elif not line.worded and _has_words(line):
            items.append(line.text)
    return items or [line.text for line in lines if _has_words(line)]


def _has_words(line: Line) -> bool:
    """A line with a letter in it, other than a dateline (analysed in its own right)."""
    return line.role != DATELINE and any(ch.isalpha() for ch in line.text)


def _first(lines: list[Line], role: str) -> str | None:
    return next((line.text for line in lines if line.role == role), None)


def _byline(lines: list[Line]) -> str | None:
    """The byline without the time stamp pages put beside it ("By Jane Doe | Updated: ...")."""
    text = _first(lines, BYLINE)
    if text is None:
        return next((line.byline for line in lines if line.byline), None)
    kept = [part.strip() for part in text.split("|") if not wording.timestamp(part)[0]]
    return " | ".join(part for part in kept if part) or text


def _header_date(lines: list[Line]) -> str | None:
    """A complete date from a time stamp before the body ("Published: 29 Jan 2019")."""
    for line in lines:
        if line.role in (BODY, HEADING):
            return None
        if line.role in (TIMESTAMP, BYLINE) and line.date:
            return line.date
    return None


def _sections(lines: list[Line]) -> list[Section]:
    sections = [Section(heading=None)]
    for line in lines:
        if line.role == HEADING:
            sections.append(Section(heading=line.text))
        elif line.role == BODY:
            text = line.text if line.after_dateline is None else line.after_dateline
            if text:
                sections[-1].paragraphs.append(text)
    return [section for section in sections if section.paragraphs or section.heading]


def collect_captions(lines: list[Line]) -> list[Caption]:
    """Captions in order; a caption repeated (once with its credit glued on) and a credit line
    repeating the credit give one caption. A credit goes with the caption just before it, or
    with the one just after it when it comes first ("Image source, X" / "Image caption, Y")."""
    captions: list[Caption] = []
    pending: str | None = None  # a credit waiting for the caption that follows it
    previous_role = None
    for line in lines:
        if line.role == FURNITURE and wording.is_caption_label(line.text):
            continue
        if line.role == CAPTION:
            text, credit = line.caption or line.text, line.credit or pending
            last = captions[-1] if captions and previous_role in (CAPTION, CREDIT) else None
            if last is not None and _same(last.text, text):
                last.credit = last.credit or credit
            else:
                captions.append(Caption(text=text, credit=credit))
            pending = None
        elif line.role == CREDIT:
            last = captions[-1] if captions and previous_role == CAPTION else None
            if last is not None:
                last.credit = last.credit or line.credit
            else:
                pending = line.credit
        else:
            pending = None
        previous_role = line.role
    return captions


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
