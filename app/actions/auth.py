"""Authentication of an action's requests, applied at call time: one small class per kind.

Each kind (`AUTH_KINDS`, by the contract's ``auth.type``) knows the marshmallow schema of its
configuration, which of its fields are secrets (encrypted at rest, write-only in the API), and
how to add itself to a `RenderedRequest`. Adding a kind is adding a class here; nothing else
branches on the type.

Kinds that obtain a token (OAuth2 client credentials, Google service account) cache it in Redis,
shared by every worker, until shortly before it expires, under a key derived from the token
endpoint, the client and the scopes (never the secret). When the target answers 401 the caller
calls `invalidate_auth` and applies the auth once more, which fetches a fresh token.

`apply_auth` returns the secret values it put into the request (and adds them to
`request.secret_values`) so the recorded request can be masked.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, ClassVar
from urllib.parse import urlencode

import google.auth.exceptions
import redis
import requests
from google.auth.transport.requests import Request as GoogleTransport
from google.oauth2 import service_account
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from app.actions.rendering import RenderedRequest
from app.outbound import UnsafeTargetError, parse_target

HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
"""An HTTP header name: an RFC 7230 token."""

TOKEN_KEY_PREFIX = "cairn:auth-token:"
EXPIRY_MARGIN_S = 60.0
"""A cached token is dropped this long before it expires (or at half its life if shorter), so
a request never leaves with a token that expires on the way."""
DEFAULT_TOKEN_LIFETIME_S = 300.0
"""Assumed lifetime of a token whose endpoint does not say (`expires_in` is optional)."""
TOKEN_LOCK_TIMEOUT_S = 30.0


class UnknownAuthTypeError(ValueError):
    """An `auth.type` that is not in `AUTH_KINDS`."""


class AuthTokenError(Exception):
    """A token endpoint refused or answered nonsense; `retryable` when the endpoint was merely
    unavailable (429, 5xx), so the runner's retry policy can treat it like the call itself."""

    def __init__(self, message: str, *, status_code: int | None = None, retryable: bool = False):
        super().__init__(message)
        self.status_code = status_code
        self.retryable = retryable


def _validate_http_url(value: str) -> None:
    try:
        parse_target(value)
    except UnsafeTargetError as error:
        raise ValidationError(str(error).capitalize() + ".") from None


class HttpUrl(fields.String):
    """An absolute http(s) URL without credentials (syntax only: `check_url` does the DNS part).
    Shared by the action URL and the token URLs of auth kinds."""

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.validators.insert(0, _validate_http_url)


def _validate_header_name(value: str) -> None:
    if not HEADER_NAME.fullmatch(value):
        raise ValidationError("Not a valid header name (letters, digits and !#$%&'*+.^_`|~- only).")


class HeaderName(fields.String):
    """An HTTP header name (RFC 7230 token)."""

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.validators.insert(0, _validate_header_name)


def _secret(**kwargs: Any) -> fields.String:
    return fields.String(required=True, validate=validate.Length(min=1), **kwargs)


class AuthConfigSchema(Schema):
    """The fields every auth configuration has; each kind's schema adds its own."""

    type = fields.String(required=True)


class AuthKind:
    """One way of authenticating. Subclasses set the class attributes and override `apply`."""

    type_name: ClassVar[str]
    schema: ClassVar[type[Schema]] = AuthConfigSchema
    secret_fields: ClassVar[tuple[str, ...]] = ()
    caches_token: ClassVar[bool] = False
    """Whether a 401 from the target is worth one `invalidate` and retry."""

    def apply(
        self,
        request: RenderedRequest,
        config: Mapping[str, Any],
        *,
        session: requests.Session,
        cache: redis.Redis,
    ) -> list[str]:
        """Add the credentials to `request`; return the secret values added."""
        return []

    def header_name(self, config: Mapping[str, Any]) -> str | None:
        """The header this kind sets, so the contract cannot set it too."""
        return "Authorization"

    def invalidate(self, config: Mapping[str, Any], cache: redis.Redis) -> None:
        """Forget any cached token, so the next `apply` fetches a new one."""


class NoAuth(AuthKind):
    type_name = "none"

    def header_name(self, config: Mapping[str, Any]) -> str | None:
        return None


class BearerSchema(AuthConfigSchema):
    token = _secret()


class BearerAuth(AuthKind):
    type_name = "bearer"
    schema = BearerSchema
    secret_fields = ("token",)

    def apply(self, request, config, *, session, cache):
        request.headers["Authorization"] = f"Bearer {config['token']}"
        return [config["token"]]


class BasicSchema(AuthConfigSchema):
    username = fields.String(
        required=True,
        validate=validate.Regexp(r"[^:]+\Z", error="The user name must not be empty or contain ':'."),
    )
    password = _secret()


