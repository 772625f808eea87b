"""The article payload of Next.js pages (`script#__NEXT_DATA__`), e.g. SCMP's.

SCMP stores `headline`, `summary`, `authors[].name`, `publishedDate`/`updatedDate` (epoch ms, UTC),
`sections`, `keywords`, `paywallTypes` and the body as a node tree at
`props.pageProps.payload.data.article`; the site profile names that path.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from crawler.json_limits import TooDeep, load_json

logger = logging.getLogger(__name__)


_NEXT_DATA = etree.XPath("//script[@id='__NEXT_DATA__']")  # compiled once, not on every page


def find_next_article(tree: HtmlElement, path: tuple[str, ...]) -> dict[str, Any] | None:
    """The dict at `path` inside `__NEXT_DATA__`, or None (no script, bad JSON, other shape)."""
    if not path:
        return None
    scripts = _NEXT_DATA(tree)
    if not scripts:
        return None
    try:
        node: Any = load_json(scripts[0].text_content() or "null")
    except TooDeep as exc:
        logger.warning("Ignoring __NEXT_DATA__ %s", exc)
        return None
    except json.JSONDecodeError as exc:
        logger.debug("Unreadable __NEXT_DATA__: %s", exc)
        return None
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node if isinstance(node, dict) else None


def body_paragraphs(article: dict[str, Any]) -> list[str]:
    """Plain-text paragraphs of the payload's `body.json` node tree (ads and widgets skipped)."""
    body = article.get("body")
    nodes = body.get("json") if isinstance(body, dict) else None
    if not isinstance(nodes, list):
        return []
    paragraphs: list[str] = []
    for node in nodes:
        if isinstance(node, dict) and node.get("type") in ("p", "h2", "h3", "blockquote", "li"):
            text = " ".join(_texts(node)).strip()
            if text:
                paragraphs.append(" ".join(text.split()))
    return paragraphs


def _texts(node: Any) -> list[str]:
    if isinstance(node, dict):
        if node.get("type") == "text":
            return [str(node.get("data") or "")]
        return [t for child in node.get("children") or () for t in _texts(child)]
    return []


def names(values: Any) -> list[str]:
    """Names from `authors: [{name: ...}]`."""
    if not isinstance(values, list):
        return []
    return [v["name"].strip() for v in values if isinstance(v, dict) and isinstance(v.get("name"), str)]


def labels(values: Any) -> list[str]:
    """Names from lists of strings or of `{name: ...}` dicts (sections, topics, keywords)."""
    if isinstance(values, str):
        return [v.strip() for v in values.split(",") if v.strip()]
    if not isinstance(values, list):
        return []
    out = []
    for value in values:
        if isinstance(value, str) and value.strip():
            out.append(value.strip())
        elif isinstance(value, dict) and isinstance(value.get("name"), str):
            out.append(value["name"].strip())
    return out
