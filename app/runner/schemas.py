"""API shapes for instances, their steps and test runs."""

from collections.abc import Mapping
from datetime import UTC
from typing import Any

from marshmallow import (
    EXCLUDE,
    Schema,
    ValidationError,
    fields,
    post_load,
    pre_load,
    validate,
    validates_schema,
)

from app.runner.models import InstanceStatus, StepStatus
from app.runner.service import MAX_LISTED, PAGE_SIZE, RECENT, InstanceFilter

TEST_MODES = ("dry", "live")
BAD_MOMENT = {"invalid": "Not a valid date and time (YYYY-MM-DDTHH:MM, UTC unless an offset is given)."}


class StepSchema(Schema):
    node_id = fields.Str()
    node_type = fields.Str()
    status = fields.Enum(StepStatus, by_value=True)
    attempts = fields.Int()
    started_at = fields.DateTime()
    finished_at = fields.DateTime(allow_none=True)
    duration_ms = fields.Float(allow_none=True)
    request = fields.Dict(allow_none=True, metadata={"description": "As sent, secrets masked."})
    response_status = fields.Int(allow_none=True)
    response_excerpt = fields.Str(allow_none=True)
    error = fields.Str(allow_none=True)
    port = fields.Str(allow_none=True, metadata={"description": "The output the instance left by."})
    idempotency_key = fields.Str(allow_none=True)


class InstanceSchema(Schema):
    id = fields.Int()
    journey_id = fields.Int()
    version_id = fields.Int()
    profile_id = fields.Str()
    event_id = fields.Int()
    status = fields.Enum(InstanceStatus, by_value=True)
    node_id = fields.Str(allow_none=True, metadata={"description": "The node it runs next."})
    error = fields.Str(allow_none=True)
    due_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    finished_at = fields.DateTime(allow_none=True)


class InstanceDetailSchema(InstanceSchema):
    outputs = fields.Dict(metadata={"description": "What later expressions see as `nodes`."})
    steps = fields.List(fields.Nested(StepSchema))


class InstanceQuerySchema(Schema):
    """A journey's instance list: its filters and which page. The API's query string and the
    page's URL are the same, so both edges load them with this one schema."""

    class Meta:
        unknown = EXCLUDE

    status = fields.Enum(InstanceStatus, by_value=True, load_default=None)
    profile = fields.Str(
        load_default=None, validate=validate.Length(max=255), metadata={"description": "Exact profile id."}
    )
    within = fields.Str(
        load_default=None, validate=validate.OneOf(tuple(RECENT)),
        metadata={"description": "Created in the last hour, day or week."},
    )
    created_from = fields.AwareDateTime(
        data_key="from", default_timezone=UTC, load_default=None, error_messages=BAD_MOMENT,
        metadata={"description": "Created at or after (ISO 8601; UTC when no offset is given)."},
    )
    created_to = fields.AwareDateTime(
        data_key="to", default_timezone=UTC, load_default=None, error_messages=BAD_MOMENT,
        metadata={"description": "Created before (ISO 8601; UTC when no offset is given)."},
    )
    cursor = fields.Int(
        load_default=None, validate=validate.Range(min=1),
        metadata={"description": "The `next` of the previous page: instances older than it."},
    )
    newer_than = fields.Int(
        load_default=None, validate=validate.Range(min=0),
        metadata={"description": "The `newer` of a page: the page of instances just newer than it."},
    )
    limit = fields.Int(load_default=PAGE_SIZE, validate=validate.Range(min=1, max=MAX_LISTED))

    @pre_load
    def drop_blanks(self, data: Mapping[str, Any], **_: Any) -> dict[str, Any]:
        """Trim the values; an empty form field means "any", as if it were absent."""
        trimmed = {key: value.strip() if isinstance(value, str) else value for key, value in data.items()}
        return {key: value for key, value in trimmed.items() if value != ""}

    @validates_schema
    def check_combination(self, data: dict[str, Any], **_: Any) -> None:
        start, end = data.get("created_from"), data.get("created_to")
        if start and end and end <= start:
            raise ValidationError("Must be later than from.", "to")
        if data.get("cursor") is not None and data.get("newer_than") is not None:
            raise ValidationError("Cannot be combined with cursor.", "newer_than")

    @post_load
    def into_service_arguments(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        """`service.list_instances`' keyword arguments."""
        paging = {key: data.pop(key) for key in ("cursor", "newer_than", "limit")}
        return {"filters": InstanceFilter(**data), **paging}


class InstancePageSchema(Schema):
    """A page of instances and the keys of the pages on either side of it."""

    items = fields.List(fields.Nested(InstanceSchema), metadata={"description": "Newest first."})
    next = fields.Int(
        allow_none=True,
        metadata={"description": "Pass as `cursor` for the following (older) page; null on the last."},
    )
    newer = fields.Int(
        allow_none=True,
        metadata={"description": "Pass as `newer_than` for the preceding (newer) page; null on the first."},
    )


class TestRunArgsSchema(Schema):
    event = fields.Dict(required=True, metadata={"description": "A sample entry event payload."})
    mode = fields.Str(load_default="dry", validate=validate.OneOf(TEST_MODES))


class TestRunSchema(Schema):
    mode = fields.Str()
    status = fields.Enum(InstanceStatus, by_value=True)
    error = fields.Str(allow_none=True)
    path = fields.List(fields.Str(), metadata={"description": "Node ids in the order taken."})
    steps = fields.List(fields.Nested(StepSchema))
