"""Token authentication of the API and the one JSON error body."""

from datetime import timedelta

from app.auth import service
from app.auth.models import ApiToken, utcnow
from tests.factories import bearer, make_token, make_user


def assert_error(response, status: int, code: str):
    assert response.status_code == status
    body = response.get_json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert isinstance(body["error"]["fields"], dict)
    return body["error"]


def test_no_token_is_401_json(client):
    assert_error(client.get("/api/v1/me"), 401, "unauthorized")


def test_bad_scheme_and_unknown_token_are_401(client):
    assert_error(client.get("/api/v1/me", headers={"Authorization": "Basic abc"}), 401, "unauthorized")
    assert_error(client.get("/api/v1/me", headers=bearer("cairn_nope")), 401, "unauthorized")


def test_token_acts_as_its_owner(client, db):
    token = make_token("technical")
    response = client.get("/api/v1/me", headers=bearer(token))
    assert response.status_code == 200
    assert response.get_json()["role"] == "technical"


def test_a_token_call_sets_no_session_cookie(client, db):
    response = client.get("/api/v1/me", headers=bearer(make_token("technical")))
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert_error(client.get("/api/v1/me"), 401, "unauthorized")


def test_revoked_expired_and_deactivated_tokens_are_refused(client, db):
    user = make_user("marketer")
    revoked, revoked_plain = service.create_token(user, "a")
    service.revoke_token(revoked.id)
    expired, expired_plain = service.create_token(user, "b", expires_in_days=1)
    expired.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    for plain in (revoked_plain, expired_plain):
        assert_error(client.get("/api/v1/me", headers=bearer(plain)), 401, "unauthorized")
    other = make_user("marketer")
    _, plain = service.create_token(other, "c")
    service.set_active(other.id, False)
    assert_error(client.get("/api/v1/me", headers=bearer(plain)), 401, "unauthorized")


def test_token_is_stored_hashed(db):
    user = make_user("marketer")
    token, plain = service.create_token(user, "x")
    stored = db.session.get(ApiToken, token.id)
    assert plain not in (stored.token_hash, stored.prefix)
    assert service.user_for_token(plain).id == user.id


def test_unknown_api_path_is_404_json(client, db):
    assert_error(client.get("/api/v1/nothing-here", headers=bearer(make_token())), 404, "not_found")


def test_oversized_body_is_413_json(app, client, db):
    limit = app.config["MAX_CONTENT_LENGTH"]
    response = client.post("/api/v1/me", data=b"x" * (limit + 1), content_type="application/json",
                           headers=bearer(make_token()))
    assert_error(response, 413, "too_large")


def test_session_api_call_needs_csrf_for_writes(signed_in):
    user = signed_in("marketer")
    assert user.get("/api/v1/me").status_code == 200
    response = user.client.post("/api/v1/me/tokens", json={"name": "x"})
    assert_error(response, 400, "bad_request")
    response = user.client.post("/api/v1/me/tokens", json={"name": "x"},
                                headers={"X-CSRFToken": user.csrf_token()})
    assert response.status_code == 201


def test_token_api_create_list_revoke(client, db):
    token = make_token("marketer")
    created = client.post("/api/v1/me/tokens", json={"name": "deploy"}, headers=bearer(token))
    assert created.status_code == 201
    plain = created.get_json()["token"]
    listed = client.get("/api/v1/me/tokens", headers=bearer(plain)).get_json()
    assert {item["name"] for item in listed} == {"test", "deploy"}
    assert all("token" not in item for item in listed)
    new_id = created.get_json()["id"]
    assert client.delete(f"/api/v1/me/tokens/{new_id}", headers=bearer(token)).status_code == 204
    assert client.get("/api/v1/me", headers=bearer(plain)).status_code == 401


def test_token_api_validation_names_the_field(client, db):
    response = client.post("/api/v1/me/tokens", json={"name": "x" * 101, "expires_in_days": 0},
                           headers=bearer(make_token()))
    error = assert_error(response, 422, "invalid")
    assert set(error["fields"]) == {"name", "expires_in_days"}


def test_malformed_json_is_a_clear_400(client, db):
    response = client.post("/api/v1/me/tokens", data="{not json", content_type="application/json",
                           headers=bearer(make_token()))
    error = assert_error(response, 400, "bad_request")
    assert "JSON" in error["message"]


def test_openapi_document_and_docs_page(client, db, signed_in):
    spec = client.get("/api/v1/openapi.json")
    assert spec.status_code == 200
    assert spec.get_json()["openapi"].startswith("3.")
    assert "/api/v1/me" in spec.get_json()["paths"]
    page = signed_in("marketer").get("/api/v1/docs")
    assert page.status_code == 200
    assert b"/api/v1/me" in page.data
