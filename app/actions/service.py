"""Everything that creates, changes, checks or tries actions; the API, the pages and tests call these.

This is the one place that commits actions. Every way in (API, form, inline validation) goes
through `check_action`, so the rules are the same everywhere: the contract's schema, a unique key,
and the outbound URL guard (`check_url`) under the policy configured *now*.

Secrets (auth secrets and header values marked secret) are encrypted in place inside the stored
spec; `decrypted_spec` is the only way back to them, for the runner and test calls. Readers get
them as `MASK`, and a MASK sent back means "keep the stored secret".

The usage extension point: `USAGE_PROVIDERS` is a list of functions `key -> [{"id", "name",
"status"}]` naming the journeys that use an action; the journeys package appends its own. An
action in use cannot be deleted, and editing one a live journey uses answers with a warning.
"""

from __future__ import annotations

import copy
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import requests
from flask import current_app
from marshmallow import ValidationError
from sqlalchemy import func, or_, select

from app.actions import builtins
from app.actions.auth import AuthTokenError, apply_auth, auth_kind, invalidate_auth
from app.actions.models import Action, Channel
from app.actions.rendering import RenderedRequest, redact_secrets, render_request
from app.actions.schemas import (
    ActionSpecSchema,
    decrypt_secrets,
    encrypt_secrets,
    mask_secrets,
    merge_secrets,
)
from app.actions.types import ParameterValueError
from app.auth.models import User
from app.crypto import SecretBox
from app.errors import Conflict, InvalidInput, NotFound, flatten_fields
from app.extensions import db
from app.outbound import (
    TargetPolicy,
    UnresolvableHostError,
    UnsafeTargetError,
    build_session,
    check_url,
)
from app.redis_store import get_redis

logger = logging.getLogger(__name__)

IDENTITY_FIELDS = ("key", "name", "description", "channel")
"""Contract fields kept as columns; the rest of the contract is the stored `spec`."""

MAX_KEY_LENGTH = 64
RESERVED_KEYS = frozenset({"new", "form"})
"""Keys that would clash with the pages under /actions/."""
RESPONSE_PREVIEW_CHARS = 10_000
"""How much of a test call's response body is shown."""
RESPONSE_READ_BYTES = 1_000_000
"""How much of a test call's response body is read at most (the rest is never downloaded)."""
LIVE = "live"

UsageProvider = Callable[[str], list[dict]]
USAGE_PROVIDERS: list[UsageProvider] = []
"""Each takes an action key and returns the journeys using it: `[{"id", "name", "status"}]`."""


class ActionInUse(Conflict):
    """Refused because journeys use the action; `journeys` lists them."""

    def __init__(self, message: str, journeys: list[dict]):
        names = ", ".join(f"{journey['name']} ({journey['status']})" for journey in journeys)
        super().__init__(message, {"key": [f"is used by {names}"]})
        self.journeys = journeys


# --------------------------------------------------------------------------------------------
# Reading


def usage(key: str) -> list[dict]:
    """Journeys using action `key`, from every provider, by name, each listed once."""
    found: dict[Any, dict] = {}
    for provider in USAGE_PROVIDERS:
        for journey in provider(key):
            found.setdefault(journey.get("id", journey["name"]), journey)
    return sorted(found.values(), key=lambda journey: str(journey["name"]).lower())


def list_actions(
    search: str = "", channel: str | None = None, needs_configuration: bool | None = None
) -> list[Action]:
    """Actions by name; `search` matches key, name or description, the others filter exactly."""
    query = select(Action).order_by(func.lower(Action.name), Action.key)
    if search.strip():
        pattern = f"%{search.strip().lower()}%"
        query = query.where(
            or_(
                Action.key.like(pattern),
                func.lower(Action.name).like(pattern),
                func.lower(Action.description).like(pattern),
            )
        )
    if channel:
        query = query.where(Action.channel == _parse_channel(channel))
    if needs_configuration is True:
        query = query.where(Action.needs_configuration_reason.is_not(None))
    elif needs_configuration is False:
        query = query.where(Action.needs_configuration_reason.is_(None))
    return list(db.session.scalars(query))


