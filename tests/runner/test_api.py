"""The step log API, re-driving a failed instance, and test mode."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

import pytest

from app.auth.models import utcnow
from app.events import service as events_service
from app.journeys import service as journeys_service
from app.runner.models import InstanceStatus
from app.runner.sink import Reply
from tests.factories import bearer, make_token
from tests.runner.helpers import (
    action_node,
    graph,
    insert_instances,
    instances,
    make_action,
    make_event_type,
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
def headers(db):
    return bearer(make_token("marketer"))


def test_list_filter_and_show_an_instance_with_its_masked_steps(app, sink, client, headers):
    make_action(f"{sink.url}/hook", headers=[{"name": "X-Secret", "value": "s3cr3t"}])
    journey_id = publish(graph([action_node("a1")], [("n0", "a1")]))
    events_service.ingest_events("signup", [signup_payload(1), signup_payload(2)])
    run_worker(app)
    assert journeys_service.entries_today([journey_id]) == {journey_id: 2}
    listed = client.get(f"/api/v1/journeys/{journey_id}/instances?status=completed", headers=headers)
    assert listed.status_code == 200 and len(listed.json["items"]) == 2 and listed.json["next"] is None
    one = client.get(
        f"/api/v1/journeys/{journey_id}/instances?profile=user2@example.com", headers=headers
    ).json["items"]
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


def test_list_pages_by_cursor_with_every_filter(app, db, redis_client, client, headers):
    make_event_type()
    make_action("http://127.0.0.1:9/hook")
    journey_id = publish(graph([action_node("a1")], [("n0", "a1")]))
    now = utcnow()
    statuses = [InstanceStatus.FAILED, InstanceStatus.COMPLETED, InstanceStatus.WAITING]
    rows = [
        {"status": statuses[n % 3], "profile_id": f"p{n % 2}", "created_at": now - timedelta(hours=n)}
        for n in range(150)
    ]
    ids = insert_instances(journey_id, *rows)
    url = f"/api/v1/journeys/{journey_id}/instances"

    arrivals = []

    def walk(query: str, arrive: bool = False) -> list[int]:
        """Every page, following `next`; with `arrive`, a new instance lands between pages."""
        seen, cursor = [], None
        while True:
            answer = client.get(f"{url}?{query}" + (f"&cursor={cursor}" if cursor else ""), headers=headers)
            assert answer.status_code == 200, answer.json
            seen += [item["id"] for item in answer.json["items"]]
            assert len(answer.json["items"]) <= 50
            cursor = answer.json["next"]
            if cursor is None:
                return seen
            if arrive:
                row = {"status": InstanceStatus.FAILED, "profile_id": "p0", "created_at": utcnow()}
                arrivals.append((insert_instances(journey_id, row)[0], row))

    def expected(keep, by_time: bool = False) -> list[int]:
        """Newest first: by id, or by creation time under a time filter."""
        matching = [
            (row["created_at"] if by_time else 0, instance_id)
            for instance_id, row in zip(ids, rows, strict=True) if keep(row)
        ]
        return [instance_id for _, instance_id in sorted(matching, reverse=True)]

    assert walk("", arrive=True) == sorted(ids, reverse=True)
    assert len(arrivals) == 2
    for arrived, row in arrivals:
        ids.append(arrived)
        rows.append(row)
    assert walk("status=failed") == expected(lambda row: row["status"] == InstanceStatus.FAILED)
    assert walk("profile=p1") == expected(lambda row: row["profile_id"] == "p1")
    assert walk("within=24h") == expected(lambda row: row["created_at"] > now - timedelta(hours=24), True)
    since = (now - timedelta(hours=100)).isoformat()
    until = (now - timedelta(hours=10)).isoformat()
    assert walk(f"status=completed&profile=p0&from={quote(since)}&to={quote(until)}") == expected(
        lambda row: row["status"] == InstanceStatus.COMPLETED and row["profile_id"] == "p0"
        and now - timedelta(hours=100) <= row["created_at"] < now - timedelta(hours=10),
        True,
    )
    first = client.get(f"{url}?limit=10", headers=headers).json
    second = client.get(f"{url}?limit=10&cursor={first['next']}", headers=headers).json
    back = client.get(f"{url}?limit=10&newer_than={second['newer']}", headers=headers).json
    assert second["newer"] == second["items"][0]["id"]
    assert [item["id"] for item in back["items"]] == [item["id"] for item in first["items"]]
    assert back["newer"] is None and back["next"] == first["next"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=yesterday", "from"),
        ("to=2025-13-01T00:00", "to"),
        ("from=2025-03-02T00:00&to=2025-03-01T00:00", "to"),
        ("status=nope", "status"),
        ("within=2h", "within"),
        ("cursor=abc", "cursor"),
        ("cursor=5&newer_than=3", "newer_than"),
        ("limit=0", "limit"),
    ],
)
def test_bad_list_parameters_are_422_naming_the_field(db, redis_client, client, headers, query, field):
    make_event_type()
    make_action("http://127.0.0.1:9/hook")
    journey_id = publish(graph([action_node("a1")], [("n0", "a1")]))
    answer = client.get(f"/api/v1/journeys/{journey_id}/instances?{query}", headers=headers)
    assert answer.status_code == 422
    assert list(answer.json["error"]["fields"]) == [field]
    assert field in answer.json["error"]["message"]


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
