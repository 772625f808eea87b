"""Read articles from feed files: the latest version of each id, each story once across sites."""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from crawler.normalise.signals.epu import tag_epu

logger = logging.getLogger(__name__)


def read_articles(paths: Iterable[Path], counts: Counter[str] | None = None) -> list[dict[str, Any]]:
    """Articles of all `paths`, in order: a later line with the same id replaces the earlier one (an
    update); an article marked `duplicate_of` another site's article, or with the fingerprint of one
    already kept from another site, is left out (one story, counted once). Unreadable lines are
    skipped and counted in `counts` (`feeds/bad_line`), as are the left-out copies."""
    counts = counts if counts is not None else Counter()
    by_id: dict[str, dict[str, Any]] = {}
    for path in paths:
        with Path(path).open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    article = json.loads(line)
                    key = article["id"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    logger.warning("Skipping unreadable feed line %s:%d", path, number)
                    counts["feeds/bad_line"] += 1
                    continue
                if key in by_id:
                    counts["feeds/replaced"] += 1
                by_id[key] = article
    kept: list[dict[str, Any]] = []
    seen: dict[str, str] = {}  # fingerprint -> site that has it
    for article in by_id.values():
        if article.get("duplicate_of") and article["duplicate_of"] in by_id:
            counts["feeds/duplicate"] += 1
            continue
        fingerprint = article.get("fingerprint")
        if fingerprint and fingerprint in seen and seen[fingerprint] != article.get("site"):
            counts["feeds/duplicate"] += 1
            continue
        if fingerprint:
            seen.setdefault(fingerprint, article.get("site") or "")
        kept.append(article)
    return kept


def epu_results(article: dict[str, Any]) -> list[dict[str, Any]]:
    """The article's EPU tags: from its `signals` (schema >= 1.4), else tagged now (older feeds)."""
    signals = article.get("signals")
    if isinstance(signals, dict) and isinstance(signals.get("epu"), list):
        return signals["epu"]
    return tag_epu(article)
