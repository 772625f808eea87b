"""Two runs of one spider started in the same second get different default feed files."""

from __future__ import annotations

from scrapy.extensions.feedexport import apply_uri_params

from crawler import settings
from crawler.spiders.scmp import ScmpSpider


def default_feed(spider: ScmpSpider, time: str) -> str:
    # What Scrapy's FeedExporter does: every spider attribute, plus the start time, fills the URI.
    params = {name: getattr(spider, name) for name in dir(spider) if not name.startswith("__")}
    params["time"] = time
    return apply_uri_params(settings.DEFAULT_FEED_URI, params)


def test_same_second_different_files() -> None:
    first, second = ScmpSpider(), ScmpSpider()
    a, b = default_feed(first, "2026-03-01T06-00-00+00-00"), default_feed(second, "2026-03-01T06-00-00+00-00")
    assert a != b
    assert a.startswith("feeds/scmp/2026-03-01T06-00-00+00-00-") and a.endswith(".jsonl")
    assert len(first.run_id) == 6 and int(first.run_id, 16) >= 0
