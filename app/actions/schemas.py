"""The action contract as a marshmallow schema: what the API accepts, the form validates and
the service stores (the contract itself is described in `docs/actions.md`).

Errors come in marshmallow's nested form, list positions as integer keys, e.g.
``{"headers": {1: {"name": ["Not a valid header name ..."]}}}``: the API returns it as its 422
body (JSON turns the keys into strings) and the form shows each message next to its field.

Variables
    A contract has three kinds of variable, each filled by the journey: *parameters*, used by
    ``{{name}}`` placeholders in the body; *variable headers* and *variable query items*, which
    are variables in their own right, named by the item. The URL is static (plus the dynamic
    path when ``dynamic_path`` is true), so placeholders are refused outside body values: in the
    URL, in constant headers or query values and in body keys. Every placeholder must name a
    declared parameter, and every declared parameter must be used by a placeholder.

Secrets
    The secret fields of the auth kind (`app.actions.auth`) and the value of every header item
    marked ``"secret": true`` are write-only: `ActionSpecSchema().dump` shows `MASK` in their
    place. A client that sends `MASK` back means "keep what is stored": the service calls
    `merge_secrets(payload, stored)` *before* loading, and a `MASK` with nothing stored to keep
    is then refused by the schema. `encrypt_secrets` / `decrypt_secrets` turn a loaded contract
    into its stored form and back.

JSON text
    ``body``, ``response_sample`` and ``error_response_sample`` take any JSON value; a string is
    read as JSON text (the form posts text), so a body that is a JSON string is sent as
    ``"\\"text\\""``. A blank string means null (no body, no sample).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, post_dump, validate, validates_schema

from app.actions.auth import HeaderName, HttpUrl, UnknownAuthTypeError, auth_kind
from app.actions.rendering import METHODS_WITHOUT_BODY, PLACEHOLDER, placeholders_in
from app.actions.types import UnknownTypeError, parse_type
from app.crypto import MASK, SecretBox

CHANNELS = ("custom", "email", "sms", "push")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
KEY_PATTERN = r"[a-z0-9][a-z0-9-]{0,63}\Z"
PARAMETER_NAME_PATTERN = r"[A-Za-z_][A-Za-z0-9_]{0,63}\Z"
JSON_CONTENT_TYPE = re.compile(r"application/json\s*(;\s*charset\s*=\s*\"?utf-8\"?\s*)?", re.IGNORECASE)
HEADERS_CAIRN_SETS = frozenset({"host", "content-length", "transfer-encoding", "connection"})
"""Headers an action may not set: they describe the HTTP message, which Cairn builds."""
NO_STORED_SECRET = "Enter the secret: there is no stored value to keep."


class JsonValue(fields.Raw):
    """Any JSON value; a string is parsed as JSON text (see the module docstring)."""

    def __init__(self, **kwargs: Any):
        super().__init__(allow_none=True, load_default=None, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if not isinstance(value, str):
            return value
        if not value.strip():
            return None
        try:
            return json.loads(value)
        except ValueError as error:
            raise ValidationError(f"Not valid JSON: {error}.") from None


class TypeName(fields.String):
    """A parameter type (`app.actions.types`), loaded in its canonical spelling."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            return str(parse_type(text))
        except UnknownTypeError as error:
            raise ValidationError(str(error).capitalize() + ".") from None