def get_action(key: str) -> Action:
    action = db.session.scalar(select(Action).where(Action.key == key))
    if action is None:
        raise NotFound(f"Action '{key}' does not exist.")
    return action


def contract(action: Action) -> dict:
    """The action as the API speaks it, secrets still encrypted (dump it with the schema to mask)."""
    return {
        "key": action.key,
        "name": action.name,
        "description": action.description,
        "channel": action.channel.value,
        **copy.deepcopy(action.spec),
    }


def masked_contract(action: Action) -> dict:
    """The contract as anyone may read it: every stored secret shown as MASK."""
    return mask_secrets(contract(action))


def decrypt_spec(stored: dict) -> dict:
    """A stored spec (or a journey version's snapshot of one) with its secrets in clear text."""
    return decrypt_secrets(stored, _box())


def decrypted_spec(action: Action) -> dict:
    """The whole contract with secrets in clear text: for the runner and test calls only."""
    return decrypt_spec(contract(action))


def _parse_channel(value: str) -> Channel:
    try:
        return Channel(value)
    except ValueError:
        choices = ", ".join(channel.value for channel in Channel)
        raise InvalidInput.on("channel", f"must be one of {choices}") from None


# --------------------------------------------------------------------------------------------
# Secrets


def _box() -> SecretBox:
    return SecretBox(current_app.config["CAIRN_ENCRYPTION_KEY"])


# --------------------------------------------------------------------------------------------
# Checking and saving


def target_policy() -> TargetPolicy:
    """The outbound policy as configured now (read per call: tests and operators may change it)."""
    return TargetPolicy.from_config(current_app.config)


@dataclass(frozen=True)
class CheckedAction:
    """A contract that passed every rule, secrets in clear text, and what the editor should know."""

    spec: dict
    warnings: list[str]


def check_action(data: Any, current: Action | None = None) -> CheckedAction:
    """The cleaned contract, or InvalidInput naming every field at fault.

    `current` is the action being edited (None when creating); a MASK in `data` keeps its secret.
    The API, the form's inline validation and saving all come here, so the rules are the same.
    """
    if not isinstance(data, dict):
        raise InvalidInput("The action must be a JSON object.", {"_schema": ["must be a JSON object"]})
    data = dict(data)
    if current is not None:
        data.setdefault("key", current.key)
        data = merge_secrets(data, decrypted_spec(current))
    try:
        spec = ActionSpecSchema().load(data)
    except ValidationError as failure:
        problems = flatten_fields(failure.messages)
        target_problems, _ = _check_targets(data)
        raise _invalid({**target_problems, **problems}) from None
    problems: dict[str, list[str]] = {}
    if current is None and spec["key"] in RESERVED_KEYS:
        problems["key"] = ["is reserved; choose another"]
    elif current is None and _key_taken(spec["key"]):
        problems["key"] = ["is already used by another action"]
    if current is not None and spec["key"] != current.key:
        problems["key"] = ["cannot change: journeys refer to it; duplicate the action instead"]
    if current is not None and spec["channel"] != current.channel.value:
        problems["channel"] = ["cannot change"]
    if current is None and spec["channel"] != Channel.CUSTOM.value:
        problems["channel"] = ["must be custom: Email, SMS and Push are the built-in actions"]
    target_problems, warnings = _check_targets(spec)
    problems.update(target_problems)
    if problems:
        raise _invalid(problems)
    return CheckedAction(spec, warnings)


def _check_targets(data: dict) -> tuple[dict[str, list[str]], list[str]]:
    """Problems (and warnings) with the URLs Cairn will call: the target and any token URL.

    Works on unchecked input too (only string URLs are looked at), so a form with other problems
    still learns that its URL is refused. A host that does not resolve here is accepted with a
    warning: it may exist only where Cairn runs, and every connection is checked when it is made.
    """
    policy = target_policy()
    auth = data.get("auth") if isinstance(data.get("auth"), dict) else {}
    targets = [("url", data.get("url")), ("auth.token_url", auth.get("token_url"))]
    problems, warnings = {}, []
    for name, url in targets:
        if not isinstance(url, str) or not url:
            continue
        try:
            check_url(url, policy)
        except UnresolvableHostError as unresolved:
            warnings.append(f"{name}: {unresolved}; Cairn will check the address when it calls.")
        except UnsafeTargetError as refused:
            problems[name] = [f"cannot be called: {refused}"]
    return problems, warnings


