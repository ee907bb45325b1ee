"""How an instance moves through its graph: pure step logic, no database, no Redis, no Flask.

A job (`app.runner.jobs`) loads a batch of instances into `RunState`s and calls `walk` on each:
conditions, ends, event nodes and elapsed waits are decided here in memory, and the walk stops at
the first node that needs the outside world — an action to call (returned to the job, which
sends the calls of the whole batch together) or a wait that has not elapsed (the run is parked
with `due_at`). `settle_action` then applies an action's final outcome (its response, or why it
failed) and picks the `ok` or `error` port, so the job can walk on within the same batch.

Every node an instance passes is written to a `StepRecord`, which the job stores as a step row
and test mode returns as the path taken.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import cel

from app.expressions import ExpressionError, build_context, evaluate, prepare_context
from app.journeys.graph import ELSE_PORT, Graph, Node, next_node_id
from app.runner.models import InstanceStatus, StepStatus

SUCCEEDED = "succeeded"
"""`nodes.<id>.status` of an action that succeeded; a failed one carries its failure reason."""


class StepError(Exception):
    """A node cannot run for this instance (an expression fails, a value has the wrong type)."""


@dataclass(slots=True)
class StepRecord:
    """What happened at one node, as stored in a step row."""

    node_id: str
    node_type: str
    status: StepStatus
    started_at: datetime
    finished_at: datetime | None = None
    port: str | None = None
    error: str | None = None
    attempts: int = 0
    request: dict[str, Any] | None = None
    response_status: int | None = None
    response_excerpt: str | None = None
    duration_ms: float | None = None
    idempotency_key: str | None = None


@dataclass(slots=True)
class RunState:
    """An instance in memory while a job (or a test run) advances it."""

    instance_id: int
    journey_id: int
    version_number: int
    profile_id: str
    event: Mapping[str, Any]
    node_id: str | None
    outputs: dict[str, Any]
    status: InstanceStatus = InstanceStatus.RUNNING
    due_at: datetime | None = None
    error: str | None = None
    records: list[StepRecord] = field(default_factory=list)
    _context: cel.Context | None = None

    def context(self, now: datetime) -> cel.Context:
        """The expression context, converted to CEL once until the outputs change."""
        if self._context is None:
            self._context = prepare_context(
                build_context(
                    self.event,
                    journey_id=self.journey_id,
                    version=self.version_number,
                    instance_id=self.instance_id,
                    profile_id=self.profile_id,
                    nodes=self.outputs,
                    now=now,
                )
            )
        return self._context

    def set_output(self, node_id: str, output: dict[str, Any]) -> None:
        self.outputs[node_id] = output
        self._context = None

    @property
    def active(self) -> bool:
        return self.status in (InstanceStatus.RUNNING, InstanceStatus.WAITING)

    def finish(self, status: InstanceStatus, error: str | None = None) -> None:
        self.status = status
        self.error = error
        self.node_id = None
        self.due_at = None


def idempotency_key(secret: str, instance_id: int, node_id: str) -> str:
    """The `Idempotency-Key` of an action step: the same for every attempt and re-drive.

    Keyed with the installation's secret so two Cairn databases (or one re-created) never
    send a third party the same key for different calls.
    """
    digest = hashlib.sha256(f"{secret}\x00{instance_id}\x00{node_id}".encode()).hexdigest()
    return digest[:40]


def _move(graph: Graph, run: RunState, node_id: str, port: str | None) -> None:
    """Leave `node_id` through `port`; an unconnected port ends the journey for this instance."""
    target = next_node_id(graph, node_id, port)
    if target is None:
        run.finish(InstanceStatus.COMPLETED)
    else:
        run.node_id = target


def evaluate_value(value: Any, context: cel.Context) -> Any:
    """A mapped parameter: `{"value": constant}` as is, a string as a CEL expression."""
    if isinstance(value, Mapping):
        return value["value"]
    try:
        return evaluate(value, context)
    except ExpressionError as error:
        raise StepError(f"{value!r}: {error}") from None


def evaluate_mapping(mapping: Mapping[str, Any] | None, context: cel.Context) -> dict[str, Any]:
    return {name: evaluate_value(value, context) for name, value in (mapping or {}).items()}


def wait_until(node: Node, context: cel.Context, now: datetime) -> datetime:
    """When a wait node releases an instance that reaches it at `now`."""
    seconds = node.data.get("seconds")
    if seconds is not None:
        return now + timedelta(seconds=float(seconds))
    try:
        until = evaluate(node.data["until"], context)
    except ExpressionError as error:
        raise StepError(f"until: {error}") from None
    if not isinstance(until, datetime):
        raise StepError(f"until: expected a timestamp, got {type(until).__name__}")
    return until if until.tzinfo else until.replace(tzinfo=UTC)


def _choose_branch(node: Node, context: cel.Context) -> str:
    for branch in node.data.get("branches", ()):
        try:
            matched = evaluate(branch["when"], context)
        except ExpressionError as error:
            raise StepError(f"{branch['when']!r}: {error}") from None
        if matched is True:
            return branch["port"]
    return ELSE_PORT


def walk(
    graph: Graph, run: RunState, now: datetime, *, wait_cap_s: float | None = None
) -> Node | None:
    """Advance `run` until it needs an action call (that node is returned) or parks or ends.

    A run that arrives in status WAITING was woken because its wait elapsed. `wait_cap_s`
    shortens every wait (test mode).
    """
    while run.active:
        node = graph.by_id.get(run.node_id) if run.node_id else None
        if node is None:
            run.finish(InstanceStatus.FAILED, f"node {run.node_id!r} is not in the graph")
            return None
        if node.type == "action":
            return node
        if node.type == "event":
            _move(graph, run, node.id, None)
            continue
        record = StepRecord(node.id, node.type, StepStatus.SUCCEEDED, now, finished_at=now)
        try:
            if node.type == "end":
                run.records.append(record)
                run.finish(InstanceStatus.COMPLETED)
                return None
            if node.type == "condition":
                record.port = _choose_branch(node, run.context(now))
            elif node.type == "wait":
                if run.status == InstanceStatus.WAITING:
                    run.status = InstanceStatus.RUNNING
                else:
                    until = wait_until(node, run.context(now), now)
                    if wait_cap_s is not None:
                        until = min(until, now + timedelta(seconds=wait_cap_s))
                    if until > now:
                        record.status, record.finished_at = StepStatus.WAITING, None
                        run.records.append(record)
                        run.status, run.due_at = InstanceStatus.WAITING, until
                        return None
                record.port = "next"
        except StepError as error:
            record.status, record.error = StepStatus.FAILED, str(error)[:500]
            run.records.append(record)
            run.finish(InstanceStatus.FAILED, record.error)
            return None
        run.records.append(record)
        _move(graph, run, node.id, record.port)
    return None


def settle_action(
    graph: Graph,
    run: RunState,
    node: Node,
    *,
    failure: str | None,
    response: Any = None,
    status_code: int | None = None,
) -> str | None:
    """Apply an action's final outcome: expose it to later nodes and leave through a port.

    On failure the `error` port is taken when connected (later nodes see the reason in
    `nodes.<id>.status`), otherwise the instance fails. Returns the port taken.
    """
    run.set_output(
        node.id,
        {"status": failure or SUCCEEDED, "response": response, "status_code": status_code},
    )
    if failure is None:
        _move(graph, run, node.id, "ok")
        return "ok"
    if next_node_id(graph, node.id, "error") is None:
        run.finish(InstanceStatus.FAILED, f"{node.id}: {failure}")
        return None
    _move(graph, run, node.id, "error")
    return "error"
