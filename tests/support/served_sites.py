"""A served local site of numbered stories and the ids a state file committed (delivery tests)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sample_site.server import StaticServer
from tests.support.changing_site import ChangingSite

FIRST = 3300100


@contextmanager
def served_site(root: Path, articles: int) -> Iterator[ChangingSite]:
    """`articles` stories numbered from FIRST, one a day, in a sitemap, served on 127.0.0.1."""
    root.mkdir()
    server = StaticServer(root)
    site = ChangingSite(root, server.base_url())
    for story_id in range(FIRST, FIRST + articles):
        site.add(story_id, day=story_id - FIRST + 1)
    site.write()
    with server:
        yield site


def committed_ids(state: Path) -> set[str]:
    """The article ids the state file records as delivered (none when it does not exist)."""
    if not state.exists():
        return set()
    with sqlite3.connect(state) as db:
        return {row[0] for row in db.execute("SELECT id FROM articles")}
