"""The runner's RQ job: advance a batch of instances as far as they can go.

One job takes a list of instance ids (a hint: the database decides) and

1. claims them with one conditional UPDATE (a lease with an expiry, so no other worker touches
   them meanwhile and a dead worker's instances come back when it expires);
2. walks each one in memory (`app.runner.engine`) up to its next action, wait or end;
3. renders the action calls of the whole batch, reserves rate-limit slots per host in one
   script call each (`throttle` parks a call until its slot; `cap` fails it as `capped`), writes
   every step as `sending` in one transaction, then sends all calls at once with bounded
   per-host concurrency (`BatchSender`);
4. records the outcomes in one transaction — retries are parked with a `due_at`, never slept —
   and walks on from the responses, round after round, within the same job;
5. releases the leases and schedules the parked instances with RQ's scheduler (`enqueue_at`).

The database `due_at` is the truth and the RQ schedule a hint: `service.recover` rebuilds the
schedule from the database after a crash or a Redis restart.
"""

from __future__ import annotations

import logging
import math
import os
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import requests
from flask import current_app
from rq import get_current_job
from sqlalchemy import bindparam, insert, or_, select, update
from sqlalchemy.orm import Session

from app import metrics
from app.actions.auth import AuthTokenError, apply_auth, auth_kind, invalidate_auth
from app.actions.rendering import CompiledSpec, ParameterValueError, compile_spec, redact_secrets
from app.actions.service import decrypt_spec
from app.auth.models import utcnow
from app.events.models import Event
from app.extensions import db
from app.journeys.graph import Graph, Node, parse_graph
from app.journeys.models import JourneyVersion, VersionStatus
from app.outbound import TargetPolicy, build_session
from app.queues import get_queue
from app.redis_store import get_redis
from app.runner.engine import (
    RunState,
    StepError,
    StepRecord,
    evaluate_mapping,
    evaluate_value,
    idempotency_key,
    settle_action,
    walk,
)
from app.runner.models import ACTIVE_STATUSES, Instance, InstanceStatus, Step, StepStatus
from app.runner.ratelimit import HostRateLimiter, RateLimitMode
from app.runner.retry import FailureReason, RetryPolicy, classify_exception, http_reason
from app.runner.sender import BatchSender, CallResult, OutboundCall, host_of
from app.runner.stats import NodeRef, Tally

logger = logging.getLogger(__name__)

RUNNER_QUEUE = "runner"
BATCH_SIZE = 250
"""Instances per job: big enough to amortise a job's fixed costs, small enough to spread."""
LEASE_S = float(os.environ.get("CAIRN_RUNNER_LEASE_S", "600"))
"""How long a claim holds. Longer than a job may run (`JOB_BUDGET_S` plus one round of calls:
`BATCH_SIZE / PER_HOST_CONCURRENCY` calls in a row at the longest action timeout, 60 s), so a
live worker never loses its claim; a dead worker's instances are recoverable once it has
passed (tests shorten it to see that happen)."""
JOB_BUDGET_S = min(30.0, LEASE_S / 4)
"""After this long a job starts no new round; what is left is re-enqueued."""
JOB_TIMEOUT_S = int(LEASE_S) + 1
RETRY_AFTER_ERROR_S = 10.0
"""A job that failed unexpectedly hands its instances to another job after this long."""
SEND_NOW_S = 0.01
"""A throttled call whose slot is closer than this is sent at once rather than parked."""
SCHEDULE_GRANULARITY_S = 1.0
"""Parked instances due within the same second share one scheduled job."""
SENDER_THREADS = 64
PER_HOST_CONCURRENCY = 32

OPEN_STEP_STATUSES = (
    StepStatus.SENDING, StepStatus.RETRYING, StepStatus.THROTTLED, StepStatus.WAITING,
)
"""Step rows a job may pick up again (the others are final)."""

INSTANCES = Instance.__table__
STEPS = Step.__table__


