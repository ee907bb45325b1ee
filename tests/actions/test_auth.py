"""Call-time authentication against real local token endpoints, with tokens cached in Redis."""

from __future__ import annotations

import base64
import json
import threading
from urllib.parse import parse_qs, parse_qsl, urlsplit

import google.auth.crypt
import google.auth.jwt
import pytest
import redis
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from marshmallow import ValidationError

from app.actions.auth import (
    AUTH_KINDS,
    TOKEN_KEY_PREFIX,
    AuthTokenError,
    UnknownAuthTypeError,
    apply_auth,
    auth_kind,
    invalidate_auth,
)
from app.actions.rendering import RenderedRequest
from app.crypto import MASK
from app.outbound import TargetPolicy, UnsafeTargetError, build_session
from tests.test_outbound import LocalServer, serving


@pytest.fixture
def cache(redis_client: redis.Redis) -> redis.Redis:
    """The test Redis, emptied (the token cache lives there)."""
    return redis_client


@pytest.fixture(scope="module")
def session() -> requests.Session:
    return build_session(TargetPolicy(allowed_hosts=frozenset({"127.0.0.1"})))


def new_request(url: str = "https://api.example.com/v1/send") -> RenderedRequest:
    return RenderedRequest("POST", url, {"X-Plain": "p"}, {"a": 1})


def test_every_kind_is_registered_with_its_secret_fields() -> None:
    assert {name: kind.secret_fields for name, kind in AUTH_KINDS.items()} == {
        "none": (),
        "bearer": ("token",),
        "basic": ("password",),
        "api_key": ("value",),
        "oauth2_client_credentials": ("client_secret",),
        "google_service_account": ("service_account_json",),
    }
    assert all(kind.type_name == name for name, kind in AUTH_KINDS.items())


def test_unknown_type_is_refused() -> None:
    with pytest.raises(
        UnknownAuthTypeError, match="unknown auth type 'kerberos'; expected one of none, bearer"
    ):
        auth_kind({"type": "kerberos"})
    assert auth_kind(None) is AUTH_KINDS["none"]


def test_none_changes_nothing(session, cache) -> None:
    request = new_request()
    assert apply_auth(request, {"type": "none"}, session=session, cache=cache) == []
    assert request == new_request()


def test_bearer(session, cache) -> None:
    request = new_request()
    used = apply_auth(request, {"type": "bearer", "token": "tok-1"}, session=session, cache=cache)
    assert used == ["tok-1"] and request.secret_values == ["tok-1"]
    assert request.headers["Authorization"] == "Bearer tok-1"
    assert request.masked()["headers"]["Authorization"] == f"Bearer {MASK}"


def test_basic_matches_requests_encoding_and_uses_utf8(session, cache) -> None:
    request = new_request()
    apply_auth(
        request, {"type": "basic", "username": "ana", "password": "p ss"}, session=session, cache=cache
    )
    prepared = requests.Request("GET", "https://x.example", auth=("ana", "p ss")).prepare()
    assert request.headers["Authorization"] == prepared.headers["Authorization"]
    assert request.masked()["headers"]["Authorization"] == f"Basic {MASK}"
    accented = new_request()
    apply_auth(accented, {"type": "basic", "username": "ana", "password": "pä"}, session=session, cache=cache)
    assert base64.b64decode(accented.headers["Authorization"].split()[1]).decode() == "ana:pä"


def test_api_key_in_header(session, cache) -> None:
    request = new_request()
    config = {"type": "api_key", "name": "X-Api-Key", "in": "header", "value": "k1"}
    apply_auth(request, config, session=session, cache=cache)
    assert request.headers["X-Api-Key"] == "k1"
    assert AUTH_KINDS["api_key"].header_name(config) == "X-Api-Key"


@pytest.mark.parametrize(
    ("url", "expected_query"),
    [
        ("https://api.example.com/v1", [("api key", "a&b=c d")]),
        ("https://api.example.com/v1?x=1", [("x", "1"), ("api key", "a&b=c d")]),
    ],
)
def test_api_key_in_query_is_encoded_and_masked(session, cache, url, expected_query) -> None:
    request = new_request(url)
    config = {"type": "api_key", "name": "api key", "in": "query", "value": "a&b=c d"}
    apply_auth(request, config, session=session, cache=cache)
    assert parse_qsl(urlsplit(request.url).query) == expected_query
    assert request.masked()["url"].endswith(f"api+key={MASK}")
    assert AUTH_KINDS["api_key"].header_name(config) is None


