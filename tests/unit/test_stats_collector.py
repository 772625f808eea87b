"""The crawl's stats collector is Scrapy's in-memory one, with its methods called directly (no shim)."""

from __future__ import annotations

import warnings

from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.project import get_project_settings
from scrapy.utils.reactor import install_reactor

from crawler.stats import CrawlStatsCollector


def _stats() -> MemoryStatsCollector:
    install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
    from scrapy.utils.test import get_crawler

    crawler = get_crawler(settings_dict=get_project_settings().copy_to_dict())
    assert crawler.stats is not None
    return crawler.stats


def test_the_project_collects_stats_with_it() -> None:
    assert isinstance(_stats(), CrawlStatsCollector)


def test_its_methods_are_scrapys_own_unwrapped() -> None:
    stats = _stats()
    for name in ("inc_value", "get_value", "set_value", "max_value", "min_value", "get_stats"):
        assert getattr(stats, name).__func__ is getattr(MemoryStatsCollector, name), name


def test_it_counts_as_scrapys_does_and_still_takes_the_old_spider_argument() -> None:
    stats = _stats()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is wrapped, so nothing warns
        stats.inc_value("a")
        stats.inc_value("a", 2, spider=None)
        stats.inc_value("b", start=10)
    stats.max_value("m", 3)
    stats.max_value("m", 1)
    stats.min_value("n", 3)
    stats.min_value("n", 1)
    stats.set_value("s", "x")
    assert {k: stats.get_value(k) for k in "abmns"} == {"a": 3, "b": 11, "m": 3, "n": 1, "s": "x"}
