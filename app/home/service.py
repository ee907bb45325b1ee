"""What the home page shows each role, read with a fixed, small number of queries.

- marketer: their journeys (then others' live ones) with today's entries and failed steps;
- technical, in addition: actions with the last 24 hours' calls, error rate and latency, and
  whether they need configuration; event types with today's volume;
- admin, in addition: workers alive and queue depths.

Cost, whatever the number of journeys, actions, events or steps: marketer 2 SQL queries (the
journeys with their creator, then their node counters for today); technical 3 more (actions,
their counters for the last 24 hours, event types) and one Redis `HMGET` (today's volume); admin
the operations service's Redis reads (a few round trips per worker and per queue, both few).
Lists are bounded (`*_SHOWN`); one row more is read to know whether to offer "see all". The
figures come from counters (`app.runner.stats`, `app.events.volume`), never from step or event
rows, so they cost the same with millions of those.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Generic, TypeVar

from rq import Queue
from rq.worker import WorkerStatus
from sqlalchemy import Row, case, func, or_, select

from app.actions.models import Action
from app.auth.models import Role, User, utcnow
from app.events import volume
from app.events.models import EventType
from app.extensions import db
from app.journeys.models import Journey, JourneyStatus
from app.operations import service as operations_service
from app.operations.service import QueueCounts
from app.queues import DEFAULT_QUEUES
from app.redis_store import get_redis
from app.runner import stats
from app.runner.models import Resolution

JOURNEYS_SHOWN = 20
ACTIONS_SHOWN = 30
EVENT_TYPES_SHOWN = 30
HEALTH_WINDOW = timedelta(hours=24)
"""The period an action's calls, error rate and latency are read over."""
ALARMING_ERROR_RATE = 0.05
"""An action failing at least this share of its calls is flagged."""

T = TypeVar("T")


@dataclass(frozen=True)
class Bounded(Generic[T]):
    """The first rows of a list, and whether there are more than were read."""

    items: list[T]
    more: bool


@dataclass(frozen=True)
class JourneyLine:
    id: int
    name: str
    status: JourneyStatus
    mine: bool
    creator: str | None
    entries_today: int
    errors_today: int
    """Steps that failed today (UTC)."""


@dataclass(frozen=True)
class ActionLine:
    key: str
    name: str
    builtin: bool
    needs_configuration_reason: str | None
    calls: int
    error_rate: float | None
    p50_ms: float | None
    p95_ms: float | None

    @property
    def configured(self) -> bool:
        return self.needs_configuration_reason is None

    @property
    def alarming(self) -> bool:
        return self.error_rate is not None and self.error_rate >= ALARMING_ERROR_RATE


@dataclass(frozen=True)
class EventLine:
    key: str
    name: str
    today: int


@dataclass(frozen=True)
class WorkersSummary:
    alive: int
    """Registered workers whose heartbeat is on time."""
    busy: int
    idle: int
    stale: int
    """Registered workers whose heartbeat is overdue: most likely dead."""
    queues: list[QueueCounts]

    @property
    def queued(self) -> int:
        return sum(queue.queued for queue in self.queues)


@dataclass(frozen=True)
class Home:
    taken_at: datetime
    journeys: Bounded[JourneyLine]
    actions: Bounded[ActionLine] | None
    """None when the role does not see actions health (marketers)."""
    events: Bounded[EventLine] | None
    workers: WorkersSummary | None
    """None when the role does not see the workers (all but admins)."""


def home_for(user_id: int, role: Role) -> Home:
    """Every section `role` sees, as of now."""
    now = utcnow()
    technical = role.includes(Role.TECHNICAL)
    return Home(
        taken_at=now,
        journeys=journeys_of(user_id, now),
        actions=action_health(now) if technical else None,
        events=event_volume(now) if technical else None,
        workers=workers_summary(now) if role.includes(Role.ADMIN) else None,
    )


def _bounded(rows: list[Row], shown: int) -> tuple[list[Row], bool]:
    return rows[:shown], len(rows) > shown


def journeys_of(user_id: int, now: datetime) -> Bounded[JourneyLine]:
    """The user's journeys, most recently edited first, then the live journeys of others; each
    with today's (UTC) entries and failed steps."""
    mine = Journey.created_by == user_id
    rows, more = _bounded(
        db.session.execute(
            select(Journey.id, Journey.name, Journey.status, Journey.created_by, User.email)
            .outerjoin(User, User.id == Journey.created_by)
            .where(or_(mine, Journey.status == JourneyStatus.LIVE))
            .order_by(case((mine, 0), else_=1), Journey.updated_at.desc(), Journey.id.desc())
            .limit(JOURNEYS_SHOWN + 1)
        ).all(),
        JOURNEYS_SHOWN,
    )
    midnight = stats.bucket_start(now, Resolution.DAY)
    today = stats.totals_by(db.session, "journey_id", [row.id for row in rows], midnight, now)
    return Bounded(
        [
            JourneyLine(
                id=row.id,
                name=row.name,
                status=row.status,
                mine=row.created_by == user_id,
                creator=row.email,
                entries_today=today[row.id].started,
                errors_today=today[row.id].failed,
            )
            for row in rows
        ],
        more,
    )


def action_health(now: datetime) -> Bounded[ActionLine]:
    """Actions needing configuration first, then by name; each with its calls, error rate and
    median and 95th percentile latency over the last 24 hours."""
    rows, more = _bounded(
        db.session.execute(
            select(Action.key, Action.name, Action.builtin, Action.needs_configuration_reason)
            .order_by(
                Action.needs_configuration_reason.is_(None), func.lower(Action.name), Action.key
            )
            .limit(ACTIONS_SHOWN + 1)
        ).all(),
        ACTIONS_SHOWN,
    )
    figures = stats.totals_by(db.session, "action_key", [row.key for row in rows], now - HEALTH_WINDOW, now)
    return Bounded(
        [
            ActionLine(
                key=row.key,
                name=row.name,
                builtin=row.builtin,
                needs_configuration_reason=row.needs_configuration_reason,
                calls=figures[row.key].calls,
                error_rate=figures[row.key].error_rate,
                p50_ms=figures[row.key].latency.quantile(0.5),
                p95_ms=figures[row.key].latency.quantile(0.95),
            )
            for row in rows
        ],
        more,
    )


def event_volume(now: datetime) -> Bounded[EventLine]:
    """Event types by name, each with the events received today (UTC)."""
    rows, more = _bounded(
        db.session.execute(
            select(EventType.key, EventType.name)
            .order_by(func.lower(EventType.name), EventType.key)
            .limit(EVENT_TYPES_SHOWN + 1)
        ).all(),
        EVENT_TYPES_SHOWN,
    )
    today = volume.volume_on(now.date(), [row.key for row in rows])
    return Bounded([EventLine(row.key, row.name, today[row.key]) for row in rows], more)


def workers_summary(now: datetime) -> WorkersSummary:
    """Workers alive, busy and idle, those gone quiet, and what waits in each queue, from the
    operations page's own readings."""
    connection = get_redis()
    workers = operations_service.workers(connection, now)
    alive = [worker for worker in workers if not worker.stale]
    return WorkersSummary(
        alive=len(alive),
        busy=sum(1 for worker in alive if worker.state == WorkerStatus.BUSY),
        idle=sum(1 for worker in alive if worker.state == WorkerStatus.IDLE),
        stale=len(workers) - len(alive),
        queues=[
            operations_service.queue_counts(Queue(name, connection=connection)) for name in DEFAULT_QUEUES
        ],
    )
