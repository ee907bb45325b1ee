"""The journey graph: its format, the problems that block publishing, and traversal for the runner.

Pure logic over plain data, shared by the save endpoint, the canvas and the runner workers.
Two levels of wrongness: `parse_graph` rejects what is not a journey graph at all (wrong shapes,
unknown fields, dangling references, too many nodes) and the save is refused; `find_problems`
lists what keeps a well-formed draft from being published (a draft may be incomplete).

Node kinds form a registry (`NODE_KINDS`): each kind declares its fields, its output ports and
its own problems, so nothing else branches on a node's type. The format is documented in
docs/journey-graph.md.
"""

from __future__ import annotations

import math
import re
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from app.events.payloads import FIELD_TYPES, value_problem
from app.expressions import ExpressionError, FieldSpec, FieldType, check_expression, referenced_nodes

MAX_NODES = 1000
MAX_EDGES = 5000
NODE_ID_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
"""Node ids are CEL identifiers, so `nodes.<id>.response` can be written as is."""
RESERVED_IDS = frozenset({"in", "true", "false", "null"})
ELSE_PORT = "else"
TOP_LEVEL_KEYS = ("nodes", "edges")
EDGE_KEYS = ("from", "to", "port")


class GraphFormatError(ValueError):
    """A graph the save endpoint refuses outright; `fields` maps e.g. "nodes.3.type" to messages."""

    def __init__(self, fields: dict[str, list[str]]):
        self.fields = fields
        where, messages = next(iter(fields.items()))
        super().__init__(f"{where}: {messages[0]}")


@dataclass(frozen=True)
class Problem:
    """Something that keeps a draft from being published.

    `node_id` is the node to mark (None for the graph as a whole); `field` the node field
    ("params.email", "branches.0.when", "seconds") or, for a connection, "edges.<index>".
    """

    node_id: str | None
    field: str | None
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"node_id": self.node_id, "field": self.field, "code": self.code, "message": self.message}


# ---- catalog: what the graph refers to -----------------------------------------------------


@dataclass(frozen=True)
class ParameterInfo:
    """A variable parameter, header or query parameter of an action; `type` in the parameter
    vocabulary ("string", "integer", "number", "boolean", "datetime", "object", "list<T>")."""

    name: str
    type: str = "string"
    required: bool = False
    nullable: bool = False


@dataclass(frozen=True)
class EventInfo:
    """An event type: its display name and its fields (name -> FieldType)."""

    name: str
    fields: Mapping[str, FieldType] = field(default_factory=dict)


@dataclass(frozen=True)
class ActionInfo:
    """An action as journeys see it: what can be mapped and whether it can run yet."""

    name: str
    configured: bool = True
    reason: str | None = None
    parameters: tuple[ParameterInfo, ...] = ()
    variable_headers: tuple[ParameterInfo, ...] = ()
    variable_query: tuple[ParameterInfo, ...] = ()
    dynamic_path: bool = False
    response_sample: Any = None

    @classmethod
    def from_config(cls, config: Mapping[str, Any], *, configured: bool = True, reason: str | None = None):
        """Read the action contract of docs/actions.md (parameters, variable headers/query...)."""

        def variables(entries: Any) -> tuple[ParameterInfo, ...]:
            return tuple(
                ParameterInfo(entry["name"], entry.get("type", "string"))
                for entry in entries or ()
                if entry.get("variable")
            )

        return cls(
            name=config.get("name") or config["key"],
            configured=configured,
            reason=reason,
            parameters=tuple(
                ParameterInfo(
                    p["name"], p.get("type", "string"), bool(p.get("required")), bool(p.get("nullable"))
                )
                for p in config.get("parameters") or ()
            ),
            variable_headers=variables(config.get("headers")),
            variable_query=variables(config.get("query")),
            dynamic_path=bool(config.get("dynamic_path")),
            response_sample=config.get("response_sample"),
        )


@dataclass(frozen=True)
class Catalog:
    """The event types and actions that exist, by key."""

    events: Mapping[str, EventInfo] = field(default_factory=dict)
    actions: Mapping[str, ActionInfo] = field(default_factory=dict)


def infer_field_type(sample: Any) -> FieldType:
    """The FieldType of a JSON sample (a response sample): objects keep their fields."""
    if isinstance(sample, dict):
        return {str(name): infer_field_type(value) for name, value in sample.items()}
    if isinstance(sample, list):
        element = infer_field_type(sample[0]) if sample else None
        if isinstance(element, dict):
            return "list<object>"
        return f"list<{element}>" if element not in (None, "any", "list") else "list"
    for python_type, name in ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string")):
        if isinstance(sample, python_type):
            return name
    return "any"


