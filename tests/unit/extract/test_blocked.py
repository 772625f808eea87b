"""`block_page_reason`: block pages, bot walls and captchas are recognised from whole-page signals; an
article that merely mentions "access denied" (or 验证码) is never taken for one.
"""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from crawler.extract.blocked import (
    MAX_BLOCK_PAGE_CHARS,
    block_page_reason,
    page_block_reason,
    paragraphs_exceed,
    visible_text,
)
from tests.support import fault_pages as fs

LONG_STORY = " ".join(
    f"Paragraph {n}: regulators said the review of cross-border data rules would continue into next year, "
    "and that companies should prepare their compliance teams for further guidance." for n in range(20)
)
assert len(LONG_STORY) > MAX_BLOCK_PAGE_CHARS


def row(name: str, title: str, text: str, status: int | None, expected: str | None) -> object:
    return pytest.param(title, text, status, expected, id=name)


BLOCK_PAGES = [
    row("cloudflare-just-a-moment", "Just a moment...",
        "Checking if the site connection is secure\nEnable JavaScript and cookies to continue", None, "cloudflare"),
    row("cloudflare-attention-required", "Attention Required! | Cloudflare",
        "Sorry, you have been blocked\nYou are unable to access example.com\nWhy have I been blocked?", None,
        "cloudflare"),
    row("cloudflare-phrase-only", "", "Please enable JavaScript and cookies to continue\nRay ID: 8f1e2d3c4b5a6978",
        None, "cloudflare"),
    row("akamai-access-denied", "Access Denied",
        'You don\'t have permission to access "http://www.example.com/economy/" on this server.\n'
        "Reference #18.2f1e4b17.1764400000.5c3e9a1", None, "access_denied"),
    row("akamai-phrase-without-title", "",
        'You don\'t have permission to access "http://www.example.com/" on this server.', None, "access_denied"),
    row("access-denied-with-site-suffix", "Access Denied | Example Daily", "Access denied.", None, "access_denied"),
    row("nginx-403", "403 Forbidden", "403 Forbidden\nnginx", None, "forbidden"),
    row("error-403-dash", "Error 403 - Forbidden", "You are not allowed here.", None, "forbidden"),
    row("f5-rejected", "Request Rejected",
        "The requested URL was rejected. Please consult with your administrator.\nYour support ID is: 1234567890",
        None, "request_blocked"),
    row("f5-phrase-only", "", "The requested URL was rejected. Please consult with your administrator.", None,
        "request_blocked"),
    row("incapsula", "", "Request unsuccessful. Incapsula incident ID: 1234000560012345-678", None,
        "request_blocked"),
    row("request-blocked-line", "Example News", "Request blocked\nPlease try again later.", None, "request_blocked"),
    row("perimeterx-in-article-template", "Exporters brace for a slower first quarter",
        "Access to this page has been denied because we believe you are using automation tools to browse the "
        "website.\nPress & Hold to confirm you are a human (and not a bot).", None, "bot_wall"),
    row("robot-title", "Are you a robot?", "Please complete the captcha below.", None, "captcha"),
    row("captcha-title", "Captcha", "Type the characters you see in the picture.", None, "captcha"),
    row("verify-human-phrase", "Example Daily", "Please verify you are a human\nHelp", None, "captcha"),
    row("too-many-requests", "429 Too Many Requests", "Slow down.", None, "rate_limited"),
    row("zh-access-denied-title", "访问被拒绝", "您的访问被拒绝，请稍后再试。", None, "access_denied"),
    row("zh-access-denied-phrase", "新闻中心", "抱歉，您的访问被拒绝。\n如有疑问请联系网站管理员。", None,
        "access_denied"),
    row("zh-traditional-denied", "訪問被拒絕", "您的訪問被拒絕", None, "access_denied"),
    row("zh-captcha-title", "安全验证", "请输入验证码\n看不清？换一张", None, "captcha"),
    row("zh-captcha-line", "新闻中心", "验证码\n请拖动滑块完成拼图", None, "captcha"),
    row("zh-too-frequent", "提示", "您的访问过于频繁，请稍后再试。", None, "rate_limited"),
    row("status-403-almost-empty", "", "Nope.", 403, "status_403"),
    row("status-429-generic-word-anywhere", "Example Daily", "Your request blocked by our firewall rules, sorry.",
        429, "request_blocked"),
]

NOT_BLOCK_PAGES = [
    row("long-story-mentioning-access-denied", "Auditors denied access to mainland working papers",
        LONG_STORY + " Officials described the notices as 'access denied' letters.", None, None),
    row("brief-with-access-denied-in-a-sentence", "Court upholds data access rules",
        "The court said the regulator's access denied notices to three audit firms were lawful, and that the firms "
        "could appeal within 30 days.", None, None),
    row("headline-starting-with-access-denied", "Access denied: foreign auditors shut out of mainland files",
        "Foreign audit firms will no longer be able to take working papers out of the mainland, the regulator said "
        "on Tuesday.", None, None),
    row("brief-quoting-cloudflare-title-in-long-story", "Cloudflare outage hits Asian trading platforms",
        LONG_STORY + " Users saw pages titled 'Just a moment...' and 'Attention Required! | Cloudflare'.", None,
        None),
    row("zh-brief-on-sms-code-scams", "警方提醒市民警惕验证码诈骗",
        "警方表示，近期有骗徒冒充银行职员，要求市民提供手机验证码，市民切勿向他人透露验证码。", None, None),
    row("zh-brief-mentioning-denied", "外资审计机构申请被拒绝",
        "监管部门表示，有关机构访问被拒绝的原因是材料不齐全，可在补充后重新提交申请。", None, None),
    row("forbidden-city-story", "Forbidden City visitor numbers recover",
        "Visitor numbers at the Forbidden City returned to pre-pandemic levels in October.", None, None),
    row("error-status-but-long-story", "Harbour freight volumes climb", LONG_STORY, 403, None),
    row("short-honest-brief", "Retail sales beat forecasts", "Retail sales rose 3.1 per cent in October.", None,
        None),
    row("empty", "", "", None, None),
]


