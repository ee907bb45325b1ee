"""The graph catalog (what journeys may refer to) built from the actions and event types stored.

`parse_graph`/`find_problems` are pure and take a `Catalog`; this module reads it from the
database: every action (configured or not, with its parameters, variable headers and query
parameters, dynamic path and response sample) and every event type with its fields. Within a
request it is built once and reused (a save, its problems and the palette all need it).
"""

from __future__ import annotations

from flask import g, has_request_context
from sqlalchemy import select

from app.actions.models import Action
from app.events.models import EventType
from app.extensions import db
from app.journeys.graph import ActionInfo, Catalog, EventInfo


def build_catalog() -> Catalog:
    """A fresh catalog of every action and event type in the database (two queries)."""
    actions = {
        action.key: ActionInfo.from_config(
            {**(action.spec or {}), "key": action.key, "name": action.name},
            configured=action.configured,
            reason=action.needs_configuration_reason,
        )
        for action in db.session.scalars(select(Action))
    }
    events = {
        event_type.key: EventInfo(
            name=event_type.name,
            fields={item["name"]: item.get("type", "any") for item in event_type.fields or ()},
        )
        for event_type in db.session.scalars(select(EventType))
    }
    return Catalog(events=events, actions=actions)


def current_catalog() -> Catalog:
    """The catalog for this request (built on first use); outside a request, a fresh one."""
    if not has_request_context():
        return build_catalog()
    catalog = g.get("journey_catalog")
    if catalog is None:
        catalog = g.journey_catalog = build_catalog()
    return catalog
