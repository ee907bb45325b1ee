"""Version diff in words."""

from __future__ import annotations

import copy

import pytest

from app.journeys.diff import describe_changes, format_duration, node_title

NAMES = {"actions": {"send-welcome": "Send welcome", "send-sms": "Send SMS"}, "events": {"signup": "Signup"}}


def base() -> dict:
    return {
        "nodes": [
            {"id": "n1", "type": "event", "event": "signup", "position": {"x": 0, "y": 0}},
            {
                "id": "n2",
                "type": "condition",
                "branches": [{"port": "vip", "label": "VIP", "when": "event.vip"}],
            },
            {"id": "n3", "type": "action", "action": "send-welcome", "params": {"email": "event.email"}},
            {"id": "n4", "type": "wait", "seconds": 3600},
            {"id": "n5", "type": "end"},
        ],
        "edges": [
            {"from": "n1", "to": "n2"},
            {"from": "n2", "port": "vip", "to": "n3"},
            {"from": "n2", "port": "else", "to": "n5"},
            {"from": "n3", "to": "n4"},
            {"from": "n4", "to": "n5"},
        ],
    }


def node(graph: dict, node_id: str) -> dict:
    return next(n for n in graph["nodes"] if n["id"] == node_id)


def changed(change) -> list[str]:
    old = base()
    new = copy.deepcopy(old)
    change(new)
    return describe_changes(old, new, NAMES)


def test_no_change():
    assert describe_changes(base(), base(), NAMES) == []


def test_first_version():
    assert describe_changes(None, base(), NAMES) == ["first version: 5 nodes, 5 connections"]


def test_added_and_connected_node():
    def add_sms(graph):
        graph["nodes"].append({"id": "n6", "type": "action", "action": "send-sms"})
        graph["edges"][2] = {"from": "n2", "port": "else", "to": "n6"}

    assert changed(add_sms) == [
        "added node Send SMS",
        "connected Condition else → Send SMS",
        "disconnected Condition else → End",
    ]


def test_removed_node():
    def remove_wait(graph):
        graph["nodes"] = [n for n in graph["nodes"] if n["id"] != "n4"]
        graph["edges"] = [e for e in graph["edges"] if "n4" not in (e["from"], e["to"])]
        graph["edges"].append({"from": "n3", "to": "n5"})

    assert changed(remove_wait) == [
        "removed node Wait 1 h",
        "connected Send welcome → End",
        "disconnected Send welcome → Wait 1 h",
        "disconnected Wait 1 h → End",
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda g: node(g, "n3")["params"].update(email="event.mail"),
            "changed parameter email on Send welcome",
        ),
        (
            lambda g: node(g, "n3")["params"].update(name="event.name"),
            "mapped parameter name on Send welcome",
        ),
        (lambda g: node(g, "n3")["params"].clear(), "unmapped parameter email on Send welcome"),
        (
            lambda g: node(g, "n3").update(headers={"X-Trace": "journey.id"}),
            "mapped header X-Trace on Send welcome",
        ),
        (
            lambda g: node(g, "n3").update(query={"ts": "string(now)"}),
            "mapped query parameter ts on Send welcome",
        ),
        (lambda g: node(g, "n3").update(path="event.id"), "set path on Send welcome"),
        (lambda g: node(g, "n3").update(action="send-sms"), "changed action from Send welcome to Send SMS"),
        (lambda g: node(g, "n4").update(seconds=7200), "changed wait on n4 from 1 h to 2 h"),
        (
            lambda g: node(g, "n4").update(seconds=None, until="now"),
            "changed wait on n4 from 1 h to until now",
        ),
        (
            lambda g: node(g, "n1").update(event="purchase"),
            "changed entry event from Event Signup to Event purchase",
        ),
        (lambda g: node(g, "n2").update(label="Is VIP?"), "renamed node Condition to Is VIP?"),
        (lambda g: node(g, "n5").update(type="wait", seconds=60), "replaced node End with Wait 1 min"),
        (
            lambda g: node(g, "n2")["branches"][0].update(when="event.amount > 1"),
            "changed condition of branch VIP on Condition",
        ),
        (
            lambda g: node(g, "n2")["branches"][0].update(label="Gold"),
            "renamed branch VIP to Gold on Condition",
        ),
        (
            lambda g: node(g, "n2")["branches"].append({"port": "new", "when": "true"}),
            "added branch new on Condition",
        ),
        (lambda g: node(g, "n1").update(position={"x": 5, "y": 0}), "moved 1 node"),
    ],
)
def test_node_changes(change, expected):
    assert changed(change) == [expected]


def test_removed_and_reordered_branches():
    old = base()
    node(old, "n2")["branches"] += [{"port": "a", "when": "true"}, {"port": "b", "when": "false"}]
    new = copy.deepcopy(old)
    node(new, "n2")["branches"] = [
        {"port": "b", "when": "false"},
        {"port": "vip", "label": "VIP", "when": "event.vip"},
    ]
    assert describe_changes(old, new, NAMES) == [
        "removed branch a on Condition",
        "reordered branches on Condition",
    ]


def test_connection_with_port_label_and_error_port():
    def connect_error(graph):
        graph["edges"].append({"from": "n3", "port": "error", "to": "n5"})
        graph["edges"][1] = {"from": "n2", "port": "vip", "to": "n4"}

    assert changed(connect_error) == [
        "connected Condition VIP → Wait 1 h",
        "connected Send welcome error → End",
        "disconnected Condition VIP → Send welcome",
    ]


def test_an_explicit_default_port_is_the_same_connection():
    def explicit(graph):
        graph["edges"][0] = {"from": "n1", "port": "next", "to": "n2"}

    assert changed(explicit) == []


def test_names_fall_back_to_keys_and_labels_win():
    assert node_title({"type": "action", "action": "ping"}, {}) == "ping"
    assert node_title({"type": "action", "action": "ping", "label": "Ping CRM"}, NAMES) == "Ping CRM"
    assert node_title({"type": "action"}, NAMES) == "Action"
    assert node_title({"type": "end"}, NAMES) == "End"
    assert node_title({"type": "wait", "until": "now"}, NAMES) == "Wait until now"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0.5, "0.5 s"),
        (45, "45 s"),
        (90, "1 min 30 s"),
        (3600, "1 h"),
        (5400, "1 h 30 min"),
        (86400, "1 day"),
        (172800 + 3600 + 5, "2 days 1 h"),
    ],
)
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text
