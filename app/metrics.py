"""Prometheus metrics for the web process and every worker, served together at `/metrics`.

Cairn runs as several processes (waitress with threads, one or more `flask worker`s), so
prometheus_client runs in its multi-process mode: each process writes its values to memory-mapped
files in one shared folder (`CAIRN_METRICS_DIR`), and a scrape merges the files of every process,
alive or dead (a dead worker's counts still count). prometheus_client picks how values are stored
(`prometheus_client.values.ValueClass`) from `PROMETHEUS_MULTIPROC_DIR` when it is imported, and
reads that choice each time a metric is built; so `init_metrics` sets the variable and switches
the class if the import came first (the first app of a process decides its folder: tests build
several apps in one process). Cairn's metrics are built when first recorded, so a process that
records nothing (`flask tokens create`, the `flask up` supervisor) leaves no file behind.

The runner calls the small `record_*` functions, aggregated per batch where it can: it makes
thousands of calls a second. Labels are only ever event type keys, action keys, node types,
statuses and outcomes — never a URL, a profile id or anything else that could hold a secret.

Queue depth is not a live gauge (live gauges of dead processes need care in multi-process mode):
it is read from Redis at scrape time by `QueueCollector`.
"""

from __future__ import annotations

import collections
import hmac
import ipaddress
import logging
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import redis
from flask import Blueprint, Flask, Response, current_app, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client import values as prometheus_values
from prometheus_client.metrics_core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from rq import Queue

from app.events.service import EVENT_ACCEPTED_HANDLERS, AcceptedEvent
from app.queues import DEFAULT_QUEUES
from app.redis_store import get_redis

logger = logging.getLogger(__name__)

CALL_BUCKETS_S = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
"""Call latency buckets: local services answer in milliseconds, the slowest action timeout is 60 s."""
THROTTLE_BUCKETS_S = (0.01, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0)
"""Throttle delay buckets: from "sent at once" to an hour-long backlog behind a small rate limit."""


@dataclass(frozen=True)
class Metrics:
    """This process's metric objects (built once, after multi-process mode is on)."""

    events_ingested: Counter
    instances_started: Counter
    instances_finished: Counter
    steps: Counter
    call_duration: Histogram
    throttle_delay: Histogram


_directory: str | None = None
"""This process's metrics folder, set by the first `init_metrics`."""
_metrics: Metrics | None = None
_building = threading.Lock()


def init_metrics(app: Flask) -> None:
    """Turn multi-process mode on (first app of the process), count ingests, and read the
    `/metrics` access settings (a bad allow-list stops the start, naming the setting)."""
    global _directory
    if _directory is None:
        directory = os.path.abspath(app.config["CAIRN_METRICS_DIR"])
        os.makedirs(directory, exist_ok=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
        if not getattr(prometheus_values.ValueClass, "_multiprocess", False):
            prometheus_values.ValueClass = prometheus_values.MultiProcessValue()
        _directory = directory
    app.config["CAIRN_METRICS_DIR"] = _directory
    app.extensions["cairn_metrics_allow"] = parse_allow(app.config["CAIRN_METRICS_ALLOW"])
    if count_ingested not in EVENT_ACCEPTED_HANDLERS:
        EVENT_ACCEPTED_HANDLERS.append(count_ingested)


def _build_metrics() -> Metrics:
    # registry=None: in multi-process mode the scrape reads the files, never a live registry.
    return Metrics(
        events_ingested=Counter(
            "cairn_events_ingested", "Events stored by the ingest API, by event type.",
            ["event_type"], registry=None,
        ),
        instances_started=Counter(
            "cairn_instances_started", "Journey instances started by ingested events.", registry=None
        ),
        instances_finished=Counter(
            "cairn_instances_finished", "Journey instances that ended, by final status "
            "(completed, failed, stopped).", ["status"], registry=None,
        ),
        steps=Counter(
            "cairn_steps", "Step records written, by node type and the status written (an action "
            "step counts once as sending and once as its outcome).", ["node_type", "status"],
            registry=None,
        ),
        call_duration=Histogram(
            "cairn_call_duration_seconds", "Outbound action calls: duration by action and outcome "
            "(ok, http_4xx, http_5xx, timedout, error).", ["action", "outcome"],
            buckets=CALL_BUCKETS_S, registry=None,
        ),
        throttle_delay=Histogram(
            "cairn_throttle_delay_seconds", "Delay a throttling rate limit gave each call, by action.",
            ["action"], buckets=THROTTLE_BUCKETS_S, registry=None,
        ),
    )


def _current() -> Metrics:
    """The metrics, built on first use (once, whichever thread comes first)."""
    global _metrics
    if _metrics is None:
        _current_directory()  # multi-process mode must be on before any value is made
        with _building:
            if _metrics is None:
                _metrics = _build_metrics()
    return _metrics


def _current_directory() -> str:
    if _directory is None:
        raise RuntimeError("metrics are not initialised: create_app calls init_metrics")
    return _directory


def clear_directory(directory: str) -> None:
    """Empty the shared folder: `flask up` does before starting its processes, so counts start
    at zero and the files of earlier runs' processes are not merged forever."""
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory, exist_ok=True)


def process_exited(pid: int) -> None:
    """Bookkeeping when a worker process ends (drops its live gauges; its counters stay)."""
    mark_process_dead(pid, _current_directory())


# ---- recording -------------------------------------------------------------------------------


def count_ingested(accepted: list[AcceptedEvent]) -> Callable[[], None]:
    """Ingest handler (`EVENT_ACCEPTED_HANDLERS`): count the events once their request commits."""
    by_type = collections.Counter(event.event_type_key for event in accepted)
    return lambda: record_events_ingested(by_type)


