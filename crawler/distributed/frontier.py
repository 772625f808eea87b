"""The shared frontier's bookkeeping, as Lua scripts so that every step is atomic on the server.

A pop moves a request into the worker's processing hash until its feed is committed; dead workers'
hashes go back into the queue; the run's epoch key tells a worker declared dead (`Fenced`) from one
whose Redis lost everything (`FrontierLost`). See docs/distributed.md (how it works).
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from crawler.distributed.connection import FrontierKeys

if TYPE_CHECKING:
    from redis import Redis

logger = logging.getLogger(__name__)

# Moves the processing hash of every registered worker whose heartbeat has expired back into the
# queue. Keys of other workers are computed from prefixes: standalone Redis only (not Cluster).
_REAP = """
local function reap(workers, queue, hb_prefix, proc_prefix, me)
  local moved = 0
  for _, w in ipairs(redis.call('SMEMBERS', workers)) do
    if w ~= me and redis.call('EXISTS', hb_prefix .. w) == 0 then
      local items = redis.call('HGETALL', proc_prefix .. w)
      for i = 1, #items, 2 do
        redis.call('ZADD', queue, items[i + 1], items[i])
        moved = moved + 1
      end
      redis.call('DEL', proc_prefix .. w)
      redis.call('SREM', workers, w)
    end
  end
  return moved
end
"""

# Before a worker's own checks: the frontier it joined is still there. ARGV[5]: its epoch.
_SAME_EPOCH = """
if redis.call('GET', KEYS[3]) ~= ARGV[5] then return %s end
"""

# KEYS: workers, queue, dupefilter, epoch. ARGV: me, hb_prefix, proc_prefix, ttl, flush_on_start, new epoch.
# Returns {requests recovered from dead workers, 1 if flushed, other live workers, the frontier's epoch}.
# A worker that restarts under the same WORKER_ID first takes back what its previous life had popped.
REGISTER = _REAP + """
redis.call('SET', KEYS[4], ARGV[6], 'NX')
local moved = reap(KEYS[1], KEYS[2], ARGV[2], ARGV[3], ARGV[1])
local mine = redis.call('HGETALL', ARGV[3] .. ARGV[1])
for i = 1, #mine, 2 do
  redis.call('ZADD', KEYS[2], mine[i + 1], mine[i])
  moved = moved + 1
end
redis.call('DEL', ARGV[3] .. ARGV[1])
local others = redis.call('SCARD', KEYS[1]) - redis.call('SISMEMBER', KEYS[1], ARGV[1])
local flushed = 0
if ARGV[5] == '1' and others == 0 then
  redis.call('DEL', KEYS[2], KEYS[3])
  flushed = 1
end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('SET', ARGV[2] .. ARGV[1], 'busy', 'EX', ARGV[4])
return {moved, flushed, others, redis.call('GET', KEYS[4])}
"""

# Duplicate check and push in one step: a worker killed between the two would otherwise leave a
# request marked as seen that nobody ever queued. KEYS: dupefilter, queue. ARGV: fingerprint ('' for
# dont_filter requests), score, member. Returns 1 (queued) or 0 (a duplicate).
ENQUEUE = """
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""

# KEYS: queue, workers, epoch. ARGV: me, hb_key, proc_key, ttl, epoch.
# Returns {1, member} (popped into the processing hash), {0} (queue empty), {-1} (fenced) or {-2} (lost).
POP = _SAME_EPOCH % "{-2}" + """
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 0 then return {-1} end
local popped = redis.call('ZPOPMIN', KEYS[1])
if #popped == 0 then return {0} end
redis.call('HSET', ARGV[3], popped[1], popped[2])
redis.call('SET', ARGV[2], 'busy', 'EX', ARGV[4])
return {1, popped[1]}
"""

# KEYS: workers, queue, epoch. ARGV: me, hb_prefix, proc_prefix, ttl, epoch.
# Returns {alive (1), fenced (-1) or lost (-2), requests recovered from dead workers, queue length}.
BEAT = _REAP + _SAME_EPOCH % "{-2, 0, 0}" + """
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return {-1, 0, 0} end
local status = redis.call('GET', ARGV[2] .. ARGV[1]) or 'busy'
redis.call('SET', ARGV[2] .. ARGV[1], status, 'EX', ARGV[4])
local moved = reap(KEYS[1], KEYS[2], ARGV[2], ARGV[3], ARGV[1])
return {1, moved, redis.call('ZCARD', KEYS[2])}
"""

