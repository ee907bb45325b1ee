"""Send a batch of prepared REST calls concurrently over pooled keep-alive connections.

A runner job renders the calls of many instances, then hands them here in one batch. Calls run
on a thread pool that lives as long as the sender (threads and connections are reused from
batch to batch), with at most `per_host` calls in flight to any one host so a slow or small
third party is not flooded. Each host gets up to `per_host` "lanes" that take its calls in
order, which bounds its concurrency without parking threads on a semaphore while other hosts
have work.

Every call goes through `Session.request` of the session given to the sender, the one guarded
outbound session (`app.outbound.build_session`), so its address guard, adapters and timeouts
apply. Redirects are not followed: a 3xx is a result. CPU per call on the 2-core machine, one
thread, best of 5 x 1,000 small POSTs to the local sink: `Session.request` 0.44 ms (0.62 ms with
`trust_env = True`, which scans the environment for proxies and netrc on every call), urllib3
driven directly on the session's adapter pool 0.23 ms, `http.client` 0.11 ms. requests' own
layers are thus about half the sender's CPU; `scripts/bench_sender.py` gives batch figures.
Give the session an adapter pool at least `per_host` large, or extra connections are opened and
dropped on every batch.

The sender never raises for a failed call: each becomes a `CallResult` with the failure reason
and whether the retry policy (`app.runner.retry`) considers it transient.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict, deque
from collections.abc import Hashable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3
from urllib3.util import parse_url

from app.outbound import PeerRefused, UnsafeTargetError
from app.runner.retry import classify_exception, http_reason, is_failure_status, is_retryable_status

RESPONSE_CAP_BYTES = 64 * 1024
"""Longest response body kept; a longer one is not parsed and only its excerpt is stored."""

EXCERPT_CHARS = 2048
"""Length of the response text kept for the step log."""


@dataclass(frozen=True)
class OutboundCall:
    """One rendered request. `key` identifies it to the caller (e.g. its step id)."""

    key: Hashable
    method: str
    url: str
    headers: Mapping[str, str]
    body_json: bytes | None
    timeout_s: float


@dataclass(frozen=True)
class CallResult:
    """What became of one call.

    `response_json` is the parsed body when it is JSON within `RESPONSE_CAP_BYTES`, otherwise
    the text excerpt (None when there was no response). `error_reason` is None on success, else
    `http_<code>`, `timedout` or `error`; `retryable` says whether the retry policy may try
    again; `retry_after` is the response's `Retry-After` header, if any.
    """

    key: Hashable
    status_code: int | None
    response_json: Any
    excerpt: str
    started_at: float
    """Wall-clock start (`time.time()`), for the step log."""
    duration_ms: float
    error_reason: str | None
    retryable: bool
    retry_after: str | None

    @property
    def succeeded(self) -> bool:
        return self.error_reason is None


def host_of(url: str) -> str:
    """The host part of a URL, lower-cased (the unit of per-host concurrency and rate limits)."""
    return (urlsplit(url).hostname or "").lower()


def _decode_body(raw: bytes, truncated: bool) -> tuple[Any, str]:
    text = raw.decode("utf-8", "replace")
    excerpt = text[:EXCERPT_CHARS]
    if truncated or not raw:
        return (excerpt if raw else None), excerpt
    try:
        return json.loads(raw), excerpt
    except ValueError:
        return excerpt, excerpt


class BatchSender:
    """Sends batches of `OutboundCall`s through one requests session (use one per process)."""

    def __init__(
        self,
        session: requests.Session,
        max_workers: int = 32,
        per_host: int = 16,
    ):
        if max_workers < 1 or per_host < 1:
            raise ValueError("max_workers and per_host must be at least 1")
        self.session = session
        self.per_host = per_host
        self._executor = ThreadPoolExecutor(max_workers, thread_name_prefix="cairn-sender")

    def send(self, calls: Iterable[OutboundCall]) -> list[CallResult]:
        """Send every call and return their results in the same order."""
        calls = list(calls)
        by_host: defaultdict[str, deque[int]] = defaultdict(deque)
        for index, call in enumerate(calls):
            by_host[host_of(call.url)].append(index)
        results: list[CallResult | None] = [None] * len(calls)
        lanes = [
            self._executor.submit(self._run_lane, calls, queue, results)
            for queue in by_host.values()
            for _ in range(min(self.per_host, len(queue)))
        ]
        for lane in lanes:
            lane.result()
        return results  # type: ignore[return-value]  # every index was filled by a lane

    def _run_lane(
        self, calls: list[OutboundCall], queue: deque[int], results: list[CallResult | None]
    ) -> None:
        while True:
            try:
                index = queue.popleft()
            except IndexError:
                return
            results[index] = self.send_one(calls[index])

    def send_one(self, call: OutboundCall) -> CallResult:
        """Send one call now, in the calling thread."""
        started_at = time.time()
        started = time.perf_counter()
        try:
            status, headers, raw = self._exchange(call)
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as error:
            failure = classify_exception(error)
            return CallResult(
                key=call.key,
                status_code=None,
                response_json=None,
                excerpt=str(error)[:EXCERPT_CHARS],
                started_at=started_at,
                duration_ms=(time.perf_counter() - started) * 1000,
                error_reason=str(failure.reason),
                retryable=failure.retryable,
                retry_after=None,
            )
        duration_ms = (time.perf_counter() - started) * 1000
        response_json, excerpt = _decode_body(
            raw[:RESPONSE_CAP_BYTES], truncated=len(raw) > RESPONSE_CAP_BYTES
        )
        failed = is_failure_status(status)
        return CallResult(
            key=call.key,
            status_code=status,
            response_json=response_json,
            excerpt=excerpt,
            started_at=started_at,
            duration_ms=duration_ms,
            error_reason=http_reason(status) if failed else None,
            retryable=failed and is_retryable_status(status),
            retry_after=headers.get("Retry-After"),
        )

    def _exchange(self, call: OutboundCall) -> tuple[int, Mapping[str, str], bytes]:
        """One request on the session's own connection pools, without `Session.request`.

        `Session.request` costs about 0.44 ms of CPU per call and urllib3 0.23 ms; at thousands of
        calls a second that is most of a worker's CPU. The pools are the session adapter's, so with
        the guarded session every new connection still has its peer address checked.
        """
        pool = self.session.get_adapter(call.url).poolmanager.connection_from_url(call.url)
        try:
            response = pool.urlopen(
                call.method, parse_url(call.url).request_uri, body=call.body_json,
                headers=dict(call.headers), timeout=urllib3.Timeout(total=call.timeout_s),
                retries=False, redirect=False, assert_same_host=False, preload_content=False,
            )
        except PeerRefused as refused:
            raise UnsafeTargetError(str(refused)) from None
        try:
            body = response.read(RESPONSE_CAP_BYTES + 1, decode_content=True) or b""
        finally:
            if len(body) > RESPONSE_CAP_BYTES:
                response.close()
            else:
                response.release_conn()
        return response.status, response.headers, body

    def close(self) -> None:
        """Stop the threads (the session is the caller's to close)."""
        self._executor.shutdown(wait=True)

    def __enter__(self) -> BatchSender:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
