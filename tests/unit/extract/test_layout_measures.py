"""Layout measures read without per-node XPath tests give what the plain XPath definitions give."""

from __future__ import annotations

import pytest
from lxml import etree
from trafilatura.utils import load_html

from crawler.extract.layout import _CAPTIONS, read_layout, visible_chars

# The definitions the faster forms replace.
VISIBLE_TEXT = etree.XPath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
                           " or ancestor::template)]")
CAPTIONS = etree.XPath(".//figcaption | .//*[self::p or self::div or self::span][contains(@class, 'caption')]")

PAGES = [
    "<html><body><p>  Exports rose.  </p><p>Imports <b>fell</b> sharply. </p></body></html>",
    "<html><body>Loose text<script>var a = 'not text';</script> tail after script"
    "<style>p { color: red }</style><noscript>Enable JS <b>now</b></noscript> after noscript"
    "<template><p>Hidden <i>card</i></p></template>end</body></html>",
    "<html><body><div class='story'><figure><img src='a.png'><figcaption>A chart</figcaption></figure>"
    "<p class='photo-caption'>Caption text</p><span class='caption'>Another</span>"
    "<div class='captioned box'>Box</div><section class='caption'>not counted</section>"
    "<a class='caption'>nor this</a></div></body></html>",
    "<html><body class='caption'><noscript><style>x{}</style>inner</noscript><p>Visible &amp; fine</p></body></html>",
    "<html><body><ul>" + "".join(f"<li><a href='/n/{n}'>Story {n} headline here</a> · 3h</li>" for n in range(30))
    + "</ul></body></html>",
]


@pytest.mark.parametrize("html", PAGES)
def test_visible_chars_is_the_stripped_length_of_the_visible_text_nodes(html: str) -> None:
    body = load_html(html).find(".//body")
    assert visible_chars(body) == sum(len(text.strip()) for text in VISIBLE_TEXT(body))


@pytest.mark.parametrize("html", PAGES)
def test_captions_are_those_of_the_plain_xpath(html: str) -> None:
    body = load_html(html).find(".//body")
    assert _CAPTIONS(body) == CAPTIONS(body)


def test_hidden_text_is_not_counted() -> None:
    body = load_html(PAGES[1]).find(".//body")
    assert visible_chars(body) == len("Loose text") + len("tail after script") + len("after noscript") + len("end")
    assert read_layout(load_html(PAGES[2]), "https://news.example/a").captions == 4


@pytest.mark.parametrize("html", ["<a href='/x'>Only text</a>", "<a href='/x'>Text <b>bold</b> tail</a>",
                                  "<a href='/x'></a>", "<a href='/x'>x<!-- c -->y</a>", "<p><span>a</span></p>"])
def test_element_text_is_text_content(html: str) -> None:
    from lxml import html as lxml_html

    from crawler.tree_text import element_text

    element = lxml_html.fragment_fromstring(html)
    assert element_text(element) == element.text_content()
    assert element_text(element) == "".join(VISIBLE_TEXT(element))  # no hidden element in these



_ODD_MARKUP = ("<div>a<!-- note -->b<?pi x?>c<![CDATA[d]]>e<script>var s = 'f';</script><style>.g{}</style>"
               "<b>h<i>i</i>j</b>k&amp;&lt;&#160;l<br>m<img alt='n'>o<svg><text>p</text></svg>q</div>tail")


def test_element_text_is_text_content_on_every_element_of_the_fixture_pages() -> None:
    """The serialised text stands for `text_content()` everywhere, elements with children included."""
    from lxml import html as lxml_html

    from crawler.tree_text import element_text
    from tests.support.paths import FIXTURES

    trees = [lxml_html.fromstring(page.read_bytes()) for page in sorted(FIXTURES.glob("pages/*/page.html"))]
    trees.append(lxml_html.fragment_fromstring(_ODD_MARKUP, create_parent="section"))
    elements = [e for tree in trees for e in tree.iter() if isinstance(e.tag, str)]
    assert sum(1 for e in elements if len(e)) > 400  # the serialised path is exercised
    mismatched = [e.tag for e in elements if element_text(e) != e.text_content()]
    assert mismatched == []
