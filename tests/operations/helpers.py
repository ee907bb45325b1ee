"""Builders for the operations tests: real jobs in real queues, run by a real worker."""

from __future__ import annotations

from rq import Queue
from rq.job import Job

from app.queues import CairnWorker
from app.redis_store import get_redis

JOBS = "tests.operations.jobs_for_operations"
SUCCEED = f"{JOBS}.succeed"
FAILING = f"{JOBS}.fail_with_markup"
REPORTER = f"{JOBS}.report_own_worker"


def queue(name: str = "default") -> Queue:
    return Queue(name, connection=get_redis())


def run_burst(app, name: str = "default") -> None:
    """Run a real worker over the queue until it is empty (it registers and unregisters itself)."""
    CairnWorker([queue(name)], connection=get_redis(), app=app).work(burst=True, logging_level="WARNING")


def failed_job(app, name: str = "default") -> Job:
    """A job that really failed in a worker, with an exception message full of markup."""
    job = queue(name).enqueue(FAILING)
    run_burst(app, name)
    job.refresh()
    assert job.get_status() == "failed"
    return job
