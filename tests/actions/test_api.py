"""`/api/v1/actions`: reading, writing (technical users only), 422s naming fields, secrets
write-only, usage safety, duplicate, built-in configuration and test calls."""

from __future__ import annotations

import json

import pytest

from app.actions import service
from app.actions.models import Action
from app.crypto import MASK
from tests.actions.test_service import (
    HEADER_SECRET,
    TOKEN,
    TargetServer,
    contract,
    journeys_using,
    registered,
)
from tests.factories import bearer, make_token

BASE = "/api/v1/actions"


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert body["error"]["code"] == code and body["error"]["message"]
    assert isinstance(body["error"]["fields"], dict)
    return body["error"]


@pytest.fixture
def technical(db):
    return bearer(make_token("technical"))


@pytest.fixture
def marketer(db):
    return bearer(make_token("marketer"))


def create(client, auth_headers, **changes):
    return client.post(BASE, json=contract(**changes), headers=auth_headers)


def test_needs_a_token(client):
    for method, url in (("get", BASE), ("post", BASE), ("get", f"{BASE}/x"), ("put", f"{BASE}/x"),
                        ("delete", f"{BASE}/x"), ("post", f"{BASE}/x/duplicate"), ("post", f"{BASE}/x/test")):
        assert_error(getattr(client, method)(url, json={}), 401, "unauthorized")


def test_create_read_list(client, technical, marketer):
    response = create(client, technical)
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert created["key"] == "send-welcome" and created["configured"] is True
    assert created["warnings"] == [] and created["builtin"] is False
    assert created["auth"]["token"] == MASK and created["headers"][1]["value"] == MASK
    read = client.get(f"{BASE}/send-welcome", headers=marketer).get_json()
    assert read["body"] == contract()["body"] and read["used_by"] == [] and read["usage_count"] == 0
    assert TOKEN not in json.dumps(read) and HEADER_SECRET not in json.dumps(read)
    listed = client.get(BASE, headers=marketer).get_json()
    assert [item["key"] for item in listed] == ["send-welcome"]


def test_list_filters_as_query_args(client, technical):
    create(client, technical)
    create(client, technical, key="sync-crm", name="Sync CRM")
    service.ensure_builtin_actions()

    def keys(query: str) -> list[str]:
        return [item["key"] for item in client.get(f"{BASE}?{query}", headers=technical).get_json()]

    assert keys("q=crm") == ["sync-crm"]
    assert keys("channel=push") == ["send-push"]
    assert set(keys("needs_configuration=true")) == {"send-email", "send-sms", "send-push"}
    assert set(keys("needs_configuration=false")) == {"send-welcome", "sync-crm"}
    assert_error(client.get(f"{BASE}?channel=fax", headers=technical), 422, "invalid")


def test_marketer_cannot_write(client, technical, marketer):
    create(client, technical)
    writes = [
        client.post(BASE, json=contract(key="other"), headers=marketer),
        client.put(f"{BASE}/send-welcome", json=contract(name="X"), headers=marketer),
        client.delete(f"{BASE}/send-welcome", headers=marketer),
        client.post(f"{BASE}/send-welcome/duplicate", headers=marketer),
        client.post(f"{BASE}/send-welcome/test", json={"params": {"email": "a@b.co"}}, headers=marketer),
    ]
    for response in writes:
        assert_error(response, 403, "forbidden")
    assert Action.query.count() == 1 and service.get_action("send-welcome").name == "Send welcome email"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"key": "Bad Key"}, "key"),
        ({"url": "http://127.0.0.1/"}, "url"),
        ({"url": "http://2130706433/"}, "url"),
        ({"url": "http://localhost/"}, "url"),
        ({"body": {"to": "{{who}}", "a": "{{email}}", "b": "{{amount}}"}}, "body"),
        ({"parameters": [{"name": "email", "type": "string"}, {"name": "amount", "type": "number"},
                         {"name": "unused", "type": "string"}]}, "parameters.2.name"),
        ({"headers": [{"name": "Content-Type", "value": "text/xml"}]}, "headers.0.value"),
        ({"auth": {"type": "kerberos"}}, "auth.type"),
        ({"timeout_ms": 60_001}, "timeout_ms"),
        ({"retries": 99}, "retries"),
        ({"rate_limit": {"calls": -1, "per_seconds": 1}}, "rate_limit.calls"),
        ({"surprise": True}, "surprise"),
    ],
)
def test_invalid_create_is_422_naming_the_field(client, technical, changes, field):
    error = assert_error(create(client, technical, **changes), 422, "invalid")
    assert field in error["fields"], error["fields"]


def test_body_that_is_not_json_is_422(client, technical):
    response = client.post(BASE, data="{nope", content_type="application/json", headers=technical)
    assert_error(response, 422, "invalid")


def test_duplicate_key_is_422(client, technical):
    create(client, technical)
    assert "key" in assert_error(create(client, technical), 422, "invalid")["fields"]


def test_allowed_host_lifts_the_guard(app, client, technical, monkeypatch):
    monkeypatch.setitem(app.config, "CAIRN_ALLOWED_HOSTS", "localhost")
    assert create(client, technical, url="http://localhost:8080/hook").status_code == 201


