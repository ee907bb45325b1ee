"""The demo a first `make run` seeds, so a newcomer sees a journey run end to end.

An event type `signup`, an action that posts to Cairn's own request inspector (`/inspector/demo`),
and a live journey *Welcome demo*: signup → send to the inspector → (pro plan?) → end.
"""

from __future__ import annotations

from app.actions import service as actions_service
from app.auth.models import User
from app.events import service as events_service
from app.journeys import service as journeys_service

DEMO_EVENT = {
    "key": "signup",
    "name": "Signup",
    "description": "A person created an account (demo).",
    "profile_id_field": "user_id",
    "fields": [
        {"name": "user_id", "type": "string", "required": True},
        {"name": "email", "type": "string", "required": True},
        {"name": "plan", "type": "string", "required": False},
    ],
    "sample": {"user_id": "u-1", "email": "ana@example.com", "plan": "pro"},
}


def demo_action(base_url: str) -> dict:
    return {
        "key": "inspector-welcome",
        "name": "Welcome message (inspector)",
        "description": "Posts a welcome message to Cairn's request inspector, bin 'demo'.",
        "channel": "custom",
        "method": "POST",
        "url": f"{base_url.rstrip('/')}/inspector/demo",
        "headers": [{"name": "X-Demo", "value": "cairn"}],
        "parameters": [
            {"name": "email", "type": "string", "required": True},
            {"name": "plan", "type": "string", "required": False, "nullable": True},
        ],
        "body": {"to": "{{email}}", "plan": "{{plan}}", "text": "Welcome to Cairn, {{email}}!"},
        "response_sample": {"received": True, "id": 1, "bin": "demo"},
        "timeout_ms": 5000,
        "retries": 3,
        "rate_limit": None,
    }


DEMO_GRAPH = {
    "nodes": [
        {"id": "n1", "type": "event", "event": "signup", "position": {"x": 40, "y": 120}},
        {"id": "n2", "type": "action", "action": "inspector-welcome", "position": {"x": 300, "y": 120},
         "params": {"email": "event.email", "plan": "has(event.plan) ? event.plan : 'free'"}},
        {"id": "n3", "type": "condition", "position": {"x": 560, "y": 120}, "branches": [
            {"port": "pro", "label": "Pro plan", "when": "has(event.plan) && event.plan == 'pro'"}]},
        {"id": "n4", "type": "end", "label": "Pro", "position": {"x": 820, "y": 40}},
        {"id": "n5", "type": "end", "label": "Others", "position": {"x": 820, "y": 200}},
    ],
    "edges": [
        {"from": "n1", "to": "n2"},
        {"from": "n2", "to": "n3"},
        {"from": "n3", "port": "pro", "to": "n4"},
        {"from": "n3", "port": "else", "to": "n5"},
    ],
}


def seed_demo(base_url: str, user: User | None = None) -> int:
    """Create the demo event type, action and live journey; returns the journey id."""
    events_service.create_event_type(DEMO_EVENT)
    actions_service.create_action(demo_action(base_url), user)
    journey = journeys_service.create_journey(
        "Welcome demo", "Seeded on the first run: fire a signup event and watch the inspector.",
        "signup", user,
    )
    problems = journeys_service.save_draft(journey.id, DEMO_GRAPH, user)
    if problems:
        raise RuntimeError(f"the demo journey has problems: {[p.message for p in problems]}")
    journeys_service.publish(journey.id, user)
    return journey.id
