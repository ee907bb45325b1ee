"""RQ queues and the worker class that runs Cairn's jobs inside the Flask app context."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, current_app
from rq import Queue, SimpleWorker

from app.redis_store import get_redis

DEFAULT_QUEUES = ("runner", "default")
"""Queues a worker listens to when `--queues` is not given, highest priority first
("runner": journey instances, see `app.runner.jobs`)."""

WORKER_MAINTENANCE_HOOKS: list[Callable[[], object]] = []
"""Called in the app context when a worker starts and then at RQ's maintenance interval (10
minutes): the runner re-enqueues work abandoned by dead workers or lost with Redis."""


def get_queue(name: str = "default") -> Queue:
    return Queue(name, connection=get_redis())


class CairnWorker(SimpleWorker):
    """Runs each job in-process inside a fresh app context.

    In-process (no fork per job) because Cairn's jobs are short batches of its own code and a fork
    per job would cost more than the job; a fresh app context per job gives each job its own
    database session, released when the job ends.
    """

    def __init__(self, *args, app: Flask, **kwargs):
        super().__init__(*args, **kwargs)
        self.app = app

    def run_maintenance_tasks(self) -> None:
        super().run_maintenance_tasks()
        for hook in WORKER_MAINTENANCE_HOOKS:
            with self.app.app_context():
                try:
                    hook()
                except Exception:  # a failing hook must not stop the worker from working
                    self.log.exception("worker maintenance hook %r failed", hook)

    def perform_job(self, job, queue, *args, **kwargs) -> bool:
        with self.app.app_context():
            return super().perform_job(job, queue, *args, **kwargs)


def build_worker(queue_names: list[str]) -> CairnWorker:
    connection = get_redis()
    queues = [Queue(name, connection=connection) for name in queue_names]
    return CairnWorker(queues, connection=connection, app=current_app._get_current_object())
