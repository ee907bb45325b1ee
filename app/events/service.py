"""Everything that defines event types and accepts events; the API, the pages and tests call these.

Two extension points let later domains plug in without this one importing them:

* `USAGE_PROVIDERS` — functions `key -> [journey name, ...]`; journeys append theirs at import
  time. An event type any provider reports is *in use*: it can gain fields but not lose, retype or
  loosen them, nor change its profile id field, nor be deleted.
* `EVENT_ACCEPTED_HANDLERS` — functions called with the `AcceptedEvent`s of each committed ingest
  request; the runner appends its own to start journey instances.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from marshmallow import ValidationError
from sqlalchemy import func, insert, or_, select

from app.auth.models import utcnow
from app.errors import Conflict, InvalidInput, NotFound, flatten_fields
from app.events.models import Event, EventType
from app.events.payloads import PayloadValidator
from app.events.schemas import EventTypeSchema
from app.extensions import db

logger = logging.getLogger(__name__)

MAX_BATCH = 1000
"""Most events one batch request may carry."""

MAX_CACHED_VALIDATORS = 1024


@dataclass(frozen=True, slots=True)
class AcceptedEvent:
    """An event as persisted, handed to `EVENT_ACCEPTED_HANDLERS` after the commit."""

    id: int
    event_type_key: str
    profile_id: str
    payload: dict
    received_at: datetime


USAGE_PROVIDERS: list[Callable[[str], list[str]]] = []
"""Each takes an event type key and names the journeys using it."""

EVENT_ACCEPTED_HANDLERS: list[Callable[[list[AcceptedEvent]], Callable[[], None] | None]] = []
"""Each is called once per ingest request, inside its transaction, with that request's events.