def _invalid(fields: dict[str, list[str]]) -> InvalidInput:
    summary = "; ".join(f"{name}: {', '.join(problems)}" for name, problems in sorted(fields.items()))
    return InvalidInput(f"The action is invalid — {summary}", fields)


def _key_taken(key: str) -> bool:
    return db.session.scalar(select(Action.id).where(Action.key == key)) is not None


def _store(action: Action, spec: dict, user: User | None) -> None:
    """Write a checked contract into `action`: identity as columns, the rest encrypted as spec."""
    action.key = spec["key"]
    action.name = spec["name"]
    action.description = spec.get("description") or ""
    action.channel = Channel(spec["channel"])
    stored = {name: value for name, value in spec.items() if name not in IDENTITY_FIELDS}
    action.spec = encrypt_secrets(stored, _box())
    action.updated_by = user


def create_action(data: dict, user: User | None = None) -> Action:
    """Create a custom action from its contract; it is usable at once (it was checked)."""
    checked = check_action(data)
    action = Action(builtin=False, needs_configuration_reason=None)
    _store(action, checked.spec, user)
    db.session.add(action)
    db.session.commit()
    logger.info("action %s created", action.key)
    return action


def update_action(key: str, data: dict, user: User | None = None) -> tuple[Action, list[str]]:
    """Replace an action's contract; returns it and warnings (e.g. live journeys using it).

    A built-in action is configured through its platform settings instead (`configure_builtin`).
    """
    action = get_action(key)
    if action.builtin:
        return configure_builtin(key, data, user)
    checked = check_action(data, current=action)
    _store(action, checked.spec, user)
    db.session.commit()
    logger.info("action %s updated", action.key)
    return action, checked.warnings + edit_warnings(key)


def edit_warnings(key: str) -> list[str]:
    """What an editor should know before changing action `key`: the live journeys using it."""
    live = [journey["name"] for journey in usage(key) if journey.get("status") == LIVE]
    if not live:
        return []
    return [
        f"Live journey{'s' if len(live) > 1 else ''} {', '.join(live)} use{'' if len(live) > 1 else 's'} "
        "this action. They keep the configuration they were published with; "
        "publish a new version to use the changes."
    ]


def duplicate_action(key: str, user: User | None = None) -> Action:
    """A custom copy of an action under a new key like `send-welcome-copy` (secrets included)."""
    source = get_action(key)
    copy_key = _free_key(f"{key}-copy")
    spec = decrypted_spec(source)
    action = Action(builtin=False, needs_configuration_reason=None)
    _store(action, {**spec, "key": copy_key, "name": f"{source.name} (copy)",
                    "channel": Channel.CUSTOM.value}, user)
    if source.builtin:
        action.needs_configuration_reason = source.needs_configuration_reason
    db.session.add(action)
    db.session.commit()
    return action


def _free_key(base: str) -> str:
    """`base`, or `base-2`, `base-3`… : the first key no action has (cut to the key length)."""
    base = base[:MAX_KEY_LENGTH]
    candidate, number = base, 1
    while _key_taken(candidate):
        number += 1
        suffix = f"-{number}"
        candidate = base[: MAX_KEY_LENGTH - len(suffix)] + suffix
    return candidate


def delete_action(key: str) -> None:
    """Delete a custom action no journey uses; `ActionInUse` lists the journeys otherwise."""
    action = get_action(key)
    if action.builtin:
        raise Conflict("Built-in actions cannot be deleted.", {"key": ["is a built-in action"]})
    journeys = usage(key)
    if journeys:
        names = ", ".join(journey["name"] for journey in journeys)
        raise ActionInUse(f"Action '{key}' is used by {names}; remove it from them first.", journeys)
    db.session.delete(action)
    db.session.commit()
    logger.info("action %s deleted", key)


