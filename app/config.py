"""Configuration read from the environment, with safe defaults that need no server.

Every setting can come from an environment variable of the same name. Values that must never be
hard-coded (the session secret, the encryption key) are generated once and kept in the instance
folder, so a second run of `make run` reuses them.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet

TRUE_STRINGS = {"1", "true", "yes", "on"}


def env_flag(name: str, default: bool = False) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in TRUE_STRINGS


def read_or_create_secret(path: Path, generate) -> str:
    """Return the secret stored at `path`, generating and storing it (mode 0600) the first time."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = generate()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(value)
    return value


def normalise_database_url(url: str) -> str:
    """Let `postgres://` and `postgresql://` URLs use the psycopg 3 driver we install."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def load_config(instance_path: str) -> dict:
    """Build the configuration mapping from the environment and the instance folder."""
    instance = Path(instance_path)
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{instance / 'cairn.sqlite3'}"
    port = int(os.environ.get("PORT", "5000"))
    return {
        "SECRET_KEY": os.environ.get("SECRET_KEY")
        or read_or_create_secret(instance / "secret_key", lambda: secrets.token_urlsafe(48)),
        "CAIRN_ENCRYPTION_KEY": os.environ.get("CAIRN_ENCRYPTION_KEY")
        or read_or_create_secret(instance / "encryption_key", lambda: Fernet.generate_key().decode()),
        "SQLALCHEMY_DATABASE_URI": normalise_database_url(database_url),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        "PORT": port,
        "CAIRN_BASE_URL": os.environ.get("CAIRN_BASE_URL", f"http://127.0.0.1:{port}"),
        "CAIRN_ALLOW_PRIVATE_URLS": env_flag("CAIRN_ALLOW_PRIVATE_URLS"),
        "CAIRN_ALLOWED_HOSTS": os.environ.get("CAIRN_ALLOWED_HOSTS", ""),
        "CAIRN_METRICS_DIR": os.environ.get("CAIRN_METRICS_DIR") or str(instance / "prometheus"),
        "CAIRN_METRICS_TOKEN": os.environ.get("CAIRN_METRICS_TOKEN", ""),
        "CAIRN_METRICS_ALLOW": os.environ.get("CAIRN_METRICS_ALLOW", "127.0.0.1/8,::1"),
        "CAIRN_LOG_LEVEL": os.environ.get("CAIRN_LOG_LEVEL", "INFO"),
        "MAX_CONTENT_LENGTH": int(os.environ.get("CAIRN_MAX_REQUEST_BYTES", str(2 * 1024 * 1024))),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env_flag("CAIRN_SECURE_COOKIES"),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": env_flag("CAIRN_SECURE_COOKIES"),
        "WTF_CSRF_TIME_LIMIT": None,
        "API_TITLE": "Cairn API",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api/v1",
        "OPENAPI_JSON_PATH": "openapi.json",
    }
