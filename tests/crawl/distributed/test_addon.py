"""The `REDIS_URL` switch: nothing changes (and nothing imports redis) without it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from crawler.distributed.addon import DUPEFILTER, SCHEDULER, RedisAddon, worker_feed_uri
from tests.crawl.distributed.conftest import ADDON, make_site
from tests.support.crawl import PROJECT

# A real crawl in a fresh interpreter, with the add-on enabled and no REDIS_URL: which scheduler
# ran, how many articles came out, and whether anything imported redis.
PROBE = """
import json, sys
from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings
settings = get_project_settings()
settings.set("ADDONS", {**settings.getdict("ADDONS"), %(addon)r: 0}, priority="cmdline")
for name, value in %(settings)r.items():
    settings.set(name, value, priority="cmdline")
process = CrawlerProcess(settings)
crawler = process.create_crawler("scmp")
items = []
def collect(item):
    items.append(item)
crawler.signals.connect(collect, signal=signals.item_scraped)
process.crawl(crawler, sitemaps=%(sitemap)r)
process.start()
print(json.dumps({"scheduler": crawler.settings["SCHEDULER"], "items": len(items),
                  "redis": sorted(m for m in sys.modules if m == "redis" or m.startswith(("redis.", "scrapy_redis")))}))
"""


def project_settings(**overrides: object) -> Settings:
    settings = get_project_settings()
    settings.set("FEEDS", {settings["DEFAULT_FEED_URI"]: {"format": "jsonlines"}}, priority="spider")
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    return settings


def test_without_redis_url_the_addon_changes_nothing() -> None:
    settings = project_settings()
    before = {name: settings[name] for name in ("SCHEDULER", "DUPEFILTER_CLASS", "FEEDS", "WORKER_ID",
                                                "STATE_STORE_CLASS", "TEMPLATES_COUNTER_CLASS")}
    RedisAddon().update_settings(settings)
    assert {name: settings[name] for name in before} == before


def test_with_redis_url_the_addon_switches_scheduler_filter_and_feed_name() -> None:
    settings = project_settings(REDIS_URL="redis://127.0.0.1:1/0", WORKER_ID="host-42")
    RedisAddon().update_settings(settings)
    assert settings["SCHEDULER"] == SCHEDULER and settings["DUPEFILTER_CLASS"] == DUPEFILTER
    assert list(settings.getdict("FEEDS")) == ["feeds/%(name)s/%(time)s-%(run_id)s-host-42.jsonl"]
    assert settings["SCHEDULER_QUEUE_KEY"] == "%(bot)s:%(spider)s:requests"
    assert settings["STATE_STORE_CLASS"] == "crawler.state.redis_store.RedisStateStore"
    assert settings["TEMPLATES_COUNTER_CLASS"] == "crawler.clean.redis_templates.RedisTemplateCounter"


def test_the_state_components_reach_the_store_through_the_extension(tmp_path: Path) -> None:
    from scrapy.utils.test import get_crawler

    from crawler.state.extension import CrawlStateExtension
    from pipelines.state import IncrementalStatePipeline
    from tests.support.settings import project_values

    values = project_values(STATE_PATH=str(tmp_path / "s.sqlite"),
                            EXTENSIONS={"crawler.state.extension.CrawlStateExtension": 0})
    crawler = get_crawler(settings_dict=values)
    extension = crawler.get_extension(CrawlStateExtension)
    assert extension is not None
    assert IncrementalStatePipeline.from_crawler(crawler).store is extension.store


def test_feeds_the_user_chose_are_left_alone() -> None:
    settings = get_project_settings()
    settings.set("FEEDS", {"out.jsonl": {"format": "jsonlines"}}, priority="cmdline")
    settings.set("REDIS_URL", "redis://127.0.0.1:1/0", priority="cmdline")
    RedisAddon().update_settings(settings)
    assert list(settings.getdict("FEEDS")) == ["out.jsonl"]
    assert settings["WORKER_ID"]  # <host>-<pid> by default


def test_worker_feed_uri() -> None:
    assert worker_feed_uri("feeds/%(name)s/%(time)s.jsonl", "a/b c") == "feeds/%(name)s/%(time)s-a_b_c.jsonl"
    assert worker_feed_uri("out", "w1") == "out-w1"


def test_a_crawl_without_redis_url_never_imports_redis(tmp_path: Path) -> None:
    site, server = make_site(tmp_path / "site", 3, 0.0)
    overrides = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "EXTRACTION_WORKERS": 0, "FEEDS": {},
                 "DEFAULT_FEED_URI": "", "TEMPLATES_STATE_PATH": "", "STATE_PATH": str(tmp_path / "s.sqlite"),
                 "LOG_LEVEL": "WARNING"}
    code = PROBE % {"addon": ADDON, "settings": overrides, "sitemap": site.sitemap}
    with server:
        done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, timeout=180,
                              env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"scheduler": "scrapy.core.scheduler.Scheduler", "items": 3, "redis": []}, done.stderr[-3000:]
