"""Pending requests past SCHEDULER_MEMORY_REQUESTS wait on disk, not in memory (no JOBDIR needed).

Before: Scrapy's scheduler held every discovered request in memory; 7 sitemaps of 140,000 URLs
reached 3.2 GB (benchmarks/discovery_memory_bench.py). Counted here: Request objects alive.
"""

from __future__ import annotations

import gc
from pathlib import Path

import scrapy
from scrapy.core.scheduler import Scheduler
from scrapy.utils.test import get_crawler

from crawler import settings as project_settings
from crawler.queues import _budget

# The default priority queue needs a running engine (it asks the downloader about slots); the plain one
# does not, and builds the same memory queues, one per priority.
PROJECT = {**{name: value for name, value in vars(project_settings).items() if name.isupper()},
           "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.ScrapyPriorityQueue", "STATE_ENABLED": False}
BUDGET = 200
PENDING = 5_000


class Spider(scrapy.Spider):
    name = "queue-test"

    def parse_article(self, response: scrapy.http.Response) -> None:
        pass


def _alive_requests() -> int:
    gc.collect()
    return sum(1 for obj in gc.get_objects() if isinstance(obj, scrapy.Request))


def test_pending_requests_beyond_the_budget_leave_memory_and_all_come_back(tmp_path: Path) -> None:
    crawler = get_crawler(Spider, {**PROJECT, "SCHEDULER_MEMORY_REQUESTS": BUDGET})
    crawler.spider = spider = Spider.from_crawler(crawler)
    scheduler = Scheduler.from_crawler(crawler)
    scheduler.open(spider)
    before = _alive_requests()
    for n in range(PENDING):  # three priorities: three queues sharing one budget
        assert scheduler.enqueue_request(scrapy.Request(f"https://news.example/article/{n}/story",
                                                        callback=spider.parse_article, meta={"hints": {"n": n}},
                                                        priority=n % 3))
    assert len(scheduler) == PENDING
    alive = _alive_requests() - before
    assert alive <= BUDGET, alive
    folder = _budget(crawler).folder
    assert folder is not None and any(folder.iterdir())

    seen = []
    while (request := scheduler.next_request()) is not None:
        assert request.callback == spider.parse_article
        seen.append((request.url, request.meta["hints"]["n"]))
    assert sorted(n for _, n in seen) == list(range(PENDING))
    assert len({url for url, _ in seen}) == PENDING

    scheduler.close("finished")
    crawler.signals.send_catch_log(scrapy.signals.engine_stopped)
    assert not folder.exists()


def test_without_a_budget_everything_stays_in_memory() -> None:
    crawler = get_crawler(Spider, {**PROJECT, "SCHEDULER_MEMORY_REQUESTS": 0})
    crawler.spider = spider = Spider.from_crawler(crawler)
    scheduler = Scheduler.from_crawler(crawler)
    scheduler.open(spider)
    for n in range(300):
        scheduler.enqueue_request(scrapy.Request(f"https://a.example/{n}", callback=spider.parse_article))
    assert _budget(crawler).folder is None
    assert len(scheduler) == 300


def test_with_a_jobdir_pending_requests_go_to_the_jobdir_as_before(tmp_path: Path) -> None:
    crawler = get_crawler(Spider, {**PROJECT, "SCHEDULER_MEMORY_REQUESTS": 10, "JOBDIR": str(tmp_path / "job")})
    crawler.spider = spider = Spider.from_crawler(crawler)
    scheduler = Scheduler.from_crawler(crawler)
    scheduler.open(spider)
    for n in range(100):
        scheduler.enqueue_request(scrapy.Request(f"https://a.example/{n}", callback=spider.parse_article))
    assert _budget(crawler).folder is None  # Scrapy's own disk queues, not the spill folder
    assert crawler.stats is not None and crawler.stats.get_value("scheduler/enqueued/disk") == 100
    assert crawler.stats.get_value("scheduler/spilled") is None
    scheduler.close("shutdown")
    assert any((tmp_path / "job" / "requests.queue").iterdir())
