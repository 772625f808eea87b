"""`scrapy crawl scmp` against the fault-injection server: every good article once, nothing forbidden
fetched, bounded memory and time, and one assertion per fault (see faultserver.py for the faults).

The crawl runs with the components of crawler/settings.py as shipped (retry backoff, sitemap cap).
"""

from __future__ import annotations

import re
from collections import Counter

from crawler import exit_codes
from tests.crawl.hostile.conftest import (
    DEPTH_LIMIT,
    MAX_CRAWL_SECONDS,
    MAX_RSS_MB,
    REDIRECT_MAX_TIMES,
    RETRY_TIMES,
    SITEMAP_MAX_NESTED,
    HostileCrawl,
    hostile_settings,
)
from tests.support import fault_pages as fs

DOWNLOAD_EXCEPTION = "downloader/exception_type_count/"


# --- the crawl as a whole --------------------------------------------------------------------------

def test_crawl_ends_on_its_own_in_bounded_time(hostile: HostileCrawl) -> None:
    # The stalled page cannot be downloaded: that error fails the close-of-crawl checks, and the run
    # exits with that code (what a scheduler sees), nothing worse.
    errors = [line for line in hostile.result.log.splitlines() if "] ERROR: Error downloading" in line]
    assert [error.rsplit("/", 1)[1] for error in errors] == ["stalled-wage-survey>"], errors
    assert hostile.result.returncode == hostile.result.exit_code == exit_codes.CHECKS_FAILED, \
        hostile.result.log[-3000:]
    assert hostile.stats["finish_reason"] == "finished"
    assert hostile.seconds < MAX_CRAWL_SECONDS


def test_the_crawl_runs_the_shipped_components(hostile: HostileCrawl) -> None:
    assert not [arg for arg in hostile_settings() if "MIDDLEWARES" in arg or "PIPELINES" in arg]
    enabled = hostile.result.log.split("Enabled downloader middlewares:", 1)[1].split("] INFO", 1)[0]
    assert "crawler.middlewares.BackoffRetryMiddleware" in enabled
    assert "scrapy.downloadermiddlewares.retry.RetryMiddleware" not in enabled
    spider_mw = hostile.result.log.split("Enabled spider middlewares:", 1)[1].split("] INFO", 1)[0]
    assert "crawler.middlewares.NestedSitemapCapMiddleware" in spider_mw


def test_peak_memory_is_bounded(hostile: HostileCrawl) -> None:
    # A 256 MiB gzip bomb and a 256 MiB sitemap bomb are served; neither is ever inflated in full.
    assert hostile.peak_rss_mb < MAX_RSS_MB


def test_every_good_article_exactly_once(hostile: HostileCrawl) -> None:
    ids = Counter(str(item["id"]) for item in hostile.result.items)
    assert fs.CAPTURED_IDS <= set(ids), sorted(fs.CAPTURED_IDS - set(ids))
    assert all(ids[i] == 1 for i in fs.CAPTURED_IDS), ids
    assert not set(ids) & fs.NEVER_CAPTURED_IDS


def test_no_spider_code_failed(hostile: HostileCrawl) -> None:
    # Hostile responses end as stats and warnings, never as exceptions in our callbacks or pipelines.
    assert "Spider error processing" not in hostile.result.log
    assert "Error processing" not in hostile.result.log
    errors = [line for line in hostile.result.log.splitlines() if re.search(r"\] ERROR: ", line)]
    good_paths = [a.path for a in fs.GOOD_ARTICLES]
    assert not [line for line in errors if any(path in line for path in good_paths)]


def test_robots_disallowed_article_is_never_fetched(hostile: HostileCrawl) -> None:
    assert hostile.server.count("/robots.txt") == 1
    assert fs.ROBOTS_FORBIDDEN_PATH not in hostile.server.paths()
    assert hostile.stats["robotstxt/forbidden"] == 1


# --- 2. timeouts ----------------------------------------------------------------------------------

def test_slow_endpoint_times_out_and_the_crawl_moves_on(hostile: HostileCrawl) -> None:
    assert hostile.server.count(fs.SLOW_FOREVER_PATH) == RETRY_TIMES + 1
    timeouts = hostile.stats[DOWNLOAD_EXCEPTION + "scrapy.exceptions.DownloadTimeoutError"]
    assert timeouts == RETRY_TIMES + 1 + 1  # three for the stalled page, one for the page slow only once
    assert "scmp:9003" not in hostile.items_by_id()


def test_page_slow_only_once_is_captured_after_its_retry(hostile: HostileCrawl) -> None:
    assert hostile.server.count(fs.SLOW_ONCE.path) == 2
    assert hostile.items_by_id()[fs.SLOW_ONCE.item_id]["title"] == fs.SLOW_ONCE.title


# --- 3. size cap and decompression bombs ----------------------------------------------------------

def test_gzip_bomb_is_cut_at_download_maxsize(hostile: HostileCrawl) -> None:
    assert hostile.server.count(fs.GZIP_BOMB_PATH) == 1  # IgnoreRequest: not retried
    assert "exceeded DOWNLOAD_MAXSIZE" in hostile.result.log
    assert "scmp:9005" not in hostile.items_by_id()
    # Everything that was inflated, in total, stays under one cap's worth (10 MiB) .
    assert int(hostile.stats.get("httpcompression/response_bytes", 0)) < 10 * 1024 * 1024


def test_gzipped_sitemap_bomb_is_refused(hostile: HostileCrawl) -> None:
    assert hostile.server.count(fs.SITEMAP_BOMB_PATH) == 1
    assert hostile.stats["discovery/invalid_sitemap"] == 1