# Called when this worker has nothing in flight. KEYS: workers, queue, epoch.
# ARGV: me, hb_prefix, proc_prefix, ttl, epoch.
# Returns {verdict, recovered}: 'work' (the queue has requests), 'wait' (another worker may still
# add some, or is committing), 'close' (the run is over for this worker), 'fenced' or 'lost'.
MAY_CLOSE = _REAP + _SAME_EPOCH % "{'lost', 0}" + """
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return {'fenced', 0} end
local me_hb = ARGV[2] .. ARGV[1]
local moved = reap(KEYS[1], KEYS[2], ARGV[2], ARGV[3], ARGV[1])
if redis.call('ZCARD', KEYS[2]) > 0 then
  redis.call('SET', me_hb, 'idle', 'EX', ARGV[4])
  return {'work', moved}
end
for _, w in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if w ~= ARGV[1] then
    local status = redis.call('GET', ARGV[2] .. w)
    if status == 'busy' or (status == 'closing' and redis.call('EXISTS', ARGV[3] .. w) == 1) then
      redis.call('SET', me_hb, 'idle', 'EX', ARGV[4])
      return {'wait', moved}
    end
  end
end
redis.call('SET', me_hb, 'closing', 'EX', ARGV[4])
return {'close', moved}
"""

# After the worker's feed and state are committed: acknowledge everything it popped, unregister,
# and, when the run is finished and nobody is left, clear the duplicate filter (unless persisting)
# and the epoch, so that the next run discovers again. KEYS: workers, queue, dupefilter, epoch.
# ARGV: me, hb_prefix, proc_prefix, finished ('1'/'0'), persist ('1'/'0').
# Returns {workers still registered, 1 if the frontier was cleared}.
LEAVE = """
redis.call('DEL', ARGV[3] .. ARGV[1], ARGV[2] .. ARGV[1])
redis.call('SREM', KEYS[1], ARGV[1])
local remaining = redis.call('SCARD', KEYS[1])
if remaining == 0 and ARGV[4] == '1' and ARGV[5] == '0' and redis.call('ZCARD', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[3], KEYS[4])
  return {remaining, 1}
end
return {remaining, 0}
"""


# A worker that stops without committing its feed (not killed: its process is still there to say so)
# gives back at once what it had taken, instead of waiting for its heartbeat to expire.
# KEYS: workers, queue. ARGV: me, hb_prefix, proc_prefix. Returns the number of requests given back.
RELEASE = """
local mine = redis.call('HGETALL', ARGV[3] .. ARGV[1])
for i = 1, #mine, 2 do
  redis.call('ZADD', KEYS[2], mine[i + 1], mine[i])
end
redis.call('DEL', ARGV[3] .. ARGV[1], ARGV[2] .. ARGV[1])
redis.call('SREM', KEYS[1], ARGV[1])
return #mine / 2
"""


class Fenced(RuntimeError):
    """This worker was declared dead (its heartbeat expired) and its requests were handed to others."""


class FrontierLost(RuntimeError):
    """The frontier this worker joined is gone from Redis (restarted empty, or its keys deleted)."""


@dataclass(frozen=True)
class Registration:
    recovered: int
    flushed: bool
    others: int
    epoch: str


@dataclass(frozen=True)
class Beat:
    recovered: int
    queued: int


