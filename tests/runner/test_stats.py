"""Node counters: the tiling of time ranges, the latency estimate, and counts that match the step
rows after real worker runs (successes, error paths, retries, waits and a re-driven failure)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.events import service as events_service
from app.extensions import db
from app.journeys.models import Journey
from app.runner import service, stats
from app.runner.models import Instance, InstanceStatus, Resolution, Step, StepStatus
from app.runner.sink import Reply
from app.runner.stats import Latency, NodeRef, Tally, cover
from tests.runner.helpers import (
    action_node,
    graph,
    instances,
    make_action,
    make_event_type,
    publish,
    run_worker,
    signup_payload,
)

T = datetime(2026, 11, 29, 9, 17, 42, tzinfo=UTC)


def test_cover_tiles_a_range_with_the_coarsest_buckets_that_fit():
    assert cover(T - timedelta(hours=1), T) == [
        (Resolution.MINUTE, datetime(2026, 11, 29, 8, 17, tzinfo=UTC), datetime(2026, 11, 29, 9, tzinfo=UTC)),
        (Resolution.HOUR, datetime(2026, 11, 29, 9, tzinfo=UTC), T),
    ]
    week = cover(T - timedelta(days=7), T)
    assert [tile[0] for tile in week] == [Resolution.MINUTE, Resolution.HOUR, Resolution.DAY]
    assert week[1][1:] == (datetime(2026, 11, 22, 10, tzinfo=UTC), datetime(2026, 11, 23, tzinfo=UTC))
    assert week[2][1:] == (datetime(2026, 11, 23, tzinfo=UTC), T)
    midnight = datetime(2026, 11, 29, tzinfo=UTC)
    assert cover(midnight, T) == [(Resolution.DAY, midnight, T)]
    assert cover(None, T) == [(Resolution.DAY, None, T)]


def test_latency_quantiles_interpolate_within_a_bucket():
    latency = Latency()
    assert latency.quantile(0.95) is None
    for metric, count in (("call_ms_le:10", 50), ("call_ms_le:15", 45), ("call_ms_le:100", 5)):
        latency.add(metric, count)
    assert latency.quantile(0.25) == pytest.approx(7 + 3 * 25 / 50)  # the 10 ms bucket starts at 7
    assert latency.quantile(0.95) == pytest.approx(15)
    assert latency.quantile(0.99) == pytest.approx(70 + 30 * 4 / 5)
    latency.add("call_ms_le:inf", 100)
    assert latency.quantile(0.99) == stats.LATENCY_BOUNDS_MS[-1]


def test_a_tally_adds_up_across_writes_and_prune_keeps_the_day_rows(app, db):
    make_event_type()
    journey = db.session.get(Journey, publish(graph([], [])))
    version = journey.live_version
    node = NodeRef(journey.id, version.id, "a1", "notify")
    old = datetime.now(UTC) - timedelta(days=3)
    for at in (old, old, datetime.now(UTC)):
        tally = Tally()
        tally.add(node, "calls", 2)
        tally.write(db.session, at)
    db.session.commit()
    assert stats.totals_by(db.session, "action_key", ["notify"], None)["notify"].calls == 6
    assert stats.version_figures(db.session, version.id, old - timedelta(minutes=1))["a1"].calls == 6
    assert stats.prune(db.session) == 1  # the old minute row (added to twice); hours keep 35 days
    assert stats.totals_by(db.session, "action_key", ["notify"], None)["notify"].calls == 6
    last_hour = stats.version_figures(db.session, version.id, datetime.now(UTC) - timedelta(hours=1))
    assert last_hour["a1"].calls == 2


def step_counts(version_id: int) -> dict[str, Counter]:
    """What the counters should say, counted the slow way from the step rows."""
    expected: dict[str, Counter] = {}
    rows = db.session.execute(
        select(Step.node_id, Step.status, Step.port, func.count())
        .join(Instance, Instance.id == Step.instance_id)
        .where(Instance.version_id == version_id)
        .group_by(Step.node_id, Step.status, Step.port)
    )
    for node_id, status, port, count in rows:
        counter = expected.setdefault(node_id, Counter())
        counter["entered"] += count
        if status in stats.FINAL_STEP_METRICS:
            counter[stats.FINAL_STEP_METRICS[status]] += count
            if port:
                counter[f"port:{port}"] += count
    return expected


def assert_counts_match_steps(version_id: int) -> dict[str, stats.Figures]:
    figures = stats.version_figures(db.session, version_id, None)
    for node_id, expected in step_counts(version_id).items():
        got = figures[node_id]
        assert {
            "entered": got.entered, "succeeded": got.succeeded, "failed": got.failed,
            "stopped": got.stopped, **{f"port:{port}": n for port, n in got.ports.items() if n},
        } == {"entered": 0, "succeeded": 0, "failed": 0, "stopped": 0, **expected}, node_id
    return figures


FLOW = graph(
    [
        {"id": "c", "type": "condition", "branches": [{"port": "vip", "when": "event.seats >= 10"}]},
        action_node("a1"),
        action_node("a2", "crm"),
        {"id": "e_ok", "type": "end"},
        {"id": "e_err", "type": "end"},
    ],
    [("n0", "c"), ("c", "a1", "vip"), ("c", "a2", "else"), ("a1", "e_ok", "ok"), ("a2", "e_ok", "ok"),
     ("a2", "e_err", "error")],
)


def test_counts_match_the_step_rows_after_a_run(app, sink):
    make_action(f"{sink.url}/hook", retries=1)
    make_action(f"{sink.url}/crm", key="crm", retries=1)
    journey_id = publish(FLOW)
    sink.recorder.set_script("/hook", [Reply.json(500), Reply.json(200)])  # each key: a retry, then ok
    sink.recorder.set_script("/crm", [Reply.json(400)])  # not retried: the error path
    vips = [signup_payload(index, seats=10 + index) for index in range(3)]
    events_service.ingest_events("signup", [*vips, signup_payload(9, seats=1)])
    run_worker(app, until_idle=5)
    version_id = instances()[0].version_id
    figures = assert_counts_match_steps(version_id)
    assert figures["n0"].entered == figures["n0"].started == 4
    assert figures["c"].ports == Counter({"vip": 3, "else": 1})
    a1, a2 = figures["a1"], figures["a2"]
    assert (a1.entered, a1.succeeded, a1.calls, a1.call_errors, a1.ports) == (3, 3, 6, 3, Counter(ok=3))
    assert a1.latency.count == 6 and a1.p95_ms is not None and a1.error_rate == 0.5
    assert (a2.entered, a2.failed, a2.calls, a2.call_errors, a2.ports) == (1, 1, 1, 1, Counter(error=1))
    assert figures["e_ok"].entered == 3 and figures["e_err"].entered == 1
    assert service.entries_today([journey_id]) == {journey_id: 4}
    by_action = stats.totals_by(db.session, "action_key", ["notify", "crm"], None)
    assert (by_action["notify"].calls, by_action["crm"].call_errors) == (6, 1)
    failures = db.session.scalars(select(Step).where(Step.status == StepStatus.FAILED)).all()
    assert [(step.node_id, step.action_key) for step in failures] == [("a2", "crm")]


def test_waiting_counts_the_instances_at_each_node_now(app, sink):
    make_action(f"{sink.url}/hook")
    publish(graph([{"id": "w", "type": "wait", "seconds": 3600}, action_node("a1")],
                  [("n0", "w"), ("w", "a1")]))
    events_service.ingest_events("signup", [signup_payload(index) for index in range(3)])
    run_worker(app)
    version_id = instances()[0].version_id
    figures = stats.version_figures(db.session, version_id, None)
    assert (figures["w"].entered, figures["w"].waiting, figures["w"].succeeded) == (3, 3, 0)
    assert "a1" not in figures


def test_retrying_a_failed_instance_keeps_counts_equal_to_steps(app, sink):
    make_action(f"{sink.url}/hook", retries=0)
    publish(graph([action_node("a1")], [("n0", "a1")]))  # no error path: the instance fails
    sink.recorder.set_script("/hook", [Reply.json(400), Reply.json(200)])
    events_service.ingest_events("signup", [signup_payload(1)])
    run_worker(app)
    failed = instances()[0]
    assert failed.status == InstanceStatus.FAILED
    assert stats.version_figures(db.session, failed.version_id, None)["a1"].failed == 1
    service.retry_instance(failed.id)
    run_worker(app)
    assert instances()[0].status == InstanceStatus.COMPLETED
    figures = assert_counts_match_steps(failed.version_id)
    assert (figures["a1"].entered, figures["a1"].succeeded, figures["a1"].failed) == (1, 1, 0)
    assert (figures["a1"].calls, figures["a1"].call_errors) == (2, 1)
    step = db.session.scalars(select(Step).where(Step.node_id == "a1")).one()
    assert step.action_key == "notify" and step.status == StepStatus.SUCCEEDED
