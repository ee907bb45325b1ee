"""The step log API, re-driving a failed instance, and test mode."""

from __future__ import annotations

import pytest

from app.events import service as events_service
from app.journeys import service as journeys_service
from app.runner.sink import Reply, SinkThread
from tests.factories import bearer, make_token
from tests.runner.helpers import (
    action_node,
    graph,
    instances,
    make_action,
    make_event_type,
    private_urls_allowed,
    publish,
    run_worker,
    signup_payload,
)

CHECKED = graph(
    [action_node("a1"),
     {"id": "c", "type": "condition",
      "branches": [{"port": "yes", "when": "nodes.a1.response.ok == true"}]},
     {"id": "w", "type": "wait", "seconds": 3600},
     {"id": "e", "type": "end"}],
    [("n0", "a1"), ("a1", "c"), ("c", "w", "yes"), ("w", "e"), ("c", "e", "else")],
)


@pytest.fixture
def sink(app, db, redis_client):
    with private_urls_allowed(app), SinkThread() as running:
        make_event_type()
        yield running


@pytest.fixture
def headers(db):
    return bearer(make_token("marketer"))


def test_list_filter_and_show_an_instance_with_its_masked_steps(app, sink, client, headers):
    make_action(f"{sink.url}/hook", headers=[{"name": "X-Secret", "value": "s3cr3t"}])
    journey_id = publish(graph([action_node("a1")], [("n0", "a1")]))
    events_service.ingest_events("signup", [signup_payload(1), signup_payload(2)])
    run_worker(app)
    assert journeys_service.entries_today([journey_id]) == {journey_id: 2}
    listed = client.get(f"/api/v1/journeys/{journey_id}/instances?status=completed", headers=headers)
    assert listed.status_code == 200 and len(listed.json) == 2
    one = client.get(
        f"/api/v1/journeys/{journey_id}/instances?profile=user2@example.com", headers=headers
    ).json
    assert [item["profile_id"] for item in one] == ["user2@example.com"]
    detail = client.get(f"/api/v1/instances/{one[0]['id']}", headers=headers).json
    step = detail["steps"][0]
    assert (step["node_id"], step["status"], step["response_status"], step["port"]) == (
        "a1", "succeeded", 200, "ok"
    )
    assert step["request"]["body"] == {"to": "user2@example.com"}
    assert detail["outputs"]["a1"]["status_code"] == 200
    wrong = client.get(f"/api/v1/journeys/{journey_id}/instances?status=nope", headers=headers)
    assert wrong.status_code == 422
    assert client.get("/api/v1/instances/999999", headers=headers).status_code == 404
    assert app.test_client().get(f"/api/v1/instances/{one[0]['id']}").status_code == 401


def test_retry_redrives_only_failed_instances(app, sink, client, headers):
    sink.recorder.set_script("/hook", [Reply.json(422)])
    make_action(f"{sink.url}/hook")
    publish(graph([action_node("a1")], [("n0", "a1")]))
    events_service.ingest_events("signup", [signup_payload(1)])
    run_worker(app)
    failed = instances()[0]
    assert failed.status.value == "failed"
    sink.recorder.set_script("/hook", [Reply.json(200)])
    answer = client.post(f"/api/v1/instances/{failed.id}/retry", headers=headers)
    assert answer.status_code == 202 and answer.json["status"] == "running"
    run_worker(app)
    assert instances()[0].status.value == "completed"
    again = client.post(f"/api/v1/instances/{failed.id}/retry", headers=headers)
    assert again.status_code == 409


def test_dry_test_run_renders_and_calls_nothing(app, sink, client, headers):
    make_action(f"{sink.url}/hook")
    journey = journeys_service.create_journey("Draft", entry_event="signup")
    journeys_service.save_draft(journey.id, CHECKED)
    answer = client.post(
        f"/api/v1/journeys/{journey.id}/test",
        json={"event": signup_payload(7), "mode": "dry"}, headers=headers,
    )
    assert answer.status_code == 200, answer.json
    result = answer.json
    assert result["path"] == ["n0", "a1", "c", "w", "e"] and result["status"] == "completed"
    steps = {step["node_id"]: step for step in result["steps"]}
    assert steps["a1"]["status"] == "dry" and steps["a1"]["request"]["body"] == {"to": "user7@example.com"}
    assert steps["c"]["port"] == "yes"
    assert sink.recorder.requests == []


def test_live_test_run_calls_once_and_reports_the_response(app, sink, client, headers):
    sink.recorder.set_script("/hook", [Reply.json(200, {"ok": False})])
    make_action(f"{sink.url}/hook")
    journey = journeys_service.create_journey("Draft", entry_event="signup")
    journeys_service.save_draft(journey.id, CHECKED)
    result = client.post(
        f"/api/v1/journeys/{journey.id}/test",
        json={"event": signup_payload(7), "mode": "live"}, headers=headers,
    ).json
    assert result["path"] == ["n0", "a1", "c", "e"]
    assert result["steps"][0]["response_status"] == 200
    assert len(sink.recorder.requests) == 1
    bad = client.post(f"/api/v1/journeys/{journey.id}/test", json={"event": {}, "mode": "x"},
                      headers=headers)
    assert bad.status_code == 422
