"""REST API: `/api/v1/actions` — list, read, create, replace, delete, duplicate and test actions.

Everyone signed in may read (secrets come back as "••••"); only technical users write, send
test calls or read an action's health (`/<key>/health`, from the runner's counters). A built-in
action (Email, SMS, Push) is configured with `PUT` of its platform settings instead of a whole
contract.

`/api/v1/action-templates` lists the templates catalog (`app.actions.templates_catalog`) for
technical users: `POST` a template's contract to `/api/v1/actions` once its `fill_in` fields are
filled.
"""

from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from app.actions import health, service
from app.actions.builtins import PlatformSettingsSchema
from app.actions.models import Action, Channel
from app.actions.schemas import ActionSpecSchema
from app.actions.templates_catalog import get_template, list_templates
from app.auth.models import Role
from app.auth.permissions import api_blueprint, require_role
from app.errors import error_body
from app.runner.stats import Figures

blp = api_blueprint(
    Blueprint(
        "actions_api",
        __name__,
        url_prefix="/api/v1/actions",
        description="Actions: the REST calls journeys make. Secrets are write-only.",
    )
)

templates_blp = api_blueprint(
    Blueprint(
        "action_templates_api",
        __name__,
        url_prefix="/api/v1/action-templates",
        description="Action contracts pre-filled from providers' API references, to complete and create.",
    )
)


class JourneyUsageSchema(Schema):
    id = fields.Raw()
    name = fields.Str()
    status = fields.Str()


class ActionSchema(ActionSpecSchema):
    """An action as read back: the contract (secrets masked) and its state."""

    builtin = fields.Bool(dump_only=True)
    configured = fields.Bool(dump_only=True)
    needs_configuration_reason = fields.Str(dump_only=True, allow_none=True)
    platform_settings = fields.Dict(dump_only=True, allow_none=True, metadata={
        "description": "Built-in actions only: the base URL and transactional message id."})
    used_by = fields.List(fields.Nested(JourneyUsageSchema), dump_only=True)
    usage_count = fields.Int(dump_only=True)
    created_at = fields.DateTime(dump_only=True)
    updated_at = fields.DateTime(dump_only=True)


class SavedActionSchema(ActionSchema):
    warnings = fields.List(fields.Str(), dump_only=True, metadata={
        "description": "Things to know about the change, e.g. live journeys keep the old version."})


class ListArgsSchema(Schema):
    q = fields.Str(load_default="", metadata={"description": "Matches key, name or description."})
    channel = fields.Str(load_default=None, metadata={"enum": [channel.value for channel in Channel]})
    needs_configuration = fields.Bool(load_default=None)


class SampleValuesSchema(Schema):
    params = fields.Dict(load_default=dict, metadata={"description": "Parameter values by name."})
    headers = fields.Dict(load_default=dict, metadata={"description": "Variable header values."})
    query = fields.Dict(load_default=dict, metadata={"description": "Variable query values."})
    path = fields.Str(load_default=None, allow_none=True,
                      metadata={"description": "Appended to the URL when the action has a dynamic path."})


class TestCallSchema(Schema):
    request = fields.Dict(metadata={"description": "The request sent, secrets masked."})
    status = fields.Int(allow_none=True)
    duration_ms = fields.Int(allow_none=True)
    response_headers = fields.Dict()
    response_body = fields.Str(metadata={"description": "The first 10,000 characters."})
    truncated = fields.Bool()
    error = fields.Str(allow_none=True)
    ok = fields.Bool()


CONTRACT_BODY = {
    "required": True,
    "content": {"application/json": {"schema": ActionSpecSchema}},
}
UPDATE_BODY = {
    "required": True,
    "description": "A custom action's whole contract, or a built-in action's platform settings. "
    "A secret sent as \"••••\" keeps the stored one.",
    "content": {
        "application/json": {"schema": {"oneOf": [ActionSpecSchema, PlatformSettingsSchema]}}
    },
}


