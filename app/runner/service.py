"""Starting, recovering, inspecting and re-driving journey instances; the API and CLI call these.

Entry is registered on `EVENT_ACCEPTED_HANDLERS`: inside the ingest's transaction it inserts one
instance per live version entered (after the journey's re-entry rule) in one multi-row INSERT, so
events and their instances are stored together; once committed, batch jobs are enqueued — the
ingest request does no journey work itself.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, and_, delete, func, or_, select, union_all, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import defer, selectinload
from sqlalchemy.sql.dml import Insert

from app import metrics
from app.actions.rendering import redact_secrets
from app.auth.models import as_aware, utcnow
from app.errors import Conflict, InvalidInput, NotFound
from app.events.models import EventType
from app.events.service import EVENT_ACCEPTED_HANDLERS, AcceptedEvent
from app.extensions import db
from app.journeys import service as journeys_service
from app.journeys.graph import Graph, Node, entry_node
from app.journeys.models import Journey, JourneyVersion, Reentry, VersionStatus
from app.queues import WORKER_MAINTENANCE_HOOKS
from app.runner import jobs, stats
from app.runner.engine import (
    RunState,
    StepError,
    StepRecord,
    idempotency_key,
    settle_action,
    walk,
)
from app.runner.models import ACTIVE_STATUSES, Instance, InstanceStatus, Resolution, Step, StepStatus
from app.runner.sender import OutboundCall
from app.runner.stats import NodeRef, Tally

INSTANCES = Instance.__table__
PROFILE_CHUNK = 500
"""Profiles per re-entry lookup (keeps the IN list well under every database's limit)."""
RECOVERY_CHUNK = 5000
MAX_LISTED = 500
"""The longest page a caller may ask for."""


# ---- entry -----------------------------------------------------------------------------------


def enter_journeys(accepted: list[AcceptedEvent]) -> Callable[[], None] | None:
    """The ingest handler: add the instances these events start to the ingest's transaction, and
    count and enqueue them once it commits."""
    ids = add_instances(accepted)
    if not ids:
        return None

    def after_commit() -> None:
        metrics.record_instances_started(len(ids))
        jobs.enqueue_ids(ids)

    return after_commit


def add_instances(accepted: list[AcceptedEvent]) -> list[int]:
    """Insert (without committing) the instances these events start; their ids, ascending."""
    by_type: defaultdict[str, list[AcceptedEvent]] = defaultdict(list)
    for event in accepted:
        by_type[event.event_type_key].append(event)
    now = utcnow()
    rows: list[dict[str, Any]] = []
    entry_nodes: dict[int, NodeRef] = {}
    for key, events in by_type.items():
        for version in journeys_service.live_versions_for_event(key):
            entering = entering_events(version.journey, events, now)
            entry_node = first_node_id(version)
            entry_nodes[version.id] = NodeRef(version.journey_id, version.id, entry_node or "")
            once = version.journey.reentry == Reentry.NEVER
            rows.extend(
                {
                    "journey_id": version.journey_id,
                    "entry_key": event.profile_id if once else None,
                    "version_id": version.id,
                    "profile_id": event.profile_id,
                    "event_id": event.id,
                    "status": InstanceStatus.RUNNING,
                    "node_id": entry_node,
                    "outputs": {},
                    "due_at": now,
                    "created_at": now,
                    "updated_at": now,
                }
                for event in entering
            )
    if not rows:
        return []
    inserted = db.session.execute(
        insert_new_entries().returning(INSTANCES.c.id, INSTANCES.c.version_id), rows
    ).all()
    started = Tally()
    for _, version_id in inserted:
        started.add(entry_nodes[version_id], "started")
    started.write(db.session, now)
    return sorted(instance_id for instance_id, _ in inserted)


def insert_new_entries() -> Insert:
    """An INSERT of instances that skips rows whose (journey, entry key) already exists."""
    dialect = db.session.get_bind().dialect.name
    dialect_insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect]
    return dialect_insert(INSTANCES).on_conflict_do_nothing(
        index_elements=[INSTANCES.c.journey_id, INSTANCES.c.entry_key]
    )


def first_node_id(version: JourneyVersion) -> str | None:
    """The entry event node of a version's graph (the walk starts there and leaves at once)."""
    return next(
        (node["id"] for node in version.graph.get("nodes", ()) if node.get("type") == "event"), None
    )