class BasicAuth(AuthKind):
    type_name = "basic"
    schema = BasicSchema
    secret_fields = ("password",)

    def apply(self, request, config, *, session, cache):
        credentials = f"{config['username']}:{config['password']}".encode()
        encoded = base64.b64encode(credentials).decode("ascii")
        request.headers["Authorization"] = f"Basic {encoded}"
        return [config["password"], encoded]


class ApiKeySchema(AuthConfigSchema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    location = fields.String(
        data_key="in", attribute="in", required=True, validate=validate.OneOf(["header", "query"])
    )
    value = _secret()

    @validates_schema
    def _header_name_is_a_token(self, data: Mapping[str, Any], **kwargs: Any) -> None:
        if data["in"] == "header" and not HEADER_NAME.fullmatch(data["name"]):
            raise ValidationError("Not a valid header name.", field_name="name")


class ApiKeyAuth(AuthKind):
    type_name = "api_key"
    schema = ApiKeySchema
    secret_fields = ("value",)

    def apply(self, request, config, *, session, cache):
        if config["in"] == "header":
            request.headers[config["name"]] = config["value"]
        else:
            separator = "&" if "?" in request.url else "?"
            request.url += separator + urlencode({config["name"]: config["value"]})
        return [config["value"]]

    def header_name(self, config):
        return config["name"] if config["in"] == "header" else None


def _token_key(*identity: str) -> str:
    return TOKEN_KEY_PREFIX + hashlib.sha256("\0".join(identity).encode()).hexdigest()


def _cached_token(cache: redis.Redis, key: str, fetch: Callable[[], tuple[str, float]]) -> str:
    """The token under `key`, fetching and caching it when missing. A Redis lock makes one
    worker fetch while the others wait for its result, instead of all asking the endpoint."""
    token = cache.get(key)
    if token is None:
        with cache.lock(f"{key}:lock", timeout=TOKEN_LOCK_TIMEOUT_S, blocking_timeout=TOKEN_LOCK_TIMEOUT_S):
            token = cache.get(key)
            if token is None:
                token, lifetime = fetch()
                ttl = int(lifetime - min(EXPIRY_MARGIN_S, lifetime / 2))
                if ttl > 0:
                    cache.set(key, token, ex=ttl)
    return token.decode() if isinstance(token, bytes) else token


def _endpoint_error(response: requests.Response) -> AuthTokenError:
    try:
        payload = response.json()
    except ValueError:
        payload = {}
    detail = payload.get("error_description") or payload.get("error") if isinstance(payload, dict) else None
    message = f"token endpoint answered {response.status_code}" + (f": {detail}" if detail else "")
    status = response.status_code
    return AuthTokenError(message, status_code=status, retryable=status == 429 or status >= 500)


class OAuth2ClientCredentialsSchema(AuthConfigSchema):
    token_url = HttpUrl(required=True)
    client_id = fields.String(required=True, validate=validate.Length(min=1))
    client_secret = _secret()
    scope = fields.String(load_default="")
    client_auth = fields.String(load_default="body", validate=validate.OneOf(["body", "basic"]))
    """How the client authenticates to the token endpoint: credentials in the form body
    (`client_secret_post`, what Adobe IMS and Azure expect) or HTTP Basic."""


class OAuth2ClientCredentialsAuth(AuthKind):
    type_name = "oauth2_client_credentials"
    schema = OAuth2ClientCredentialsSchema
    secret_fields = ("client_secret",)
    caches_token = True

    def _key(self, config: Mapping[str, Any]) -> str:
        return _token_key(config["token_url"], config["client_id"], config.get("scope") or "")

    def _fetch(self, config: Mapping[str, Any], session: requests.Session) -> tuple[str, float]:
        form = {"grant_type": "client_credentials"}
        if config.get("scope"):
            form["scope"] = config["scope"]
        basic = config.get("client_auth") == "basic"
        if not basic:
            form |= {"client_id": config["client_id"], "client_secret": config["client_secret"]}
        response = session.post(
            config["token_url"],
            data=form,
            auth=(config["client_id"], config["client_secret"]) if basic else None,
            headers={"Accept": "application/json"},
            allow_redirects=False,
        )
        if response.status_code != 200:
            raise _endpoint_error(response)
        try:
            payload = response.json()
            token = payload["access_token"]
            lifetime = float(payload.get("expires_in") or DEFAULT_TOKEN_LIFETIME_S)
        except (ValueError, KeyError, TypeError):
            raise AuthTokenError("token endpoint did not answer an access_token", status_code=200) from None
        if not isinstance(token, str) or not token:
            raise AuthTokenError("token endpoint answered an empty access_token", status_code=200)
        return token, lifetime

    def apply(self, request, config, *, session, cache):
        token = _cached_token(cache, self._key(config), lambda: self._fetch(config, session))
        request.headers["Authorization"] = f"Bearer {token}"
        return [token]

    def invalidate(self, config, cache):
        cache.delete(self._key(config))


@lru_cache(maxsize=256)
def _service_account_info(service_account_json: str) -> dict[str, Any]:
    return json.loads(service_account_json)


def _validate_service_account(value: str) -> None:
    try:
        info = _service_account_info(value)
    except ValueError as error:
        raise ValidationError(f"Not valid JSON: {error}.") from None
    if not isinstance(info, dict) or info.get("type") != "service_account":
        raise ValidationError('Expected a service account key file ("type": "service_account").')
    try:
        service_account.Credentials.from_service_account_info(info)
    except (ValueError, KeyError) as error:
        raise ValidationError(f"Not a usable service account key: {error}.") from None
    _validate_http_url(info.get("token_uri", ""))


class GoogleServiceAccountSchema(AuthConfigSchema):
    service_account_json = fields.String(required=True, validate=_validate_service_account)
    scopes = fields.List(
        fields.String(validate=validate.Length(min=1)), required=True, validate=validate.Length(min=1)
    )


class GoogleServiceAccountAuth(AuthKind):
    """OAuth2 access tokens for Google APIs (e.g. Firebase Cloud Messaging HTTP v1), obtained by
    google-auth from the service account key, through Cairn's guarded session."""

    type_name = "google_service_account"
    schema = GoogleServiceAccountSchema
    secret_fields = ("service_account_json",)
    caches_token = True

    def _key(self, config: Mapping[str, Any]) -> str:
        info = _service_account_info(config["service_account_json"])
        return _token_key(info["token_uri"], info["client_email"], " ".join(sorted(config["scopes"])))

    def _fetch(self, config: Mapping[str, Any], session: requests.Session) -> tuple[str, float]:
        info = _service_account_info(config["service_account_json"])
        credentials = service_account.Credentials.from_service_account_info(info, scopes=config["scopes"])
        try:
            credentials.refresh(GoogleTransport(session))
        except google.auth.exceptions.TransportError as error:
            if isinstance(error.__cause__, requests.RequestException):
                raise error.__cause__ from None
            raise AuthTokenError(f"token endpoint unreachable: {error}", retryable=True) from None
        except google.auth.exceptions.RefreshError as error:
            raise AuthTokenError(f"token endpoint refused the service account: {error}") from None
        if credentials.expiry is None:
            return credentials.token, DEFAULT_TOKEN_LIFETIME_S
        now = datetime.now(UTC).replace(tzinfo=None)  # google-auth keeps naive UTC datetimes
        return credentials.token, (credentials.expiry - now).total_seconds()

    def apply(self, request, config, *, session, cache):
        token = _cached_token(cache, self._key(config), lambda: self._fetch(config, session))
        request.headers["Authorization"] = f"Bearer {token}"
        return [token]

    def invalidate(self, config, cache):
        cache.delete(self._key(config))


AUTH_KINDS: dict[str, AuthKind] = {
    kind.type_name: kind
    for kind in (
        NoAuth(),
        BearerAuth(),
        BasicAuth(),
        ApiKeyAuth(),
        OAuth2ClientCredentialsAuth(),
        GoogleServiceAccountAuth(),
    )
}
"""Every auth kind, by its `auth.type`."""


def auth_kind(auth: Mapping[str, Any] | None) -> AuthKind:
    """The kind of an auth configuration (None means no authentication)."""
    type_name = (auth or {}).get("type", "none")
    try:
        return AUTH_KINDS[type_name]
    except (KeyError, TypeError):
        known = ", ".join(AUTH_KINDS)
        raise UnknownAuthTypeError(f"unknown auth type {type_name!r}; expected one of {known}") from None


def apply_auth(
    request: RenderedRequest,
    auth: Mapping[str, Any] | None,
    *,
    session: requests.Session,
    cache: redis.Redis,
) -> list[str]:
    """Authenticate `request` in place; return the secrets added (also appended to
    `request.secret_values`). Token endpoints are called through `session`, the guarded one."""
    used = auth_kind(auth).apply(request, auth or {}, session=session, cache=cache)
    request.secret_values.extend(used)
    return used


def invalidate_auth(auth: Mapping[str, Any] | None, *, cache: redis.Redis) -> None:
    """Drop the cached token of `auth` (after a 401 from the target), if it has one."""
    auth_kind(auth).invalidate(auth or {}, cache)
