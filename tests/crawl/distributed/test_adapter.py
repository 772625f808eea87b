"""scrapy-redis 0.9.1 on Scrapy 2.19: the breakages, each shown on the vanilla class, and the fix.

Requests are built in memory as fixtures and never fetched. In-process, so pytest's `filterwarnings = ["error"]` turns any deprecation our path triggers into a
failure.
"""

from __future__ import annotations

import warnings

import pytest
import redis
import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import ScrapyDeprecationWarning
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler

from crawler.distributed.adapter import RedisArticleDupeFilter
from crawler.distributed.addon import DUPEFILTER, SCHEDULER
from crawler.distributed.connection import FrontierKeys
from crawler.distributed.scheduler import RedisScheduler
from tests.support.settings import project_crawler


class ArticleSpider(scrapy.Spider):
    name = "scmp"

    def parse_article(self, response: scrapy.http.Response) -> None:
        pass


def crawler_for(redis_url: str, **settings: object) -> tuple[Crawler, ArticleSpider]:
    crawler = project_crawler(ArticleSpider, **{
        "REDIS_URL": redis_url, "BOT_NAME": "bot", "SCHEDULER": SCHEDULER, "DUPEFILTER_CLASS": DUPEFILTER,
        "WORKER_ID": "w1", "DISTRIBUTED_HEARTBEAT_INTERVAL": 60, "DISTRIBUTED_WORKER_TIMEOUT": 120, **settings,
    })
    spider = ArticleSpider.from_crawler(crawler)
    crawler.spider = spider
    return crawler, spider


def article(slug: str, spider: ArticleSpider, priority: int = 0) -> scrapy.Request:
    return scrapy.Request(f"https://www.scmp.com/economy/article/3300100/{slug}", callback=spider.parse_article,
                          meta={"article_key": "scmp:3300100"}, priority=priority)


def test_vanilla_dupefilter_ignores_the_project_fingerprinter(redis_url: str) -> None:
    crawler, spider = crawler_for(redis_url)
    vanilla = RFPDupeFilter(redis.Redis.from_url(redis_url), key="vanilla")
    assert not vanilla.request_seen(article("old-slug", spider))
    assert not vanilla.request_seen(article("new-slug", spider))  # the same article, fetched twice


def test_our_dupefilter_keys_requests_by_article(redis_url: str) -> None:
    crawler, spider = crawler_for(redis_url)
    dupefilter = RedisArticleDupeFilter.from_spider(spider)
    assert not dupefilter.request_seen(article("old-slug", spider))
    assert dupefilter.request_seen(article("new-slug", spider))
    dupefilter.log(article("new-slug", spider), spider)
    assert crawler.stats.get_value("dupefilter/filtered") == 1
    dupefilter.close("finished")  # Scrapy's scheduler would call this: the shared filter must survive
    assert redis.Redis.from_url(redis_url).scard(dupefilter.key) == 1


def test_vanilla_scheduler_warns_on_every_request(redis_url: str) -> None:
    crawler, spider = crawler_for(redis_url, SCHEDULER_QUEUE_KEY="%(spider)s:vanilla", SCHEDULER_DUPEFILTER_KEY="%(spider)s:vanilla-seen",
                          DUPEFILTER_CLASS="scrapy_redis.dupefilter.RFPDupeFilter")
    scheduler = Scheduler.from_crawler(crawler)
    scheduler.open(spider)
    with pytest.warns(ScrapyDeprecationWarning, match="spider"):
        scheduler.enqueue_request(article("slug", spider))


def test_our_scheduler_round_trip_without_warnings(redis_url: str) -> None:
    crawler, spider = crawler_for(redis_url)
    scheduler = RedisScheduler.from_crawler(crawler)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scheduler.open(spider)
        try:
            assert scheduler.enqueue_request(article("a", spider))
            assert not scheduler.enqueue_request(article("b", spider))  # same article key
            sitemap = scrapy.Request("https://www.scmp.com/sitemap_news.xml", priority=5)
            assert scheduler.enqueue_request(sitemap)
            first = scheduler.next_request()
            assert first is not None and first.url == sitemap.url  # priority order kept
            second = scheduler.next_request()
            assert second is not None and second.callback == spider.parse_article
            assert second.meta["article_key"] == "scmp:3300100"
            assert scheduler.next_request() is None
            keys = FrontierKeys.from_settings(crawler.settings, "scmp")
            assert redis.Redis.from_url(redis_url).hlen(keys.processing("w1")) == 2
            assert scheduler.has_pending_requests() is False  # alone, queue empty: the run is over
            scheduler.close("finished")
        finally:
            scheduler._leave()
    stats = crawler.stats.get_stats()
    assert stats["scheduler/enqueued/redis"] == 2 and stats["scheduler/dequeued/redis"] == 2
    assert stats["dupefilter/filtered"] == 1 and stats["distributed/frontier_cleared"] == 1
    assert redis.Redis.from_url(redis_url).keys("bot:scmp:*") == []