# ---- per-process resources -------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """A published version as the runner needs it: parsed once per process (versions are
    immutable except for their status, which is read afresh every round)."""

    version_id: int
    journey_id: int
    number: int
    graph: Graph
    actions: dict[str, ActionSpec]


class Runtime:
    """What a worker process keeps between jobs: connections, threads and parsed versions."""

    def __init__(self, config: dict[str, Any], redis_client):
        self.session = build_session(
            TargetPolicy.from_config(config), pool_maxsize=PER_HOST_CONCURRENCY
        )
        self.sender = BatchSender(self.session, SENDER_THREADS, PER_HOST_CONCURRENCY)
        self.limiter = HostRateLimiter(redis_client)
        self.redis = redis_client
        self.secret = config["SECRET_KEY"]
        self.plans: dict[int, Plan] = {}

    def plans_for(self, session: Session, version_ids: Iterable[int]) -> dict[int, Plan]:
        missing = [vid for vid in set(version_ids) if vid not in self.plans]
        if missing:
            for version in session.scalars(
                select(JourneyVersion).where(JourneyVersion.id.in_(missing))
            ):
                self.plans[version.id] = Plan(
                    version.id,
                    version.journey_id,
                    version.number,
                    parse_graph(version.graph),
                    {
                        key: ActionSpec.from_snapshot(stored)
                        for key, stored in (version.actions_snapshot or {}).items()
                    },
                )
        return {vid: self.plans[vid] for vid in version_ids if vid in self.plans}


def get_runtime() -> Runtime:
    """This process's runtime (rebuilt after a fork: threads and sockets do not survive one)."""
    app = current_app._get_current_object()
    runtime = app.extensions.get("cairn_runner")
    if runtime is None or runtime[0] != os.getpid():
        runtime = (os.getpid(), Runtime(app.config, get_redis()))
        app.extensions["cairn_runner"] = runtime
    return runtime[1]


@dataclass(frozen=True)
class ActionSpec:
    """An action of a version's snapshot, secrets decrypted and compiled for rendering (kept in
    memory only)."""

    spec: dict[str, Any]
    compiled: CompiledSpec
    secrets: tuple[str, ...]
    """Every secret value it holds, to mask them wherever they appear in a recorded request."""

    @classmethod
    def from_snapshot(cls, stored: dict[str, Any]) -> ActionSpec:
        spec = decrypt_spec(stored)
        return cls(spec, compile_spec(spec), tuple(_changed_strings(stored, spec)))


def _changed_strings(stored: Any, plain: Any) -> list[str]:
    """The clear-text values decryption produced: where the plain spec differs from the stored."""
    if isinstance(stored, dict) and isinstance(plain, dict):
        return [v for key in plain for v in _changed_strings(stored.get(key), plain[key])]
    if isinstance(stored, list) and isinstance(plain, list):
        return [v for a, b in zip(stored, plain, strict=False) for v in _changed_strings(a, b)]
    return [plain] if isinstance(plain, str) and plain and plain != stored else []


@dataclass(frozen=True)
class RenderedCall:
    method: str
    url: str
    headers: dict[str, str]
    body: bytes | None
    timeout_s: float
    masked: dict[str, Any]
    """The request as recorded in the step log: every secret masked."""
    secrets: tuple[str, ...]
    """The secrets the request carries, to mask in what comes back."""


