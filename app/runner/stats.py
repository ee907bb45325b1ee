"""Node counters: what the live report, the action health pages and the home pages count.

Reading the step rows would slow down as they grow (millions a day at the runner's speed), so
the runner keeps counters instead, in `runner_node_counts` (`app.runner.models.NodeCount`):

- **Writing.** A job gathers increments in memory (`Tally`) while it records steps and call
  outcomes, and adds them with one upsert statement (`INSERT ... ON CONFLICT DO UPDATE SET value =
  value + excluded.value`) *in the same transaction as the step rows*, so counts and steps never
  disagree. Each increment lands in three buckets: the minute, the hour and the day it happened
  in. A round of 250 instances through one action node adds about 20 rows, whatever the volume.
  Rows are written in key order so two workers adding to the same buckets cannot deadlock.
- **Reading.** A time range is tiled by the coarsest buckets that fit (`cover`): minutes up to
  the first full hour, hours up to the first full day, then days. Any range, "since publish"
  included, sums at most ~60 + 24 + (days) rows per node and metric, found by an index range scan
  on the unique key (version_id, resolution, bucket, node_id, metric).
- **What is counted.** Per node: `entered` (a step row was created; for the event node,
  `started`: an instance was created), `succeeded`, `failed`, `stopped`, `port:<port>` (the edge
  taken out of the node). Per action call attempt: `calls`, `call_errors`, `call_ms_sum` and a
  latency histogram `call_ms_le:<bound>` (non-cumulative buckets, percentiles interpolated within
  a bucket as Prometheus' `histogram_quantile` does — an estimate within one bucket's width).
  In flight ("waiting") is not a counter but the instances at each node now
  (index `ix_runner_instances_version_status_node`).
- **Retention.** Minute rows are kept two days and hour rows 35 days (`prune`, a worker
  maintenance hook); day rows stay.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Select, delete, func, select, union_all
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.auth.models import as_aware, utcnow
from app.runner.models import ACTIVE_STATUSES, Instance, NodeCount, Resolution, StepStatus

COUNTS = NodeCount.__table__

LATENCY_BOUNDS_MS = (
    1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500, 700,
    1000, 1500, 2000, 3000, 5000, 7000, 10000, 15000, 20000, 30000, 60000,
)
"""Upper bounds of the call latency histogram, about 1.5x apart; calls above the last one fall
in an open bucket."""
OPEN_BOUND = "inf"

FINAL_STEP_METRICS = {
    StepStatus.SUCCEEDED: "succeeded",
    StepStatus.FAILED: "failed",
    StepStatus.STOPPED: "stopped",
}
KEEP = {Resolution.MINUTE: timedelta(days=2), Resolution.HOUR: timedelta(days=35)}


def bucket_start(moment: datetime, resolution: Resolution) -> datetime:
    if resolution == Resolution.MINUTE:
        return moment.replace(second=0, microsecond=0)
    if resolution == Resolution.HOUR:
        return moment.replace(minute=0, second=0, microsecond=0)
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def latency_bucket(duration_ms: float) -> str:
    index = bisect.bisect_left(LATENCY_BOUNDS_MS, duration_ms)
    return str(LATENCY_BOUNDS_MS[index]) if index < len(LATENCY_BOUNDS_MS) else OPEN_BOUND


# ---- writing ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NodeRef:
    """Where a count belongs: a node of a journey version (and the action it calls, if any)."""

    journey_id: int
    version_id: int
    node_id: str
    action_key: str | None = None


@dataclass
class Tally:
    """Increments gathered in memory, written in one statement by `write`."""

    counts: Counter[tuple[NodeRef, str]] = field(default_factory=Counter)

    def add(self, node: NodeRef, metric: str, amount: int = 1) -> None:
        self.counts[(node, metric)] += amount

    def step(self, node: NodeRef, status: StepStatus, port: str | None, *, new: bool) -> None:
        """A step row was written: `new` when it was inserted, with the status it now has."""
        if new:
            self.add(node, "entered")
        metric = FINAL_STEP_METRICS.get(status)
        if metric:
            self.add(node, metric)
            if port:
                self.add(node, f"port:{port}")

    def call(self, node: NodeRef, duration_ms: float | None, *, succeeded: bool) -> None:
        """One attempt of an action call came back, or failed (`duration_ms` None: it failed
        before anything was sent, e.g. authentication, and has no latency to count)."""
        self.add(node, "calls")
        if not succeeded:
            self.add(node, "call_errors")
        if duration_ms is not None:
            self.add(node, "call_ms_sum", round(duration_ms))
            self.add(node, f"call_ms_le:{latency_bucket(duration_ms)}")

    def merge(self, other: Tally) -> None:
        self.counts.update(other.counts)

    def write(self, session: Session, at: datetime | None = None) -> None:
        """Add the tally to the minute, hour and day buckets of `at` (now), then forget it."""
        if not self.counts:
            return
        at = at or utcnow()
        rows = [
            {
                "journey_id": node.journey_id,
                "version_id": node.version_id,
                "node_id": node.node_id,
                "action_key": node.action_key,
                "resolution": resolution.value,
                "bucket": bucket_start(at, resolution),
                "metric": metric,
                "value": amount,
            }
            for (node, metric), amount in self.counts.items()
            if amount
            for resolution in Resolution
        ]
        rows.sort(key=lambda row: (row["version_id"], row["resolution"], row["node_id"], row["metric"]))
        if rows:
            session.execute(_upsert(session), rows)
        self.counts.clear()


def _upsert(session: Session):
    dialect_insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[
        session.get_bind().dialect.name
    ]
    statement = dialect_insert(COUNTS)
    return statement.on_conflict_do_update(
        index_elements=[
            COUNTS.c.version_id, COUNTS.c.resolution, COUNTS.c.bucket, COUNTS.c.node_id, COUNTS.c.metric,
        ],
        set_={"value": COUNTS.c.value + statement.excluded.value},
    )


def prune(session: Session, now: datetime | None = None) -> int:
    """Drop minute and hour rows past their retention; the day rows keep the long view."""
    now = now or utcnow()
    removed = 0
    for resolution, keep in KEEP.items():
        result = session.execute(
            delete(COUNTS).where(COUNTS.c.resolution == resolution.value, COUNTS.c.bucket < now - keep)
        )
        removed += result.rowcount or 0
    session.commit()
    return removed


# ---- reading ---------------------------------------------------------------------------------


def cover(start: datetime | None, end: datetime) -> list[tuple[Resolution, datetime | None, datetime]]:
    """Tile [start, end) with the coarsest buckets that fit: minutes up to the first full hour,
    hours up to the first full day, then days (`start` None: all days). Minute precision."""
    if start is None:
        return [(Resolution.DAY, None, end)]
    start = bucket_start(start, Resolution.MINUTE)
    hour = bucket_start(start, Resolution.HOUR)
    first_hour = hour if hour == start else hour + timedelta(hours=1)
    day = bucket_start(start, Resolution.DAY)
    first_day = day if day == start else day + timedelta(days=1)
    tiles = [
        (Resolution.MINUTE, start, min(first_hour, end)),
        (Resolution.HOUR, first_hour, min(first_day, end)),
        (Resolution.DAY, first_day, end),
    ]
    return [(resolution, low, high) for resolution, low, high in tiles if low < high]


def _buckets_in_range(condition, start: datetime | None, end: datetime) -> Select:
    """The rows matching `condition` whose buckets tile [start, end): one index range scan per
    resolution, glued with UNION ALL (an OR of the ranges defeats SQLite's planner)."""
    parts = [
        select(COUNTS.c.version_id, COUNTS.c.journey_id, COUNTS.c.action_key, COUNTS.c.node_id,
               COUNTS.c.metric, COUNTS.c.value)
        .where(
            condition,
            COUNTS.c.resolution == resolution.value,
            *([COUNTS.c.bucket >= low] if low is not None else []),
            COUNTS.c.bucket < high,
        )
        for resolution, low, high in cover(start, end)
    ]
    return parts[0] if len(parts) == 1 else union_all(*parts).subquery().select()


@dataclass
class Latency:
    """A call latency histogram: how many calls fell at or under each bound."""

    buckets: Counter[str] = field(default_factory=Counter)
    total_ms: int = 0

    @property
    def count(self) -> int:
        return sum(self.buckets.values())

    def add(self, metric: str, value: int) -> None:
        self.buckets[metric.removeprefix("call_ms_le:")] += value

    def quantile(self, q: float) -> float | None:
        """The latency under which a fraction `q` of calls fell, interpolated within its bucket."""
        total = self.count
        if not total:
            return None
        rank = q * total
        seen, lower = 0, 0.0
        for bound in LATENCY_BOUNDS_MS:
            in_bucket = self.buckets.get(str(bound), 0)
            if in_bucket and seen + in_bucket >= rank:
                return lower + (bound - lower) * (rank - seen) / in_bucket
            seen, lower = seen + in_bucket, float(bound)
        return float(LATENCY_BOUNDS_MS[-1])

    @property
    def mean_ms(self) -> float | None:
        return self.total_ms / self.count if self.count else None


@dataclass
class Figures:
    """What happened at a node (or to an action, or in a journey) over a time range."""

    entered: int = 0
    started: int = 0
    """Instances that entered the journey (counted at its event node, which is also `entered`)."""
    succeeded: int = 0
    failed: int = 0
    stopped: int = 0
    waiting: int = 0
    """Instances at the node now (not bound to the range)."""
    calls: int = 0
    call_errors: int = 0
    latency: Latency = field(default_factory=Latency)
    ports: Counter[str] = field(default_factory=Counter)

    def add(self, metric: str, value: int) -> None:
        if metric.startswith("port:"):
            self.ports[metric.removeprefix("port:")] += value
        elif metric.startswith("call_ms_le:"):
            self.latency.add(metric, value)
        elif metric == "call_ms_sum":
            self.latency.total_ms += value
        elif metric == "started":
            self.started += value
            self.entered += value
        else:
            setattr(self, metric, getattr(self, metric) + value)

    @property
    def error_rate(self) -> float | None:
        return self.call_errors / self.calls if self.calls else None

    @property
    def p95_ms(self) -> float | None:
        return self.latency.quantile(0.95)


def counts_query(version_id: int, start: datetime | None, end: datetime) -> Select:
    """Per node and metric, the sum over [start, end) of one version's buckets."""
    rows = _buckets_in_range(COUNTS.c.version_id == version_id, start, end).subquery()
    return select(rows.c.node_id, rows.c.metric, func.sum(rows.c.value)).group_by(
        rows.c.node_id, rows.c.metric
    )


def version_figures(
    session: Session, version_id: int, start: datetime | None, end: datetime | None = None
) -> dict[str, Figures]:
    """Node id -> its figures since `start` (None: since publish), with the instances there now."""
    figures: dict[str, Figures] = {}
    for node_id, metric, value in session.execute(counts_query(version_id, start, end or utcnow())):
        figures.setdefault(node_id, Figures()).add(metric, int(value))
    in_flight = session.execute(
        select(Instance.node_id, func.count())
        .where(Instance.version_id == version_id, Instance.status.in_(ACTIVE_STATUSES))
        .group_by(Instance.node_id)
    )
    for node_id, count in in_flight:
        if node_id is not None:
            figures.setdefault(node_id, Figures()).waiting = count
    return figures


def totals_by(
    session: Session, column: str, keys: Iterable, start: datetime | None, end: datetime | None = None
) -> dict:
    """Figures summed over every node, per journey id (`column="journey_id"`) or per action key
    (`column="action_key"`)."""
    keys = list(keys)
    if not keys:
        return {}
    matching = _buckets_in_range(COUNTS.c[column].in_(keys), start, end or utcnow()).subquery()
    rows = session.execute(
        select(matching.c[column], matching.c.metric, func.sum(matching.c.value))
        .group_by(matching.c[column], matching.c.metric)
    )
    totals: dict = {key: Figures() for key in keys}
    for key, metric, value in rows:
        totals[key].add(metric, int(value))
    return totals


def action_series(
    session: Session, action_key: str, start: datetime, resolution: Resolution, end: datetime | None = None
) -> list[tuple[datetime, Figures]]:
    """An action's figures per bucket of `resolution` from `start`, oldest first, gaps included."""
    end = end or utcnow()
    rows = session.execute(
        select(COUNTS.c.bucket, COUNTS.c.metric, func.sum(COUNTS.c.value))
        .where(
            COUNTS.c.action_key == action_key,
            COUNTS.c.resolution == resolution.value,
            COUNTS.c.bucket >= bucket_start(start, resolution),
            COUNTS.c.bucket < end,
        )
        .group_by(COUNTS.c.bucket, COUNTS.c.metric)
    )
    by_bucket: dict[datetime, Figures] = {}
    for bucket, metric, value in rows:
        by_bucket.setdefault(as_aware(bucket), Figures()).add(metric, int(value))
    step = {Resolution.MINUTE: timedelta(minutes=1), Resolution.HOUR: timedelta(hours=1),
            Resolution.DAY: timedelta(days=1)}[resolution]
    series, moment = [], bucket_start(start, resolution)
    while moment < end:
        series.append((moment, by_bucket.get(moment, Figures())))
        moment += step
    return series