# ---- the graph -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """A node as given (`data`, validated); `kind` knows its fields and ports."""

    id: str
    type: str
    data: Mapping[str, Any]

    @property
    def kind(self) -> NodeKind:
        return NODE_KINDS[self.type]

    @property
    def ports(self) -> tuple[str, ...]:
        return self.kind.ports(self.data)

    @property
    def label(self) -> str | None:
        return self.data.get("label")


@dataclass(frozen=True)
class Edge:
    index: int
    source: str
    target: str
    port: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {"from": self.source, "to": self.target}
        if self.port is not None:
            data["port"] = self.port
        return data


@dataclass(frozen=True)
class Graph:
    """A parsed graph; lookups used per runner step are O(1) maps built on first use."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    @cached_property
    def by_id(self) -> dict[str, Node]:
        return {node.id: node for node in self.nodes}

    @cached_property
    def _next(self) -> dict[tuple[str, str], str]:
        next_ids: dict[tuple[str, str], str] = {}
        for edge in self.edges:
            port = edge.port or default_port(self.by_id[edge.source])
            if port is not None:
                next_ids.setdefault((edge.source, port), edge.target)
        return next_ids

    def node(self, node_id: str) -> Node:
        return self.by_id[node_id]

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": [_copy_json(node.data) for node in self.nodes],
            "edges": [edge.to_dict() for edge in self.edges],
        }


def _copy_json(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _copy_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy_json(item) for item in value]
    return value


def default_port(node: Node) -> str | None:
    """The port an edge without `port` leaves from (None: the node has no default)."""
    return node.kind.default_port


def entry_node(graph: Graph) -> Node | None:
    """The event node that starts the journey (the first one; a valid graph has exactly one)."""
    return next((node for node in graph.nodes if node.kind.is_entry), None)


def next_node_id(graph: Graph, node_id: str, port: str | None = None) -> str | None:
    """Where the journey goes from `node_id` through `port` (None: its default port)."""
    if port is None:
        port = default_port(graph.by_id[node_id])
    return graph._next.get((node_id, port))


# ---- field shape validation (for parse_graph) ----------------------------------------------

Shape = Callable[[Any], str | None]
"""A shape check for a field value: the problem, or None when the value fits."""


def _string(value: Any) -> str | None:
    return None if isinstance(value, str) else "Must be a string"


def _number(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return "Must be a number"
    return None


def _position(value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) != {"x", "y"}:
        return 'Must be an object {"x": number, "y": number}'
    return "Must be an object of two numbers" if _number(value["x"]) or _number(value["y"]) else None


def _mapping(value: Any) -> str | None:
    """Parameter-like mappings: name -> CEL string or {"value": constant}."""
    if not isinstance(value, dict):
        return "Must be an object"
    for name, item in value.items():
        if not isinstance(item, str) and not (isinstance(item, dict) and set(item) == {"value"}):
            return f'{name}: must be an expression (string) or a constant {{"value": ...}}'
    return None


def _branches(value: Any) -> str | None:
    if not isinstance(value, list):
        return "Must be a list"
    for index, branch in enumerate(value):
        if not isinstance(branch, dict):
            return f"{index}: must be an object"
        unknown = set(branch) - {"port", "label", "when"}
        if unknown:
            return f"{index}: unknown field {sorted(unknown)[0]!r}"
        if any(not isinstance(item, str) for item in branch.values()):
            return f"{index}: port, label and when must be strings"
    return None


COMMON_FIELDS: dict[str, Shape] = {"position": _position, "label": _string}


# ---- node kinds ----------------------------------------------------------------------------


class NodeKind:
    """One node type: its fields (besides id/type/position/label), ports and problems."""

    type: ClassVar[str]
    title: ClassVar[str]
    fields: ClassVar[dict[str, Shape]] = {}
    default_port: ClassVar[str | None] = None
    is_entry: ClassVar[bool] = False
    has_response: ClassVar[bool] = False
    """Whether later expressions can read `nodes.<id>.response` of this node."""

    def ports(self, data: Mapping[str, Any]) -> tuple[str, ...]:
        return (self.default_port,) if self.default_port else ()

    def problems(self, node: Node, check: _ProblemFinder) -> Iterator[Problem]:
        return iter(())


class EventKind(NodeKind):
    type = "event"
    title = "Event"
    fields = {"event": _string}
    default_port = "next"
    is_entry = True

    def problems(self, node: Node, check: _ProblemFinder) -> Iterator[Problem]:
        key = node.data.get("event")
        if not key:
            yield Problem(node.id, "event", "missing_event", "Choose the event that starts the journey")
        elif key not in check.catalog.events:
            yield Problem(node.id, "event", "unknown_event", f"Event type {key!r} is not defined")


class ConditionKind(NodeKind):
    type = "condition"
    title = "Condition"
    fields = {"branches": _branches}

    def ports(self, data: Mapping[str, Any]) -> tuple[str, ...]:
        return (*(b["port"] for b in data.get("branches", ()) if b.get("port")), ELSE_PORT)

    def problems(self, node: Node, check: _ProblemFinder) -> Iterator[Problem]:
        branches = node.data.get("branches", [])
        if not branches:
            yield Problem(node.id, "branches", "missing_branch", "Add at least one branch")
        seen: set[str] = set()
        for index, branch in enumerate(branches):
            where = f"branches.{index}"
            port = branch.get("port")
            if not port:
                yield Problem(node.id, f"{where}.port", "missing_port", "The branch needs a port name")
            elif port == ELSE_PORT:
                yield Problem(
                    node.id, f"{where}.port", "reserved_port", f"{ELSE_PORT!r} is the implicit last branch"
                )
            elif port in seen:
                yield Problem(node.id, f"{where}.port", "duplicate_port", f"Two branches use port {port!r}")
            seen.add(port or "")
            when = branch.get("when")
            if not when:
                yield Problem(node.id, f"{where}.when", "missing_condition", "The branch needs a condition")
            else:
                yield from check.expression(node, f"{where}.when", when, "boolean")


class ActionKind(NodeKind):
    type = "action"
    title = "Action"
    fields = {"action": _string, "params": _mapping, "headers": _mapping, "query": _mapping, "path": _string}
    default_port = "ok"
    has_response = True

    def ports(self, data: Mapping[str, Any]) -> tuple[str, ...]:
        return ("ok", "error")

    def problems(self, node: Node, check: _ProblemFinder) -> Iterator[Problem]:
        key = node.data.get("action")
        action = check.catalog.actions.get(key) if key else None
        if not key:
            yield Problem(node.id, "action", "missing_action", "Choose an action")
        elif action is None:
            yield Problem(node.id, "action", "unknown_action", f"Action {key!r} does not exist (deleted?)")
        elif not action.configured:
            reason = f": {action.reason}" if action.reason else ""
            yield Problem(
                node.id, "action", "action_not_configured", f"{action.name} needs configuration{reason}"
            )
        params = node.data.get("params", {})
        if action is not None:
            for parameter in action.parameters:
                if parameter.required and parameter.name not in params:
                    yield Problem(
                        node.id,
                        f"params.{parameter.name}",
                        "missing_parameter",
                        f"Map the required parameter {parameter.name!r}",
                    )
        declared = {
            "params": action.parameters if action else None,
            "headers": action.variable_headers if action else None,
            "query": action.variable_query if action else None,
        }
        for group, what in (("params", "parameter"), ("headers", "header"), ("query", "query parameter")):
            yield from self._mapping_problems(node, check, group, what, declared[group])
        path = node.data.get("path")
        if path:
            if action is not None and not action.dynamic_path:
                yield Problem(
                    node.id, "path", "path_not_allowed", f"{action.name} does not accept a dynamic path"
                )
            else:
                yield from check.expression(node, "path", path, "string")

    @staticmethod
    def _mapping_problems(
        node: Node,
        check: _ProblemFinder,
        group: str,
        what: str,
        declared: tuple[ParameterInfo, ...] | None,
    ) -> Iterator[Problem]:
        fold = str.lower if group == "headers" else str
        by_name = {fold(p.name): p for p in declared} if declared is not None else None
        for name, value in node.data.get(group, {}).items():
            where = f"{group}.{name}"
            info = by_name.get(fold(name)) if by_name is not None else None
            if by_name is not None and info is None:
                yield Problem(
                    node.id, where, f"unknown_{what.replace(' ', '_')}", f"No variable {what} {name!r}"
                )
                continue
            if isinstance(value, str):
                yield from check.expression(node, where, value, info.type if info else None)
            elif info is not None and not (value["value"] is None and info.nullable):
                problem = value_problem(info.type, value["value"]) if info.type in FIELD_TYPES else None
                if problem:
                    yield Problem(node.id, where, "constant_type", f"The constant {problem}")


class WaitKind(NodeKind):
    type = "wait"
    title = "Wait"
    fields = {"seconds": _number, "until": _string}
    default_port = "next"

    def problems(self, node: Node, check: _ProblemFinder) -> Iterator[Problem]:
        seconds, until = node.data.get("seconds"), node.data.get("until")
        if seconds is not None and until is not None:
            yield Problem(
                node.id, "until", "wait_ambiguous", "Wait either a duration or until a time, not both"
            )
        elif seconds is None and not until:
            yield Problem(node.id, "seconds", "missing_wait", "Set a duration or a time to wait until")
        elif seconds is not None and seconds <= 0:
            yield Problem(node.id, "seconds", "wait_not_positive", "The wait must be longer than 0 seconds")
        elif until:
            yield from check.expression(node, "until", until, "timestamp")


class EndKind(NodeKind):
    type = "end"
    title = "End"


NODE_KINDS: dict[str, NodeKind] = {
    kind.type: kind for kind in (EventKind(), ConditionKind(), ActionKind(), WaitKind(), EndKind())
}


# ---- parsing -------------------------------------------------------------------------------


def parse_graph(data: Any) -> Graph:
    """Validate the shape of a graph and build it; raises GraphFormatError listing every fault."""
    if not isinstance(data, dict):
        raise GraphFormatError({"_schema": ["The graph must be a JSON object with nodes and edges"]})
    errors: dict[str, list[str]] = {}
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            errors.setdefault(str(key), []).append("Unknown field")
    raw_nodes, raw_edges = data.get("nodes", []), data.get("edges", [])
    for key, value, limit, noun in (
        ("nodes", raw_nodes, MAX_NODES, "nodes"),
        ("edges", raw_edges, MAX_EDGES, "connections"),
    ):
        if not isinstance(value, list):
            errors.setdefault(key, []).append("Must be a list")
        elif len(value) > limit:
            errors.setdefault(key, []).append(
                f"A journey can have at most {limit:,} {noun} (this one has {len(value):,})"
            )
    if errors:
        raise GraphFormatError(errors)
    node_ids: set[str] = set()
    nodes = tuple(_parse_nodes(raw_nodes, node_ids, errors))
    edges = tuple(_parse_edges(raw_edges, node_ids, errors))
    if errors:
        raise GraphFormatError(errors)
    return Graph(nodes, edges)


def _parse_nodes(raw_nodes: list, seen: set[str], errors: dict[str, list[str]]) -> Iterator[Node]:
    """Yield the valid nodes; `seen` collects every well-formed id, so edges to a node with
    other faults are not reported a second time."""
    for index, raw in enumerate(raw_nodes):
        where = f"nodes.{index}"
        if not isinstance(raw, dict):
            errors.setdefault(where, []).append("Must be an object")
            continue
        node_id, node_type = raw.get("id"), raw.get("type")
        valid = True
        if not isinstance(node_id, str) or not NODE_ID_RE.match(node_id) or node_id in RESERVED_IDS:
            errors.setdefault(f"{where}.id", []).append(
                "Must be a letter or _ followed by up to 63 letters, digits or _"
                if node_id is not None
                else "Missing"
            )
            valid = False
        elif node_id in seen:
            errors.setdefault(f"{where}.id", []).append(f"Duplicate id {node_id!r}")
            valid = False
        else:
            seen.add(node_id)
        kind = NODE_KINDS.get(node_type) if isinstance(node_type, str) else None
        if kind is None:
            known = ", ".join(NODE_KINDS)
            errors.setdefault(f"{where}.type", []).append(f"Unknown node type {node_type!r} (one of {known})")
            continue
        for key, value in raw.items():
            if key in ("id", "type"):
                continue
            shape = kind.fields.get(key) or COMMON_FIELDS.get(key)
            if shape is None:
                errors.setdefault(f"{where}.{key}", []).append(f"Not a field of {kind.type} nodes")
                valid = False
            elif problem := shape(value):
                errors.setdefault(f"{where}.{key}", []).append(problem)
                valid = False
        if valid:
            yield Node(node_id, node_type, raw)


def _parse_edges(raw_edges: list, node_ids: set[str], errors: dict[str, list[str]]) -> Iterator[Edge]:
    for index, raw in enumerate(raw_edges):
        where = f"edges.{index}"
        if not isinstance(raw, dict):
            errors.setdefault(where, []).append("Must be an object")
            continue
        valid = True
        for key in raw:
            if key not in EDGE_KEYS:
                errors.setdefault(f"{where}.{key}", []).append("Unknown field for a connection")
                valid = False
        for key in ("from", "to"):
            value = raw.get(key)
            if not isinstance(value, str):
                errors.setdefault(f"{where}.{key}", []).append(
                    "Missing" if value is None else "Must be a node id"
                )
                valid = False
            elif value not in node_ids:
                errors.setdefault(f"{where}.{key}", []).append(f"No node {value!r}")
                valid = False
        port = raw.get("port")
        if "port" in raw and (not isinstance(port, str) or not port):
            errors.setdefault(f"{where}.port", []).append("Must be a non-empty string")
            valid = False
        if valid:
            yield Edge(index, raw["from"], raw["to"], port)


# ---- problems ------------------------------------------------------------------------------


def find_problems(graph: Graph, catalog: Catalog) -> list[Problem]:
    """Every reason this graph cannot be published yet; [] when it can."""
    return _ProblemFinder(graph, catalog).run()


class _ProblemFinder:
    """One pass over a graph: structure first, then each node's own problems via its kind."""

    def __init__(self, graph: Graph, catalog: Catalog):
        self.graph = graph
        self.catalog = catalog
        self.entries = [node for node in graph.nodes if node.kind.is_entry]
        self.successors: dict[str, list[str]] = {node.id: [] for node in graph.nodes}
        self.predecessors: dict[str, list[str]] = {node.id: [] for node in graph.nodes}
        for edge in graph.edges:
            self.successors[edge.source].append(edge.target)
            self.predecessors[edge.target].append(edge.source)
        self._response_types: dict[str, FieldType | None] = {}
        self._checked: dict[tuple[str, str | None, frozenset[str]], list[str]] = {}

    def run(self) -> list[Problem]:
        problems = [*self._entry_problems(), *self._edge_problems(), *self._reachability_problems()]
        problems.extend(self._cycle_problems())
        for node in self.graph.nodes:
            problems.extend(node.kind.problems(node, self))
        return problems

    def _entry_problems(self) -> Iterator[Problem]:
        if not self.entries:
            yield Problem(None, None, "no_entry", "Add an event node to start the journey")
        elif len(self.entries) > 1:
            for node in self.entries:
                yield Problem(
                    node.id,
                    None,
                    "multiple_entries",
                    f"Only one event node may start a journey (there are {len(self.entries)})",
                )

    def _edge_problems(self) -> Iterator[Problem]:
        used: set[tuple[str, str]] = set()
        for edge in self.graph.edges:
            source, target = self.graph.by_id[edge.source], self.graph.by_id[edge.target]
            where = f"edges.{edge.index}"
            port = edge.port or default_port(source)
            if port is None:
                message = (
                    f"{source.kind.title} {source.id} has no outputs"
                    if not source.ports
                    else f"Choose which output of {source.id} this connection leaves from"
                )
                yield Problem(source.id, where, "dangling_edge", message)
            elif port not in source.ports:
                yield Problem(source.id, where, "dangling_edge", f"{source.id} has no output {port!r}")
            elif (source.id, port) in used:
                yield Problem(
                    source.id, where, "port_reused", f"Output {port!r} of {source.id} is connected twice"
                )
            else:
                used.add((source.id, port))
            if target.kind.is_entry:
                yield Problem(
                    target.id,
                    where,
                    "edge_into_entry",
                    "Nothing can lead into the event that starts the journey",
                )

    def _reachability_problems(self) -> Iterator[Problem]:
        if not self.entries:
            return
        reached = {node.id for node in self.entries}
        queue = deque(reached)
        while queue:
            for successor in self.successors[queue.popleft()]:
                if successor not in reached:
                    reached.add(successor)
                    queue.append(successor)
        for node in self.graph.nodes:
            if node.id not in reached:
                yield Problem(node.id, None, "unreachable", "Not reachable from the entry event")

    def _cycle_problems(self) -> Iterator[Problem]:
        """One problem per back edge found by an iterative depth-first search."""
        state: dict[str, int] = {}  # 1: on the current path, 2: done
        for start in self.graph.nodes:
            if start.id in state:
                continue
            path = [start.id]
            stack = [(start.id, iter(self.successors[start.id]))]
            state[start.id] = 1
            while stack:
                node_id, successors = stack[-1]
                successor = next(successors, None)
                if successor is None:
                    state[node_id] = 2
                    stack.pop()
                    path.pop()
                elif state.get(successor) == 1:
                    loop = path[path.index(successor) :] + [successor]
                    yield Problem(successor, None, "cycle", "Loop: " + " → ".join(loop))
                elif successor not in state:
                    state[successor] = 1
                    path.append(successor)
                    stack.append((successor, iter(self.successors[successor])))

    # -- expressions --

    def expression(self, node: Node, where: str, src: str, expected: str | None) -> Iterator[Problem]:
        for message in self._check(node.id, src, expected):
            yield Problem(node.id, where, "expression", message)

    def _check(self, node_id: str, src: str, expected: str | None) -> list[str]:
        """check_expression, memoised: the same text with the same visible nodes checks the same."""
        upstream = self._upstream[node_id]
        try:
            named = referenced_nodes(src)
        except ExpressionError:
            named = frozenset()
        key = (src, expected, frozenset(n for n in named if n in self._bits and upstream & self._bits[n]))
        if key not in self._checked:
            spec: FieldSpec = {"event": self._event_fields, "nodes": _UpstreamResponses(self, upstream)}
            self._checked[key] = check_expression(src, spec, expected)
        return self._checked[key]

    @cached_property
    def _event_fields(self) -> dict[str, FieldType] | None:
        if len(self.entries) != 1:
            return None
        event = self.catalog.events.get(self.entries[0].data.get("event"))
        return dict(event.fields) if event is not None else None

    @cached_property
    def _bits(self) -> dict[str, int]:
        """A bit per node with a response, so upstream sets are integers (cheap to union)."""
        responders = [node.id for node in self.graph.nodes if node.kind.has_response]
        return {node_id: 1 << index for index, node_id in enumerate(responders)}

    @cached_property
    def _upstream(self) -> dict[str, int]:
        """Per node, the responding nodes that can run before it (a fixpoint, so cycles are fine)."""
        upstream = dict.fromkeys(self.successors, 0)
        queue = deque(self._topological_order())
        queued = set(queue)
        while queue:
            node_id = queue.popleft()
            queued.discard(node_id)
            value = 0
            for predecessor in self.predecessors[node_id]:
                value |= upstream[predecessor] | self._bits.get(predecessor, 0)
            if value != upstream[node_id]:
                upstream[node_id] = value
                for successor in self.successors[node_id]:
                    if successor not in queued:
                        queued.add(successor)
                        queue.append(successor)
        return upstream

    def _topological_order(self) -> list[str]:
        """Kahn's order (each node then settles in one visit), with nodes on cycles appended."""
        incoming = {node_id: len(predecessors) for node_id, predecessors in self.predecessors.items()}
        order = [node_id for node_id, count in incoming.items() if count == 0]
        for node_id in order:
            for successor in self.successors[node_id]:
                incoming[successor] -= 1
                if incoming[successor] == 0:
                    order.append(successor)
        placed = set(order)
        return order + [node_id for node_id in self.successors if node_id not in placed]

    def response_type(self, node_id: str) -> FieldType | None:
        if node_id not in self._response_types:
            action = self.catalog.actions.get(self.graph.by_id[node_id].data.get("action"))
            sample = action.response_sample if action is not None else None
            self._response_types[node_id] = infer_field_type(sample) if sample is not None else None
        return self._response_types[node_id]


class _UpstreamResponses(Mapping[str, "FieldType | None"]):
    """FieldSpec["nodes"] for one node, read from its upstream bit set without building a dict."""

    def __init__(self, finder: _ProblemFinder, upstream: int):
        self._finder = finder
        self._upstream = upstream

    def __getitem__(self, node_id: str) -> FieldType | None:
        if node_id not in self:
            raise KeyError(node_id)
        return self._finder.response_type(node_id)

    def __contains__(self, node_id: object) -> bool:
        bit = self._finder._bits.get(node_id) if isinstance(node_id, str) else None
        return bit is not None and bool(self._upstream & bit)

    def __iter__(self) -> Iterator[str]:
        return (node_id for node_id, bit in self._finder._bits.items() if self._upstream & bit)

    def __len__(self) -> int:
        return self._upstream.bit_count()
