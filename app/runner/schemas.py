"""API shapes for instances, their steps and test runs."""

from marshmallow import Schema, fields, validate

from app.runner.models import InstanceStatus, StepStatus

TEST_MODES = ("dry", "live")


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
    status = fields.Enum(InstanceStatus, by_value=True, load_default=None)
    profile = fields.Str(load_default=None)
    limit = fields.Int(load_default=100, validate=validate.Range(min=1, max=500))


class TestRunArgsSchema(Schema):
    event = fields.Dict(required=True, metadata={"description": "A sample entry event payload."})
    mode = fields.Str(load_default="dry", validate=validate.OneOf(TEST_MODES))


class TestRunSchema(Schema):
    mode = fields.Str()
    status = fields.Enum(InstanceStatus, by_value=True)
    error = fields.Str(allow_none=True)
    path = fields.List(fields.Str(), metadata={"description": "Node ids in the order taken."})
    steps = fields.List(fields.Nested(StepSchema))
