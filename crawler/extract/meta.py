"""OpenGraph, `article:*`, plain `<meta>` tags, canonical link, `<html lang>` and `<time>` elements."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml.html import HtmlElement


@dataclass
class PageMeta:
    """Everything read from the document head (and `<time>` elements)."""

    tags: dict[str, list[str]] = field(default_factory=dict)
    canonical: str | None = None
    lang: str | None = None
    times: list[tuple[str, str]] = field(default_factory=list)  # (datetime attribute, itemprop/class hint)

    def first(self, *keys: str) -> str | None:
        """The first non-empty value among meta keys (lower-case names/properties)."""
        for key in keys:
            for value in self.tags.get(key, ()):
                if value.strip():
                    return value.strip()
        return None

    def all(self, key: str) -> list[str]:
        """Every non-empty value of one meta key, in document order."""
        return [v.strip() for v in self.tags.get(key, ()) if v.strip()]


def read_meta(tree: HtmlElement) -> PageMeta:
    """Collect head metadata once; later field extractors only read the result."""
    meta = PageMeta()
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if key and content is not None:
            meta.tags.setdefault(key.strip().lower(), []).append(content)
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href"):
            meta.canonical = link.get("href").strip()
            break
    root = tree.getroottree().getroot()
    meta.lang = (root.get("lang") or root.get("xml:lang") or "").strip() or None
    for time in tree.iter("time"):
        value = time.get("datetime")
        if value and value.strip():
            hint = " ".join(filter(None, (time.get("itemprop"), time.get("class"), time.get("data-qa"))))
            meta.times.append((value.strip(), hint.lower()))
    return meta
