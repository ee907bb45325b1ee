"""BatchSender against a real local sink: results, failure reasons, limits and keep-alive."""

from __future__ import annotations

import socket
import time

import pytest
import requests

from app.outbound import TargetPolicy, build_session
from app.runner.sender import (
    EXCERPT_CHARS,
    RESPONSE_CAP_BYTES,
    BatchSender,
    OutboundCall,
    host_of,
)
from app.runner.sink import Reply, SinkThread

SCRIPTED_PATHS = ("/broken", "/missing", "/limited", "/text", "/big", "/slow", "/moved")


@pytest.fixture(scope="module")
def sink():
    with SinkThread() as running:
        yield running


@pytest.fixture
def session(sink):
    """A plain pooled session standing for `build_session(TargetPolicy(allow_private=True))`."""
    sink.client.reset()
    for path in SCRIPTED_PATHS:
        sink.client.script(path, [])
    session = requests.Session()
    session.trust_env = False
    session.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=8))
    yield session
    session.close()


@pytest.fixture
def sender(session):
    with BatchSender(session, max_workers=8, per_host=4) as running:
        yield running


def call(url: str, key: str = "k", timeout_s: float = 5.0, method: str = "POST") -> OutboundCall:
    return OutboundCall(
        key=key,
        method=method,
        url=url,
        headers={"Content-Type": "application/json", "Idempotency-Key": key},
        body_json=b'{"email":"a@example.com"}',
        timeout_s=timeout_s,
    )


def test_batch_results_come_back_in_order_with_parsed_json(sink, sender):
    calls = [call(f"{sink.url}/hook/{i}", key=f"key-{i}") for i in range(20)]
    results = sender.send(calls)
    assert [r.key for r in results] == [f"key-{i}" for i in range(20)]
    first = results[0]
    assert first.succeeded and first.status_code == 200 and first.response_json == {"ok": True}
    assert first.excerpt == '{"ok":true}' and not first.retryable and first.retry_after is None
    assert first.duration_ms > 0 and first.started_at <= time.time()
    received = sink.client.requests()
    assert sorted(r["headers"]["idempotency-key"] for r in received) == sorted(
        f"key-{i}" for i in range(20)
    )
    assert received[0]["body"] == '{"email":"a@example.com"}'
    assert received[0]["headers"]["content-type"] == "application/json"


def test_http_failures_carry_reason_retryability_and_retry_after(sink, sender):
    sink.client.script("/broken", [Reply.json(503, {"error": "down"})])
    sink.client.script("/missing", [Reply.json(404, {"error": "no such user"})])
    sink.client.script("/limited", [Reply.json(429, headers={"Retry-After": "3"})])
    broken, missing, limited = sender.send(
        [call(f"{sink.url}/broken"), call(f"{sink.url}/missing"), call(f"{sink.url}/limited")]
    )
    assert (broken.error_reason, broken.retryable, broken.response_json) == (
        "http_503", True, {"error": "down"}
    )
    assert (missing.error_reason, missing.retryable, missing.status_code) == ("http_404", False, 404)
    assert (limited.error_reason, limited.retryable, limited.retry_after) == ("http_429", True, "3")


def test_non_json_and_oversized_bodies_keep_only_an_excerpt(sink, sender):
    sink.client.script("/text", [Reply(200, b"plain words")])
    sink.client.script("/big", [Reply(200, b'{"pad":"' + b"x" * RESPONSE_CAP_BYTES + b'"}')])
    text, big = sender.send([call(f"{sink.url}/text"), call(f"{sink.url}/big")])
    assert text.succeeded and text.response_json == "plain words" == text.excerpt
    assert big.succeeded and isinstance(big.response_json, str)
    assert len(big.excerpt) == EXCERPT_CHARS and big.excerpt.startswith('{"pad":"xxx')
    again = sender.send([call(f"{sink.url}/text")])[0]
    assert again.response_json == "plain words", "a cut response did not poison the pool"


