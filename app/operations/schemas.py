"""API shape of the operations snapshot (`app.operations.service.Snapshot`)."""

from marshmallow import Schema, fields


class QueueCountsSchema(Schema):
    name = fields.Str()
    queued = fields.Int()
    started = fields.Int()
    scheduled = fields.Int()
    next_scheduled_at = fields.DateTime(
        allow_none=True, metadata={"description": "When the earliest scheduled job is due."}
    )
    failed = fields.Int()
    deferred = fields.Int()


class FailedJobSchema(Schema):
    id = fields.Str()
    queue = fields.Str()
    function = fields.Str()
    failed_at = fields.DateTime(allow_none=True)
    error = fields.Str(metadata={"description": "The last line of the exception."})


class CurrentJobSchema(Schema):
    id = fields.Str()
    description = fields.Str()
    started_at = fields.DateTime(allow_none=True)
    running_s = fields.Float(allow_none=True)


class WorkerStateSchema(Schema):
    name = fields.Str()
    hostname = fields.Str(allow_none=True)
    pid = fields.Int(allow_none=True)
    state = fields.Str(metadata={"description": "`busy`, `idle`, `started`, `suspended`…"})
    queues = fields.List(fields.Str())
    current_job = fields.Nested(CurrentJobSchema, allow_none=True)
    last_heartbeat = fields.DateTime(allow_none=True)
    heartbeat_age_s = fields.Float(allow_none=True)
    stale = fields.Bool(metadata={"description": "The worker's heartbeat is overdue: it is likely gone."})
    successful_jobs = fields.Int()
    failed_jobs = fields.Int()


class ThrottledHostSchema(Schema):
    host = fields.Str()
    waiting = fields.Int(metadata={"description": "Throttled calls holding a slot still in the future."})
    last_in_s = fields.Float(metadata={"description": "Seconds until the last of them may go."})


class SnapshotSchema(Schema):
    taken_at = fields.DateTime()
    queues = fields.List(fields.Nested(QueueCountsSchema))
    failed_jobs = fields.List(fields.Nested(FailedJobSchema))
    workers = fields.List(fields.Nested(WorkerStateSchema))
    throttled = fields.List(fields.Nested(ThrottledHostSchema))


class RequeuedJobSchema(Schema):
    id = fields.Str()
    queue = fields.Str(attribute="origin")
    status = fields.Function(lambda job: job.get_status(refresh=False).value)