def present(action: Action, *, used_by: list[dict] | None = None) -> dict:
    """The fields `ActionSchema` dumps: the stored contract (masked by the schema) and state."""
    used_by = service.usage(action.key) if used_by is None else used_by
    return {
        **service.masked_contract(action),
        "builtin": action.builtin,
        "configured": action.configured,
        "needs_configuration_reason": action.needs_configuration_reason,
        "platform_settings": action.platform_settings,
        "used_by": used_by,
        "usage_count": len(used_by),
        "created_at": action.created_at,
        "updated_at": action.updated_at,
    }


def json_body() -> dict:
    """The request's JSON body, whatever it holds (the service says what is wrong with it)."""
    return request.get_json(silent=True)


@blp.route("", methods=["GET"])
@blp.arguments(ListArgsSchema, location="query")
@blp.response(200, ActionSchema(many=True))
def list_actions(args):
    """Actions by name; filter with `q`, `channel` and `needs_configuration`."""
    actions = service.list_actions(args["q"], args["channel"], args["needs_configuration"])
    return [present(action) for action in actions]


@blp.route("", methods=["POST"])
@require_role(Role.TECHNICAL)
@blp.doc(requestBody=CONTRACT_BODY)
@blp.response(201, SavedActionSchema)
def create_action():
    """Create a custom action (technical users)."""
    action = service.create_action(json_body(), current_user)
    return {**present(action, used_by=[]), "warnings": []}


@blp.route("/<key>", methods=["GET"])
@blp.response(200, ActionSchema)
def get_action(key: str):
    """One action, with the journeys using it."""
    return present(service.get_action(key))


@blp.route("/<key>", methods=["PUT"])
@require_role(Role.TECHNICAL)
@blp.doc(requestBody=UPDATE_BODY)
@blp.response(200, SavedActionSchema)
def update_action(key: str):
    """Replace a custom action's contract, or configure a built-in action (technical users)."""
    action, warnings = service.update_action(key, json_body(), current_user)
    return {**present(action), "warnings": warnings}


@blp.route("/<key>", methods=["DELETE"])
@require_role(Role.TECHNICAL)
@blp.response(204)
@blp.alt_response(409, description="Journeys use the action; `error.journeys` lists them.")
def delete_action(key: str):
    """Delete an action no journey uses (technical users)."""
    try:
        service.delete_action(key)
    except service.ActionInUse as refused:
        body = error_body(refused.code, refused.message, refused.fields)
        body["error"]["journeys"] = refused.journeys
        response = jsonify(body)
        response.status_code = refused.status
        return response
    return None


@blp.route("/<key>/duplicate", methods=["POST"])
@require_role(Role.TECHNICAL)
@blp.response(201, SavedActionSchema)
def duplicate_action(key: str):
    """Copy an action under a new key such as `send-welcome-copy` (technical users)."""
    action = service.duplicate_action(key, current_user)
    return {**present(action, used_by=[]), "warnings": []}


@blp.route("/<key>/test", methods=["POST"])
@require_role(Role.TECHNICAL)
@blp.arguments(SampleValuesSchema)
@blp.response(200, TestCallSchema)
def test_action(sample_values, key: str):
    """Send one real request with sample values; secrets are masked in the answer."""
    result = service.test_call(service.get_action(key), sample_values)
    return {**vars(result), "ok": result.ok}


class HealthArgsSchema(Schema):
    range = fields.Str(
        load_default=health.DEFAULT_RANGE,
        validate=validate.OneOf(list(health.RANGES)),
        metadata={"description": "1h (per minute), 24h (per hour) or 7d (per hour)."},
    )


class LatencySchema(Schema):
    p50 = fields.Float(allow_none=True)
    p95 = fields.Float(allow_none=True)
    p99 = fields.Float(allow_none=True)
    mean = fields.Float(allow_none=True)