# --- OAuth2 client credentials ----------------------------------------------------------------


class TokenEndpoint:
    """Issues token-1, token-2, ... and records each form it received."""

    def __init__(self, *, expires_in: object = 3600, status: int = 200, payload: dict | None = None):
        self.forms: list[dict] = []
        self.auth_headers: list[str | None] = []
        self.expires_in = expires_in
        self.status = status
        self.payload = payload
        self._lock = threading.Lock()

    def __call__(self, handler, body: bytes):
        with self._lock:
            self.forms.append({k: v[0] for k, v in parse_qs(body.decode()).items()})
            self.auth_headers.append(handler.headers.get("Authorization"))
            number = len(self.forms)
        payload = self.payload or {
            "access_token": f"token-{number}",
            "token_type": "bearer",
            "expires_in": self.expires_in,
        }
        return self.status, {"Content-Type": "application/json"}, json.dumps(payload).encode()


def oauth_config(server: LocalServer, **extra) -> dict:
    return {
        "type": "oauth2_client_credentials",
        "token_url": f"{server.url}/token",
        "client_id": "cairn",
        "client_secret": "s3cret",
        "scope": "send",
        **extra,
    }


def test_oauth2_fetches_once_then_uses_the_cache(session, cache) -> None:
    endpoint = TokenEndpoint(expires_in=3600)
    with serving(endpoint) as server:
        config = oauth_config(server)
        first, second = new_request(), new_request()
        assert apply_auth(first, config, session=session, cache=cache) == ["token-1"]
        assert apply_auth(second, config, session=session, cache=cache) == ["token-1"]
    assert first.headers["Authorization"] == second.headers["Authorization"] == "Bearer token-1"
    assert endpoint.forms == [
        {"grant_type": "client_credentials", "scope": "send", "client_id": "cairn", "client_secret": "s3cret"}
    ]
    [key] = cache.keys(f"{TOKEN_KEY_PREFIX}*")
    assert b"s3cret" not in key
    assert 3500 <= cache.ttl(key) <= 3540


def test_oauth2_client_auth_basic_keeps_the_secret_out_of_the_form(session, cache) -> None:
    endpoint = TokenEndpoint()
    with serving(endpoint) as server:
        apply_auth(
            new_request(), oauth_config(server, client_auth="basic", scope=""), session=session, cache=cache
        )
    assert endpoint.forms == [{"grant_type": "client_credentials"}]
    assert endpoint.auth_headers == ["Basic " + base64.b64encode(b"cairn:s3cret").decode()]


def test_oauth2_cache_is_per_scope_and_client(session, cache) -> None:
    endpoint = TokenEndpoint()
    with serving(endpoint) as server:
        for config in (
            oauth_config(server),
            oauth_config(server, scope="read"),
            oauth_config(server, client_id="b"),
        ):
            apply_auth(new_request(), config, session=session, cache=cache)
    assert len(endpoint.forms) == 3


def test_short_lived_tokens_are_not_cached_past_their_life(session, cache) -> None:
    endpoint = TokenEndpoint(expires_in=1)
    with serving(endpoint) as server:
        for _ in range(2):
            apply_auth(new_request(), oauth_config(server), session=session, cache=cache)
    assert len(endpoint.forms) == 2


def test_missing_expires_in_uses_the_default_lifetime(session, cache) -> None:
    endpoint = TokenEndpoint(payload={"access_token": "t"})
    with serving(endpoint) as server:
        apply_auth(new_request(), oauth_config(server), session=session, cache=cache)
    [key] = cache.keys(f"{TOKEN_KEY_PREFIX}*")
    assert 200 <= cache.ttl(key) <= 240


def test_a_401_invalidates_and_the_retry_gets_a_new_token(session, cache) -> None:
    """What the runner does: call, on 401 invalidate and re-apply once, call again."""
    endpoint = TokenEndpoint()

    def target(handler, _body):
        accepted = handler.headers.get("Authorization") == "Bearer token-2"
        return (200, {}, b"{}") if accepted else (401, {}, b"{}")

    with serving(endpoint) as token_server, serving(target) as api:
        config = oauth_config(token_server)
        request = new_request(f"{api.url}/send")
        apply_auth(request, config, session=session, cache=cache)
        assert session.post(request.url, headers=request.headers).status_code == 401
        invalidate_auth(config, cache=cache)
        retry = new_request(f"{api.url}/send")
        apply_auth(retry, config, session=session, cache=cache)
        assert session.post(retry.url, headers=retry.headers).status_code == 200
    assert AUTH_KINDS["oauth2_client_credentials"].caches_token
    assert not AUTH_KINDS["bearer"].caches_token


