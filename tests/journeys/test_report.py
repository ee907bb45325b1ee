"""The live report: its API (counts equal to the step rows after a real worker run, time ranges,
versions, bad inputs, roles), the canvas page in report mode and the recent-steps partial."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from app.events import service as events_service
from app.extensions import db as database
from app.journeys import service as journeys_service
from app.journeys.models import Journey
from app.runner.models import Instance, InstanceStatus, Step, StepStatus
from app.runner.sink import Reply
from app.runner.stats import NodeRef, Tally
from tests.factories import bearer, make_token
from tests.runner.helpers import (
    action_node,
    graph,
    make_action,
    make_event_type,
    publish,
    run_worker,
    signup_payload,
)

FLOW = graph(
    [
        {"id": "c", "type": "condition", "branches": [{"port": "vip", "when": "event.seats >= 10"}]},
        action_node("a1"),
        action_node("a2", "crm"),
        {"id": "w", "type": "wait", "seconds": 0.01},
        {"id": "e_ok", "type": "end"},
        {"id": "e_err", "type": "end"},
    ],
    [("n0", "c"), ("c", "a1", "vip"), ("c", "a2", "else"), ("a1", "w"), ("w", "e_ok"),
     ("a2", "e_ok", "ok"), ("a2", "e_err", "error")],
)
HOSTILE = '<script>alert("owned")</script><img src=x onerror=alert(1)>'


def report_url(journey_id: int, **query) -> str:
    query_string = "&".join(f"{key}={value}" for key, value in query.items())
    return f"/api/v1/journeys/{journey_id}/report" + (f"?{query_string}" if query else "")


def get_report(client, journey_id: int, **query) -> dict:
    response = client.get(report_url(journey_id, **query))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def by_node(report: dict) -> dict[str, dict]:
    return {node["id"]: node for node in report["nodes"]}


def by_edge(report: dict) -> dict[tuple[str, str, str], int]:
    return {(edge["from"], edge["port"], edge["to"]): edge["count"] for edge in report["edges"]}


# ---- counts after a real run -----------------------------------------------------------------


def step_rows(version_id: int) -> tuple[dict[str, Counter], Counter]:
    """Per node: steps entered, by final status, and call attempts; per (node, port): steps that
    left through it — counted the slow way, from the step rows."""
    nodes: dict[str, Counter] = {}
    ports: Counter = Counter()
    rows = database.session.execute(
        select(Step.node_id, Step.status, Step.port, func.count(), func.sum(Step.attempts))
        .join(Instance, Instance.id == Step.instance_id)
        .where(Instance.version_id == version_id)
        .group_by(Step.node_id, Step.status, Step.port)
    )
    for node_id, status, port, count, attempts in rows:
        counter = nodes.setdefault(node_id, Counter())
        counter["entered"] += count
        counter[status.value] += count
        counter["attempts"] += attempts or 0
        if port and status in (StepStatus.SUCCEEDED, StepStatus.FAILED):
            ports[(node_id, port)] += count
    return nodes, ports


def test_report_counts_equal_the_step_rows_after_a_run(app, sink, signed_in):
    make_action(f"{sink.url}/hook", retries=1)
    make_action(f"{sink.url}/crm", key="crm", retries=0)
    journey_id = publish(FLOW)
    sink.recorder.set_script("/hook", [Reply.json(500), Reply.json(200)])  # each call: a retry, then ok
    sink.recorder.set_script("/crm", [Reply.json(400)])  # the error path
    vips = [signup_payload(index, seats=10 + index) for index in range(3)]
    events_service.ingest_events("signup", [*vips, signup_payload(9, seats=1)])
    run_worker(app, until_idle=5)
    version_id = database.session.get(Journey, journey_id).live_version_id
    steps, ports = step_rows(version_id)
    started = database.session.scalar(select(func.count()).where(Instance.version_id == version_id))

    report = get_report(signed_in("marketer"), journey_id, range="publish")
    assert (report["journey_id"], report["version"], report["version_status"]) == (journey_id, 1, "live")
    assert report["range"] == "publish" and report["since"] is None
    assert abs(datetime.fromisoformat(report["generated_at"]) - datetime.now(UTC)) < timedelta(minutes=1)
    nodes = by_node(report)
    assert set(nodes) == {"n0", "c", "a1", "a2", "w", "e_ok", "e_err"}
    for node_id, expected in steps.items():
        node = nodes[node_id]
        assert (node["entered"], node["succeeded"], node["failed"], node["stopped"], node["waiting"]) == (
            expected["entered"], expected["succeeded"], expected["failed"], expected["stopped"], 0
        ), node_id
    assert nodes["n0"]["entered"] == started == 4
    for action_id in ("a1", "a2"):
        assert nodes[action_id]["calls"] == steps[action_id]["attempts"]
    assert (nodes["a1"]["calls"], nodes["a1"]["call_errors"], nodes["a1"]["error_rate"]) == (6, 3, 0.5)
    assert (nodes["a2"]["calls"], nodes["a2"]["error_rate"]) == (1, 1.0)
    assert nodes["a1"]["p95_ms"] > 0
    assert all(nodes[other]["calls"] is None and nodes[other]["p95_ms"] is None for other in ("n0", "c", "w"))

    edges = by_edge(report)
    assert edges == {
        ("n0", "next", "c"): started,
        ("c", "vip", "a1"): ports[("c", "vip")],
        ("c", "else", "a2"): ports[("c", "else")],
        ("a1", "ok", "w"): ports[("a1", "ok")],
        ("w", "next", "e_ok"): ports[("w", "next")],
        ("a2", "ok", "e_ok"): 0,
        ("a2", "error", "e_err"): ports[("a2", "error")],
    }
    assert (edges[("c", "vip", "a1")], edges[("c", "else", "a2")]) == (3, 1)
    assert edges[("a2", "error", "e_err")] == 1
    # Everything just happened, so every range sees all of it.
    for time_range in ("1h", "24h", "7d"):
        assert by_node(get_report(signed_in("marketer"), journey_id, range=time_range)) == nodes


def test_waiting_counts_the_instances_at_a_node_now(app, sink, signed_in):
    make_action(f"{sink.url}/hook")
    journey_id = publish(graph([{"id": "w", "type": "wait", "seconds": 3600}, action_node("a1")],
                               [("n0", "w"), ("w", "a1")]))
    events_service.ingest_events("signup", [signup_payload(index) for index in range(3)])
    client = signed_in("marketer")
    queued = by_node(get_report(client, journey_id))
    assert (queued["n0"]["entered"], queued["n0"]["waiting"]) == (3, 3)  # no worker yet
    assert by_edge(get_report(client, journey_id))[("n0", "next", "w")] == 0
    run_worker(app)
    report = get_report(client, journey_id)
    nodes = by_node(report)
    wait = nodes["w"]
    assert nodes["n0"]["waiting"] == 0
    assert (wait["entered"], wait["waiting"], wait["succeeded"]) == (3, 3, 0)
    assert by_edge(report) == {("n0", "next", "w"): 3, ("w", "next", "a1"): 0}


# ---- ranges, versions, bad inputs, roles --------------------------------------------------------


@pytest.fixture
def live_journey(db) -> Journey:
    make_event_type()
    make_action("https://93.184.216.34/hook")
    return database.session.get(Journey, publish(graph([action_node("a1")], [("n0", "a1")])))


def count_at(journey: Journey, at: datetime, entered: int, version_id: int | None = None) -> None:
    tally = Tally()
    tally.add(NodeRef(journey.id, version_id or journey.live_version_id, "a1", "notify"), "entered", entered)
    tally.write(database.session, at)
    database.session.commit()


def test_each_range_counts_what_happened_within_it(live_journey, signed_in):
    now = datetime.now(UTC)
    for ago, entered in ((timedelta(minutes=5), 1), (timedelta(hours=3), 10), (timedelta(days=3), 100),
                         (timedelta(days=12), 1000)):
        count_at(live_journey, now - ago, entered)
    client = signed_in("marketer")
    entered = {
        time_range: by_node(get_report(client, live_journey.id, range=time_range))["a1"]["entered"]
        for time_range in ("1h", "24h", "7d", "publish")
    }
    assert entered == {"1h": 1, "24h": 11, "7d": 111, "publish": 1111}
    assert by_node(get_report(client, live_journey.id))["a1"]["entered"] == 11  # the default: 24 hours
    since = datetime.fromisoformat(get_report(client, live_journey.id, range="7d")["since"])
    assert since.minute == since.second == 0 and timedelta(days=7) <= now - since < timedelta(days=7, hours=1)


def test_the_live_version_by_default_and_any_version_by_number(live_journey, signed_in):
    first = live_journey.live_version_id
    journeys_service.new_version(live_journey.id)
    journeys_service.publish(live_journey.id)
    count_at(live_journey, datetime.now(UTC), 7, version_id=first)
    count_at(live_journey, datetime.now(UTC), 2)
    client = signed_in("marketer")
    default = get_report(client, live_journey.id)
    assert (default["version"], default["version_status"]) == (2, "live")
    assert by_node(default)["a1"]["entered"] == 2
    old = get_report(client, live_journey.id, version=1)
    assert (old["version"], old["version_status"], by_node(old)["a1"]["entered"]) == (1, "closed", 7)
    journeys_service.stop(live_journey.id)
    stopped = get_report(client, live_journey.id)
    assert (stopped["version"], stopped["version_status"]) == (2, "stopped")  # the newest, once none is live


@pytest.mark.parametrize(
    ("query", "status", "field", "message"),
    [
        ({"range": "2h"}, 422, "range", "Must be one of"),
        ({"version": "abc"}, 422, "version", "Not a valid integer"),
        ({"version": "0"}, 422, "version", "greater than or equal to 1"),
        ({"version": "9"}, 404, "version", "has no version 9"),
    ],
)
def test_bad_inputs_are_refused_naming_the_field(live_journey, signed_in, query, status, field, message):
    response = signed_in("marketer").get(report_url(live_journey.id, **query))
    assert response.status_code == status
    error = response.get_json()["error"]
    assert field in error["fields"]
    assert message in error["message"] + " ".join(error["fields"][field])


def test_a_draft_has_no_report_and_an_unknown_journey_is_404(db, signed_in):
    make_event_type()
    draft = journeys_service.create_journey("Never published", entry_event="signup")
    client = signed_in("marketer")
    response = client.get(report_url(draft.id))
    assert response.status_code == 409
    assert "has not been published yet: a draft has no report" in response.get_json()["error"]["message"]
    assert client.get(report_url(draft.id + 1000)).status_code == 404


@pytest.mark.parametrize("role", ["marketer", "technical", "admin"])
def test_every_role_from_marketer_up_reads_the_report(live_journey, signed_in, role):
    assert signed_in(role).get(report_url(live_journey.id)).status_code == 200


def test_the_report_needs_a_session_or_a_token(live_journey, client):
    assert client.get(report_url(live_journey.id)).status_code == 401
    response = client.get(report_url(live_journey.id), headers=bearer(make_token("marketer")))
    assert response.status_code == 200 and response.get_json()["version"] == 1


# ---- the canvas page and the recent-steps partial ----------------------------------------------


def page_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="journey-data">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_a_live_journey_opens_read_only_with_its_report(live_journey, signed_in):
    html = signed_in("marketer").get(f"/journeys/{live_journey.id}?range=7d").get_data(as_text=True)
    data = page_data(html)
    assert data["read_only"] is True
    assert data["report"] == {
        "version": 1, "range": "7d", "url": f"/api/v1/journeys/{live_journey.id}/report",
        "steps_url": f"/journeys/{live_journey.id}/report/steps", "interval_ms": 3000,
    }
    assert 'id="report-bar"' in html and "js/report.js" in html
    assert re.search(r'value="7d"\s+checked', html)
    bogus = signed_in("marketer").get(f"/journeys/{live_journey.id}?range=forever").get_data(as_text=True)
    assert page_data(bogus)["report"]["range"] == "24h"


def test_a_draft_is_edited_as_before_and_its_live_version_reported_on_request(live_journey, signed_in):
    journeys_service.new_version(live_journey.id)
    journeys_service.save_draft(live_journey.id, graph([action_node("a1"), {"id": "e", "type": "end"}],
                                                       [("n0", "a1"), ("a1", "e")]))
    client = signed_in("marketer")
    html = client.get(f"/journeys/{live_journey.id}").get_data(as_text=True)
    data = page_data(html)
    assert data["read_only"] is False and data["report"] is None and len(data["graph"]["nodes"]) == 3
    assert 'id="publish"' in html and "js/report.js" not in html and 'id="report-bar"' not in html
    assert f'href="/journeys/{live_journey.id}?version=1"' in html  # the Live report button
    reported = client.get(f"/journeys/{live_journey.id}?version=1").get_data(as_text=True)
    data = page_data(reported)
    assert data["read_only"] is True and data["report"]["version"] == 1 and data["problems"] == []
    assert [node["id"] for node in data["graph"]["nodes"]] == ["n0", "a1"]
    assert 'id="edit-draft"' in reported and 'id="publish"' not in reported
    assert client.get(f"/journeys/{live_journey.id}?version=5").status_code == 404
    bad = client.get(f"/journeys/{live_journey.id}?version=v1")
    assert bad.status_code == 422 and "version: must be a version number" in bad.get_data(as_text=True)


def add_step(journey: Journey, profile: str, status: StepStatus, error: str | None = None) -> Instance:
    instance = Instance(
        journey_id=journey.id, version_id=journey.live_version_id, profile_id=profile, event_id=1,
        status=InstanceStatus.FAILED if status == StepStatus.FAILED else InstanceStatus.COMPLETED,
        node_id=None, outputs={},
    )
    database.session.add(instance)
    database.session.flush()
    database.session.add(Step(
        instance_id=instance.id, node_id="a1", node_type="action", status=status, attempts=3,
        duration_ms=42.0, error=error, port="ok" if status == StepStatus.SUCCEEDED else None,
        finished_at=datetime.now(UTC),
    ))
    database.session.commit()
    return instance


def steps_url(journey: Journey, node: str = "a1", version: int = 1) -> str:
    return f"/journeys/{journey.id}/report/steps?version={version}&node={node}"


def test_recent_steps_lists_the_newest_twenty_escaped(live_journey, signed_in):
    instances = [add_step(live_journey, f"u{index}@example.com", StepStatus.SUCCEEDED) for index in range(22)]
    hostile = add_step(live_journey, HOSTILE, StepStatus.FAILED, error=HOSTILE[:200])
    response = signed_in("marketer").get(steps_url(live_journey), htmx=True)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<html" not in html and HOSTILE not in html and "<script>" not in html
    assert escape(HOSTILE) in html and escape(HOSTILE[:200]) in html
    listed = [int(instance_id) for instance_id in re.findall(r'data-instance-id="(\d+)"', html)]
    assert listed == [hostile.id, *(instance.id for instance in reversed(instances))][:20]
    assert f'href="/instances/{hostile.id}"' in html
    assert "42 ms" in html and "3 attempts" in html and "failed" in html


def test_recent_steps_of_the_event_node_are_its_entries_and_bad_nodes_are_404(live_journey, signed_in):
    entry = add_step(live_journey, "first@example.com", StepStatus.SUCCEEDED)
    client = signed_in("marketer")
    html = client.get(steps_url(live_journey, node="n0")).get_data(as_text=True)
    assert "Newest entries" in html and f'data-instance-id="{entry.id}"' in html
    assert "Newest steps" in client.get(steps_url(live_journey)).get_data(as_text=True)
    missing = client.get(steps_url(live_journey, node="nope"))
    assert missing.status_code == 404 and "has no node" in missing.get_data(as_text=True)
    assert client.get(steps_url(live_journey, version=3)).status_code == 404


def test_recent_steps_need_a_signed_in_user(live_journey, client):
    response = client.get(steps_url(live_journey))
    assert response.status_code == 302 and "/login" in response.headers["Location"]
