"""The operations snapshot, read from real RQ registries and workers in a real Redis."""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime, timedelta

import pytest
from rq import Worker
from rq.job import Job
from rq.worker import WorkerStatus

from app.errors import NotFound
from app.operations import service
from app.redis_store import get_redis
from app.runner.ratelimit import HostRateLimiter
from tests.operations.helpers import FAILING, REPORTER, SUCCEED, failed_job, queue, run_burst
from tests.operations.jobs_for_operations import HOSTILE_ERROR


@pytest.fixture
def connection(app, redis_client):
    with app.app_context():
        yield get_redis()


@pytest.fixture
def registered_worker(connection):
    """A worker registered with RQ as `flask worker` does at start, unregistered afterwards."""
    worker = Worker(["default"], connection=connection, name=f"ops-test-{os.getpid()}")
    worker.register_birth()
    worker.set_state(WorkerStatus.IDLE)
    yield worker
    worker.register_death()


def counts(taken: service.Snapshot, name: str) -> service.QueueCounts:
    return next(entry for entry in taken.queues if entry.name == name)


def test_queue_counts_cover_queued_scheduled_deferred_and_failed_jobs(app, connection):
    failed = failed_job(app)
    default = queue("default")
    first = default.enqueue(SUCCEED)
    default.enqueue(SUCCEED)
    default.enqueue(SUCCEED, depends_on=first)
    due = datetime.now(UTC) + timedelta(minutes=5)
    default.enqueue_at(due, SUCCEED)
    default.enqueue_at(due + timedelta(minutes=5), SUCCEED)
    queue("runner").enqueue(SUCCEED)

    taken = service.snapshot(connection)
    assert [entry.name for entry in taken.queues] == ["runner", "default"]
    default_counts = counts(taken, "default")
    assert (default_counts.queued, default_counts.started, default_counts.scheduled) == (2, 0, 2)
    assert (default_counts.failed, default_counts.deferred) == (1, 1)
    assert default_counts.next_scheduled_at == due.replace(microsecond=0), "the earliest, not the latest"
    runner_counts = counts(taken, "runner")
    assert (runner_counts.queued, runner_counts.scheduled, runner_counts.failed) == (1, 0, 0)
    assert runner_counts.next_scheduled_at is None
    assert [job.id for job in taken.failed_jobs] == [failed.id]


def test_failed_jobs_show_function_time_and_last_exception_line_newest_first(app, connection):
    older = failed_job(app)
    newer = failed_job(app, "runner")
    [first, second] = service.snapshot(connection).failed_jobs
    assert (first.id, first.queue, second.id, second.queue) == (newer.id, "runner", older.id, "default")
    assert first.function == FAILING
    assert first.error == f"ValueError: {HOSTILE_ERROR}"
    assert second.failed_at <= first.failed_at <= datetime.now(UTC)


def test_failed_jobs_are_limited_to_the_newest(app, connection):
    for _ in range(3):
        queue().enqueue(FAILING)
    run_burst(app)
    newest = service.failed_jobs([queue()], limit=2)
    assert len(newest) == 2
    assert newest[0].failed_at >= newest[1].failed_at


def test_a_job_whose_payload_no_longer_loads_is_still_listed(app, connection):
    job = failed_job(app)
    connection.hset(job.key, "data", b"not a pickle")
    [listed] = service.snapshot(connection).failed_jobs
    assert listed.id == job.id and listed.function == "(unreadable job payload)"
    assert listed.error.startswith("ValueError:")


def test_last_line_is_the_exception_not_the_traceback():
    traceback = 'Traceback (most recent call last):\n  File "x.py", line 1\nKeyError: \'email\'\n\n'
    assert service.last_line(traceback) == "KeyError: 'email'"
    assert service.last_line(None) == ""
    assert len(service.last_line("E: " + "x" * 1000)) == service.TEXT_CHARS


def test_requeue_puts_a_failed_job_back_and_it_runs_again(app, connection):
    job = failed_job(app)
    requeued = service.requeue_failed_job(connection, job.id)
    assert requeued.id == job.id and requeued.get_status() == "queued"
    taken = counts(service.snapshot(connection), "default")
    assert (taken.queued, taken.failed) == (1, 0)
    run_burst(app)
    assert counts(service.snapshot(connection), "default").failed == 1, "it ran, and failed again"


def test_delete_forgets_the_job_and_unknown_ids_are_not_found(app, connection):
    job = failed_job(app)
    service.delete_failed_job(connection, job.id)
    assert not Job.exists(job.id, connection=connection)
    assert service.snapshot(connection).failed_jobs == []
    with pytest.raises(NotFound):
        service.delete_failed_job(connection, job.id)
    with pytest.raises(NotFound):
        service.requeue_failed_job(connection, "no-such-job")
    queued = queue().enqueue(SUCCEED)
    with pytest.raises(NotFound, match="not among the failed jobs"):
        service.requeue_failed_job(connection, queued.id)
    assert queue().count == 1


def test_a_registered_idle_worker_is_listed_with_its_heartbeat(connection, registered_worker):
    [listed] = service.snapshot(connection).workers
    assert listed.name == registered_worker.name
    assert (listed.hostname, listed.pid) == (socket.gethostname(), os.getpid())
    assert listed.queues == ("default",)
    assert listed.state == "idle" and listed.current_job is None
    assert listed.heartbeat_age_s == pytest.approx(0, abs=5)
    assert not listed.stale
    assert (listed.successful_jobs, listed.failed_jobs) == (0, 0)


def test_a_worker_whose_heartbeat_is_overdue_is_flagged(connection, registered_worker):
    # As if it died: its key outlives the missed heartbeat by less than RQ's grace.
    connection.expire(registered_worker.key, service.HEARTBEAT_GRACE_S - 5)
    [listed] = service.snapshot(connection).workers
    assert listed.stale


def test_a_busy_worker_shows_its_current_job_and_counts(app, connection):
    default = queue()
    default.enqueue(SUCCEED)
    default.enqueue(FAILING)
    reporter = default.enqueue(REPORTER, description="reporter")
    run_burst(app)
    assert reporter.get_status() == "finished", reporter.latest_result().exc_string
    seen = reporter.return_value()
    worker, queue_counts = seen["worker"], seen["queue"]
    assert worker["state"] == "busy"
    assert worker["current_job"]["id"] == reporter.id
    assert worker["current_job"]["description"] == "reporter"
    assert 0 <= worker["current_job"]["running_s"] < 5
    assert (worker["successful_jobs"], worker["failed_jobs"]) == (1, 1)
    assert (worker["hostname"], worker["pid"]) == (socket.gethostname(), os.getpid())
    assert not worker["stale"]
    assert (queue_counts["started"], queue_counts["failed"]) == (1, 1)
    assert service.snapshot(connection).workers == [], "a burst worker unregisters when done"


def test_throttled_calls_waiting_per_host(connection):
    limiter = HostRateLimiter(connection)
    limiter.reserve("api.example.com", 1, 60, "throttle", n=3)
    limiter.reserve("sms.example.com", 5, 1, "throttle", n=2)
    [entry] = service.snapshot(connection).throttled
    assert (entry.host, entry.waiting) == ("api.example.com", 2)
    assert entry.last_in_s == pytest.approx(120, abs=2)
