"""Per-target-host rate limits shared by every worker through one atomic Redis script.

An action's rate limit reads "at most `calls` calls per `per_seconds` to this host", and third
parties enforce it over any window of that length, so the limiter keeps, per host, the times of
the last `calls` calls it let through (a list in Redis, oldest first). A new call may go no
earlier than `per_seconds` after the call `calls` places before it, and no earlier than the
call before it (calls stay in order). That is virtual scheduling over a sliding log: unlike a
single theoretical-arrival-time (GCRA) key it allows a full burst of `calls` without ever
letting more than `calls` into any window, which a GCRA with burst `calls` would (up to almost
twice as many around a burst).

- `throttle` reserves the next free slot for every call, possibly in the future, and tells the
  caller how long to wait: calls are queued in order, never dropped.
- `cap` grants only calls whose slot is now and refuses the rest (`capped` on the error path).

The script reads Redis's clock (`TIME`), so workers on hosts with skewed clocks still agree, and
reserves a whole batch of calls to one host in a single round-trip. Keys expire once their last
slot has left the window, so idle hosts cost nothing.

The list keeps only the last `calls` slots, so it cannot tell how many throttled calls are still
waiting for theirs. The script therefore also records each slot it hands out in the future in a
per-host sorted set (scored by the slot time, members numbered by a per-host counter so equal
slots stay distinct); `waiting_by_host` drops the slots already due and counts the rest, which
the operations page shows. Those keys live under `waiting:` and `seq:` after the prefix, which
no host name (letters, digits, dots, hyphens; or an IPv6 literal in hex) can begin with.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

import redis

KEY_PREFIX = "cairn:ratelimit:"

RESERVE_SCRIPT = """
local key = KEYS[1]
local waiting_key = KEYS[2]
local sequence_key = KEYS[3]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local refuse_late = ARGV[4] == 'cap'

local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])

-- Call j of this batch is call number length + j; it must wait for the call `limit` places
-- earlier (0-based index length + j - 1 - limit) to leave the window. Fetch the stored ones.
local length = redis.call('LLEN', key)
local stored = {}
local first_index = length - limit
local last_index = math.min(first_index + wanted - 1, length - 1)
if last_index >= 0 then
  local from = math.max(first_index, 0)
  for offset, slot in ipairs(redis.call('LRANGE', key, from, last_index)) do
    stored[from + offset - 1] = tonumber(slot)
  end
end

local previous = now
if length > 0 then
  previous = math.max(now, tonumber(redis.call('LINDEX', key, -1)))
end

local slots = {}
for j = 1, wanted do
  local slot = previous
  local index = length + j - 1 - limit
  if index >= 0 then
    local earlier
    if index < length then earlier = stored[index] else earlier = slots[index - length + 1] end
    slot = math.max(slot, earlier + window)
  end
  if refuse_late and slot > now then break end
  slots[j] = slot
  previous = slot
end

