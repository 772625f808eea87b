"""A page saved to disk is the article of the site it came from: same site, id, rules and text as live."""

from __future__ import annotations

import pytest
from scrapy.utils.test import get_crawler

from crawler import settings as project_settings
from crawler.extract import extract_article
from crawler.extract.hints import Hints
from crawler.extract.saved import saved_from
from crawler.spiders.scmp import ScmpSpider
from tests.fixtures.pages_support import FIXTURE_NOW, PAGES

SCMP_PAGE = (PAGES / "saved-scmp-page" / "page.html").read_bytes()
LIVE_URL = "https://www.scmp.com/business/article/3311842/hong-kong-mall-landlords-cut-rents-shoppers-head-shenzhen"


def fields(html: bytes, url: str, site: str) -> dict:
    item = extract_article(html, url, site=site, now=FIXTURE_NOW).item()
    return {key: item[key] for key in ("id", "site", "canonical_url", "publisher", "title", "text", "authors")}


def test_saved_page_equals_the_live_article() -> None:
    saved = fields(SCMP_PAGE, "file:///home/analyst/Downloads/mall-rents.html", "generic")
    live = fields(SCMP_PAGE, LIVE_URL, "scmp")
    assert saved == live
    assert saved["site"] == "scmp" and "SCMP Knowledge" not in saved["text"]


def test_a_web_page_is_not_reattributed_by_its_canonical_claim() -> None:
    copy = fields(SCMP_PAGE, "https://mirror.example/hk/mall-rents.html", "generic")
    assert copy["site"] == "mirror.example"
    assert not copy["id"].startswith("scmp:")


def test_site_name_alone_names_the_site() -> None:
    html = (PAGES / "saved-site-name-only" / "page.html").read_bytes()
    item = extract_article(html, "file:///tmp/barges.html", now=FIXTURE_NOW).item()
    assert item["site"] == "chinadaily"
    assert item["authors"] == ["Tang Yuwen"]


@pytest.mark.parametrize(("html", "expected"), [
    ("<!DOCTYPE html>\n<!-- saved from url=(0031)https://www.example.com/a/1 -->\n<html>", "https://www.example.com/a/1"),
    ("<!-- saved from url=(0014)about:internet -->", "about:internet"),
    ("<html><body><p>saved from url=(0031)https://x.example/</p>", None),
])
def test_saved_from_comment(html: str, expected: str | None) -> None:
    assert saved_from(html) == expected


def test_file_requests_get_a_slot_without_delay_even_on_a_polite_spider() -> None:
    settings = {name: getattr(project_settings, name) for name in dir(project_settings) if name.isupper()}
    crawler = get_crawler(ScmpSpider, settings)
    assert crawler.settings.getfloat("DOWNLOAD_DELAY") == 10.0  # SCMP's Crawl-delay
    spider = ScmpSpider(urls="https://www.scmp.com/business/article/3311842/x")
    spider.crawler = crawler
    request = spider.article_request("file:///home/analyst/saved/page.html", Hints(), given=True)
    assert request is not None and request.meta["given"] is True
    assert request.meta["autothrottle_dont_adjust_delay"] is True
    slot = crawler.settings.getdict("DOWNLOAD_SLOTS")[request.meta["download_slot"]]
    assert slot["delay"] == 0.0
    web = spider.article_request("https://www.scmp.com/business/article/3311842/x", Hints())
    assert web is not None and "download_slot" not in web.meta