@pytest.mark.parametrize(("title", "text", "status", "expected"), BLOCK_PAGES)
def test_block_pages_are_recognised(title: str, text: str, status: int | None, expected: str) -> None:
    assert block_page_reason(title, text, status) == expected


@pytest.mark.parametrize(("title", "text", "status", "expected"), NOT_BLOCK_PAGES)
def test_articles_are_not_block_pages(title: str, text: str, status: int | None, expected: None) -> None:
    assert block_page_reason(title, text, status) is expected


def _reason_as_wired(html: str) -> str | None:
    """As extract_article asks: the page's <title> and its parsed tree."""
    tree = load_html(html)
    assert tree is not None
    return page_block_reason(tree, tree.findtext(".//title") or "")


def _walked(html: str) -> str | None:
    """The definition: the reason of the page's whole visible text, read node by node."""
    tree = load_html(html)
    assert tree is not None
    return block_page_reason(tree.findtext(".//title") or "", visible_text(tree))


PARAGRAPH = "<p>Regulators said the review of data rules would continue, and firms should prepare.</p>"
CHALLENGE = "<h1>Just a moment...</h1><p>Checking if the site connection is secure</p>"


@pytest.mark.parametrize("html", [
    fs.BLOCK_PAGE_HTML,
    fs.block_in_template_html("http://127.0.0.1:8000"),
    fs.article_html(fs.GOOD_ARTICLES[0], "http://127.0.0.1:8000"),
    f"<html><head><title>Just a moment...</title></head><body>{CHALLENGE}</body></html>",
    # a long paragraph hidden in a template, or carrying a script, does not make a block page content
    f"<html><head><title>Just a moment...</title></head><body>{CHALLENGE}<template>{PARAGRAPH * 40}</template></body></html>",
    "<html><head><title>Access Denied</title></head><body><p>Access denied.<script>"
    + "var x = 1;" * 400 + "</script></p></body></html>",
    # just under and just over the limit, in paragraphs and in divs
    *(f"<html><head><title>Access Denied</title></head><body>{PARAGRAPH * n}</body></html>" for n in (20, 24, 25, 26)),
    *(f"<html><head><title>Access Denied</title></head><body>{PARAGRAPH.replace('p>', 'div>') * n}</body></html>"
      for n in (20, 30)),
    "<html><head><title>Access Denied</title></head><body>" + "<p>  spaced   out   words  </p>" * 120 + "</body></html>",
    "<html><head><title>Access Denied</title></head><body>" + "<p>a<b>b</b>c<i> d </i></p>" * 400 + "</body></html>",
])
def test_the_paragraph_shortcut_gives_the_reason_of_the_whole_walk(html: str) -> None:
    assert _reason_as_wired(html) == _walked(html)


def test_paragraphs_exceed_counts_only_visible_paragraph_text() -> None:
    long_page = f"<html><body>{PARAGRAPH * 30}</body></html>"
    assert paragraphs_exceed(load_html(long_page), MAX_BLOCK_PAGE_CHARS)
    hidden = f"<html><body><template>{PARAGRAPH * 30}</template><p>Short.</p></body></html>"
    assert not paragraphs_exceed(load_html(hidden), MAX_BLOCK_PAGE_CHARS)
    in_divs = f"<html><body>{PARAGRAPH.replace('p>', 'div>') * 30}</body></html>"
    assert not paragraphs_exceed(load_html(in_divs), MAX_BLOCK_PAGE_CHARS)  # a lower bound, not the walk


@pytest.mark.parametrize(("html", "reason"), [
    (fs.BLOCK_PAGE_HTML, "cloudflare"),
    (fs.block_in_template_html("http://127.0.0.1:8000"), "access_denied"),
])
def test_fault_server_block_pages_from_their_html(html: str, reason: str) -> None:
    assert _reason_as_wired(html) == reason


def test_a_real_article_page_is_not_a_block_page() -> None:
    assert _reason_as_wired(fs.article_html(fs.GOOD_ARTICLES[0], "http://127.0.0.1:8000")) is None


def test_visible_text_skips_scripts_and_stops_early() -> None:
    html = ("<html><head><title>t</title><script>var challenge = 'Just a moment';</script></head><body>"
            "<noscript>Enable JavaScript and cookies to continue</noscript><style>p{}</style>"
            + "<p>line of text</p>" * 1000 + "</body></html>")
    text = visible_text(load_html(html))
    assert "challenge" not in text and "p{}" not in text
    assert text.startswith("Enable JavaScript and cookies to continue")
    assert len(text) <= MAX_BLOCK_PAGE_CHARS + 100
