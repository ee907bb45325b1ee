"""Journey instances and their steps: the runner's source of truth.

Redis only carries *hints* (which instance ids a job should look at); what an instance is doing,
when it is next due and who is working on it live here, so a lost queue or a killed worker loses
nothing: `app.runner.service.recover` re-enqueues whatever the database says is due.

An instance is *claimed* by one job at a time through `lease_token` / `lease_expires_at`: a job
sets both in one conditional UPDATE and only works on the rows that carry its token, so two
workers never run the same step at once, and a worker that dies leaves a lease that expires.
A step row exists once per (instance, node): its `idempotency_key` is derived from that pair, and
its `status` is written *before* a call (`sending`) and after it, so a re-driven step is sent
again with the same key and a finished step is never sent again.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.auth.models import utcnow
from app.extensions import db

BIG_ID = BigInteger().with_variant(Integer, "sqlite")
"""A big integer key; SQLite only auto-increments an `INTEGER PRIMARY KEY`."""


def _enum_column(enum_class: type[enum.Enum]) -> db.Enum:
    return db.Enum(
        enum_class, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e]
    )


class InstanceStatus(enum.StrEnum):
    RUNNING = "running"
    """Has a step to run as soon as `due_at` (retries and throttled calls keep this status)."""
    WAITING = "waiting"
    """Parked on a wait node until `due_at`."""
    COMPLETED = "completed"
    FAILED = "failed"
    STOPPED = "stopped"
    """Halted because its journey was stopped."""


ACTIVE_STATUSES = (InstanceStatus.RUNNING, InstanceStatus.WAITING)
"""Statuses of an instance still in the journey (the others are final)."""


class StepStatus(enum.StrEnum):
    SENDING = "sending"
    """The call is being made: its outcome is not known yet (re-sent on recovery)."""
    RETRYING = "retrying"
    """The last attempt failed or was throttled; the next one runs at the instance's `due_at`."""
    THROTTLED = "throttled"
    """A rate-limit slot is reserved for it at the instance's `due_at`; it is sent then
    without reserving again."""
    WAITING = "waiting"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    """Final failure: the instance took the `error` port, or failed."""
    STOPPED = "stopped"
    DRY = "dry"
    """Test mode only (never stored): the request was rendered, not sent."""