def render_call(
    action: ActionSpec, node: Node, context, key: str, session, redis_client
) -> RenderedCall:
    """Evaluate a node's mappings, render the action's request, authenticate it.

    Raises StepError when an expression fails or a value does not fit its parameter.
    """
    data = node.data
    try:
        rendered = action.compiled.render(
            params=evaluate_mapping(data.get("params"), context),
            headers=evaluate_mapping(data.get("headers"), context),
            query=evaluate_mapping(data.get("query"), context),
            path=evaluate_value(data["path"], context) if data.get("path") else None,
        )
    except ParameterValueError as error:
        raise StepError(f"cannot render the request: {error}") from None
    rendered.headers["Idempotency-Key"] = key
    rendered.secret_values.extend(action.secrets)
    apply_auth(
        rendered, action.spec.get("auth") or {"type": "none"}, session=session, cache=redis_client
    )
    return RenderedCall(
        method=rendered.method,
        url=rendered.url,
        headers=rendered.headers,
        body=rendered.body_json(),
        timeout_s=float(action.spec.get("timeout_ms", 10_000)) / 1000,
        masked=rendered.masked(),
        secrets=tuple(rendered.secret_values),
    )


# ---- enqueueing ------------------------------------------------------------------------------


def enqueue_ids(instance_ids: list[int], at: datetime | None = None) -> None:
    """Queue jobs for these instances in `BATCH_SIZE` chunks, now or at `at` (RQ scheduler)."""
    queue = get_queue(RUNNER_QUEUE)
    for start in range(0, len(instance_ids), BATCH_SIZE):
        chunk = instance_ids[start : start + BATCH_SIZE]
        if at is None:
            queue.enqueue(advance_instances, chunk, job_timeout=JOB_TIMEOUT_S, result_ttl=0)
        else:
            queue.enqueue_at(at, advance_instances, chunk, job_timeout=JOB_TIMEOUT_S, result_ttl=0)


def schedule(due: dict[int, datetime]) -> None:
    """Enqueue instance ids by due time: due ones now, later ones grouped per second."""
    now = utcnow()
    groups: defaultdict[datetime | None, list[int]] = defaultdict(list)
    for instance_id, at in due.items():
        if at <= now:
            groups[None].append(instance_id)
        else:
            seconds = math.ceil(at.timestamp() / SCHEDULE_GRANULARITY_S) * SCHEDULE_GRANULARITY_S
            groups[datetime.fromtimestamp(seconds, at.tzinfo)].append(instance_id)
    for at, ids in groups.items():
        enqueue_ids(sorted(ids), at)


# ---- the job ---------------------------------------------------------------------------------


def advance_instances(instance_ids: list[int]) -> dict[str, int]:
    """RQ job: advance these instances (those not due, finished or claimed are skipped)."""
    job = get_current_job()
    batch = BatchRun(get_runtime(), db.session, instance_ids)
    try:
        outcome = batch.run()
    except Exception:
        db.session.rollback()
        batch.abandon()
        raise
    logger.info(
        "runner job %s: %d of %d instances claimed, %d calls",
        job.id if job else "-", outcome["claimed"], len(instance_ids), outcome["calls"],
        extra={"claimed": outcome["claimed"], "calls": outcome["calls"]},
    )
    return outcome


@dataclass(slots=True)
class PendingCall:
    run: RunState
    node: Node
    plan: Plan
    record: StepRecord
    previous: StepStatus | None
    outbound: OutboundCall | None = None
    auth_failure: CallResult | None = None
    """Set when authentication failed before sending (a token endpoint refused or was down)."""
    secrets: tuple[str, ...] = ()


