"""The step log for people: a journey's instances and each instance's steps, with re-driving.

The same data as the runner API (`app.runner.api`), server-rendered. Requests were masked by the
runner before they were stored, and every response excerpt is shown escaped: a third party's body
is untrusted text. Lists and instances still in the journey refresh themselves by htmx polling,
which stops by itself once nothing is running or waiting (the partial drops its trigger).
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, abort, flash, redirect, request, url_for
from sqlalchemy import select

from app.auth.models import Role
from app.auth.permissions import login_required_for_blueprint, require_role
from app.errors import NotFound, ServiceError
from app.events import service as events_service
from app.extensions import db
from app.journeys import service as journeys_service
from app.journeys.models import Journey, JourneyVersion
from app.runner import service
from app.runner.models import ACTIVE_STATUSES, Instance, InstanceStatus
from app.web import is_htmx, render_page_or_partial

bp = login_required_for_blueprint(Blueprint("runner", __name__))

marketer = require_role(Role.MARKETER)


@bp.app_template_filter("pretty_json")
def pretty_json(value: Any) -> str:
    """Indented JSON for a <pre>; autoescaping then makes it safe to show."""
    return json.dumps(value, indent=2, ensure_ascii=False, default=str)


def _journey_or_404(journey_id: int) -> Journey:
    try:
        return journeys_service.get_journey(journey_id)
    except NotFound:
        abort(404)


def _instance_or_404(instance_id: int) -> Instance:
    try:
        return service.get_instance(instance_id)
    except NotFound:
        abort(404)


def _version_numbers(version_ids: set[int]) -> dict[int, int]:
    rows = db.session.execute(
        select(JourneyVersion.id, JourneyVersion.number).where(JourneyVersion.id.in_(version_ids))
    )
    return {version_id: number for version_id, number in rows}


def _sample_event(journey: Journey) -> str:
    """The entry event type's sample payload, for the empty state's curl example."""
    if not journey.entry_event:
        return ""
    try:
        sample = events_service.get_event_type(journey.entry_event).sample
    except NotFound:
        return ""
    return json.dumps(sample) if sample else ""


def _node_titles(version_id: int) -> dict[str, str]:
    """Node id -> what the canvas calls it (its label, else its action or event key, else type)."""
    version = db.session.get(JourneyVersion, version_id)
    titles: dict[str, str] = {}
    for node in (version.graph if version else {}).get("nodes", ()):
        title = node.get("label") or node.get("action") or node.get("event") or node.get("type")
        titles[node["id"]] = str(title)
    return titles


@bp.get("/journeys/<int:journey_id>/instances")
@marketer
def index(journey_id: int):
    """A journey's instances, newest first, filtered by status and by exact profile id."""
    journey = _journey_or_404(journey_id)
    status = request.args.get("status", "")
    search = request.args.get("q", "").strip()
    filter_error = None
    try:
        instances = service.list_instances(journey_id, status or None, search or None)
    except ServiceError as failure:
        instances = []
        fields = failure.fields or {}
        filter_error = "; ".join(
            f"{field.capitalize()} {problem}" for field, problems in fields.items() for problem in problems
        ) or failure.message
    return render_page_or_partial(
        "runner/instances.html",
        "runner/_instances.html",
        journey=journey,
        instances=instances,
        versions=_version_numbers({instance.version_id for instance in instances}),
        statuses=list(InstanceStatus),
        status=status,
        search=search,
        filter_error=filter_error,
        sample_event=_sample_event(journey) if not instances else "",
        polling=any(instance.status in ACTIVE_STATUSES for instance in instances),
    )


def _render_instance(instance: Instance, retry_error: str | None = None) -> str:
    return render_page_or_partial(
        "runner/instance.html",
        "runner/_instance.html",
        instance=instance,
        journey=db.session.get(Journey, instance.journey_id),
        version_number=_version_numbers({instance.version_id}).get(instance.version_id),
        titles=_node_titles(instance.version_id),
        polling=instance.status in ACTIVE_STATUSES,
        retry_error=retry_error,
    )


@bp.get("/instances/<int:instance_id>")
@marketer
def show(instance_id: int):
    """One instance and every step it took, in order."""
    return _render_instance(_instance_or_404(instance_id))


@bp.post("/instances/<int:instance_id>/retry")
@marketer
def retry(instance_id: int):
    """Re-drive a failed instance from its failed step; a refusal is shown next to the button."""
    try:
        instance = service.retry_instance(instance_id)
    except NotFound:
        abort(404)
    except ServiceError as failure:
        if not is_htmx():
            flash(failure.message, "error")
            return redirect(url_for("runner.show", instance_id=instance_id))
        return _render_instance(_instance_or_404(instance_id), retry_error=failure.message)
    if not is_htmx():
        flash("Retrying from the failed step.", "info")
        return redirect(url_for("runner.show", instance_id=instance_id))
    return _render_instance(instance)
