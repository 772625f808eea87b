"""Remove paragraphs that are templates of their host (see `crawler.clean.templates`).

The counter is `TEMPLATES_COUNTER_CLASS` (in memory, saved to `TEMPLATES_STATE_PATH`; the Redis
add-on swaps in a shared one). Stats: `clean/removed/template`. See docs/cleaning.md.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from itemadapter import ItemAdapter
from scrapy.exceptions import NotConfigured
from scrapy.utils.misc import build_from_crawler, load_object

from crawler import outage
from crawler.clean.templates import TemplateCounter
from crawler.normalise.paragraphs import drop_paragraphs
from crawler.state.store import StoreUnavailable

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def strip_templates(counter: TemplateCounter, host: str, text: str) -> tuple[str, int]:
    """Count this page, then drop its template paragraphs; never empties an article."""
    paragraphs = text.split("\n\n")
    keep = template_mask(counter, host, paragraphs)
    if not any(keep):
        return text, 0
    return "\n\n".join(p for p, k in zip(paragraphs, keep, strict=True) if k), keep.count(False)


def template_mask(counter: TemplateCounter, host: str, paragraphs: list[str]) -> list[bool]:
    """Count this page's paragraphs, then say which to keep (False: a template of `host`)."""
    counter.observe(host, paragraphs)
    return [not counter.is_template(host, p) for p in paragraphs]


class TemplateParagraphsPipeline:
    """Per-host template paragraph removal with counts persisted between runs."""

    def __init__(self, crawler: Crawler, counter: TemplateCounter, state_path: Path | None) -> None:
        self.crawler = crawler
        self.counter = counter
        self.state_path = state_path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TemplateParagraphsPipeline:
        settings = crawler.settings
        if not settings.getbool("TEMPLATES_ENABLED"):
            raise NotConfigured("TEMPLATES_ENABLED is off")
        # Same observe/is_template interface whoever keeps the counts (memory, or Redis for workers).
        counter: TemplateCounter = build_from_crawler(load_object(settings["TEMPLATES_COUNTER_CLASS"]), crawler)
        raw_path = settings["TEMPLATES_STATE_PATH"]
        # Only in-memory counts are saved between runs; shared ones live where they are kept.
        state_path = Path(raw_path) if raw_path and isinstance(counter, TemplateCounter) else None
        if state_path is not None and state_path.exists() and not counter.load(state_path):
            logger.warning("Ignoring unreadable template counts in %s", state_path)
            assert crawler.stats is not None
            crawler.stats.inc_value("clean/templates_state_unreadable")
        return cls(crawler, counter, state_path)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        host = (urlsplit(adapter.get("url") or "").hostname or "").lower()
        paragraphs = (adapter.get("text") or "").split("\n\n")
        try:
            keep = template_mask(self.counter, host, paragraphs)
        except StoreUnavailable as exc:
            outage.stop_delivering(self.crawler, "counting template paragraphs", exc)
            url = adapter.get("url")
            raise outage.NotDelivered(f"{url}: Redis unavailable, its request stays in the frontier") from exc
        removed = keep.count(False)
        if removed and removed < len(keep):  # never empties an article
            article = adapter.asdict()
            drop_paragraphs(article, paragraphs, keep)
            for name in ("text", *(n for n, v in article.items() if isinstance(v, (list, dict)))):
                adapter[name] = article[name]
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("clean/removed/template", removed)
        return item

    def close_spider(self) -> None:
        if self.state_path is not None:
            self.counter.save(self.state_path)
