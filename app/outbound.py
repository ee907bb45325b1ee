"""Cairn's one outbound HTTP session, guarded against server-side request forgery.

Technical users type the URLs Cairn calls, so a URL could aim at the machine Cairn runs on, the
private network behind it, or a cloud metadata endpoint (169.254.169.254). Two checks stop that:

* `check_url` — at save time (and whenever a caller wants an early answer): the URL must be
  absolute http(s) without credentials, and *every* address its host resolves to must be public.
  Resolving with `socket.getaddrinfo` reads a host the way the connection will, so every spelling
  of an address (``2130706433``, ``0x7f000001``, ``0177.0.0.1``, ``127.1``, ``[::ffff:127.0.0.1]``)
  and every DNS name pointing at one (``localhost``) lands on the same checked address.
* `build_session` — at call time, every connection the session opens checks the address it
  actually connected to, right after connecting and before a byte is sent. That covers DNS
  rebinding (a name that resolved to a public address at save time and to 127.0.0.1 now) and
  redirects (each hop opens its own connection), and costs one `getpeername` per *new*
  connection, nothing per request on a kept-alive one.

`CAIRN_ALLOW_PRIVATE_URLS` lifts both checks (tests, local development); `CAIRN_ALLOWED_HOSTS`
lifts them for the listed hosts only (e.g. an on-premise messaging platform).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

TRUE_STRINGS = frozenset({"1", "true", "yes", "on"})
DEFAULT_TIMEOUT_S = 10.0
"""Timeout for a request that does not give one: no call may hang a worker forever."""
MAX_REDIRECTS = 5
DEFAULT_PORTS = {"http": 80, "https": 443}
HOST_POOLS = 100
"""Per-host connection pools kept alive at once; the runner calls many third parties."""

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
_UNSAFE_KINDS = (
    ("is_unspecified", "unspecified"),
    ("is_loopback", "loopback"),
    ("is_link_local", "link-local"),
    ("is_multicast", "multicast"),
    ("is_private", "private"),
    ("is_reserved", "reserved"),
)


class UnsafeTargetError(requests.RequestException, ValueError):
    """A URL or connection Cairn refuses to call; the message names the problem.

    A `ValueError` (bad input at save time) and a `requests.RequestException`, so a caller that
    handles failed requests (the runner's sender) records it as a failed, non-retryable call.
    """


class UnresolvableHostError(UnsafeTargetError):
    """The host has no address now, so `check_url` cannot vouch for it.

    Separate because it is not proof of danger: a service may accept it with a warning (the
    connection-time check still applies when the name later resolves).
    """


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in TRUE_STRINGS
    return bool(value)


def _host_entry(entry: str) -> str:
    """Normalise a `CAIRN_ALLOWED_HOSTS` entry: lower case, IPv6 brackets kept only with a port."""
    entry = entry.strip().lower()
    if entry.startswith("[") and entry.endswith("]"):
        return entry[1:-1]
    return entry


@dataclass(frozen=True)
class TargetPolicy:
    """Which targets may be called although their address is not public."""

    allow_private: bool = False
    allowed_hosts: frozenset[str] = frozenset()
    """Host names (any port) or `host:port` pairs, lower case; IPv6 as `::1` or `[::1]:8080`."""

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> TargetPolicy:
        """Read `CAIRN_ALLOW_PRIVATE_URLS` (bool or "1/true/yes/on") and `CAIRN_ALLOWED_HOSTS`
        (comma-separated) from a configuration mapping such as `app.config` or `os.environ`.

        Cairn's own address (`CAIRN_BASE_URL`) is always allowed, so actions can call its
        built-in request inspector on a laptop."""
        hosts = str(config.get("CAIRN_ALLOWED_HOSTS") or "").split(",")
        own = urlsplit(str(config.get("CAIRN_BASE_URL") or ""))
        if own.hostname and own.port:
            hosts.append(f"[{own.hostname}]:{own.port}" if ":" in own.hostname else own.netloc)
        return cls(
            allow_private=_truthy(config.get("CAIRN_ALLOW_PRIVATE_URLS", False)),
            allowed_hosts=frozenset(_host_entry(host) for host in hosts if host.strip()),
        )

    def exempts(self, host: str, port: int) -> bool:
        """Whether calls to `host:port` skip the address check."""
        if self.allow_private:
            return True
        if not self.allowed_hosts:
            return False
        host = host.lower().rstrip(".")
        with_port = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        return host in self.allowed_hosts or with_port in self.allowed_hosts


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries and may be routed to (mapped, 6to4, NAT64,
    IPv4-compatible), or None."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64 or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def unsafe_reason(address: str | IPAddress) -> str | None:
    """Why `address` must not be called ("loopback", "private", ...), or None if it is public.

    IPv6 forms that carry an IPv4 address are judged by that IPv4 address; anything outside the
    kinds named here that is still not globally routable (e.g. 100.64.0.0/10) is "non-public".
    """
    ip = ipaddress.ip_address(address)
    if ip.version == 6:
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return unsafe_reason(embedded)
    for attribute, kind in _UNSAFE_KINDS:
        if getattr(ip, attribute):
            return kind
    return None if ip.is_global else "non-public"


def check_address(address: str | IPAddress, host: str | None = None) -> None:
    """Raise `UnsafeTargetError` if `address` (reached via `host`, for the message) is not public."""
    reason = unsafe_reason(address)
    if reason is not None:
        subject = f"{host} resolves to" if host and host != str(address) else "target is"
        raise UnsafeTargetError(f"{subject} a {reason} address {address}")


def parse_target(url: str) -> SplitResult:
    """Split `url`, raising `UnsafeTargetError` unless it is absolute http(s) with a host and no
    credentials. The syntax half of `check_url`; schemas use it without touching DNS."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise UnsafeTargetError(f"not a valid URL: {error}") from error
    if parts.scheme not in DEFAULT_PORTS:
        raise UnsafeTargetError("the URL must start with http:// or https://")
    if "@" in parts.netloc:
        raise UnsafeTargetError("the URL must not contain credentials; use the action's authentication")
    if not parts.hostname:
        raise UnsafeTargetError("the URL has no host")
    if port == 0:
        raise UnsafeTargetError("port 0 cannot be called")
    return parts


def check_url(url: str, policy: TargetPolicy) -> None:
    """Raise `UnsafeTargetError` unless `url` is well formed and every address its host resolves
    to is public (or the policy exempts the host)."""
    parts = parse_target(url)
    host = parts.hostname
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if policy.exempts(host, port):
        return
    try:
        resolved = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise UnresolvableHostError(f"{host} does not resolve ({error})") from error
    for *_, sockaddr in resolved:
        check_address(sockaddr[0], host)


class PeerRefused(ValueError):
    """Carries a refused peer out of urllib3, which would wrap any `OSError` (and so any requests
    exception) as a retryable "connection aborted"; `GuardedAdapter` (and the runner's sender,
    which drives the same pools directly) turn it into `UnsafeTargetError`."""


class _PeerCheckingConnection:
    """Mixin for urllib3 connections: refuse the socket if its peer address is not public.

    Runs once per new connection, after the TCP connect and before TLS or any request byte,
    so what is checked is the address actually reached, whatever DNS said earlier.
    """

    target_policy: TargetPolicy

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        if not self.target_policy.exempts(self.host, self.port):
            peer = sock.getpeername()[0]
            reason = unsafe_reason(peer)
            if reason is not None:
                sock.close()
                raise PeerRefused(f"{self.host} connected to a {reason} address {peer}")
        return sock


def _guarded_pool_classes(policy: TargetPolicy) -> dict[str, type[HTTPConnectionPool]]:
    """urllib3 pool classes (by scheme) whose connections check their peer under `policy`."""
    extra = {"target_policy": policy}
    http = type("GuardedHTTPConnection", (_PeerCheckingConnection, HTTPConnection), extra)
    https = type("GuardedHTTPSConnection", (_PeerCheckingConnection, HTTPSConnection), extra)
    return {
        "http": type("GuardedHTTPConnectionPool", (HTTPConnectionPool,), {"ConnectionCls": http}),
        "https": type("GuardedHTTPSConnectionPool", (HTTPSConnectionPool,), {"ConnectionCls": https}),
    }


class GuardedAdapter(HTTPAdapter):
    """A pooled keep-alive adapter whose connections are peer-checked and whose requests always
    carry a timeout. Retries are left to the caller (the runner has its own policy)."""

    def __init__(self, policy: TargetPolicy, *, pool_maxsize: int, default_timeout: float):
        self.target_policy = policy
        self.default_timeout = default_timeout
        super().__init__(pool_connections=HOST_POOLS, pool_maxsize=pool_maxsize, max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _guarded_pool_classes(self.target_policy)

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.default_timeout
        try:
            return super().send(request, *args, **kwargs)
        except PeerRefused as refused:
            raise UnsafeTargetError(str(refused), request=request) from None


def build_session(
    policy: TargetPolicy, *, pool_maxsize: int = 32, default_timeout: float = DEFAULT_TIMEOUT_S
) -> requests.Session:
    """The session every outbound call of Cairn goes through (one per process, thread-safe for
    the runner's use: one request per call, no shared cookies that matter).

    Proxy and netrc settings from the environment are ignored (`trust_env = False`): a proxy
    would make the peer check see the proxy instead of the target, and reading the environment
    doubles requests' per-call cost. Redirects, when a caller follows them, stop after
    `MAX_REDIRECTS`; each hop is checked when it connects.
    """
    session = requests.Session()
    session.trust_env = False
    session.max_redirects = MAX_REDIRECTS
    adapter = GuardedAdapter(policy, pool_maxsize=pool_maxsize, default_timeout=default_timeout)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
