"""REST API: `/api/v1/event-types` (definitions) and `/api/v1/events/<key>` (ingest).

Anyone signed in may read definitions and send events; only technical users change definitions.
"""

from __future__ import annotations

from flask import request
from flask_smorest import Blueprint

from app.auth.models import Role
from app.auth.permissions import api_blueprint, require_role
from app.events import service
from app.events.schemas import (
    AcceptedBatchSchema,
    AcceptedEventSchema,
    EventTypeSchema,
    EventTypeUpdateSchema,
    SearchArgsSchema,
)

types_blp = api_blueprint(
    Blueprint(
        "event_types_api",
        __name__,
        url_prefix="/api/v1/event-types",
        description="Event types: what producers may send, and which field names the profile.",
    )
)
ingest_blp = api_blueprint(
    Blueprint(
        "events_api",
        __name__,
        url_prefix="/api/v1/events",
        description="Send events; each accepted event may start journeys for its profile.",
    )
)

PAYLOAD_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {"type": "object", "description": "The payload, checked against the event type."}
        }
    },
}
BATCH_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "array",
                "items": {"type": "object"},
                "minItems": 1,
                "maxItems": service.MAX_BATCH,
                "description": "Payloads, stored all or none; problems are named like `3.email`.",
            }
        }
    },
}


@types_blp.route("", methods=["GET"])
@types_blp.arguments(SearchArgsSchema, location="query")
@types_blp.response(200, EventTypeSchema(many=True))
def list_event_types(args):
    """Event types, by name; `q` filters on key or name."""
    return service.list_event_types(args["q"])


@types_blp.route("", methods=["POST"])
@require_role(Role.TECHNICAL)
@types_blp.arguments(EventTypeSchema)
@types_blp.response(201, EventTypeSchema)
def create_event_type(definition):
    """Define an event type (technical users)."""
    return service.create_event_type(definition)


@types_blp.route("/<key>", methods=["GET"])
@types_blp.response(200, EventTypeSchema)
def get_event_type(key: str):
    """One event type, with the journeys using it."""
    return service.get_event_type(key)


@types_blp.route("/<key>", methods=["PUT"])
@require_role(Role.TECHNICAL)
@types_blp.arguments(EventTypeUpdateSchema)
@types_blp.response(200, EventTypeSchema)
def update_event_type(definition, key: str):
    """Replace a definition; once journeys use it, fields may be added but not removed or retyped."""
    return service.update_event_type(key, definition)


@types_blp.route("/<key>", methods=["DELETE"])
@require_role(Role.TECHNICAL)
@types_blp.response(204)
def delete_event_type(key: str):
    """Delete an event type no journey uses (409 lists the journeys otherwise)."""
    service.delete_event_type(key)


@ingest_blp.route("/<key>", methods=["POST"])
@ingest_blp.doc(requestBody=PAYLOAD_BODY)
@ingest_blp.response(202, AcceptedEventSchema)
def ingest_event(key: str):
    """Send one event of type `key`; 422 names each field that does not fit."""
    return {"id": service.ingest_event(key, request.get_json())}


@ingest_blp.route("/<key>/batch", methods=["POST"])
@ingest_blp.doc(requestBody=BATCH_BODY)
@ingest_blp.response(202, AcceptedBatchSchema)
def ingest_batch(key: str):
    """Send up to 1,000 events of type `key` at once: all are stored, or none."""
    return {"ids": service.ingest_events(key, request.get_json())}
