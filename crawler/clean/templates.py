"""Cross-page template detection: a paragraph seen verbatim on many pages of one host is boilerplate.

No rule has to name it: a site's "Follow us on ..." line or a disclaimer shows up on page after page.
Memory is bounded (hosts and fingerprints per host are LRU-evicted), counts persist between runs as
JSON so a small scheduled run still benefits, and cold counts never remove anything: a paragraph
goes only once it has been seen on `min_pages` different pages of that host.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

FORMAT_VERSION = 1


@lru_cache(maxsize=256)
def fingerprint(paragraph: str) -> str:
    """A short, stable key for a paragraph (whitespace and case folded).

    Cached for the paragraphs of about one page: the template step counts a page's paragraphs, then
    looks each one up, and the second key of each is then a dictionary lookup."""
    folded = " ".join(paragraph.split()).casefold()
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=8).hexdigest()


class TemplateCounter:
    """Per-host counts of distinct pages on which each paragraph appeared."""

    def __init__(self, *, min_pages: int = 4, max_hosts: int = 200, max_per_host: int = 2000) -> None:
        self.min_pages = min_pages
        self.max_hosts = max_hosts
        self.max_per_host = max_per_host
        self._hosts: OrderedDict[str, OrderedDict[str, int]] = OrderedDict()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TemplateCounter:
        settings = crawler.settings
        return cls(min_pages=settings.getint("TEMPLATES_MIN_PAGES"), max_hosts=settings.getint("TEMPLATES_MAX_HOSTS"),
                   max_per_host=settings.getint("TEMPLATES_MAX_PER_HOST"))

    def _host(self, host: str) -> OrderedDict[str, int]:
        counts = self._hosts.get(host)
        if counts is None:
            counts = self._hosts[host] = OrderedDict()
            while len(self._hosts) > self.max_hosts:
                self._hosts.popitem(last=False)
        else:
            self._hosts.move_to_end(host)
        return counts

    def observe(self, host: str, paragraphs: list[str]) -> None:
        """Count one page's paragraphs (each once per page)."""
        counts = self._host(host)
        for key in dict.fromkeys(fingerprint(p) for p in paragraphs):
            counts[key] = counts.get(key, 0) + 1
            counts.move_to_end(key)
        while len(counts) > self.max_per_host:
            counts.popitem(last=False)

    def is_template(self, host: str, paragraph: str) -> bool:
        """True once the paragraph has appeared on `min_pages` pages of `host`."""
        counts = self._hosts.get(host)
        return counts is not None and counts.get(fingerprint(paragraph), 0) >= self.min_pages

    def size(self) -> int:
        """Fingerprints held, over all hosts (for the boundedness checks)."""
        return sum(len(c) for c in self._hosts.values())

    # --- persistence ------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {"version": FORMAT_VERSION, "hosts": {h: dict(c) for h, c in self._hosts.items()}}

    def load_json(self, data: dict[str, Any]) -> None:
        if data.get("version") != FORMAT_VERSION:
            return
        for host, counts in data.get("hosts", {}).items():
            target = self._host(host)
            target.update({k: int(v) for k, v in counts.items()})
            while len(target) > self.max_per_host:
                target.popitem(last=False)

    def load(self, path: Path) -> bool:
        """Merge counts saved at `path`; False (and nothing loaded) when missing or unreadable."""
        try:
            self.load_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return False
        return True

    def save(self, path: Path) -> None:
        """Write atomically: a crash mid-write never leaves a torn state file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".templates-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(self.to_json(), handle)
        os.replace(tmp, path)
