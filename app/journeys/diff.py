"""A journey version compared with the previous one, in words a marketer reads in the versions list.

Works on graph dicts as stored (published versions are valid graphs), naming nodes the way the
canvas shows them: their label, else the action or event name, else their kind ("Wait 1 h").
Moves on the canvas are summarised in one line; they change nothing that runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from app.journeys.graph import ELSE_PORT, NODE_KINDS

Names = Mapping[str, Mapping[str, str]]
"""{"actions": {key: name}, "events": {key: name}}; either may be missing."""


def format_duration(seconds: float) -> str:
    """3600 -> "1 h", 5400 -> "1 h 30 min", 172800 -> "2 days" (the two largest units)."""
    if seconds < 1:
        return f"{seconds:g} s"
    parts = []
    remainder = int(seconds)
    for size, singular, plural in (
        (86400, "day", "days"),
        (3600, "h", "h"),
        (60, "min", "min"),
        (1, "s", "s"),
    ):
        count, remainder = divmod(remainder, size)
        if count:
            parts.append(f"{count} {singular if count == 1 else plural}")
    return " ".join(parts[:2])


def _wait_text(node: Mapping[str, Any]) -> str:
    if node.get("seconds") is not None:
        return format_duration(node["seconds"])
    return f"until {node.get('until') or '?'}"


def _action_name(node: Mapping[str, Any], names: Names) -> str:
    key = node.get("action")
    return names.get("actions", {}).get(key, key) if key else "Action"


def _event_name(node: Mapping[str, Any], names: Names) -> str:
    key = node.get("event")
    return f"Event {names.get('events', {}).get(key, key)}" if key else "Event"


_TITLES: dict[str, Callable[[Mapping[str, Any], Names], str]] = {
    "action": _action_name,
    "event": _event_name,
    "wait": lambda node, names: f"Wait {_wait_text(node)}",
}


def node_title(node: Mapping[str, Any], names: Names) -> str:
    """How the canvas names a node: its label, else what it does."""
    if node.get("label"):
        return node["label"]
    title = _TITLES.get(node.get("type", ""))
    if title:
        return title(node, names)
    kind = NODE_KINDS.get(node.get("type", ""))
    return kind.title if kind else str(node.get("type"))


def describe_changes(
    old: Mapping[str, Any] | None, new: Mapping[str, Any], names: Names | None = None
) -> list[str]:
    """What changed from `old` to `new`, one sentence per change; `old` None for a first version."""
    names = names or {}
    if old is None:
        nodes, edges = len(new.get("nodes", [])), len(new.get("edges", []))
        return [f"first version: {_count(nodes, 'node')}, {_count(edges, 'connection')}"]
    old_nodes = {node["id"]: node for node in old.get("nodes", [])}
    new_nodes = {node["id"]: node for node in new.get("nodes", [])}
    changes = [f"removed node {node_title(n, names)}" for i, n in old_nodes.items() if i not in new_nodes]
    changes += [f"added node {node_title(n, names)}" for i, n in new_nodes.items() if i not in old_nodes]
    moved = 0
    for node_id, after in new_nodes.items():
        before = old_nodes.get(node_id)
        if before is None:
            continue
        changes.extend(_node_changes(before, after, names))
        moved += before.get("position") != after.get("position")
    old_edges, new_edges = _edges(old, old_nodes, names), _edges(new, new_nodes, names)
    changes += [f"connected {text}" for key, text in new_edges.items() if key not in old_edges]
    changes += [f"disconnected {text}" for key, text in old_edges.items() if key not in new_edges]
    if moved:
        changes.append(f"moved {_count(moved, 'node')}")
    return changes


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _node_changes(before: Mapping[str, Any], after: Mapping[str, Any], names: Names) -> Iterator[str]:
    old_title, title = node_title(before, names), node_title(after, names)
    if before.get("type") != after.get("type"):
        yield f"replaced node {old_title} with {title}"
        return
    if before.get("label") != after.get("label"):
        yield f"renamed node {old_title} to {title}"
    if before.get("event") != after.get("event"):
        yield f"changed entry event from {_event_name(before, names)} to {_event_name(after, names)}"
    if before.get("action") != after.get("action"):
        yield f"changed action from {_action_name(before, names)} to {_action_name(after, names)}"
    for group, noun in (("params", "parameter"), ("headers", "header"), ("query", "query parameter")):
        yield from _mapping_changes(before.get(group) or {}, after.get(group) or {}, noun, title)
    if before.get("path") != after.get("path"):
        verb = "set" if not before.get("path") else "removed" if not after.get("path") else "changed"
        yield f"{verb} path on {title}"
    yield from _branch_changes(before.get("branches") or [], after.get("branches") or [], title)
    if (before.get("seconds"), before.get("until")) != (after.get("seconds"), after.get("until")):
        where = after.get("label") or after["id"]
        yield f"changed wait on {where} from {_wait_text(before)} to {_wait_text(after)}"


def _mapping_changes(
    before: Mapping[str, Any], after: Mapping[str, Any], noun: str, title: str
) -> Iterator[str]:
    for name in after:
        if name not in before:
            yield f"mapped {noun} {name} on {title}"
        elif before[name] != after[name]:
            yield f"changed {noun} {name} on {title}"
    for name in before:
        if name not in after:
            yield f"unmapped {noun} {name} on {title}"


def _branch_changes(before: list, after: list, title: str) -> Iterator[str]:
    old_branches = {b.get("port"): b for b in before}
    new_branches = {b.get("port"): b for b in after}
    for port, branch in new_branches.items():
        name = branch.get("label") or port
        previous = old_branches.get(port)
        if previous is None:
            yield f"added branch {name} on {title}"
            continue
        if previous.get("label") != branch.get("label"):
            yield f"renamed branch {previous.get('label') or port} to {name} on {title}"
        if previous.get("when") != branch.get("when"):
            yield f"changed condition of branch {name} on {title}"
    for port, branch in old_branches.items():
        if port not in new_branches:
            yield f"removed branch {branch.get('label') or port} on {title}"
    kept_before = [port for port in old_branches if port in new_branches]
    kept_after = [port for port in new_branches if port in old_branches]
    if kept_before != kept_after:
        yield f"reordered branches on {title}"


def _edges(
    graph: Mapping[str, Any], nodes: Mapping[str, Mapping[str, Any]], names: Names
) -> dict[tuple, str]:
    """(from, port, to) -> "Condition VIP → Send SMS", with each edge's effective port."""
    edges = {}
    for edge in graph.get("edges", []):
        source, target = nodes.get(edge.get("from")), nodes.get(edge.get("to"))
        if source is None or target is None:
            continue
        kind = NODE_KINDS.get(source.get("type", ""))
        default = kind.default_port if kind else None
        port = edge.get("port") or default
        text = node_title(source, names)
        if port != default:
            text += f" {_port_label(source, port)}"
        edges[(source["id"], port, target["id"])] = f"{text} → {node_title(target, names)}"
    return edges


def _port_label(node: Mapping[str, Any], port: str | None) -> str:
    if port == ELSE_PORT:
        return ELSE_PORT
    branch = next((b for b in node.get("branches") or [] if b.get("port") == port), None)
    return (branch.get("label") or port) if branch else str(port)
