"""A fast local HTTP sink: the "third-party API" the runner's tests and `flask bench runner` call.

It must take far more requests per second than the runner sends while using little CPU, so it is
a small asyncio server that parses just enough HTTP/1.1 (request line, headers, Content-Length
body, keep-alive) instead of `http.server`, whose thread-per-connection and per-request
`email.parser` cost several times more CPU per request (see `scripts/bench_sender.py`).

It records every request, counts them per `Idempotency-Key` so a bench can tell calls that were
lost from calls that arrived twice, and replies as scripted per path: a fixed status and body,
a sequence such as "500 then 200" (played per idempotency key, so concurrent instances each see
the whole sequence), `429` with `Retry-After`, or a slow reply for timeouts.

Run it in a thread for tests (`SinkThread`) or in its own process for benches (`SinkProcess`),
so it does not compete with the workers for the GIL. Either way `SinkClient` reads the results
through the control API under `/_sink/` (stats, keys, requests, reset, script).

This file only imports the standard library: `SinkProcess` runs it as a script, which keeps the
sink's start-up free of the application's imports.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import subprocess
import sys
import threading
import time
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs

CONTROL_PREFIX = "/_sink/"
"""Paths under this prefix are the sink's own API and are never recorded."""

IDEMPOTENCY_HEADER = "idempotency-key"
MAX_HEAD_BYTES = 64 * 1024
START_TIMEOUT_S = 10.0
EXCERPT_BYTES = 2048
"""How much of each recorded body the requests listing returns."""


class SinkError(RuntimeError):
    """The sink could not start, or its control API answered with an error."""


@dataclass(frozen=True)
class Reply:
    """One scripted answer: status, body and extra headers, sent after `delay_ms`."""

    status: int = 200
    body: bytes = b'{"ok":true}'
    headers: tuple[tuple[str, str], ...] = ()
    delay_ms: int = 0

    @classmethod
    def json(
        cls,
        status: int = 200,
        payload: Any = None,
        *,
        headers: dict[str, str] | None = None,
        delay_ms: int = 0,
    ) -> Reply:
        body = b"" if payload is None else json.dumps(payload, separators=(",", ":")).encode()
        return cls(status, body, tuple((headers or {}).items()), delay_ms)

    def to_wire(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "body": self.body.decode("utf-8", "replace"),
            "headers": dict(self.headers),
            "delay_ms": self.delay_ms,
        }

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Reply:
        return cls(
            status=int(data.get("status", 200)),
            body=str(data.get("body", "")).encode(),
            headers=tuple(dict(data.get("headers") or {}).items()),
            delay_ms=int(data.get("delay_ms", 0)),
        )


DEFAULT_REPLY = Reply()


@dataclass(frozen=True)
class ReceivedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    arrival: float
    """Wall-clock time (`time.time()`), comparable with timestamps taken in other processes."""
    query: str = ""
    """The query string as received (scripts match the path alone)."""


@dataclass
class KeyRecord:
    """What one idempotency key received.

    `after_success` counts requests that arrived once a success (2xx) had already been chosen as
    the answer for this key, including ones running concurrently with it: each is a call the
    third party executed twice.
    """

    count: int
    first_arrival: float
    success_arrival: float | None = None
    after_success: int = 0

    @property
    def duplicated(self) -> bool:
        return self.after_success > 0


