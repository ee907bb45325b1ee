"""The runner's retry policy, as pure functions that return delays.

A runner never sleeps between attempts: it records the failed attempt and schedules the next one
at `now + delay`, so a worker stays free for other instances while a third party recovers. This
module therefore only answers two questions: *does this outcome deserve another attempt* and
*how long until it*.

Connection errors, timeouts, 429 and 5xx are worth retrying; any other 4xx means the request
itself is wrong and is never repeated. The delay is exponential with full jitter (AWS
Architecture Blog, "Exponential Backoff And Jitter"), so instances that failed together do not
return together, and never shorter than the server's `Retry-After`. Parsing `Retry-After` is
left to urllib3 (which requests already depends on), which reads both of its forms: delta-seconds
and HTTP-date.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum

import requests
import urllib3
from urllib3.exceptions import InvalidHeader
from urllib3.util.retry import Retry


class FailureReason(StrEnum):
    """Why a call failed, as the error path sees it; HTTP failures use `http_reason(code)`."""

    TIMEDOUT = "timedout"
    CAPPED = "capped"
    """Refused by a `cap` rate limit before being sent."""
    ERROR = "error"
    """The call could not be made or completed: connection refused or reset, bad URL, etc."""


def http_reason(status_code: int) -> str:
    """The failure reason for an HTTP error status, e.g. `http_503`."""
    return f"http_{status_code}"


def is_failure_status(status_code: int) -> bool:
    """Whether a response status fails the step (4xx and 5xx; redirects are not followed)."""
    return status_code >= 400


def is_retryable_status(status_code: int) -> bool:
    """429 and 5xx are transient; every other 4xx is the request's own fault."""
    return status_code == 429 or 500 <= status_code <= 599


@dataclass(frozen=True)
class Failure:
    reason: str
    retryable: bool


def classify_exception(error: BaseException) -> Failure:
    """Map an exception raised while sending (requests or urllib3, which leaks from streamed
    bodies) to a failure reason and whether it is worth another attempt.

    Timeouts and connection-level failures are transient; anything else (an invalid URL, a
    refused target, too many redirects) would fail the same way again.
    """
    timed_out = isinstance(error, requests.Timeout | urllib3.exceptions.TimeoutError | TimeoutError)
    # urllib3 files "connection refused" under its connect-timeout class; it is not a timeout.
    if timed_out and not isinstance(error, urllib3.exceptions.NewConnectionError):
        return Failure(FailureReason.TIMEDOUT, retryable=True)
    transient = (
        requests.ConnectionError,
        requests.exceptions.ChunkedEncodingError,
        urllib3.exceptions.ProtocolError,
        urllib3.exceptions.NewConnectionError,
        ConnectionError,
    )
    return Failure(FailureReason.ERROR, retryable=isinstance(error, transient))


MAX_RETRY_AFTER_S = 6 * 3600.0
"""A `Retry-After` longer than this is clamped: a misconfigured server must not park an
instance for days."""

_RETRY_AFTER_PARSER = Retry(total=0)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait according to a `Retry-After` header value; None if absent or invalid.

    A date in the past gives 0; values above `MAX_RETRY_AFTER_S` are clamped to it.
    """
    if not value:
        return None
    try:
        seconds = _RETRY_AFTER_PARSER.parse_retry_after(value)
    except (InvalidHeader, OverflowError, ValueError):
        return None
    return min(seconds, MAX_RETRY_AFTER_S)


def backoff_delay(
    attempt: int,
    *,
    base: float = 0.5,
    cap: float = 60.0,
    retry_after: str | None = None,
    rng: random.Random | None = None,
) -> float:
    """Seconds to wait after failed attempt number `attempt` (1 for the first call).

    Full jitter: uniform in [0, min(cap, base * 2 ** (attempt - 1))]. A valid `Retry-After`
    is a floor, since calling earlier would only be refused again; it is honoured even above
    `cap`, up to `MAX_RETRY_AFTER_S`.
    """
    if attempt < 1:
        raise ValueError(f"attempt counts from 1, got {attempt}")
    ceiling = min(cap, base * 2.0 ** min(attempt - 1, 64))
    jittered = (rng or random).uniform(0.0, ceiling)
    server_wait = parse_retry_after(retry_after)
    return jittered if server_wait is None else max(jittered, server_wait)


@dataclass(frozen=True)
class RetryPolicy:
    """An action's retry settings: `max_retries` attempts after the first one."""

    max_retries: int = 3
    base_s: float = 0.5
    cap_s: float = 60.0

    def next_delay(
        self,
        attempt: int,
        *,
        retryable: bool,
        retry_after: str | None = None,
        rng: random.Random | None = None,
    ) -> float | None:
        """Seconds until the next attempt after failed attempt `attempt`, or None when this
        failure is final (not retryable, or no retries left) and the error path follows."""
        if not retryable or attempt > self.max_retries:
            return None
        return backoff_delay(
            attempt, base=self.base_s, cap=self.cap_s, retry_after=retry_after, rng=rng
        )