def test_slow_target_times_out_and_is_retryable(sink, sender):
    sink.client.script("/slow", [Reply(delay_ms=500)])
    result = sender.send([call(f"{sink.url}/slow", timeout_s=0.1)])[0]
    assert (result.error_reason, result.retryable, result.status_code) == ("timedout", True, None)
    assert result.duration_ms < 450


def test_refused_connection_is_a_retryable_error(sender):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    result = sender.send([call(f"http://127.0.0.1:{closed_port}/hook")])[0]
    assert (result.error_reason, result.retryable, result.status_code) == ("error", True, None)
    assert result.excerpt


def test_invalid_url_is_a_permanent_error(sender):
    result = sender.send([call("http://")])[0]
    assert (result.error_reason, result.retryable) == ("error", False)


def test_redirects_are_results_not_followed(sink, sender):
    sink.client.script("/moved", [Reply(302, b"", headers=(("Location", "/elsewhere"),))])
    result = sender.send([call(f"{sink.url}/moved")])[0]
    assert result.succeeded and result.status_code == 302 and result.response_json is None
    assert [r["path"] for r in sink.client.requests()] == ["/moved"]


def test_per_host_concurrency_is_bounded(sink, session):
    # 300 ms replies: 8 calls two at a time take four rounds (1.2 s), eight at a time one round;
    # the margins are wide so a busy machine does not make the test flaky.
    sink.client.script("/slow", [Reply(delay_ms=300)])
    calls = [call(f"{sink.url}/slow", key=f"k{i}") for i in range(8)]
    with BatchSender(session, max_workers=16, per_host=2) as narrow:
        started = time.monotonic()
        narrow.send(calls)
        assert time.monotonic() - started >= 1.15
    with BatchSender(session, max_workers=16, per_host=8) as wide:
        started = time.monotonic()
        wide.send(calls)
        assert time.monotonic() - started < 0.9


def test_hosts_do_not_wait_for_each_other(sink, session):
    sink.client.script("/slow", [Reply(delay_ms=300)])
    port = sink.url.rsplit(":", 1)[1]
    calls = [call(f"http://127.0.0.1:{port}/slow", key=f"a{i}") for i in range(4)]
    calls += [call(f"http://localhost:{port}/slow", key=f"b{i}") for i in range(4)]
    with BatchSender(session, max_workers=16, per_host=2) as sender:
        started = time.monotonic()
        results = sender.send(calls)
        elapsed = time.monotonic() - started
    assert all(r.succeeded for r in results)
    assert 0.55 <= elapsed < 1.0  # two rounds per host in parallel, not four in a row


def test_connections_are_kept_alive_across_batches(sink, sender):
    for _ in range(3):
        results = sender.send([call(f"{sink.url}/hook", key=f"k{i}") for i in range(40)])
        assert all(r.succeeded for r in results)
    assert sink.client.stats()["connections"] <= 4


def test_host_of():
    assert host_of("https://API.Example.com:8443/v1?x=1") == "api.example.com"


def test_sender_rejects_empty_pools(session):
    with pytest.raises(ValueError):
        BatchSender(session, max_workers=0)


def test_guarded_session_refusal_is_a_permanent_error(sink, session):
    guarded = build_session(TargetPolicy(), pool_maxsize=2)
    with BatchSender(guarded, max_workers=2, per_host=2) as sender:
        refused = sender.send([call(f"{sink.url}/hook")])[0]
    assert (refused.error_reason, refused.retryable, refused.status_code) == ("error", False, None)
    assert "loopback" in refused.excerpt
    assert sink.client.stats()["requests"] == 0
    allowed = build_session(TargetPolicy(allow_private=True), pool_maxsize=2)
    with BatchSender(allowed, max_workers=2, per_host=2) as sender:
        assert sender.send([call(f"{sink.url}/hook")])[0].succeeded
