"""An action's health: calls, errors and latency over a time range, and its latest failures.

Figures come from the runner's counters (`app.runner.stats`), never from the step rows, so the
page can refresh every few seconds whatever the volume: the totals are summed from at most ~60 +
24 + 7 counter rows per metric, the series from one row per bucket and metric. The series starts
on a bucket boundary and the totals cover exactly the same buckets, so the bars add up to the
totals. Latency percentiles are estimates from the counters' histogram (within one bucket's
width, see `stats.Latency.quantile`).

The recent failures are the one read of step rows: the newest failed steps of this action, found
by the partial index `ix_runner_steps_action_failed` (action_key, id) WHERE status = 'failed'.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, text

from app.actions.chart import Chart, ChartBucket, build_chart
from app.auth.models import as_aware, utcnow
from app.errors import InvalidInput
from app.extensions import db
from app.journeys.models import Journey
from app.runner import stats
from app.runner.models import Instance, NodeCount, Resolution, Step

FAILURES_SHOWN = 20
EXCERPT_CHARS = 300
"""How much of a failed call's response excerpt is shown next to it (the instance page has it all)."""
PERCENTILES = (("p50", 0.5), ("p95", 0.95), ("p99", 0.99))


UNITS = {
    Resolution.MINUTE: ("minute", timedelta(minutes=1)),
    Resolution.HOUR: ("hour", timedelta(hours=1)),
    Resolution.DAY: ("day", timedelta(days=1)),
}


@dataclass(frozen=True)
class HealthRange:
    """A time range the health section offers: how far back, in buckets of what width."""

    key: str
    label: str
    period: str
    """The range in a sentence ("the last hour")."""
    resolution: Resolution
    buckets: int

    @property
    def unit(self) -> str:
        return UNITS[self.resolution][0]

    @property
    def step(self) -> timedelta:
        return UNITS[self.resolution][1]

    def start(self, now: datetime) -> datetime:
        """The first bucket's start: `buckets` whole buckets, the last one being the current."""
        return stats.bucket_start(now, self.resolution) - (self.buckets - 1) * self.step


RANGES = {
    health_range.key: health_range
    for health_range in (
        HealthRange("1h", "Last hour", "the last hour", Resolution.MINUTE, 60),
        HealthRange("24h", "Last 24 hours", "the last 24 hours", Resolution.HOUR, 24),
        HealthRange("7d", "Last 7 days", "the last 7 days", Resolution.HOUR, 7 * 24),
    )
}
DEFAULT_RANGE = "24h"


def parse_range(value: str | None) -> HealthRange:
    """The range named `value` (None or empty: the default), or InvalidInput naming `range`."""
    if not value:
        return RANGES[DEFAULT_RANGE]
    try:
        return RANGES[value]
    except KeyError:
        raise InvalidInput.on("range", f"must be one of {', '.join(RANGES)}") from None


@dataclass(frozen=True)
class Failure:
    """A failed step of the action, with the journey and instance it belongs to."""

    step_id: int
    instance_id: int
    journey_id: int
    journey_name: str
    profile_id: str
    node_id: str
    at: datetime
    response_status: int | None
    error: str | None
    response_excerpt: str | None
    """The start of the third party's answer (untrusted text: escape it wherever it is shown)."""


@dataclass(frozen=True)
class Health:
    action_key: str
    range: HealthRange
    start: datetime
    end: datetime
    totals: stats.Figures
    series: list[tuple[datetime, stats.Figures]]
    failures: list[Failure]
    ever_called: bool

    @property
    def percentiles(self) -> dict[str, float | None]:
        """Estimated call latency percentiles over the range, in milliseconds."""
        return {name: self.totals.latency.quantile(q) for name, q in PERCENTILES}

    def chart(self) -> Chart:
        return build_chart(chart_buckets(self.series, self.range), unit=self.range.unit,
                           period=self.range.period)


