"""The live report of a published journey version: what happened at each node and on each edge.

The canvas polls it every few seconds, so it never reads the step rows: node figures come from
the runner's node counters (`app.runner.stats`, a handful of index range scans per report
whatever the volume) and "waiting" from the instances at each node now. An edge is the port it
leaves from (`from`, `port`) -> `to`, and counts the instances that left its source through that
port. The event node writes no step: every instance leaves it through its one port as soon as a
worker first picks it up, so its edge counts the instances started minus those still at it.

Clicking a node lists its newest steps: one query on the step rows, limited to 20 (its plan is
in docs/live-report.md).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import load_only

from app.auth.models import utcnow
from app.errors import Conflict, NotFound
from app.extensions import db
from app.journeys import service as journeys_service
from app.journeys.graph import ActionKind, Node, default_port, parse_graph
from app.journeys.models import JourneyVersion, VersionStatus
from app.runner import stats
from app.runner.models import Instance, Resolution, Step

RECENT_STEPS = 20
"""How many steps the node pane lists, newest first."""


class ReportRange(enum.StrEnum):
    """The time-range switch of the report."""

    HOUR = "1h"
    DAY = "24h"
    WEEK = "7d"
    PUBLISH = "publish"

    def start(self, now: datetime) -> datetime | None:
        """Where the range begins (None: since the version was published; counts are per version).

        The week starts on the hour: the counters keep minute buckets for two days only, so a
        week read at minute precision would miss the minutes of its first hour.
        """
        if self is ReportRange.PUBLISH:
            return None
        if self is ReportRange.WEEK:
            return stats.bucket_start(now - timedelta(days=7), Resolution.HOUR)
        return now - {ReportRange.HOUR: timedelta(hours=1), ReportRange.DAY: timedelta(days=1)}[self]


DEFAULT_RANGE = ReportRange.DAY


@dataclass(frozen=True)
class NodeReport:
    """One node's figures; the call figures only for action nodes (None elsewhere)."""

    id: str
    type: str
    entered: int
    succeeded: int
    failed: int
    stopped: int
    waiting: int
    calls: int | None = None
    call_errors: int | None = None
    error_rate: float | None = None
    p95_ms: float | None = None


@dataclass(frozen=True)
class EdgeReport:
    source: str
    target: str
    port: str
    count: int


@dataclass(frozen=True)
class Report:
    journey_id: int
    version: int
    version_status: VersionStatus
    range: ReportRange
    since: datetime | None
    generated_at: datetime
    nodes: list[NodeReport]
    edges: list[EdgeReport]


@dataclass(frozen=True)
class RecentStep:
    """A row of the node pane: a step at the node, or for the event node an entry."""

    instance_id: int
    profile_id: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    duration_ms: float | None
    attempts: int | None
    error: str | None


def report_version(journey_id: int, number: int | None = None) -> JourneyVersion:
    """The version a report is about: `number`, else the live one, else the newest published."""
    journey = journeys_service.get_journey(journey_id)
    if number is None:
        version = journey.live_version or journeys_service.latest_version(journey)
        if version is None:
            raise Conflict(
                f"“{journey.name}” has not been published yet: a draft has no report. "
                "Publish it to see what it does.",
                {"version": ["no published version"]},
            )
        return version
    version = next((version for version in journey.versions if version.number == number), None)
    if version is None:
        raise NotFound(
            f"version: “{journey.name}” has no version {number}",
            {"version": [f"no version {number}"]},
        )
    return version


def journey_report(
    journey_id: int, version_number: int | None = None, time_range: ReportRange = DEFAULT_RANGE
) -> Report:
    """Each node's and each edge's figures for one version over `time_range`."""
    version = report_version(journey_id, version_number)
    now = utcnow()
    since = time_range.start(now)
    figures = stats.version_figures(db.session, version.id, since, now)
    graph = parse_graph(version.graph)
    empty = stats.Figures()
    nodes = [_node_report(node, figures.get(node.id, empty)) for node in graph.nodes]
    edges = []
    for edge in graph.edges:
        source = graph.node(edge.source)
        port = edge.port or default_port(source) or ""
        counted = figures.get(source.id, empty)
        count = max(counted.started - counted.waiting, 0) if source.kind.is_entry else counted.ports[port]
        edges.append(EdgeReport(edge.source, edge.target, port, count))
    return Report(
        journey_id=version.journey_id,
        version=version.number,
        version_status=version.status,
        range=time_range,
        since=since,
        generated_at=now,
        nodes=nodes,
        edges=edges,
    )


def _node_report(node: Node, figures: stats.Figures) -> NodeReport:
    counts = NodeReport(
        node.id, node.type, figures.entered, figures.succeeded, figures.failed, figures.stopped,
        figures.waiting,
    )
    if node.type != ActionKind.type:
        return counts
    p95 = figures.p95_ms
    rate = figures.error_rate
    return replace(
        counts,
        calls=figures.calls,
        call_errors=figures.call_errors,
        error_rate=round(rate, 4) if rate is not None else None,
        p95_ms=round(p95, 1) if p95 is not None else None,
    )


def report_node(version: JourneyVersion, node_id: str) -> Node:
    node = parse_graph(version.graph).by_id.get(node_id)
    if node is None:
        raise NotFound(
            f"node: version {version.number} has no node {node_id!r}", {"node": [f"no node {node_id!r}"]}
        )
    return node


def recent_steps(version: JourneyVersion, node: Node, limit: int = RECENT_STEPS) -> list[RecentStep]:
    """The newest steps at `node` of this version's instances (for the event node, the newest
    entries): step id descending, which is the order they were written in."""
    if node.kind.is_entry:
        entries = db.session.scalars(
            select(Instance)
            .options(load_only(Instance.id, Instance.profile_id, Instance.status, Instance.created_at))
            .where(Instance.version_id == version.id)
            .order_by(Instance.id.desc())
            .limit(limit)
        )
        return [
            RecentStep(
                entry.id, entry.profile_id, entry.status.value, entry.created_at, None, None, None, None
            )
            for entry in entries
        ]
    rows = db.session.execute(recent_steps_query(version.id, node.id, limit))
    return [
        RecentStep(
            step.instance_id, profile_id, step.status.value, step.started_at, step.finished_at,
            step.duration_ms, step.attempts if node.type == ActionKind.type else None, step.error,
        )
        for step, profile_id in rows
    ]


def recent_steps_query(version_id: int, node_id: str, limit: int = RECENT_STEPS):
    """Steps of this version's instances at one node, newest first (also what EXPLAIN is run on)."""
    return (
        select(Step, Instance.profile_id)
        .join(Instance, Instance.id == Step.instance_id)
        .options(
            load_only(
                Step.id, Step.instance_id, Step.status, Step.started_at, Step.finished_at,
                Step.duration_ms, Step.attempts, Step.error,
            )
        )
        .where(Instance.version_id == version_id, Step.node_id == node_id)
        .order_by(Step.id.desc())
        .limit(limit)
    )
