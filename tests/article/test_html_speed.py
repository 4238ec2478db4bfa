"""The HTML reader's shortcuts give what the slower way gives: markup repair, the parser's
element classes, the elements dropped before trafilatura, JSON-LD minifying, caption search."""

from __future__ import annotations

import copy

import lxml.html
import pytest
from tests.article.helpers import PARAGRAPHS
from trafilatura.metadata import JSON_MINIFY, extract_meta_json
from trafilatura.settings import Document
from trafilatura.utils import repair_faulty_html

from communique.article.captions import find_captions
from communique.article.html import (
    _parse,
    drop_inert_elements,
    extract_blocks,
    read_html,
    repair_markup,
)
from communique.article.metadata import minify_json, read_json_ld
from communique.article.wording import normalize

STORY = PARAGRAPHS[:3]
LD_JSON = (
    '<script type="application/ld+json">{"@context": "https://schema.org", '
    '"@type": "NewsArticle", "headline": "Ministers  meet in Geneva",\n  "author": '
    '{"@type": "Person", "name": "Jane Miller"}, "publisher": {"@type": "Organization", '
    '"name": "The Daily Courier"}}</script>'
)


def story(paragraphs=STORY) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def full_page(article: str, extra_body: str = "") -> str:
    return (
        "<!DOCTYPE html><html><head><title>Ministers meet in Geneva</title>"
        '<meta name="viewport" content="width=device-width"><link rel="stylesheet" href="a.css">'
        f"<style>p {{ color: red; }}</style><script>var a = 1;</script>{LD_JSON}</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World news</a></li></ul></nav>"
        f"<main><article><h1>Ministers meet in Geneva</h1>{article}</article></main>{extra_body}"
        "<aside><h3>Most read</h3><ul><li><a href='/x'>Another story entirely</a></li></ul></aside>"
        "<footer><p>Contact us | Privacy policy | Terms of use</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    "markup",
    [
        "<!DOCTYPE html><html><body><p>Plain page.</p></body></html>",
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">\n<html><body>x</body></html>',
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://w3.org/x.dtd"><html><p>y',
        "<!doctype html>\n<html lang='en' />\n<head></head><body><p>Self-closed.</p></body>",
        "<html/>\n<body><p>Tag repaired.</p></body>",
        "<html><body><p>Control\x00 char\x0b and \ufffe here.</p></body></html>",
        "<!DOCTYPE x/>" + "a" * 5000 + "\n<html/>\n<p>late</p>",
        "<!DOCTYPE x/>\n" + "b" * 5000 + "\n<html/>\n<p>far</p>",
        "<p>no newline at all, no doctype</p>",
        "",
    ],
)
def test_repair_markup_is_trafilaturas_repair(markup):
    assert repair_markup(markup) == repair_faulty_html(markup, markup[:50].lower())


def test_parsed_elements_are_html_elements_with_forms_read():
    # trafilatura accepts only lxml.html elements; forms wrapping the page are read as before
    body = f"<form id='aspnetForm'><input type='hidden' value='1'>{story()}</form>"
    tree = _parse(f"<html><body>{body}</body></html>")
    assert all(isinstance(element, lxml.html.HtmlElement) for element in tree.iter())
    article = read_html(f"<html><body>{body}</body></html>")
    assert article.body.split("\n\n") == STORY


def test_drop_inert_elements_deletes_unread_parts_and_keeps_text():
    html = full_page(story(), "<svg><path d='M0 0'/></svg>tail after the drawing")
    tree = _parse(html)
    drop_inert_elements(tree)
    tags = {element.tag for element in tree.iter() if isinstance(element.tag, str)}
    assert not tags & {"nav", "aside", "footer", "svg", "style", "meta", "link", "title"}
    scripts = tree.findall(".//script")
    assert [script.get("type") for script in scripts] == ["application/ld+json"]
    assert "tail after the drawing" in "".join(tree.itertext())


def test_drop_inert_elements_leaves_trafilaturas_result_unchanged():
    html = full_page(story(), "<svg><path d='M0 0'/></svg><p>A closing line of the page.</p>")
    tree = _parse(html)
    expected = extract_blocks(copy.deepcopy(tree))
    drop_inert_elements(tree)
    assert expected
    assert extract_blocks(tree) == expected


def test_containers_stay_when_every_paragraph_is_inside_one():
    # trafilatura restores deleted elements when nothing else holds a paragraph
    tree = _parse(
        f"<html><body><aside>{story()}</aside><nav><a>Home</a></nav><svg><p>{STORY[0]}</p></svg>"
        "<script>var a = 1;</script></body></html>"
    )
    expected = extract_blocks(copy.deepcopy(tree))
    drop_inert_elements(tree)
    assert [tree.find(f".//{tag}") is not None for tag in ("aside", "nav", "svg", "script")] == [
        True
    ] * 4
    assert extract_blocks(tree) == expected


def test_containers_with_a_headline_or_json_ld_stay():
    tree = _parse(
        f"<html><body><main>{story()}</main><aside><h1>Page title</h1></aside>"
        f"<footer>{LD_JSON}</footer><nav><a>Home</a></nav></body></html>"
    )
    drop_inert_elements(tree)
    assert tree.find(".//aside/h1") is not None
    assert tree.find(".//footer/script") is not None
    assert tree.find(".//nav") is None


@pytest.mark.parametrize(
    "text",
    [
        '{ "a" : "b  c",\n\t"d": [1, 2] }',
        '{"x": "say \\"hi  there\\"", "y" : "\\\\", "z": "tab\\t  end"}',
        '{"open": "no end  \n}',
        "  \u00a0{ }\u2028 ",
        "",
    ],
)
def test_minify_json_is_trafilaturas_minifier(text):
    assert minify_json(text) == JSON_MINIFY.sub(r"\1", text)


def test_read_json_ld_reads_what_trafilatura_reads():
    tree = _parse(full_page(story()))
    ours, theirs = read_json_ld(tree, Document()), extract_meta_json(tree, Document())
    assert (ours.title, ours.author, ours.sitename) == (
        "Ministers meet in Geneva",
        "Jane Miller",
        "The Daily Courier",
    )
    assert (ours.title, ours.author, ours.sitename) == (
        theirs.title,
        theirs.author,
        theirs.sitename,
    )


def test_caption_search_finds_both_spellings_in_page_order():
    tree = _parse(
        "<html><body><figure><img src='a.jpg'><figcaption>Delegates arrive.</figcaption>"
        "</figure><div class='imageCaption'>Ministers shake hands.</div>"
        "<div class='photo-caption'>Talks in Geneva.</div><div class='xaptionless'>No.</div>"
        "</body></html>"
    )
    assert [caption.text for caption in find_captions(tree)] == [
        "Delegates arrive.",
        "Ministers shake hands.",
        "Talks in Geneva.",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Comments (12)", "comments"),
        ("Comments [3]", "comments"),
        ("Share 4", "share"),
        ("Comments \u0663", "comments"),  # an Arabic-Indic digit is a digit too
        ("Page \u00b2", "page \u00b2"),  # a superscript is no counter
        ("Read more", "read more"),
    ],
)
def test_normalize_drops_counters(line, expected):
    assert normalize(line) == expected


def test_copies_keep_the_plain_element_class():
    # trafilatura copies the tree; the copies keep the parser's element classes
    tree = _parse(f"<html><body><form><input name='q'></form>{story()}</body></html>")
    copied = copy.copy(tree)
    assert {type(element) for element in copied.iter()} == {lxml.html.HtmlElement}
