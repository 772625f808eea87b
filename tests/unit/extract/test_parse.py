"""`parse_html` builds the tree trafilatura's `load_html` builds, with every element an `HtmlElement`."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import INVALID_XML_CHARS, load_html, repair_faulty_html

from crawler.extract.parse import INVALID_CHARS, parse_html, repair_html
from tests.fixtures.pages_support import PAGES as FIXTURES
from tests.fixtures.pages_support import case_names

EDGE_CASES = {
    "declared-encoding": '<?xml version="1.0" encoding="utf-8"?><html><body><p>Café prices rose.</p></body></html>',
    "no-html-tag": "<p>Only a paragraph, no document around it.</p>",
    "fragment-with-body": "<body><p>One.</p><p>Two.</p></body>",
    "doctype": '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">\n<html><body><p>Text</p></body></html>',
    "self-closing-html": '<html lang="en"/>\n<body><p>Text after a broken tag.</p></body>',
    "control-chars": "<html><body><p>Bad \x0b\x0c characters \x1f here.</p></body></html>",
    "empty": "",
    "not-html": "just some words without any markup at all",
}


def _same(html: str | bytes) -> None:
    ours, theirs = parse_html(html), load_html(html)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")


@pytest.mark.parametrize("case", sorted(EDGE_CASES))
def test_same_tree_as_trafilatura_on_odd_input(case: str) -> None:
    _same(EDGE_CASES[case])


@pytest.mark.parametrize("case", case_names())
def test_same_tree_as_trafilatura_on_fixture_pages(case: str) -> None:
    _same((FIXTURES / case / "page.html").read_bytes().decode("utf-8", "replace"))


def test_bytes_are_decoded_as_trafilatura_decodes_them() -> None:
    _same("<html><body><p>Prix en hausse à Hong Kong.</p></body></html>".encode())
    _same("<html><body><p>Prix en hausse à Hong Kong.</p></body></html>".encode("latin-1"))


def test_every_element_is_an_html_element() -> None:
    tree = parse_html("<html><body><form action='/s'><input name='q'><select><option>a</option></select>"
                      "</form><p>Text</p></body></html>")
    assert tree is not None
    assert all(isinstance(element, HtmlElement) for element in tree.iter(etree.Element))
    assert tree.find(".//p").text_content() == "Text"  # lxml.html's methods are there


def test_the_invalid_characters_are_those_trafilatura_deletes() -> None:
    every_char = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    assert sorted(set(INVALID_XML_CHARS.findall(every_char))) == sorted(INVALID_CHARS)


@pytest.mark.parametrize("html", [
    *EDGE_CASES.values(),
    "<!doctype html/>\n<html><body><p>Slash in the doctype.</p></body></html>",
    "<html>\n<head/>\n<body><p>Self-closing head, \ufffe and \uffff too.</p></body></html>",
    "\n\n<HTML LANG='en' />\n<body><p>Upper-case, on the third line.</p></body>",
    "<p>" + "x" * 5000 + "</p>\n<html/>",
])
def test_repairs_are_trafilaturas(html: str) -> None:
    assert repair_html(html, html[:50].lower()) == repair_faulty_html(html, html[:50].lower())
