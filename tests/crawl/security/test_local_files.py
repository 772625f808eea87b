"""Remote content cannot make the crawler read local files.

A feed, a sitemap, a robots.txt `Sitemap:` line or a listing page served over HTTP lists `file://`
URLs: a local HTML page the test writes (an article, if it were read), `/etc/passwd` and
`/dev/zero` (endless). Only URLs given on the command line may be local files; the file download
handler reads no more than `DOWNLOAD_MAXSIZE` and refuses what is not a regular file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sample_site.server import StaticServer
from tests.support.changing_site import ChangingSite
from tests.support.crawl import run_crawl

SECRET_ID = 3300999


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[tuple[ChangingSite, Path]]:
    """A one-article site on 127.0.0.1, and outside it a local article page nobody served."""
    root = tmp_path / "site"
    root.mkdir()
    server = StaticServer(root)
    site = ChangingSite(root, server.base_url())
    site.add(3300100, day=1)
    site.write()
    # A page on the local disk (same shape as the site's pages, so it would extract as an article).
    local = ChangingSite(tmp_path / "local", "file://")
    local.add(SECRET_ID, day=2)
    local.write()
    secret = next((tmp_path / "local").rglob("index.html"))
    with server:
        yield site, secret


def _local_urls(secret: Path) -> list[str]:
    return [secret.as_uri(), "file:///etc/passwd", "file:///dev/zero"]


def _write_sitemap(site: ChangingSite, name: str, urls: list[str]) -> str:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    (site.root / name).write_text('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                  f"{entries}</urlset>", encoding="utf-8")
    return f"{site.base}/{name}"


def _feed(site: ChangingSite, secret: Path) -> list[str]:
    links = [site.url(site.stories[3300100]), *_local_urls(secret)]
    items = "".join(f"<item><title>t{i}</title><link>{url}</link></item>" for i, url in enumerate(links))
    (site.root / "feed.xml").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{items}'
                                        "</channel></rss>", encoding="utf-8")
    return ["-a", f"feeds={site.base}/feed.xml"]


def _sitemap(site: ChangingSite, secret: Path) -> list[str]:
    return ["-a", "sitemaps=" + _write_sitemap(site, "mixed.xml", [site.url(site.stories[3300100]), *_local_urls(secret)])]


def _robots(site: ChangingSite, secret: Path) -> list[str]:
    local_sitemap = secret.parent / "sitemap_news_local.xml"
    local_sitemap.write_text('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                             f"<url><loc>{secret.as_uri()}</loc></url></urlset>", encoding="utf-8")
    (site.root / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {site.sitemap}\n"
                                          f"Sitemap: {local_sitemap.as_uri()}\n", encoding="utf-8")
    return ["-a", f"sitemaps={site.base}/robots.txt"]


def _listing(site: ChangingSite, secret: Path) -> list[str]:
    links = "".join(f'<a href="{url}">link</a>' for url in [site.url(site.stories[3300100]), *_local_urls(secret)])
    (site.root / "economy").mkdir(exist_ok=True)
    (site.root / "economy" / "index.html").write_text(f"<html><body>{links}</body></html>", encoding="utf-8")
    return ["-a", f"urls={site.base}/economy"]


@pytest.mark.parametrize("source", [_feed, _sitemap, _robots, _listing], ids=["feed", "sitemap", "robots", "listing"])
def test_discovered_local_files_are_never_fetched(site: tuple[ChangingSite, Path], tmp_path: Path, source) -> None:
    changing, secret = site
    result = run_crawl("scmp", tmp_path, *source(changing, secret))
    assert result.returncode == 0, result.log[-3000:]
    assert [item["id"] for item in result.items] == ["scmp:3300100"]
    assert "file://" not in json.dumps(result.items)
    assert result.stats.get("discovery/skipped/scheme", 0) >= 1
    assert "root:" not in json.dumps(result.items)
    assert not any(key.startswith("downloader/response_status_count") and "file" in key for key in result.stats)
    # one warning names the first skipped URL, not one per URL
    assert result.log.count("not http(s)") == 1, result.log[-3000:]


def test_a_redirect_to_a_local_file_is_not_followed(site: tuple[ChangingSite, Path], tmp_path: Path) -> None:
    changing, secret = site
    # The static server cannot redirect: a meta refresh is Scrapy's other redirect path; both refuse file://.
    page = changing.root / "economy" / "article" / "3300300" / "moved" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(f'<html><head><meta http-equiv="refresh" content="0;url={secret.as_uri()}"></head></html>',
                    encoding="utf-8")
    result = run_crawl("scmp", tmp_path, "-a", f"urls={changing.base}/economy/article/3300300/moved")
    assert result.returncode == 0, result.log[-3000:]
    assert result.items == []
    assert result.stats.get("downloader/request_count") == 2  # robots.txt and the page; never the file


def test_local_files_given_on_the_command_line_are_read_within_the_size_cap(site: tuple[ChangingSite, Path],
                                                                           tmp_path: Path) -> None:
    _, secret = site
    (tmp_path / "ok").mkdir()
    ok = run_crawl("scmp", tmp_path / "ok", "-a", f"urls={secret.as_uri()}")
    assert [item["id"] for item in ok.items] == [f"scmp:{SECRET_ID}"], ok.log[-3000:]
    (tmp_path / "capped").mkdir()
    capped = run_crawl("scmp", tmp_path / "capped", "-a", f"urls={secret.as_uri()}", "-s", "DOWNLOAD_MAXSIZE=200")
    assert capped.items == []
    assert capped.stats.get("downloader/exception_type_count/crawler.downloads.FileTooLarge") == 1, capped.log[-3000:]


def test_dev_zero_given_on_the_command_line_is_refused_not_read(tmp_path: Path) -> None:
    result = run_crawl("article", tmp_path, "-a", "urls=file:///dev/zero")
    assert result.items == []
    assert "not a regular file" in result.log, result.log[-3000:]
    assert result.stats.get("downloader/response_bytes", 0) == 0


def test_generic_spider_feed_listing_dev_zero_and_a_local_page(site: tuple[ChangingSite, Path], tmp_path: Path) -> None:
    # The `article` spider takes any URL path as an article candidate: before, /dev/zero was read
    # until memory ran out and the local page came out as an article.
    changing, secret = site
    result = run_crawl("article", tmp_path, *_feed(changing, secret))
    assert result.returncode == 0, result.log[-3000:]
    assert [item["url"] for item in result.items] == [changing.url(changing.stories[3300100])]
    assert result.stats["discovery/skipped/scheme"] == 3
