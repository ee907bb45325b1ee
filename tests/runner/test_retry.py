"""The retry policy: which outcomes retry, the failure reasons, and backoff honouring Retry-After."""

from __future__ import annotations

import random
import time
from email.utils import formatdate

import pytest
import requests
import urllib3

from app.runner.retry import (
    MAX_RETRY_AFTER_S,
    FailureReason,
    RetryPolicy,
    backoff_delay,
    classify_exception,
    http_reason,
    is_failure_status,
    is_retryable_status,
    parse_retry_after,
)


class HighestDraw:
    """An rng whose draws are always the top of the range, to read the jitter ceiling."""

    def uniform(self, low: float, high: float) -> float:
        return high


class LowestDraw:
    def uniform(self, low: float, high: float) -> float:
        return low


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504, 599])
def test_transient_statuses_retry(status):
    assert is_failure_status(status)
    assert is_retryable_status(status)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
def test_other_client_errors_never_retry(status):
    assert is_failure_status(status)
    assert not is_retryable_status(status)


@pytest.mark.parametrize("status", [200, 201, 204, 302, 399])
def test_success_and_redirect_statuses_do_not_fail(status):
    assert not is_failure_status(status)


def test_failure_reason_codes():
    assert http_reason(503) == "http_503"
    assert [str(reason) for reason in FailureReason] == ["timedout", "capped", "error"]


@pytest.mark.parametrize(
    ("error", "reason", "retryable"),
    [
        (requests.ReadTimeout("slow"), "timedout", True),
        (requests.ConnectTimeout("slow connect"), "timedout", True),
        (urllib3.exceptions.ReadTimeoutError(None, "/", "slow body"), "timedout", True),
        (TimeoutError("socket"), "timedout", True),
        (requests.ConnectionError("refused"), "error", True),
        (urllib3.exceptions.NewConnectionError(None, "refused"), "error", True),
        (urllib3.exceptions.ProtocolError("reset"), "error", True),
        (ConnectionResetError("reset"), "error", True),
        (requests.exceptions.InvalidURL("bad"), "error", False),
        (requests.TooManyRedirects("loop"), "error", False),
    ],
)
def test_exceptions_are_classified(error, reason, retryable):
    failure = classify_exception(error)
    assert (failure.reason, failure.retryable) == (reason, retryable)


def test_backoff_ceiling_doubles_then_caps():
    ceilings = [backoff_delay(attempt, rng=HighestDraw()) for attempt in range(1, 10)]
    assert ceilings == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0]
    assert backoff_delay(500, base=1, cap=30, rng=HighestDraw()) == 30


def test_backoff_is_fully_jittered():
    rng = random.Random(7)
    delays = [backoff_delay(4, base=1, cap=60, rng=rng) for _ in range(2000)]
    assert all(0 <= delay <= 8 for delay in delays)
    assert min(delays) < 0.5 and max(delays) > 7.5
    assert 3.5 < sum(delays) / len(delays) < 4.5


def test_backoff_rejects_attempt_zero():
    with pytest.raises(ValueError):
        backoff_delay(0)


def test_retry_after_seconds_is_a_floor_even_above_the_cap():
    assert backoff_delay(1, retry_after="7", rng=LowestDraw()) == 7
    assert backoff_delay(1, cap=5, retry_after="120", rng=LowestDraw()) == 120
    assert backoff_delay(8, retry_after="1", rng=HighestDraw()) == 60


def test_retry_after_http_date():
    in_thirty_seconds = formatdate(time.time() + 30, usegmt=True)
    assert 28 <= backoff_delay(1, retry_after=in_thirty_seconds, rng=LowestDraw()) <= 31
    yesterday = formatdate(time.time() - 86400, usegmt=True)
    assert parse_retry_after(yesterday) == 0


def test_invalid_or_huge_retry_after():
    assert parse_retry_after("soon") is None
    assert parse_retry_after("") is None
    assert parse_retry_after(None) is None
    assert backoff_delay(1, retry_after="soon", rng=HighestDraw()) == 0.5
    assert parse_retry_after("99999999") == MAX_RETRY_AFTER_S


def test_policy_gives_up_after_max_retries_or_on_permanent_failures():
    policy = RetryPolicy(max_retries=2, base_s=1, cap_s=10)
    assert policy.next_delay(1, retryable=True, rng=HighestDraw()) == 1
    assert policy.next_delay(2, retryable=True, rng=HighestDraw()) == 2
    assert policy.next_delay(3, retryable=True, rng=HighestDraw()) is None
    assert policy.next_delay(1, retryable=False) is None
    assert policy.next_delay(1, retryable=True, retry_after="4", rng=LowestDraw()) == 4
    assert RetryPolicy(max_retries=0).next_delay(1, retryable=True) is None