# --------------------------------------------------------------------------------------------
# Built-in channel actions


def check_builtin_settings(data: Any, current: Action) -> CheckedAction:
    """The contract a built-in action's platform settings make, checked like any action's, or
    InvalidInput naming the settings at fault (`base_url` for the URL it makes)."""
    if not current.builtin:
        raise InvalidInput.on("key", "is not a built-in action")
    settings = builtins.read_settings(data)
    settings.setdefault("name", current.name)
    settings.setdefault("description", current.description)
    contract_data = builtins.build_contract(builtins.BY_CHANNEL[current.channel], settings)
    try:
        checked = check_action(contract_data, current=current)
    except InvalidInput as failure:
        raise _invalid(builtins.settings_fields(failure.fields)) from None
    checked.spec["response_sample"] = current.spec.get("response_sample")
    checked.spec["error_response_sample"] = current.spec.get("error_response_sample")
    return checked


def configure_builtin(key: str, data: dict, user: User | None = None) -> tuple[Action, list[str]]:
    """Give a built-in action its platform settings (see `builtins`); a MASK in `data["auth"]`
    keeps the stored credential. It then needs a passing test call to become configured."""
    action = get_action(key)
    checked = check_builtin_settings(data, current=action)
    _store(action, checked.spec, user)
    action.platform_settings = {"base_url": data["base_url"].strip(),
                                "message_id": data["message_id"].strip()}
    action.needs_configuration_reason = builtins.UNTESTED_REASON
    db.session.commit()
    logger.info("built-in action %s configured", action.key)
    return action, checked.warnings + edit_warnings(key)


def builtin_settings(action: Action) -> dict:
    """A built-in action's current settings as its configure form shows them (secrets masked)."""
    contract_view = masked_contract(action)
    return {
        "name": action.name,
        "description": action.description,
        **(action.platform_settings or {"base_url": "", "message_id": ""}),
        "auth": contract_view.get("auth") or {"type": "none"},
        "timeout_ms": contract_view.get("timeout_ms"),
        "retries": contract_view.get("retries"),
    }


def ensure_builtin_actions() -> list[Action]:
    """Create the built-in Email, SMS and Push actions that do not exist yet (idempotent)."""
    created = []
    for definition in builtins.BUILTINS:
        if _key_taken(definition.key):
            continue
        action = Action(
            key=definition.key,
            name=definition.name,
            description=definition.description,
            channel=definition.channel,
            builtin=True,
            spec=builtins.unconfigured_spec(definition),
            platform_settings=None,
            needs_configuration_reason=builtins.UNCONFIGURED_REASON,
        )
        db.session.add(action)
        created.append(action)
    if created:
        db.session.commit()
    return created


# --------------------------------------------------------------------------------------------
# Test calls


@dataclass
class TestCallResult:
    """What one real test call did, safe to show: secrets are masked, the body is truncated."""

    request: dict
    status: int | None = None
    duration_ms: int | None = None
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: str = ""
    truncated: bool = False
    response_json: Any = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


SAMPLE_GROUPS = {"params": "parameter", "headers": "header", "query": "query"}
"""Groups of sample values a test call takes, and what `ParameterValueError.where` calls each."""


def test_call(action: Action, sample_values: dict) -> TestCallResult:
    """Send ONE real request for `action` with `sample_values` and report what happened.

    `sample_values` is `{"params": {...}, "headers": {...}, "query": {...}, "path": "..."}`
    (values may be text, as typed in a form; they are coerced to their declared types).
    A built-in action whose test call answers 2xx becomes configured.
    """
    if action.builtin and action.platform_settings is None:
        raise Conflict(builtins.UNCONFIGURED_REASON, {"key": ["needs configuration first"]})
    spec = decrypted_spec(action)
    values = read_sample_values(sample_values)
    if action.builtin:
        problems = builtins.check_values(action.channel, values["params"])
        if problems:
            raise _invalid(problems)
    try:
        rendered = render_request(spec, **values)
    except ParameterValueError as failure:
        raise _invalid({_sample_field(failure): [failure.problem]}) from None
    session = build_session(target_policy(), pool_maxsize=1)
    try:
        result = _authenticate_and_send(session, rendered, spec)
    finally:
        session.close()
    if action.builtin and result.ok and action.needs_configuration_reason is not None:
        action.needs_configuration_reason = None
        db.session.commit()
        logger.info("built-in action %s passed its connection test", action.key)
    return result