A handler adds its own rows (the runner: the journey instances these events start), so events and
what they cause are committed together or not at all: a handler that raises fails the request and
nothing is stored, and the producer's retry stores nothing twice. A handler may return a function to
run after the commit (the runner enqueues there); if that fails it is only logged, because what it
needs is already stored (the runner's recovery re-enqueues it).
"""

_validators: dict[str, PayloadValidator] = {}
"""Compiled validators by definition fingerprint (the same definition compiles the same way)."""


def journeys_using_event_type(key: str) -> list[str]:
    """Names of the journeys using event type `key`, from every registered provider."""
    return sorted({name for provider in USAGE_PROVIDERS for name in provider(key)})


def list_event_types(search: str = "") -> list[EventType]:
    query = select(EventType).order_by(EventType.name, EventType.key)
    if search.strip():
        pattern = f"%{search.strip().lower()}%"
        query = query.where(or_(EventType.key.like(pattern), func.lower(EventType.name).like(pattern)))
    return list(db.session.scalars(query))


def get_event_type(key: str) -> EventType:
    event_type = db.session.scalar(select(EventType).where(EventType.key == key))
    if event_type is None:
        raise NotFound(f"Event type '{key}' does not exist.")
    return event_type


def check_definition(data: dict, current_key: str | None = None) -> dict:
    """The cleaned definition, or InvalidInput naming every field at fault.

    `current_key` is the key of the event type being edited (None when creating). The API, the
    form's inline validation and saving all go through here, so they apply the same rules.
    """
    existing = get_event_type(current_key) if current_key is not None else None
    data = dict(data)
    if current_key is not None:
        data.setdefault("key", current_key)
    try:
        definition = EventTypeSchema().load(data)
    except ValidationError as failure:
        raise _invalid(flatten_fields(failure.messages)) from None
    if existing is None:
        if db.session.scalar(select(EventType.id).where(EventType.key == definition["key"])):
            raise InvalidInput.on("key", "is already used by another event type")
    else:
        if definition["key"] != existing.key:
            raise InvalidInput.on("key", "cannot change; create a new event type instead")
        _check_compatible_with_usage(existing, definition)
    return definition


def _invalid(fields: dict[str, list[str]]) -> InvalidInput:
    summary = "; ".join(f"{name}: {', '.join(problems)}" for name, problems in sorted(fields.items()))
    return InvalidInput(f"The event type is invalid — {summary}", fields)


def _check_compatible_with_usage(event_type: EventType, definition: dict) -> None:
    """A type journeys use may gain fields, but what they read must stay as it was."""
    journeys = journeys_using_event_type(event_type.key)
    if not journeys:
        return
    used_by = ", ".join(journeys)
    problems: dict[str, list[str]] = {}
    new_fields = {field["name"]: field for field in definition["fields"]}
    for old in event_type.fields:
        new = new_fields.get(old["name"])
        if new is None:
            problem = f"field '{old['name']}' cannot be removed: journeys use this event ({used_by})"
        elif new["type"] != old["type"]:
            problem = f"field '{old['name']}' must stay {old['type']}: journeys use it ({used_by})"
        elif old.get("required") and not new["required"]:
            problem = f"field '{old['name']}' must stay required: journeys use it ({used_by})"
        else:
            continue
        problems.setdefault("fields", []).append(problem)
    if definition["profile_id_field"] != event_type.profile_id_field:
        problems["profile_id_field"] = [
            f"must stay '{event_type.profile_id_field}': journeys use this event ({used_by})"
        ]
    if problems:
        raise _invalid(problems)


def create_event_type(data: dict) -> EventType:
    definition = check_definition(data)
    event_type = EventType(**definition, fingerprint=_fingerprint(definition))
    db.session.add(event_type)
    db.session.commit()
    return event_type


def update_event_type(key: str, data: dict) -> EventType:
    """Replace the definition of `key` (PUT semantics: omitted optional parts are reset)."""
    definition = check_definition(data, current_key=key)
    event_type = get_event_type(key)
    for name, value in definition.items():
        setattr(event_type, name, value)
    event_type.fingerprint = _fingerprint(definition)
    db.session.commit()
    return event_type


def delete_event_type(key: str) -> None:
    """Delete a definition nobody uses; the events already received stay in the log."""
    event_type = get_event_type(key)
    journeys = journeys_using_event_type(key)
    if journeys:
        raise Conflict(
            f"Event type '{key}' is used by journeys: {', '.join(journeys)}. "
            "Remove it from them first.",
            {"key": [f"is used by {name}" for name in journeys]},
        )
    db.session.delete(event_type)
    db.session.commit()


def _fingerprint(definition: dict) -> str:
    checked = json.dumps([definition["fields"], definition["profile_id_field"]], sort_keys=True)
    return hashlib.sha256(checked.encode()).hexdigest()


def _validator_for(key: str) -> PayloadValidator:
    """The compiled validator of `key`'s current definition: one indexed lookup, no compiling."""
    fingerprint = db.session.scalar(select(EventType.fingerprint).where(EventType.key == key))
    if fingerprint is None:
        raise NotFound(f"Event type '{key}' does not exist; define it first.")
    validator = _validators.get(fingerprint)
    if validator is None:
        event_type = get_event_type(key)
        validator = PayloadValidator(event_type.fields, event_type.profile_id_field)
        if len(_validators) >= MAX_CACHED_VALIDATORS:
            _validators.clear()
        _validators[fingerprint] = validator
    return validator


def ingest_event(key: str, payload: Any) -> int:
    """Validate and store one event of type `key`; its id."""
    validator = _validator_for(key)
    problems = validator.problems(payload)
    if problems:
        raise _invalid_event(problems)
    return _store(key, validator, [payload])[0]


def ingest_events(key: str, payloads: Any) -> list[int]:
    """Validate and store a batch, all or nothing; ids in the batch's order.

    Problems are named `<index>.<field>` ("3.email") so the producer can find the bad item.
    """
    if not isinstance(payloads, list):
        raise InvalidInput.on("_schema", "must be a JSON array of event payloads")
    if not 1 <= len(payloads) <= MAX_BATCH:
        raise InvalidInput.on("_schema", f"must hold 1 to {MAX_BATCH} events, not {len(payloads)}")
    validator = _validator_for(key)
    problems: dict[str, list[str]] = {}
    for index, payload in enumerate(payloads):
        for name, item_problems in validator.problems(payload).items():
            problems[str(index) if name == "_schema" else f"{index}.{name}"] = item_problems
    if problems:
        raise _invalid_event(problems)
    return _store(key, validator, payloads)


def _invalid_event(problems: dict[str, list[str]]) -> InvalidInput:
    summary = "; ".join(f"{name}: {', '.join(found)}" for name, found in list(problems.items())[:10])
    more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
    return InvalidInput(f"The event does not fit its definition — {summary}{more}", problems)


def _store(key: str, validator: PayloadValidator, payloads: list[dict]) -> list[int]:
    """One multi-row INSERT … RETURNING, the handlers' rows, and one commit for the whole request."""
    received_at = utcnow()
    rows = [
        {
            "event_type_key": key,
            "profile_id": validator.profile_id(payload),
            "payload": payload,
            "received_at": received_at,
        }
        for payload in payloads
    ]
    ids = _insert_returning_ids(rows)
    accepted = [
        AcceptedEvent(event_id, key, row["profile_id"], row["payload"], received_at)
        for event_id, row in zip(ids, rows, strict=True)
    ]
    try:
        after_commit = [then for handler in EVENT_ACCEPTED_HANDLERS if (then := handler(accepted))]
    except Exception:
        db.session.rollback()
        raise
    db.session.commit()
    for then in after_commit:
        try:
            then()
        except Exception:
            logger.exception("after-commit step %r failed for %d events (first id %d)",
                             then, len(accepted), accepted[0].id)
    return ids


def _insert_returning_ids(rows: list[dict]) -> list[int]:
    """Insert `rows` as multi-row INSERTs and return their ids in the rows' order.

    PostgreSQL: SQLAlchemy's "insertmanyvalues" orders RETURNING by a sentinel, in pages of
    1,000 rows. SQLite would fall back to one statement per row for an ordered RETURNING, so
    there one unordered INSERT … RETURNING runs instead: inside our write transaction SQLite gives
    each row, in VALUES order, the largest rowid plus one, so ascending ids are the rows' order.
    """
    id_column = Event.__table__.c.id
    if db.session.get_bind().dialect.name == "sqlite":
        statement = insert(Event.__table__).returning(id_column)
        return sorted(db.session.scalars(statement, rows))
    statement = insert(Event.__table__).returning(id_column, sort_by_parameter_order=True)
    return list(db.session.scalars(statement, rows))


def recent_events(key: str, limit: int = 20) -> list[Event]:
    """The last `limit` events received for `key`, newest first (the debugging panel)."""
    query = (
        select(Event).where(Event.event_type_key == key).order_by(Event.id.desc()).limit(limit)
    )
    return list(db.session.scalars(query))