def action_health(action_key: str, health_range: HealthRange, now: datetime | None = None) -> Health:
    """The action's figures over `health_range` up to `now`, and its most recent failures."""
    now = now or utcnow()
    start = health_range.start(now)
    totals = stats.totals_by(db.session, "action_key", [action_key], start, now)[action_key]
    series = stats.action_series(db.session, action_key, start, health_range.resolution, now)
    return Health(
        action_key=action_key,
        range=health_range,
        start=start,
        end=now,
        totals=totals,
        series=series,
        failures=recent_failures(action_key),
        ever_called=bool(totals.calls) or ever_called(action_key),
    )


def ever_called(action_key: str) -> bool:
    """Whether any journey ever called the action (day counters are never pruned)."""
    found = db.session.scalar(
        select(NodeCount.id)
        .where(
            NodeCount.action_key == action_key,
            NodeCount.resolution == Resolution.DAY.value,
            NodeCount.metric == "calls",
        )
        .limit(1)
    )
    return found is not None


def recent_failures(action_key: str, limit: int = FAILURES_SHOWN) -> list[Failure]:
    """The action's newest failed steps, newest first, with their journey and instance."""
    rows = db.session.execute(
        select(Step, Instance.journey_id, Instance.profile_id, Journey.name)
        .join(Instance, Instance.id == Step.instance_id)
        .join(Journey, Journey.id == Instance.journey_id)
        # A literal predicate, so the planner can match the partial index's WHERE.
        .where(Step.action_key == action_key, text("runner_steps.status = 'failed'"))
        .order_by(Step.id.desc())
        .limit(limit)
    )
    return [
        Failure(
            step_id=step.id,
            instance_id=step.instance_id,
            journey_id=journey_id,
            journey_name=journey_name,
            profile_id=profile_id,
            node_id=step.node_id,
            at=as_aware(step.finished_at or step.started_at),
            response_status=step.response_status,
            error=step.error,
            response_excerpt=_shorten(step.response_excerpt),
        )
        for step, journey_id, profile_id, journey_name in rows
    ]


def _shorten(excerpt: str | None) -> str | None:
    if excerpt is None or len(excerpt) <= EXCERPT_CHARS:
        return excerpt
    return excerpt[:EXCERPT_CHARS] + "…"


def last_day_totals(action_keys: list[str], now: datetime | None = None) -> dict[str, stats.Figures]:
    """Each action's figures over the last 24 hours, for the actions list (one query)."""
    now = now or utcnow()
    return stats.totals_by(db.session, "action_key", action_keys, RANGES["24h"].start(now), now)


# ---- time labels for the chart ---------------------------------------------------------------


def chart_buckets(
    series: list[tuple[datetime, stats.Figures]], health_range: HealthRange
) -> list[ChartBucket]:
    """The series as the chart draws it, with tooltip names and a few time-axis labels."""
    return [
        ChartBucket(
            label=_bucket_label(moment, health_range),
            tick=_tick(moment, health_range),
            calls=figures.calls,
            errors=figures.call_errors,
            p95_ms=figures.p95_ms,
        )
        for moment, figures in series
    ]


def _bucket_label(moment: datetime, health_range: HealthRange) -> str:
    label = moment.strftime("%Y-%m-%d %H:%M")
    if health_range.resolution == Resolution.HOUR:
        label += (moment + health_range.step).strftime("–%H:%M")
    return label + " UTC"


def _tick(moment: datetime, health_range: HealthRange) -> str | None:
    """Every 10 minutes for an hour, every 4 hours for a day, each midnight for a week."""
    if health_range.resolution == Resolution.MINUTE:
        return moment.strftime("%H:%M") if moment.minute % 10 == 0 else None
    if health_range.buckets <= 24:
        return moment.strftime("%H:%M") if moment.hour % 4 == 0 else None
    return moment.strftime("%a %d") if moment.hour == 0 else None
