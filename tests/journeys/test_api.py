"""`/api/v1/journeys`: authentication, graph saves and rejections, lifecycle, export/import."""

from __future__ import annotations

import pytest

from app.journeys.models import Journey
from tests.factories import bearer, make_token
from tests.journeys.helpers import chain_graph, make_catalog_rows, valid_graph

JOURNEYS = "/api/v1/journeys"


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert isinstance(body["error"]["fields"], dict)
    return body["error"]


@pytest.fixture
def marketer(db):
    make_catalog_rows()
    return bearer(make_token("marketer"))


@pytest.fixture
def journey_id(client, marketer) -> int:
    response = client.post(
        JOURNEYS, json={"name": "Welcome", "entry_event": "signup"}, headers=marketer
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def test_every_endpoint_needs_a_token(client, db):
    for method, path in [
        ("get", JOURNEYS),
        ("post", JOURNEYS),
        ("get", f"{JOURNEYS}/1"),
        ("patch", f"{JOURNEYS}/1"),
        ("delete", f"{JOURNEYS}/1"),
        ("put", f"{JOURNEYS}/1/graph"),
        ("post", f"{JOURNEYS}/1/publish"),
        ("post", f"{JOURNEYS}/1/close"),
        ("post", f"{JOURNEYS}/1/stop"),
        ("post", f"{JOURNEYS}/1/duplicate"),
        ("get", f"{JOURNEYS}/1/versions"),
        ("post", f"{JOURNEYS}/1/versions"),
        ("get", f"{JOURNEYS}/1/export"),
        ("post", f"{JOURNEYS}/import"),
    ]:
        assert_error(getattr(client, method)(path, json={}), 401, "unauthorized")


def test_create_get_and_list(client, marketer):
    created = client.post(
        JOURNEYS,
        json={"name": "Welcome", "description": "Hi", "entry_event": "signup"},
        headers=marketer,
    )
    assert created.status_code == 201
    body = created.get_json()
    assert isinstance(body["id"], int)
    assert (body["name"], body["status"], body["entry_event"]) == ("Welcome", "draft", "signup")
    assert body["graph"]["nodes"][0]["event"] == "signup"
    assert [p["code"] for p in body["problems"]] == []
    assert body["created_by"].startswith("marketer")
    client.post(JOURNEYS, json={"name": "Win-back"}, headers=marketer)

    fetched = client.get(f"{JOURNEYS}/{body['id']}", headers=marketer).get_json()
    assert fetched["graph"] == body["graph"] and fetched["has_draft"] is True
    listed = client.get(JOURNEYS, headers=marketer).get_json()
    assert [item["name"] for item in listed] == ["Win-back", "Welcome"]
    assert set(listed[0]) >= {
        "id",
        "status",
        "live_version",
        "updated_by",
        "updated_at",
        "entries_today",
    }
    searched = client.get(JOURNEYS, query_string={"search": "welc"}, headers=marketer).get_json()
    assert [item["id"] for item in searched] == [body["id"]]


def test_create_validation(client, marketer):
    error = assert_error(
        client.post(JOURNEYS, json={"description": "x"}, headers=marketer), 422, "invalid"
    )
    assert "name" in error["fields"]
    error = assert_error(
        client.post(JOURNEYS, json={"name": "x", "entry_event": "nope"}, headers=marketer),
        422,
        "invalid",
    )
    assert "entry_event" in error["fields"]
    assert_error(client.get(f"{JOURNEYS}/999", headers=marketer), 404, "not_found")


def test_put_graph_saves_the_draft_and_answers_problems(client, marketer, journey_id):
    saved = client.put(f"{JOURNEYS}/{journey_id}/graph", json=valid_graph(), headers=marketer)
    assert saved.status_code == 200
    assert saved.get_json() == {"problems": []}
    graph = valid_graph()
    graph["nodes"][2]["params"] = {}
    problems = client.put(f"{JOURNEYS}/{journey_id}/graph", json=graph, headers=marketer).get_json()
    assert problems["problems"] == [
        {
            "node_id": "n3",
            "field": "params.email",
            "code": "missing_parameter",
            "message": "Map the required parameter 'email'",
        }
    ]
    assert client.get(f"{JOURNEYS}/{journey_id}", headers=marketer).get_json()["graph"] == graph


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"nodes": [{"id": "a", "type": "loop"}], "edges": []}, "graph.nodes.0.type"),
        ({"nodes": [{"id": "a", "type": "end", "size": 3}], "edges": []}, "graph.nodes.0.size"),
        ({"nodes": [{"id": "a", "type": "end"}] * 2, "edges": []}, "graph.nodes.1.id"),
        (
            {"nodes": [{"id": "a", "type": "end"}], "edges": [{"from": "a", "to": "b"}]},
            "graph.edges.0.to",
        ),
        ("just a string", "graph._schema"),
    ],
)
def test_rejected_graph_is_422_with_fields_and_the_draft_untouched(
    client, marketer, journey_id, body, field
):
    client.put(f"{JOURNEYS}/{journey_id}/graph", json=valid_graph(), headers=marketer)
    error = assert_error(
        client.put(f"{JOURNEYS}/{journey_id}/graph", json=body, headers=marketer), 422, "invalid"
    )
    assert field in error["fields"], error
    assert (
        client.get(f"{JOURNEYS}/{journey_id}", headers=marketer).get_json()["graph"]
        == valid_graph()
    )


