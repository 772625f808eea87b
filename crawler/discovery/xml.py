"""A safe XML parser for documents fetched from the web.

External entities are never resolved and nothing is fetched over the network while parsing, so a
hostile sitemap or feed cannot read local files or trigger requests (XXE); `recover` keeps what can
be read from truncated documents.
"""

from __future__ import annotations

import logging

from lxml import etree

logger = logging.getLogger(__name__)

_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "recover": True,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def parse_xml(body: bytes) -> etree._Element | None:
    """Parse `body` into an element tree; None when nothing usable is in it."""
    if not body or not body.strip():
        return None
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(body.strip(), parser=parser)
    except etree.XMLSyntaxError as exc:
        logger.debug("Unreadable XML document: %s", exc)
        return None
    return root


def local_name(element: etree._Element) -> str:
    """Tag name without namespace ('{ns}loc' -> 'loc')."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def child_text(element: etree._Element, name: str) -> str | None:
    """Stripped text of the first direct child with local name `name` (any namespace)."""
    for child in element:
        if local_name(child) == name:
            text = (child.text or "").strip()
            return text or None
    return None
