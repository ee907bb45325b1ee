"""What the job system is doing now, read from RQ's own registries and from the rate limiter.

One snapshot feeds the operations page and `/api/v1/operations`. It is read without RQ's registry
clean-ups: cleaning the started registry fails abandoned jobs and runs their failure callbacks,
which is the workers' maintenance to do, not a page view's. The functions take the Redis client
(no Flask here), so the worker-side tests and the views call the same code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import redis
from rq import Queue, Worker
from rq.exceptions import DeserializationError, InvalidJobOperation, NoSuchJobError
from rq.job import Job
from rq.results import Result

from app.errors import NotFound
from app.queues import DEFAULT_QUEUES
from app.runner.ratelimit import HostRateLimiter

FAILED_JOBS_SHOWN = 20
"""The newest failed jobs listed, across the queues."""
HEARTBEAT_GRACE_S = 60
"""RQ lets a worker's key expire this long after its next heartbeat is due (an idle worker beats
every 405 s and keeps its key 480 s; a busy in-process worker keeps it for the job's timeout plus
60 s). Less time left than this means the heartbeat is overdue: the worker is likely gone."""
TEXT_CHARS = 300
"""Longest job description or error line kept (runner jobs list every instance id they carry)."""


@dataclass(frozen=True)
class QueueCounts:
    name: str
    queued: int
    started: int
    scheduled: int
    next_scheduled_at: datetime | None
    """When the earliest scheduled job is due (in the past when no scheduler is moving them)."""
    failed: int
    deferred: int


@dataclass(frozen=True)
class FailedJob:
    id: str
    queue: str
    function: str
    failed_at: datetime | None
    error: str
    """The last line of the exception, e.g. `ValueError: bad input`."""


@dataclass(frozen=True)
class CurrentJob:
    id: str
    description: str
    started_at: datetime | None
    running_s: float | None


@dataclass(frozen=True)
class WorkerState:
    name: str
    hostname: str | None
    pid: int | None
    state: str
    queues: tuple[str, ...]
    current_job: CurrentJob | None
    last_heartbeat: datetime | None
    heartbeat_age_s: float | None
    stale: bool
    """The heartbeat is overdue (see `HEARTBEAT_GRACE_S`)."""
    successful_jobs: int
    failed_jobs: int


@dataclass(frozen=True)
class ThrottledHost:
    host: str
    waiting: int
    last_in_s: float
    """How long until the last waiting call may go."""


@dataclass(frozen=True)
class Snapshot:
    taken_at: datetime
    queues: list[QueueCounts]
    failed_jobs: list[FailedJob]
    workers: list[WorkerState]
    throttled: list[ThrottledHost]


def snapshot(connection: redis.Redis, queue_names: Sequence[str] = DEFAULT_QUEUES) -> Snapshot:
    """Queues, the newest failed jobs, live workers and throttled calls, as of now."""
    now = datetime.now(UTC)
    queues = [Queue(name, connection=connection) for name in queue_names]
    waiting = HostRateLimiter(connection).waiting_by_host()
    return Snapshot(
        taken_at=now,
        queues=[queue_counts(queue) for queue in queues],
        failed_jobs=failed_jobs(queues),
        workers=workers(connection, now),
        throttled=[
            ThrottledHost(host, entry.calls, entry.last_in_s) for host, entry in sorted(waiting.items())
        ],
    )


def queue_counts(queue: Queue) -> QueueCounts:
    scheduled = queue.scheduled_job_registry
    earliest = scheduled.get_job_ids(0, 0, cleanup=False)
    next_at = None
    if earliest:
        try:
            next_at = scheduled.get_scheduled_time(earliest[0])
        except NoSuchJobError:  # enqueued by the scheduler between the two reads
            next_at = None
    return QueueCounts(
        name=queue.name,
        queued=queue.count,
        started=queue.started_job_registry.get_job_count(cleanup=False),
        scheduled=scheduled.get_job_count(cleanup=False),
        next_scheduled_at=next_at,
        failed=queue.failed_job_registry.get_job_count(cleanup=False),
        deferred=queue.deferred_job_registry.get_job_count(cleanup=False),
    )


def failed_jobs(queues: Sequence[Queue], limit: int = FAILED_JOBS_SHOWN) -> list[FailedJob]:
    """The newest `limit` failed jobs of these queues, newest first.

    The failed registry scores a job by when it expires (failure time plus one failure TTL), so
    its top `limit` per queue are that queue's newest failures.
    """
    found = []
    for queue in queues:
        ids = queue.failed_job_registry.get_job_ids(0, limit - 1, desc=True, cleanup=False)
        for job in Job.fetch_many(ids, connection=queue.connection):
            if job is not None:  # its hash expired before the registry entry
                found.append(_failed_job(job, queue.name))
    oldest = datetime.min.replace(tzinfo=UTC)
    found.sort(key=lambda failed: failed.failed_at or oldest, reverse=True)
    return found[:limit]


def _failed_job(job: Job, queue_name: str) -> FailedJob:
    result = job.latest_result()
    failed = result is not None and result.type == Result.Type.FAILED
    return FailedJob(
        id=job.id,
        queue=queue_name,
        function=_function_name(job),
        failed_at=result.created_at if failed else job.ended_at,
        error=last_line(result.exc_string if failed else None),
    )


def _function_name(job: Job) -> str:
    """The job's function; a job whose payload no longer unpickles must not break the page."""
    try:
        return job.func_name or "?"
    except DeserializationError:
        return "(unreadable job payload)"