class Instance(db.Model):
    """One profile's trip through one journey version."""

    __tablename__ = "runner_instances"
    __table_args__ = (
        Index("ix_runner_instances_journey_profile", "journey_id", "profile_id"),
        Index("ix_runner_instances_journey_status", "journey_id", "status", "id"),
        Index("ix_runner_instances_journey_created", "journey_id", "created_at"),
        Index("ix_runner_instances_status_due", "status", "due_at"),
        Index("ix_runner_instances_version_status_node", "version_id", "status", "node_id"),
        UniqueConstraint("journey_id", "entry_key", name="uq_runner_instances_entry"),
    )

    id: Mapped[int] = mapped_column(BIG_ID, primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    version_id: Mapped[int] = mapped_column(ForeignKey("journey_versions.id", ondelete="CASCADE"))
    profile_id: Mapped[str] = mapped_column(String(255))
    entry_key: Mapped[str | None] = mapped_column(String(255))
    """The profile id when the journey lets a profile in only once (re-entry `never`), else
    None: the unique constraint then refuses a second entry even from racing ingests."""
    event_id: Mapped[int] = mapped_column(BIG_ID)
    """The entry event (`events.id`; no foreign key, like the event log itself)."""
    status: Mapped[InstanceStatus] = mapped_column(
        _enum_column(InstanceStatus), default=InstanceStatus.RUNNING
    )
    node_id: Mapped[str | None] = mapped_column(String(64))
    """The node to run next (None once finished)."""
    outputs: Mapped[dict[str, Any]] = mapped_column(db.JSON, default=dict)
    """`nodes` of the expression context: node id -> {status, response, status_code}."""
    error: Mapped[str | None] = mapped_column(String(500))
    due_at: Mapped[datetime | None] = mapped_column(db.DateTime(timezone=True))
    lease_token: Mapped[str | None] = mapped_column(String(32))
    lease_expires_at: Mapped[datetime | None] = mapped_column(db.DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(db.DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(db.DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(db.DateTime(timezone=True))

    steps: Mapped[list[Step]] = relationship(
        back_populates="instance", order_by="Step.id", passive_deletes=True
    )


class Step(db.Model):
    """One node an instance went through, with what was sent and what came back."""

    __tablename__ = "runner_steps"
    __table_args__ = (
        UniqueConstraint("instance_id", "node_id", name="uq_runner_steps_node"),
        Index(
            "ix_runner_steps_action_failed", "action_key", "id",
            sqlite_where=text("status = 'failed'"), postgresql_where=text("status = 'failed'"),
        ),
    )

    id: Mapped[int] = mapped_column(BIG_ID, primary_key=True)
    instance_id: Mapped[int] = mapped_column(
        BIG_ID, ForeignKey("runner_instances.id", ondelete="CASCADE")
    )
    node_id: Mapped[str] = mapped_column(String(64))
    node_type: Mapped[str] = mapped_column(String(16))
    action_key: Mapped[str | None] = mapped_column(String(64))
    """The action an action step called (an action's health page lists its recent failures)."""
    status: Mapped[StepStatus] = mapped_column(_enum_column(StepStatus))
    attempts: Mapped[int] = mapped_column(default=0)
    started_at: Mapped[datetime] = mapped_column(db.DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(db.DateTime(timezone=True))
    duration_ms: Mapped[float | None] = mapped_column()
    request: Mapped[dict[str, Any] | None] = mapped_column(db.JSON(none_as_null=True))
    """The rendered request with every secret masked."""
    response_status: Mapped[int | None] = mapped_column()
    response_excerpt: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(String(500))
    """Why the step failed: `http_<code>`, `timedout`, `capped`, `error` or an expression error."""
    port: Mapped[str | None] = mapped_column(String(64))
    idempotency_key: Mapped[str | None] = mapped_column(String(64))

    instance: Mapped[Instance] = relationship(back_populates="steps")


class Resolution(enum.StrEnum):
    """The width of a `NodeCount` bucket."""

    MINUTE = "m"
    HOUR = "h"
    DAY = "d"


class NodeCount(db.Model):
    """How often something happened at one node of one version within one time bucket.

    The live report and the action health pages read these instead of the step rows, so they
    cost the same with millions of steps: the runner adds to the buckets of the moment in the
    same transaction as the step rows it writes (see `app.runner.stats`). Every increment goes to
    a minute, an hour and a day bucket, so any time range is summed from at most ~60 + 24 rows
    plus one per day, per node and metric.
    """

    __tablename__ = "runner_node_counts"
    __table_args__ = (
        UniqueConstraint(
            "version_id", "resolution", "bucket", "node_id", "metric", name="uq_runner_node_counts_key"
        ),
        Index("ix_runner_node_counts_action", "action_key", "resolution", "bucket"),
        Index("ix_runner_node_counts_journey", "journey_id", "resolution", "bucket"),
    )

    id: Mapped[int] = mapped_column(BIG_ID, primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    version_id: Mapped[int] = mapped_column(ForeignKey("journey_versions.id", ondelete="CASCADE"))
    node_id: Mapped[str] = mapped_column(String(64))
    action_key: Mapped[str | None] = mapped_column(String(64))
    resolution: Mapped[str] = mapped_column(String(1))
    bucket: Mapped[datetime] = mapped_column(db.DateTime(timezone=True))
    metric: Mapped[str] = mapped_column(String(80))
    """`entered`, `succeeded`, `failed`, `stopped`, `port:<port>`, `calls`, `call_errors`,
    `call_ms_sum` or `call_ms_le:<bound>` (see `app.runner.stats`)."""
    value: Mapped[int] = mapped_column(BigInteger, default=0)
