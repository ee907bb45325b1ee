"""`flask bench runner`: end-to-end journey throughput, against a naive one-job-per-step baseline.

Everything runs as in production, on this machine: a local HTTP sink in its own process plays
the third party, the web app runs under waitress in its own process and takes the events through
the real batch ingest API, and `--workers` separate `flask worker` processes drain them. The
journey is event → action → condition → action → end.

The bench works in a fresh temporary instance folder (its own SQLite file and embedded Redis), so
it never touches the instance you run it from; with `DATABASE_URL` / `REDIS_URL` set it uses those
instead (give it an empty, dedicated database: it creates the tables and leaves its rows).

Figures: `p50_ms` / `p95_ms` run from an event's acceptance (`events.received_at`) to the sink's
receipt of the journey's first call; `lost` counts calls the sink never answered with a success
for, `duplicated` the calls it received again after a success (both by idempotency key).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import requests
from flask import Flask
from rq import Worker
from sqlalchemy import func, insert, select

from app.actions.models import Action, Channel
from app.auth import service as auth_service
from app.auth.models import as_aware, utcnow
from app.events import service as events_service
from app.events.models import Event
from app.expressions import build_context, evaluate
from app.extensions import db
from app.journeys import service as journeys_service
from app.journeys.graph import next_node_id, parse_graph
from app.journeys.models import Journey, JourneyVersion
from app.queues import get_queue
from app.redis_store import redis_url, stop_embedded_redis
from app.runner.engine import idempotency_key
from app.runner.models import ACTIVE_STATUSES, Instance, InstanceStatus, Step, StepStatus
from app.runner.sink import SinkClient, SinkProcess

EVENT_KEY = "bench-signup"
BASELINE_EVENT_KEY = "bench-baseline"
BASELINE_QUEUE = "bench-baseline"
INGEST_BATCH = 500
"""Events per ingest request when firing as fast as possible."""
RATE_TICK_S = 0.05
"""With `--rate`, a batch of rate × tick events is sent every tick."""
DRAIN_TIMEOUT_S = 300.0
START_TIMEOUT_S = 30.0


class BenchError(RuntimeError):
    """The bench cannot run here (a database in use, a process that would not start)."""


def bench_graph(event_key: str) -> dict[str, Any]:
    position = {"x": 0, "y": 0}
    call = {"type": "action", "action": "bench-sink", "params": {"email": "event.email"}}
    return {
        "nodes": [
            {"id": "n0", "type": "event", "event": event_key, "position": position},
            {"id": "a1", **call, "position": position},
            {"id": "c", "type": "condition", "position": position,
             "branches": [{"port": "ok", "when": "nodes.a1.status_code == 200"}]},
            {"id": "a2", **call, "position": position},
            {"id": "e", "type": "end", "position": position},
        ],
        "edges": [
            {"from": "n0", "to": "a1"}, {"from": "a1", "to": "c"},
            {"from": "c", "port": "ok", "to": "a2"}, {"from": "a2", "to": "e"},
        ],
    }


def run_bench(*, events: int, workers: int, rate: int, baseline_events: int) -> dict[str, Any]:
    """Run the whole bench and return its figures."""
    with bench_environment() as (app, env), app.app_context(), SinkProcess() as sink:
        token, journey_id = prepare(sink.url)
        web_url, web = start_web(env)
        worker_processes = start_workers(env, workers, "runner")
        try:
            result = measure_runner(app, sink.client, web_url, token, journey_id, events, rate)
        finally:
            stop_processes(worker_processes)
        baseline_workers = start_workers(env, workers, BASELINE_QUEUE)
        try:
            result["baseline_journeys_per_s"] = measure_baseline(baseline_events)
        finally:
            stop_processes([*baseline_workers, web])
    baseline = max(result["baseline_journeys_per_s"], 1e-9)
    result["ratio"] = round(result["journeys_per_s"] / baseline, 1)
    result["workers"] = workers
    result["rate"] = rate or None
    result["database"] = env.get("DATABASE_URL", "sqlite").split(":", 1)[0]
    return result


@contextlib.contextmanager
def bench_environment() -> Iterator[tuple[Flask, dict[str, str]]]:
    """A throw-away instance folder, an app on it, and the environment for child processes."""
    from app import create_app

    instance = tempfile.mkdtemp(prefix="cairn-bench-")
    env = {**os.environ, "CAIRN_INSTANCE_PATH": instance, "CAIRN_ALLOW_PRIVATE_URLS": "1"}
    try:
        app = create_app({"INSTANCE_PATH": instance, "CAIRN_ALLOW_PRIVATE_URLS": True})
        with app.app_context():
            db.create_all()
            if db.session.scalar(select(func.count(Journey.id))):
                raise BenchError("the bench needs an empty database: DATABASE_URL has journeys")
            env["REDIS_URL"] = redis_url(app)
        yield app, env
    finally:
        if not os.environ.get("REDIS_URL"):
            stop_embedded_redis(instance)
        shutil.rmtree(instance, ignore_errors=True)


def prepare(sink_url: str) -> tuple[str, int]:
    """The event types, the sink action, the live journey and the draft baseline journey."""
    for key in (EVENT_KEY, BASELINE_EVENT_KEY):
        events_service.create_event_type({
            "key": key, "name": key, "profile_id_field": "email",
            "fields": [{"name": "email", "type": "string", "required": True}],
        })
    spec = {
        "key": "bench-sink", "name": "Bench sink", "channel": "custom", "method": "POST",
        "url": f"{sink_url}/bench", "dynamic_path": False, "query": [], "headers": [],
        "auth": {"type": "none"},
        "parameters": [{"name": "email", "type": "string", "required": True}],
        "body": {"to": "{{email}}"}, "response_sample": {"ok": True},
        "timeout_ms": 10_000, "retries": 3, "rate_limit": None,
    }
    db.session.add(Action(key="bench-sink", name="Bench sink", channel=Channel.CUSTOM, spec=spec))
    db.session.commit()
    user, _ = auth_service.create_user("bench@cairn.local", "technical")
    _, token = auth_service.create_token(user, "bench")
    journey_ids = []
    for key in (EVENT_KEY, BASELINE_EVENT_KEY):
        journey = journeys_service.create_journey(f"Bench {key}", entry_event=key)
        journeys_service.save_draft(journey.id, bench_graph(key))
        journeys_service.update_settings(journey.id, {"reentry": "always"})
        journeys_service.publish(journey.id)
        journey_ids.append(journey.id)
    # The baseline journey's version stays published (the baseline reads its graph and snapshot)
    # but closed, so the runner's entry never starts instances for it.
    journeys_service.close(journey_ids[1])
    return token, journey_ids[0]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_web(env: dict[str, str]) -> tuple[str, subprocess.Popen]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "waitress", f"--listen=127.0.0.1:{port}", "--threads=8", "wsgi:app"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1):
                return url, process
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                stop_processes([process])
                raise BenchError("the web server did not start") from None
            time.sleep(0.1)


def start_workers(env: dict[str, str], count: int, queue: str) -> list[subprocess.Popen]:
    """Start `count` workers and wait until each listens (events sent to workers still
    importing would measure their start-up, not the runner)."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "wsgi", "worker", "--queues", queue],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(count)
    ]
    deadline = time.monotonic() + START_TIMEOUT_S
    while Worker.count(queue=get_queue(queue)) < count:
        if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
            stop_processes(processes)
            raise BenchError("the workers did not start")
        time.sleep(0.1)
    return processes


