"""The built-in Email, SMS and Push actions: fixed parameters, platform settings, ordinary specs.

Like Adobe Journey Optimizer's built-in Campaign action, they exist from the first run but are
unusable until a technical user gives the messaging platform's base URL, its credentials and the
transactional message id of the channel — and a test call succeeds. The settings then generate an
ordinary action contract underneath, checked by the same rules as any custom action:

    POST {base_url}/{transactional message id}      (the id URL-encoded as one path segment)
    authentication: any kind an action may use
    body: the channel's fixed shape below, with its fixed parameters

Only the base URL and the message id are kept as platform settings (they are not secret); the
credentials live in the contract's `auth`, encrypted like every action's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from marshmallow import Schema, ValidationError, fields, validate

from app.actions.models import Channel
from app.errors import InvalidInput, flatten_fields

UNCONFIGURED_REASON = (
    "Needs configuration: give the messaging platform's base URL, credentials and the "
    "transactional message id, then send a test call."
)
UNTESTED_REASON = "Needs a successful test call: send one from the action's page."

E164 = re.compile(r"\+[1-9]\d{1,14}")
"""An international phone number: `+`, the country code, at most 15 digits in all."""
PUSH_PLATFORMS = ("apns", "fcm")

DEFAULT_TIMEOUT_MS = 10_000
DEFAULT_RETRIES = 3


def _check_e164(value: Any) -> str | None:
    if isinstance(value, str) and E164.fullmatch(value.strip()):
        return None
    return "must be an E.164 phone number such as +447700900123"


def _check_platform(value: Any) -> str | None:
    return None if value in PUSH_PLATFORMS else f"must be one of {', '.join(PUSH_PLATFORMS)}"


@dataclass(frozen=True)
class BuiltinAction:
    """One built-in channel action: its identity, fixed parameters and body, and value checks."""

    key: str
    channel: Channel
    name: str
    description: str
    parameters: tuple[dict, ...]
    body: dict
    value_checks: tuple[tuple[str, Callable[[Any], str | None]], ...] = ()


EMAIL = BuiltinAction(
    key="send-email",
    channel=Channel.EMAIL,
    name="Send email",
    description="Sends a transactional email through your messaging platform.",
    parameters=(
        {"name": "to", "type": "string", "required": True, "nullable": False},
        {"name": "message_id", "type": "string", "required": True, "nullable": False},
        {"name": "personalization", "type": "object", "required": False, "nullable": True},
    ),
    body={"to": "{{to}}", "messageId": "{{message_id}}", "personalization": "{{personalization}}"},
)
SMS = BuiltinAction(
    key="send-sms",
    channel=Channel.SMS,
    name="Send SMS",
    description="Sends a text message through your messaging platform.",
    parameters=(
        {"name": "to", "type": "string", "required": True, "nullable": False},
        {"name": "text", "type": "string", "required": True, "nullable": False},
    ),
    body={"to": "{{to}}", "text": "{{text}}"},
    value_checks=(("to", _check_e164),),
)
PUSH = BuiltinAction(
    key="send-push",
    channel=Channel.PUSH,
    name="Send push notification",
    description="Sends a push notification (APNs or FCM) through your messaging platform.",
    parameters=(
        {"name": "platform", "type": "string", "required": True, "nullable": False},
        {"name": "token", "type": "string", "required": True, "nullable": False},
        {"name": "title", "type": "string", "required": True, "nullable": False},
        {"name": "body", "type": "string", "required": True, "nullable": False},
        {"name": "data", "type": "object", "required": False, "nullable": True},
    ),
    body={
        "platform": "{{platform}}",
        "token": "{{token}}",
        "notification": {"title": "{{title}}", "body": "{{body}}"},
        "data": "{{data}}",
    },
    value_checks=(("platform", _check_platform),),
)

BUILTINS = (EMAIL, SMS, PUSH)
BY_CHANNEL = {definition.channel: definition for definition in BUILTINS}


class PlatformSettingsSchema(Schema):
    """What a technical user gives to configure a built-in action (unknown fields refused)."""

    base_url = fields.Str(required=True, validate=validate.Length(min=1, max=2000))
    message_id = fields.Str(required=True, validate=validate.Length(min=1, max=200))
    auth = fields.Dict(required=True)
    name = fields.Str(validate=validate.Length(min=1, max=200))
    description = fields.Str(validate=validate.Length(max=2000))
    timeout_ms = fields.Raw()
    retries = fields.Raw()
    rate_limit = fields.Raw(allow_none=True)


def read_settings(data: Any) -> dict:
    """The platform settings in `data`, or InvalidInput naming each missing or unknown field.

    Types of the contract fields (auth, timeout, retries, rate limit) are left to the contract's
    own schema, so their messages are the same as for any action.
    """
    if not isinstance(data, Mapping):
        raise InvalidInput("The settings must be a JSON object.", {"_schema": ["must be an object"]})
    try:
        settings = PlatformSettingsSchema().load(data)
    except ValidationError as failure:
        fields_at_fault = flatten_fields(failure.messages)
        names = ", ".join(sorted(fields_at_fault))
        raise InvalidInput(f"The platform settings are invalid: {names}", fields_at_fault) from None
    settings["base_url"] = settings["base_url"].strip()
    settings["message_id"] = settings["message_id"].strip()
    return settings


def platform_url(base_url: str, message_id: str) -> str:
    return f"{base_url.rstrip('/')}/{quote(message_id, safe='')}"


def build_contract(definition: BuiltinAction, settings: Mapping[str, Any]) -> dict:
    """The ordinary action contract the settings make of a built-in action."""
    return {
        "key": definition.key,
        "name": settings.get("name") or definition.name,
        "description": settings.get("description", definition.description),
        "channel": definition.channel.value,
        "method": "POST",
        "url": platform_url(settings["base_url"], settings["message_id"]),
        "dynamic_path": False,
        "query": [],
        "headers": [],
        "auth": settings["auth"],
        "parameters": [dict(parameter) for parameter in definition.parameters],
        "body": definition.body,
        "timeout_ms": settings.get("timeout_ms", DEFAULT_TIMEOUT_MS),
        "retries": settings.get("retries", DEFAULT_RETRIES),
        "rate_limit": settings.get("rate_limit"),
    }


def unconfigured_spec(definition: BuiltinAction) -> dict:
    """The stored spec before configuration: fixed parameters and body, no target yet.

    Never called (the action is not configured), but journeys can already map its parameters.
    """
    return {
        "method": "POST",
        "url": "",
        "dynamic_path": False,
        "query": [],
        "headers": [],
        "auth": {"type": "none"},
        "parameters": [dict(parameter) for parameter in definition.parameters],
        "body": definition.body,
        "response_sample": None,
        "error_response_sample": None,
        "timeout_ms": DEFAULT_TIMEOUT_MS,
        "retries": DEFAULT_RETRIES,
        "rate_limit": None,
    }


def settings_fields(problems: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """Contract problems renamed to the settings a user typed (the URL comes from `base_url`)."""
    return {("base_url" if name == "url" else name): found for name, found in problems.items()}


def check_values(channel: Channel, params: Mapping[str, Any]) -> dict[str, list[str]]:
    """Problems with a call's parameter values beyond their types (E.164 numbers, push
    platforms), as `{"params.<name>": [...]}`; the runner should check them before sending."""
    definition = BY_CHANNEL.get(channel)
    problems: dict[str, list[str]] = {}
    for name, check in definition.value_checks if definition else ():
        if name in params:
            problem = check(params[name])
            if problem:
                problems[f"params.{name}"] = [problem]
    return problems
