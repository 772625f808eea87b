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
    "crawler.state.middleware.SkipUnchangedMiddleware": 50,
    # Retries wait (Retry-After, else exponential backoff with jitter) without blocking other downloads.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
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
# Outputs of one response handled at a time. Scrapy starts this many tasks for every response (its
# default, 100, cost ~1.5 ms of the reactor per article page): a response of ours yields one article or
# requests, and nothing in their handling waits.
CONCURRENT_ITEMS = 1
DOWNLOAD_DELAY = 0.5
# Saved pages (file:// URLs) share one slot with no politeness delay (and robots.txt never applies to
# them): reading 200 local files is not a visit to a site. Keep this entry if you set DOWNLOAD_SLOTS.
DOWNLOAD_SLOTS = {"file://": {"delay": 0.0, "concurrency": 16}}
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
RETRY_BACKOFF_BASE = 2.0
RETRY_BACKOFF_MAX = 60.0
# A page that still fails after its retries is a warning, not an error that fails the run's checks.
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"
# Crawl traps: sitemap index -> nested index -> sitemap -> article is depth 3 (+1 from robots.txt);
# listing pages are read one level deep; a crawl follows at most this many nested sitemaps.
DEPTH_LIMIT = 4
SITEMAP_MAX_NESTED = 1000
SPIDER_MIDDLEWARES = {"crawler.middlewares.NestedSitemapCapMiddleware": 850}
# Pages above 10 MiB (after decompression) are not news articles; this also stops gzip bombs.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
# file:// URLs (only those given on the command line are ever requested) are read within the same cap,
# and only regular files (never /dev/zero or a FIFO).
DOWNLOAD_HANDLERS = {"file": "crawler.downloads.BoundedFileDownloadHandler"}
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False
# No remote control of a running crawl unless asked for (-s NAME=1): Scrapy's telnet console, and its
# RemoteControl HTTP endpoint (Scrapy >= 2.19: runs any Python code sent with the token it writes to a
# job file in the user's profile), are both on by default in Scrapy.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# --- Scheduling ---------------------------------------------------------------------------------
# Without JOBDIR, at most this many pending requests are held in memory (all sites together); the
# others wait in a disk queue in a temporary folder, removed at the end (crawler/queues.py). 0: no limit.
SCHEDULER_MEMORY_QUEUE = "crawler.queues.SpillingLifoMemoryQueue"
SCHEDULER_MEMORY_REQUESTS = 10_000

# --- Deduplication ------------------------------------------------------------------------------
# Requests for the same article (same site + native id) are one request, whatever their URL.
REQUEST_FINGERPRINTER_CLASS = "crawler.fingerprint.ArticleKeyRequestFingerprinter"

# --- Items --------------------------------------------------------------------------------------
ITEM_PIPELINES = {
    "pipelines.dedupe.DuplicateArticlePipeline": 100,
    "pipelines.templates.TemplateParagraphsPipeline": 200,
    "pipelines.state.IncrementalStatePipeline": 850,
    "pipelines.validate.SchemaValidationPipeline": 900,
}

# Cross-page template paragraphs: removed once seen on this many pages of one host.
TEMPLATES_ENABLED = True
TEMPLATES_MIN_PAGES = 4
TEMPLATES_MAX_HOSTS = 200
TEMPLATES_MAX_PER_HOST = 2000
TEMPLATES_STATE_PATH = "state/templates.json"
# Who keeps the counts: in memory (saved to TEMPLATES_STATE_PATH), or in Redis (the add-on swaps in
# crawler.clean.redis_templates.RedisTemplateCounter, whose counts expire after TEMPLATES_REDIS_TTL s).
TEMPLATES_COUNTER_CLASS = "crawler.clean.templates.TemplateCounter"
TEMPLATES_REDIS_PREFIX = "%(bot)s:templates"
TEMPLATES_REDIS_TTL = 30 * 24 * 3600

