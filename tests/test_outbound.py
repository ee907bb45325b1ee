"""The outbound guard: every spelling of a private address is refused, at save and at call time."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from app.outbound import (
    MAX_REDIRECTS,
    TargetPolicy,
    UnresolvableHostError,
    UnsafeTargetError,
    build_session,
    check_address,
    check_url,
    parse_target,
    unsafe_reason,
)


class LocalServer:
    """A real HTTP/1.1 server on 127.0.0.1 in a thread; `handle(handler)` answers each request
    and every request is recorded (method, path, headers, body, client port)."""

    def __init__(self, handle: Callable[[BaseHTTPRequestHandler, bytes], tuple[int, dict, bytes]]):
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                server.requests.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": body,
                        "client_port": self.client_address[1],
                    }
                )
                status, headers, payload = handle(self, body)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LocalServer:
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def json_answer(payload: object, status: int = 200) -> Callable:
    body = json.dumps(payload).encode()
    return lambda handler, _body: (status, {"Content-Type": "application/json"}, body)


@contextmanager
def serving(handle: Callable) -> Iterator[LocalServer]:
    with LocalServer(handle) as server:
        yield server


STRICT = TargetPolicy()


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.3.4", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "non-public"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:169.254.169.254", "link-local"),
        ("::127.0.0.1", "loopback"),
        ("2002:7f00:1::", "loopback"),
        ("2002:a00:1::", "private"),
        ("64:ff9b::a9fe:a9fe", "link-local"),
    ],
)
def test_non_public_addresses_are_named(address: str, kind: str) -> None:
    assert unsafe_reason(address) == kind
    with pytest.raises(UnsafeTargetError, match=f"a {kind} address"):
        check_address(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    assert unsafe_reason(address) is None
    check_address(address)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://2130706433/", "2130706433 resolves to a loopback address 127.0.0.1"),
        ("http://0x7f000001/", "resolves to a loopback address 127.0.0.1"),
        ("http://0177.0.0.1/", "resolves to a loopback address 127.0.0.1"),
        ("http://127.1/", "resolves to a loopback address 127.0.0.1"),
        ("http://127.0.0.1:8080/x", "loopback address 127.0.0.1"),
        ("https://[::ffff:127.0.0.1]/", "loopback address ::ffff:127.0.0.1"),
        ("http://[::1]:8080/", "loopback address ::1"),
        ("http://0.0.0.0/", "unspecified address 0.0.0.0"),
        ("http://0/", "unspecified address 0.0.0.0"),
        ("http://localhost/", "localhost resolves to a loopback address 127.0.0.1"),
        ("http://LocalHost/admin", "loopback address 127.0.0.1"),
        ("http://169.254.169.254/latest/meta-data/", "link-local address 169.254.169.254"),
        ("http://10.0.0.1/", "private address 10.0.0.1"),
    ],
)
def test_check_url_refuses_every_spelling_of_a_private_target(url: str, message: str) -> None:
    with pytest.raises(UnsafeTargetError, match=message.replace(".", r"\.")):
        check_url(url, STRICT)


def test_check_url_refuses_a_name_when_any_resolved_address_is_private(monkeypatch) -> None:
    def resolve(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("8.8.8.8", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(UnsafeTargetError, match="api.example.com resolves to a private address 10.1.2.3"):
        check_url("https://api.example.com/v1", STRICT)


def test_check_url_accepts_a_public_target() -> None:
    check_url("https://8.8.8.8/v3/send?x=1", STRICT)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.com/", "must start with http:// or https://"),
        ("file:///etc/passwd", "must start with http:// or https://"),
        ("//example.com/x", "must start with http:// or https://"),
        ("example.com/x", "must start with http:// or https://"),
        ("https://user:secret@example.com/", "must not contain credentials"),
        ("https://user@example.com/", "must not contain credentials"),
        ("http:///path", "has no host"),
        ("http://example.com:99999/", "not a valid URL"),
        ("http://example.com:0/", "port 0"),
    ],
)
def test_malformed_urls_are_refused_before_any_lookup(url: str, message: str) -> None:
    with pytest.raises(UnsafeTargetError, match=message):
        parse_target(url)
    with pytest.raises(UnsafeTargetError, match=message):
        check_url(url, TargetPolicy(allow_private=True))


def test_unresolvable_host_is_its_own_error() -> None:
    with pytest.raises(UnresolvableHostError, match="nothing.invalid does not resolve"):
        check_url("https://nothing.invalid/", STRICT)


def test_policy_exemptions() -> None:
    check_url("http://localhost/", TargetPolicy(allow_private=True))
    check_url("http://localhost:9000/", TargetPolicy(allowed_hosts=frozenset({"localhost"})))
    by_port = TargetPolicy(allowed_hosts=frozenset({"localhost:8080", "[::1]:8080"}))
    check_url("http://localhost:8080/", by_port)
    check_url("http://[::1]:8080/", by_port)
    with pytest.raises(UnsafeTargetError):
        check_url("http://localhost:9090/", by_port)
    with pytest.raises(UnsafeTargetError):
        check_url("http://127.0.0.1:8080/", by_port)
    default_port = TargetPolicy(allowed_hosts=frozenset({"localhost:443"}))
    check_url("https://localhost/", default_port)


def test_policy_from_config() -> None:
    policy = TargetPolicy.from_config(
        {"CAIRN_ALLOW_PRIVATE_URLS": " Yes ", "CAIRN_ALLOWED_HOSTS": " Api.Local , [::1]:8080,[fd00::1],,"}
    )
    assert policy == TargetPolicy(
        allow_private=True, allowed_hosts=frozenset({"api.local", "[::1]:8080", "fd00::1"})
    )
    assert TargetPolicy.from_config({"CAIRN_ALLOW_PRIVATE_URLS": True}).allow_private
    assert not TargetPolicy.from_config({"CAIRN_ALLOW_PRIVATE_URLS": "0"}).allow_private
    assert TargetPolicy.from_config({}) == TargetPolicy()


def test_unsafe_target_error_is_a_failed_request_and_a_value_error() -> None:
    error = UnsafeTargetError("x")
    assert isinstance(error, requests.RequestException)
    assert isinstance(error, ValueError)


# --- the session: checked at connect time ---------------------------------------------------


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with serving(json_answer({"ok": True})) as running:
        yield running


def test_session_refuses_a_loopback_target_without_sending(server: LocalServer) -> None:
    session = build_session(STRICT)
    for url in (server.url, f"http://localhost:{server.port}/", f"http://2130706433:{server.port}/"):
        with pytest.raises(UnsafeTargetError, match="connected to a loopback address 127.0.0.1"):
            session.get(url)
    assert server.requests == []


def test_https_connections_are_checked_before_the_tls_handshake(server: LocalServer) -> None:
    with pytest.raises(UnsafeTargetError, match="loopback"):
        build_session(STRICT).get(f"https://127.0.0.1:{server.port}/")


def test_session_calls_exempt_targets_and_keeps_connections_alive(server: LocalServer) -> None:
    policy = TargetPolicy(allowed_hosts=frozenset({f"127.0.0.1:{server.port}"}))
    session = build_session(policy)
    for _ in range(3):
        response = session.post(f"{server.url}/send", json={"a": 1})
        assert response.json() == {"ok": True}
    assert {request["client_port"] for request in server.requests} == {server.requests[0]["client_port"]}
    assert build_session(TargetPolicy(allow_private=True)).get(server.url).status_code == 200


def test_dns_rebinding_is_caught_at_connect_time(server: LocalServer, monkeypatch) -> None:
    """The name looks public when checked, then resolves to 127.0.0.1 when connecting."""
    real_getaddrinfo = socket.getaddrinfo
    answers = iter(["8.8.8.8", "127.0.0.1"])

    def rebinding(host, port, *args, **kwargs):
        if host == "rebind.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    url = f"http://rebind.example:{server.port}/"
    check_url(url, STRICT)
    with pytest.raises(UnsafeTargetError, match="rebind.example connected to a loopback address 127.0.0.1"):
        build_session(STRICT).get(url)
    assert server.requests == []


def test_redirect_to_a_private_target_is_refused(server: LocalServer) -> None:
    redirect = lambda handler, _body: (302, {"Location": f"http://localhost:{server.port}/"}, b"")  # noqa: E731
    with serving(redirect) as redirector:
        session = build_session(TargetPolicy(allowed_hosts=frozenset({f"127.0.0.1:{redirector.port}"})))
        with pytest.raises(UnsafeTargetError, match="localhost connected to a loopback address"):
            session.get(redirector.url)
        assert session.get(redirector.url, allow_redirects=False).status_code == 302
    assert len(redirector.requests) == 2
    assert server.requests == []


def test_redirects_stop_after_the_limit() -> None:
    def hop(handler, _body):
        step = int(handler.path.strip("/") or 0)
        return 302, {"Location": f"/{step + 1}"}, b""

    with serving(hop) as looping:
        session = build_session(TargetPolicy(allow_private=True))
        with pytest.raises(requests.TooManyRedirects):
            session.get(looping.url)
        assert len(looping.requests) == MAX_REDIRECTS + 1


def test_requests_without_timeout_get_the_default() -> None:
    def slow(handler, _body):
        time.sleep(1.0)
        return 200, {}, b"late"

    with serving(slow) as sleepy:
        session = build_session(TargetPolicy(allow_private=True), default_timeout=0.2)
        started = time.perf_counter()
        with pytest.raises(requests.Timeout):
            session.get(sleepy.url)
        assert time.perf_counter() - started < 0.9


def test_session_ignores_proxy_environment(server: LocalServer, monkeypatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://10.9.9.9:3128")
    session = build_session(TargetPolicy(allow_private=True))
    assert session.get(server.url, timeout=2).status_code == 200
