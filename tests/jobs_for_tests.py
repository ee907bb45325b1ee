"""Job functions the worker tests enqueue (RQ imports jobs by dotted path)."""

from flask import current_app

from app.redis_store import get_redis


def record_app_name(key: str) -> str:
    """Proves the job ran inside the app context: it reads the app and its Redis."""
    get_redis().set(key, current_app.name)
    return current_app.name
