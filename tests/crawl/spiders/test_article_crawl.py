"""`scrapy crawl article`: saved pages via file://, feeds of any site, only the given hosts."""

from __future__ import annotations

from pathlib import Path

from pipelines.schema import invalid_fields
from sample_site.build import Manifest
from tests.fixtures.pages_support import PAGES
from tests.support.crawl import run_crawl


def test_saved_page_via_file_url_gives_one_valid_item(tmp_path: Path) -> None:
    page = PAGES / "meta-only" / "page.html"
    result = run_crawl("article", tmp_path, "-a", f"urls={page.resolve().as_uri()}")
    assert result.returncode == 0, result.log[-2000:]
    assert len(result.items) == 1
    assert result.items[0]["title"] == "Singapore hawker rents to be capped for three more years"
    assert invalid_fields(result.items[0]) == {}


def test_blog_feed_yields_each_post_and_stays_on_the_blog_host(sample_site: Manifest, tmp_path: Path) -> None:
    result = run_crawl("article", tmp_path, "-a", f"feeds={sample_site.blog_feed}")
    assert result.returncode == 0, result.log[-2000:]
    assert sorted(item["url"] for item in result.items) == sorted(sample_site.blog_urls)
    assert all(item["url"].startswith(sample_site.blog_base) for item in result.items)


def test_links_to_other_hosts_are_not_followed(sample_site: Manifest, tmp_path: Path) -> None:
    # The blog category page links only blog posts; given the SCMP section page on another host name
    # together with it, only the hosts given are allowed, and a sitemap entry on a third host is not.
    result = run_crawl("article", tmp_path, "-a", f"sitemaps={sample_site.news_sitemap}")
    assert result.returncode == 0
    assert result.stats["discovery/skipped/offsite"] == 1
    assert all(item["url"].startswith(sample_site.scmp_base) for item in result.items)


def test_robots_txt_is_obeyed(sample_site: Manifest, tmp_path: Path) -> None:
    forbidden = f"{sample_site.scmp_base}/login/article/3300001/x"
    result = run_crawl("article", tmp_path, "-a", f"urls={forbidden}")
    assert result.returncode == 0
    assert result.items == []
    assert result.stats.get("robotstxt/forbidden") == 1


def test_missing_arguments_fail_with_a_clear_message(tmp_path: Path) -> None:
    result = run_crawl("article", tmp_path)
    assert result.returncode != 0
    assert "needs at least one of -a urls" in result.log
