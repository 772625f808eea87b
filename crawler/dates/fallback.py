"""htmldate, asked for the publication day when the page's own markup gives none.

htmldate (a trafilatura dependency) reads the URL, meta tags, JSON-LD, date-like elements and
text patterns in many languages and formats (`16.12.2012`, `19. Juli 2014`, `2 de abril de
2020`). We ask for the original date (not the modified one), in its fast mode (measured: see
docs/dates.md), never beyond `latest` nor before `earliest`, on the page without its furniture
(comments, sidebars, related lists: `regions`), the scripts of its body and its modification-time
metas (htmldate falls back to those for the original date): they are detached from our tree for
the call and put back after it, so the page stays parsed once and unchanged. It is given the tree, never a
string (htmldate downloads a string that looks like a URL).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement

from crawler.dates.markup import META_MODIFIED
from crawler.dates.model import DateCandidate
from crawler.dates.regions import furniture_roots

logger = logging.getLogger(__name__)
_BODY_SCRIPTS = etree.XPath("//body//script")
"""Ads and analytics code: htmldate's timestamp search would read their dates as the page's."""
_METAS = etree.XPath("//meta[@content]")
MODIFIED_KEYS = frozenset(META_MODIFIED) | {
    "modified", "lastmodified", "utime", "dateupdate", "revision_date", "bt:moddate", "article:modified_date",
    "article:post_modified", "modificationdate", "dc.modified",
}
"""Meta names of modification times: htmldate falls back to them for the original date; we do not."""


def _modified_metas(tree: HtmlElement) -> list[HtmlElement]:
    return [
        meta for meta in _METAS(tree)
        if any((meta.get(key) or "").strip().lower() in MODIFIED_KEYS for key in ("name", "property", "itemprop",
                                                                                     "http-equiv"))
    ]

EXTENSIVE = False
"""htmldate's extensive mode: more answers, less precise and up to 30 ms a page (docs/dates.md)."""


@contextmanager
def hidden(tree: HtmlElement) -> Iterator[HtmlElement]:
    """`tree` without its furniture, body scripts and modification-time metas for the duration of
    the block; they are put back in place after it."""
    removed: list[tuple[HtmlElement, int, HtmlElement]] = []
    try:
        # last first, so that the indexes recorded earlier stay valid when put back in reverse
        for element in reversed(_modified_metas(tree) + furniture_roots(tree) + _BODY_SCRIPTS(tree)):
            parent = element.getparent()
            if parent is not None:
                removed.append((parent, parent.index(element), element))
                parent.remove(element)  # lxml moves the tail text with the element
        yield tree
    finally:
        for parent, index, element in reversed(removed):
            parent.insert(index, element)


def htmldate_candidates(
    tree: HtmlElement, url: str | None, *, earliest: date, latest: datetime, issues: list[str]
) -> list[DateCandidate]:
    """htmldate's original-date day as a "published" candidate (source "htmldate"), or nothing.

    `latest` (now) and `earliest` (the first day the site can have published anything) bound the
    answer. A failure of the library is logged and noted in `issues` ("htmldate_error").
    """
    with hidden(tree) as pruned:
        try:
            day = find_date(
                pruned,
                extensive_search=EXTENSIVE,
                original_date=True,
                outputformat="%Y-%m-%d",
                url=url,
                min_date=datetime.combine(earliest, time()),
                max_date=latest.astimezone(UTC).replace(tzinfo=None),
            )
        except (ValueError, TypeError, OverflowError, IndexError) as exc:  # a library bug costs the date, not the page
            logger.warning("htmldate failed on %s: %s", url, exc)
            issues.append("htmldate_error")
            return []
    return [DateCandidate("htmldate", "published", day)] if day else []
