"""Event payload types: the type vocabulary, compiled payload validators and field inference.

Pure logic (no Flask, no database) so the ingest path, the forms and the runner can share it.
The vocabulary is the one action parameters use: six JSON types plus `list<T>` of each. It is
checked with `isinstance` rather than through a generic JSON Schema engine: six types need no
engine, the messages can say exactly what a marketer's producer got wrong, and ingest validates
thousands of payloads a second on the same small set of compiled checks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from app.actions.types import SCALAR_TYPES, TYPE_NAMES

BASE_TYPES = SCALAR_TYPES
FIELD_TYPES = TYPE_NAMES
"""Event field types: the vocabulary of action parameters, so mappings compare like with like."""
PROFILE_ID_TYPES = ("string", "integer")
"""Types a profile id field may have: the id is stored (and compared) as text."""

KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
"""Event type keys: the slug rule actions use, so journeys reference both the same way."""

FIELD_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$")
"""Top-level payload keys only (nested data is an `object` field); no dots, so a name never
reads like a path."""

MAX_PROFILE_ID_LENGTH = 255

_NOUNS = {
    "string": ("a string", "strings"),
    "integer": ("an integer", "integers"),
    "number": ("a number", "numbers"),
    "boolean": ("true or false", "booleans"),
    "datetime": ("an ISO 8601 date-time such as 2024-05-01T09:30:00Z", "ISO 8601 date-times"),
    "object": ("a JSON object", "JSON objects"),
}


def is_datetime_text(value: str) -> bool:
    """An ISO 8601 date *and time* ("2024-05-01" alone is a date, not a moment)."""
    if len(value) < 16 or value[10] not in "Tt ":
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_string(value: Any) -> bool:
    return isinstance(value, str)


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


def _is_boolean(value: Any) -> bool:
    return isinstance(value, bool)


def _is_datetime(value: Any) -> bool:
    return isinstance(value, str) and is_datetime_text(value)


def _is_object(value: Any) -> bool:
    return isinstance(value, dict)


_BASE_TESTS: dict[str, Callable[[Any], bool]] = {
    "string": _is_string,
    "integer": _is_integer,
    "number": _is_number,
    "boolean": _is_boolean,
    "datetime": _is_datetime,
    "object": _is_object,
}

Check = Callable[[Any], "str | None"]
"""A compiled type check: the problem with a value, or None when it fits."""


def _base_check(base: str) -> Check:
    test, (noun, _) = _BASE_TESTS[base], _NOUNS[base]
    problem = f"must be {noun}"
    return lambda value: None if test(value) else problem


def _list_check(base: str) -> Check:
    test, (_, plural) = _BASE_TESTS[base], _NOUNS[base]

    def check(value: Any) -> str | None:
        if not isinstance(value, list):
            return f"must be a list of {plural}"
        for index, item in enumerate(value):
            if not test(item):
                return f"must be a list of {plural} (item {index} is not)"
        return None

    return check


CHECKS: dict[str, Check] = {
    **{base: _base_check(base) for base in BASE_TYPES},
    **{f"list<{base}>": _list_check(base) for base in BASE_TYPES},
}


def value_problem(field_type: str, value: Any) -> str | None:
    """Why `value` is not of `field_type` (one of FIELD_TYPES), or None when it is."""
    return CHECKS[field_type](value)


class PayloadValidator:
    """The checks of one event type definition, compiled once and reused for every payload.

    Undeclared keys are accepted and kept: producers may send more than the definition names
    (a type gains fields after its producers do). An optional field may be absent or null.
    """

    def __init__(self, fields: list[dict], profile_id_field: str):
        self._checks = tuple(
            (field["name"], bool(field.get("required")), CHECKS[field["type"]]) for field in fields
        )
        self.profile_id_field = profile_id_field

    def problems(self, payload: Any) -> dict[str, list[str]]:
        """Problems per field name; empty when the payload fits the definition."""
        if not isinstance(payload, dict):
            return {"_schema": ["must be a JSON object"]}
        problems: dict[str, list[str]] = {}
        for name, required, check in self._checks:
            value = payload.get(name)
            if value is None:
                if required:
                    problems[name] = ["is required" if name not in payload else "must not be null"]
                continue
            problem = check(value)
            if problem:
                problems[name] = [problem]
        if self.profile_id_field not in problems:
            profile_problem = self._profile_id_problem(payload.get(self.profile_id_field))
            if profile_problem:
                problems[self.profile_id_field] = [profile_problem]
        return problems

    @staticmethod
    def _profile_id_problem(value: Any) -> str | None:
        text = str(value)
        if not text.strip():
            return "must not be empty: it identifies the profile"
        if len(text) > MAX_PROFILE_ID_LENGTH:
            return f"must be at most {MAX_PROFILE_ID_LENGTH} characters: it identifies the profile"
        return None

    def profile_id(self, payload: dict) -> str:
        """The profile this (valid) payload is about, as text."""
        return str(payload[self.profile_id_field])


def _infer_type(value: Any) -> str | None:
    """The vocabulary type of a sample value, or None when the vocabulary cannot express it."""
    if isinstance(value, list):
        return _infer_list_type(value)
    for base in ("boolean", "integer", "number", "datetime", "string", "object"):
        if _BASE_TESTS[base](value):
            return base
    return None


def _infer_list_type(items: list) -> str | None:
    item_types = {_infer_type(item) for item in items if item is not None}
    if not item_types:
        return "list<string>"
    if item_types <= {"integer", "number"}:
        return "list<number>" if "number" in item_types else "list<integer>"
    if item_types == {"string", "datetime"}:
        return "list<string>"
    if len(item_types) == 1:
        (item_type,) = item_types
        if item_type in BASE_TYPES:
            return f"list<{item_type}>"
    return None


def infer_fields(sample: dict) -> list[dict]:
    """Field definitions read from a sample payload ("paste a sample payload" fills the form).

    Each top-level key becomes a field; a value present is taken as required, a null as an
    optional string. Keys that are not valid field names, and values the vocabulary cannot
    express (a list of lists, a list mixing types), are left out for the user to add by hand.
    """
    fields = []
    for name, value in sample.items():
        if not FIELD_NAME_RE.match(str(name)):
            continue
        field_type = "string" if value is None else _infer_type(value)
        if field_type is None:
            continue
        fields.append({"name": name, "type": field_type, "required": value is not None})
    return fields


PROFILE_ID_NAMES = ("profile_id", "profileId", "user_id", "userId", "customer_id", "customerId",
                    "email", "id")


def guess_profile_id_field(fields: list[dict]) -> str | None:
    """The field most likely to identify the profile, among those that can (required, text or int)."""
    candidates = [
        field["name"]
        for field in fields
        if field.get("required") and field.get("type") in PROFILE_ID_TYPES
    ]
    for name in PROFILE_ID_NAMES:
        if name in candidates:
            return name
    return next((name for name in candidates if "id" in name.lower()), None)
