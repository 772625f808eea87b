"""The Chinese source: pages declared GBK/GB2312/Big5 only in the page (or not at all) decode right, and
Chinese amounts (1600亿元, 220.7亿美元) and dates (2025年2月18日) flow through the same pipelines.

Two decoding paths exist. The spider's: Scrapy decodes the body by the HTTP header, else the page's
`<meta charset>`/http-equiv (mapping labels as browsers do: gb2312 -> gb18030, big5 -> big5hkscs), else
by detection, and hands text to extraction. The bytes path (`extract_article(bytes)`, used by the
saved-page fixtures) leaves decoding to trafilatura, which guesses and reads "gb2312" with Python's
strict GB2312 codec: the one known failure below.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse

from crawler.extract import extract_article
from crawler.normalise.amounts import annotate_amounts
from crawler.normalise.date_mentions.mentions import find_date_mentions
from sample_site.sources import peopledaily
from tests.fixtures.pages_support import PAGES, load_expected, run_case

BASE = "http://finance.people.com.cn"
_MOJIBAKE = re.compile("[\ufffd\u00c0-\u00ff\u30fb]|锟斤拷")
ARTICLE = peopledaily.ARTICLES[0]
URL = BASE + peopledaily.article_path(ARTICLE)
HEADLINE = ARTICLE["title"]

BIG5_PAGE = """<!DOCTYPE html><html><head><meta charset="big5"><title>港府推出1600億元基建債券計劃</title>
<meta property="og:type" content="article"></head><body><div class="article"><h1>港府推出1600億元基建債券計劃</h1>
<p>財經事務及庫務局2025年2月18日表示，政府將在未來五年發行總額1600億元的基建債券，為北部都會區及交通項目融資。</p>
<p>局方指出，首批債券將於下月推出，年期由三年至十年不等，機構投資者及零售投資者均可認購。</p>
<p>有經濟學者認為，發債有助減輕財政儲備壓力，但當局須清楚交代各項工程的回報評估。</p></div></body></html>"""

# (label, page bytes, text that must survive decoding)
PAGES_BY_DECLARATION = [
    ("meta charset gbk", peopledaily.article_page(ARTICLE, URL, BASE, []).encode("gbk"), HEADLINE),
    ("http-equiv gb2312 (GBK bytes)",
     peopledaily.article_page(ARTICLE, URL, BASE, [], charset='<meta http-equiv="content-type" '
                              'content="text/html;charset=GB2312"/>').encode("gbk"), HEADLINE),
    ("undeclared gbk", peopledaily.article_page(ARTICLE, URL, BASE, [], charset="").encode("gbk"), HEADLINE),
    ("meta charset big5", BIG5_PAGE.encode("big5"), "港府推出1600億元基建債券計劃"),
]


def _spider_items(body: bytes, url: str = URL) -> list[dict[str, Any]]:
    """What the spider extracts from `body` served as plain `text/html`: Scrapy decodes the response and
    `NewsSpider.parse_article` hands `response.text` to `extract_article` (the crawl tests run the rest)."""
    response = HtmlResponse(url=url, body=body, headers={"Content-Type": "text/html"})
    extraction = extract_article(response.text, response.url, site="peopledaily", now=datetime(2026, 1, 1, tzinfo=UTC))
    return [extraction.item()]


@pytest.mark.parametrize(("label", "body", "expected"), PAGES_BY_DECLARATION, ids=[p[0] for p in PAGES_BY_DECLARATION])
def test_spider_decodes_pages_declared_only_in_the_page(label: str, body: bytes, expected: str) -> None:
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    [item] = _spider_items(body)
    assert expected in item["title"]
    assert not _MOJIBAKE.search(item["title"] + item["text"])
    assert "1600" in item["text"] and ("亿元" in item["text"] or "億元" in item["text"])


PEOPLE_DAILY_CASES = sorted(p.name for p in PAGES.iterdir() if p.name.startswith("peopledaily-"))


@pytest.mark.parametrize("case", [c for c in PEOPLE_DAILY_CASES if c != "peopledaily-gb2312-http-equiv"])
def test_saved_gbk_pages_decode_on_the_bytes_path(case: str) -> None:
    result = run_case(case)
    if "not_article" in result:
        return
    assert re.search("[\u4e00-\u9fff]{6}", result["title"])
    assert not _MOJIBAKE.search(result["title"] + result["text"])


def test_saved_gb2312_page_decodes_on_the_bytes_path() -> None:
    # GBK bytes labelled gb2312: read as GB18030 like browsers do, so GBK-only characters survive.
    page = (PAGES / "peopledaily-gb2312-http-equiv" / "page.html").read_bytes()
    from crawler.extract.decode import decode_html
    assert "经济·科技" in decode_html(page, None)[0]
    result = run_case("peopledaily-gb2312-http-equiv")
    assert not _MOJIBAKE.search(result["title"] + result["text"])


def test_title_is_the_headline_without_the_channel_suffix() -> None:
    assert run_case("peopledaily-gbk-meta-charset")["title"] == HEADLINE


def test_fixture_expectations_are_the_current_extraction() -> None:
    for case in PEOPLE_DAILY_CASES:
        assert run_case(case) == load_expected(case), case


# --- amounts and dates (built by another stage; skipped until it exists) ----------------------------

def _published(result: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(result["published_at"])


def test_chinese_amounts_are_found_with_values_and_currencies() -> None:
    first, second = run_case("peopledaily-gbk-meta-charset"), run_case("peopledaily-gbk-undeclared")
    found = annotate_amounts(first["title"], first["text"], published_at=first["published_at"],
                                     language=first["language"])
    by_text = {(a["field"], a["text"]): a for a in found}
    assert by_text[("title", "1600亿元")]["value"] == 160_000_000_000
    assert by_text[("title", "1600亿元")]["currency"] == "CNY"
    found = annotate_amounts(second["title"], second["text"], published_at=second["published_at"],
                                     language=second["language"])
    usd = next(a for a in found if a["text"] == "220.7亿美元")
    assert usd["value"] == 22_070_000_000 and usd["currency"] == "USD"


def test_chinese_dates_are_found_and_resolved() -> None:
    result = run_case("peopledaily-gbk-meta-charset")
    found = find_date_mentions(result["text"], "text", reference=_published(result), language="zh")
    dated = {m["text"]: m["date"] for m in found}
    assert dated.get("2025年2月18日") == "2025-02-18"
    # "2月18日电" in the dateline resolves against the publication date to the same day.
    assert "2025-02-18" in {m["date"] for m in found if m["text"].startswith("2月18日")}


def test_sample_pages_are_written_as_gbk_with_only_a_meta_declaration(tmp_path: Path) -> None:
    manifest = peopledaily.build(tmp_path, "http://127.0.0.1:8000")
    page = (tmp_path / peopledaily.article_path(ARTICLE).lstrip("/")).read_bytes()
    assert b'<meta charset="gbk">' in page[:200] and page.decode("gbk").count("财政部") >= 2
    assert manifest.encoding == "gbk"
