"""Crash safety with real worker processes: SIGKILL mid-batch, Redis losing its data, two workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from rq import Queue
from rq.registry import ScheduledJobRegistry

from app import PROJECT_ROOT
from app.events import service as events_service
from app.runner.models import InstanceStatus, Step, StepStatus
from app.runner.sink import Reply
from tests.runner.helpers import (
    action_node,
    graph,
    instances,
    make_action,
    publish,
    run_worker,
    signup_payload,
)

LEASE_S = 2

TWO_CALLS = graph(
    [action_node("a1"), action_node("a2"), {"id": "e", "type": "end"}],
    [("n0", "a1"), ("a1", "a2"), ("a2", "e")],
)


def start_worker(app, *, burst: bool) -> subprocess.Popen:
    """`flask --app wsgi worker` in its own process group, on the test database and Redis."""
    env = {
        **os.environ,
        "CAIRN_INSTANCE_PATH": app.instance_path,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "REDIS_URL": app.config["REDIS_URL"],
        "CAIRN_ALLOW_PRIVATE_URLS": "1",
        "CAIRN_RUNNER_LEASE_S": str(LEASE_S),
        "CAIRN_LOG_LEVEL": "WARNING",  # INFO lines (one per call) would fill the stderr pipe
    }
    command = [sys.executable, "-m", "flask", "--app", "wsgi", "worker", "--queues", "runner"]
    return subprocess.Popen(
        [*command, "--burst"] if burst else command, env=env, cwd=PROJECT_ROOT,
        start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def send(count: int, start: int = 0) -> None:
    events_service.ingest_events("signup", [signup_payload(start + i) for i in range(count)])


def key_counts(sink) -> dict[str, int]:
    return {key: record["count"] for key, record in sink.client.keys().items()}


def test_sigkill_mid_batch_then_recover_loses_nothing_and_repeats_no_finished_step(app, sink, db):
    sink.recorder.set_script("/hook", [Reply.json(200, delay_ms=20)])
    make_action(f"{sink.url}/hook")
    publish(TWO_CALLS)
    send(300)
    worker = start_worker(app, burst=False)
    try:
        deadline = time.monotonic() + 30
        while len(sink.recorder.requests) < 60:
            assert time.monotonic() < deadline and worker.poll() is None, worker.stderr.read()
            time.sleep(0.01)
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
    db.session.expire_all()
    in_flight = {s.idempotency_key for s in db.session.query(Step).filter_by(status=StepStatus.SENDING)}
    finished_before = {
        s.idempotency_key for s in db.session.query(Step).filter_by(status=StepStatus.SUCCEEDED)
    }
    assert in_flight, "the kill should land while calls are in flight"
    time.sleep(LEASE_S + 0.2)
    result = app.test_cli_runner().invoke(args=["runner", "recover"])
    assert result.exit_code == 0 and "Re-enqueued" in result.output, result.output
    run_worker(app, until_idle=10)

    assert {i.status for i in instances()} == {InstanceStatus.COMPLETED}
    counts = key_counts(sink)
    steps = db.session.query(Step).filter_by(node_type="action").all()
    assert len(steps) == 600 and {s.idempotency_key for s in steps} <= set(counts)  # none lost
    repeated = {key for key, count in counts.items() if count > 1}
    assert repeated <= in_flight  # only calls whose outcome the kill erased were sent again...
    assert not repeated & finished_before  # ...and no recorded success was ever repeated
    for step in steps:
        assert counts[step.idempotency_key] <= step.attempts


def test_redis_losing_everything_is_recovered_from_the_database(app, sink, redis_client):
    make_action(f"{sink.url}/hook")
    publish(graph(
        [{"id": "w", "type": "wait", "seconds": 1}, action_node("a1"), {"id": "e", "type": "end"}],
        [("n0", "w"), ("w", "a1"), ("a1", "e")],
    ))
    send(40)
    run_worker(app)
    assert {i.status for i in instances()} == {InstanceStatus.WAITING}
    send(10, start=100)  # queued, never run
    queue = Queue("runner", connection=redis_client)
    assert queue.count == 1 and len(ScheduledJobRegistry(queue=queue)) == 1
    redis_client.flushall()
    assert queue.count == 0 and len(ScheduledJobRegistry(queue=queue)) == 0
    time.sleep(1.1)
    result = app.test_cli_runner().invoke(args=["runner", "recover"])
    assert result.exit_code == 0, result.output
    assert "Re-enqueued 50 due instances" in result.output
    run_worker(app, until_idle=5)
    assert {i.status for i in instances()} == {InstanceStatus.COMPLETED}
    counts = key_counts(sink)
    assert len(counts) == 50 and set(counts.values()) == {1}


def test_two_worker_processes_on_one_queue_run_each_step_once(app, sink):
    make_action(f"{sink.url}/hook")
    publish(TWO_CALLS)
    send(400)
    workers = [start_worker(app, burst=True) for _ in range(2)]
    for worker in workers:
        assert worker.wait(60) == 0, worker.stderr.read()
    assert {i.status for i in instances()} == {InstanceStatus.COMPLETED}
    counts = key_counts(sink)
    assert len(counts) == 800 and set(counts.values()) == {1}


def test_a_starting_worker_recovers_lost_work_by_itself(app, sink, redis_client):
    make_action(f"{sink.url}/hook")
    publish(graph([action_node("a1")], [("n0", "a1")]))
    send(5)
    redis_client.flushall()
    run_worker(app)  # its start-up maintenance re-enqueues from the database
    assert {i.status for i in instances()} == {InstanceStatus.COMPLETED}
    assert len(key_counts(sink)) == 5