# --- Output -------------------------------------------------------------------------------------
# Without -o/-O/FEEDS, every run writes a new JSON Lines file per spider here (see
# NewsSpider.update_settings: Scrapy merges FEEDS with -o/-O, so the default cannot live in FEEDS).
# %(run_id)s (six hex digits, a spider attribute): two runs started in the same second never share a file.
DEFAULT_FEED_URI = "feeds/%(name)s/%(time)s-%(run_id)s.jsonl"
DEFAULT_FEED_OPTIONS = {"format": "jsonlines", "encoding": "utf-8", "store_empty": False}
FEEDS: dict[str, dict[str, object]] = {}
FEED_EXPORT_ENCODING = "utf-8"
# CSV (-o out.csv): lists and objects (authors, amounts, dates, original) are JSON in their cell.
FEED_EXPORTERS = {
    "csv": "crawler.exporters.JsonCellCsvItemExporter",
    **dict.fromkeys(("jsonlines", "jsonl", "jl"), "crawler.exporters.FastJsonLinesItemExporter"),
}
# Local files are written as <name>.part (created exclusively) and published on a clean close; a
# failed write publishes nothing (docs/operations.md).
FEED_STORAGES = {"": "crawler.feeds.AtomicFileFeedStorage", "file": "crawler.feeds.AtomicFileFeedStorage"}

# Scrapy's in-memory stats, without the wrapper Scrapy puts around every stats call (crawler/stats.py).
STATS_CLASS = "crawler.stats.CrawlStatsCollector"
# Write the final stats and feed paths of each run as JSON to this path (empty: don't).
CRAWL_STATS_FILE = ""
EXTENSIONS = {
    # Scrapy's feed exporter, writing each item under our control: the state commits only what a
    # published feed file holds.
    "scrapy.extensions.feedexport.FeedExporter": None,
    "crawler.feed_exporter.DeliveringFeedExporter": 0,
    # Ctrl-C / SIGTERM: requests waiting for a download slot's delay go back to the scheduler (JOBDIR).
    "crawler.extensions.shutdown.FastShutdown": 100,
    "crawler.extensions.summary.CrawlSummary": 500,
    "crawler.state.extension.CrawlStateExtension": 510,
    "spidermon.contrib.scrapy.extensions.Spidermon": 520,
}

# --- Incremental runs ---------------------------------------------------------------------------
# What was delivered, per article id (SQLite). A run skips unchanged URLs and re-emits changed
# articles with "update": true. STATE_RESET=1 forgets everything; CRAWL_SINCE/CRAWL_UNTIL (ISO dates)
# restrict the crawl to a publication window.
STATE_ENABLED = True
STATE_PATH = "state/crawl.sqlite"
STATE_RESET = False
# One run at a time per STATE_PATH (lock file <STATE_PATH>.lock; not with REDIS_URL): a second run
# refuses at once (exit code 75), or waits this many seconds for the first to finish.
STATE_LOCK_WAIT = 0.0
CRAWL_SINCE = ""
CRAWL_UNTIL = ""
# Where the state lives: SQLite at STATE_PATH, or Redis (the add-on swaps in
# crawler.state.redis_store.RedisStateStore, keys under STATE_REDIS_PREFIX).
STATE_STORE_CLASS = "crawler.state.store.StateStore"
STATE_REDIS_PREFIX = "%(bot)s:state"

# --- Distributed crawling (crawler/distributed/) ------------------------------------------------
# REDIS_URL (-s REDIS_URL=redis://host:6379/0) makes this process one worker of a frontier shared in
# Redis (scrapy-redis: shared queue and duplicate filter; the crawl state and template counts move to
# Redis too). Empty: a single-machine crawl, and nothing imports redis. The add-on does the switch.
ADDONS = {"crawler.distributed.addon.RedisAddon": 0}
REDIS_URL = ""
# Unique among live workers; empty: <hostname>-<pid>. Also put in the default feed's file name.
WORKER_ID = ""
# A worker refreshes its heartbeat every INTERVAL seconds; one silent for TIMEOUT seconds is dead and
# the requests it had taken are fetched again by the others. Waiting workers look again every POLL s.
DISTRIBUTED_HEARTBEAT_INTERVAL = 3.0
DISTRIBUTED_WORKER_TIMEOUT = 30.0
DISTRIBUTED_IDLE_POLL = 0.5
# False: a finished run clears its duplicate filter (the next run discovers again); a paused run
# (SIGTERM) is always kept. True: keep the filter after a finished run too (scrapy-redis's meaning).
SCHEDULER_PERSIST = False
# True: the first worker to start empties the shared queue and duplicate filter (ignored while other
# workers are alive). The crawl state is never flushed by this.
SCHEDULER_FLUSH_ON_START = False
# scrapy-redis's keys (%(bot)s: BOT_NAME, %(spider)s: the spider's name) and request serializer.
SCHEDULER_QUEUE_KEY = "%(bot)s:%(spider)s:requests"
SCHEDULER_DUPEFILTER_KEY = "%(bot)s:%(spider)s:dupefilter"
SCHEDULER_SERIALIZER = "scrapy_redis.picklecompat"
# scrapy-redis settings our scheduler ignores (a warning says so when they are set): workers wait for
# each other instead of idling out, and only the reliable priority queue lets them recover requests.
SCHEDULER_IDLE_BEFORE_CLOSE = 0
SCHEDULER_QUEUE_CLASS = ""