class Frontier:
    """One worker's view of the shared frontier: registration, reliable pops, heartbeats, closing."""

    def __init__(self, server: Redis, keys: FrontierKeys, worker: str, *, ttl: float) -> None:
        self.server = server
        self.keys = keys
        self.worker = worker
        self.ttl = max(1, round(ttl))
        self.epoch = ""
        self._register = server.register_script(REGISTER)
        self._enqueue = server.register_script(ENQUEUE)
        self._pop = server.register_script(POP)
        self._beat = server.register_script(BEAT)
        self._may_close = server.register_script(MAY_CLOSE)
        self._leave = server.register_script(LEAVE)
        self._release = server.register_script(RELEASE)

    def _args(self) -> list[Any]:
        return [self.worker, self.keys.heartbeat_prefix, self.keys.processing_prefix, self.ttl]

    def register(self, *, flush_on_start: bool = False) -> Registration:
        moved, flushed, others, epoch = self._register(
            keys=[self.keys.workers, self.keys.queue, self.keys.dupefilter, self.keys.epoch],
            args=[*self._args(), "1" if flush_on_start else "0", secrets.token_hex(8)],
        )
        self.epoch = epoch.decode() if isinstance(epoch, bytes) else str(epoch)
        return Registration(int(moved), bool(flushed), int(others), self.epoch)

    def enqueue(self, member: bytes, score: float, fingerprint: str | None) -> bool:
        """Queue `member` unless `fingerprint` was seen before (None: never filtered); True if queued."""
        return bool(self._enqueue(keys=[self.keys.dupefilter, self.keys.queue],
                                  args=[fingerprint or "", score, member]))

    def pop(self) -> bytes | None:
        """The next request (serialized), now held in this worker's processing hash; None when empty."""
        result = self._pop(
            keys=[self.keys.queue, self.keys.workers, self.keys.epoch],
            args=[self.worker, self.keys.heartbeat(self.worker), self.keys.processing(self.worker), self.ttl,
                  self.epoch],
        )
        if int(result[0]) == -2:
            raise FrontierLost(self.keys.queue)
        if int(result[0]) < 0:
            raise Fenced(self.worker)
        return result[1] if int(result[0]) == 1 else None

    def beat(self) -> Beat:
        alive, moved, queued = self._beat(keys=[self.keys.workers, self.keys.queue, self.keys.epoch],
                                          args=[*self._args(), self.epoch])
        if int(alive) == -2:
            raise FrontierLost(self.keys.queue)
        if int(alive) < 0:
            raise Fenced(self.worker)
        return Beat(int(moved), int(queued))

    def may_close(self) -> tuple[str, int]:
        verdict, moved = self._may_close(keys=[self.keys.workers, self.keys.queue, self.keys.epoch],
                                         args=[*self._args(), self.epoch])
        verdict = verdict.decode() if isinstance(verdict, bytes) else str(verdict)
        if verdict == "lost":
            raise FrontierLost(self.keys.queue)
        if verdict == "fenced":
            raise Fenced(self.worker)
        return verdict, int(moved)

    def leave(self, *, finished: bool, persist: bool) -> tuple[int, bool]:
        remaining, cleared = self._leave(
            keys=[self.keys.workers, self.keys.queue, self.keys.dupefilter, self.keys.epoch],
            args=[self.worker, self.keys.heartbeat_prefix, self.keys.processing_prefix,
                  "1" if finished else "0", "1" if persist else "0"],
        )
        return int(remaining), bool(cleared)

    def release(self) -> int:
        """Give back every request this worker took (none of them was committed) and unregister."""
        return int(self._release(keys=[self.keys.workers, self.keys.queue],
                                 args=[self.worker, self.keys.heartbeat_prefix, self.keys.processing_prefix]))

    def in_flight(self) -> int:
        """Requests this worker popped and has not committed yet."""
        return int(self.server.hlen(self.keys.processing(self.worker)))


def describe(server: Redis, keys: FrontierKeys) -> dict[str, Any]:
    """A snapshot for people (`scrapy frontier status SPIDER`)."""
    workers = {}
    for raw in sorted(server.smembers(keys.workers)):
        worker = raw.decode() if isinstance(raw, bytes) else raw
        status = server.get(keys.heartbeat(worker))
        workers[worker] = {
            "status": (status.decode() if isinstance(status, bytes) else status) or "dead (not yet recovered)",
            "in_flight": int(server.hlen(keys.processing(worker))),
        }
    return {
        "queue": int(server.zcard(keys.queue)),
        "seen": int(server.scard(keys.dupefilter)),
        "workers": workers,
    }
