"""Several `scrapy crawl scmp -s REDIS_URL=...` workers against one slow local site.

Every test checks the union of the workers' committed feeds: every article exactly once. The killed
worker's `.part` file is not an output (it was never committed), and its requests must be fetched
again by the others. Waits are bounded polls for a precondition (a worker has requests in flight),
never assertions about speed.
"""

from __future__ import annotations

import signal
from collections import Counter
from pathlib import Path

import redis

from crawler.distributed.connection import FrontierKeys
from crawler.distributed.frontier import Frontier
from tests.crawl.distributed.conftest import FIRST_ID, Worker, expected_ids, make_site
from tests.support.waiting import wait_until

KEYS = FrontierKeys(queue="regional_news:scmp:requests", dupefilter="regional_news:scmp:dupefilter")


def union(*workers: Worker) -> Counter[str]:
    return Counter(i for worker in workers for i in worker.ids())


def total(workers: list[Worker], stat: str) -> int:
    return sum(int(worker.stats().get(stat, 0)) for worker in workers)


def finish(*workers: Worker) -> None:
    for worker in workers:
        assert worker.wait() == 0, worker.tail()


def test_two_workers_emit_every_article_once_and_seed_once(tmp_path: Path, redis_url: str,
                                                           client: redis.Redis) -> None:
    # Alone, one worker needs 6 s for this site: far more than the two start one after the other.
    site, server = make_site(tmp_path / "site", 40, delay=0.3)
    with server:
        workers = [Worker(tmp_path / "run", name, site, redis_url) for name in ("w1", "w2")]
        finish(*workers)
    assert union(*workers) == expected_ids(40)
    # each article fetched once across the workers, the sitemap (the seed both workers yield) once
    assert total(workers, "extract/articles") == 40
    assert total(workers, "discovery/sitemap_entries") == 40
    assert total(workers, "dupefilter/filtered") >= 1  # the second worker's seed
    # the run is over: nothing left registered, the filter cleared for the next run, state shared
    assert client.keys(f"{KEYS.queue}*") == [] and not client.exists(KEYS.dupefilter)
    assert client.hlen("regional_news:state:articles") == 40


def test_three_workers_one_killed_still_every_article_exactly_once(tmp_path: Path, redis_url: str,
                                                                   client: redis.Redis) -> None:
    site, server = make_site(tmp_path / "site", 40, delay=0.5)
    with server:
        # The victim starts first (alone it would need 10 s), so it is surely mid-crawl when killed.
        victim = Worker(tmp_path / "run", "victim", site, redis_url)
        wait_until(lambda: client.hlen(KEYS.processing("victim")) >= 1, "the victim to start crawling")
        survivors = [Worker(tmp_path / "run", name, site, redis_url) for name in ("w1", "w2")]
        wait_until(lambda: client.scard(KEYS.workers) == 3 and client.hlen(KEYS.processing("victim")) >= 2,
                   "all three workers to be registered")
        assert victim.process.poll() is None
        victim.process.send_signal(signal.SIGKILL)
        assert victim.wait() == -signal.SIGKILL
        finish(*survivors)
    assert not victim.out.exists(), "a killed worker commits nothing"
    assert union(*survivors) == expected_ids(40), [w.tail() for w in survivors]
    assert total(survivors, "distributed/recovered_requests") >= 2
    # what the victim had written to its .part was fetched again by the survivors, not lost
    part = Path(f"{victim.out}.part")
    assert {item["id"] for item in Worker.items_in(part)} <= set(union(*survivors))
    assert client.keys(f"{KEYS.queue}*") == []


def test_pause_and_resume(tmp_path: Path, redis_url: str, client: redis.Redis) -> None:
    site, server = make_site(tmp_path / "site", 30, delay=0.4)
    with server:
        first = [Worker(tmp_path / "first", name, site, redis_url) for name in ("w1", "w2")]
        wait_until(lambda: client.hlen(KEYS.processing("w1")) + client.hlen(KEYS.processing("w2")) >= 3
                   and client.zcard(KEYS.queue) >= 4, "the crawl to be under way")
        for worker in first:
            worker.process.send_signal(signal.SIGTERM)
        finish(*first)
        paused = client.zcard(KEYS.queue)
        assert paused > 0, "the test must pause the crawl mid-way"
        assert client.scard(KEYS.workers) == 0
        second = [Worker(tmp_path / "second", name, site, redis_url) for name in ("w3", "w4")]
        finish(*second)
    assert union(*first, *second) == expected_ids(30)
    assert 0 < sum(len(w.ids()) for w in first) < 30
    assert client.keys(f"{KEYS.queue}*") == []


def test_next_run_rediscovers_and_emits_only_news(tmp_path: Path, redis_url: str) -> None:
    site, server = make_site(tmp_path / "site", 8, delay=0.0)
    with server:
        finish(Worker(tmp_path / "run1", "w1", site, redis_url))
        site.change(FIRST_ID + 2, "2025-03-20T10:00:00+08:00")
        site.add(3300200, day=21)
        site.write()
        workers = [Worker(tmp_path / "run2", name, site, redis_url) for name in ("w2", "w3")]
        finish(*workers)
    emitted = [item for worker in workers for item in worker.updates()]
    assert sorted(emitted) == [(f"scmp:{FIRST_ID + 2}", True), ("scmp:3300200", False)]
    # the shared state: only the changed and the new article were fetched, by whichever worker
    assert total(workers, "extract/articles") == 2
    # the first run cleared its duplicate filter, so this run read the sitemap again (a worker that
    # starts after the others have finished starts a run of its own: it reads it again too, and the
    # state makes it skip everything the others delivered)
    assert max(int(worker.stats().get("discovery/sitemap_entries", 0)) for worker in workers) == 9


def test_a_worker_declared_dead_exits_without_committing(tmp_path: Path, redis_url: str,
                                                         client: redis.Redis) -> None:
    site, server = make_site(tmp_path / "site", 12, delay=0.4)
    with server:
        lost = Worker(tmp_path / "run", "partitioned", site, redis_url)
        wait_until(lambda: client.hlen(KEYS.processing("partitioned")) >= 1, "requests in flight")
        # What the others do once its heartbeat has expired (a network partition): recover its requests.
        client.delete(KEYS.heartbeat("partitioned"))
        reaper = Frontier(client, KEYS, "reaper", ttl=30)
        assert reaper.register().recovered >= 1
        reaper.leave(finished=False, persist=True)
        assert lost.wait() == 70, lost.tail()
        assert not lost.out.exists()
        finish(rest := Worker(tmp_path / "run", "rest", site, redis_url))
    assert union(rest) == expected_ids(12)