def entering_events(journey: Journey, events: list[AcceptedEvent], now: datetime) -> list[AcceptedEvent]:
    """The events whose profile may enter `journey` now, per its re-entry setting.

    `always`: every event. `never`: a profile's first event ever. `after_wait`: a profile with
    no instance in flight whose last one finished at least `reentry_wait_seconds` ago. Within
    one batch, `never` and `after_wait` let only a profile's first event in.
    """
    if journey.reentry == Reentry.ALWAYS:
        return events
    blocked = profiles_blocked(journey, {event.profile_id for event in events}, now)
    entering = []
    for event in events:
        if event.profile_id not in blocked:
            blocked.add(event.profile_id)
            entering.append(event)
    return entering


def profiles_blocked(journey: Journey, profiles: set[str], now: datetime) -> set[str]:
    profile_list = sorted(profiles)
    blocked: set[str] = set()
    for start in range(0, len(profile_list), PROFILE_CHUNK):
        query = select(Instance.profile_id).where(
            Instance.journey_id == journey.id,
            Instance.profile_id.in_(profile_list[start : start + PROFILE_CHUNK]),
        )
        if journey.reentry == Reentry.AFTER_WAIT:
            since = now - timedelta(seconds=journey.reentry_wait_seconds or 0)
            query = query.where(
                or_(Instance.status.in_(ACTIVE_STATUSES), Instance.finished_at > since)
            )
        blocked.update(db.session.scalars(query.distinct()))
    return blocked


def entries_today(journey_ids: list[int]) -> dict[int, int]:
    """Instances created since midnight UTC per journey (the journeys list's counter), read
    from today's day buckets of the node counts."""
    midnight = stats.bucket_start(utcnow(), Resolution.DAY)
    totals = stats.totals_by(db.session, "journey_id", journey_ids, midnight)
    return {journey_id: figures.started for journey_id, figures in totals.items() if figures.started}


def prune_counts() -> None:
    stats.prune(db.session)


# ---- recovery --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecoveryReport:
    due: int
    """Instances enqueued to run now (due, abandoned by a dead worker, or lost with Redis)."""
    scheduled: int
    """Instances whose future wake-up was scheduled again."""


def recover() -> RecoveryReport:
    """Re-enqueue every active instance nobody holds a lease on, from the database alone.

    Safe to run at any time and as often as wanted: a job for an instance that is already
    queued or running only finds it claimed, or not yet due, and skips it.
    """
    now = utcnow()
    query = (
        select(INSTANCES.c.id, INSTANCES.c.due_at)
        .where(
            INSTANCES.c.status.in_(ACTIVE_STATUSES),
            or_(INSTANCES.c.lease_expires_at.is_(None), INSTANCES.c.lease_expires_at < now),
        )
        .order_by(INSTANCES.c.id)
        .execution_options(yield_per=RECOVERY_CHUNK)
    )
    due_count = scheduled_count = 0
    for partition in db.session.execute(query).partitions():
        due = {row.id: as_aware(row.due_at) if row.due_at else now for row in partition}
        due_count += sum(1 for at in due.values() if at <= now)
        scheduled_count += sum(1 for at in due.values() if at > now)
        jobs.schedule(due)
    db.session.rollback()
    return RecoveryReport(due_count, scheduled_count)


# ---- reading and re-driving ------------------------------------------------------------------


PAGE_SIZE = 50
"""Instances per page of a journey's list (the page's size and the API's default `limit`)."""
COUNT_CAP = 1_000
"""Per-status counts of a list stop here (shown as "1,000+"): each is then a bounded scan, even
under a time filter, where every counted row costs a table read (30-100 ms for all five on a
journey of 2M instances, cold cache)."""
RECENT = {"1h": timedelta(hours=1), "24h": timedelta(days=1), "7d": timedelta(days=7)}
"""The list's quick time ranges (`within`): instances created in the last hour, day or week."""


