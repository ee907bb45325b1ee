"""Today's event volume per event type, counted in Redis as events are accepted.

An ingest handler (`count_accepted`, on `EVENT_ACCEPTED_HANDLERS`) does no database work: once
the ingest transaction has committed it adds the request's events to a per-UTC-day Redis hash,
`cairn:events:volume:<YYYY-MM-DD>`, field = event type key, with one `HINCRBY` per event type
(an ingest request carries one type, so one increment) and the key's expiry, in one round trip.
The hash expires eight days after its day began, so a week of days stays readable.

Why Redis rather than a counter row next to the events: such a row would be updated by every
ingest request in the database, inside its transaction, so concurrent ingests of a type would
queue on that one hot row's lock until each commits. `HINCRBY` is atomic, O(1) and holds
nothing across a transaction. What it costs: the figure lives only in Redis, so a Redis restart
without persistence (RDB or AOF) loses today's figure (and the week's); and because it is
counted after the commit, a request whose process dies between the commit and the increment, or
that finds Redis unreachable (logged by ingest), is missing from it. The events table stays the
record; this is a dashboard figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta

from app.events.service import EVENT_ACCEPTED_HANDLERS, AcceptedEvent
from app.redis_store import get_redis

KEY_PREFIX = "cairn:events:volume:"
KEEP = timedelta(days=8)
"""How long after its day began a day's hash is kept."""


def day_key(day: date) -> str:
    return f"{KEY_PREFIX}{day.isoformat()}"


def count_accepted(accepted: list[AcceptedEvent]) -> Callable[[], None] | None:
    """The ingest handler: nothing inside the transaction; after the commit, count the events
    on the UTC day they were received."""
    if not accepted:
        return None
    per_type = Counter(event.event_type_key for event in accepted)
    day = accepted[0].received_at.astimezone(UTC).date()

    def add_to_volume() -> None:
        add(day, per_type)

    return add_to_volume


def add(day: date, per_type: Mapping[str, int]) -> None:
    """Add counts per event type to `day`'s hash and (re)set its expiry, in one round trip."""
    key = day_key(day)
    with get_redis().pipeline(transaction=False) as pipeline:
        for event_type_key, count in per_type.items():
            pipeline.hincrby(key, event_type_key, count)
        pipeline.expireat(key, datetime.combine(day, time(), UTC) + KEEP)
        pipeline.execute()


def volume_on(day: date, keys: Iterable[str]) -> dict[str, int]:
    """Events received on `day` (UTC) per event type key, 0 for a type with none; one `HMGET`."""
    keys = list(keys)
    if not keys:
        return {}
    values = get_redis().hmget(day_key(day), keys)
    return {key: int(value or 0) for key, value in zip(keys, values, strict=True)}


def register() -> None:
    """Count every accepted event from now on; idempotent."""
    if count_accepted not in EVENT_ACCEPTED_HANDLERS:
        EVENT_ACCEPTED_HANDLERS.append(count_accepted)
