"""Builders for the journeys tests: an event type, actions, and graphs in the stored format."""

from __future__ import annotations

import copy

from app.actions import service as actions_service
from app.actions.models import Action
from tests.events.helpers import make_event_type

PUBLIC_URL = "https://93.184.216.34/v3/send"
"""A public address literal: passes the outbound guard without DNS; tests never call it."""
TOKEN = "tok-very-secret-123"

WELCOME = {
    "key": "send-welcome",
    "name": "Send welcome email",
    "channel": "custom",
    "method": "POST",
    "url": PUBLIC_URL,
    "dynamic_path": True,
    "query": [
        {"name": "region", "value": "eu"},
        {"name": "ts", "variable": True, "type": "string"},
    ],
    "headers": [{"name": "X-Trace", "variable": True, "type": "string"}],
    "auth": {"type": "bearer", "token": TOKEN},
    "parameters": [
        {"name": "email", "type": "string", "required": True},
        {"name": "amount", "type": "number", "required": False, "nullable": True},
    ],
    "body": {"to": "{{email}}", "amount": "{{amount}}"},
    "response_sample": {"messageId": "abc", "accepted": True},
    "timeout_ms": 10000,
    "retries": 3,
    "rate_limit": None,
}


def make_action(key: str = "send-welcome", name: str = "Send welcome email", **changes) -> Action:
    """A custom action created through the actions service (secrets encrypted at rest)."""
    return actions_service.create_action(
        {**copy.deepcopy(WELCOME), "key": key, "name": name, **changes}
    )


def make_catalog_rows() -> None:
    """The `signup` event type and the `send-welcome` action the valid graph uses."""
    make_event_type()
    make_action()


def valid_graph(action: str = "send-welcome", event: str = "signup") -> dict:
    """event → condition → (vip: action → wait → end; else: end), publishable with those rows."""
    return {
        "nodes": [
            {"id": "n1", "type": "event", "event": event, "position": {"x": 40, "y": 120}},
            {
                "id": "n2",
                "type": "condition",
                "branches": [{"port": "vip", "label": "VIP", "when": "event.seats > 10"}],
            },
            {
                "id": "n3",
                "type": "action",
                "action": action,
                "params": {"email": "event.email", "amount": {"value": 10}},
                "path": "event.email + '/messages'",
                "headers": {"X-Trace": "journey.instance_id"},
            },
            {"id": "n4", "type": "wait", "seconds": 3600},
            {"id": "n5", "type": "end"},
        ],
        "edges": [
            {"from": "n1", "to": "n2"},
            {"from": "n2", "port": "vip", "to": "n3"},
            {"from": "n2", "port": "else", "to": "n5"},
            {"from": "n3", "to": "n4"},
            {"from": "n3", "port": "error", "to": "n5"},
            {"from": "n4", "to": "n5"},
        ],
    }


def chain_graph(node_count: int, action: str = "send-welcome", event: str = "signup") -> dict:
    """An entry event, then a chain of action → condition → wait repeated, then an end node."""
    nodes = [{"id": "n0", "type": "event", "event": event, "position": {"x": 0, "y": 0}}]
    for index in range(1, node_count - 1):
        position = {"x": 200 * index, "y": 0}
        if index % 3 == 1:
            node = {
                "type": "action",
                "action": action,
                "params": {"email": "event.email", "amount": "double(event.seats) * 1.5"},
            }
        elif index % 3 == 2:
            node = {
                "type": "condition",
                "branches": [{"port": "yes", "when": f"nodes.n{index - 1}.status_code == 200"}],
            }
        else:
            node = {"type": "wait", "seconds": 60}
        nodes.append({"id": f"n{index}", **node, "position": position})
    nodes.append(
        {"id": f"n{node_count - 1}", "type": "end", "position": {"x": 200 * node_count, "y": 0}}
    )
    edges = []
    for source, target in zip(nodes, nodes[1:], strict=False):
        port = {"port": "yes"} if source["type"] == "condition" else {}
        edges.append({"from": source["id"], "to": target["id"], **port})
    return {"nodes": nodes, "edges": edges}