@dataclass(frozen=True)
class InstanceFilter:
    """Which of a journey's instances a list shows; the parts are optional and combine (AND)."""

    status: InstanceStatus | None = None
    profile: str | None = None
    """An exact profile id (served by the (journey_id, profile_id) index)."""
    within: str | None = None
    """A key of `RECENT`, relative to the moment of the query."""
    created_from: datetime | None = None
    """Created at or after this moment."""
    created_to: datetime | None = None
    """Created before this moment (exclusive, so that adjacent ranges do not overlap)."""

    def terms(self, journey_id: int, now: datetime) -> list[ColumnElement[bool]]:
        """The WHERE terms of everything but the status (each status is read as its own range)."""
        terms = [Instance.journey_id == journey_id]
        if self.profile:
            terms.append(Instance.profile_id == self.profile)
        if self.within:
            terms.append(Instance.created_at >= now - RECENT[self.within])
        # Stored in UTC; SQLite compares the text, so the bound must be UTC too.
        if self.created_from:
            terms.append(Instance.created_at >= as_aware(self.created_from).astimezone(UTC))
        if self.created_to:
            terms.append(Instance.created_at < as_aware(self.created_to).astimezone(UTC))
        return terms

    @property
    def timed(self) -> bool:
        """Whether a time filter is set (the list is then in creation-time order)."""
        return bool(self.within or self.created_from or self.created_to)


@dataclass(frozen=True)
class InstancePage:
    """One page of a list, newest first, and where the pages on either side of it start."""

    items: list[Instance]
    next: int | None
    """The `cursor` of the following page (older instances); None on the last page."""
    newer: int | None
    """The `newer_than` of the preceding page (newer instances); None on the newest page."""


def list_instances(
    journey_id: int,
    filters: InstanceFilter = InstanceFilter(),
    cursor: int | None = None,
    newer_than: int | None = None,
    limit: int = PAGE_SIZE,
) -> InstancePage:
    """One page of a journey's instances, newest first (see `_page_ids`), paged by keyset.

    `cursor` asks for the instances just older than that instance, `newer_than` for those just
    newer (walking back); the first page has neither. A page is bounded by instances, not by an
    offset, so walking on while instances keep arriving neither repeats nor skips one. Walking
    back past the newest instance answers the first page, full.
    """
    journeys_service.get_journey(journey_id)
    limit = max(1, min(limit, MAX_LISTED))
    now = utcnow()
    if newer_than is not None:
        ids = _page_ids(journey_id, filters, now, limit + 1, above=newer_than)
        if len(ids) > limit:
            page = list(reversed(ids[:limit]))
            return InstancePage(_instances(page), next=page[-1], newer=page[0])
        cursor = None
    ids = _page_ids(journey_id, filters, now, limit + 1, below=cursor)
    page = ids[:limit]
    return InstancePage(
        _instances(page),
        next=page[-1] if len(ids) > limit else None,
        newer=page[0] if cursor is not None and page else None,
    )


def _page_ids(
    journey_id: int, filters: InstanceFilter, now: datetime, count: int,
    below: int | None = None, above: int | None = None,
) -> list[int]:
    """The ids of the `count` matching instances just older than `below`, newest first, or just
    newer than `above`, oldest first; each bound is an instance id.

    "Newest" is by id, except under a time filter, where it is by creation time then id: the
    (journey_id, created_at) index then yields the window already in order, where an id order
    would scan every newer instance to reach a window in the past. (The two orders differ only
    where concurrent ingests interleaved their inserts.)

    By id, there is no (journey_id, id) index, so each status is read as its own range of the
    (journey_id, status, id) index, `count` rows at most, and the ranges merged. Either way a
    page costs about the same with millions of instances.
    """
    terms = filters.terms(journey_id, now)
    ascending = above is not None
    edge = above if ascending else below
    if filters.timed:
        if edge is not None:
            terms.append(_beyond_in_time(edge, ascending))
        if filters.status:
            terms.append(Instance.status == filters.status)
        key = (Instance.created_at, Instance.id)
        order = [column.asc() if ascending else column.desc() for column in key]
        return list(db.session.scalars(select(Instance.id).where(*terms).order_by(*order).limit(count)))
    if edge is not None:
        terms.append(Instance.id > edge if ascending else Instance.id < edge)
    statuses = [filters.status] if filters.status else list(InstanceStatus)
    ranges = [
        select(Instance.id)
        .where(*terms, Instance.status == status)
        .order_by(Instance.id.asc() if ascending else Instance.id.desc())
        .limit(count)
        for status in statuses
    ]
    if len(ranges) == 1:
        return list(db.session.scalars(ranges[0]))
    # SQLite refuses ORDER BY / LIMIT on a compound's members; as subqueries they are fine.
    merged = union_all(*(select(part.subquery()) for part in ranges)).subquery()
    order = merged.c.id.asc() if ascending else merged.c.id.desc()
    return list(db.session.scalars(select(merged.c.id).order_by(order).limit(count)))