@dataclass
class SinkRecorder:
    """The sink's state: scripts, the requests received and the per-key counts (thread-safe)."""

    scripts: dict[str, tuple[Reply, ...]] = field(default_factory=dict)
    requests: list[ReceivedRequest] = field(default_factory=list)
    keys: dict[str, KeyRecord] = field(default_factory=dict)
    replies_played: defaultdict[tuple[str, str | None], int] = field(
        default_factory=lambda: defaultdict(int)
    )
    connections: int = 0
    """Connections that carried recorded requests, to check that clients keep them alive."""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def set_script(self, path: str, replies: list[Reply] | tuple[Reply, ...]) -> None:
        """Answer requests to `path` with `replies` in turn, the last one repeating.

        The turn is counted per idempotency key (requests without one share a turn), so "500
        then 200" makes every key fail once and then succeed. An empty list restores the default.
        """
        with self.lock:
            if replies:
                self.scripts[path] = tuple(replies)
            else:
                self.scripts.pop(path, None)
            self.replies_played = defaultdict(int)

    def record(
        self,
        method: str,
        path: str,
        headers: dict[str, str],
        body: bytes,
        arrival: float,
        *,
        new_connection: bool = False,
        query: str = "",
    ) -> Reply:
        """Record one request (the first on its connection if `new_connection`); return its reply."""
        key = headers.get(IDEMPOTENCY_HEADER)
        with self.lock:
            self.connections += new_connection
            self.requests.append(ReceivedRequest(method, path, headers, body, arrival, query))
            replies = self.scripts.get(path)
            if replies is None:
                reply = DEFAULT_REPLY
            else:
                turn = self.replies_played[(path, key)]
                self.replies_played[(path, key)] = turn + 1
                reply = replies[min(turn, len(replies) - 1)]
            if key is not None:
                self._count_key(key, arrival, succeeded=200 <= reply.status < 300)
        return reply

    def _count_key(self, key: str, arrival: float, *, succeeded: bool) -> None:
        record = self.keys.get(key)
        if record is None:
            record = self.keys[key] = KeyRecord(count=0, first_arrival=arrival)
        elif record.success_arrival is not None:
            record.after_success += 1
        record.count += 1
        if succeeded and record.success_arrival is None:
            record.success_arrival = arrival

    def reset(self) -> None:
        """Forget every request and count; scripts stay."""
        with self.lock:
            self.requests = []
            self.keys = {}
            self.connections = 0
            self.replies_played = defaultdict(int)

    def stats(self) -> dict[str, Any]:
        with self.lock:
            arrivals = [request.arrival for request in self.requests]
            return {
                "requests": len(self.requests),
                "connections": self.connections,
                "keys": len(self.keys),
                "succeeded_keys": sum(1 for r in self.keys.values() if r.success_arrival),
                "duplicated_keys": sum(1 for r in self.keys.values() if r.duplicated),
                "first_arrival": min(arrivals, default=None),
                "last_arrival": max(arrivals, default=None),
                "cpu_s": time.process_time(),
            }

    def key_records(self) -> dict[str, dict[str, Any]]:
        with self.lock:
            return {
                key: {
                    "count": r.count,
                    "first_arrival": r.first_arrival,
                    "success_arrival": r.success_arrival,
                    "duplicated": r.duplicated,
                }
                for key, r in self.keys.items()
            }

    def request_listing(self, path: str | None = None, limit: int | None = None) -> list[dict]:
        with self.lock:
            selected = [r for r in self.requests if path is None or r.path == path]
        if limit is not None:
            selected = selected[-limit:] if limit else []
        return [
            {
                "method": r.method,
                "path": r.path,
                "query": r.query,
                "headers": r.headers,
                "body": r.body[:EXCERPT_BYTES].decode("utf-8", "replace"),
                "arrival": r.arrival,
            }
            for r in selected
        ]


class _HttpError(Exception):
    def __init__(self, reply: Reply):
        super().__init__(reply.status)
        self.reply = reply


def _status_line(status: int) -> bytes:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Unknown"
    return f"HTTP/1.1 {status} {phrase}\r\n".encode()


def encode_response(reply: Reply, *, keep_alive: bool) -> bytes:
    head = [_status_line(reply.status)]
    head.append(b"Content-Type: application/json\r\n")
    for name, value in reply.headers:
        head.append(f"{name}: {value}\r\n".encode("latin-1"))
    head.append(b"Content-Length: %d\r\n" % len(reply.body))
    head.append(b"Connection: keep-alive\r\n\r\n" if keep_alive else b"Connection: close\r\n\r\n")
    return b"".join(head) + reply.body