def stop_processes(processes: list[subprocess.Popen]) -> None:
    """Stop each process and its children (a worker forks its scheduler)."""
    for process in processes:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM) if _leads_group(process) else process.terminate()
    for process in processes:
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL) if _leads_group(process) else process.kill()
            process.wait()


def _leads_group(process: subprocess.Popen) -> bool:
    with contextlib.suppress(ProcessLookupError):
        return os.getpgid(process.pid) == process.pid
    return False


def fire_events(web_url: str, token: str, count: int, rate: int) -> None:
    """Send `count` events through the batch ingest API, as fast as possible or at `rate`/s."""
    headers = {"Authorization": f"Bearer {token}"}
    url = f"{web_url}/api/v1/events/{EVENT_KEY}/batch"
    batch = max(1, round(rate * RATE_TICK_S)) if rate else INGEST_BATCH
    batches = [
        [{"email": f"p{index}@bench.local"} for index in range(start, min(start + batch, count))]
        for start in range(0, count, batch)
    ]
    with requests.Session() as session, concurrent.futures.ThreadPoolExecutor(4) as pool:
        def post(payloads: list[dict]) -> None:
            response = session.post(url, json=payloads, headers=headers, timeout=60)
            response.raise_for_status()

        if not rate:
            list(pool.map(post, batches))
            return
        started = time.monotonic()
        futures = []
        for index, payloads in enumerate(batches):
            delay = started + index * RATE_TICK_S - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            futures.append(pool.submit(post, payloads))
        for future in futures:
            future.result()


def wait_until_drained(expected: int) -> None:
    deadline = time.monotonic() + DRAIN_TIMEOUT_S
    while time.monotonic() < deadline:
        db.session.rollback()
        created = db.session.scalar(select(func.count(Instance.id)))
        active = db.session.scalar(
            select(func.count(Instance.id)).where(Instance.status.in_(ACTIVE_STATUSES))
        )
        if created >= expected and not active:
            return
        time.sleep(0.2)
    raise BenchError(f"instances did not finish within {DRAIN_TIMEOUT_S:.0f} s")


