"""The journey builder's pages: the journeys list, the create form and the canvas page.

The canvas page is the marketer's workplace. The graph lives in the browser (static/js/canvas.js)
and is autosaved through the API (`PUT /api/v1/journeys/<id>/graph`); this module serves what the
page needs around it, server-rendered: the palette, the configuration pane of a node (an htmx
partial built from the node *as the browser has it*, since the draft may not be saved yet), the
as-you-type expression check, and the lifecycle buttons (publish, new version, close, stop,
settings). A published version opens read-only with its live report (static/js/report.js polls
the report API; clicking a node lists its recent steps, a partial from here).
Every view checks the role itself: a client can ask for any partial directly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.actions import service as actions_service
from app.auth.models import Role
from app.auth.permissions import login_required_for_blueprint, require_role
from app.errors import InvalidInput, ServiceError
from app.events import service as events_service
from app.expressions import FieldSpec, check_expression
from app.journeys import report, service
from app.journeys.catalog import current_catalog
from app.journeys.graph import Node, ParameterInfo, infer_field_type
from app.journeys.models import Journey, JourneyVersion, Reentry
from app.journeys.schemas import ProblemSchema
from app.web import is_htmx, render_page_or_partial

bp = login_required_for_blueprint(Blueprint("journeys", __name__, url_prefix="/journeys"))

marketer = require_role(Role.MARKETER)

WAIT_UNITS = (("minutes", 60), ("hours", 3600), ("days", 86400))
REENTRY_LABELS = {
    Reentry.NEVER: "Never: a profile enters this journey once",
    Reentry.AFTER_WAIT: "After a wait period since its last entry",
    Reentry.ALWAYS: "Always: every event starts a new instance",
}
REPORT_RANGE_LABELS = {
    report.ReportRange.HOUR: "Last hour",
    report.ReportRange.DAY: "24 hours",
    report.ReportRange.WEEK: "7 days",
    report.ReportRange.PUBLISH: "Since publish",
}
REPORT_POLL_MS = 3000
"""How often the canvas refreshes its report while the tab is visible."""
CONDITION_OPERATORS = (
    ("==", "is"),
    ("!=", "is not"),
    (">", "greater than"),
    (">=", "at least"),
    ("<", "less than"),
    ("<=", "at most"),
    ("contains", "contains"),
    ("startsWith", "starts with"),
)


# ---------------------------------------------------------------------------------------------
# The list, creating, duplicating and deleting


@bp.get("/")
@marketer
def index():
    search = request.args.get("q", "")
    return render_page_or_partial(
        "journeys/index.html",
        "journeys/_journeys.html",
        journeys=service.list_journeys(search),
        search=search,
    )


@bp.route("/new", methods=["GET", "POST"])
@marketer
def new():
    """Name, description and entry event; creating opens the canvas with the event placed."""
    form = {
        "name": request.form.get("name", ""),
        "description": request.form.get("description", ""),
        "entry_event": request.form.get("entry_event", "") or request.args.get("event", ""),
    }
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            journey = service.create_journey(
                form["name"], form["description"], form["entry_event"] or None, current_user
            )
        except ServiceError as failure:
            errors = failure.fields or {"name": [failure.message]}
        else:
            return redirect(url_for("journeys.edit", journey_id=journey.id))
    page = render_template(
        "journeys/new.html", form=form, errors=errors, event_types=events_service.list_event_types()
    )
    return page, 422 if errors else 200


@bp.post("/<int:journey_id>/duplicate")
@marketer
def duplicate(journey_id: int):
    copy = _or_flash(lambda: service.duplicate(journey_id, current_user))
    if copy is None:
        return redirect(url_for("journeys.index"))
    flash(f"Created “{copy.name}”, a draft copy.", "info")
    return redirect(url_for("journeys.edit", journey_id=copy.id))


@bp.post("/<int:journey_id>/delete")
@marketer
def delete(journey_id: int):
    """Delete a never-published journey; from the list (htmx) the list is redrawn in place."""
    error = None
    try:
        service.delete_draft(journey_id)
    except ServiceError as failure:
        error = failure.message
    if is_htmx():
        search = request.args.get("q", "")
        return render_template(
            "journeys/_journeys.html",
            journeys=service.list_journeys(search),
            search=search,
            list_error=error,
        )
    flash(error or "Journey deleted.", "error" if error else "info")
    return redirect(url_for("journeys.index"))


def _or_flash(change):
    """Run a service call; on refusal flash its message and answer None."""
    try:
        return change()
    except ServiceError as failure:
        flash(failure.message, "error")
        return None


# ---------------------------------------------------------------------------------------------
# The canvas page and its lifecycle buttons


@bp.get("/<int:journey_id>")
@marketer
def edit(journey_id: int):
    """The canvas: the open draft to edit, else (or with `?version=N`) a published version,
    read-only, with its live report (`?range=` picks the report's time range)."""
    journey = _journey_or_404(journey_id)
    reported = _reported_version(journey)
    graph = reported.graph if reported else service.current_graph(journey)
    event_types = events_service.list_event_types()
    actions = sorted(current_catalog().actions.items(), key=lambda item: item[1].name.lower())
    entry = next((et for et in event_types if et.key == journey.entry_event), None)
    page_data = {
        "journey_id": journey.id,
        "graph": graph,
        "read_only": reported is not None or not journey.has_draft,
        "report": _report_page_data(journey, reported),
        "problems": ProblemSchema(many=True).dump(service.draft_problems(journey)),
        "names": {
            "actions": {key: action.name for key, action in actions},
            "events": {event_type.key: event_type.name for event_type in event_types},
        },
        "urls": {
            "save": url_for("journeys_api.save_graph", journey_id=journey.id),
            "pane": url_for("journeys.pane", journey_id=journey.id),
            "test": f"{url_for('journeys_api.get_journey', journey_id=journey.id)}/test",
        },
    }
    return render_template(
        "journeys/edit.html",
        journey=journey,
        page_data=page_data,
        event_types=event_types,
        actions=actions,
        sample_event=json.dumps((entry.sample if entry else None) or {}, indent=2),
        versions=service.versions(journey.id),
        reported=reported,
        report_ranges=REPORT_RANGE_LABELS,
        reentry_choices=REENTRY_LABELS,
        wait_units=WAIT_UNITS,
        settings_errors={},
        settings_saved=False,
    )


def _reported_version(journey: Journey) -> JourneyVersion | None:
    """The version the canvas reports on: `?version=N`, else the live (or newest) one when no
    draft is open; None while a draft is being edited (or was never published)."""
    number = _version_argument()
    if number is None and (journey.has_draft or not journey.versions):
        return None
    return report.report_version(journey.id, number)


def _version_argument() -> int | None:
    raw = request.args.get("version", "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise InvalidInput.on("version", f"must be a version number, not {raw!r}")
    return int(raw)


def _report_page_data(journey: Journey, reported: JourneyVersion | None) -> dict[str, Any] | None:
    """What static/js/report.js needs: the version, the range to start with and its URLs."""
    if reported is None:
        return None
    try:
        time_range = report.ReportRange(request.args.get("range", report.DEFAULT_RANGE))
    except ValueError:
        time_range = report.DEFAULT_RANGE  # a stale or hand-edited link: show the default range
    return {
        "version": reported.number,
        "range": time_range.value,
        "url": url_for("journeys_api.get_report", journey_id=journey.id),
        "steps_url": url_for("journeys.report_steps", journey_id=journey.id),
        "interval_ms": REPORT_POLL_MS,
    }


@bp.get("/<int:journey_id>/report/steps")
@marketer
def report_steps(journey_id: int):
    """The report pane of one node (`?version=N&node=ID`): its newest steps, an htmx partial."""
    version = report.report_version(journey_id, _version_argument())
    node = report.report_node(version, request.args.get("node", ""))
    return render_template(
        "journeys/_report_steps.html",
        journey_id=journey_id,
        version=version,
        node=node,
        title=_node_title(node),
        steps=report.recent_steps(version, node),
        limit=report.RECENT_STEPS,
    )


def _node_title(node: Node) -> str:
    """A node as the canvas titles it: its label, else its action's or event's name."""
    if node.label:
        return node.label
    catalog = current_catalog()
    action, event = node.data.get("action") or "", node.data.get("event") or ""
    named = catalog.actions.get(action) or catalog.events.get(event)
    return named.name if named else node.kind.title


@bp.post("/<int:journey_id>/publish")
@marketer
def publish(journey_id: int):
    try:
        version = service.publish(journey_id, current_user)
    except service.PublishRefused as refused:
        flash(f"Not published: {refused.message} They are listed under Problems.", "error")
    except ServiceError as failure:
        flash(failure.message, "error")
    else:
        flash(f"Published version {version.number}: it is live.", "info")
    return redirect(url_for("journeys.edit", journey_id=journey_id))


LIFECYCLE = {
    "new-version": (service.new_version, "A new draft version is open: edit it and publish."),
    "close": (service.close, "Closed to new entries; instances in flight finish."),
    "stop": (service.stop, "Stopped: no new entries, and instances in flight halt."),
}


@bp.post("/<int:journey_id>/<any('new-version', 'close', 'stop'):change>")
@marketer
def lifecycle(journey_id: int, change: str):
    """Create new version, Close to new entries, Stop: one service call and back to the canvas."""
    call, done = LIFECYCLE[change]
    if _or_flash(lambda: call(journey_id, current_user)) is not None:
        flash(done, "info")
    return redirect(url_for("journeys.edit", journey_id=journey_id))


@bp.post("/<int:journey_id>/settings")
@marketer
def settings(journey_id: int):
    """Re-entry (never / after a wait period / always), answered as the settings form partial."""
    journey = _journey_or_404(journey_id)
    changes: dict[str, Any] = {"reentry": request.form.get("reentry", "")}
    errors: dict[str, list[str]] = {}
    if changes["reentry"] == Reentry.AFTER_WAIT.value:
        changes["reentry_wait_seconds"] = _wait_seconds(request.form)
    try:
        journey = service.update_settings(journey_id, changes, current_user)
    except ServiceError as failure:
        errors = failure.fields or {"reentry": [failure.message]}
    html = render_template(
        "journeys/_settings.html",
        journey=journey,
        reentry_choices=REENTRY_LABELS,
        wait_units=WAIT_UNITS,
        settings_errors=errors,
        settings_saved=not errors,
    )
    return html, 422 if errors else 200


def _wait_seconds(form) -> int | None:
    units = dict(WAIT_UNITS)
    try:
        amount = int(form.get("reentry_wait_amount", ""))
    except ValueError:
        return None
    return amount * units.get(form.get("reentry_wait_unit", ""), 3600)


def _journey_or_404(journey_id: int) -> Journey:
    try:
        return service.get_journey(journey_id)
    except ServiceError:
        abort(404)


# ---------------------------------------------------------------------------------------------
# The configuration pane


@dataclass(frozen=True)
class Mapping:
    """One row of an action's pane: a parameter, variable header or query parameter, or the path."""

    group: str  # params, headers, query or path
    name: str
    type: str
    required: bool
    mode: str  # expression or constant
    text: str


@dataclass(frozen=True)
class FieldChoice:
    """An entry of the field picker: the CEL path it inserts and what it is."""

    path: str
    label: str
    type: str


@bp.post("/<int:journey_id>/pane")
@marketer
def pane(journey_id: int):
    """The pane of one node of the graph the browser holds (`graph` JSON, `node_id`)."""
    journey = _journey_or_404(journey_id)
    try:
        graph = json.loads(request.form.get("graph", ""))
        node = next(n for n in graph["nodes"] if n.get("id") == request.form.get("node_id"))
    except (ValueError, TypeError, KeyError, StopIteration):
        abort(400, "The pane needs the graph and the id of one of its nodes.")
    scope = field_scope(graph, node["id"])
    context = {
        "journey": journey,
        "node": node,
        "read_only": not journey.has_draft,
        "scope": scope,
        "choices": field_choices(scope, graph),
        "check_url": url_for("journeys.check"),
    }
    kind = node.get("type")
    if kind == "action":
        context.update(_action_pane(node))
    elif kind == "condition":
        context["operators"] = CONDITION_OPERATORS
    elif kind == "wait":
        context.update(_wait_pane(node))
    elif kind == "event":
        context["event_type"] = _event_type_or_none(node.get("event"))
    template = {
        "action": "journeys/_pane_action.html",
        "condition": "journeys/_pane_condition.html",
        "wait": "journeys/_pane_wait.html",
        "event": "journeys/_pane_event.html",
    }.get(kind, "journeys/_pane_end.html")
    return render_template(template, **context)


def _action_pane(node: dict) -> dict:
    """Rows for what the journey fills in, and the action's constant configuration, read-only."""
    info = current_catalog().actions.get(node.get("action") or "")
    if info is None:
        return {"action": None, "mappings": []}
    mappings = [_mapping("params", p, node) for p in info.parameters]
    mappings += [_mapping("headers", p, node) for p in info.variable_headers]
    mappings += [_mapping("query", p, node) for p in info.variable_query]
    if info.dynamic_path:
        mappings.append(_mapping("path", ParameterInfo("path"), node))
    spec = _action_spec(node["action"])
    constants = {
        group: [item for item in spec.get(group) or () if not item.get("variable")]
        for group in ("headers", "query")
    }
    return {"action": info, "spec": spec, "mappings": mappings, "constants": constants}


def _action_spec(key: str) -> dict:
    """The stored action contract (its secrets are ciphertext there, and never shown)."""
    try:
        return actions_service.get_action(key).spec
    except ServiceError:
        return {}


def _mapping(group: str, parameter: ParameterInfo, node: dict) -> Mapping:
    value = node.get("path") if group == "path" else (node.get(group) or {}).get(parameter.name)
    row = Mapping(group, parameter.name, parameter.type, parameter.required, "expression", "")
    if isinstance(value, dict) and "value" in value:
        constant = value["value"]
        as_text = isinstance(constant, str) and parameter.type == "string"
        return replace(row, mode="constant", text=constant if as_text else json.dumps(constant))
    return replace(row, text=value) if isinstance(value, str) else row


def _wait_pane(node: dict) -> dict:
    seconds = node.get("seconds")
    amount, unit = "", "hours"
    if isinstance(seconds, int) and seconds > 0:
        unit, size = next(((u, s) for u, s in reversed(WAIT_UNITS) if seconds % s == 0), ("minutes", 60))
        amount = seconds // size if seconds % size == 0 else round(seconds / 60, 2)
    return {"wait_mode": "until" if node.get("until") else "duration", "amount": amount, "unit": unit}


def _event_type_or_none(key: str | None):
    try:
        return events_service.get_event_type(key or "")
    except ServiceError:
        return None


def field_scope(graph: dict, node_id: str) -> FieldSpec:
    """What an expression on `node_id` may read: the entry event's fields and the responses of the
    action nodes that can run before it (the scope the problem finder checks against).

    graph.py keeps its own computation private, so this one walks the browser's graph itself.
    """
    catalog = current_catalog()
    nodes = {n["id"]: n for n in graph.get("nodes", []) if isinstance(n, dict) and "id" in n}
    entries = [n for n in nodes.values() if n.get("type") == "event"]
    event = catalog.events.get(entries[0].get("event")) if len(entries) == 1 else None
    responses = {}
    for ancestor in sorted(_ancestors(graph, node_id)):
        node = nodes.get(ancestor, {})
        if node.get("type") == "action":
            action = catalog.actions.get(node.get("action"))
            sample = action.response_sample if action is not None else None
            responses[ancestor] = infer_field_type(sample) if sample is not None else None
    return {"event": dict(event.fields) if event else None, "nodes": responses}


def _ancestors(graph: dict, node_id: str) -> set[str]:
    """Every node with a path to `node_id`."""
    incoming: dict[str, list[str]] = {}
    for edge in graph.get("edges", []):
        if isinstance(edge, dict):
            incoming.setdefault(edge.get("to"), []).append(edge.get("from"))
    seen: set[str] = set()
    stack = [node_id]
    while stack:
        for parent in incoming.get(stack.pop(), []):
            if parent not in seen and parent != node_id:
                seen.add(parent)
                stack.append(parent)
    return seen


def field_choices(scope: dict, graph: dict) -> list[FieldChoice]:
    """The field picker's entries: event fields, journey fields, then earlier nodes' results."""
    choices = [
        FieldChoice(path, path.removeprefix("event."), type_)
        for path, type_ in _flatten("event", scope.get("event") or {})
    ]
    choices += [
        FieldChoice(f"journey.{name}", f"journey {name}", type_)
        for name, type_ in (("profile_id", "string"), ("id", "integer"), ("instance_id", "string"))
    ]
    titles = {n.get("id"): n.get("action") for n in graph.get("nodes", []) if isinstance(n, dict)}
    for node_id, response in (scope.get("nodes") or {}).items():
        prefix = f"nodes.{node_id}"
        label = f"{node_id} {titles.get(node_id) or ''}".strip()
        choices.append(FieldChoice(f"{prefix}.status_code", f"{label}: status code", "integer"))
        choices += [
            FieldChoice(path, f"{label}: {path.removeprefix(prefix + '.response.')}", type_)
            for path, type_ in _flatten(f"{prefix}.response", response or {})
        ]
    return choices


def _flatten(prefix: str, field_type: Any) -> list[tuple[str, str]]:
    if not isinstance(field_type, dict):
        return [(prefix, str(field_type))]
    flat: list[tuple[str, str]] = []
    for name, member in field_type.items():
        flat += _flatten(f"{prefix}.{name}", member)
    return flat


@bp.post("/expressions/check")
@marketer
def check():
    """Compile one expression as the marketer types; the answer goes under the field."""
    expression = request.form.get("expression", "")
    try:
        scope = json.loads(request.form.get("scope") or "{}")
    except ValueError:
        scope = {}
    expected = request.form.get("expected") or None
    problems = check_expression(expression, scope, expected) if expression.strip() else []
    return render_template(
        "journeys/_expression_check.html", problems=problems, checked=bool(expression.strip())
    )
