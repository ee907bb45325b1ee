"""`/api/v1/journeys`: build, save, publish, close, stop, version, export, import and report on
journeys.

Marketers and every role above them may use all of it. The graph body of `PUT .../graph` is the
graph object itself (see `docs/journey-graph.md`); the service validates it.
"""

from flask import jsonify, request
from flask_login import current_user
from flask_smorest import Blueprint

from app.auth.models import Role
from app.auth.permissions import api_blueprint, require_role
from app.errors import InvalidInput, error_body
from app.journeys import report, service
from app.journeys.schemas import (
    ImportResultSchema,
    JourneyCreateSchema,
    JourneyDetailSchema,
    JourneyExportSchema,
    JourneyListingSchema,
    JourneySchema,
    JourneySearchSchema,
    JourneySettingsSchema,
    ProblemSchema,
    ProblemsSchema,
    ReportQuerySchema,
    ReportSchema,
    VersionSchema,
)

blp = api_blueprint(
    Blueprint("journeys_api", __name__, url_prefix="/api/v1/journeys", description="Journeys")
)

marketer = require_role(Role.MARKETER)


@blp.route("")
@blp.arguments(JourneySearchSchema, location="query")
@blp.response(200, JourneyListingSchema(many=True))
@marketer
def list_journeys(query):
    """Journeys, most recently edited first; `search` filters by name."""
    return service.list_journeys(query["search"])


@blp.route("", methods=["POST"])
@blp.arguments(JourneyCreateSchema)
@blp.response(201, JourneyDetailSchema)
@marketer
def create_journey(data):
    """Create a draft journey, optionally starting with its entry event."""
    return service.create_journey(
        data["name"], data["description"], data["entry_event"], current_user
    )


@blp.route("/<int:journey_id>")
@blp.response(200, JourneyDetailSchema)
@marketer
def get_journey(journey_id: int):
    """The journey, its current graph (the draft, else the live one) and the draft's problems."""
    return service.get_journey(journey_id)


@blp.route("/<int:journey_id>", methods=["PATCH"])
@blp.arguments(JourneySettingsSchema)
@blp.response(200, JourneySchema)
@marketer
def update_journey(changes, journey_id: int):
    """Change the name, description or re-entry settings."""
    return service.update_settings(journey_id, changes, current_user)


@blp.route("/<int:journey_id>", methods=["DELETE"])
@blp.response(204)
@marketer
def delete_journey(journey_id: int):
    """Delete a journey that was never published."""
    service.delete_draft(journey_id)


@blp.route("/<int:journey_id>/graph", methods=["PUT"])
@blp.response(200, ProblemsSchema)
@marketer
def save_graph(journey_id: int):
    """Save the draft; the body is the graph object. Answers the draft's problems.

    A body that is not a well-formed graph is refused (422) and the stored draft stays as it was.
    """
    graph_data = request.get_json(silent=True)
    if graph_data is None:
        raise InvalidInput.on("graph", "the request body must be a JSON graph object")
    return {"problems": service.save_draft(journey_id, graph_data, current_user)}


@blp.route("/<int:journey_id>/publish", methods=["POST"])
@blp.response(200, JourneyDetailSchema)
@marketer
def publish(journey_id: int):
    """Publish the draft as the live version; 422 listing the problems if it has any."""
    try:
        service.publish(journey_id, current_user)
    except service.PublishRefused as refused:
        body = error_body(refused.code, refused.message, refused.fields)
        body["error"]["problems"] = ProblemSchema(many=True).dump(refused.problems)
        response = jsonify(body)
        response.status_code = refused.status
        return response
    return service.get_journey(journey_id)


@blp.route("/<int:journey_id>/close", methods=["POST"])
@blp.response(200, JourneySchema)
@marketer
def close(journey_id: int):
    """Close to new entries; instances in flight finish."""
    return service.close(journey_id, current_user)


@blp.route("/<int:journey_id>/stop", methods=["POST"])
@blp.response(200, JourneySchema)
@marketer
def stop(journey_id: int):
    """Stop: no new entries, and instances in flight halt at their next step."""
    return service.stop(journey_id, current_user)


@blp.route("/<int:journey_id>/duplicate", methods=["POST"])
@blp.response(201, JourneySchema)
@marketer
def duplicate(journey_id: int):
    """A new draft journey copying this one's current graph and settings."""
    return service.duplicate(journey_id, current_user)


@blp.route("/<int:journey_id>/versions")
@blp.response(200, VersionSchema(many=True))
@marketer
def list_versions(journey_id: int):
    """Published versions, newest first, with who published them and what changed."""
    return service.versions(journey_id)


@blp.route("/<int:journey_id>/versions", methods=["POST"])
@blp.response(201, JourneyDetailSchema)
@marketer
def new_version(journey_id: int):
    """Open a draft copy of the live (or latest) version to edit."""
    return service.new_version(journey_id, current_user)


@blp.route("/<int:journey_id>/report")
@blp.arguments(ReportQuerySchema, location="query")
@blp.response(200, ReportSchema)
@marketer
def get_report(query, journey_id: int):
    """The live report of a published version: per node entered, succeeded, failed, stopped and
    waiting (action nodes also calls, error rate and p95 latency), per edge the instances that
    took it. 409 while the journey was never published."""
    return report.journey_report(journey_id, query["version"], query["range"])


@blp.route("/<int:journey_id>/export")
@blp.response(200, JourneyExportSchema)
@marketer
def export_journey(journey_id: int):
    """The journey's graph, settings and the action and event keys it needs."""
    return service.export_journey(journey_id)


@blp.route("/import", methods=["POST"])
@blp.arguments(JourneyExportSchema)
@blp.response(201, ImportResultSchema)
@marketer
def import_journey(data):
    """Create a draft from an export; `missing` lists the action and event keys not found here."""
    return service.import_journey(data, current_user)
