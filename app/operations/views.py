"""The operations page: whether the workers keep up, for technical users and admins.

The page polls itself every few seconds (htmx asks for the partial). Failed jobs can be requeued
or deleted from it; those forms post here, and the role is checked in each view because a client
can post to any URL. Exception lines and job descriptions come from job code and third parties:
they are shown escaped like any other text.
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, url_for

from app.auth.models import Role
from app.auth.permissions import login_required_for_blueprint, require_role
from app.errors import NotFound
from app.operations import service
from app.redis_store import get_redis
from app.web import is_htmx, render_page_or_partial

bp = login_required_for_blueprint(Blueprint("operations", __name__, url_prefix="/operations"))
technical = require_role(Role.TECHNICAL)

REFRESH_S = 3


@bp.app_template_filter("duration")
def format_duration(seconds: float | None) -> str:
    """A short human duration: `45 s`, `3 min 20 s`, `2 h 5 min`."""
    if seconds is None:
        return "—"
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


def _render(notice: str | None = None, problem: str | None = None) -> str:
    return render_page_or_partial(
        "operations/index.html",
        "operations/_snapshot.html",
        snapshot=service.snapshot(get_redis()),
        refresh_s=REFRESH_S,
        notice=notice,
        problem=problem,
    )


@bp.get("")
@technical
def index():
    """Queues, failed jobs, workers and throttled calls, refreshed by polling."""
    return _render()


def _answer(notice: str | None, problem: str | None):
    """The refreshed partial for htmx; otherwise a flash and back to the page."""
    if is_htmx():
        return _render(notice=notice, problem=problem)
    flash(problem or notice, "error" if problem else "info")
    return redirect(url_for("operations.index"))


@bp.post("/failed-jobs/<job_id>/requeue")
@technical
def requeue(job_id: str):
    """Put a failed job back on its queue."""
    try:
        job = service.requeue_failed_job(get_redis(), job_id)
    except NotFound as missing:
        return _answer(None, missing.message)
    return _answer(f"Job {job.id} is back on the {job.origin} queue.", None)


@bp.post("/failed-jobs/<job_id>/delete")
@technical
def delete(job_id: str):
    """Delete a failed job and its results."""
    try:
        service.delete_failed_job(get_redis(), job_id)
    except NotFound as missing:
        return _answer(None, missing.message)
    return _answer(f"Job {job_id} deleted.", None)
