"""A Redis failure never costs an article, never acknowledges a request, and fails the worker.

Three ways Redis fails a worker mid-crawl: a command that errors (a template-count key of the wrong
type: every page's pipeline call fails, Redis itself is fine), the server going away for good, and
the server coming back empty (a restart without persistence). In each, the worker must stop with
`UNAVAILABLE` (the `exit/code` stat), publish no feed, commit nothing, and leave every request it
did not deliver in the frontier (or, when the frontier itself is gone, say so). Each outage test
runs its own redis-server, which it kills; waits are bounded polls for a precondition.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from crawler import exit_codes
from crawler.distributed.connection import FrontierKeys
from tests.crawl.distributed.conftest import RedisProcess, Worker, expected_ids, make_site, wait_until

KEYS = FrontierKeys(queue="regional_news:scmp:requests", dupefilter="regional_news:scmp:dupefilter")
STATE = "regional_news:state:articles"


@pytest.fixture()
def own_redis(tmp_path: Path) -> Iterator[RedisProcess]:
    folder = tmp_path / "redis"
    folder.mkdir()
    server = RedisProcess(folder).start()
    yield server
    server.stop()


def url(server: RedisProcess) -> str:
    return f"redis://127.0.0.1:{server.port}/0"


@pytest.fixture(autouse=True)
def _no_leftover_workers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A failed assertion must not leave a worker crawling (one that ignored its Redis failing would)."""
    started: list[Worker] = []
    original = Worker.__init__

    def tracked(self: Worker, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        started.append(self)

    monkeypatch.setattr(Worker, "__init__", tracked)
    yield
    for worker in started:
        if worker.process.poll() is None:
            worker.process.kill()
        worker.process.wait(timeout=30)


def test_a_failing_redis_command_in_a_pipeline_drops_and_acknowledges_nothing(tmp_path: Path, redis_url: str,
                                                                             client: redis.Redis) -> None:
    site, server = make_site(tmp_path / "site", 6, delay=0.0)
    # Every page's template count fails (WRONGTYPE), while the frontier and the state work.
    client.set("regional_news:templates:127.0.0.1", "not a sorted set")
    with server:
        worker = Worker(tmp_path / "run", "w1", site, redis_url)
        returncode = worker.wait()
        stats = worker.stats()
        assert stats.get(exit_codes.CODE_STAT) == exit_codes.UNAVAILABLE, worker.tail()
        assert returncode == exit_codes.UNAVAILABLE
        assert not worker.out.exists(), "nothing published"
        assert client.hlen(STATE) == 0, "nothing committed"
        # Nothing acknowledged: every article request is back in the queue for the next worker.
        assert client.zcard(KEYS.queue) >= 1 and client.keys(f"{KEYS.processing_prefix}*") == []
        log = worker.log.read_text(encoding="utf-8")
        assert "failed while" in log and "WRONGTYPE" in log
        client.delete("regional_news:templates:127.0.0.1")
        rest = Worker(tmp_path / "run", "w2", site, redis_url)
        assert rest.wait() == 0, rest.tail()
    assert sorted(rest.ids()) == sorted(expected_ids(6)), "every article delivered by the next worker"


def test_redis_gone_for_good_stops_the_worker_without_committing(tmp_path: Path, own_redis: RedisProcess) -> None:
    client = redis.Redis(port=own_redis.port)
    site, server = make_site(tmp_path / "site", 30, delay=0.5)
    with server:
        worker = Worker(tmp_path / "run", "w1", site, url(own_redis), "-s", "DISTRIBUTED_WORKER_TIMEOUT=30")
        wait_until(lambda: client.hlen(KEYS.processing("w1")) >= 2, "the worker to be crawling")
        own_redis.stop()
        returncode = worker.wait(timeout=180)  # it stops on its own: it does not crawl on without its frontier
    stats = worker.stats()
    assert stats.get(exit_codes.CODE_STAT) == exit_codes.UNAVAILABLE, worker.tail()
    assert returncode == exit_codes.UNAVAILABLE
    assert stats.get("finish_reason") == "redis_unavailable"
    assert not worker.out.exists(), "a worker that lost Redis publishes nothing (nothing could be committed)"
    log = worker.log.read_text(encoding="utf-8")
    assert "This worker stops without publishing its feed" in log
    assert "declared dead" not in log


def test_redis_back_empty_is_said_to_be_a_lost_frontier(tmp_path: Path, own_redis: RedisProcess) -> None:
    client = redis.Redis(port=own_redis.port)
    site, server = make_site(tmp_path / "site", 30, delay=0.5)
    with server:
        worker = Worker(tmp_path / "run", "w1", site, url(own_redis), "-s", "DISTRIBUTED_WORKER_TIMEOUT=30")
        wait_until(lambda: client.hlen(KEYS.processing("w1")) >= 2, "the worker to be crawling")
        # What a restart without persistence leaves: every key gone. Emptied in place, because a real
        # restart's down window fails whatever command is in flight as a plain outage (the test above),
        # and whether one is depends on the worker's timing.
        client.flushall()
        returncode = worker.wait(timeout=180)
    stats = worker.stats()
    assert stats.get(exit_codes.CODE_STAT) == exit_codes.UNAVAILABLE, worker.tail()
    assert returncode == exit_codes.UNAVAILABLE
    assert not worker.out.exists()
    log = worker.log.read_text(encoding="utf-8")
    assert "declared dead" not in log, "nobody declared it dead: the frontier was lost"
    assert "The shared frontier in Redis" in log and "is gone" in log
