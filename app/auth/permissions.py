"""Who may do what: login for every page, bearer tokens for the API, roles on each endpoint.

Roles are checked in the view (or API endpoint) itself, never only in a template, because a client
can ask for any URL or partial directly.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Blueprint, abort, g, request
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user, login_user

from app.auth import service
from app.auth.models import Role
from app.extensions import csrf, login_manager

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def require_role(role: Role) -> Callable:
    """Decorator: the signed-in user (session or token) must hold `role` or a higher one."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                abort(401)
            if not current_user.can(role):
                abort(403, f"This needs the {role.value} role; you are {current_user.role.value}.")
            return view(*args, **kwargs)

        return wrapped

    return decorator


def login_required_for_blueprint(blueprint: Blueprint) -> Blueprint:
    """Send anonymous visitors of any page in `blueprint` to the login page."""

    @blueprint.before_request
    def require_login():
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        return None

    return blueprint


def authenticate_api_request() -> None:
    """Authenticate an API call by `Authorization: Bearer TOKEN`, or by session plus CSRF token.

    Browser pages (the canvas autosave) call the API with their session cookie; those unsafe
    requests must carry the CSRF token like any form. Token calls need none: no cookie is involved.
    """
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            abort(401, "Authorization must be 'Bearer <token>'.")
        user = service.user_for_token(token.strip())
        if user is None:
            abort(401, "The API token is unknown, revoked or expired.")
        login_user(user)  # for this request only: `TokenAwareSessionInterface` saves no session
        g.token_auth = True
        return
    if not current_user.is_authenticated:
        abort(401, "Send 'Authorization: Bearer <token>' (create one under your account).")
    if request.method in UNSAFE_METHODS:
        csrf.protect()


def api_blueprint(blueprint: Blueprint) -> Blueprint:
    """Make every endpoint of an API blueprint authenticate first and skip the form CSRF check."""
    csrf.exempt(blueprint)
    blueprint.before_request(authenticate_api_request)
    return blueprint


class TokenAwareSessionInterface(SecureCookieSessionInterface):
    """Never send a session cookie in answer to a token call.

    `login_user` puts the token's owner in the session for the request; saving it would turn a
    script's client into a signed-in browser session that later calls without a token would ride.
    """

    def save_session(self, app, session, response) -> None:
        if g.get("token_auth"):
            return
        super().save_session(app, session, response)