def test_concurrent_workers_fetch_one_token(session, cache) -> None:
    endpoint = TokenEndpoint()
    with serving(endpoint) as server:
        config = oauth_config(server)
        tokens: list[list[str]] = []
        threads = [
            threading.Thread(
                target=lambda: tokens.append(apply_auth(new_request(), config, session=session, cache=cache))
            )
            for _ in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert tokens == [["token-1"]] * 8
    assert len(endpoint.forms) == 1


@pytest.mark.parametrize(
    ("endpoint", "message", "retryable"),
    [
        (
            TokenEndpoint(status=401, payload={"error": "invalid_client"}),
            "answered 401: invalid_client",
            False,
        ),
        (
            TokenEndpoint(status=400, payload={"error": "x", "error_description": "bad scope"}),
            "bad scope",
            False,
        ),
        (TokenEndpoint(status=503, payload={"oops": 1}), "token endpoint answered 503", True),
        (TokenEndpoint(payload={"token_type": "bearer"}), "did not answer an access_token", False),
        (TokenEndpoint(payload={"access_token": ""}), "empty access_token", False),
    ],
)
def test_token_endpoint_failures(session, cache, endpoint, message, retryable) -> None:
    with serving(endpoint) as server, pytest.raises(AuthTokenError, match=message) as raised:
        apply_auth(new_request(), oauth_config(server), session=session, cache=cache)
    assert raised.value.retryable is retryable
    assert "s3cret" not in str(raised.value)
    assert cache.keys(f"{TOKEN_KEY_PREFIX}*") == []


def test_token_endpoint_goes_through_the_guard(cache) -> None:
    endpoint = TokenEndpoint()
    with serving(endpoint) as server, pytest.raises(UnsafeTargetError, match="loopback"):
        apply_auth(new_request(), oauth_config(server), session=build_session(TargetPolicy()), cache=cache)
    assert endpoint.forms == []


# --- Google service account ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def service_account_json(key: rsa.RSAPrivateKey, token_uri: str) -> str:
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return json.dumps(
        {
            "type": "service_account",
            "project_id": "cairn-test",
            "private_key_id": "key-1",
            "private_key": pem,
            "client_email": "sender@cairn-test.iam.gserviceaccount.com",
            "client_id": "1234",
            "token_uri": token_uri,
        }
    )


GOOGLE_AUDIENCE = "https://oauth2.googleapis.com/token"
"""google-auth signs its grant for Google's endpoint, whatever `token_uri` it posts it to."""


class GoogleTokenEndpoint:
    """Verifies the signed JWT grant like Google's token endpoint, then issues a token."""

    def __init__(self, public_pem: bytes):
        self.public_pem = public_pem
        self.claims: list[dict] = []
        self.reject = False

    def __call__(self, handler, body: bytes):
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        assert form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer"
        claims = google.auth.jwt.decode(form["assertion"], certs=self.public_pem, audience=GOOGLE_AUDIENCE)
        self.claims.append(claims)
        if self.reject:
            return 400, {"Content-Type": "application/json"}, b'{"error": "invalid_grant"}'
        payload = {"access_token": f"ya29.{len(self.claims)}", "expires_in": 3599, "token_type": "Bearer"}
        return 200, {"Content-Type": "application/json"}, json.dumps(payload).encode()


@pytest.fixture
def google_endpoint(rsa_key) -> GoogleTokenEndpoint:
    public_pem = rsa_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return GoogleTokenEndpoint(public_pem)


def google_config(key, server: LocalServer) -> dict:
    return {
        "type": "google_service_account",
        "service_account_json": service_account_json(key, f"{server.url}/token"),
        "scopes": ["https://www.googleapis.com/auth/firebase.messaging"],
    }


def test_google_service_account_token_is_fetched_signed_and_cached(session, cache, rsa_key, google_endpoint):
    with serving(google_endpoint) as server:
        config = google_config(rsa_key, server)
        first, second = new_request(), new_request()
        assert apply_auth(first, config, session=session, cache=cache) == ["ya29.1"]
        apply_auth(second, config, session=session, cache=cache)
        invalidate_auth(config, cache=cache)
        third = new_request()
        apply_auth(third, config, session=session, cache=cache)
    assert first.headers["Authorization"] == second.headers["Authorization"] == "Bearer ya29.1"
    assert third.headers["Authorization"] == "Bearer ya29.2"
    assert len(google_endpoint.claims) == 2
    claims = google_endpoint.claims[0]
    assert claims["iss"] == "sender@cairn-test.iam.gserviceaccount.com"
    assert claims["scope"] == "https://www.googleapis.com/auth/firebase.messaging"
    [key] = cache.keys(f"{TOKEN_KEY_PREFIX}*")
    assert 3480 <= cache.ttl(key) <= 3540


def test_google_refusal_is_an_auth_token_error(session, cache, rsa_key, google_endpoint) -> None:
    google_endpoint.reject = True
    with serving(google_endpoint) as server, pytest.raises(AuthTokenError, match="invalid_grant"):
        apply_auth(new_request(), google_config(rsa_key, server), session=session, cache=cache)


def test_google_token_uri_goes_through_the_guard(cache, rsa_key, google_endpoint) -> None:
    with serving(google_endpoint) as server, pytest.raises(UnsafeTargetError, match="loopback"):
        apply_auth(
            new_request(), google_config(rsa_key, server), session=build_session(TargetPolicy()), cache=cache
        )
    assert google_endpoint.claims == []


# --- configuration schemas -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "errors"),
    [
        ({"type": "bearer"}, {"token": ["Missing data for required field."]}),
        ({"type": "bearer", "token": ""}, {"token": ["Shorter than minimum length 1."]}),
        ({"type": "bearer", "token": "t", "extra": 1}, {"extra": ["Unknown field."]}),
        (
            {"type": "basic", "username": "a:b", "password": "p"},
            {"username": ["The user name must not be empty or contain ':'."]},
        ),
        (
            {"type": "api_key", "name": "k", "in": "cookie", "value": "v"},
            {"in": ["Must be one of: header, query."]},
        ),
        (
            {"type": "api_key", "name": "Bad Header", "in": "header", "value": "v"},
            {"name": ["Not a valid header name."]},
        ),
        (
            {
                "type": "oauth2_client_credentials",
                "token_url": "ftp://x",
                "client_id": "a",
                "client_secret": "b",
            },
            {"token_url": ["The url must start with http:// or https://."]},
        ),
        (
            {
                "type": "oauth2_client_credentials",
                "token_url": "https://a.example/t",
                "client_id": "a",
                "client_secret": "b",
                "client_auth": "jwt",
            },
            {"client_auth": ["Must be one of: body, basic."]},
        ),
        (
            {"type": "google_service_account", "service_account_json": "{", "scopes": ["s"]},
            {
                "service_account_json": [
                    "Not valid JSON: Expecting property name enclosed in double quotes: "
                    "line 1 column 2 (char 1)."
                ]
            },
        ),
        (
            {"type": "google_service_account", "service_account_json": '{"type": "user"}', "scopes": ["s"]},
            {"service_account_json": ['Expected a service account key file ("type": "service_account").']},
        ),
        (
            {
                "type": "google_service_account",
                "service_account_json": '{"type": "service_account"}',
                "scopes": [],
            },
            None,
        ),
    ],
)
def test_config_schemas_reject_bad_configurations(config: dict, errors: dict | None) -> None:
    with pytest.raises(ValidationError) as raised:
        auth_kind(config).schema().load(config)
    if errors is not None:
        assert raised.value.messages == errors
    else:
        assert set(raised.value.messages) == {"service_account_json", "scopes"}


def test_config_schemas_load_good_configurations(rsa_key) -> None:
    good = [
        {"type": "none"},
        {"type": "basic", "username": "ana", "password": "p"},
        {"type": "api_key", "name": "key", "in": "query", "value": "v"},
        {
            "type": "google_service_account",
            "scopes": ["s"],
            "service_account_json": service_account_json(rsa_key, "https://oauth2.googleapis.com/token"),
        },
    ]
    for config in good:
        assert auth_kind(config).schema().load(config) == config
    oauth = {
        "type": "oauth2_client_credentials",
        "token_url": "https://a.example/t",
        "client_id": "a",
        "client_secret": "b",
    }
    assert auth_kind(oauth).schema().load(oauth) == {**oauth, "scope": "", "client_auth": "body"}
