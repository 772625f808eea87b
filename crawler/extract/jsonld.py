"""Article metadata from JSON-LD: NewsArticle/Article objects, top level, in lists or in `@graph`."""

from __future__ import annotations

import functools
import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from crawler.json_limits import TooDeep, load_json

logger = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
     "BlogPosting", "LiveBlogPosting", "BackgroundNewsArticle", "ScholarlyArticle", "TechArticle"}
)
_SCRIPTS = etree.XPath("//script[@type='application/ld+json' or @type='application/json+ld']")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _loads(raw: str) -> Any:
    raw = raw.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    try:
        return load_json(raw)
    except json.JSONDecodeError:
        # Common CMS slips: raw newlines/tabs in strings, trailing commas.
        return load_json(_TRAILING_COMMA.sub(r"\1", _CONTROL_CHARS.sub(" ", raw)),
                         functools.partial(json.loads, strict=False))


def _walk(node: Any):
    if isinstance(node, list):
        for child in node:
            yield from _walk(child)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in node:
                yield from _walk(node[key])


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type", ())
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return {v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


@dataclass
class JsonLd:
    """The first article-typed JSON-LD object of a page, and the blocks that could not be used."""

    article: dict[str, Any] | None = None
    broken: int = 0
    """Blocks that are not JSON."""
    too_deep: int = 0
    """Blocks nested deeper than `MAX_JSON_DEPTH` (ignored: reading them would recurse without end)."""


def find_article_jsonld(tree: HtmlElement) -> JsonLd:
    """The first article-typed JSON-LD object, and the count of unreadable and too deep blocks."""
    found = JsonLd()
    for script in _SCRIPTS(tree):
        text = script.text_content()
        if not text or not text.strip():
            continue
        try:
            data = _loads(text)
        except TooDeep as exc:
            found.too_deep += 1
            logger.warning("Ignoring a JSON-LD block %s", exc)
            continue
        except (json.JSONDecodeError, ValueError) as exc:
            found.broken += 1
            logger.debug("Unreadable JSON-LD block: %s", exc)
            continue
        nodes = list(_walk(data))
        for node in nodes:
            if _types(node) & ARTICLE_TYPES:
                found.article = _resolve_references(node, nodes)
                return found
    return found


def _resolve_references(article: dict[str, Any], nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """Replace `{"@id": ...}` stubs (Yoast-style `@graph`) of author/publisher with the full node."""
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}

    def resolve(value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"@id"}:
            return by_id.get(value["@id"], value)
        if isinstance(value, list):
            return [resolve(v) for v in value]
        return value

    return {**article, **{key: resolve(article[key]) for key in ("author", "publisher") if key in article}}


def names(value: Any) -> list[str]:
    """Person/organisation names from a JSON-LD value: str, {name}, or lists of those."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        return names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in names(item)]
    return []


_ORGANISATION_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation", "WebSite", "Brand"})


def person_names(value: Any) -> list[str]:
    """Like `names`, without nodes typed as organisations (a publisher given as the author)."""
    if isinstance(value, list):
        return [name for item in value for name in person_names(item)]
    if isinstance(value, dict) and _types(value) & _ORGANISATION_TYPES:
        return []
    return names(value)


def text_list(value: Any) -> list[str]:
    """Keywords/sections: a comma-separated string or a list of strings."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return [part for item in value for part in text_list(item)]
    return []


def first_text(value: Any) -> str | None:
    """A single string from str / list / {@id|url|name} values."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        return next((text for item in value if (text := first_text(item))), None)
    if isinstance(value, dict):
        return first_text(value.get("@id") or value.get("url") or value.get("name"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None
