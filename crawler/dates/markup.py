"""Date candidates from a page's markup: JSON-LD, meta tags, microdata, `<time>` elements, links.

Only finds and labels values (source, kind, raw text); `publication.resolve_publication_dates`
parses and chooses. Values inside page furniture (comments, sidebars, related lists: `regions`)
are skipped. Key lists are data, most trusted first. See docs/dates.md.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from crawler.dates.model import DateCandidate
from crawler.dates.regions import in_furniture, is_article_container
from crawler.json_limits import load_json

logger = logging.getLogger(__name__)

META_PUBLISHED = (
    "article:published_time", "og:article:published_time", "datepublished", "article:published",
    "og:published_time", "published_time", "og:pubdate", "pubdate", "publishdate", "publish-date",
    "publish_date", "published_date", "publication_date", "date_published", "article.published",
    "article:publicationdate", "article_date_original", "originalpublicationdate", "dc.date.issued",
    "dcterms.issued", "dc.date.publication", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created",
    "citation_publication_date", "citation_date", "rnews:datepublished", "sailthru.date", "parsely-pub-date",
    "dcsext.articlefirstpublished", "displaydate", "pdate", "date",
)
"""`<meta>` names/properties/itemprops of the publication time, most specific first."""
META_CREATED = ("datecreated",)
"""Creation time of the page record: used only when no publication time is found."""
META_MODIFIED = (
    "article:modified_time", "og:article:modified_time", "datemodified", "article:modified", "og:updated_time",
    "og:modified_time", "modified_time", "updated_time", "article_date_updated", "dcterms.modified",
    "dc.modified", "article.updated", "lastmod", "last-modified",
)
"""`<meta>` names of the last modification time (`og:updated_time` says modified, not published)."""

ITEMPROP_KINDS = {"datepublished": "published", "datecreated": "created", "uploaddate": "published",
                  "datemodified": "modified"}
"""Microdata properties on any element (`<span itemprop="datePublished" content=...>`)."""

_MAIN_TYPE = re.compile(r"(?:Article|Posting|Report|CreativeWork|Review|Recipe)$")
_PAGE_TYPE = re.compile(r"^(?:WebPage|ItemPage|AboutPage|QAPage|FAQPage|MedicalWebPage|ProfilePage)$")
_MEDIA_TYPE = re.compile(r"^(?:VideoObject|AudioObject|Clip|Episode|PodcastEpisode|MediaObject)$")
_JSONLD_FIELDS = (("datePublished", "published"), ("uploadDate", "published"), ("dateCreated", "created"),
                  ("dateModified", "modified"))
_JSONLD_CHILDREN = ("@graph", "mainEntity")
"""Where article nodes nest; never `itemListElement` (lists of other stories) or `video`."""
_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*;?\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

MAX_TIME_CANDIDATES = 3
"""Per kind: a page listing fifty timestamps (a live blog, a river of stories) is not parsed fifty times."""
# `//time | //*[@itemprop]`, the second part found from the attributes (libxml2 tests every element
# for `[@itemprop]` in twice the time).
_TIME_OR_ITEMPROP = etree.XPath("//time | //@itemprop/..")
_PUBLISHED_HINTS = ("publish", "entry-date", "posted", "pubdate", "created")
_MODIFIED_HINTS = ("updat", "modif", "edited")


def _load_jsonld(text: str) -> Any:
    raw = _WRAPPERS.sub("", text).strip()
    try:
        return load_json(raw)
    except json.JSONDecodeError:
        return load_json(_TRAILING_COMMA.sub(r"\1", _CONTROL_CHARS.sub(" ", raw)),
                         functools.partial(json.loads, strict=False))


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        for key in _JSONLD_CHILDREN:
            if key in data:
                yield from _nodes(data[key])


def _types(node: dict[str, Any]) -> list[str]:
    value = node.get("@type", ())
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)]


def raw_text(value: Any) -> str | None:
    """A JSON value as a date's raw text: a string stripped, a number as an integer, a list's first."""
    if isinstance(value, list):
        return next((text for item in value if (text := raw_text(item))), None)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(int(value))
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def jsonld_candidates(tree: HtmlElement) -> list[DateCandidate]:
    """Dates of the page's main JSON-LD node, on any node of any block or `@graph`.

    Article-like nodes (`*Article`, `*Posting`, `Report`, ...) first, then `WebPage` nodes, then
    media nodes (`VideoObject.uploadDate`) only on pages with no article-like node (there they are
    embedded clips, not the page). Within a class the first node carrying a date counts.
    """
    classes: dict[str, list[dict[str, Any]]] = {"main": [], "page": [], "media": []}
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() not in ("application/ld+json", "application/json+ld"):
            continue
        text = script.text
        if not text or not text.strip():
            continue
        try:
            data = _load_jsonld(text)
        except (json.JSONDecodeError, ValueError) as exc:  # TooDeep too (counted by crawler.extract.jsonld)
            logger.debug("Unreadable JSON-LD block: %s", exc)
            continue
        for node in _nodes(data):
            types = _types(node)
            if any(_MAIN_TYPE.search(t) for t in types):
                classes["main"].append(node)
            elif any(_PAGE_TYPE.match(t) for t in types):
                classes["page"].append(node)
            elif any(_MEDIA_TYPE.match(t) for t in types):
                classes["media"].append(node)
    if classes["main"]:
        classes["media"] = []
    found: list[DateCandidate] = []
    for nodes in classes.values():
        for kind in ("published", "created", "modified"):
            value = next((text for node in nodes for key, k in _JSONLD_FIELDS if k == kind
                          if (text := raw_text(node.get(key)))), None)
            if value is not None:
                found.append(DateCandidate("jsonld", kind, value))
    return found


def meta_candidates(tree: HtmlElement) -> list[DateCandidate]:
    """Page-level `<meta>` dates: every key of a tag counts (`property`, `name`, `http-equiv`, and
    `itemprop` in `<head>`; an `itemprop` meta in the body belongs to some item: `time_candidates`)."""
    values: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = element.get("content") or element.get("datetime")
        if not content or not content.strip():
            continue
        in_head = element.getparent() is not None and element.getparent().tag == "head"
        for attribute in ("property", "name", "http-equiv", "itemprop"):
            if attribute == "itemprop" and not in_head:
                continue
            key = (element.get(attribute) or "").strip().lower()
            if key and key not in values:
                values[key] = content.strip()
    found = []
    for kind, keys in (("published", META_PUBLISHED), ("created", META_CREATED), ("modified", META_MODIFIED)):
        value = next((values[key] for key in keys if key in values), None)
        if value is not None:
            found.append(DateCandidate("meta", kind, value))
    return found


def _kind_from_hint(hint: str) -> str | None:
    """ "published" or "modified" from a class/itemprop hint; WordPress's "entry-date published
    updated" is the publication date."""
    if any(marker in hint for marker in _PUBLISHED_HINTS):
        return "published"
    if any(marker in hint for marker in _MODIFIED_HINTS):
        return "modified"
    return None


