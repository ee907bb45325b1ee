"""Errors that services raise, turned into one JSON error body or an inline form error at the edge.

The API answers every error as
`{"error": {"code": "...", "message": "...", "fields": {"field": ["problem"]}}}`.
"""

from __future__ import annotations


class ServiceError(Exception):
    """A request the service refuses; `fields` maps field names to problems."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, fields: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class InvalidInput(ServiceError):
    status = 422
    code = "invalid"

    @classmethod
    def on(cls, field: str, problem: str) -> InvalidInput:
        """One problem on one field, the message naming both."""
        return cls(f"{field}: {problem}", {field: [problem]})


class NotFound(ServiceError):
    status = 404
    code = "not_found"


class Conflict(ServiceError):
    status = 409
    code = "conflict"


class PermissionDenied(ServiceError):
    status = 403
    code = "forbidden"


def error_body(code: str, message: str, fields: dict | None = None) -> dict:
    return {"error": {"code": code, "message": message, "fields": flatten_fields(fields or {})}}


def flatten_fields(messages: dict | list, prefix: str = "") -> dict[str, list[str]]:
    """Flatten marshmallow's nested messages into dotted field names: {"headers.1.name": [...]}."""
    if isinstance(messages, list):
        if all(isinstance(item, str) for item in messages):
            return {prefix or "_schema": list(messages)}
        flat: dict[str, list[str]] = {}
        for item in messages:
            for key, value in flatten_fields(item, prefix).items():
                flat.setdefault(key, []).extend(value)
        return flat
    flat = {}
    for key, value in messages.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, str):
            flat.setdefault(name, []).append(value)
        else:
            for sub_key, sub_value in flatten_fields(value, name).items():
                flat.setdefault(sub_key, []).extend(sub_value)
    return flat