def _authenticate_and_send(
    session: requests.Session, rendered: RenderedRequest, spec: dict
) -> TestCallResult:
    """Authenticate and send; a 401 with a cached token refreshes the token and sends once more."""
    auth, cache = spec["auth"], get_redis()
    unsent = copy.deepcopy(rendered)
    try:
        apply_auth(rendered, auth, session=session, cache=cache)
        result = _send(session, rendered, spec["timeout_ms"])
        if result.status == 401 and auth_kind(auth).caches_token:
            invalidate_auth(auth, cache=cache)
            rendered = unsent
            apply_auth(rendered, auth, session=session, cache=cache)
            result = _send(session, rendered, spec["timeout_ms"])
    except (requests.RequestException, AuthTokenError) as failure:
        return TestCallResult(request=rendered.masked(), error=_describe_failure(failure))
    return result


def read_sample_values(sample_values: Any) -> dict:
    """The keyword arguments of `render_request` from a test call's sample values."""
    if not isinstance(sample_values, dict):
        raise InvalidInput("Sample values must be a JSON object.", {"_schema": ["must be an object"]})
    values: dict[str, Any] = {}
    for group in SAMPLE_GROUPS:
        supplied = sample_values.get(group) or {}
        if not isinstance(supplied, dict):
            raise InvalidInput.on(group, "must be an object of name: value")
        values[group] = supplied
    values["path"] = sample_values.get("path") or None
    return values


def _sample_field(failure: ParameterValueError) -> str:
    if failure.where == "path":
        return "path"
    group = next((name for name, where in SAMPLE_GROUPS.items() if where == failure.where), "params")
    return f"{group}.{failure.name}" if failure.name else group


def _send(session: requests.Session, rendered: RenderedRequest, timeout_ms: int) -> TestCallResult:
    """Send the request, reading at most `RESPONSE_READ_BYTES` of the answer."""
    started = time.monotonic()
    with session.request(
        rendered.method,
        rendered.url,
        headers=rendered.headers,
        data=rendered.body_json(),
        timeout=timeout_ms / 1000,
        allow_redirects=True,
        stream=True,
    ) as response:
        raw = response.raw.read(RESPONSE_READ_BYTES + 1, decode_content=True)
        duration_ms = round((time.monotonic() - started) * 1000)
    complete = len(raw) <= RESPONSE_READ_BYTES
    body = raw[:RESPONSE_READ_BYTES].decode(response.encoding or "utf-8", errors="replace")
    return TestCallResult(
        request=rendered.masked(),
        status=response.status_code,
        duration_ms=duration_ms,
        response_headers={
            name: redact_secrets(value, rendered.secret_values) for name, value in response.headers.items()
        },
        response_body=redact_secrets(body[:RESPONSE_PREVIEW_CHARS], rendered.secret_values),
        truncated=not complete or len(body) > RESPONSE_PREVIEW_CHARS,
        response_json=_json_or_none(body) if complete else None,
    )


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _describe_failure(failure: Exception) -> str:
    if isinstance(failure, AuthTokenError):
        return f"Authentication failed: {failure}"
    if isinstance(failure, UnsafeTargetError):
        return f"Refused: {failure}"
    if isinstance(failure, requests.Timeout):
        return "The request timed out."
    if isinstance(failure, requests.ConnectionError):
        return "Could not connect to the target."
    return f"The request failed: {type(failure).__name__}."


def use_response_as_sample(action: Action, response: Any, *, error: bool = False) -> Action:
    """Keep a (test call's) JSON response as the action's response (or error response) sample."""
    if isinstance(response, str):
        try:
            response = json.loads(response)
        except ValueError:
            raise InvalidInput.on("response", "is not JSON; only a JSON response can be a sample") from None
    if not isinstance(response, dict | list):
        raise InvalidInput.on("response", "must be a JSON object or array")
    spec = copy.deepcopy(action.spec)
    spec["error_response_sample" if error else "response_sample"] = response
    action.spec = spec
    db.session.commit()
    return action


