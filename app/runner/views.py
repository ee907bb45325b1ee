"""The step log for people: a journey's instances a page at a time, and each instance's steps as
a timeline, with re-driving from the failed step.

The same data as the runner API (`app.runner.api`), server-rendered. Requests were masked by the
runner before they were stored, and every response excerpt is shown escaped: a third party's body
is untrusted text. Lists and instances still in the journey refresh themselves by htmx polling,
which stops by itself once nothing is running or waiting (the partial drops its trigger).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, Response, abort, flash, redirect, request, url_for
from marshmallow import ValidationError
from sqlalchemy import select

from app.auth.models import Role, as_aware
from app.auth.permissions import login_required_for_blueprint, require_role
from app.errors import NotFound, ServiceError
from app.events import service as events_service
from app.extensions import db
from app.journeys import service as journeys_service
from app.journeys.models import Journey, JourneyVersion
from app.runner import service
from app.runner.models import ACTIVE_STATUSES, Instance, InstanceStatus, Step, StepStatus
from app.runner.schemas import InstanceQuerySchema
from app.web import is_htmx, render_page_or_partial

bp = login_required_for_blueprint(Blueprint("runner", __name__))

marketer = require_role(Role.MARKETER)


@bp.app_template_filter("pretty_json")
def pretty_json(value: Any) -> str:
    """Indented JSON for a <pre>; autoescaping then makes it safe to show."""
    return json.dumps(value, indent=2, ensure_ascii=False, default=str)


@bp.app_template_filter("precise_datetime")
def precise_datetime(moment: datetime) -> str:
    """To the second, in UTC: a timeline's steps are often seconds apart."""
    return as_aware(moment).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


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


LIST_PARAMETERS = {
    "status": "Status", "profile": "Profile", "within": "Created", "from": "From", "to": "To",
    "cursor": "Page", "newer_than": "Page", "limit": "Page size",
}
"""The list's URL parameters, as the page names them in an error."""
FILTER_PARAMETERS = ("status", "profile", "within", "from", "to")
"""The parameters a page link carries on (paging itself is the link's own)."""
RECENT_LABELS = {"1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days"}


@bp.get("/journeys/<int:journey_id>/instances")
@marketer
def index(journey_id: int):
    """A journey's instances, newest first, a page at a time, with per-status counts.

    Filters and page live in the URL (the form pushes it into the history), so a list can be
    shared and back/forward walk through it; a bad parameter is named above the list.
    """
    journey = _journey_or_404(journey_id)
    filters = {key: value for key in FILTER_PARAMETERS if (value := request.args.get(key, "").strip())}
    paging = {key: value for key in ("cursor", "newer_than") if (value := request.args.get(key, "").strip())}
    page, counts, invalid_fields = None, {}, {}
    try:
        query = InstanceQuerySchema().load(request.args)
    except ValidationError as invalid:
        invalid_fields = invalid.normalized_messages()
    else:
        page = service.list_instances(journey_id, **query)
        counts = service.count_by_status(journey_id, query["filters"])
        filters.update(_datetime_inputs(query["filters"]))
    instances = page.items if page else []
    return render_page_or_partial(
        "runner/instances.html",
        "runner/_instances.html",
        journey=journey,
        listing=page,
        instances=instances,
        counts=counts,
        count_cap=service.COUNT_CAP,
        versions=_version_numbers({instance.version_id for instance in instances}),
        statuses=list(InstanceStatus),
        recent=RECENT_LABELS,
        filters=filters,
        here=url_for("runner.index", journey_id=journey_id, **filters, **paging),
        paged=bool(paging),
        errors=[
            f"{LIST_PARAMETERS.get(field, field)}: {problem}"
            for field, problems in invalid_fields.items() for problem in problems
        ],
        invalid_fields=invalid_fields,
        sample_event=_sample_event(journey) if not instances and not filters else "",
        polling=any(instance.status in ACTIVE_STATUSES for instance in instances),
    )


def _datetime_inputs(filters: service.InstanceFilter) -> dict[str, str]:
    """`from` and `to` as a datetime-local field shows them: in UTC, without an offset (an API
    style `...+02:00` would otherwise leave the field blank while filtering)."""
    bounds = {"from": filters.created_from, "to": filters.created_to}
    return {
        key: moment.astimezone(UTC).replace(tzinfo=None).isoformat(
            timespec="seconds" if moment.second or moment.microsecond else "minutes"
        )
        for key, moment in bounds.items() if moment is not None
    }


def progress_stamp(instance: Instance) -> str:
    """A short digest of everything the instance page shows that the runner changes: a poll
    that brings the same stamp is answered 204, so htmx leaves the page (and any opened
    request or response) as it is while nothing happens."""
    state = [instance.status, instance.node_id, instance.error, instance.due_at, instance.updated_at]
    for step in instance.steps:
        state.append([getattr(step, column.key) for column in Step.__mapper__.column_attrs])
    return hashlib.blake2b(repr(state).encode(), digest_size=8).hexdigest()


@bp.app_template_filter("step_duration")
def step_duration(step: Step) -> str:
    """How long a step took, as a person reads it: the call's own time for an action, else from
    start to finish (a wait); empty while unfinished."""
    if step.duration_ms is not None:
        seconds = step.duration_ms / 1000
    elif step.finished_at is not None:
        seconds = (as_aware(step.finished_at) - as_aware(step.started_at)).total_seconds()
    else:
        return ""
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    units = [(days, "d"), (hours, "h"), (minutes, "min"), (seconds, "s")]
    first = next(index for index, (amount, _) in enumerate(units) if amount)
    return " ".join(f"{amount} {unit}" for amount, unit in units[first:first + 2] if amount)


def _render_instance(instance: Instance, retry_error: str | None = None) -> Response:
    # The step a retry starts from (a failed step whose error port led on is no failure of the
    # instance's).
    failed = instance.status == InstanceStatus.FAILED and next(
        (step for step in reversed(instance.steps) if step.status == StepStatus.FAILED), None
    )
    return render_page_or_partial(
        "runner/instance.html",
        "runner/_instance.html",
        instance=instance,
        journey=db.session.get(Journey, instance.journey_id),
        version_number=_version_numbers({instance.version_id}).get(instance.version_id),
        titles=_node_titles(instance.version_id),
        failed_step=failed,
        polling=instance.status in ACTIVE_STATUSES,
        stamp=progress_stamp(instance),
        retry_error=retry_error,
    )


@bp.get("/instances/<int:instance_id>")
@marketer
def show(instance_id: int):
    """One instance and the timeline of every step it took; a poll that finds nothing new is
    answered 204 (nothing to swap)."""
    instance = _instance_or_404(instance_id)
    if is_htmx() and request.args.get("seen") == progress_stamp(instance):
        return "", 204
    return _render_instance(instance)


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