def record_events_ingested(by_type: Mapping[str, int]) -> None:
    counter = _current().events_ingested
    for event_type, count in by_type.items():
        counter.labels(event_type).inc(count)


def record_instances_started(count: int) -> None:
    _current().instances_started.inc(count)


def record_instances_finished(by_status: Mapping[str, int]) -> None:
    counter = _current().instances_finished
    for status, count in by_status.items():
        counter.labels(str(status)).inc(count)


def record_steps(by_type_and_status: Mapping[tuple[str, str], int]) -> None:
    """Add step records written, keyed by (node type, status)."""
    counter = _current().steps
    for (node_type, status), count in by_type_and_status.items():
        counter.labels(node_type, str(status)).inc(count)


def call_outcome(error_reason: str | None) -> str:
    """The outcome label of a call: `ok`, or its failure reason with HTTP codes grouped by class
    (`http_503` → `http_5xx`) so the label keeps a handful of values."""
    if error_reason is None:
        return "ok"
    if error_reason.startswith("http_"):
        return error_reason[:6] + "xx"
    return error_reason


def record_calls(calls: Iterable[tuple[str, float, str | None]]) -> None:
    """Observe a batch of calls: (action key, seconds, failure reason or None)."""
    histogram = _current().call_duration
    children = {}
    for action_key, seconds, error_reason in calls:
        key = (action_key, call_outcome(error_reason))
        child = children.get(key)
        if child is None:
            child = children[key] = histogram.labels(*key)
        child.observe(seconds)


def record_throttle(action_key: str, delay_s: float) -> None:
    _current().throttle_delay.labels(action_key).observe(delay_s)


class BatchMetrics:
    """What one runner job observed, gathered in memory and recorded once the job has written
    it: a handful of label look-ups per job instead of several per call."""

    __slots__ = ("calls", "finished", "steps", "throttled")

    def __init__(self):
        self.calls: list[tuple[str, float, str | None]] = []
        self.throttled: list[tuple[str, float]] = []
        self.steps: collections.Counter[tuple[str, str]] = collections.Counter()
        self.finished: collections.Counter[str] = collections.Counter()

    def call(self, action_key: str, seconds: float, error_reason: str | None) -> None:
        self.calls.append((action_key, seconds, error_reason))

    def throttle(self, action_key: str, delay_s: float) -> None:
        self.throttled.append((action_key, delay_s))

    def step(self, node_type: str, status: str) -> None:
        self.steps[(node_type, status)] += 1

    def instance_finished(self, status: str) -> None:
        self.finished[status] += 1

    def record(self) -> None:
        """Add everything gathered to the metrics, and start over."""
        record_calls(self.calls)
        for action_key, delay_s in self.throttled:
            record_throttle(action_key, delay_s)
        record_steps(self.steps)
        record_instances_finished(self.finished)
        self.calls.clear()
        self.throttled.clear()
        self.steps.clear()
        self.finished.clear()


# ---- scraping --------------------------------------------------------------------------------


class QueueCollector:
    """Jobs per RQ queue and state, read from Redis at scrape time."""

    def collect(self):
        family = GaugeMetricFamily(
            "cairn_queue_jobs", "RQ jobs by queue and state (queued, scheduled, started, failed).",
            labels=["queue", "state"],
        )
        connection = get_redis()
        try:
            for name in DEFAULT_QUEUES:
                queue = Queue(name, connection=connection)
                family.add_metric([name, "queued"], queue.count)
                for state, registry in (
                    ("scheduled", queue.scheduled_job_registry),
                    ("started", queue.started_job_registry),
                    ("failed", queue.failed_job_registry),
                ):
                    family.add_metric([name, state], registry.get_job_count(cleanup=False))
        except redis.RedisError:
            logger.warning("metrics: Redis did not answer; queue depths left out")
            return
        yield family


def exposition() -> bytes:
    """Every process's metrics plus the queue depths, in Prometheus' text format."""
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=_current_directory())
    registry.register(QueueCollector())
    return generate_latest(registry)


# ---- the endpoint ----------------------------------------------------------------------------


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_allow(setting: str) -> tuple[Network, ...]:
    """`CAIRN_METRICS_ALLOW`: comma-separated addresses or networks (CIDR)."""
    networks = []
    for item in (part.strip() for part in setting.split(",")):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ValueError(f"CAIRN_METRICS_ALLOW: {item!r} is not an IP address or network") from None
    return tuple(networks)


def address_allowed(remote_addr: str | None, allowed: tuple[Network, ...]) -> bool:
    try:
        address = ipaddress.ip_address(remote_addr or "")
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in network for network in allowed)


bp = Blueprint("metrics", __name__)


@bp.get("/metrics")
def scrape() -> Response:
    """Prometheus scrapes this; no login (Prometheus has no session). With `CAIRN_METRICS_TOKEN`
    set it must send `Authorization: Bearer <token>`; without, only `CAIRN_METRICS_ALLOW`
    addresses are answered."""
    token = current_app.config["CAIRN_METRICS_TOKEN"]
    if token:
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            return Response("A valid bearer token is required.\n", 401,
                            {"WWW-Authenticate": 'Bearer realm="metrics"'}, mimetype="text/plain")
    elif not address_allowed(request.remote_addr, current_app.extensions["cairn_metrics_allow"]):
        return Response("Metrics are not served to this address; set CAIRN_METRICS_TOKEN or "
                        "CAIRN_METRICS_ALLOW.\n", 403, mimetype="text/plain")
    return Response(exposition(), 200, {"Content-Type": CONTENT_TYPE_LATEST})