def test_secret_echoed_back_keeps_the_stored_one(client, technical, db):
    create(client, technical)
    read = client.get(f"{BASE}/send-welcome", headers=technical).get_json()
    payload = {name: read[name] for name in contract()}
    payload["description"] = "Changed"
    response = client.put(f"{BASE}/send-welcome", json=payload, headers=technical)
    assert response.status_code == 200, response.get_json()
    spec = service.decrypted_spec(service.get_action("send-welcome"))
    assert spec["auth"]["token"] == TOKEN and spec["headers"][1]["value"] == HEADER_SECRET
    raw = json.dumps(db.session.get(Action, service.get_action("send-welcome").id).spec)
    assert TOKEN not in raw and HEADER_SECRET not in raw


def test_update_warns_when_a_live_journey_uses_it(client, technical):
    create(client, technical)
    provider = journeys_using({"send-welcome": [{"id": 5, "name": "Onboarding", "status": "live"}]})
    with registered(service.USAGE_PROVIDERS, provider):
        response = client.put(f"{BASE}/send-welcome", json=contract(name="New name"), headers=technical)
    body = response.get_json()
    assert body["name"] == "New name"
    assert len(body["warnings"]) == 1 and "Onboarding" in body["warnings"][0]
    assert body["used_by"] == [{"id": 5, "name": "Onboarding", "status": "live"}]


def test_delete_refused_with_the_journeys_then_allowed(client, technical):
    create(client, technical)
    provider = journeys_using({"send-welcome": [{"id": 9, "name": "Win-back", "status": "draft"}]})
    with registered(service.USAGE_PROVIDERS, provider):
        response = client.delete(f"{BASE}/send-welcome", headers=technical)
        error = assert_error(response, 409, "conflict")
        assert error["journeys"] == [{"id": 9, "name": "Win-back", "status": "draft"}]
        assert "Win-back" in error["message"]
    assert client.delete(f"{BASE}/send-welcome", headers=technical).status_code == 204
    assert_error(client.get(f"{BASE}/send-welcome", headers=technical), 404, "not_found")
    assert_error(client.delete(f"{BASE}/send-welcome", headers=technical), 404, "not_found")


def test_duplicate(client, technical):
    create(client, technical)
    response = client.post(f"{BASE}/send-welcome/duplicate", headers=technical)
    assert response.status_code == 201
    assert response.get_json()["key"] == "send-welcome-copy"
    assert response.get_json()["auth"]["token"] == MASK


def test_test_call_against_a_local_server(app, client, technical, monkeypatch):
    with TargetServer() as server:
        monkeypatch.setitem(app.config, "CAIRN_ALLOWED_HOSTS", "127.0.0.1")
        create(client, technical, url=server.url + "/send")
        response = client.post(f"{BASE}/send-welcome/test", headers=technical,
                               json={"params": {"email": "ada@example.com"}, "query": {"ts": "now"}})
        result = response.get_json()
        assert response.status_code == 200 and result["ok"] and result["status"] == 200
        assert json.loads(result["response_body"]) == {"messageId": "abc-123"}
        assert result["request"]["headers"]["Authorization"] == f"Bearer {MASK}"
        assert TOKEN not in json.dumps(result) and HEADER_SECRET not in json.dumps(result)
        assert len(server.requests) == 1
        bad = client.post(f"{BASE}/send-welcome/test", headers=technical,
                          json={"params": {"email": 5, "amount": "many"}, "query": {"ts": "x"}})
        assert "params.amount" in assert_error(bad, 422, "invalid")["fields"]
        assert len(server.requests) == 1


def test_configure_builtin_with_put(app, client, technical, monkeypatch):
    service.ensure_builtin_actions()
    settings = {"base_url": "https://93.184.216.34/messaging", "message_id": "EVTsms",
                "auth": {"type": "basic", "username": "cairn", "password": "platform-pw"}}
    response = client.put(f"{BASE}/send-sms", json=settings, headers=technical)
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["url"] == "https://93.184.216.34/messaging/EVTsms"
    assert body["platform_settings"] == {"base_url": "https://93.184.216.34/messaging",
                                         "message_id": "EVTsms"}
    assert body["auth"]["password"] == MASK and body["configured"] is False
    assert "test call" in body["needs_configuration_reason"]
    missing = client.put(f"{BASE}/send-sms", json={"base_url": "https://93.184.216.34"}, headers=technical)
    assert {"message_id", "auth"} <= set(assert_error(missing, 422, "invalid")["fields"])
    contract_put = client.put(f"{BASE}/send-sms", json=contract(key="send-sms"), headers=technical)
    assert "method" in assert_error(contract_put, 422, "invalid")["fields"]
    assert_error(client.delete(f"{BASE}/send-sms", headers=technical), 409, "conflict")


def test_unknown_action_is_404(client, technical):
    assert_error(client.get(f"{BASE}/nope", headers=technical), 404, "not_found")
    assert_error(client.put(f"{BASE}/nope", json=contract(key="nope"), headers=technical), 404, "not_found")


def test_openapi_documents_the_endpoints(client, technical):
    spec = client.get("/api/v1/openapi.json").get_json()
    paths = spec["paths"]
    assert {"/api/v1/actions", "/api/v1/actions/{key}", "/api/v1/actions/{key}/duplicate",
            "/api/v1/actions/{key}/test"} <= set(paths)
    assert "requestBody" in paths["/api/v1/actions"]["post"]