# --- Monitoring (spidermon) ---------------------------------------------------------------------
# Close-of-crawl checks; results are logged at the end of every run and counted in stats.
SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ("crawler.monitors.CloseMonitorSuite",)
# "shutdown": a run stopped with Ctrl-C or SIGTERM is paused, not failed (JOBDIR or the state resumes it).
SPIDERMON_EXPECTED_FINISH_REASONS = ["finished", "shutdown"]
SPIDERMON_MIN_ITEMS = 0
SPIDERMON_MAX_ERRORS = 0
SPIDERMON_MAX_DOWNLOADER_EXCEPTIONS = 50
SPIDERMON_ADD_FIELD_COVERAGE = True
SPIDERMON_FIELD_COVERAGE_SKIP_IF_NO_ITEM = True
SPIDERMON_FIELD_COVERAGE_RULES = {
    "Article/title": 1.0,
    "Article/text": 1.0,
    "Article/published_at": 0.8,
}
# Our own rate checks (crawler.monitors): share of fetched pages dropped / not articles.
MONITOR_MAX_DROP_RATE = 0.5

# --- Extraction ---------------------------------------------------------------------------------
# Article normalisers (crawler/normalise/), run in the extraction worker right after extraction, in
# this order; each fills one field. Remove one to leave its field empty.
NORMALISERS = [
    "crawler.normalise.amounts.normaliser.NORMALISER",
    "crawler.normalise.date_mentions.normaliser.NORMALISER",
    # Needs the two above: figures reuse the article's amounts and date mentions (docs/signals.md).
    "crawler.normalise.signals.normaliser.NORMALISER",
]
# IANA zone in which date mentions read their reference (publication) time; empty: the offset
# `published_at` carries (the site's own for most sources).
DATES_TIMEZONE = ""
# Freeze "now" (ISO 8601 with offset) for reproducible runs and tests; empty: the real clock.
CRAWL_NOW = ""

# Extraction worker processes (crawler/workers/pool.py): pages are extracted, and the amounts and date
# mentions of enabled pipelines found, off the reactor thread. -1: one per usable core; 0: inline on the
# reactor thread (debugging, `scrapy parse`); same output either way.
EXTRACTION_WORKERS = -1
# Pages submitted to the workers at a time (memory stays flat, downloads keep flowing); 0: 2 x workers.
EXTRACTION_MAX_INFLIGHT = 0
# "forkserver" (workers fork from one clean process that imported the extraction code once) or "spawn".
# Never "fork": the reactor process has threads.
EXTRACTION_START_METHOD = "forkserver"
# A page whose worker dies is tried again this many times, then counted as `extract/worker_crash`.
EXTRACTION_CRASH_RETRIES = 1
# Seconds a worker may spend on one page (a real page takes well under one): past that the page is
# given up (`extract/timeout`) and its worker killed and replaced; a stopped or stuck worker is
# found the same way. 0: no limit. Inline extraction (EXTRACTION_WORKERS=0) has no limit.
EXTRACTION_PAGE_TIMEOUT = 30.0
# The function a worker runs on one page (tests swap in a crashing one).
EXTRACTION_JOB = "crawler.workers.jobs.run_job"

LOG_LEVEL = "INFO"
# Scrapy >= 2.13 runs on asyncio; keep it explicit.
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
