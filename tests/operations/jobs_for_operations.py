"""Job functions the operations tests enqueue (RQ imports jobs by dotted path)."""

from __future__ import annotations

import dataclasses

from rq import get_current_job

from app.operations import service
from app.redis_store import get_redis

HOSTILE_ERROR = '<script>alert("owned")</script> & <b>bold</b>'


def succeed() -> str:
    return "ok"


def fail_with_markup() -> None:
    """Fails with an exception whose message is markup the page must escape."""
    raise ValueError(HOSTILE_ERROR)


def report_own_worker() -> dict:
    """What the operations snapshot says about the worker running this very job, and its queue."""
    me = get_current_job()
    taken = service.snapshot(get_redis(), queue_names=[me.origin])
    [worker] = [w for w in taken.workers if w.current_job and w.current_job.id == me.id]
    return {"worker": dataclasses.asdict(worker), "queue": dataclasses.asdict(taken.queues[0])}