def test_huge_graph_is_a_clear_422(client, marketer, journey_id):
    response = client.put(
        f"{JOURNEYS}/{journey_id}/graph", json=chain_graph(1001), headers=marketer
    )
    error = assert_error(response, 422, "invalid")
    assert error["fields"]["graph.nodes"] == [
        "A journey can have at most 1,000 nodes (this one has 1,001)"
    ]


def test_body_that_is_not_json_is_422(client, marketer, journey_id):
    response = client.put(
        f"{JOURNEYS}/{journey_id}/graph",
        data="{nodes",
        headers=marketer,
        content_type="application/json",
    )
    assert "graph" in assert_error(response, 422, "invalid")["fields"]


def test_publish_refused_with_problems_then_published(client, marketer, journey_id):
    graph = valid_graph()
    graph["nodes"][1]["branches"][0]["when"] = "event.seats >"
    client.put(f"{JOURNEYS}/{journey_id}/graph", json=graph, headers=marketer)
    error = assert_error(
        client.post(f"{JOURNEYS}/{journey_id}/publish", headers=marketer), 422, "invalid"
    )
    assert [(p["node_id"], p["code"]) for p in error["problems"]] == [("n2", "expression")]
    assert "nodes.n2.branches.0.when" in error["fields"]

    client.put(f"{JOURNEYS}/{journey_id}/graph", json=valid_graph(), headers=marketer)
    published = client.post(f"{JOURNEYS}/{journey_id}/publish", headers=marketer)
    assert published.status_code == 200
    body = published.get_json()
    assert (body["status"], body["live_version"], body["has_draft"]) == ("live", 1, False)
    assert body["graph"] == valid_graph() and body["problems"] == []
    error = assert_error(
        client.put(f"{JOURNEYS}/{journey_id}/graph", json=valid_graph(), headers=marketer),
        409,
        "conflict",
    )
    assert "new version" in error["message"]


def test_versions_close_stop_lifecycle(client, marketer, journey_id):
    client.put(f"{JOURNEYS}/{journey_id}/graph", json=valid_graph(), headers=marketer)
    client.post(f"{JOURNEYS}/{journey_id}/publish", headers=marketer)
    opened = client.post(f"{JOURNEYS}/{journey_id}/versions", headers=marketer)
    assert opened.status_code == 201 and opened.get_json()["has_draft"] is True
    assert_error(
        client.post(f"{JOURNEYS}/{journey_id}/versions", headers=marketer), 409, "conflict"
    )
    assert (
        client.post(f"{JOURNEYS}/{journey_id}/publish", headers=marketer).get_json()["live_version"]
        == 2
    )
    versions = client.get(f"{JOURNEYS}/{journey_id}/versions", headers=marketer).get_json()
    assert [(v["number"], v["status"]) for v in versions] == [(2, "live"), (1, "closed")]
    assert versions[0]["published_by"].startswith("marketer") and versions[0]["published_at"]
    assert isinstance(versions[0]["changes"], list)

    closed = client.post(f"{JOURNEYS}/{journey_id}/close", headers=marketer)
    assert closed.status_code == 200 and closed.get_json()["status"] == "closed"
    assert_error(client.post(f"{JOURNEYS}/{journey_id}/close", headers=marketer), 409, "conflict")
    stopped = client.post(f"{JOURNEYS}/{journey_id}/stop", headers=marketer)
    assert stopped.get_json()["status"] == "stopped"
    versions = client.get(f"{JOURNEYS}/{journey_id}/versions", headers=marketer).get_json()
    assert [v["status"] for v in versions] == ["stopped", "stopped"]
    assert_error(client.delete(f"{JOURNEYS}/{journey_id}", headers=marketer), 409, "conflict")


