"""`source_link`: the original named by a republisher's footer link or syndication markup."""

from __future__ import annotations

import pytest
from lxml import html

from crawler.clean.original import _LINK_TEXTS, source_link

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
    """libxml2 keeps only links saying "source" or "article": a label without either would never be seen."""
    assert all("source" in label or "article" in label for label in _LINK_TEXTS)
