"""The frontier's atomic steps on a real Redis: reliable pops, recovery of dead workers, closing."""

from __future__ import annotations

import pytest
import redis

from crawler.distributed.connection import FrontierKeys
from crawler.distributed.frontier import Fenced, Frontier

KEYS = FrontierKeys(queue="bot:scmp:requests", dupefilter="bot:scmp:dupefilter")


def worker(client: redis.Redis, name: str) -> Frontier:
    frontier = Frontier(client, KEYS, name, ttl=30)
    frontier.register()
    return frontier


def die(client: redis.Redis, name: str) -> None:
    """What a SIGKILL looks like from Redis once the TTL has run out: the heartbeat key is gone."""
    client.delete(KEYS.heartbeat(name))


def test_enqueue_filters_duplicates_in_the_same_step(client: redis.Redis) -> None:
    a = worker(client, "a")
    assert a.enqueue(b"r1", 0, "fp1")
    assert not a.enqueue(b"r1-other-slug", 0, "fp1")
    assert a.enqueue(b"retry", 0, None)  # dont_filter requests are never filtered
    assert client.zcard(KEYS.queue) == 2


def test_pop_moves_the_request_into_the_processing_hash(client: redis.Redis) -> None:
    a = worker(client, "a")
    a.enqueue(b"low", 0, "fp1")
    a.enqueue(b"high", -10, "fp2")  # score = -priority: higher priority first
    assert a.pop() == b"high"
    assert client.hgetall(KEYS.processing("a")) == {b"high": b"-10"}
    assert client.get(KEYS.heartbeat("a")) == b"busy"
    assert a.pop() == b"low" and a.pop() is None
    assert a.in_flight() == 2


def test_a_dead_workers_requests_go_back_to_the_queue(client: redis.Redis) -> None:
    a, b = worker(client, "a"), worker(client, "b")
    for i in range(3):
        a.enqueue(f"r{i}".encode(), 0, f"fp{i}")
    assert a.pop() is not None and a.pop() is not None
    die(client, "a")
    assert b.beat().recovered == 2
    assert client.zcard(KEYS.queue) == 3
    assert not client.exists(KEYS.processing("a")) and not client.sismember(KEYS.workers, "a")
    with pytest.raises(Fenced):  # a worker declared dead must not go on popping
        a.pop()
    with pytest.raises(Fenced):
        a.beat()


def test_a_live_worker_is_not_recovered(client: redis.Redis) -> None:
    a, b = worker(client, "a"), worker(client, "b")
    a.enqueue(b"r", 0, "fp")
    a.pop()
    assert b.beat().recovered == 0
    assert a.in_flight() == 1


def test_restarting_under_the_same_id_takes_back_what_the_previous_life_popped(client: redis.Redis) -> None:
    a = worker(client, "a")
    a.enqueue(b"r", 0, "fp")
    a.pop()
    again = Frontier(client, KEYS, "a", ttl=30)
    assert again.register().recovered == 1
    assert client.zcard(KEYS.queue) == 1 and again.in_flight() == 0


@pytest.mark.parametrize(("other_status", "other_in_flight", "verdict"), [
    ("busy", False, "wait"),       # it may still add requests
    ("idle", True, "close"),       # done, only waiting to commit its feed
    ("closing", True, "wait"),     # committing now: if it dies, we must recover it
    ("closing", False, "close"),   # committed
])
def test_may_close(client: redis.Redis, other_status: str, other_in_flight: bool, verdict: str) -> None:
    a, b = worker(client, "a"), worker(client, "b")
    if other_in_flight:
        a.enqueue(b"r", 0, "fp")
        assert b.pop() == b"r"
    client.set(KEYS.heartbeat("b"), other_status, ex=30)
    assert a.may_close() == (verdict, 0)
    assert client.get(KEYS.heartbeat("a")) == (b"closing" if verdict == "close" else b"idle")


def test_may_close_finds_work_and_recovers_dead_workers(client: redis.Redis) -> None:
    a, b = worker(client, "a"), worker(client, "b")
    a.enqueue(b"r", 0, "fp")
    assert a.may_close() == ("work", 0)
    b.pop()
    die(client, "b")
    assert a.may_close() == ("work", 1)


def test_two_idle_workers_close_one_after_the_other(client: redis.Redis) -> None:
    a, b = worker(client, "a"), worker(client, "b")
    a.enqueue(b"r", 0, "fp")
    a.pop()
    client.set(KEYS.heartbeat("b"), "idle", ex=30)
    assert a.may_close()[0] == "close"
    assert b.may_close()[0] == "wait"  # a is committing with a request in flight
    a.leave(finished=True, persist=False)
    assert b.may_close()[0] == "close"


def test_the_last_worker_of_a_finished_run_clears_the_duplicate_filter(client: redis.Redis) -> None:
    a, b = worker(client, "a"), worker(client, "b")
    a.enqueue(b"r", 0, "fp")
    a.pop()
    assert a.leave(finished=True, persist=False) == (1, False)
    assert not client.exists(KEYS.processing("a"))  # acknowledged
    assert client.scard(KEYS.dupefilter) == 1
    assert b.leave(finished=True, persist=False) == (0, True)
    assert not client.exists(KEYS.dupefilter)


@pytest.mark.parametrize(("finished", "persist", "queued"), [(False, False, False), (True, True, False),
                                                             (True, False, True)])
def test_a_paused_or_persistent_or_unfinished_frontier_is_kept(client: redis.Redis, finished: bool, persist: bool,
                                                                queued: bool) -> None:
    a = worker(client, "a")
    a.enqueue(b"r", 0, "fp")
    if not queued:
        a.pop()
    assert a.leave(finished=finished, persist=persist) == (0, False)
    assert client.scard(KEYS.dupefilter) == 1


def test_flush_on_start_only_when_no_other_worker_runs(client: redis.Redis) -> None:
    a = worker(client, "a")
    a.enqueue(b"r", 0, "fp")
    assert not Frontier(client, KEYS, "b", ttl=30).register(flush_on_start=True).flushed
    assert client.zcard(KEYS.queue) == 1
    a.leave(finished=False, persist=False)
    Frontier(client, KEYS, "b", ttl=30).leave(finished=False, persist=False)
    assert Frontier(client, KEYS, "c", ttl=30).register(flush_on_start=True).flushed
    assert not client.exists(KEYS.queue) and not client.exists(KEYS.dupefilter)


def test_a_worker_stopping_without_committing_gives_everything_back(client: redis.Redis) -> None:
    a = worker(client, "a")
    a.enqueue(b"r1", 0, "fp1")
    a.enqueue(b"r2", 0, "fp2")
    a.pop()
    a.pop()
    assert a.release() == 2
    assert client.zcard(KEYS.queue) == 2 and client.scard(KEYS.workers) == 0
    assert not client.exists(KEYS.processing("a")) and not client.exists(KEYS.heartbeat("a"))
    assert client.scard(KEYS.dupefilter) == 2  # still seen: they are queued, not forgotten
