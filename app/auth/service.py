"""Everything that creates, changes or checks users and tokens; views and the CLI call these."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta

from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from app.auth.models import ApiToken, Role, User, as_aware, utcnow
from app.errors import Conflict, InvalidInput, NotFound
from app.extensions import db

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD_LENGTH = 10
TOKEN_PREFIX = "cairn_"
TOKEN_TOUCH_INTERVAL = timedelta(minutes=1)


class LoginFailed(InvalidInput):
    """Wrong email, wrong password or deactivated account (the message says which it may)."""


def parse_role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        choices = ", ".join(role.value for role in Role)
        raise InvalidInput.on("role", f"must be one of {choices}") from None


def normalise_email(email: str) -> str:
    email = (email or "").strip().lower()
    if not EMAIL_RE.match(email) or len(email) > 254:
        raise InvalidInput.on("email", "is not a valid email address")
    return email


def check_password_strength(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise InvalidInput.on("password", f"must be at least {MIN_PASSWORD_LENGTH} characters")


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def create_user(email: str, role: str, password: str | None = None) -> tuple[User, str | None]:
    """Create a user; returns the user and the generated password when none was given."""
    email = normalise_email(email)
    parsed_role = parse_role(role)
    generated = None
    if password is None:
        password = generated = generate_password()
    check_password_strength(password)
    if db.session.scalar(select(User.id).where(User.email == email)):
        raise InvalidInput.on("email", "is already used by another user")
    user = User(email=email, role=parsed_role, password_hash=generate_password_hash(password))
    db.session.add(user)
    db.session.commit()
    return user, generated


def get_user(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound(f"user {user_id} does not exist")
    return user


def list_users(search: str = "") -> list[User]:
    query = select(User).order_by(User.email)
    if search:
        query = query.where(User.email.contains(search.strip().lower()))
    return list(db.session.scalars(query))


def authenticate(email: str, password: str) -> User:
    """The user with these credentials, or LoginFailed; never says which of the two was wrong."""
    user = db.session.scalar(select(User).where(User.email == (email or "").strip().lower()))
    if user is None or not check_password_hash(user.password_hash, password or ""):
        raise LoginFailed("Email or password is incorrect.", {"password": ["is incorrect"]})
    if not user.active:
        raise LoginFailed("This account is deactivated; ask an admin.", {"email": ["is deactivated"]})
    user.last_login_at = utcnow()
    db.session.commit()
    return user


def _active_admins() -> int:
    return db.session.scalar(
        select(func.count(User.id)).where(User.role == Role.ADMIN, User.active.is_(True))
    )


def _keep_an_admin(user: User) -> None:
    if user.role == Role.ADMIN and user.active and _active_admins() <= 1:
        raise Conflict("Cairn needs at least one active admin.", {"role": ["last active admin"]})


def change_role(user_id: int, role: str) -> User:
    user = get_user(user_id)
    new_role = parse_role(role)
    if new_role != Role.ADMIN:
        _keep_an_admin(user)
    user.role = new_role
    db.session.commit()
    return user


def set_active(user_id: int, active: bool) -> User:
    user = get_user(user_id)
    if not active:
        _keep_an_admin(user)
    user.active = active
    db.session.commit()
    return user


def set_password(user_id: int, password: str) -> User:
    check_password_strength(password)
    user = get_user(user_id)
    user.password_hash = generate_password_hash(password)
    db.session.commit()
    return user


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(user: User, name: str = "", expires_in_days: int | None = None) -> tuple[ApiToken, str]:
    """Create an API token; the plain token is returned once and only its hash is stored."""
    name = (name or "").strip() or "API token"
    if len(name) > 100:
        raise InvalidInput.on("name", "must be at most 100 characters")
    if expires_in_days is not None and expires_in_days <= 0:
        raise InvalidInput.on("expires_in_days", "must be a positive number of days")
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name,
        token_hash=_hash_token(plain),
        prefix=plain[: len(TOKEN_PREFIX) + 4],
        expires_at=utcnow() + timedelta(days=expires_in_days) if expires_in_days else None,
    )
    db.session.add(token)
    db.session.commit()
    return token, plain


def revoke_token(token_id: int, owner: User | None = None) -> ApiToken:
    """Revoke a token; with `owner`, only that user's own tokens."""
    token = db.session.get(ApiToken, token_id)
    if token is None or (owner is not None and token.user_id != owner.id):
        raise NotFound(f"token {token_id} does not exist")
    token.revoked_at = token.revoked_at or utcnow()
    db.session.commit()
    return token


def user_for_token(plain: str) -> User | None:
    """The active owner of a valid token, or None (unknown, revoked, expired, owner deactivated)."""
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == _hash_token(plain)))
    if token is None or token.status != "active" or not token.user.active:
        return None
    now = utcnow()
    if token.last_used_at is None or as_aware(token.last_used_at) < now - TOKEN_TOUCH_INTERVAL:
        token.last_used_at = now
        db.session.commit()
    return token.user
