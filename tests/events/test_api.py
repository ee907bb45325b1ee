"""`/api/v1/event-types` and `/api/v1/events`: roles, validation, ingest and its bad inputs."""

import json
import time

import pytest

from app.events import service
from app.events.models import Event, EventType
from tests.events.helpers import make_event_type, registered, signup_definition, signup_payload
from tests.factories import bearer, make_token

TYPES = "/api/v1/event-types"


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


@pytest.fixture
def technical(db):
    return bearer(make_token("technical"))


@pytest.fixture
def marketer(db):
    return bearer(make_token("marketer"))


def test_crud_as_technical_user(client, technical):
    created = client.post(TYPES, json=signup_definition(), headers=technical)
    assert created.status_code == 201, created.get_json()
    assert created.get_json()["key"] == "signup"
    assert created.get_json()["used_by"] == []
    listed = client.get(TYPES, headers=technical, query_string={"q": "sign"}).get_json()
    assert [item["key"] for item in listed] == ["signup"]
    body = client.get(f"{TYPES}/signup", headers=technical).get_json()
    assert body["fields"][0] == {"name": "email", "type": "string", "required": True}
    replacement = signup_definition(name="Account created")
    del replacement["key"]
    updated = client.put(f"{TYPES}/signup", json=replacement, headers=technical)
    assert updated.status_code == 200
    assert updated.get_json()["name"] == "Account created"
    assert client.delete(f"{TYPES}/signup", headers=technical).status_code == 204
    assert_error(client.get(f"{TYPES}/signup", headers=technical), 404, "not_found")


def test_marketer_reads_but_cannot_change(client, marketer):
    make_event_type()
    assert client.get(TYPES, headers=marketer).status_code == 200
    assert client.get(f"{TYPES}/signup", headers=marketer).status_code == 200
    assert_error(client.post(TYPES, json=signup_definition(key="other"), headers=marketer), 403,
                 "forbidden")
    assert_error(client.put(f"{TYPES}/signup", json=signup_definition(), headers=marketer), 403,
                 "forbidden")
    assert_error(client.delete(f"{TYPES}/signup", headers=marketer), 403, "forbidden")
    assert [event_type.key for event_type in service.list_event_types()] == ["signup"]


def test_no_token_is_401(client, db):
    assert_error(client.get(TYPES), 401, "unauthorized")
    assert_error(client.post(TYPES, json=signup_definition()), 401, "unauthorized")
    assert_error(client.post("/api/v1/events/signup", json={}), 401, "unauthorized")


def test_invalid_definition_is_422_per_field_and_stores_nothing(client, technical):
    definition = signup_definition(key="Bad Key", profile_id_field="plan")
    definition["fields"][1]["type"] = "text"
    error = assert_error(client.post(TYPES, json=definition, headers=technical), 422, "invalid")
    assert set(error["fields"]) >= {"key", "fields.1.type"}
    error = assert_error(client.post(TYPES, json=signup_definition(profile_id_field="plan"),
                                     headers=technical), 422, "invalid")
    assert set(error["fields"]) == {"profile_id_field"}
    assert client.get(TYPES, headers=technical).get_json() == []


def test_duplicate_key_is_422(client, technical):
    make_event_type()
    error = assert_error(client.post(TYPES, json=signup_definition(), headers=technical), 422,
                         "invalid")
    assert "already used" in error["fields"]["key"][0]


def test_usage_rule_through_the_api(client, technical):
    make_event_type()
    with registered(service.USAGE_PROVIDERS, lambda key: ["Welcome series"]):
        retyped = signup_definition(sample=None)
        retyped["fields"][0]["type"] = "integer"
        error = assert_error(client.put(f"{TYPES}/signup", json=retyped, headers=technical), 422,
                             "invalid")
        assert "Welcome series" in error["fields"]["fields"][0]
        error = assert_error(client.delete(f"{TYPES}/signup", headers=technical), 409, "conflict")
        assert "Welcome series" in error["message"]
        assert client.get(f"{TYPES}/signup", headers=technical).get_json()["used_by"] == [
            "Welcome series"]


