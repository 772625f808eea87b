"""Block pages, bot walls and "access denied" pages, so that they are never emitted as articles.

Pure functions; patterns are data. Which signals count: docs/cleaning.md (block pages).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lxml import etree

from crawler.tree_text import element_text

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Text longer than this is content, whatever it says (block pages carry a few hundred characters).
MAX_BLOCK_PAGE_CHARS = 2000
# A generic block line ("Access Denied") counts only when its line is this short.
MAX_BLOCK_LINE_CHARS = 80
# An error status with less text than this is a block page even without a known phrase.
MIN_CONTENT_CHARS = 200
BLOCK_STATUSES = frozenset({401, 403, 406, 429, 451, 503})

# (reason, regex) matched against the whole title, or against one part of it between separators
# ("Access Denied | Example News"). Case-insensitive, whitespace folded.
TITLE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("cloudflare", r"attention required!?(?: \| cloudflare)?"),
    ("cloudflare", r"just a moment\.*"),
    ("access_denied", r"access denied|access to this page has been denied\.?|you have been blocked"),
    ("forbidden", r"(?:error )?(?:403 )?(?:- )?forbidden|error 403"),
    ("request_blocked", r"request (?:blocked|rejected|unsuccessful)\.?"),
    ("captcha", r"are you a robot\??|robot check|captcha|human verification|security check|verify you are human\.?"),
    ("rate_limited", r"(?:429 )?too many requests"),
    ("access_denied", r"访问被拒绝|拒绝访问|禁止访问|访问受限|訪問被拒絕|拒絕存取|存取被拒"),
    ("captcha", r"验证码|驗證碼|安全验证|安全驗證|人机验证|人機驗證|滑动验证"),
)

# (reason, regex) searched anywhere in a short page's text: fixed phrases of blocking products.
PHRASE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("cloudflare", r"enable javascript and cookies to continue"),
    ("cloudflare", r"checking (?:if the site connection is secure|your browser before accessing)"),
    ("cloudflare", r"why have i been blocked\?|performance (?:&|and) security by cloudflare|cloudflare ray id"),
    ("access_denied", r"you don'?t have permission to access .{0,200} on this server"),
    ("request_blocked", r"the requested url was rejected\. please consult with your administrator"),
    ("request_blocked", r"request unsuccessful\. incapsula incident id"),
    ("bot_wall", r"access to this page has been denied because we believe you are using automation tools"),
    ("bot_wall", r"press (?:&|and) hold to confirm you are a human"),
    ("captcha", r"please (?:verify|confirm) (?:that )?you are (?:a )?human|complete the security check to access"),
    ("access_denied", r"您的访问被拒绝|您的訪問被拒絕|您没有权限访问|您沒有權限訪問"),
    ("rate_limited", r"您的访问过于频繁|訪問過於頻繁|访问频率过高"),
    ("captcha", r"请输入验证码|請輸入驗證碼|请完成(?:下方)?安全验证|請完成安全驗證"),
)

# (reason, regex) that must match a whole line of a short page: generic words an article may use.
LINE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("access_denied", r"access denied|you have been blocked|sorry, you have been blocked"),
    ("forbidden", r"(?:error )?403(?: -)? forbidden|forbidden"),
    ("request_blocked", r"request (?:blocked|rejected)"),
    ("captcha", r"are you a robot\?*|please complete the captcha(?: below)?|verify you are human"),
    ("access_denied", r"访问被拒绝|拒绝访问|禁止访问|訪問被拒絕|拒絕存取"),
    ("captcha", r"验证码|驗證碼|请输入验证码|請輸入驗證碼|安全验证|人机验证"),
)

# Elements whose text a reader does not see (noscript is seen: challenge pages put their message there).
_HIDDEN = frozenset({"script", "style", "template"})
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·)\s+|\s*\|\s*")
_TRAILING = " .!。！:：-–—"


def _compile(patterns: tuple[tuple[str, str], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((reason, re.compile(regex, re.IGNORECASE)) for reason, regex in patterns)


_TITLES = _compile(TITLE_PATTERNS)
_PHRASES = _compile(PHRASE_PATTERNS)
_LINES = _compile(LINE_PATTERNS)


def _fold(text: str) -> str:
    """Whitespace runs as one space, none at the ends (`str.split` splits on what `\\s` matches)."""
    return " ".join(text.split())


def _title_reason(title: str) -> str | None:
    """A block title: the whole title, or one part of it between separators, is a block phrase."""
    folded = _fold(title).strip(_TRAILING)
    if not folded:
        return None
    parts = [folded, *(p.strip(_TRAILING) for p in _TITLE_SEPARATORS.split(folded))]
    for reason, pattern in _TITLES:
        if any(part and pattern.fullmatch(part) for part in parts):
            return reason
    return None


def _line_reason(text: str, anywhere: bool) -> str | None:
    """A generic block line: a short line of its own, or (after an error status) anywhere."""
    if anywhere:
        folded = _fold(text)
        return next((reason for reason, pattern in _LINES if pattern.search(folded)), None)
    lines = [_fold(line).strip(_TRAILING) for line in text.splitlines()]
    lines = [line for line in lines if line and len(line) <= MAX_BLOCK_LINE_CHARS]
    for reason, pattern in _LINES:
        if any(pattern.fullmatch(line) for line in lines):
            return reason
    return None


def block_page_reason(title: str, text: str, status: int | None = None) -> str | None:
    """Why this page is a block page (`cloudflare`, `access_denied`, `captcha`, ...), or None.

    `title` is the page's `<title>` (or headline); `text` its visible or main text, lines separated by
    newlines; `status` the HTTP status when known (an error status lets generic words count anywhere in
    a short page, and makes an almost empty page a block page by itself).
    """
    folded_text = _fold(text)
    if len(folded_text) > MAX_BLOCK_PAGE_CHARS:
        return None
    blocked_status = status in BLOCK_STATUSES
    reason = _title_reason(title)
    if reason is not None:
        return reason
    for reason, pattern in _PHRASES:
        if pattern.search(folded_text):
            return reason
    reason = _line_reason(text, anywhere=blocked_status)
    if reason is not None:
        return reason
    if blocked_status and len(folded_text) < MIN_CONTENT_CHARS:
        return f"status_{status}"
    return None


def page_block_reason(tree: HtmlElement, title: str) -> str | None:
    """`block_page_reason` of a parsed page: its `title` and its visible text.

    A page whose paragraphs alone hold more text than a block page can is content: answered without
    the walk over every text node that `visible_text` makes (hundreds of menu links on a news page).
    """
    if paragraphs_exceed(tree, MAX_BLOCK_PAGE_CHARS):
        return None
    return block_page_reason(title, visible_text(tree))


def paragraphs_exceed(tree: HtmlElement, limit: int) -> bool:
    """True when the visible text of `<body>`, as `block_page_reason` measures it, is surely over `limit`.

    A lower bound: the folded text of each `<p>` that holds no hidden element, no other `<p>` and is
    in no `<template>` (folding a paragraph whole never makes it longer than folding its text nodes
    one by one and joining them, which is what `visible_text` does).
    """
    body = next(tree.getroottree().getroot().iter("body"), None)
    if body is None:
        return False
    in_templates = {p for template in body.iter("template") for p in template.iter("p")}
    size = 0
    for paragraph in body.iter("p"):
        if paragraph in in_templates or next(paragraph.iterdescendants("p", *_HIDDEN), None) is not None:
            continue
        folded = _fold(element_text(paragraph))
        if folded:
            size += len(folded) + 1  # a line and its separator, as `visible_text` counts them
            if size - 1 > limit:
                return True
    return False


def visible_text(tree: HtmlElement, limit: int = MAX_BLOCK_PAGE_CHARS + 1) -> str:
    """The page's visible text, one line per text node, read only up to `limit` characters.

    Enough for `block_page_reason`, cheap on long pages (which are never block pages anyway).
    """
    lines: list[str] = []
    size = 0
    for node in _visible_text_nodes(tree):
        line = _fold(node)
        if not line:
            continue
        lines.append(line)
        size += len(line) + 1
        if size > limit:
            break
    return "\n".join(lines)


def _visible_text_nodes(tree: HtmlElement) -> Iterator[str]:
    """The text nodes of `<body>` outside scripts, styles and templates, in document order.

    A walk, not the XPath `//body//text()[not(ancestor::script ...)]`: libxml2 evaluates that in time
    quadratic in the number of text nodes on some trees (200,000 `<br>`: 13 s).
    """
    body = next(tree.getroottree().getroot().iter("body"), None)  # `//body`: the whole document's
    if body is None:
        return
    hidden = 0  # open hidden elements around the current position
    for event, element in etree.iterwalk(body, events=("start", "end")):
        is_element = isinstance(element.tag, str)
        if event == "start":
            if is_element and element.tag in _HIDDEN:
                hidden += 1
            elif is_element and not hidden and element.text:
                yield element.text
        else:
            if is_element and element.tag in _HIDDEN:
                hidden -= 1
            if element is not body and not hidden and element.tail:
                yield element.tail