# --------------------------------------------------------------------------------------------
# The body editor's sample workflow (pure: no database)


PARAMETER_NAME_RE = re.compile(r"[^A-Za-z0-9_]+")


@dataclass(frozen=True)
class SampleField:
    """One leaf of a pasted sample body: where it is, its value, and a guess at its parameter."""

    path: tuple[str | int, ...]
    value: Any
    type: str
    name: str

    @property
    def label(self) -> str:
        return ".".join(str(part) for part in self.path) or "(whole body)"


def sample_fields(sample: Any) -> list[SampleField]:
    """The leaves of a pasted sample body, each with a guessed type and parameter name.

    Objects are walked into; a list of objects is walked into item by item; a list of plain
    values is one leaf (a `list<T>` parameter). Suggested names are unique in the result.
    """
    leaves: list[tuple[tuple[str | int, ...], Any]] = []

    def walk(path: tuple[str | int, ...], value: Any) -> None:
        if isinstance(value, dict) and value:
            for name, item in value.items():
                walk((*path, name), item)
        elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            for index, item in enumerate(value):
                walk((*path, index), item)
        else:
            leaves.append((path, value))

    walk((), sample)
    used: set[str] = set()
    fields = []
    for path, value in leaves:
        name = _unique_name(_suggest_name(path), used)
        fields.append(SampleField(path=path, value=value, type=guess_type(value), name=name))
    return fields


def guess_type(value: Any) -> str:
    """The parameter type a sample value suggests (strings that parse as ISO dates are datetimes)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        item_types = {guess_type(item) for item in value}
        return f"list<{item_types.pop()}>" if len(item_types) == 1 else "list<string>"
    if isinstance(value, str) and _looks_like_datetime(value):
        return "datetime"
    return "string"


def _looks_like_datetime(text: str) -> bool:
    if len(text) < 10 or not text[:4].isdigit():
        return False
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _suggest_name(path: tuple[str | int, ...]) -> str:
    named = [str(part) for part in path if isinstance(part, str)]
    name = PARAMETER_NAME_RE.sub("_", named[-1] if named else "value").strip("_") or "value"
    return f"p_{name}" if name[0].isdigit() else name


def _unique_name(name: str, used: set[str]) -> str:
    candidate, number = name, 1
    while candidate in used:
        number += 1
        candidate = f"{name}_{number}"
    used.add(candidate)
    return candidate


@dataclass(frozen=True)
class FieldChoice:
    """What the editor decided for one sample leaf: keep its value, or make it a parameter."""

    variable: bool
    name: str = ""
    type: str = "string"


def template_from_sample(
    sample: Any, choices: list[FieldChoice], current_parameters: list[dict] | None = None
) -> tuple[Any, list[dict]]:
    """The body template and parameter list the choices make of `sample` (AJO's workflow).

    `choices` go with `sample_fields(sample)`, in order. Each variable leaf becomes the placeholder
    `"{{name}}"` (replaced by the typed value when the call is made); constant leaves keep their
    sample value. Parameters are only used by the body, so the list is rebuilt from the choices;
    a parameter that was already declared keeps its required/nullable flags.
    """
    template = copy.deepcopy(sample)
    current = {parameter["name"]: parameter for parameter in current_parameters or ()}
    declared: dict[str, dict] = {}
    for leaf, choice in zip(sample_fields(sample), choices, strict=False):
        if not choice.variable:
            continue
        placeholder = "{{" + choice.name + "}}"
        if not leaf.path:
            template = placeholder
        else:
            container = template
            for part in leaf.path[:-1]:
                container = container[part]
            container[leaf.path[-1]] = placeholder
        flags = current.get(choice.name, {"required": True, "nullable": leaf.value is None})
        declared.setdefault(choice.name, {"name": choice.name, "type": choice.type,
                                          "required": flags.get("required", True),
                                          "nullable": flags.get("nullable", False)})
    return template, list(declared.values())