def measure_runner(
    app: Flask, sink: SinkClient, web_url: str, token: str, journey_id: int, count: int, rate: int
) -> dict[str, Any]:
    sink.reset()
    started = time.time()
    fire_events(web_url, token, count, rate)
    wait_until_drained(count)
    stats = sink.stats()
    last_finished = db.session.scalar(
        select(func.max(Instance.finished_at)).where(Instance.journey_id == journey_id)
    )
    seconds = as_aware(last_finished).timestamp() - started
    keys = sink.keys()
    secret = app.config["SECRET_KEY"]
    latencies = []
    lost = 0
    rows = db.session.execute(
        select(Instance.id, Event.received_at).join(Event, Event.id == Instance.event_id)
        .where(Instance.journey_id == journey_id)
    ).all()
    for instance_id, received_at in rows:
        for node_id in ("a1", "a2"):
            record = keys.get(idempotency_key(secret, instance_id, node_id))
            if record is None or record["success_arrival"] is None:
                lost += 1
        first = keys.get(idempotency_key(secret, instance_id, "a1"))
        if first is not None:
            latencies.append((first["first_arrival"] - as_aware(received_at).timestamp()) * 1000)
    lost += 2 * max(0, count - len(rows))
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "events": count,
        "calls": stats["requests"],
        "seconds": round(seconds, 3),
        "journeys_per_s": round(count / seconds, 1),
        "calls_per_s": round(stats["requests"] / seconds, 1),
        "p50_ms": round(quantiles[49], 1),
        "p95_ms": round(quantiles[94], 1),
        "lost": lost,
        "duplicated": stats["duplicated_keys"],
    }


# ---- the baseline: one plain RQ job per step -------------------------------------------------


def measure_baseline(count: int) -> float:
    """Journeys per second when every step is its own RQ job (what this runner replaces)."""
    version = db.session.scalar(
        select(JourneyVersion).join(Journey, Journey.id == JourneyVersion.journey_id)
        .where(JourneyVersion.entry_event == BASELINE_EVENT_KEY)
    )
    ids = events_service.ingest_events(
        BASELINE_EVENT_KEY, [{"email": f"b{index}@bench.local"} for index in range(count)]
    )
    now = utcnow()
    rows = [
        {"journey_id": version.journey_id, "version_id": version.id, "profile_id": f"b{index}",
         "event_id": event_id, "status": InstanceStatus.RUNNING, "node_id": "a1", "outputs": {},
         "due_at": now, "created_at": now, "updated_at": now}
        for index, event_id in enumerate(ids)
    ]
    instance_ids = list(db.session.scalars(insert(Instance).returning(Instance.id), rows))
    db.session.commit()
    queue = get_queue(BASELINE_QUEUE)
    started = time.time()
    for instance_id in instance_ids:
        queue.enqueue(baseline_step, instance_id, "a1", result_ttl=0)
    deadline = time.monotonic() + DRAIN_TIMEOUT_S
    while time.monotonic() < deadline:
        db.session.rollback()
        active = db.session.scalar(
            select(func.count(Instance.id)).where(
                Instance.id.in_(instance_ids), Instance.status.in_(ACTIVE_STATUSES)
            )
        )
        if not active:
            break
        time.sleep(0.05)
    return round(count / (time.time() - started), 1)


_baseline_session: requests.Session | None = None


def baseline_step(instance_id: int, node_id: str) -> None:
    """RQ job: run ONE node of one instance, record it, and enqueue the next node's job."""
    global _baseline_session
    if _baseline_session is None:
        _baseline_session = requests.Session()
    instance = db.session.get(Instance, instance_id)
    version = db.session.get(JourneyVersion, instance.version_id)
    event = db.session.get(Event, instance.event_id)
    graph = parse_graph(version.graph)
    node = graph.node(node_id)
    port = None
    step = Step(instance_id=instance_id, node_id=node_id, node_type=node.type,
                status=StepStatus.SUCCEEDED, attempts=1, started_at=utcnow())
    if node.type == "action":
        spec = version.actions_snapshot[node.data["action"]]
        response = _baseline_session.post(
            spec["url"], json={"to": event.payload["email"]}, timeout=10,
            headers={"Idempotency-Key": f"baseline-{instance_id}-{node_id}"},
        )
        step.response_status = response.status_code
        instance.outputs = {**instance.outputs, node_id: {
            "status": "succeeded", "response": response.json(), "status_code": response.status_code,
        }}
    elif node.type == "condition":
        context = build_context(event.payload, journey_id=instance.journey_id, version=1,
                                instance_id=instance_id, profile_id=instance.profile_id,
                                nodes=instance.outputs)
        branch = next((b for b in node.data["branches"] if evaluate(b["when"], context) is True), None)
        port = branch["port"] if branch else "else"
    step.port = port
    step.finished_at = utcnow()
    db.session.add(step)
    following = None if node.type == "end" else next_node_id(graph, node_id, port)
    instance.node_id = following
    if following is None:
        instance.status = InstanceStatus.COMPLETED
        instance.finished_at = utcnow()
    db.session.commit()
    if following is not None:
        get_queue(BASELINE_QUEUE).enqueue(baseline_step, instance_id, following, result_ttl=0)
