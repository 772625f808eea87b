"""The crawl state in Redis, for workers on several machines that must agree on what is new.

Same interface and semantics as `crawler.state.store.StateStore` (SQLite); the add-on makes it the
`STATE_STORE_CLASS`. Key layout and commits: docs/distributed.md (how it works).
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from redis.exceptions import RedisError

from crawler.distributed.connection import expand, redis_for
from crawler.state.store import Record, StagedWrites, StoreUnavailable

if TYPE_CHECKING:
    from redis import Redis
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

COMMIT_CHUNK = 500

# KEYS: articles, urls, fingerprints. ARGV: now, record JSON...
_COMMIT = """
local function ts(v) if v == nil or v == cjson.null then return nil end return tonumber(v) end
for i = 2, #ARGV do
  local r = cjson.decode(ARGV[i])
  local first = ARGV[1]
  local raw = redis.call('HGET', KEYS[1], r.id)
  if raw then
    local o = cjson.decode(raw)
    first = o.first_seen
    local a, b = ts(o.discovery_ts) or 0, ts(r.discovery_ts) or 0
    if a >= b then
      if o.discovery_ts == cjson.null then r.discovery_ts = '0' else r.discovery_ts = o.discovery_ts end
    elseif r.discovery_ts == cjson.null then
      r.discovery_ts = '0'
    end
    if o.fingerprint ~= r.fingerprint then
      redis.call('ZREM', KEYS[3], o.fingerprint .. '|' .. o.first_seen .. '|' .. r.id)
    end
    if o.canonical_url ~= r.canonical_url and redis.call('HGET', KEYS[2], o.canonical_url) == r.id then
      redis.call('HDEL', KEYS[2], o.canonical_url)
    end
  end
  r.first_seen = first
  r.last_seen = ARGV[1]
  redis.call('HSET', KEYS[1], r.id, cjson.encode(r))
  redis.call('HSET', KEYS[2], r.canonical_url, r.id)
  redis.call('ZADD', KEYS[3], 0, r.fingerprint .. '|' .. first .. '|' .. r.id)
end
return #ARGV - 1
"""

# KEYS: articles, urls. ARGV: canonical URL.
_BY_URL = """
local id = redis.call('HGET', KEYS[2], ARGV[1])
if not id then return false end
return redis.call('HGET', KEYS[1], id)
"""

# KEYS: articles, fingerprints. ARGV: fingerprint, id to exclude.
_BY_FINGERPRINT = """
local members = redis.call('ZRANGEBYLEX', KEYS[2], '[' .. ARGV[1] .. '|', '[' .. ARGV[1] .. '|\\255')
for _, m in ipairs(members) do
  local id = string.match(m, '^[^|]*|[^|]*|(.*)$')
  if id and id ~= ARGV[2] then return redis.call('HGET', KEYS[1], id) end
end
return false
"""


def _to_json(record: Record) -> str:
    data: dict[str, Any] = dict(record.__dict__)
    data["discovery_ts"] = None if record.discovery_ts is None else repr(float(record.discovery_ts))
    return json.dumps(data, ensure_ascii=False)


def _from_json(raw: bytes | str | None) -> Record | None:
    if raw is None:
        return None
    data = json.loads(raw)
    ts = data.get("discovery_ts")
    return Record(id=data["id"], site=data["site"], canonical_url=data["canonical_url"],
                  fingerprint=data["fingerprint"], published_at=data.get("published_at"),
                  modified_at=data.get("modified_at"), discovery_ts=None if ts is None else float(ts))


_T = TypeVar("_T")


def _unavailable(method: Callable[..., _T]) -> Callable[..., _T]:
    """Redis errors become `StoreUnavailable`: callers above need not import redis to handle them."""

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> _T:
        try:
            return method(*args, **kwargs)
        except RedisError as exc:
            raise StoreUnavailable(f"the crawl state in Redis: {type(exc).__name__}: {exc}") from exc

    return wrapper


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class RedisStateStore(StagedWrites):
    """Article records in Redis with an in-memory staging area (bounded by the open feed)."""

    def __init__(self, server: Redis, prefix: str, *, reset: bool = False) -> None:
        self.server = server
        self.prefix = prefix
        self.articles_key = f"{prefix}:articles"
        self.urls_key = f"{prefix}:urls"
        self.fingerprints_key = f"{prefix}:fingerprints"
        self._commit_script = server.register_script(_COMMIT)
        self._by_url = server.register_script(_BY_URL)
        self._by_fingerprint = server.register_script(_BY_FINGERPRINT)
        if reset:
            logger.warning("STATE_RESET: forgetting the shared state under %s (for every worker)", prefix)
            server.delete(self.articles_key, self.urls_key, self.fingerprints_key)
        super().__init__()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisStateStore:
        settings = crawler.settings
        prefix = expand(settings["STATE_REDIS_PREFIX"], settings)
        try:
            return cls(redis_for(crawler), prefix, reset=settings.getbool("STATE_RESET"))
        except RedisError as exc:
            raise StoreUnavailable(f"the crawl state in Redis: {type(exc).__name__}: {exc}") from exc

    # --- reads (staged records win: they are this worker's newest knowledge) ----------------

    @_unavailable
    def get(self, article_id: str) -> Record | None:
        staged = self._staged.get(article_id)
        if staged is not None:
            return staged
        return _from_json(self.server.hget(self.articles_key, article_id))

    @_unavailable
    def by_url(self, canonical_url: str) -> Record | None:
        staged = self.staged_by_url(canonical_url)
        if staged is not None:
            return staged
        found = _from_json(self._by_url(keys=[self.articles_key, self.urls_key], args=[canonical_url]))
        return found if found is not None and found.canonical_url == canonical_url else None

    @_unavailable
    def by_fingerprint(self, fingerprint: str, *, exclude_id: str) -> Record | None:
        staged = self.staged_by_fingerprint(fingerprint, exclude_id=exclude_id)
        if staged is not None:
            return staged
        return _from_json(self._by_fingerprint(keys=[self.articles_key, self.fingerprints_key],
                                               args=[fingerprint, exclude_id]))

    # --- writes -----------------------------------------------------------------------------

    @_unavailable
    def _write(self, records: list[Record]) -> None:
        """Write `records` in one transaction (visible to every worker at once)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        payloads = [_to_json(record) for record in records]
        pipe = self.server.pipeline(transaction=True)
        for chunk in _chunks(payloads, COMMIT_CHUNK):
            self._commit_script(keys=[self.articles_key, self.urls_key, self.fingerprints_key],
                                args=[now, *chunk], client=pipe)
        pipe.execute()

    @_unavailable
    def count(self) -> int:
        return int(self.server.hlen(self.articles_key))

    @_unavailable
    def check(self) -> None:
        """Redis answers (a feed is published only when its commit can be made)."""
        self.server.ping()

    def close(self) -> None:
        """Nothing to release: the connection pool belongs to the crawl (`redis_for`)."""