def _beyond_in_time(edge: int, ascending: bool) -> ColumnElement[bool]:
    """After (or before) instance `edge` in (created_at, id) order, spelt so that the creation
    time alone bounds the index range."""
    pivot = select(Instance.created_at).where(Instance.id == edge).scalar_subquery()
    if ascending:
        return and_(Instance.created_at >= pivot, or_(Instance.created_at > pivot, Instance.id > edge))
    return and_(Instance.created_at <= pivot, or_(Instance.created_at < pivot, Instance.id < edge))


def _instances(ids: list[int]) -> list[Instance]:
    """The instances of a page in the order of `ids`, without their outputs (a list never shows
    them)."""
    query = select(Instance).where(Instance.id.in_(ids)).options(defer(Instance.outputs))
    found = {instance.id: instance for instance in db.session.scalars(query)} if ids else {}
    return [found[instance_id] for instance_id in ids if instance_id in found]


def count_by_status(
    journey_id: int, filters: InstanceFilter = InstanceFilter(), cap: int = COUNT_CAP
) -> dict[InstanceStatus, int]:
    """How many instances match `filters` (its status aside) in each status, up to `cap + 1`.

    One statement of one bounded range scan per status, so the counts stay cheap on a journey
    with millions of instances; a count above `cap` only says "more than `cap`".
    """
    terms = filters.terms(journey_id, utcnow())

    def capped(status: InstanceStatus) -> ScalarSelect[int]:
        matching = select(Instance.id).where(*terms, Instance.status == status).limit(cap + 1)
        return select(func.count()).select_from(matching.subquery()).scalar_subquery()

    row = db.session.execute(select(*(capped(status) for status in InstanceStatus))).one()
    return dict(zip(InstanceStatus, row, strict=True))


def get_instance(instance_id: int) -> Instance:
    """One instance with its steps in the order they ran."""
    instance = db.session.get(Instance, instance_id, options=[selectinload(Instance.steps)])
    if instance is None:
        raise NotFound(f"instance {instance_id} does not exist")
    return instance


def retry_instance(instance_id: int) -> Instance:
    """Re-drive a failed instance from its failed step, with the same idempotency key.

    The step's retry budget starts again. Refused while the journey version is stopped.
    """
    instance = get_instance(instance_id)
    if instance.status != InstanceStatus.FAILED:
        raise Conflict(f"Only a failed instance can be retried; this one is {instance.status.value}.")
    version = db.session.get(JourneyVersion, instance.version_id)
    if version is None or version.status == VersionStatus.STOPPED:
        raise Conflict("The journey was stopped; its instances cannot be retried.")
    failed = next((s for s in reversed(instance.steps) if s.status == StepStatus.FAILED), None)
    if failed is None:
        raise Conflict("This instance has no failed step to retry from.")
    now = utcnow()
    uncount_failure(instance, failed)
    if failed.node_type == "action":
        db.session.execute(
            update(Step)
            .where(Step.id == failed.id)
            .values(status=StepStatus.RETRYING, attempts=0, finished_at=None)
        )
    else:
        db.session.execute(delete(Step).where(Step.id == failed.id))
    outputs = dict(instance.outputs or {})
    outputs.pop(failed.node_id, None)
    db.session.execute(
        update(Instance)
        .where(Instance.id == instance.id, Instance.status == InstanceStatus.FAILED)
        .values(
            status=InstanceStatus.RUNNING, node_id=failed.node_id, outputs=outputs, error=None,
            due_at=now, finished_at=None, updated_at=now, lease_token=None, lease_expires_at=None,
        )
    )
    db.session.commit()
    jobs.enqueue_ids([instance.id])
    db.session.expire_all()
    return get_instance(instance.id)


def uncount_failure(instance: Instance, failed: Step) -> None:
    """Take a retried step's failure back out of the node counts (and, for a step that will be
    inserted again, its entry), in the buckets they were added to, so counts match the steps."""
    undo = Tally()
    node = NodeRef(instance.journey_id, instance.version_id, failed.node_id, failed.action_key)
    undo.add(node, "failed", -1)
    if failed.port:
        undo.add(node, f"port:{failed.port}", -1)
    if failed.node_type != "action":
        undo.add(node, "entered", -1)
    undo.write(db.session, as_aware(failed.finished_at or failed.started_at))