class AuthConfig(fields.Field):
    """The ``auth`` object, validated by the schema of its kind."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> dict:
        if not isinstance(value, dict):
            raise ValidationError("Not a valid object.")
        try:
            kind = auth_kind(value)
        except UnknownAuthTypeError as error:
            raise ValidationError({"type": [str(error).capitalize() + "."]}) from None
        return kind.schema().load(value)


def _no_placeholder(where: str, instead: str) -> Callable[[Any], None]:
    """A validator refusing `{{name}}` where no placeholder is rendered."""

    def validator(value: Any) -> None:
        if isinstance(value, str) and PLACEHOLDER.search(value):
            raise ValidationError(f"Placeholders are not allowed in {where}; {instead}")

    return validator


class _Strict(Schema):
    class Meta:
        unknown = RAISE


class ParameterSchema(_Strict):
    name = fields.String(
        required=True,
        validate=validate.Regexp(
            PARAMETER_NAME_PATTERN, error="Use letters, digits and underscores, not starting with a digit."
        ),
    )
    type = TypeName(required=True)
    required = fields.Boolean(load_default=True)
    nullable = fields.Boolean(load_default=False)


class ValueItemSchema(_Strict):
    """A query item or header: a constant ``value``, or ``variable: true`` with a ``type``."""

    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    value = fields.Raw(validate=_no_placeholder("constant values", "mark the item variable instead."))
    variable = fields.Boolean()
    type = TypeName()
    required = fields.Boolean()

    @validates_schema
    def _constant_or_variable(self, data: Mapping[str, Any], **kwargs: Any) -> None:
        if data.get("variable"):
            if "value" in data:
                raise ValidationError("A variable item has no constant value.", field_name="value")
            if "type" not in data:
                raise ValidationError("Missing data for required field.", field_name="type")
            return
        for name in ("type", "required"):
            if name in data:
                raise ValidationError("Only a variable item has this field.", field_name=name)
        if "value" not in data:
            raise ValidationError("Missing data for required field.", field_name="value")
        if not isinstance(data["value"], str | int | float | bool):
            raise ValidationError("Expected text, a number or a boolean.", field_name="value")


class QueryItemSchema(ValueItemSchema):
    pass


class HeaderItemSchema(ValueItemSchema):
    name = HeaderName(required=True, validate=validate.Length(max=200))
    secret = fields.Boolean()

    @validates_schema
    def _valid_header(self, data: Mapping[str, Any], **kwargs: Any) -> None:
        lower = data["name"].lower()
        if lower in HEADERS_CAIRN_SETS:
            raise ValidationError(f"Cairn sets {data['name']} itself.", field_name="name")
        value = data.get("value")
        if isinstance(value, str) and any(char in value for char in "\r\n\0"):
            raise ValidationError("A header value must not contain line breaks.", field_name="value")
        json_only = data.get("variable") is not True and JSON_CONTENT_TYPE.fullmatch(str(value).strip())
        if lower == "content-type" and not json_only:
            raise ValidationError("Content-Type must stay application/json.", field_name="value")


class RateLimitSchema(_Strict):
    calls = fields.Integer(required=True, validate=validate.Range(min=1))
    per_seconds = fields.Float(required=True, validate=validate.Range(min=0, min_inclusive=False))
    mode = fields.String(load_default="throttle", validate=validate.OneOf(["throttle", "cap"]))


class ActionSpecSchema(_Strict):
    """The whole action contract (see the module docstring for the rules across fields)."""

    key = fields.String(
        required=True,
        validate=validate.Regexp(
            KEY_PATTERN,
            error="Use 1 to 64 lowercase letters, digits and hyphens, starting with a letter or digit.",
        ),
    )
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    description = fields.String(load_default="", validate=validate.Length(max=5000))
    channel = fields.String(required=True, validate=validate.OneOf(CHANNELS))
    method = fields.String(required=True, validate=validate.OneOf(METHODS))
    url = HttpUrl(
        required=True,
        validate=_no_placeholder("the URL", "use dynamic_path or a variable query item instead."),
    )
    dynamic_path = fields.Boolean(load_default=False)
    query = fields.List(fields.Nested(QueryItemSchema), load_default=list)
    headers = fields.List(fields.Nested(HeaderItemSchema), load_default=list)
    auth = AuthConfig(load_default=lambda: {"type": "none"})
    parameters = fields.List(fields.Nested(ParameterSchema), load_default=list)
    body = JsonValue()
    response_sample = JsonValue()
    error_response_sample = JsonValue()
    timeout_ms = fields.Integer(load_default=10000, validate=validate.Range(min=100, max=60000))
    retries = fields.Integer(load_default=3, validate=validate.Range(min=0, max=10))
    rate_limit = fields.Nested(RateLimitSchema, allow_none=True, load_default=None)

    @validates_schema
    def _consistent(self, data: Mapping[str, Any], **kwargs: Any) -> None:
        errors: dict = {}
        _check_body(data, errors)
        _check_parameters(data, errors)
        _check_unique_names(data, "query", errors, fold_case=False)
        _check_unique_names(data, "headers", errors, fold_case=True)
        _check_auth_header(data, errors)
        for path, value in _secret_slots(data):
            if value == MASK:
                _add_error(errors, path, NO_STORED_SECRET)
        if errors:
            raise ValidationError(errors)

    @post_dump
    def _hide_secrets(self, data: dict, **kwargs: Any) -> dict:
        return mask_secrets(data)


def _add_error(errors: dict, path: tuple, message: str) -> None:
    *parents, last = path
    node = errors
    for part in parents:
        node = node.setdefault(part, {})
    node.setdefault(last, []).append(message)


def _placeholder_keys(template: Any) -> Iterator[str]:
    if isinstance(template, dict):
        for key, value in template.items():
            if PLACEHOLDER.search(key):
                yield key
            yield from _placeholder_keys(value)
    elif isinstance(template, list):
        for item in template:
            yield from _placeholder_keys(item)


def _check_body(data: Mapping[str, Any], errors: dict) -> None:
    body = data.get("body")
    if body is not None and data["method"] in METHODS_WITHOUT_BODY:
        _add_error(errors, ("body",), f"{data['method']} requests send no body; remove it.")
    for key in _placeholder_keys(body):
        _add_error(errors, ("body",), f"Placeholders are not allowed in keys ({key!r}).")
    declared = {parameter["name"] for parameter in data["parameters"]}
    for name in sorted(placeholders_in(body) - declared):
        _add_error(errors, ("body",), f"{{{{{name}}}}} does not name a declared parameter.")


def _check_parameters(data: Mapping[str, Any], errors: dict) -> None:
    used = placeholders_in(data.get("body"))
    seen: set[str] = set()
    for index, parameter in enumerate(data["parameters"]):
        name = parameter["name"]
        if name in seen:
            _add_error(errors, ("parameters", index, "name"), f"Parameter {name!r} is declared twice.")
        elif name not in used:
            _add_error(errors, ("parameters", index, "name"), f"Parameter {name!r} is not used in the body.")
        seen.add(name)


def _check_unique_names(data: Mapping[str, Any], field: str, errors: dict, *, fold_case: bool) -> None:
    seen: set[str] = set()
    for index, item in enumerate(data[field]):
        name = item["name"].lower() if fold_case else item["name"]
        if name in seen:
            _add_error(errors, (field, index, "name"), f"{item['name']!r} appears twice.")
        seen.add(name)


def _check_auth_header(data: Mapping[str, Any], errors: dict) -> None:
    auth_header = auth_kind(data["auth"]).header_name(data["auth"])
    if auth_header is None:
        return
    for index, item in enumerate(data["headers"]):
        if item["name"].lower() == auth_header.lower():
            message = f"The authentication sets {auth_header}; remove this header or the authentication."
            _add_error(errors, ("headers", index, "name"), message)


# --- secrets -------------------------------------------------------------------------------------


def _secret_slots(spec: Any) -> Iterator[tuple[tuple, Any]]:
    """(path, value) of every secret a contract holds, tolerating malformed input (merging runs
    before validation)."""
    if not isinstance(spec, Mapping):
        return
    auth = spec.get("auth")
    if isinstance(auth, Mapping):
        try:
            secret_fields = auth_kind(auth).secret_fields
        except UnknownAuthTypeError:
            secret_fields = ()
        for name in secret_fields:
            if name in auth:
                yield ("auth", name), auth[name]
    headers = spec.get("headers")
    if isinstance(headers, list):
        for index, item in enumerate(headers):
            if isinstance(item, Mapping) and item.get("secret") is True and "value" in item:
                yield ("headers", index, "value"), item["value"]


def _replace_secrets(spec: Mapping[str, Any], change: Callable[[tuple, Any], Any]) -> dict:
    """A deep copy of `spec` with each secret replaced by `change(path, value)`."""
    result = copy.deepcopy(dict(spec))
    for path, value in list(_secret_slots(result)):
        *parents, last = path
        container: Any = result
        for part in parents:
            container = container[part]
        container[last] = change(path, value)
    return result


def mask_secrets(spec: Mapping[str, Any]) -> dict:
    """The contract as anyone may read it: every secret shown as `MASK`."""
    return _replace_secrets(spec, lambda path, value: MASK)


def encrypt_secrets(spec: Mapping[str, Any], box: SecretBox) -> dict:
    """The stored form of a loaded contract: every secret encrypted."""
    return _replace_secrets(spec, lambda path, value: box.encrypt(str(value)))


def decrypt_secrets(spec: Mapping[str, Any], box: SecretBox) -> dict:
    """The usable form of a stored contract. Raises `SecretDecryptionError` on a wrong key."""
    return _replace_secrets(spec, lambda path, value: box.decrypt(value))


def _stored_secret(old: Mapping[str, Any], path: tuple, new: Mapping[str, Any]) -> Any:
    """The stored secret that `MASK` at `path` of the new contract stands for, or `MASK`.

    An auth secret is kept while the auth type is unchanged; a header secret is kept for the
    secret header of the same name (whatever its position).
    """
    stored = dict(_secret_slots(old))
    if path[0] == "auth":
        same_type = old.get("auth", {}).get("type") == new["auth"].get("type")
        return stored.get(path, MASK) if same_type else MASK
    name = str(new["headers"][path[1]].get("name", "")).lower()
    for index, item in enumerate(old.get("headers") or []):
        if str(item.get("name", "")).lower() == name:
            return stored.get(("headers", index, "value"), MASK)
    return MASK


def merge_secrets(new_spec: Any, old_spec: Mapping[str, Any] | None) -> Any:
    """`new_spec` with every `MASK` secret replaced by the stored secret it stands for.

    Call it on the raw payload before loading, with the stored contract decrypted (or None for
    a new action). A `MASK` with no counterpart is left in place for the schema to refuse.
    """
    if not isinstance(new_spec, Mapping) or not old_spec:
        return new_spec
    return _replace_secrets(
        new_spec, lambda path, value: _stored_secret(old_spec, path, new_spec) if value == MASK else value
    )