class BatchRun:
    """One execution of `advance_instances` over the instances it manages to claim."""

    def __init__(self, runtime: Runtime, session: Session, instance_ids: list[int]):
        self.runtime = runtime
        self.session = session
        self.instance_ids = list(instance_ids)
        self.token = uuid.uuid4().hex
        self.runs: dict[int, RunState] = {}
        self.plans: dict[int, Plan] = {}
        self.version_of: dict[int, int] = {}
        self.open_steps: dict[tuple[int, str], tuple[StepStatus, int, str | None]] = {}
        self.current = Writes()
        """What this round decided so far (walk records, outcomes): not written yet."""
        self.ready = Writes()
        """Earlier rounds' records and instance states, written with the next commit."""
        self.dirty: set[int] = set()
        self.calls_sent = 0
        self.node_refs: dict[tuple[int, str], NodeRef] = {}
        self.observed = metrics.BatchMetrics()

    # -- claiming and loading --

    def claim(self) -> None:
        now = utcnow()
        self.session.execute(
            update(INSTANCES)
            .where(
                INSTANCES.c.id.in_(self.instance_ids),
                INSTANCES.c.status.in_(ACTIVE_STATUSES),
                INSTANCES.c.due_at <= now,
                or_(INSTANCES.c.lease_expires_at.is_(None), INSTANCES.c.lease_expires_at < now),
            )
            .values(lease_token=self.token, lease_expires_at=now + timedelta(seconds=LEASE_S))
        )
        self.session.commit()
        rows = self.session.execute(
            select(
                INSTANCES.c.id, INSTANCES.c.journey_id, INSTANCES.c.version_id,
                INSTANCES.c.profile_id, INSTANCES.c.node_id, INSTANCES.c.outputs,
                INSTANCES.c.status, Event.payload,
            )
            .outerjoin(Event, Event.id == INSTANCES.c.event_id)
            .where(INSTANCES.c.lease_token == self.token)
        ).all()
        if not rows:
            return
        self.plans = self.runtime.plans_for(self.session, {row.version_id for row in rows})
        for row in rows:
            plan = self.plans[row.version_id]
            self.version_of[row.id] = row.version_id
            self.runs[row.id] = RunState(
                instance_id=row.id,
                journey_id=row.journey_id,
                version_number=plan.number,
                profile_id=row.profile_id,
                event=row.payload or {},
                node_id=row.node_id,
                outputs=dict(row.outputs or {}),
                status=InstanceStatus(row.status),
            )
        for step in self.session.execute(
            select(STEPS.c.instance_id, STEPS.c.node_id, STEPS.c.status, STEPS.c.attempts,
                   STEPS.c.idempotency_key)
            .where(STEPS.c.instance_id.in_(list(self.runs)), STEPS.c.status.in_(OPEN_STEP_STATUSES))
        ):
            self.open_steps[(step.instance_id, step.node_id)] = (
                StepStatus(step.status), step.attempts, step.idempotency_key,
            )

    def version_statuses(self) -> dict[int, VersionStatus]:
        rows = self.session.execute(
            select(JourneyVersion.id, JourneyVersion.status).where(
                JourneyVersion.id.in_(list(self.plans))
            )
        )
        return {version_id: VersionStatus(status) for version_id, status in rows}

    # -- the rounds --

    def run(self) -> dict[str, int]:
        started = time.monotonic()
        self.claim()
        if not self.runs:
            return {"claimed": 0, "calls": 0}
        moving = list(self.runs.values())
        parked: dict[int, datetime] = {}
        while moving:
            if time.monotonic() - started > JOB_BUDGET_S:
                for run in moving:
                    run.due_at = utcnow()
                    parked[run.instance_id] = run.due_at
                    self.dirty.add(run.instance_id)
                break
            moving = self.round(moving, parked)
        for run in self.runs.values():
            if run.status == InstanceStatus.WAITING and run.due_at is not None:
                parked[run.instance_id] = run.due_at
        self.release()
        schedule(parked)
        return {"claimed": len(self.runs), "calls": self.calls_sent}

    def round(self, moving: list[RunState], parked: dict[int, datetime]) -> list[RunState]:
        """Walk `moving` to their next calls, make them, and return the runs that moved on."""
        now = utcnow()
        statuses = self.version_statuses()
        pending: list[PendingCall] = []
        for run in moving:
            self.dirty.add(run.instance_id)
            version_id = self.version_of[run.instance_id]
            if statuses.get(version_id) == VersionStatus.STOPPED:
                self.stop(run, now)
                continue
            plan = self.plans[version_id]
            node = walk(plan.graph, run, now)
            self.take_records(run)
            if node is not None:
                pending.append(self.pending_call(run, node, plan, now))
        to_send = self.admit(pending, parked, now)
        for call in pending:
            if call.auth_failure is not None:
                call.record.attempts += 1
                self.settle(call, call.auth_failure, now, parked)
        moved = [call.run for call in pending if call.record.status == StepStatus.FAILED]
        if to_send:
            self.write_sending(to_send)
            results = self.runtime.sender.send([call.outbound for call in to_send])
            self.calls_sent += len(to_send)
            finished_at = utcnow()
            for call, result in zip(to_send, results, strict=True):
                if self.settle(call, result, finished_at, parked):
                    moved.append(call.run)
        self.end_round()
        return [run for run in moved if run.active]

    def pending_call(self, run: RunState, node: Node, plan: Plan, now: datetime) -> PendingCall:
        previous, attempts, key = self.open_steps.get(
            (run.instance_id, node.id), (None, 0, None)
        )
        record = StepRecord(
            node.id, "action", StepStatus.SENDING, now, attempts=attempts,
            idempotency_key=key or idempotency_key(self.runtime.secret, run.instance_id, node.id),
        )
        call = PendingCall(run, node, plan, record, previous)
        action = plan.actions.get(node.data.get("action"))
        try:
            if action is None:
                raise StepError(f"action {node.data.get('action')!r} is not in this version")
            rendered = render_call(
                action, node, run.context(now), record.idempotency_key, self.runtime.session,
                self.runtime.redis,
            )
        except StepError as error:
            self.fail_call(call, FailureReason.ERROR, str(error), now)
            return call
        except (AuthTokenError, requests.RequestException) as error:
            if isinstance(error, AuthTokenError):
                code = error.status_code
                reason = http_reason(code) if code else FailureReason.ERROR
                retryable = error.retryable
            else:  # the token endpoint could not be reached
                failure = classify_exception(error)
                reason, retryable = str(failure.reason), failure.retryable
            call.auth_failure = CallResult(
                key=run.instance_id, status_code=None, response_json=None,
                excerpt=f"authentication failed: {error}"[:500], started_at=time.time(),
                duration_ms=0.0, error_reason=reason, retryable=retryable, retry_after=None,
            )
            return call
        record.request, call.secrets = rendered.masked, rendered.secrets
        call.outbound = OutboundCall(
            key=run.instance_id,
            method=rendered.method,
            url=rendered.url,
            headers=rendered.headers,
            body_json=rendered.body,
            timeout_s=rendered.timeout_s,
        )
        return call

    def admit(
        self, pending: list[PendingCall], parked: dict[int, datetime], now: datetime
    ) -> list[PendingCall]:
        """Apply rate limits: the calls to send now (throttled ones are parked, capped fail)."""
        by_limit: defaultdict[tuple, list[PendingCall]] = defaultdict(list)
        admitted: list[PendingCall] = []
        for call in pending:
            if call.outbound is None:
                continue
            limit = call.plan.actions[call.node.data["action"]].spec.get("rate_limit")
            # A call already sent (crash) or holding a reserved slot does not reserve again.
            if not limit or call.previous in (StepStatus.SENDING, StepStatus.THROTTLED):
                admitted.append(call)
                continue
            host = host_of(call.outbound.url)
            key = (host, int(limit["calls"]), float(limit["per_seconds"]), limit.get("mode", "throttle"))
            by_limit[key].append(call)
        for (host, calls_allowed, per_seconds, mode), group in by_limit.items():
            reservation = self.runtime.limiter.reserve(
                host, calls_allowed, per_seconds, mode, n=len(group)
            )
            for index, call in enumerate(group):
                if index >= reservation.granted:
                    self.fail_call(call, FailureReason.CAPPED, FailureReason.CAPPED, now)
                elif mode == RateLimitMode.THROTTLE and reservation.delays_s[index] > SEND_NOW_S:
                    due = now + timedelta(seconds=reservation.delays_s[index])
                    self.park(call, StepStatus.THROTTLED, due, parked, None)
                else:
                    admitted.append(call)
            if mode == RateLimitMode.THROTTLE:
                for call, delay_s in zip(group, reservation.delays_s, strict=False):
                    self.observed.throttle(call.node.data["action"], delay_s)
        for call in admitted:
            call.record.attempts += 1
        return admitted

    # -- outcomes --

    def settle(
        self, call: PendingCall, result: CallResult, finished_at: datetime,
        parked: dict[int, datetime],
    ) -> bool:
        """Record a call's outcome; True when the run moved on past the action."""
        record = call.record
        self.report_call(call, result)
        self.current.tally.call(
            self.node_ref(call.run.instance_id, call.node.id),
            None if call.auth_failure else result.duration_ms,
            succeeded=result.succeeded,
        )
        record.finished_at = finished_at
        record.duration_ms = round(result.duration_ms, 2)
        record.response_status = result.status_code
        record.response_excerpt = result.excerpt and redact_secrets(result.excerpt, call.secrets)
        if result.succeeded:
            record.status, record.port = StepStatus.SUCCEEDED, "ok"
            settle_action(
                call.plan.graph, call.run, call.node,
                failure=None, response=result.response_json, status_code=result.status_code,
            )
            self.write_step(call.run.instance_id, record)
            return True
        spec = call.plan.actions[call.node.data["action"]].spec
        delay = RetryPolicy(max_retries=int(spec.get("retries", 3))).next_delay(
            record.attempts, retryable=result.retryable, retry_after=result.retry_after
        )
        auth = spec.get("auth") or {}
        if result.status_code == 401 and record.attempts == 1 and auth_kind(auth).caches_token:
            # The cached token may have been revoked early: fetch a new one, retry at once.
            invalidate_auth(auth, cache=self.runtime.redis)
            delay = 0.0
        if delay is not None:
            record.finished_at = None
            self.park(
                call, StepStatus.RETRYING, finished_at + timedelta(seconds=delay), parked,
                result.error_reason,
            )
            return False
        self.fail_call(
            call, result.error_reason, result.error_reason, finished_at,
            response=result.response_json, status_code=result.status_code,
        )
        return True

    def report_call(self, call: PendingCall, result: CallResult) -> None:
        """Add a call attempt to the job's metrics and log it: one INFO line with its ids and
        outcome. Never the URL (its path and query may hold a key or personal data; the step
        log keeps the masked request)."""
        action_key = call.node.data["action"]
        host = host_of(call.outbound.url) if call.outbound is not None else None
        outcome = result.status_code or result.error_reason
        if call.auth_failure is None:
            self.observed.call(action_key, result.duration_ms / 1000, result.error_reason)
        logger.info(
            "call %s to %s: %s in %.1f ms (attempt %d)",
            action_key, host or "(authentication failed)", outcome, result.duration_ms,
            call.record.attempts,
            extra={
                "journey_id": call.run.journey_id,
                "version": call.plan.number,
                "instance_id": call.run.instance_id,
                "node_id": call.node.id,
                "action": action_key,
                "method": call.outbound.method if call.outbound is not None else None,
                "host": host,
                "status_code": result.status_code,
                "error": result.error_reason,
                "attempt": call.record.attempts,
                "duration_ms": round(result.duration_ms, 1),
            },
        )

    def fail_call(
        self, call: PendingCall, reason: str, message: str, now: datetime, *,
        response: Any = None, status_code: int | None = None,
    ) -> None:
        """A final failure: the error port if connected, else the instance fails."""
        record = call.record
        record.status, record.error, record.finished_at = StepStatus.FAILED, message[:500], now
        record.port = settle_action(
            call.plan.graph, call.run, call.node,
            failure=reason, response=response, status_code=status_code,
        )
        self.write_step(call.run.instance_id, record)

    def park(
        self, call: PendingCall, status: StepStatus, due: datetime,
        parked: dict[int, datetime], error: str | None,
    ) -> None:
        call.record.status, call.record.error = status, error
        call.run.due_at = due
        parked[call.run.instance_id] = due
        self.write_step(call.run.instance_id, call.record)

    def stop(self, run: RunState, now: datetime) -> None:
        if run.node_id is not None and (run.instance_id, run.node_id) in self.open_steps:
            graph_node = self.plans[self.version_of[run.instance_id]].graph.by_id.get(run.node_id)
            self.write_step(
                run.instance_id,
                StepRecord(run.node_id, graph_node.type if graph_node else "action",
                           StepStatus.STOPPED, now, finished_at=now, error="journey stopped"),
            )
        run.finish(InstanceStatus.STOPPED, "journey stopped")

    # -- persistence --

    def take_records(self, run: RunState) -> None:
        for record in run.records:
            self.write_step(run.instance_id, record)
        run.records.clear()

    def node_ref(self, instance_id: int, node_id: str) -> NodeRef:
        """Where the counts of this instance's step at `node_id` go (see `app.runner.stats`)."""
        version_id = self.version_of[instance_id]
        ref = self.node_refs.get((version_id, node_id))
        if ref is None:
            node = self.plans[version_id].graph.by_id.get(node_id)
            action_key = node.data.get("action") if node is not None and node.type == "action" else None
            ref = self.node_refs[(version_id, node_id)] = NodeRef(
                self.plans[version_id].journey_id, version_id, node_id, action_key
            )
        return ref

    def write_step(self, instance_id: int, record: StepRecord, into: Writes | None = None) -> None:
        """Buffer a step row (an insert the first time this job or an earlier one saw it) and
        count it."""
        writes = into or self.current
        ref = self.node_ref(instance_id, record.node_id)
        values = {
            "v_status": record.status,
            "v_attempts": record.attempts,
            "v_finished_at": record.finished_at,
            "v_duration_ms": record.duration_ms,
            "v_request": record.request,
            "v_response_status": record.response_status,
            "v_response_excerpt": record.response_excerpt,
            "v_error": record.error,
            "v_port": record.port,
            "v_idempotency_key": record.idempotency_key,
        }
        key = (instance_id, record.node_id)
        self.observed.step(record.node_type, record.status)
        writes.tally.step(ref, record.status, record.port, new=key not in self.open_steps)
        if key in self.open_steps:
            writes.step_updates.append({"w_instance": instance_id, "w_node": record.node_id, **values})
        else:
            writes.step_inserts.append(
                {
                    "instance_id": instance_id,
                    "node_id": record.node_id,
                    "node_type": record.node_type,
                    "action_key": ref.action_key,
                    "started_at": record.started_at,
                    **{name[2:]: value for name, value in values.items()},
                }
            )
        self.open_steps[key] = (record.status, record.attempts, record.idempotency_key)

    def end_round(self) -> None:
        """The round's decisions become ready: its records, and its instances' states."""
        self.ready.step_inserts += self.current.step_inserts
        self.ready.step_updates += self.current.step_updates
        self.ready.tally.merge(self.current.tally)
        self.current = Writes()
        now = utcnow()
        for instance_id in self.dirty:
            self.ready.instances[instance_id] = self.instance_values(self.runs[instance_id], now)
        self.dirty = set()

    def write_sending(self, calls: list[PendingCall]) -> None:
        """Commit the earlier rounds' outcomes and these calls' `sending` state before sending.

        This round's walk waits for the outcomes: a job that dies now leaves each instance
        where the previous round put it, so the next job walks the same way again, finds the
        `sending` step and re-sends it with the same key. One transaction per round keeps the
        database's single writer (SQLite) free most of the time.
        """
        sending = Writes()
        for call in calls:
            self.write_step(call.run.instance_id, call.record, into=sending)
        counts = Tally()
        self.ready.write(self.session, counts)
        sending.write(self.session, counts)
        self.ready = Writes()
        self.session.execute(
            update(INSTANCES)
            .where(INSTANCES.c.lease_token == self.token)
            .values(lease_expires_at=utcnow() + timedelta(seconds=LEASE_S))
        )
        self.commit(counts)

    def abandon(self) -> None:
        """After an unexpected error: give the instances up as the last commit left them and
        try them again shortly, rather than leaving them claimed until the lease expires."""
        self.session.execute(
            update(INSTANCES)
            .where(INSTANCES.c.lease_token == self.token)
            .values(lease_token=None, lease_expires_at=None)
        )
        self.session.commit()
        enqueue_ids(sorted(self.runs), at=utcnow() + timedelta(seconds=RETRY_AFTER_ERROR_S))

    def release(self) -> None:
        """Write what is left and give the instances up, in one transaction; then record the
        job's metrics."""
        self.end_round()
        counts = Tally()
        self.ready.write(self.session, counts)
        self.ready = Writes()
        self.session.execute(
            update(INSTANCES)
            .where(INSTANCES.c.lease_token == self.token)
            .values(lease_token=None, lease_expires_at=None)
        )
        self.commit(counts)
        for run in self.runs.values():
            if not run.active:
                self.observed.instance_finished(run.status)
        self.observed.record()

    def commit(self, counts: Tally) -> None:
        """Add the node counts last, then commit: every worker adds to the same counter rows,
        so each transaction holds their locks only for the moment before its commit."""
        counts.write(self.session)
        self.session.commit()

    def instance_values(self, run: RunState, now: datetime) -> dict[str, Any]:
        return {
            "w_id": run.instance_id,
            "w_token": self.token,
            "v_status": run.status,
            "v_node_id": run.node_id,
            "v_outputs": run.outputs,
            "v_error": run.error,
            "v_due_at": (run.due_at or now) if run.active else None,
            "v_updated_at": now,
            "v_finished_at": None if run.active else now,
        }


