"""Shared builders for the events tests."""

from __future__ import annotations

import contextlib

from app.events import service

SIGNUP = {
    "key": "signup",
    "name": "Signup",
    "description": "A person created an account.",
    "profile_id_field": "email",
    "fields": [
        {"name": "email", "type": "string", "required": True},
        {"name": "plan", "type": "string", "required": False},
        {"name": "seats", "type": "integer", "required": False},
        {"name": "signed_up_at", "type": "datetime", "required": True},
    ],
    "sample": {"email": "ada@example.com", "plan": "pro", "seats": 3,
               "signed_up_at": "2024-05-01T09:30:00Z"},
}


def signup_definition(**changes) -> dict:
    return {**SIGNUP, "fields": [dict(field) for field in SIGNUP["fields"]], **changes}


def make_event_type(**changes):
    return service.create_event_type(signup_definition(**changes))


def signup_payload(index: int = 0, **changes) -> dict:
    return {"email": f"user{index}@example.com", "signed_up_at": "2024-05-01T09:30:00+02:00",
            "seats": index, **changes}


@contextlib.contextmanager
def registered(registry: list, function):
    """Append `function` to an extension-point list for the duration of a test."""
    registry.append(function)
    try:
        yield function
    finally:
        registry.remove(function)
