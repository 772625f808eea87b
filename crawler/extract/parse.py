"""A page's one parse: trafilatura's `load_html` for text, with the element classes looked up in C.

lxml.html's parser asks a Python method for the class of every element handed to Python (so that
`<form>` and `<input>` get their own classes, which nothing here uses): about 3,800 calls on a
benchmark page, ~0.7 ms of ~22. This parser gives every element `HtmlElement` without asking; the
steps before it (dubious-HTML check, repairs, the bytes fallback) are trafilatura's, in its order;
the repairs are written out here (`repair_html`) to skip a deletion that has nothing to delete.
"""

from __future__ import annotations

import logging

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS, decode_file, is_dubious_html

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
    html = repair_html(html, beginning)
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


#: The characters trafilatura deletes before parsing (`INVALID_XML_CHARS`), one by one.
INVALID_CHARS = (*map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]), "\ufffe", "\uffff")


def repair_html(html: str, beginning: str) -> str:
    """trafilatura's `repair_faulty_html`, its patterns and steps, deleting invalid characters only when
    there are some.

    Its deletion is a regular expression tried at every character (0.3 ms on a 100 KB page); a
    substring search for each of the characters finds that there is none in a third of the time.
    """
    if any(char in html for char in INVALID_CHARS):
        html = INVALID_XML_CHARS.sub("", html)
    if "doctype" in beginning:  # libxml2/lxml issue: https://bugs.launchpad.net/lxml/+bug/1955915
        firstline, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:  # self-closing <html/> in the first lines
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    return html


def _from_bytes(html: str) -> HtmlElement | None:
    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception as exc:  # noqa: BLE001 - as above
        logger.debug("lxml parser bytestring: %s", exc)
        return None
