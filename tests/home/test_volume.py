"""Today's event volume: counted in Redis after each committed ingest, one hash per UTC day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.auth.models import utcnow
from app.errors import InvalidInput
from app.events import service as events_service
from app.events import volume
from tests.events.helpers import make_event_type, registered, signup_payload


@pytest.fixture
def signup(db, redis_client):
    make_event_type()
    return redis_client


def test_each_ingest_adds_to_todays_count_and_leaves_other_days_alone(signup):
    today = utcnow().date()
    yesterday = today - timedelta(days=1)
    volume.add(yesterday, {"signup": 7})
    events_service.ingest_event("signup", signup_payload(1))
    assert volume.volume_on(today, ["signup"]) == {"signup": 1}
    events_service.ingest_events("signup", [signup_payload(index) for index in range(3)])
    assert volume.volume_on(today, ["signup", "purchase"]) == {"signup": 4, "purchase": 0}
    assert volume.volume_on(yesterday, ["signup"]) == {"signup": 7}
    assert signup.hgetall(volume.day_key(today)) == {b"signup": b"4"}, "one field per type, in Redis"


def test_a_days_hash_expires_eight_days_after_the_day_began(signup):
    events_service.ingest_event("signup", signup_payload(1))
    midnight = datetime.combine(utcnow().date(), datetime.min.time(), UTC)
    expires_at = midnight + timedelta(days=8)
    ttl = signup.ttl(volume.day_key(utcnow().date()))
    assert abs((utcnow() + timedelta(seconds=ttl)) - expires_at) < timedelta(seconds=5)
    assert timedelta(days=7) < timedelta(seconds=ttl) <= timedelta(days=8)


def test_events_that_are_not_stored_are_not_counted(signup):
    with pytest.raises(InvalidInput):
        events_service.ingest_events("signup", [signup_payload(1), {"email": "no-date@example.com"}])

    def refuse(_accepted):
        raise RuntimeError("a later handler fails, so the ingest rolls back")

    with registered(events_service.EVENT_ACCEPTED_HANDLERS, refuse), pytest.raises(RuntimeError):
        events_service.ingest_event("signup", signup_payload(2))
    assert volume.volume_on(utcnow().date(), ["signup"]) == {"signup": 0}
    assert not signup.exists(volume.day_key(utcnow().date()))


def test_the_handler_is_registered_once(app):
    volume.register()
    assert events_service.EVENT_ACCEPTED_HANDLERS.count(volume.count_accepted) == 1

