"""A page's one parse: trafilatura's `load_html` for text, with the element classes looked up in C.

lxml.html's parser asks a Python method for the class of every element handed to Python (so that
`<form>` and `<input>` get their own classes, which nothing here uses): about 3,800 calls on a
benchmark page, ~0.7 ms of ~22. This parser gives every element `HtmlElement` without asking; the
steps before it (dubious-HTML check, repairs, the bytes fallback) are trafilatura's, in its order.
"""

from __future__ import annotations

import logging

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring
from trafilatura.utils import decode_file, is_dubious_html, repair_faulty_html

logger = logging.getLogger(__name__)

# trafilatura's parser options (`trafilatura.utils.HTML_PARSER`).
_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                     remove_pis=True)
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))


def parse_html(html: str | bytes) -> HtmlElement | None:
    """The page's tree, or None when `html` is not HTML (what `trafilatura.utils.load_html` returns)."""
    if isinstance(html, bytes):
        html = decode_file(html)
    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repair_faulty_html(html, beginning)
    tree: HtmlElement | None = None
    from_bytes = False
    try:
        tree = fromstring(html, parser=_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, from_bytes = _from_bytes(html), True
    except Exception as exc:  # noqa: BLE001 - lxml's own errors: no tree, said as such by the caller
        logger.debug("lxml parsing failed: %s", exc)
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = _from_bytes(html)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


def _from_bytes(html: str) -> HtmlElement | None:
    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception as exc:  # noqa: BLE001 - as above
        logger.debug("lxml parser bytestring: %s", exc)
        return None