class HealthFiguresSchema(Schema):
    calls = fields.Int(metadata={"description": "Call attempts (a retried call counts each attempt)."})
    call_errors = fields.Int()
    error_rate = fields.Float(allow_none=True, metadata={
        "description": "call_errors / calls; null without calls."})
    latency_ms = fields.Nested(LatencySchema, metadata={
        "description": "Estimated from a latency histogram, within one bucket's width; null without calls."})


class HealthBucketSchema(HealthFiguresSchema):
    start = fields.DateTime()


class FailureSchema(Schema):
    step_id = fields.Int()
    instance_id = fields.Int()
    journey_id = fields.Int()
    journey_name = fields.Str()
    profile_id = fields.Str()
    node_id = fields.Str()
    at = fields.DateTime()
    response_status = fields.Int(allow_none=True)
    error = fields.Str(allow_none=True)
    response_excerpt = fields.Str(allow_none=True, metadata={
        "description": f"The response's first {health.EXCERPT_CHARS} characters, as received."})


class ActionHealthSchema(Schema):
    action_key = fields.Str()
    range = fields.Str()
    resolution = fields.Str(metadata={"description": "The width of a series bucket: minute, hour or day."})
    start = fields.DateTime(metadata={
        "description": "The first bucket's start; the totals cover the same time."})
    end = fields.DateTime()
    ever_called = fields.Bool()
    totals = fields.Nested(HealthFiguresSchema)
    series = fields.List(fields.Nested(HealthBucketSchema), metadata={
        "description": "Oldest first, gaps included."})
    recent_failures = fields.List(fields.Nested(FailureSchema), metadata={
        "description": f"The newest {health.FAILURES_SHOWN} failed steps, whatever the range."})


def _figures(figures: Figures) -> dict:
    latency = figures.latency
    return {
        "calls": figures.calls,
        "call_errors": figures.call_errors,
        "error_rate": figures.error_rate,
        "latency_ms": {
            **{name: latency.quantile(q) for name, q in health.PERCENTILES},
            "mean": latency.mean_ms,
        },
    }


@blp.route("/<key>/health", methods=["GET"])
@require_role(Role.TECHNICAL)
@blp.arguments(HealthArgsSchema, location="query")
@blp.response(200, ActionHealthSchema)
def action_health(args, key: str):
    """Calls, errors and latency over a range, per bucket, and the latest failures (technical users)."""
    found = health.action_health(service.get_action(key).key, health.RANGES[args["range"]])
    return {
        "action_key": found.action_key,
        "range": found.range.key,
        "resolution": found.range.unit,
        "start": found.start,
        "end": found.end,
        "ever_called": found.ever_called,
        "totals": _figures(found.totals),
        "series": [{"start": moment, **_figures(figures)} for moment, figures in found.series],
        "recent_failures": found.failures,
    }


class FillInSchema(Schema):
    field = fields.Str(metadata={"description": "The contract field, dotted as in a 422 (`auth.token`)."})
    hint = fields.Str()


class ActionTemplateSchema(Schema):
    key = fields.Str()
    name = fields.Str()
    summary = fields.Str()
    documentation_url = fields.Str(allow_none=True)
    fill_in = fields.List(fields.Nested(FillInSchema), metadata={
        "description": "What to fill in before creating: secrets are empty, stand-ins upper-case."})
    contract = fields.Dict(attribute="spec", metadata={
        "description": "The action contract, ready for POST /api/v1/actions once filled in."})


@templates_blp.route("", methods=["GET"])
@require_role(Role.TECHNICAL)
@templates_blp.response(200, ActionTemplateSchema(many=True))
def list_action_templates():
    """Every action template (technical users)."""
    return list_templates()


@templates_blp.route("/<key>", methods=["GET"])
@require_role(Role.TECHNICAL)
@templates_blp.response(200, ActionTemplateSchema)
def get_action_template(key: str):
    """One action template (technical users)."""
    return get_template(key)
