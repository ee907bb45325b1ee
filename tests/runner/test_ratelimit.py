"""Per-host rate limits shared through real Redis by two clients standing for two workers."""

from __future__ import annotations

import time
import uuid

import pytest
import redis

from app.runner.ratelimit import HostRateLimiter, Reservation


@pytest.fixture
def redis_pair(redis_url):
    """Two independent connections to one real Redis, as two worker processes would have."""
    first, second = redis.Redis.from_url(redis_url), redis.Redis.from_url(redis_url)
    prefix = f"test:ratelimit:{uuid.uuid4().hex}:"
    yield first, second, prefix
    for key in first.scan_iter(f"{prefix}*"):
        first.delete(key)
    second.close()
    first.close()


@pytest.fixture
def workers(redis_pair):
    first, second, prefix = redis_pair
    return HostRateLimiter(first, key_prefix=prefix), HostRateLimiter(second, key_prefix=prefix)


def max_in_any_window(slots: list[float], window: float) -> int:
    """Most slots falling in any half-open interval [t, t + window)."""
    slots = sorted(slots)
    return max(
        sum(1 for other in slots if start <= other < start + window - 1e-6) for start in slots
    )


def test_throttle_spaces_calls_across_two_workers(workers):
    worker_a, worker_b = workers
    sent_at = time.monotonic()
    first = worker_a.reserve("api.example.com", 2, 0.5, "throttle", n=3)
    second = worker_b.reserve("api.example.com", 2, 0.5, "throttle", n=3)
    assert not first.refused and not second.refused
    assert first.granted == second.granted == 3
    offset = time.monotonic() - sent_at
    slots = list(first.delays_s) + [delay + offset for delay in second.delays_s]
    assert slots == sorted(slots), "calls are queued in order"
    assert first.delays_s[:2] == (0.0, 0.0), "a full burst of `calls` goes at once"
    assert max_in_any_window(slots, 0.5) == 2
    assert slots[-1] == pytest.approx(1.0, abs=0.05)


def test_throttle_single_calls_wait_their_turn(workers):
    worker_a, worker_b = workers
    delays = [
        (worker_a if i % 2 else worker_b).reserve("Slow.Example", 1, 0.2, "throttle").delay_s
        for i in range(4)
    ]
    assert delays[0] == 0.0
    for earlier, later in zip(delays, delays[1:], strict=False):
        assert later > earlier
    assert delays[3] == pytest.approx(0.6, abs=0.05)


def test_cap_refuses_beyond_the_limit_then_allows_after_the_window(workers):
    worker_a, worker_b = workers
    assert worker_a.reserve("cap.example", 3, 0.3, "cap", n=2) == Reservation((0.0, 0.0), 2)
    third = worker_b.reserve("cap.example", 3, 0.3, "cap")
    assert not third.refused and third.delay_s == 0.0
    assert worker_a.reserve("cap.example", 3, 0.3, "cap").refused
    assert worker_b.reserve("cap.example", 3, 0.3, "cap", n=2).granted == 0
    time.sleep(0.35)
    batch = worker_a.reserve("cap.example", 3, 0.3, "cap", n=5)
    assert batch.granted == 3 and batch.refused, "refused calls did not use up the window"
    assert worker_b.reserve("cap.example", 3, 0.3, "cap").refused


def test_hosts_are_limited_separately(workers):
    worker_a, _ = workers
    assert not worker_a.reserve("one.example", 1, 10, "cap").refused
    assert not worker_a.reserve("two.example", 1, 10, "cap").refused
    assert worker_a.reserve("ONE.example", 1, 10, "cap").refused


def test_keys_expire_once_the_window_has_passed(redis_pair, workers):
    client, _, _ = redis_pair
    worker_a, _ = workers
    worker_a.reserve("expiring.example", 5, 0.2, "throttle", n=2)
    key = worker_a.key("expiring.example")
    assert 0 < client.pttl(key) <= 200
    time.sleep(0.3)
    assert not client.exists(key)


def test_history_is_bounded_by_the_limit(redis_pair, workers):
    client, _, _ = redis_pair
    worker_a, _ = workers
    reservation = worker_a.reserve("busy.example", 4, 60, "throttle", n=1200)
    assert reservation.granted == 1200
    assert reservation.delays_s[-1] == pytest.approx(299 * 60, abs=1)
    assert client.llen(worker_a.key("busy.example")) == 4


def test_invalid_requests_are_rejected(workers):
    worker_a, _ = workers
    with pytest.raises(ValueError):
        worker_a.reserve("x.example", 1, 1, "drop")
    with pytest.raises(ValueError):
        worker_a.reserve("x.example", 0, 1, "cap")
    with pytest.raises(ValueError):
        worker_a.reserve("x.example", 1, 0, "throttle")
    assert worker_a.reserve("x.example", 1, 1, "cap", n=0) == Reservation((), 0)


def test_waiting_by_host_counts_calls_holding_future_slots(workers):
    worker_a, worker_b = workers
    worker_a.reserve("queued.example", 2, 0.4, "throttle", n=5)
    worker_b.reserve("Queued.Example", 2, 0.4, "throttle", n=1)
    worker_a.reserve("idle.example", 10, 1, "throttle", n=3)
    waiting = worker_b.waiting_by_host()
    assert set(waiting) == {"queued.example"}, "calls that went at once are not waiting"
    # Six calls at two per 0.4 s: two go now, four wait; the last one's slot is 0.8 s away.
    assert waiting["queued.example"].calls == 4
    assert waiting["queued.example"].last_in_s == pytest.approx(0.8, abs=0.05)


def test_waiting_calls_leave_the_count_as_their_slots_come(redis_pair, workers):
    client, _, _ = redis_pair
    worker_a, _ = workers
    worker_a.reserve("draining.example", 1, 0.25, "throttle", n=4)
    assert worker_a.waiting_by_host()["draining.example"].calls == 3
    time.sleep(0.3)
    draining = worker_a.waiting_by_host()["draining.example"]
    assert draining.calls == 2
    assert draining.last_in_s == pytest.approx(0.45, abs=0.05)
    assert client.zcard(worker_a.waiting_key("draining.example")) == 2, "due slots are pruned"
    time.sleep(0.5)
    assert worker_a.waiting_by_host() == {}
    assert not client.exists(worker_a.waiting_key("draining.example"))


def test_equal_slots_are_counted_separately_and_capped_calls_never_wait(workers):
    worker_a, worker_b = workers
    # A window of 60 s lets three calls go now; the next three share the slot 60 s from now.
    worker_a.reserve("burst.example", 3, 60, "throttle", n=3)
    worker_a.reserve("burst.example", 3, 60, "throttle", n=2)
    worker_b.reserve("burst.example", 3, 60, "throttle", n=1)
    assert worker_a.waiting_by_host()["burst.example"].calls == 3
    worker_b.reserve("capped.example", 1, 60, "cap", n=3)
    assert "capped.example" not in worker_a.waiting_by_host()


def test_waiting_keys_expire_with_the_limit_and_stay_bounded_by_waiting_calls(redis_pair, workers):
    client, _, _ = redis_pair
    worker_a, _ = workers
    worker_a.reserve("bounded.example", 4, 0.05, "throttle", n=12)
    key = worker_a.waiting_key("bounded.example")
    assert client.zcard(key) == 8
    assert 0 < client.pttl(key) <= 200
    time.sleep(0.3)
    assert not client.exists(key)
    assert client.keys(f"{worker_a.key('')}*") == [], "the list, the set and the counter all expired"