def parse_head(head: bytes) -> tuple[str, str, str, dict[str, str]]:
    """Split a request head into method, target, version and lower-cased headers."""
    request_line, _, header_block = head.rstrip(b"\r\n").partition(b"\r\n")
    parts = request_line.decode("latin-1").split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise _HttpError(Reply.json(400, {"error": "malformed request line"}))
    headers: dict[str, str] = {}
    for line in header_block.split(b"\r\n"):
        name, separator, value = line.partition(b":")
        if not separator:
            raise _HttpError(Reply.json(400, {"error": "malformed header"}))
        headers[name.decode("latin-1").strip().lower()] = value.decode("latin-1").strip()
    return parts[0], parts[1], parts[2], headers


def _wants_keep_alive(version: str, headers: dict[str, str]) -> bool:
    connection = headers.get("connection", "").lower()
    if version == "HTTP/1.0":
        return connection == "keep-alive"
    return connection != "close"


@dataclass
class _Connection:
    recorded: bool = False
    """Whether a recorded request already came on this connection."""


class SinkServer:
    """The asyncio HTTP/1.1 server around a `SinkRecorder`."""

    def __init__(self, recorder: SinkRecorder | None = None):
        self.recorder = recorder or SinkRecorder()

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> asyncio.Server:
        return await asyncio.start_server(
            self._serve_connection, host, port, limit=MAX_HEAD_BYTES
        )

    async def _serve_connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        connection = _Connection()
        try:
            while await self._serve_one(reader, writer, connection):
                pass
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    async def _serve_one(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, connection: _Connection
    ) -> bool:
        """Answer one request; return whether the connection stays open."""
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError:
            return False
        except asyncio.LimitOverrunError:
            writer.write(encode_response(Reply.json(431), keep_alive=False))
            return False
        arrival = time.time()
        try:
            method, target, version, headers = parse_head(head)
            if "transfer-encoding" in headers:
                raise _HttpError(Reply.json(501, {"error": "chunked bodies are not supported"}))
            length = int(headers.get("content-length") or 0)
        except (_HttpError, ValueError) as error:
            reply = error.reply if isinstance(error, _HttpError) else Reply.json(400)
            writer.write(encode_response(reply, keep_alive=False))
            return False
        body = await reader.readexactly(length) if length else b""
        keep_alive = _wants_keep_alive(version, headers)
        path, _, query = target.partition("?")
        if path.startswith(CONTROL_PREFIX):
            reply = self._control(method, path, query, body)
        else:
            reply = self.recorder.record(
                method, path, headers, body, arrival, new_connection=not connection.recorded, query=query
            )
            connection.recorded = True
        if reply.delay_ms:
            await asyncio.sleep(reply.delay_ms / 1000)
        writer.write(encode_response(reply, keep_alive=keep_alive))
        await writer.drain()
        return keep_alive

    def _control(self, method: str, path: str, query: str, body: bytes) -> Reply:
        recorder = self.recorder
        command = path[len(CONTROL_PREFIX):]
        params = {name: values[-1] for name, values in parse_qs(query).items()}
        if (method, command) == ("GET", "stats"):
            return Reply.json(200, recorder.stats())
        if (method, command) == ("GET", "keys"):
            return Reply.json(200, recorder.key_records())
        if (method, command) == ("GET", "requests"):
            limit = int(params["limit"]) if "limit" in params else None
            return Reply.json(200, recorder.request_listing(params.get("path"), limit))
        if (method, command) == ("POST", "reset"):
            recorder.reset()
            return Reply.json(200, {"reset": True})
        if (method, command) == ("POST", "script"):
            try:
                data = json.loads(body)
                replies = [Reply.from_wire(item) for item in data.get("replies", [])]
                recorder.set_script(str(data["path"]), replies)
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                return Reply.json(400, {"error": f"bad script: {error}"})
            return Reply.json(200, {"scripted": data["path"], "replies": len(replies)})
        return Reply.json(404, {"error": f"no sink command {method} {command}"})