@dataclass
class Writes:
    """Step rows, instance states and node counts waiting to be written, by executemany."""

    step_inserts: list[dict[str, Any]] = field(default_factory=list)
    step_updates: list[dict[str, Any]] = field(default_factory=list)
    instances: dict[int, dict[str, Any]] = field(default_factory=dict)
    tally: Tally = field(default_factory=Tally)

    def write(self, session: Session, counts: Tally) -> None:
        """Write the rows; the node counts are added to `counts`, for `BatchRun.commit`."""
        if self.step_inserts:
            session.execute(insert(STEPS), self.step_inserts)
        if self.step_updates:
            session.execute(STEP_UPDATE, self.step_updates)
        if self.instances:
            session.execute(INSTANCE_UPDATE, list(self.instances.values()))
        counts.merge(self.tally)


STEP_UPDATE = (
    update(STEPS)
    .where(STEPS.c.instance_id == bindparam("w_instance"), STEPS.c.node_id == bindparam("w_node"))
    .values(
        {
            name: bindparam(f"v_{name}")
            for name in (
                "status", "attempts", "finished_at", "duration_ms", "request", "response_status",
                "response_excerpt", "error", "port", "idempotency_key",
            )
        }
    )
)
INSTANCE_UPDATE = (
    update(INSTANCES)
    .where(INSTANCES.c.id == bindparam("w_id"), INSTANCES.c.lease_token == bindparam("w_token"))
    .values(
        status=bindparam("v_status"),
        node_id=bindparam("v_node_id"),
        outputs=bindparam("v_outputs"),
        error=bindparam("v_error"),
        due_at=bindparam("v_due_at"),
        updated_at=bindparam("v_updated_at"),
        finished_at=bindparam("v_finished_at"),
    )
)
"""Only the holder of the lease may write an instance (a job that lost it writes nothing)."""