def _main_scope(element: HtmlElement) -> bool:
    """True when the nearest microdata scope of `element` is an article or web page."""
    for node in element.iterancestors():
        if node.get("itemscope") is not None:
            return is_article_container(node) and node.tag != "main"
    return False


def time_candidates(tree: HtmlElement) -> list[DateCandidate]:
    """`<time>` elements and microdata date properties (source "time"), in three ranks.

    First the properties of the page's article (`itemprop="datePublished"` whose microdata scope
    is an article, wherever it sits); then, outside furniture, other elements whose itemprop,
    class or `pubdate` attribute names the kind; then bare `<time datetime>` elements. Document
    order within a rank.
    """
    ranks: tuple[list[DateCandidate], ...] = ([], [], [])
    for element in _TIME_OR_ITEMPROP(tree):
        itemprop = (element.get("itemprop") or "").strip().lower()
        if element.tag != "time" and itemprop not in ITEMPROP_KINDS:
            continue
        if element.tag == "meta" and element.getparent() is not None and element.getparent().tag == "head":
            continue  # page-level: meta_candidates
        value = element.get("datetime") or element.get("content")
        if element.tag not in ("time", "meta") and not value:
            value = element.text_content()
        if not value or not value.strip():
            continue
        kind = ITEMPROP_KINDS.get(itemprop)
        if kind is not None and _main_scope(element):
            rank = 0
        elif in_furniture(element):
            continue
        else:
            if kind is None:
                hint = " ".join(filter(None, (element.get("class"), element.get("data-qa"), element.get("id"))))
                kind = "published" if element.get("pubdate") is not None else _kind_from_hint(hint.lower())
            rank = 2 if kind is None else 1
        ranks[rank].append(DateCandidate("time", kind or "published", " ".join(value.split())))
    kept: list[DateCandidate] = []
    counts: dict[str, int] = {}
    for candidate in dict.fromkeys(ranks[0] + ranks[1] + ranks[2]):
        if counts.get(candidate.kind, 0) < MAX_TIME_CANDIDATES:
            kept.append(candidate)
            counts[candidate.kind] = counts.get(candidate.kind, 0) + 1
    return kept


def link_urls(tree: HtmlElement) -> list[str]:
    """The canonical link and `og:url`, which often carry the date the page's own URL lacks."""
    urls = []
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            urls.append(link.get("href").strip())
            break
    for element in tree.iter("meta"):
        if (element.get("property") or element.get("name") or "").lower() == "og:url" and element.get("content"):
            urls.append(element.get("content").strip())
            break
    return urls
