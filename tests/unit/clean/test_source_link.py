"""`source_link`: the original named by a republisher's footer link or syndication markup."""

from __future__ import annotations

import pytest
from lxml import html

from crawler.clean.original import _LINK_TEXTS, _QUICK, source_link

PAGE_URL = "https://copies.example.net/2026/03/yuan-slips/"
MENU = "".join(f'<li><a href="/section/{n}">Section {n}</a></li>' for n in range(50))


def _page(footer: str) -> html.HtmlElement:
    return html.fromstring(f"<html><body><nav><ul>{MENU}</ul></nav><article><p>The yuan slipped past 7.3 per "
                           f"dollar on Tuesday.</p>{footer}</article></body></html>")


@pytest.mark.parametrize("text", ["Source link", "SOURCE LINK", "Read The Original Article", "Original source:",
                                  "Read the original article at The Daily Ledger", "Source  URL »"])
def test_footer_link_names_the_original(text: str) -> None:
    tree = _page(f'<p><a href="https://ledger.example.com/markets/yuan">{text}</a></p>')
    assert source_link(tree, PAGE_URL) == "https://ledger.example.com/markets/yuan"


@pytest.mark.parametrize("footer", [
    '<p><a href="https://ledger.example.com/markets/yuan">Markets</a></p>',  # not a source label
    '<p><a href="/2026/03/other/">Source link</a></p>',  # same site: not an original
    '<p><a href="https://ledger.example.com/x">Source link to a very long sentence that goes on and on and on '
    'well past any footer label</a></p>',
])
def test_other_links_name_nothing(footer: str) -> None:
    assert source_link(_page(footer), PAGE_URL) is None


def test_syndication_markup_names_the_original() -> None:
    tree = html.fromstring('<html><head><meta name="syndication-source" content="https://ledger.example.com/a">'
                           "</head><body><p>Text.</p></body></html>")
    assert source_link(tree, PAGE_URL) == "https://ledger.example.com/a"


def test_every_label_passes_the_quick_test() -> None:
    """Only links saying "source" or "article" are read further: a label without either would never be seen."""
    assert all(any(word in label for word in _QUICK) for label in _LINK_TEXTS)


@pytest.mark.parametrize(("anchor", "found"), [
    ('<a href="https://ledger.example.com/a"><span>Source</span> <b>link</b></a>', True),  # text across children
    ('<a href="https://ledger.example.com/a">Source<!-- a comment --> link</a>', True),
    ('<a>Source link</a>', False),  # no href
    ('<a href="https://ledger.example.com/a">Source link' + " " * 80 + "</a>", True),  # spaces fold to one
    ('<a href="https://ledger.example.com/a">Read the original article at ' + "x" * 40 + "</a>", False),  # too long
])
def test_footer_links_are_read_whatever_their_markup(anchor: str, found: bool) -> None:
    expected = "https://ledger.example.com/a" if found else None
    assert source_link(_page(f"<p>{anchor}</p>"), PAGE_URL) == expected


def test_markup_is_read_most_trusted_first() -> None:
    tree = html.fromstring('<html><head><meta name="original-source" content="https://third.example.org/c">'
                           '<meta name="syndication-source" content="https://second.example.org/b">'
                           "</head><body><p>Text.</p>"
                           '<link rel="original-source" href="https://first.example.org/a"></body></html>')
    assert source_link(tree, PAGE_URL) == "https://first.example.org/a"