class SinkClient:
    """Reads and scripts a running sink through its control API (works across processes)."""

    def __init__(self, url: str, timeout_s: float = 30.0):
        self.url = url.rstrip("/")
        self.timeout_s = timeout_s
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def _call(self, method: str, command: str, payload: Any = None) -> Any:
        data = None if payload is None else json.dumps(payload).encode()
        request = urllib.request.Request(
            f"{self.url}{CONTROL_PREFIX}{command}", data=data, method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with self._opener.open(request, timeout=self.timeout_s) as response:
                return json.loads(response.read())
        except OSError as error:
            raise SinkError(f"sink {method} {command} failed: {error}") from error

    def stats(self) -> dict[str, Any]:
        return self._call("GET", "stats")

    def keys(self) -> dict[str, dict[str, Any]]:
        return self._call("GET", "keys")

    def requests(self, path: str | None = None, limit: int | None = None) -> list[dict]:
        params = "&".join(
            f"{name}={value}" for name, value in (("path", path), ("limit", limit)) if value is not None
        )
        return self._call("GET", f"requests?{params}" if params else "requests")

    def reset(self) -> None:
        self._call("POST", "reset")

    def script(self, path: str, replies: list[Reply]) -> None:
        self._call("POST", "script", {"path": path, "replies": [r.to_wire() for r in replies]})


class SinkThread:
    """The sink on its own event loop in a daemon thread of this process (for tests).

    Use as a context manager; `recorder` can be read directly, `client` goes through HTTP.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.server = SinkServer()
        self.recorder = self.server.recorder
        self._address = (host, port)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="sink", daemon=True)
        self._asyncio_server: asyncio.Server | None = None
        self.url = ""

    def start(self) -> SinkThread:
        self._thread.start()
        started = asyncio.run_coroutine_threadsafe(self.server.start(*self._address), self._loop)
        self._asyncio_server = started.result(START_TIMEOUT_S)
        host, port = self._asyncio_server.sockets[0].getsockname()[:2]
        self.url = f"http://{host}:{port}"
        return self

    async def _close_connections(self) -> None:
        if self._asyncio_server is not None:
            self._asyncio_server.close()
        handlers = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for handler in handlers:
            handler.cancel()
        await asyncio.gather(*handlers, return_exceptions=True)

    def stop(self) -> None:
        closing = asyncio.run_coroutine_threadsafe(self._close_connections(), self._loop)
        closing.result(START_TIMEOUT_S)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(START_TIMEOUT_S)
        self._loop.close()

    @property
    def client(self) -> SinkClient:
        return SinkClient(self.url)

    def __enter__(self) -> SinkThread:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


class SinkProcess:
    """The sink in a child Python process (for benches: it then takes no GIL from the workers)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self._command = [sys.executable, "-P", __file__, "--host", host, "--port", str(port)]
        self._process: subprocess.Popen[str] | None = None
        self.url = ""

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self) -> SinkProcess:
        self._process = subprocess.Popen(self._command, stdout=subprocess.PIPE, text=True)
        line = self._process.stdout.readline() if self._process.stdout else ""
        try:
            self.url = json.loads(line)["url"]
        except (ValueError, KeyError) as error:
            self.stop()
            raise SinkError(f"sink process did not report its address: {line!r}") from error
        return self

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(START_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._process is not None and self._process.stdout:
            self._process.stdout.close()

    @property
    def client(self) -> SinkClient:
        return SinkClient(self.url)

    def __enter__(self) -> SinkProcess:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


async def _serve_forever(host: str, port: int) -> None:
    server = await SinkServer().start(host, port)
    bound_host, bound_port = server.sockets[0].getsockname()[:2]
    print(json.dumps({"url": f"http://{bound_host}:{bound_port}"}), flush=True)
    async with server:
        await server.serve_forever()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Run Cairn's local HTTP sink.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    options = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve_forever(options.host, options.port))


if __name__ == "__main__":
    main()