# ---- test mode -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TestRun:
    """What a test run did: the nodes it went through and each step's request and response."""

    mode: str
    status: InstanceStatus
    error: str | None
    path: list[str]
    steps: list[StepRecord]


def run_test(journey_id: int, event: dict[str, Any], mode: str = "dry") -> TestRun:
    """Run the journey's current graph (its draft, else its live version) for a sample event.

    `dry` renders every request and evaluates every condition but calls nothing: a dry action
    answers its response sample, so later conditions can read it. `live` sends each call once
    (no retries, no rate limit). Waits are skipped. Nothing is stored.
    """
    if mode not in ("dry", "live"):
        raise InvalidInput.on("mode", "must be dry or live")
    journey = journeys_service.get_journey(journey_id)
    graph_data = journeys_service.current_graph(journey)
    graph = journeys_service.parse_or_reject(graph_data)
    entry = entry_node(graph)
    if entry is None:
        raise InvalidInput.on("graph", "Add an event node to start the journey")
    event_type = db.session.scalar(select(EventType).where(EventType.key == entry.data.get("event")))
    if event_type is None:
        raise InvalidInput.on("graph", f"Event type {entry.data.get('event')!r} is not defined")
    keys = journeys_service.referenced_keys(graph_data).actions
    actions = {
        key: jobs.ActionSpec.from_snapshot(stored)
        for key, stored in journeys_service.snapshot_actions(keys).items()
    }
    run = RunState(
        instance_id=0, journey_id=journey.id, version_number=0,
        profile_id=str(event.get(event_type.profile_id_field, "")), event=event,
        node_id=entry.id, outputs={},
    )
    runtime = jobs.get_runtime()
    while (node := walk(graph, run, utcnow(), wait_cap_s=0)) is not None:
        run.records.append(_test_call(runtime, graph, run, node, actions.get(node.data.get("action")), mode))
    return TestRun(mode, run.status, run.error, [entry.id, *(r.node_id for r in run.records)], run.records)


def _test_call(
    runtime: jobs.Runtime, graph: Graph, run: RunState, node: Node,
    action: jobs.ActionSpec | None, mode: str,
) -> StepRecord:
    now = utcnow()
    key = idempotency_key(runtime.secret, 0, f"test-{uuid.uuid4().hex}-{node.id}")
    record = StepRecord(node.id, "action", StepStatus.DRY, now, finished_at=now, idempotency_key=key)
    try:
        if action is None:
            raise StepError(f"action {node.data.get('action')!r} does not exist")
        rendered = jobs.render_call(action, node, run.context(now), key, runtime.session, runtime.redis)
    except StepError as error:
        record.status, record.error = StepStatus.FAILED, str(error)[:500]
        record.port = settle_action(graph, run, node, failure="error")
        return record
    record.request = rendered.masked
    if mode == "dry":
        sample = action.spec.get("response_sample")
        record.port = settle_action(graph, run, node, failure=None, response=sample, status_code=200)
        return record
    record.attempts = 1
    result = runtime.sender.send_one(
        OutboundCall(node.id, rendered.method, rendered.url, rendered.headers, rendered.body,
                     rendered.timeout_s)
    )
    record.status = StepStatus.SUCCEEDED if result.succeeded else StepStatus.FAILED
    record.response_status = result.status_code
    record.response_excerpt = result.excerpt and redact_secrets(result.excerpt, rendered.secrets)
    record.duration_ms, record.error = round(result.duration_ms, 2), result.error_reason
    record.port = settle_action(
        graph, run, node, failure=result.error_reason, response=result.response_json,
        status_code=result.status_code,
    )
    return record


def register() -> None:
    """Plug the runner into ingest, the journeys list and worker maintenance (start-up, then
    every 10 minutes); idempotent."""
    if enter_journeys not in EVENT_ACCEPTED_HANDLERS:
        EVENT_ACCEPTED_HANDLERS.append(enter_journeys)
    if entries_today not in journeys_service.ENTRY_COUNTERS:
        journeys_service.ENTRY_COUNTERS.append(entries_today)
    for hook in (recover, prune_counts):
        if hook not in WORKER_MAINTENANCE_HOOKS:
            WORKER_MAINTENANCE_HOOKS.append(hook)