def test_ingest_one_event_as_marketer(client, marketer):
    make_event_type()
    response = client.post("/api/v1/events/signup", json=signup_payload(1), headers=marketer)
    assert response.status_code == 202
    event_id = response.get_json()["id"]
    stored = service.recent_events("signup")[0]
    assert (stored.id, stored.profile_id) == (event_id, "user1@example.com")


def test_ingest_batch(client, marketer):
    make_event_type()
    response = client.post("/api/v1/events/signup/batch",
                           json=[signup_payload(index) for index in range(3)], headers=marketer)
    assert response.status_code == 202
    ids = response.get_json()["ids"]
    assert [event.id for event in reversed(service.recent_events("signup"))] == ids


def test_ingest_bad_inputs(client, marketer, db):
    make_event_type()
    url = "/api/v1/events/signup"
    assert_error(client.post("/api/v1/events/nope", json=signup_payload(), headers=marketer), 404,
                 "not_found")
    error = assert_error(client.post(url, json={"email": 3, "seats": "2"}, headers=marketer), 422,
                         "invalid")
    assert error["fields"] == {"email": ["must be a string"], "seats": ["must be an integer"],
                               "signed_up_at": ["is required"]}
    error = assert_error(client.post(url, json=[signup_payload()], headers=marketer), 422, "invalid")
    assert error["fields"] == {"_schema": ["must be a JSON object"]}
    assert_error(client.post(url, data="{not json", content_type="application/json",
                             headers=marketer), 400, "bad_request")
    assert_error(client.post(url, data="x=1", headers=marketer), 415, "unsupported_media_type")
    error = assert_error(client.post(f"{url}/batch", json=signup_payload(), headers=marketer), 422,
                         "invalid")
    assert "JSON array" in error["fields"]["_schema"][0]
    assert_error(client.post(f"{url}/batch", json=[], headers=marketer), 422, "invalid")
    assert db.session.query(Event).count() == 0


def test_batch_over_the_limit_and_one_bad_item_store_nothing(client, marketer, db):
    make_event_type()
    url = "/api/v1/events/signup/batch"
    error = assert_error(client.post(url, json=[signup_payload()] * 1001, headers=marketer), 422,
                         "invalid")
    assert "1 to 1000" in error["fields"]["_schema"][0]
    batch = [signup_payload(index) for index in range(10)]
    batch[3]["email"] = None
    batch[7]["signed_up_at"] = "last tuesday"
    error = assert_error(client.post(url, json=batch, headers=marketer), 422, "invalid")
    assert set(error["fields"]) == {"3.email", "7.signed_up_at"}
    assert db.session.query(Event).count() == 0


def test_oversized_body_is_413(client, marketer, app):
    make_event_type()
    body = json.dumps({"email": "x" * app.config["MAX_CONTENT_LENGTH"]})
    response = client.post("/api/v1/events/signup", data=body, content_type="application/json",
                           headers=marketer)
    assert_error(response, 413, "too_large")


def test_batch_of_1000_is_one_fast_insert(client, marketer, db):
    """Times whole requests (auth, parse, validate, insert, commit, answer) on the test database."""
    make_event_type()
    body = json.dumps([signup_payload(index) for index in range(1000)])
    timings = []
    for _ in range(4):
        started = time.perf_counter()
        response = client.post("/api/v1/events/signup/batch", data=body,
                               content_type="application/json", headers=marketer)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 202
        assert len(response.get_json()["ids"]) == 1000
    assert db.session.query(Event).count() == 4000
    print(f"\ningest of a 1,000-event batch: first {timings[0]:.1f} ms, then best "
          f"{min(timings[1:]):.1f} ms")
    assert min(timings) < 1000


def test_openapi_documents_the_endpoints(client, db):
    spec = client.get("/api/v1/openapi.json").get_json()
    for path in ("/api/v1/event-types", "/api/v1/event-types/{key}", "/api/v1/events/{key}",
                 "/api/v1/events/{key}/batch"):
        assert path in spec["paths"], path
    batch = spec["paths"]["/api/v1/events/{key}/batch"]["post"]
    assert batch["requestBody"]["content"]["application/json"]["schema"]["maxItems"] == 1000
    assert "202" in batch["responses"]


def test_nothing_is_half_stored_when_definition_is_rejected(client, technical, db):
    client.post(TYPES, json=signup_definition(fields=[]), headers=technical)
    assert db.session.query(EventType).count() == 0
