"""API shapes for journeys, their versions, problems and the export file.

The graph itself has no schema here: `app.journeys.graph.parse_graph` is its one validator, used for
the API body, the stored draft and imports alike.
"""

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from app.journeys import service
from app.journeys.models import JourneyStatus, Reentry, VersionStatus
from app.journeys.report import DEFAULT_RANGE, ReportRange

NAME_LENGTH = validate.Length(min=1, max=200)
EVENT_KEY_LENGTH = validate.Length(min=1, max=100)


def _email_of(user) -> str | None:
    return user.email if user is not None else None


class JourneyCreateSchema(Schema):
    name = fields.Str(required=True, validate=NAME_LENGTH)
    description = fields.Str(load_default="")
    entry_event = fields.Str(load_default=None, allow_none=True, validate=EVENT_KEY_LENGTH)


class JourneySettingsSchema(Schema):
    """What PATCH may change; every field optional."""

    name = fields.Str(validate=NAME_LENGTH)
    description = fields.Str()
    reentry = fields.Enum(Reentry, by_value=True)
    reentry_wait_seconds = fields.Int(allow_none=True, validate=validate.Range(min=1))


class ProblemSchema(Schema):
    node_id = fields.Str(allow_none=True)
    field = fields.Str(allow_none=True)
    code = fields.Str()
    message = fields.Str()


class JourneySchema(Schema):
    id = fields.Int(dump_only=True)
    name = fields.Str()
    description = fields.Str()
    status = fields.Enum(JourneyStatus, by_value=True)
    entry_event = fields.Str(allow_none=True)
    reentry = fields.Enum(Reentry, by_value=True)
    reentry_wait_seconds = fields.Int(allow_none=True)
    has_draft = fields.Bool()
    draft_updated_at = fields.DateTime(allow_none=True)
    live_version_id = fields.Int(allow_none=True)
    live_version = fields.Int(attribute="live_version_number", allow_none=True)
    created_by = fields.Function(lambda journey: _email_of(journey.creator))
    updated_by = fields.Function(lambda journey: _email_of(journey.editor))
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class JourneyDetailSchema(JourneySchema):
    """One journey as the canvas opens it: the draft (or live) graph and the draft's problems."""

    graph = fields.Method("dump_graph", metadata={"description": "The draft, else the live graph."})
    problems = fields.Method("dump_problems", metadata={"description": "The draft's problems."})

    def dump_graph(self, journey) -> dict:
        return service.current_graph(journey)

    def dump_problems(self, journey) -> list[dict]:
        return ProblemSchema(many=True).dump(service.draft_problems(journey))


class JourneyListingSchema(Schema):
    id = fields.Int()
    name = fields.Str()
    description = fields.Str()
    status = fields.Enum(JourneyStatus, by_value=True)
    has_draft = fields.Bool()
    live_version = fields.Int(allow_none=True)
    updated_by = fields.Str(allow_none=True)
    updated_at = fields.DateTime()
    entries_today = fields.Int()


class JourneySearchSchema(Schema):
    search = fields.Str(load_default="")


class ProblemsSchema(Schema):
    problems = fields.List(fields.Nested(ProblemSchema))


class VersionSchema(Schema):
    id = fields.Int()
    number = fields.Int()
    status = fields.Enum(VersionStatus, by_value=True)
    entry_event = fields.Str()
    published_by = fields.Str(allow_none=True)
    published_at = fields.DateTime()
    closed_at = fields.DateTime(allow_none=True)
    stopped_at = fields.DateTime(allow_none=True)
    previous_number = fields.Int(allow_none=True)
    changes = fields.List(
        fields.Str(), metadata={"description": "Differences from the previous version."}
    )


class JourneyExportSchema(Schema):
    """The export file; import accepts the same shape (only `graph` is required)."""

    format = fields.Str(load_default="cairn-journey", validate=validate.Equal("cairn-journey"))
    format_version = fields.Int(load_default=1, validate=validate.Equal(1))
    name = fields.Str(load_default="Imported journey", validate=NAME_LENGTH)
    description = fields.Str(load_default="")
    entry_event = fields.Str(load_default=None, allow_none=True)
    reentry = fields.Str(load_default=Reentry.NEVER.value, validate=validate.OneOf(list(Reentry)))
    reentry_wait_seconds = fields.Int(
        load_default=None, allow_none=True, validate=validate.Range(min=1)
    )
    graph = fields.Dict(required=True)
    actions = fields.List(fields.Str(), load_default=list)
    events = fields.List(fields.Str(), load_default=list)

    @validates_schema
    def wait_needs_seconds(self, data, **_kwargs):
        if data.get("reentry") == Reentry.AFTER_WAIT.value and not data.get("reentry_wait_seconds"):
            raise ValidationError("is needed when reentry is after_wait", "reentry_wait_seconds")


class MissingReferencesSchema(Schema):
    actions = fields.List(fields.Str())
    events = fields.List(fields.Str())


class ImportResultSchema(Schema):
    journey = fields.Nested(JourneySchema)
    missing = fields.Nested(MissingReferencesSchema)
    problems = fields.List(fields.Nested(ProblemSchema))


class ReportQuerySchema(Schema):
    version = fields.Int(
        load_default=None,
        validate=validate.Range(min=1),
        metadata={"description": "The version number; default the live one, else the newest."},
    )
    range = fields.Enum(
        ReportRange,
        by_value=True,
        load_default=DEFAULT_RANGE,
        metadata={"description": "Last hour, 24 hours, 7 days, or since the version was published."},
    )


class NodeReportSchema(Schema):
    id = fields.Str()
    type = fields.Str()
    entered = fields.Int()
    succeeded = fields.Int()
    failed = fields.Int()
    stopped = fields.Int()
    waiting = fields.Int(metadata={"description": "Instances at the node now, whatever the range."})
    calls = fields.Int(allow_none=True, metadata={"description": "Call attempts (action nodes)."})
    call_errors = fields.Int(allow_none=True)
    error_rate = fields.Float(allow_none=True, metadata={"description": "call_errors / calls, 0 to 1."})
    p95_ms = fields.Float(
        allow_none=True, metadata={"description": "95th percentile call latency (histogram estimate)."}
    )


class EdgeReportSchema(Schema):
    source = fields.Str(data_key="from")
    target = fields.Str(data_key="to")
    port = fields.Str()
    count = fields.Int(metadata={"description": "Instances that left `from` through `port`."})


class ReportSchema(Schema):
    journey_id = fields.Int()
    version = fields.Int()
    version_status = fields.Enum(VersionStatus, by_value=True)
    range = fields.Enum(ReportRange, by_value=True)
    since = fields.DateTime(allow_none=True, metadata={"description": "Start of the range (null: publish)."})
    generated_at = fields.DateTime()
    nodes = fields.List(fields.Nested(NodeReportSchema))
    edges = fields.List(fields.Nested(EdgeReportSchema))
