"""Journey graph: parsing (rejections), problems for drafts, and traversal for the runner."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from app.journeys.graph import (
    MAX_NODES,
    NODE_KINDS,
    ActionInfo,
    Catalog,
    EventInfo,
    GraphFormatError,
    ParameterInfo,
    Problem,
    default_port,
    entry_node,
    find_problems,
    infer_field_type,
    next_node_id,
    parse_graph,
)

CATALOG = Catalog(
    events={
        "signup": EventInfo(
            "Signup", {"email": "string", "amount": "number", "id": "string", "plan": {"tier": "string"}}
        )
    },
    actions={
        "send-welcome": ActionInfo(
            "Send welcome",
            parameters=(
                ParameterInfo("email", "string", required=True),
                ParameterInfo("amount", "number", nullable=True),
                ParameterInfo("tags", "list<string>"),
            ),
            variable_headers=(ParameterInfo("X-Trace"),),
            variable_query=(ParameterInfo("ts"),),
            dynamic_path=True,
            response_sample={"messageId": "abc", "queue": {"position": 3}},
        ),
        "send-sms": ActionInfo(
            "Send SMS",
            configured=False,
            reason="the SMS provider's credentials are missing",
            parameters=(ParameterInfo("to", "string", required=True),),
        ),
        "ping": ActionInfo("Ping"),
    },
)


def example() -> dict:
    """The example graph of issue 4 (docs/journey-graph.md shows it with positions)."""
    return {
        "nodes": [
            {"id": "n1", "type": "event", "event": "signup", "position": {"x": 40, "y": 120}},
            {
                "id": "n2",
                "type": "condition",
                "label": "VIP?",
                "branches": [{"port": "vip", "label": "VIP", "when": "event.amount > 100"}],
            },
            {
                "id": "n3",
                "type": "action",
                "action": "send-welcome",
                "params": {"email": "event.email", "amount": {"value": 10}},
                "path": "event.id + '/messages'",
                "headers": {"X-Trace": "journey.instance_id"},
                "query": {"ts": "string(now)"},
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


def problems_of(data: dict, catalog: Catalog = CATALOG) -> list[Problem]:
    return find_problems(parse_graph(data), catalog)


def codes(data: dict, catalog: Catalog = CATALOG) -> list[tuple[str | None, str | None, str]]:
    return [(p.node_id, p.field, p.code) for p in problems_of(data, catalog)]


def node(data: dict, node_id: str) -> dict:
    return next(n for n in data["nodes"] if n["id"] == node_id)


# ---- parsing -------------------------------------------------------------------------------


def test_example_round_trips_and_has_no_problems():
    data = example()
    graph = parse_graph(copy.deepcopy(data))
    assert graph.to_dict() == data
    assert problems_of(data) == []


def test_the_documented_examples_are_valid():
    doc = (Path(__file__).parents[2] / "docs" / "journey-graph.md").read_text()
    blocks = re.findall(r"```json\n(.*?)```", doc, re.S)
    assert len(blocks) == 2
    data = json.loads(blocks[1])
    assert problems_of(data) == []
    node(data, "n4").pop("seconds")
    node(data, "n4")["until"] = re.search(r'"until": "(.*?)"}`', doc).group(1)
    assert problems_of(data) == []


def test_to_dict_is_a_copy():
    data = example()
    graph = parse_graph(data)
    graph.to_dict()["nodes"][0]["position"]["x"] = 999
    assert graph.to_dict() == data


def test_missing_lists_mean_an_empty_graph():
    graph = parse_graph({})
    assert graph.nodes == () and graph.edges == ()
    assert [p.code for p in find_problems(graph, CATALOG)] == ["no_entry"]


def rejection(data) -> dict[str, list[str]]:
    with pytest.raises(GraphFormatError) as caught:
        parse_graph(data)
    assert isinstance(caught.value, ValueError)
    return caught.value.fields


@pytest.mark.parametrize("data", [[], "graph", None, 3])
def test_rejects_non_objects(data):
    assert "_schema" in rejection(data)


def test_rejects_unknown_top_level_keys_and_wrong_lists():
    assert rejection({"nodes": [], "edges": [], "meta": 1}) == {"meta": ["Unknown field"]}
    assert rejection({"nodes": {}, "edges": "x"}) == {
        "nodes": ["Must be a list"],
        "edges": ["Must be a list"],
    }


def test_rejects_more_than_the_maximum_number_of_nodes():
    nodes = [{"id": f"n{i}", "type": "end"} for i in range(MAX_NODES + 1)]
    fields = rejection({"nodes": nodes, "edges": []})
    assert fields == {"nodes": ["A journey can have at most 1,000 nodes (this one has 1,001)"]}
    parse_graph({"nodes": nodes[:MAX_NODES], "edges": []})


@pytest.mark.parametrize(
    ("change", "key", "fragment"),
    [
        (lambda d: node(d, "n5").update(type="teleport"), "nodes.4.type", "Unknown node type 'teleport'"),
        (lambda d: node(d, "n5").pop("type"), "nodes.4.type", "Unknown node type None"),
        (lambda d: node(d, "n5").update(colour="red"), "nodes.4.colour", "Not a field of end nodes"),
        (lambda d: node(d, "n4").update(event="signup"), "nodes.3.event", "Not a field of wait nodes"),
        (lambda d: node(d, "n5").update(id="n4"), "nodes.4.id", "Duplicate id 'n4'"),
        (lambda d: node(d, "n5").pop("id"), "nodes.4.id", "Missing"),
        (lambda d: node(d, "n5").update(id="n-5"), "nodes.4.id", "Must be a letter"),
        (lambda d: node(d, "n5").update(id="null"), "nodes.4.id", "Must be a letter"),
        (lambda d: node(d, "n5").update(id=5), "nodes.4.id", "Must be a letter"),
        (lambda d: d["nodes"].append("n6"), "nodes.5", "Must be an object"),
        (lambda d: node(d, "n1").update(position={"x": 1}), "nodes.0.position", "Must be an object"),
        (lambda d: node(d, "n1").update(position={"x": 1, "y": "2"}), "nodes.0.position", "two numbers"),
        (lambda d: node(d, "n1").update(label=3), "nodes.0.label", "Must be a string"),
        (lambda d: node(d, "n4").update(seconds="1h"), "nodes.3.seconds", "Must be a number"),
        (lambda d: node(d, "n4").update(seconds=True), "nodes.3.seconds", "Must be a number"),
        (lambda d: node(d, "n4").update(until=5), "nodes.3.until", "Must be a string"),
        (lambda d: node(d, "n3").update(params=[]), "nodes.2.params", "Must be an object"),
        (lambda d: node(d, "n3").update(params={"email": 5}), "nodes.2.params", "email: must be"),
        (
            lambda d: node(d, "n3").update(headers={"X-Trace": {"value": 1, "x": 2}}),
            "nodes.2.headers",
            "X-Trace: must be",
        ),
        (lambda d: node(d, "n2").update(branches={}), "nodes.1.branches", "Must be a list"),
        (
            lambda d: node(d, "n2")["branches"][0].update(colour="x"),
            "nodes.1.branches",
            "unknown field 'colour'",
        ),
        (lambda d: node(d, "n2")["branches"][0].update(when=True), "nodes.1.branches", "must be strings"),
        (lambda d: d["edges"].append({"from": "n4", "to": "n9"}), "edges.6.to", "No node 'n9'"),
        (lambda d: d["edges"].append({"from": "n0", "to": "n4"}), "edges.6.from", "No node 'n0'"),
        (lambda d: d["edges"].append({"to": "n4"}), "edges.6.from", "Missing"),
        (lambda d: d["edges"].append({"from": "n1", "to": "n2", "id": "e"}), "edges.6.id", "Unknown field"),
        (lambda d: d["edges"].append({"from": "n1", "to": "n2", "port": ""}), "edges.6.port", "non-empty"),
        (lambda d: d["edges"].append(["n1", "n2"]), "edges.6", "Must be an object"),
    ],
)
def test_rejections(change, key, fragment):
    data = example()
    change(data)
    fields = rejection(data)
    assert key in fields, fields
    assert any(fragment in message for message in fields[key]), fields[key]


def test_rejection_lists_every_fault():
    data = example()
    node(data, "n5")["type"] = "teleport"
    node(data, "n4")["colour"] = "red"
    fields = rejection(data)
    assert set(fields) == {"nodes.4.type", "nodes.3.colour"}


# ---- problems ------------------------------------------------------------------------------


def test_no_entry_and_two_entries():
    data = example()
    data["nodes"][0] = {"id": "n1", "type": "end"}
    data["edges"] = [e for e in data["edges"] if e["from"] != "n1"]
    assert ("none", None, "no_entry") in [
        (str(p.node_id).lower(), p.field, p.code) for p in problems_of(data)
    ]
    data = example()
    data["nodes"].append({"id": "n6", "type": "event", "event": "signup"})
    data["edges"].append({"from": "n6", "to": "n2"})
    assert [c for c in codes(data) if c[2] == "multiple_entries"] == [
        ("n1", None, "multiple_entries"),
        ("n6", None, "multiple_entries"),
    ]


def test_entry_event_must_be_chosen_and_defined():
    data = example()
    node(data, "n1")["event"] = "purchase"
    assert codes(data) == [("n1", "event", "unknown_event")]
    del node(data, "n1")["event"]
    assert codes(data) == [("n1", "event", "missing_event")]


def test_unreachable_nodes():
    data = example()
    data["nodes"].append({"id": "n6", "type": "end"})
    assert codes(data) == [("n6", None, "unreachable")]


def test_cycles_are_reported_with_the_loop():
    data = example()
    data["edges"].append({"from": "n4", "port": "next", "to": "n3"})
    data["edges"] = [e for e in data["edges"] if not (e["from"] == "n4" and e["to"] == "n5")]
    problems = [p for p in problems_of(data) if p.code == "cycle"]
    assert [(p.node_id, p.message) for p in problems] == [("n3", "Loop: n3 → n4 → n3")]


def test_edge_into_the_entry_is_a_problem():
    data = example()
    data["edges"][-1] = {"from": "n4", "to": "n1"}
    assert ("n1", "edges.5", "edge_into_entry") in codes(data)


def test_each_output_port_is_used_once():
    data = example()
    data["edges"].append({"from": "n3", "port": "ok", "to": "n5"})
    assert codes(data) == [("n3", "edges.6", "port_reused")]


def test_an_edge_without_port_uses_the_default_port_when_counting_reuse():
    data = example()
    data["edges"].append({"from": "n1", "port": "next", "to": "n5"})
    assert codes(data) == [("n1", "edges.6", "port_reused")]


@pytest.mark.parametrize(
    ("edge", "message"),
    [
        ({"from": "n5", "to": "n4"}, "End n5 has no outputs"),
        ({"from": "n2", "to": "n4"}, "Choose which output of n2 this connection leaves from"),
        ({"from": "n2", "port": "gold", "to": "n4"}, "n2 has no output 'gold'"),
        ({"from": "n3", "port": "next", "to": "n5"}, "n3 has no output 'next'"),
    ],
)
def test_dangling_edges(edge, message):
    data = example()
    data["edges"].append(edge)
    problems = [p for p in problems_of(data) if p.code == "dangling_edge"]
    assert [(p.field, p.message) for p in problems] == [("edges.6", message)]


def test_action_must_exist_and_be_configured():
    data = example()
    node(data, "n3")["action"] = "gone"
    assert ("n3", "action", "unknown_action") in codes(data)
    node(data, "n3").update(action="send-sms", params={"to": "event.email"}, headers={}, query={})
    del node(data, "n3")["path"]
    problems = problems_of(data)
    assert [(p.code, p.message) for p in problems] == [
        ("action_not_configured", "Send SMS needs configuration: the SMS provider's credentials are missing")
    ]
    del node(data, "n3")["action"]
    assert ("n3", "action", "missing_action") in codes(data)


def test_parameters_headers_query_and_path_are_checked_against_the_action():
    data = example()
    node(data, "n3").update(
        params={"amount": "event.amount", "colour": "'red'"},
        headers={"x-trace": "journey.instance_id", "X-Other": "'1'"},
        query={"ts": "string(now)", "page": {"value": 1}},
    )
    assert codes(data) == [
        ("n3", "params.email", "missing_parameter"),
        ("n3", "params.colour", "unknown_parameter"),
        ("n3", "headers.X-Other", "unknown_header"),
        ("n3", "query.page", "unknown_query_parameter"),
    ]
    node(data, "n3").update(action="ping", params={}, headers={}, query={})
    assert codes(data) == [("n3", "path", "path_not_allowed")]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"email": {"value": "a@b.c"}, "amount": {"value": 2.5}}, []),
        ({"email": {"value": "a@b.c"}, "amount": {"value": None}}, []),
        ({"email": {"value": None}}, ["The constant must be a string"]),
        ({"email": {"value": 5}}, ["The constant must be a string"]),
        ({"email": "event.email", "amount": {"value": "ten"}}, ["The constant must be a number"]),
        (
            {"email": "event.email", "tags": {"value": ["a", 1]}},
            ["The constant must be a list of strings (item 1 is not)"],
        ),
    ],
)
def test_constants_are_checked_against_the_parameter_type(params, expected):
    data = example()
    node(data, "n3")["params"] = params
    assert [p.message for p in problems_of(data)] == expected


@pytest.mark.parametrize(
    ("where", "value", "field", "fragment"),
    [
        ("params", {"email": "event.emial"}, "params.email", "Unknown event field 'emial'"),
        ("params", {"email": "event.amount"}, "params.email", "Gives a number, expected a string"),
        ("params", {"email": "event.email +"}, "params.email", "Syntax error"),
        ("params", {"email": ""}, "params.email", "Expression is empty"),
        ("params", {"email": "nodes.n3.response.messageId"}, "params.email", "Unknown node 'n3'"),
        ("headers", {"X-Trace": "journey.instance"}, "headers.X-Trace", "Unknown journey field"),
        ("query", {"ts": "now + 1"}, "query.ts", "Type mismatch"),
        ("path", "event.plan.tier.x", "path", "event.plan.tier is a string"),
    ],
)
def test_action_expressions_are_checked(where, value, field, fragment):
    data = example()
    node(data, "n3")[where] = value
    problems = [p for p in problems_of(data) if p.code == "expression"]
    assert [p.field for p in problems] == [field]
    assert fragment in problems[0].message


def test_later_nodes_see_earlier_action_responses():
    data = example()
    data["nodes"].append(
        {
            "id": "n6",
            "type": "condition",
            "branches": [{"port": "queued", "when": "nodes.n3.response.queue.position > 1"}],
        }
    )
    data["edges"][3] = {"from": "n3", "to": "n6"}
    data["edges"].append({"from": "n6", "port": "queued", "to": "n4"})
    data["edges"].append({"from": "n6", "port": "else", "to": "n5"})
    assert problems_of(data) == []
    node(data, "n6")["branches"][0]["when"] = "nodes.n3.response.queue.size > 1"
    assert [p.message for p in problems_of(data)] == [
        "Unknown response field 'size' in nodes.n3.response.queue"
    ]


def test_unknown_event_fields_are_not_reported_without_an_event_definition():
    data = example()
    node(data, "n1")["event"] = "purchase"
    node(data, "n3")["params"]["email"] = "event.whatever"
    assert codes(data) == [("n1", "event", "unknown_event")]


@pytest.mark.parametrize(
    ("branches", "expected"),
    [
        ([], [("branches", "missing_branch")]),
        ([{"port": "vip", "when": ""}], [("branches.0.when", "missing_condition")]),
        ([{"port": "vip"}], [("branches.0.when", "missing_condition")]),
        ([{"when": "true"}, {"port": "vip", "when": "true"}], [("branches.0.port", "missing_port")]),
        (
            [{"port": "vip", "when": "true"}, {"port": "vip", "when": "false"}],
            [("branches.1.port", "duplicate_port")],
        ),
        (
            [{"port": "vip", "when": "true"}, {"port": "else", "when": "false"}],
            [("branches.1.port", "reserved_port")],
        ),
        ([{"port": "vip", "when": "event.amount"}], [("branches.0.when", "expression")]),
    ],
)
def test_condition_branches(branches, expected):
    data = example()
    node(data, "n2")["branches"] = branches
    if not any(b.get("port") == "vip" for b in branches):
        data["edges"] = [e for e in data["edges"] if e.get("port") != "vip"]
        data["nodes"] = [n for n in data["nodes"] if n["id"] not in ("n3", "n4")]
        data["edges"] = [e for e in data["edges"] if e["from"] not in ("n3", "n4")]
    assert [(p.field, p.code) for p in problems_of(data)] == expected


@pytest.mark.parametrize(
    ("wait", "expected"),
    [
        ({"seconds": 0}, [("seconds", "wait_not_positive")]),
        ({"seconds": -5}, [("seconds", "wait_not_positive")]),
        ({"seconds": 0.5}, []),
        ({}, [("seconds", "missing_wait")]),
        ({"until": ""}, [("seconds", "missing_wait")]),
        ({"seconds": 60, "until": "now"}, [("until", "wait_ambiguous")]),
        ({"until": "now + duration('1h')"}, []),
        ({"until": "timestamp(event.id)"}, []),
        ({"until": "event.email"}, [("until", "expression")]),
    ],
)
def test_waits(wait, expected):
    data = example()
    node(data, "n4").pop("seconds")
    node(data, "n4").update(wait)
    assert [(p.field, p.code) for p in problems_of(data)] == expected


def test_problem_to_dict():
    problem = Problem("n3", "params.email", "missing_parameter", "Map it")
    assert problem.to_dict() == {
        "node_id": "n3",
        "field": "params.email",
        "code": "missing_parameter",
        "message": "Map it",
    }


# ---- traversal -----------------------------------------------------------------------------


def test_traversal_helpers():
    graph = parse_graph(example())
    assert entry_node(graph).id == "n1"
    assert next_node_id(graph, "n1") == "n2"
    assert next_node_id(graph, "n1", "next") == "n2"
    assert next_node_id(graph, "n2", "vip") == "n3"
    assert next_node_id(graph, "n2", "else") == "n5"
    assert next_node_id(graph, "n3", "ok") == "n4"
    assert next_node_id(graph, "n3", "error") == "n5"
    assert next_node_id(graph, "n4") == "n5"
    assert next_node_id(graph, "n5") is None
    assert next_node_id(graph, "n2", "gold") is None
    assert graph.node("n3").ports == ("ok", "error")
    assert graph.node("n2").ports == ("vip", "else")
    assert [default_port(n) for n in graph.nodes] == ["next", None, "ok", "next", None]


def test_unconnected_error_port_leads_nowhere():
    data = example()
    data["edges"] = [e for e in data["edges"] if e.get("port") != "error"]
    graph = parse_graph(data)
    assert next_node_id(graph, "n3", "error") is None
    assert find_problems(graph, CATALOG) == []


def test_entry_node_of_an_empty_graph():
    assert entry_node(parse_graph({"nodes": [], "edges": []})) is None


def test_every_kind_declares_fields_ports_and_title():
    assert set(NODE_KINDS) == {"event", "condition", "action", "wait", "end"}
    for kind in NODE_KINDS.values():
        assert kind.title
        assert kind.default_port is None or kind.default_port in kind.ports({})


# ---- catalog helpers -----------------------------------------------------------------------


def test_infer_field_type():
    assert infer_field_type(
        {"id": "a", "n": 1, "x": 1.5, "ok": True, "tags": ["a"], "items": [{"a": 1}]}
    ) == {
        "id": "string",
        "n": "integer",
        "x": "number",
        "ok": "boolean",
        "tags": "list<string>",
        "items": "list<object>",
    }
    assert infer_field_type([]) == "list"
    assert infer_field_type(None) == "any"


def test_action_info_from_the_action_contract():
    info = ActionInfo.from_config(
        {
            "key": "send-welcome",
            "name": "Send welcome email",
            "query": [{"name": "region", "value": "eu"}, {"name": "ts", "variable": True, "type": "string"}],
            "headers": [{"name": "X-Api-Version", "value": "2"}, {"name": "X-Trace", "variable": True}],
            "parameters": [
                {"name": "email", "type": "string", "required": True},
                {"name": "amount", "type": "number", "required": False, "nullable": True},
            ],
            "dynamic_path": True,
            "response_sample": {"messageId": "abc"},
        },
        configured=False,
        reason="needs a token",
    )
    assert info.name == "Send welcome email"
    assert info.parameters == (
        ParameterInfo("email", "string", True, False),
        ParameterInfo("amount", "number", False, True),
    )
    assert info.variable_headers == (ParameterInfo("X-Trace"),)
    assert info.variable_query == (ParameterInfo("ts"),)
    assert info.dynamic_path and not info.configured and info.reason == "needs a token"


# ---- a large graph -------------------------------------------------------------------------


def large_graph(size: int) -> dict:
    """event → (condition → action → wait)* → end, each action reading the previous response."""
    nodes = [{"id": "n0", "type": "event", "event": "signup", "position": {"x": 0, "y": 0}}]
    edges = []
    previous_action = None
    index = 1
    while index + 3 < size:
        condition, action, wait = f"n{index}", f"n{index + 1}", f"n{index + 2}"
        when = (
            f"nodes.{previous_action}.response.messageId != ''" if previous_action else "event.amount > 1.0"
        )
        nodes += [
            {
                "id": condition,
                "type": "condition",
                "branches": [{"port": "yes", "label": "Yes", "when": when}],
            },
            {
                "id": action,
                "type": "action",
                "action": "send-welcome",
                "params": {"email": "event.email", "amount": "event.amount * 2.0", "tags": {"value": ["a"]}},
                "headers": {"X-Trace": "journey.instance_id"},
                "query": {"ts": "string(now)"},
            },
            {"id": wait, "type": "wait", "seconds": 60},
        ]
        edges += [
            {
                "from": nodes[-4]["id"] if index > 1 else "n0",
                "port": "next" if index > 1 else None,
                "to": condition,
            },
            {"from": condition, "port": "yes", "to": action},
            {"from": action, "port": "ok", "to": wait},
        ]
        previous_action = action
        index += 3
    edges = [{k: v for k, v in edge.items() if v is not None} for edge in edges]
    nodes.append({"id": "end", "type": "end"})
    edges.append({"from": nodes[-2]["id"], "to": "end"})
    return {"nodes": nodes, "edges": edges}


def test_a_large_valid_graph_has_no_problems():
    data = large_graph(300)
    assert len(data["nodes"]) == 299
    graph = parse_graph(data)
    assert graph.to_dict() == data
    assert find_problems(graph, CATALOG) == []
