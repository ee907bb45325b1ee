"""Small builders for test data, going through the services like real callers do."""

from __future__ import annotations

import itertools

from app.auth import service as auth_service

PASSWORD = "correct horse battery staple"
_sequence = itertools.count(1)


def make_user(role: str = "marketer", email: str | None = None, password: str = PASSWORD):
    email = email or f"{role}{next(_sequence)}@example.com"
    user, _ = auth_service.create_user(email, role, password)
    return user


def make_token(role: str = "marketer", user=None) -> str:
    """A bearer token for a new user of `role` (or for `user`)."""
    user = user or make_user(role)
    _, plain = auth_service.create_token(user, "test")
    return plain


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}