def last_line(traceback: str | None) -> str:
    """The last non-blank line of a traceback: the exception type and its message."""
    lines = [line.strip() for line in (traceback or "").splitlines() if line.strip()]
    return lines[-1][:TEXT_CHARS] if lines else ""


def workers(connection: redis.Redis, now: datetime) -> list[WorkerState]:
    """Workers registered with RQ, by host and name; `stale` when their heartbeat is overdue."""
    found = sorted(Worker.all(connection=connection), key=lambda worker: (worker.hostname or "", worker.name))
    with connection.pipeline(transaction=False) as pipeline:
        for worker in found:
            pipeline.pttl(worker.key)
        ttls_ms = pipeline.execute()
    return [_worker_state(worker, ttl_ms, now) for worker, ttl_ms in zip(found, ttls_ms, strict=True)]


def _worker_state(worker: Worker, ttl_ms: int, now: datetime) -> WorkerState:
    job = worker.get_current_job()
    current = None
    if job is not None:
        current = CurrentJob(
            id=job.id,
            description=(job.description or "")[:TEXT_CHARS],
            started_at=job.started_at,
            running_s=(now - job.started_at).total_seconds() if job.started_at else None,
        )
    heartbeat = worker.last_heartbeat
    return WorkerState(
        name=worker.name,
        hostname=worker.hostname,
        pid=worker.pid,
        state=worker.get_state(),
        queues=tuple(worker.queue_names()),
        current_job=current,
        last_heartbeat=heartbeat,
        heartbeat_age_s=(now - heartbeat).total_seconds() if heartbeat else None,
        # -1: no expiry (never overdue); -2: the key vanished since it was listed (gone).
        stale=ttl_ms != -1 and ttl_ms < HEARTBEAT_GRACE_S * 1000,
        successful_jobs=worker.successful_job_count,
        failed_jobs=worker.failed_job_count,
    )


def _failed_job_or_404(connection: redis.Redis, job_id: str) -> Job:
    try:
        job = Job.fetch(job_id, connection=connection)
    except NoSuchJobError:
        raise NotFound(f"No job {job_id}.") from None
    if job not in job.failed_job_registry:
        raise NotFound(f"Job {job_id} is not among the failed jobs.")
    return job


def requeue_failed_job(connection: redis.Redis, job_id: str) -> Job:
    """Put a failed job back on its queue, at the end, to run again as it was."""
    job = _failed_job_or_404(connection, job_id)
    try:
        return job.requeue()
    except InvalidJobOperation:  # requeued or deleted by someone else since the check
        raise NotFound(f"Job {job_id} is not among the failed jobs.") from None


def delete_failed_job(connection: redis.Redis, job_id: str) -> None:
    """Forget a failed job: its registry entry, its data and its results."""
    _failed_job_or_404(connection, job_id).delete()
