"""The local HTTP sink: recording, per-key counting, scripted replies and its control API."""

from __future__ import annotations

import socket
import time

import pytest
import requests

from app.runner.sink import Reply, SinkProcess, SinkRecorder, SinkThread


@pytest.fixture(scope="module")
def sink():
    with SinkThread() as running:
        yield running


@pytest.fixture
def client(sink):
    sink.client.reset()
    for path in ("/flaky", "/limited", "/slow"):
        sink.client.script(path, [])
    session = requests.Session()
    session.trust_env = False
    yield session
    session.close()


def post(session, sink, path, key=None, timeout=5.0):
    headers = {"Idempotency-Key": key} if key else {}
    return session.post(f"{sink.url}{path}", data=b'{"n":1}', headers=headers, timeout=timeout)


def test_records_requests_and_keeps_connections_alive(sink, client):
    for i in range(5):
        response = post(client, sink, "/hook", key=f"k{i}")
        assert response.status_code == 200 and response.json() == {"ok": True}
    listing = sink.client.requests(path="/hook")
    assert [r["headers"]["idempotency-key"] for r in listing] == [f"k{i}" for i in range(5)]
    assert listing[0]["method"] == "POST" and listing[0]["body"] == '{"n":1}'
    assert len(sink.client.requests(limit=2)) == 2
    stats = sink.client.stats()
    assert stats["requests"] == 5 and stats["keys"] == 5 and stats["succeeded_keys"] == 5
    assert stats["duplicated_keys"] == 0
    assert stats["connections"] == 1
    assert stats["first_arrival"] <= stats["last_arrival"] <= time.time()


def test_a_key_sent_again_after_a_success_is_duplicated(sink, client):
    post(client, sink, "/hook", key="once")
    post(client, sink, "/hook", key="twice")
    post(client, sink, "/hook", key="twice")
    keys = sink.client.keys()
    assert keys["once"]["duplicated"] is False and keys["once"]["count"] == 1
    assert keys["twice"]["duplicated"] is True and keys["twice"]["count"] == 2
    assert sink.client.stats()["duplicated_keys"] == 1


def test_500_then_200_is_played_per_key_and_retries_are_not_duplicates(sink, client):
    sink.client.script("/flaky", [Reply.json(500, {"error": "down"}), Reply.json(200, {"ok": 1})])
    assert post(client, sink, "/flaky", key="a").status_code == 500
    assert post(client, sink, "/flaky", key="b").status_code == 500
    assert post(client, sink, "/flaky", key="a").status_code == 200
    assert post(client, sink, "/flaky", key="a").status_code == 200
    keys = sink.client.keys()
    assert keys["a"]["count"] == 3 and keys["a"]["duplicated"] is True
    assert keys["b"]["success_arrival"] is None and keys["b"]["duplicated"] is False
    assert sink.client.stats()["succeeded_keys"] == 1


def test_429_with_retry_after(sink, client):
    sink.client.script("/limited", [Reply.json(429, headers={"Retry-After": "3"}), Reply()])
    response = post(client, sink, "/limited", key="x")
    assert response.status_code == 429 and response.headers["Retry-After"] == "3"
    assert post(client, sink, "/limited", key="x").status_code == 200


def test_slow_reply_times_the_client_out(sink, client):
    sink.client.script("/slow", [Reply(delay_ms=400)])
    with pytest.raises(requests.ReadTimeout):
        post(client, sink, "/slow", timeout=0.1)
    started = time.monotonic()
    assert client.get(f"{sink.url}/slow", timeout=5).status_code == 200
    assert time.monotonic() - started >= 0.35


def test_reset_forgets_requests_but_keeps_scripts(sink, client):
    sink.client.script("/flaky", [Reply(503)])
    post(client, sink, "/flaky", key="k")
    sink.client.reset()
    assert sink.client.stats()["requests"] == 0 and sink.client.keys() == {}
    assert post(client, sink, "/flaky", key="k").status_code == 503


def test_control_api_errors(sink, client):
    assert client.get(f"{sink.url}/_sink/nothing", timeout=5).status_code == 404
    bad = client.post(f"{sink.url}/_sink/script", data=b"[1]", timeout=5)
    assert bad.status_code == 400


def test_malformed_and_chunked_requests_are_answered_and_closed(sink):
    host, port = sink.url.removeprefix("http://").split(":")
    for raw, status in [
        (b"NONSENSE\r\n\r\n", b"400"),
        (b"POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", b"501"),
    ]:
        with socket.create_connection((host, int(port)), timeout=5) as connection:
            connection.sendall(raw)
            answer = connection.recv(4096)
            assert answer.split(b" ")[1] == status
            assert connection.recv(4096) == b""


def test_recorder_counts_without_a_server():
    recorder = SinkRecorder()
    recorder.set_script("/p", [Reply(500), Reply(200)])
    statuses = [
        recorder.record("POST", "/p", {"idempotency-key": key}, b"", time.time()).status
        for key in ("a", "a", "a")
    ]
    assert statuses == [500, 200, 200]
    assert recorder.record("GET", "/other", {}, b"", time.time()).status == 200
    stats = recorder.stats()
    assert (stats["requests"], stats["keys"], stats["duplicated_keys"]) == (4, 1, 1)


def test_sink_process_serves_and_reports(tmp_path):
    with SinkProcess() as sink:
        session = requests.Session()
        session.trust_env = False
        sink.client.script("/p", [Reply.json(201, {"created": True})])
        assert session.post(f"{sink.url}/p", timeout=5).json() == {"created": True}
        stats = sink.client.stats()
        assert stats["requests"] == 1 and stats["cpu_s"] > 0
        pid = sink.pid
    with pytest.raises(requests.ConnectionError):
        session.post(f"{sink.url}/p", timeout=1)
    assert pid is not None
