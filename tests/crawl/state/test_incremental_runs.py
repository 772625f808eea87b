"""Two scheduled runs in a row against a changing site emit exactly the new and changed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from sample_site.server import StaticServer
from tests.support.changing_site import ChangingSite
from tests.support.crawl import run_crawl


@pytest.fixture()
def site(tmp_path: Path):
    root = tmp_path / "site"
    root.mkdir()
    server = StaticServer(root)
    site = ChangingSite(root, server.base_url())
    for story_id in range(3300100, 3300108):
        site.add(story_id, day=story_id - 3300100 + 1)
    site.write()
    with server:
        yield site


def crawl(site: ChangingSite, tmp_path: Path, run: str, *settings: str):
    folder = tmp_path / run
    folder.mkdir()
    # one state file shared by the runs, like a scheduled job
    return run_crawl("scmp", folder, "-a", f"sitemaps={site.sitemap}",
                     "-s", f"STATE_PATH={tmp_path / 'state.sqlite'}", *settings)


def test_second_run_emits_only_new_and_changed(site: ChangingSite, tmp_path: Path) -> None:
    first = crawl(site, tmp_path, "run1")
    assert first.returncode == 0, first.log[-2000:]
    assert len(first.items) == 8 and not any(item["update"] for item in first.items)

    site.change(3300102, "2025-03-20T10:00:00+08:00")
    site.add(3300200, day=21)
    site.write()
    second = crawl(site, tmp_path, "run2")
    assert second.returncode == 0, second.log[-2000:]
    emitted = {item["id"]: item["update"] for item in second.items}
    assert emitted == {"scmp:3300102": True, "scmp:3300200": False}
    # the seven unchanged URLs were not even fetched
    assert second.stats["state/skipped/unchanged"] == 7


def test_changed_content_without_a_newer_date_is_refetched_only_when_dates_say_so(site: ChangingSite, tmp_path: Path) -> None:
    crawl(site, tmp_path, "run1")
    site.change(3300103, "", bump_lastmod=False)  # silent edit: the sitemap says nothing changed
    site.write()
    second = crawl(site, tmp_path, "run2")
    assert second.items == []
    assert second.stats["state/skipped/unchanged"] == 8


def test_refetched_but_unchanged_articles_are_not_emitted_twice(site: ChangingSite, tmp_path: Path) -> None:
    crawl(site, tmp_path, "run1")
    site.stories[3300104].lastmod = "2025-03-25T10:00:00+08:00"  # newer date, same content
    site.write()
    second = crawl(site, tmp_path, "run2")
    assert second.items == []
    assert second.stats["state/unchanged"] == 1
    third = crawl(site, tmp_path, "run3")  # and the newer date was remembered
    assert third.stats["state/skipped/unchanged"] == 8


def test_state_reset_emits_everything_again(site: ChangingSite, tmp_path: Path) -> None:
    crawl(site, tmp_path, "run1")
    again = crawl(site, tmp_path, "run2", "-s", "STATE_RESET=1")
    assert len(again.items) == 8


def test_since_until_window(site: ChangingSite, tmp_path: Path) -> None:
    result = crawl(site, tmp_path, "run1", "-s", "CRAWL_SINCE=2025-03-03", "-s", "CRAWL_UNTIL=2025-03-05")
    assert sorted(item["id"] for item in result.items) == ["scmp:3300102", "scmp:3300103", "scmp:3300104"]
