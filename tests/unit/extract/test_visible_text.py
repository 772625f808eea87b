"""The block-page check reads the page's visible text lazily: the same text nodes as the XPath it replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from trafilatura.utils import load_html

from crawler.extract.blocked import _visible_text_nodes, visible_text
from crawler.extract.decode import decode_html, strip_stray_end_tags

REFERENCE = etree.XPath("//body//text()[not(ancestor::script or ancestor::style or ancestor::template)]",
                        smart_strings=False)
PAGES = sorted(Path(__file__).resolve().parents[2].joinpath("fixtures", "pages").glob("*/page.html"))
SYNTHETIC = [
    "<html><head><title>T</title></head><body>lead<div>a<script>var x;</script>after script<p>p<b>b</b>tail b"
    "</p><style>.c{}</style>s-tail<template><p>hidden</p></template>t-tail</div>div tail</body></html>",
    "<html><body><table><tr><td>1</td><td>2<br>3</td></tr></table>end</body></html>",
    "<html><head><title>No body text</title></head><body></body></html>",
    "<p>no html or body element given</p>",
]


def _tree(html: str | bytes):  # type: ignore[no-untyped-def]
    text = decode_html(html, None)[0] if isinstance(html, bytes) else html
    return load_html(strip_stray_end_tags(text))


@pytest.mark.parametrize("html", SYNTHETIC + [p.read_bytes() for p in PAGES], ids=lambda h: str(h[:30]))
def test_same_text_nodes_as_the_xpath(html: str | bytes) -> None:
    tree = _tree(html)
    assert list(_visible_text_nodes(tree)) == [str(node) for node in REFERENCE(tree)]


def test_reading_stops_at_the_limit() -> None:
    tree = _tree("<html><body>" + "".join(f"<p>line {i} of the page</p>" for i in range(1000)) + "</body></html>")
    text = visible_text(tree, limit=100)
    assert text.startswith("line 0 of the page\nline 1") and len(text) < 200
