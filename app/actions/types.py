"""The types of an action's variable fields, and the coercion every value goes through.

Values reach an action from CEL expressions over event data (already typed, but not always the
type the action wants) and from the test-call form (always text). `coerce` accepts both: it
converts what converts without losing meaning ("42" or 42.0 to the integer 42, "true" to True,
a JSON text to an object or list) and refuses the rest with a `ParameterValueError` that says
what was expected and what came. `None` is never coerced here: whether null is allowed is the
parameter's `nullable` flag, checked by the renderer.

Types: string, integer, number, boolean, datetime (an ISO 8601 string in the JSON sent),
object, and `list<T>` of each of those.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

SCALAR_TYPES = ("string", "integer", "number", "boolean", "datetime", "object")
TYPE_NAMES = SCALAR_TYPES + tuple(f"list<{name}>" for name in SCALAR_TYPES)
"""Every type name an action may declare."""

_LIST_TYPE = re.compile(r"list<\s*([a-z]+)\s*>")
_INTEGER_TEXT = re.compile(r"[+-]?\d+")


class UnknownTypeError(ValueError):
    """A type name that is not one of `TYPE_NAMES`."""


class ParameterValueError(ValueError):
    """A value that does not fit its field; `name` and `where` say which field.

    `where` is "parameter", "header", "query" or "path"; `problem` is the message without the
    field's name, for forms that show it next to the field.
    """

    def __init__(self, problem: str, *, name: str = "", where: str = "parameter"):
        self.problem = problem
        self.name = name
        self.where = where
        super().__init__(f"{where} {name!r}: {problem}" if name else problem)


@dataclass(frozen=True)
class ParamType:
    """A parsed type name: the scalar type, and whether the value is a list of it."""

    scalar: str
    is_list: bool = False

    def __str__(self) -> str:
        return f"list<{self.scalar}>" if self.is_list else self.scalar


@cache
def parse_type(type_name: str) -> ParamType:
    """Parse "integer" or "list<integer>"; raise `UnknownTypeError` for anything else."""
    text = type_name.strip() if isinstance(type_name, str) else ""
    match = _LIST_TYPE.fullmatch(text)
    scalar = match.group(1) if match else text
    if scalar not in SCALAR_TYPES:
        raise UnknownTypeError(f"unknown type {type_name!r}; expected one of {', '.join(TYPE_NAMES)}")
    return ParamType(scalar, is_list=match is not None)


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _wrong(expected: str, value: Any) -> ParameterValueError:
    return ParameterValueError(f"expected {expected}, got {_describe(value)}")


def _to_string(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float) and math.isfinite(value):
        return json.dumps(value)
    if isinstance(value, date):
        return value.isoformat()
    raise _wrong("a string", value)


def _to_integer(value: Any) -> int:
    if isinstance(value, bool):
        raise _wrong("an integer", value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _INTEGER_TEXT.fullmatch(value.strip()):
        return int(value)
    raise _wrong("an integer", value)


def _to_number(value: Any) -> int | float:
    if isinstance(value, bool):
        raise _wrong("a number", value)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = value.strip()
        if _INTEGER_TEXT.fullmatch(text):
            return int(text)
        try:
            value = float(text)
        except ValueError:
            raise _wrong("a number", value) from None
    if isinstance(value, float) and math.isfinite(value):
        return value
    raise _wrong("a finite number", value)


def _to_boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise _wrong("true or false", value)


def _to_datetime(value: Any) -> str:
    """ISO 8601 text: a datetime or date object is formatted, a string is checked and kept."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            datetime.fromisoformat(value.strip())
        except ValueError:
            raise _wrong("an ISO 8601 date-time", value) from None
        return value.strip()
    raise _wrong("an ISO 8601 date-time", value)


def _parse_json_text(value: Any, kind: type) -> Any:
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return value
        if isinstance(parsed, kind):
            return parsed
    return value


def _to_object(value: Any) -> dict:
    value = _parse_json_text(value, dict)
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return value
    raise _wrong("an object", value)


_SCALAR_COERCERS: dict[str, Callable[[Any], Any]] = {
    "string": _to_string,
    "integer": _to_integer,
    "number": _to_number,
    "boolean": _to_boolean,
    "datetime": _to_datetime,
    "object": _to_object,
}


def coerce(type_name: str | ParamType, value: Any) -> Any:
    """`value` as the JSON value of type `type_name`, or `ParameterValueError` (without a field
    name; the caller adds it). Lists are coerced item by item and name the failing index."""
    param_type = type_name if isinstance(type_name, ParamType) else parse_type(type_name)
    to_scalar = _SCALAR_COERCERS[param_type.scalar]
    if not param_type.is_list:
        return to_scalar(value)
    value = _parse_json_text(value, list)
    if not isinstance(value, list | tuple):
        raise _wrong(f"a list of {param_type.scalar}", value)
    items = []
    for index, item in enumerate(value):
        if item is None:
            raise ParameterValueError(f"item {index}: expected {param_type.scalar}, got None")
        try:
            items.append(to_scalar(item))
        except ParameterValueError as error:
            raise ParameterValueError(f"item {index}: {error.problem}") from None
    return items
