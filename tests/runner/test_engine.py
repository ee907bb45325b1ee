"""The pure walk: conditions, waits, ends and action outcomes, without database or Redis."""

from datetime import UTC, datetime, timedelta

from app.journeys.graph import parse_graph
from app.runner.engine import RunState, idempotency_key, settle_action, walk
from app.runner.models import InstanceStatus, StepStatus

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def build(nodes, edges):
    position = {"x": 0, "y": 0}
    return parse_graph(
        {
            "nodes": [{"id": "n0", "type": "event", "event": "signup", "position": position}]
            + [{**node, "position": position} for node in nodes],
            "edges": [
                {"from": e[0], "to": e[1], **({"port": e[2]} if len(e) > 2 else {})} for e in edges
            ],
        }
    )


def state(event=None, **kwargs):
    return RunState(1, 7, 1, "p1", event or {"seats": 3}, kwargs.pop("node_id", "n0"), {}, **kwargs)


CONDITION = {
    "id": "c",
    "type": "condition",
    "branches": [
        {"port": "big", "when": "event.seats > 10"},
        {"port": "some", "when": "event.seats > 1"},
    ],
}


def test_condition_takes_first_true_branch_then_ends():
    graph = build(
        [CONDITION, {"id": "e1", "type": "end"}, {"id": "e2", "type": "end"}],
        [("n0", "c"), ("c", "e1", "big"), ("c", "e2", "some")],
    )
    run = state({"seats": 30})
    assert walk(graph, run, NOW) is None
    assert run.status == InstanceStatus.COMPLETED
    assert [(r.node_id, r.port) for r in run.records] == [("c", "big"), ("e1", None)]
    run = state({"seats": 3})
    walk(graph, run, NOW)
    assert [(r.node_id, r.port) for r in run.records] == [("c", "some"), ("e2", None)]


def test_condition_else_with_unconnected_port_completes():
    graph = build([CONDITION, {"id": "e1", "type": "end"}], [("n0", "c"), ("c", "e1", "big")])
    run = state({"seats": 0})
    walk(graph, run, NOW)
    assert run.status == InstanceStatus.COMPLETED
    assert [(r.node_id, r.port) for r in run.records] == [("c", "else")]


def test_failing_expression_fails_the_instance():
    node = {"id": "c", "type": "condition", "branches": [{"port": "x", "when": "event.missing > 1"}]}
    graph = build([node, {"id": "e", "type": "end"}], [("n0", "c"), ("c", "e", "x")])
    run = state({})
    walk(graph, run, NOW)
    assert run.status == InstanceStatus.FAILED
    assert run.records[0].status == StepStatus.FAILED and "event.missing" in run.records[0].error


def test_wait_parks_then_resumes_after_due():
    graph = build(
        [{"id": "w", "type": "wait", "seconds": 60}, {"id": "e", "type": "end"}],
        [("n0", "w"), ("w", "e")],
    )
    run = state()
    walk(graph, run, NOW)
    assert (run.status, run.due_at, run.node_id) == (InstanceStatus.WAITING, NOW + timedelta(seconds=60), "w")
    assert run.records[-1].status == StepStatus.WAITING
    walk(graph, run, NOW + timedelta(seconds=60))
    assert run.status == InstanceStatus.COMPLETED
    assert [(r.node_id, r.status) for r in run.records[1:]] == [
        ("w", StepStatus.SUCCEEDED), ("e", StepStatus.SUCCEEDED)
    ]


def test_wait_until_expression_and_test_mode_cap():
    wait = {"id": "w", "type": "wait", "until": "now + duration('3600s')"}
    graph = build([wait, {"id": "e", "type": "end"}], [("n0", "w"), ("w", "e")])
    run = state()
    walk(graph, run, NOW)
    assert run.due_at == NOW + timedelta(hours=1)
    capped = state()
    walk(graph, capped, NOW, wait_cap_s=0)
    assert capped.status == InstanceStatus.COMPLETED


def test_action_outcome_picks_ok_or_error_port_or_fails():
    action = {"id": "a", "type": "action", "action": "notify", "params": {}}
    branch = {"port": "t", "when": "nodes.a.status == 'timedout'"}
    check = {"id": "c", "type": "condition", "branches": [branch]}
    graph = build(
        [action, check, {"id": "e", "type": "end"}],
        [("n0", "a"), ("a", "e"), ("a", "c", "error"), ("c", "e", "t")],
    )
    run = state()
    node = walk(graph, run, NOW)
    assert node.id == "a"
    assert settle_action(graph, run, node, failure=None, response={"id": 1}, status_code=200) == "ok"
    assert run.outputs["a"] == {"status": "succeeded", "response": {"id": 1}, "status_code": 200}
    run = state()
    node = walk(graph, run, NOW)
    assert settle_action(graph, run, node, failure="timedout") == "error"
    walk(graph, run, NOW)
    assert [(r.node_id, r.port) for r in run.records] == [("c", "t"), ("e", None)]
    lone = build([action], [("n0", "a")])
    run = state()
    node = walk(lone, run, NOW)
    assert settle_action(lone, run, node, failure="http_400", status_code=400) is None
    assert (run.status, run.error) == (InstanceStatus.FAILED, "a: http_400")


def test_idempotency_key_is_stable_per_instance_and_node():
    key = idempotency_key("secret", 5, "a")
    assert key == idempotency_key("secret", 5, "a")
    assert len({key, idempotency_key("secret", 6, "a"), idempotency_key("secret", 5, "b"),
                idempotency_key("other", 5, "a")}) == 4
