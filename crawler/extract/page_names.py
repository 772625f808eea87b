"""The names a page gives its elements (id values, class names, other attribute values), read once.

Site selectors are narrowed to those whose names occur on the page before any element is tested
(`crawler.extract.body.SelectorSet.for_page`); the paywall check on the page and the drop selectors
on its copies ask for the same names, so they are read on the page as fetched, once, and shared
(a copy with elements removed holds no name its page does not).
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

_IDS = etree.XPath("descendant-or-self::*/@id", smart_strings=False)
_CLASSES = etree.XPath("descendant-or-self::*/@class", smart_strings=False)


@lru_cache(maxsize=64)
def _attribute_values(name: str) -> etree.XPath:
    return etree.XPath(f"descendant-or-self::*/@{name}", smart_strings=False)


class PageNames:
    """The id values, class names and other attribute values of one page, each kind read (as strings,
    by libxml2) when first asked for."""

    def __init__(self, tree: HtmlElement) -> None:
        self._tree = tree
        self._ids: set[str] | None = None
        self._classes: set[str] | None = None
        self._values: dict[str, set[str]] = {}

    def ids(self) -> set[str]:
        if self._ids is None:
            self._ids = set(_IDS(self._tree))
        return self._ids

    def classes(self) -> set[str]:
        if self._classes is None:
            self._classes = set(" ".join(_CLASSES(self._tree)).split())
        return self._classes

    def values(self, name: str) -> set[str]:
        if name not in self._values:
            self._values[name] = set(_attribute_values(name)(self._tree))
        return self._values[name]