def test_patch_settings(client, marketer, journey_id):
    patched = client.patch(
        f"{JOURNEYS}/{journey_id}",
        json={"reentry": "after_wait", "reentry_wait_seconds": 3600, "name": "Hello"},
        headers=marketer,
    )
    assert patched.status_code == 200
    body = patched.get_json()
    assert (body["name"], body["reentry"], body["reentry_wait_seconds"]) == (
        "Hello",
        "after_wait",
        3600,
    )
    for bad, field in [
        ({"reentry": "twice"}, "reentry"),
        ({"reentry_wait_seconds": -1}, "reentry_wait_seconds"),
        ({"reentry": "always", "colour": "red"}, "colour"),
    ]:
        response = client.patch(f"{JOURNEYS}/{journey_id}", json=bad, headers=marketer)
        assert field in assert_error(response, 422, "invalid")["fields"]


def test_duplicate_and_delete(client, marketer, journey_id, db):
    copy = client.post(f"{JOURNEYS}/{journey_id}/duplicate", headers=marketer)
    assert copy.status_code == 201
    copy_id = copy.get_json()["id"]
    assert copy.get_json()["name"] == "Copy of Welcome"
    assert client.delete(f"{JOURNEYS}/{copy_id}", headers=marketer).status_code == 204
    assert db.session.get(Journey, copy_id) is None
    assert_error(client.delete(f"{JOURNEYS}/{copy_id}", headers=marketer), 404, "not_found")


def test_export_import_round_trip_reports_missing_keys(client, marketer, journey_id):
    client.put(f"{JOURNEYS}/{journey_id}/graph", json=valid_graph(), headers=marketer)
    exported = client.get(f"{JOURNEYS}/{journey_id}/export", headers=marketer).get_json()
    assert (exported["actions"], exported["events"]) == (["send-welcome"], ["signup"])
    assert exported["graph"] == valid_graph()

    imported = client.post(f"{JOURNEYS}/import", json=exported, headers=marketer)
    assert imported.status_code == 201
    body = imported.get_json()
    assert body["missing"] == {"actions": [], "events": []} and body["problems"] == []
    assert (
        client.get(f"{JOURNEYS}/{body['journey']['id']}/export", headers=marketer).get_json()
        == exported
    )

    exported["graph"]["nodes"][2]["action"] = "elsewhere-only"
    body = client.post(f"{JOURNEYS}/import", json=exported, headers=marketer).get_json()
    assert body["missing"] == {"actions": ["elsewhere-only"], "events": []}
    assert [(p["node_id"], p["code"]) for p in body["problems"]] == [("n3", "unknown_action")]

    error = assert_error(
        client.post(f"{JOURNEYS}/import", json={"graph": {"nodes": 3}}, headers=marketer),
        422,
        "invalid",
    )
    assert "graph.nodes" in error["fields"]
    response = client.post(f"{JOURNEYS}/import", json={"name": "no graph"}, headers=marketer)
    assert "graph" in assert_error(response, 422, "invalid")["fields"]


def test_session_users_can_save_with_csrf(signed_in):
    make_catalog_rows()
    browser = signed_in("marketer")
    token = browser.csrf_token()
    created = browser.client.post(
        JOURNEYS, json={"name": "From the canvas"}, headers={"X-CSRFToken": token}
    )
    assert created.status_code == 201
    journey_id = created.get_json()["id"]
    assert_error(
        browser.client.put(f"{JOURNEYS}/{journey_id}/graph", json=valid_graph()), 400, "bad_request"
    )
    saved = browser.client.put(
        f"{JOURNEYS}/{journey_id}/graph", json=valid_graph(), headers={"X-CSRFToken": token}
    )
    assert saved.status_code == 200
