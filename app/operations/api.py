"""REST API: `/api/v1/operations` — the operations snapshot, and requeueing or deleting failed jobs.

Technical users and admins only, like the operations page; the same service builds both.
"""

from __future__ import annotations

from flask_smorest import Blueprint

from app.auth.models import Role
from app.auth.permissions import api_blueprint, require_role
from app.operations import service
from app.operations.schemas import RequeuedJobSchema, SnapshotSchema
from app.redis_store import get_redis

blp = api_blueprint(
    Blueprint(
        "operations_api",
        __name__,
        url_prefix="/api/v1/operations",
        description="Operations: queue depths, failed jobs, live workers, throttled calls per host.",
    )
)

technical = require_role(Role.TECHNICAL)


@blp.route("")
@blp.response(200, SnapshotSchema)
@technical
def get_snapshot():
    """Per queue: queued, started, scheduled (next due), failed, deferred; the newest failed jobs;
    workers alive with their current job and heartbeat; throttled calls waiting per host."""
    return service.snapshot(get_redis())


@blp.route("/failed-jobs/<job_id>/requeue", methods=["POST"])
@blp.response(202, RequeuedJobSchema)
@technical
def requeue_failed_job(job_id: str):
    """Put a failed job back on its queue; 404 when it is not (or no longer) a failed job."""
    return service.requeue_failed_job(get_redis(), job_id)


@blp.route("/failed-jobs/<job_id>", methods=["DELETE"])
@blp.response(204)
@technical
def delete_failed_job(job_id: str):
    """Delete a failed job and its results; 404 when it is not (or no longer) a failed job."""
    service.delete_failed_job(get_redis(), job_id)
