"""Decide, per article, whether this run emits it: new, updated (`"update": true`), or unchanged.

Also fills `fingerprint`, recognises the same story under another id by it (same site: dropped as
a duplicate; another site: emitted with `duplicate_of`), and applies the `CRAWL_SINCE`/`CRAWL_UNTIL`
window to `published_at`. The store is only read here; `crawler.state.extension` writes it once
the feed line is safely on disk.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from crawler import outage
from crawler.state.fingerprint import content_fingerprint
from crawler.state.store import StoreUnavailable
from crawler.state.window import StateComponent


class UnchangedArticle(DropItem):
    """Dropped because this exact content was already delivered (counted, never logged as error)."""

    unchanged = True

    def __init__(self, message: str) -> None:
        super().__init__(message, log_level="DEBUG")


class IncrementalStatePipeline(StateComponent):
    """New or changed articles pass; unchanged ones and same-site copies are dropped and counted.

    An unchanged article whose URL was given on the command line is written anyway (the spider says
    which: `NewsSpider.is_given_url`), with `"update": false`; the state records it as usual.
    """

    def _given(self, url: str | None) -> bool:
        is_given = getattr(self.crawler.spider, "is_given_url", None)
        return bool(url) and callable(is_given) and bool(is_given(url))

    def process_item(self, item: Any) -> Any:
        try:
            return self._decide(item)
        except StoreUnavailable as exc:
            outage.stop_delivering(self.crawler, "looking the article up in the shared state", exc)
            url = ItemAdapter(item).get("url")
            raise outage.NotDelivered(f"{url}: Redis unavailable, its request stays in the frontier") from exc

    def _decide(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        fingerprint = content_fingerprint(adapter.get("title"), adapter.get("text"))
        adapter["fingerprint"] = fingerprint
        published = adapter.get("published_at")
        if published and self.window.active and not self.window.contains(datetime.fromisoformat(published)):
            self.count("state/dropped/outside_window")
            raise DropItem(f"published {published}, outside the crawl window", log_level="INFO")
        if self.store is None:
            return item
        previous = self.store.get(adapter["id"])
        if previous is not None and previous.fingerprint == fingerprint:
            if self._given(adapter.get("url")):  # asked for on the command line: written anyway
                self.count("state/unchanged_given")
                adapter["update"] = False
                return item
            self.count("state/unchanged")
            raise UnchangedArticle(f"{adapter['id']} unchanged since it was last delivered")
        same_story = self.store.by_fingerprint(fingerprint, exclude_id=adapter["id"])
        if same_story is not None:
            if same_story.site == adapter.get("site"):
                self.count("dedupe/same_content")
                raise DropItem(f"same content as {same_story.id}")
            adapter["duplicate_of"] = same_story.id
            self.count("dedupe/copy_of_other_site")
        adapter["update"] = previous is not None
        self.count("state/updated" if previous is not None else "state/new")
        return item