# --- 4. redirects ----------------------------------------------------------------------------------

def test_endless_redirect_chain_stops_at_redirect_max_times(hostile: HostileCrawl) -> None:
    assert hostile.server.count_prefix(fs.REDIRECT_CHAIN_PREFIX) == REDIRECT_MAX_TIMES + 1


def test_redirect_cycle_is_fetched_once_per_url(hostile: HostileCrawl) -> None:
    assert hostile.server.count(fs.REDIRECT_CYCLE_A) == 1
    assert hostile.server.count(fs.REDIRECT_CYCLE_B) == 1


def test_article_redirect_loop_is_bounded_and_not_emitted(hostile: HostileCrawl) -> None:
    loop = hostile.server.count(fs.LOOP_A_PATH) + hostile.server.count(fs.LOOP_B_PATH)
    assert 1 <= loop <= REDIRECT_MAX_TIMES + 1
    assert "scmp:9008" not in hostile.items_by_id()


def test_offsite_redirects_are_filtered_without_a_dns_lookup(hostile: HostileCrawl) -> None:
    assert hostile.server.count(fs.OFFSITE_REDIRECT_PATH) == 1
    assert hostile.server.count(fs.MOVED_OFFSITE_LISTING) == 1
    assert hostile.stats["offsite/filtered"] == 2  # the article and the listing
    assert not [key for key in hostile.stats if key.startswith(DOWNLOAD_EXCEPTION) and "DNSLookupError" in key]
    assert not [key for key in hostile.stats if key.startswith(DOWNLOAD_EXCEPTION) and "Connect" in key]
    assert fs.OFFSITE_HOST not in hostile.result.log


def test_article_moved_to_a_new_slug_is_followed_and_captured_once(hostile: HostileCrawl) -> None:
    assert hostile.server.count(fs.REDIRECTED_SLUG.path) == 1
    assert fs.REDIRECTED_ID in hostile.items_by_id()


# --- 5. crawl traps --------------------------------------------------------------------------------

def test_calendar_and_pagination_are_not_followed(hostile: HostileCrawl) -> None:
    # The calendar page is a listing: its article links are followed one level deep, nothing else.
    assert hostile.server.count_prefix(fs.CALENDAR_PREFIX) == 1
    assert hostile.server.count(fs.CALENDAR_START) == 1
    assert fs.CALENDAR_ARTICLE.item_id in hostile.items_by_id()


def test_self_generating_sitemap_index_is_bounded(hostile: HostileCrawl) -> None:
    trap_fetches = hostile.server.count_prefix(fs.TRAP_PREFIX)
    # The trap's first index comes from the real index; at most SITEMAP_MAX_NESTED nested ones in all.
    assert 1 < trap_fetches <= SITEMAP_MAX_NESTED
    assert hostile.stats["discovery/skipped/sitemap_cap"] > 0
    assert int(hostile.stats["request_depth_max"]) <= DEPTH_LIMIT


# --- 6. non-HTML at article URLs -------------------------------------------------------------------

def test_pdf_image_and_json_are_skipped_as_not_html(hostile: HostileCrawl) -> None:
    for path in (fs.PDF_PATH, fs.PNG_PATH, fs.JSON_PATH):
        assert hostile.server.count(path) == 1
    assert hostile.stats["extract/not_article/not_html"] == 3
    assert not {"scmp:9200", "scmp:9201", "scmp:9202"} & set(hostile.items_by_id())


# --- 7. charsets -----------------------------------------------------------------------------------

def test_gbk_page_declared_only_in_meta_is_decoded(hostile: HostileCrawl) -> None:
    item = hostile.items_by_id()["scmp:9400"]
    assert item["title"] == fs.GBK_TITLE  # 镕 is GBK, not GB2312: the gb2312 label is read as gb18030
    assert fs.GBK_PARAGRAPHS[1] in str(item["text"])


def test_big5_page_with_a_wrong_header_charset_is_decoded(hostile: HostileCrawl) -> None:
    item = hostile.items_by_id()["scmp:9401"]
    assert item["title"] == fs.BIG5_TITLE
    assert fs.BIG5_PARAGRAPHS[1] in str(item["text"])


def test_gbk_page_served_as_latin1_is_decoded(hostile: HostileCrawl) -> None:
    item = hostile.items_by_id()["scmp:9402"]
    assert item["title"] == fs.GBK_LATIN1_TITLE
    assert fs.GBK_LATIN1_PARAGRAPHS[2] in str(item["text"])


def test_decoding_overrides_are_counted(hostile: HostileCrawl) -> None:
    assert hostile.stats["decode/overridden"] == 2


# --- 8. truncated HTML -----------------------------------------------------------------------------

def test_truncated_page_is_still_extracted(hostile: HostileCrawl) -> None:
    item = hostile.items_by_id()["scmp:9500"]
    assert item["title"] == "Shipping insurers raise premiums on longer routes"
    assert "marine insurance" in str(item["text"])


# --- 9. block pages --------------------------------------------------------------------------------

def test_cloudflare_challenge_page_is_not_emitted(hostile: HostileCrawl) -> None:
    assert hostile.server.count(fs.BLOCK_PAGE_PATH) == 1
    assert "scmp:9300" not in hostile.items_by_id()


def test_bot_wall_inside_the_article_template_is_not_emitted(hostile: HostileCrawl) -> None:
    assert fs.BLOCKED_IN_TEMPLATE_ID not in hostile.items_by_id()


def test_block_pages_are_counted_as_such(hostile: HostileCrawl) -> None:
    assert hostile.stats["extract/not_article/block_page"] == 2