local granted = #slots
local delays = {}
if granted > 0 then
  local chunk = {}
  local first_waiting = nil
  for j = 1, granted do
    chunk[#chunk + 1] = string.format('%d', slots[j])
    if #chunk == 500 or j == granted then
      redis.call('RPUSH', key, unpack(chunk))
      chunk = {}
    end
    delays[j] = slots[j] - now
    if first_waiting == nil and slots[j] > now then first_waiting = j end
  end
  local ttl = math.ceil((slots[granted] + window - now) / 1000)
  redis.call('LTRIM', key, -limit, -1)
  redis.call('PEXPIRE', key, ttl)
  -- Slots are in order, so the calls from first_waiting on are the ones that wait.
  if first_waiting ~= nil then
    local sequence = redis.call('INCRBY', sequence_key, granted - first_waiting + 1) - granted
    redis.call('ZREMRANGEBYSCORE', waiting_key, '-inf', now)
    local entries = {}
    for j = first_waiting, granted do
      entries[#entries + 1] = string.format('%d', slots[j])
      entries[#entries + 1] = string.format('%d', sequence + j)
      if #entries == 1000 or j == granted then
        redis.call('ZADD', waiting_key, unpack(entries))
        entries = {}
      end
    end
    redis.call('PEXPIRE', waiting_key, ttl)
    redis.call('PEXPIRE', sequence_key, ttl)
  end
end
return delays
"""
"""Reserve slots for ARGV[3] calls; returns the delay in microseconds of each granted call."""

WAITING_SCRIPT = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local count = redis.call('ZCARD', KEYS[1])
if count == 0 then return {0, 0} end
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
return {count, tonumber(last[2]) - now}
"""
"""Drop the host's slots already due; returns how many remain and the microseconds until the last."""


class RateLimitMode(StrEnum):
    THROTTLE = "throttle"
    """Delay calls until a slot is free (queued in order, never dropped)."""
    CAP = "cap"
    """Refuse calls for which no slot is free now."""


@dataclass(frozen=True)
class Reservation:
    """The outcome of reserving `requested` calls: the delays of the granted ones, in order.

    In `throttle` mode every call is granted. In `cap` mode the first `granted` calls may go
    now and the remaining ones are refused.
    """

    delays_s: tuple[float, ...]
    requested: int

    @property
    def granted(self) -> int:
        return len(self.delays_s)

    @property
    def refused(self) -> bool:
        """Whether any call was refused (for a single call: whether it was)."""
        return self.granted < self.requested

    @property
    def delay_s(self) -> float:
        """How long the first granted call must wait (0 when none was granted)."""
        return self.delays_s[0] if self.delays_s else 0.0


class Waiting(NamedTuple):
    """Throttled calls to one host that hold a slot in the future."""

    calls: int
    last_in_s: float
    """How long until the last of them may go."""


class HostRateLimiter:
    """Reserves call slots per target host; one instance per process, shared by its threads."""

    def __init__(self, client: redis.Redis, key_prefix: str = KEY_PREFIX):
        self._client = client
        self._reserve = client.register_script(RESERVE_SCRIPT)
        self._waiting = client.register_script(WAITING_SCRIPT)
        self._key_prefix = key_prefix
        self._waiting_prefix = f"{key_prefix}waiting:"

    def key(self, host: str) -> str:
        """The list of the host's last `calls` slots."""
        return f"{self._key_prefix}{host.lower()}"

    def waiting_key(self, host: str) -> str:
        """The sorted set of the host's slots still in the future when they were reserved."""
        return f"{self._waiting_prefix}{host.lower()}"

    def _sequence_key(self, host: str) -> str:
        return f"{self._key_prefix}seq:{host.lower()}"

    def reserve(
        self, host: str, calls: int, per_seconds: float, mode: str, n: int = 1
    ) -> Reservation:
        """Reserve `n` calls to `host` under the limit `calls` per `per_seconds`.

        The state kept per host grows with `calls` (one entry per call in the window).
        """
        mode = RateLimitMode(mode)
        if calls < 1 or per_seconds <= 0:
            raise ValueError(f"invalid rate limit: {calls} calls per {per_seconds} s")
        if n < 0:
            raise ValueError(f"cannot reserve {n} calls")
        if n == 0:
            return Reservation((), 0)
        window_us = max(1, round(per_seconds * 1_000_000))
        keys = [self.key(host), self.waiting_key(host), self._sequence_key(host)]
        delays_us = self._reserve(keys=keys, args=[calls, window_us, n, str(mode)])
        return Reservation(tuple(delay / 1_000_000 for delay in delays_us), n)

    def waiting_by_host(self) -> dict[str, Waiting]:
        """Throttled calls still waiting for their slot, per host (hosts with none are left out).

        Slots already due are removed on the way, so the counts are those of calls whose time has
        not come yet; one SCAN over the waiting keys, then one pipelined script per host.
        """
        keys = sorted(self._client.scan_iter(match=f"{self._waiting_prefix}*", count=500))
        if not keys:
            return {}
        with self._client.pipeline(transaction=False) as pipeline:
            for key in keys:
                self._waiting(keys=[key], client=pipeline)
            answers = pipeline.execute()
        start = len(self._waiting_prefix)
        return {
            key.decode()[start:]: Waiting(count, last_us / 1_000_000)
            for key, (count, last_us) in zip(keys, answers, strict=True)
            if count
        }
