"""`RedisStateStore` behaves as `StateStore` does: each behaviour is checked on both backends."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import redis

from crawler.state.redis_store import RedisStateStore
from crawler.state.store import Record, StateStore

Opener = Callable[..., Any]


def record(i: int, fp: str = "0123456789abcdef", ts: float | None = 100.0, url: str | None = None) -> Record:
    return Record(id=f"scmp:{i}", site="scmp", canonical_url=url or f"https://x.example/article/{i}", fingerprint=fp,
                  published_at="2025-03-01T09:00:00+08:00", discovery_ts=ts)


@pytest.fixture(params=["sqlite", "redis"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Opener:
    """Opens the same store again on each call (a new process, or another worker)."""
    if request.param == "sqlite":
        return lambda reset=False: StateStore(tmp_path / "s.sqlite", reset=reset)
    url = request.getfixturevalue("redis_url")
    return lambda reset=False: RedisStateStore(redis.Redis.from_url(url), "bot:state", reset=reset)


def test_same_public_interface() -> None:
    def public(cls: type) -> dict[str, inspect.Signature]:
        return {name: inspect.signature(member) for name, member in vars(cls).items()
                if inspect.isfunction(member) and not name.startswith("_")}

    sqlite, redis_store = public(StateStore), public(RedisStateStore)
    assert sqlite.keys() == redis_store.keys()
    for name, signature in sqlite.items():
        assert list(signature.parameters) == list(redis_store[name].parameters), name


def test_staged_records_are_visible_but_only_durable_after_commit(open_store: Opener) -> None:
    store = open_store()
    store.stage(record(1))
    assert store.get("scmp:1") == record(1)
    assert store.by_url("https://x.example/article/1") == record(1)
    assert open_store().get("scmp:1") is None  # another worker (or a crash) sees nothing yet
    store.discard_staged()
    assert store.get("scmp:1") is None and store.staged_count() == 0


def test_commit_persists_and_lookups_work(open_store: Opener) -> None:
    store = open_store()
    store.stage(record(1))
    store.stage(record(2, fp="fedcba9876543210"))
    assert store.commit() == 2 and store.staged_count() == 0
    again = open_store()
    assert again.count() == 2
    assert again.get("scmp:1") == record(1)
    assert again.by_url("https://x.example/article/1") == record(1)
    assert again.by_url("https://x.example/article/9") is None
    assert again.by_fingerprint("0123456789abcdef", exclude_id="scmp:2") == record(1)
    assert again.by_fingerprint("0123456789abcdef", exclude_id="scmp:1") is None


def test_oldest_article_with_the_same_content_is_found(open_store: Opener) -> None:
    store = open_store()
    store.stage(record(1))
    store.commit()
    store.stage(record(2))
    store.commit()
    assert store.by_fingerprint("0123456789abcdef", exclude_id="scmp:9").id in {"scmp:1", "scmp:2"}
    assert store.by_fingerprint("0123456789abcdef", exclude_id="scmp:1") == record(2)


def test_discovery_date_never_goes_backwards(open_store: Opener) -> None:
    store = open_store()
    store.stage(record(1, ts=200.0))
    store.commit()
    other = open_store()  # another worker with an older sitemap date
    other.stage(record(1, ts=150.0))
    other.commit()
    assert open_store().get("scmp:1").discovery_ts == 200.0
    store.stage(record(1, ts=250.5))
    store.commit()
    assert open_store().get("scmp:1").discovery_ts == 250.5


def test_changed_content_and_url_move_the_indexes(open_store: Opener) -> None:
    store = open_store()
    store.stage(record(1))
    store.commit()
    store.stage(record(1, fp="1111111111111111", url="https://x.example/article/1-new-slug"))
    store.commit()
    again = open_store()
    assert again.by_fingerprint("0123456789abcdef", exclude_id="scmp:9") is None
    assert again.by_fingerprint("1111111111111111", exclude_id="scmp:9").id == "scmp:1"
    assert again.by_url("https://x.example/article/1") is None
    assert again.by_url("https://x.example/article/1-new-slug").id == "scmp:1"
    assert again.count() == 1


def test_reset_forgets(open_store: Opener) -> None:
    store = open_store()
    store.stage(record(1))
    store.commit()
    store.close()
    fresh = open_store(reset=True)
    assert fresh.count() == 0 and fresh.by_url("https://x.example/article/1") is None


def test_commit_is_one_transaction(redis_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    client = redis.Redis.from_url(redis_url)
    store = RedisStateStore(client, "bot:state")
    monkeypatch.setattr("crawler.state.redis_store.COMMIT_CHUNK", 2)
    for i in range(5):
        store.stage(record(i, fp=f"{i:016x}"))
    calls: list[bool] = []
    original = client.pipeline

    def pipeline(transaction: bool = True) -> Any:
        calls.append(transaction)
        return original(transaction)

    monkeypatch.setattr(client, "pipeline", pipeline)
    assert store.commit() == 5
    assert calls == [True]  # one MULTI/EXEC for all three chunks
    assert store.count() == 5
