"""Site selectors: the XPath lookup used for a few selectors finds what the element walk finds."""

from __future__ import annotations

import pytest
from lxml import html

from crawler.extract.body import XPATH_MAX_SELECTORS, SelectorSet

PAGE = """<html><body>
<div class="promo-box">not .promo</div>
<div class="x promo">a promo<div class="promo">inside one: listed once</div></div>
<section id="paywall"><p class="promo">inside the paywall</p></section>
<p id="paywall-note">not #paywall</p>
<span data-qa="Paywall-Container">marker</span><span data-qa="Paywall">not the marker</span>
<aside class="\tpromo\n">tabs around the class</aside>
<div data-qa="it's">quote in a value</div>
</body></html>"""

CASES = [
    (".promo",),
    ("#paywall",),
    ('[data-qa="Paywall-Container"]',),
    (".promo", "#paywall", '[data-qa="Paywall-Container"]'),
    ('[data-qa="it\'s"]',),  # cannot be quoted in XPath: walked
    ("section p", ".promo"),  # a complex selector beside simple ones
]


@pytest.mark.parametrize("selectors", CASES, ids=lambda s: " ".join(s))
def test_lookup_matches_walk(selectors: tuple[str, ...]) -> None:
    tree = html.fromstring(PAGE)
    fast = SelectorSet(selectors)
    walk = SelectorSet(selectors)
    walk.candidates = None
    assert len(selectors) <= XPATH_MAX_SELECTORS
    assert [e.text for e in fast.matches(tree)] == [e.text for e in walk.matches(tree)]
    assert fast.matches(tree)


def test_lookup_is_used_for_few_selectors_only() -> None:
    assert SelectorSet((".a", ".b")).candidates is not None
    assert SelectorSet(tuple(f".c{i}" for i in range(XPATH_MAX_SELECTORS + 1))).candidates is None


def test_selectors_absent_from_the_page_are_left_out_with_the_same_matches() -> None:
    selectors = (".promo", "#paywall", '[data-qa="Paywall-Container"]', ".absent", "#absent", '[data-qa="absent"]',
                 ".x", ".y", ".z", "section p")
    tree = html.fromstring(PAGE)
    narrowed = SelectorSet(selectors).for_page(tree)
    assert narrowed.classes == {"promo", "x"} and narrowed.ids == {"paywall"}
    assert narrowed.attributes == {"data-qa": {"Paywall-Container"}}
    full = SelectorSet(selectors, narrow=False)
    assert full.candidates is None  # too many for the XPath lookup: a walk
    assert [e.text for e in SelectorSet(selectors).matches(tree)] == [e.text for e in full.matches(tree)]


@pytest.mark.parametrize("selectors", CASES, ids=lambda s: " ".join(s))
def test_a_copy_matched_with_its_pages_names_gives_the_copys_own_matches(selectors: tuple[str, ...]) -> None:
    from copy import deepcopy

    from crawler.extract.page_names import PageNames

    page = html.fromstring(PAGE)
    names = PageNames(page)
    assert "promo" in names.classes() and "paywall" in names.ids() and "Paywall" in names.values("data-qa")
    copy = deepcopy(page)
    for element in copy.xpath("//section | //span"):  # the copy lost some named elements
        element.drop_tree()
    shared = SelectorSet(selectors).matches(copy, names)
    own = SelectorSet(selectors).matches(copy)
    assert [e.text for e in shared] == [e.text for e in own]
    assert all(e.getroottree().getroot() is copy for e in shared)
