"""Scrapy settings: the only configuration of the crawler. Override any of them with `-s NAME=VALUE`."""

from __future__ import annotations

BOT_NAME = "regional_news"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- Politeness ---------------------------------------------------------------------------------
# Who we are and where site owners can reach us; the User-Agent is built from these two.
CRAWLER_CONTACT_URL = "https://github.com/regional-news-crawler/regional-news-crawler"
CRAWLER_USER_AGENT = "regional-news-crawler/0.1"
# Empty: built as "<CRAWLER_USER_AGENT> (+<CRAWLER_CONTACT_URL>)". Set it to override everything.
USER_AGENT = ""
# robots.txt groups are matched on our product token.
ROBOTSTXT_USER_AGENT = "regional-news-crawler"
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": None,
    "crawler.middlewares.ContactUserAgentMiddleware": 500,
}
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
# Pages above 10 MiB (after decompression) are not news articles; this also stops gzip bombs.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# --- Deduplication ------------------------------------------------------------------------------
# Requests for the same article (same site + native id) are one request, whatever their URL.
REQUEST_FINGERPRINTER_CLASS = "crawler.fingerprint.ArticleKeyRequestFingerprinter"

# --- Items --------------------------------------------------------------------------------------
ITEM_PIPELINES = {
    "pipelines.dedupe.DuplicateArticlePipeline": 100,
    "pipelines.validate.SchemaValidationPipeline": 900,
}

# --- Output -------------------------------------------------------------------------------------
# Every run writes a new JSON Lines file per spider; `-o`/`-O` on the command line replace this.
FEEDS = {
    "feeds/%(name)s/%(time)s.jsonl": {
        "format": "jsonlines",
        "encoding": "utf-8",
        "store_empty": False,
    },
}
FEED_EXPORT_ENCODING = "utf-8"

# Write the final stats and feed paths of each run as JSON to this path (empty: don't).
CRAWL_STATS_FILE = ""
EXTENSIONS = {
    "crawler.extensions.summary.CrawlSummary": 500,
}

# --- Extraction ---------------------------------------------------------------------------------
# Freeze "now" (ISO 8601 with offset) for reproducible runs and tests; empty: the real clock.
CRAWL_NOW = ""

LOG_LEVEL = "INFO"
# Scrapy >= 2.13 runs on asyncio; keep it explicit.
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
