"""Journey drafts: create, save (rejections, problems), catalog, listing, usage, export."""

from __future__ import annotations

import copy

import pytest

from app.actions import service as actions_service
from app.actions.models import Action
from app.errors import Conflict, InvalidInput
from app.events import service as events_service
from app.extensions import db as _db
from app.journeys import service
from app.journeys.catalog import build_catalog
from app.journeys.models import Journey, JourneyStatus, Reentry
from tests.events.helpers import make_event_type, registered
from tests.factories import make_user
from tests.journeys.helpers import chain_graph, make_action, make_catalog_rows, valid_graph


def codes(problems) -> set[tuple[str | None, str]]:
    return {(problem.node_id, problem.code) for problem in problems}


@pytest.fixture
def rows(db):
    make_catalog_rows()


@pytest.fixture
def journey(rows):
    return service.create_journey("Welcome", "Greets new people", "signup", make_user())


# ---- creating ------------------------------------------------------------------------------


def test_create_starts_a_draft_with_its_entry_event(journey):
    assert journey.status == JourneyStatus.DRAFT
    assert journey.entry_event == "signup"
    assert journey.reentry == Reentry.NEVER
    assert journey.draft_graph["nodes"] == [
        {"id": "n1", "type": "event", "event": "signup", "position": {"x": 40, "y": 120}}
    ]
    assert journey.live_version_id is None
    assert journey.editor.email == journey.creator.email


def test_create_without_entry_event_has_an_empty_graph(db):
    journey = service.create_journey("Blank")
    assert journey.draft_graph == {"nodes": [], "edges": []}
    assert journey.entry_event is None


@pytest.mark.parametrize(
    ("name", "entry_event", "field"),
    [("  ", None, "name"), ("x" * 201, None, "name"), ("Fine", "no-such-event", "entry_event")],
)
def test_create_refuses_bad_input(db, name, entry_event, field):
    with pytest.raises(InvalidInput) as refused:
        service.create_journey(name, entry_event=entry_event)
    assert field in refused.value.fields
    assert _db.session.query(Journey).count() == 0


# ---- saving: rejected graphs leave the stored draft untouched -------------------------------


def _with(graph: dict, **changes) -> dict:
    return {**copy.deepcopy(graph), **changes}


def _graph_with_node(node: dict) -> dict:
    graph = valid_graph()
    graph["nodes"].append(node)
    return graph


REJECTED = {
    "not an object": ([1, 2], "graph._schema"),
    "unknown top-level field": (_with(valid_graph(), layout={}), "graph.layout"),
    "unknown node type": (_graph_with_node({"id": "n9", "type": "teleport"}), "graph.nodes.5.type"),
    "unknown node field": (
        _graph_with_node({"id": "n9", "type": "end", "colour": "red"}),
        "graph.nodes.5.colour",
    ),
    "duplicate ids": (_graph_with_node({"id": "n5", "type": "end"}), "graph.nodes.5.id"),
    "edge to a missing node": (
        _with(valid_graph(), edges=[*valid_graph()["edges"], {"from": "n4", "to": "ghost"}]),
        "graph.edges.6.to",
    ),
    "unknown edge field": (
        _with(valid_graph(), edges=[{"from": "n1", "to": "n2", "weight": 3}]),
        "graph.edges.0.weight",
    ),
    "more than 1,000 nodes": (chain_graph(1001), "graph.nodes"),
}


@pytest.mark.parametrize("case", REJECTED)
def test_rejected_graph_is_422_and_draft_untouched(journey, case):
    graph, field = REJECTED[case]
    before = copy.deepcopy(journey.draft_graph)
    saved_at = journey.draft_updated_at
    with pytest.raises(InvalidInput) as refused:
        service.save_draft(journey.id, graph)
    assert field in refused.value.fields, refused.value.fields
    assert refused.value.message.startswith("The graph was not saved: ")
    _db.session.expire_all()
    stored = _db.session.get(Journey, journey.id)
    assert stored.draft_graph == before
    assert stored.draft_updated_at == saved_at


def test_more_than_1000_nodes_says_so(journey):
    with pytest.raises(InvalidInput) as refused:
        service.save_draft(journey.id, chain_graph(1001))
    assert "at most 1,000 nodes (this one has 1,001)" in refused.value.message


def test_save_stores_draft_and_answers_no_problems_when_publishable(journey):
    editor = make_user()
    assert service.save_draft(journey.id, valid_graph(), editor) == []
    _db.session.expire_all()
    stored = _db.session.get(Journey, journey.id)
    assert stored.draft_graph == valid_graph()
    assert stored.updated_by == editor.id
    assert stored.entry_event == "signup"


def test_incomplete_draft_is_saved_with_its_problems(journey):
    graph = {"nodes": [{"id": "a", "type": "action"}], "edges": []}
    problems = service.save_draft(journey.id, graph)
    assert codes(problems) == {(None, "no_entry"), ("a", "missing_action")}
    assert _db.session.get(Journey, journey.id).draft_graph == graph
    assert _db.session.get(Journey, journey.id).entry_event is None


# ---- problems: every rule that blocks publishing -------------------------------------------


def _drop_edge(graph: dict, source: str, port: str | None = None) -> dict:
    graph["edges"] = [
        e for e in graph["edges"] if not (e["from"] == source and e.get("port") == port)
    ]
    return graph


def _edit_node(node_id: str, **changes) -> dict:
    graph = valid_graph()
    for node in graph["nodes"]:
        if node["id"] == node_id:
            node.update(changes)
            for key in [key for key, value in changes.items() if value is None]:
                del node[key]
    return graph


PROBLEMS = {
    "no entry event": ({"nodes": [{"id": "e", "type": "end"}], "edges": []}, (None, "no_entry")),
    "two entry events": (
        _graph_with_node({"id": "n9", "type": "event", "event": "signup"}),
        ("n9", "multiple_entries"),
    ),
    "unreachable node": (_graph_with_node({"id": "n9", "type": "end"}), ("n9", "unreachable")),
    "cycle": (
        _with(valid_graph(), edges=[*valid_graph()["edges"][:-1], {"from": "n4", "to": "n2"}]),
        ("n2", "cycle"),
    ),
    "output port used twice": (
        _with(valid_graph(), edges=[*valid_graph()["edges"], {"from": "n1", "to": "n5"}]),
        ("n1", "port_reused"),
    ),
    "edge from a port that does not exist": (
        _with(
            valid_graph(),
            edges=[*valid_graph()["edges"], {"from": "n4", "port": "later", "to": "n5"}],
        ),
        ("n4", "dangling_edge"),
    ),
    "unknown event type": (_edit_node("n1", event="purchase"), ("n1", "unknown_event")),
    "action deleted or unknown": (_edit_node("n3", action="gone"), ("n3", "unknown_action")),
    "required parameter not mapped": (
        _edit_node("n3", params={"amount": {"value": 1}}),
        ("n3", "missing_parameter"),
    ),
    "expression does not compile": (
        _edit_node("n2", branches=[{"port": "vip", "when": "event.seats >"}]),
        ("n2", "expression"),
    ),
    "expression names an unknown event field": (
        _edit_node("n3", params={"email": "event.mail"}),
        ("n3", "expression"),
    ),
    "expression reads a later node": (
        _edit_node("n3", params={"email": "string(nodes.n9.status_code)"}),
        ("n3", "expression"),
    ),
    "wait not positive": (_edit_node("n4", seconds=0), ("n4", "wait_not_positive")),
    "wait without duration": (_edit_node("n4", seconds=None), ("n4", "missing_wait")),
    "constant of the wrong type": (
        _edit_node("n3", params={"email": "event.email", "amount": {"value": "ten"}}),
        ("n3", "constant_type"),
    ),
    "unknown parameter": (
        _edit_node("n3", params={"email": "event.email", "colour": {"value": "red"}}),
        ("n3", "unknown_parameter"),
    ),
}


@pytest.mark.parametrize("case", PROBLEMS)
def test_each_rule_is_a_problem_on_its_node(journey, case):
    graph, expected = PROBLEMS[case]
    problems = service.save_draft(journey.id, graph)
    assert expected in codes(problems), [p.message for p in problems]
    assert all(problem.message for problem in problems)
    assert _db.session.get(Journey, journey.id).draft_graph == graph


def test_action_needing_configuration_is_a_problem(journey):
    actions_service.ensure_builtin_actions()
    sms = actions_service.get_action("send-sms")
    problems = service.save_draft(journey.id, valid_graph(action="send-sms"))
    [problem] = [p for p in problems if p.code == "action_not_configured"]
    assert problem.node_id == "n3"
    assert sms.needs_configuration_reason in problem.message


def test_action_used_by_a_draft_cannot_be_deleted_and_if_gone_is_a_problem(journey):
    assert service.save_draft(journey.id, valid_graph()) == []
    with pytest.raises(actions_service.ActionInUse) as refused:
        actions_service.delete_action("send-welcome")
    assert refused.value.journeys == [{"id": journey.id, "name": "Welcome", "status": "draft"}]
    _db.session.execute(_db.delete(Action))  # as if removed before this journey referred to it
    _db.session.commit()
    assert ("n3", "unknown_action") in codes(
        service.draft_problems(_db.session.get(Journey, journey.id))
    )


def test_variable_header_and_path_rules_follow_the_action(journey):
    make_action("fixed-path", "Fixed path", dynamic_path=False)
    graph = valid_graph(action="fixed-path")
    graph["nodes"][2]["headers"] = {"X-Unknown": "journey.instance_id"}
    problems = codes(service.save_draft(journey.id, graph))
    assert {("n3", "path_not_allowed"), ("n3", "unknown_header")} <= problems


# ---- catalog -------------------------------------------------------------------------------


def test_catalog_reads_actions_and_event_types(rows):
    actions_service.ensure_builtin_actions()
    catalog = build_catalog()
    welcome = catalog.actions["send-welcome"]
    assert welcome.name == "Send welcome email"
    assert welcome.configured and welcome.dynamic_path
    assert [(p.name, p.type, p.required, p.nullable) for p in welcome.parameters] == [
        ("email", "string", True, False),
        ("amount", "number", False, True),
    ]
    assert [p.name for p in welcome.variable_headers] == ["X-Trace"]
    assert [p.name for p in welcome.variable_query] == ["ts"]
    assert welcome.response_sample == {"messageId": "abc", "accepted": True}
    email = catalog.actions["send-email"]
    assert not email.configured
    assert email.reason == actions_service.get_action("send-email").needs_configuration_reason
    signup = catalog.events["signup"]
    assert signup.name == "Signup"
    assert signup.fields == {
        "email": "string",
        "plan": "string",
        "seats": "integer",
        "signed_up_at": "datetime",
    }


def test_response_sample_types_later_expressions(journey):
    graph = valid_graph()
    graph["nodes"][3] = {"id": "n4", "type": "wait", "until": "nodes.n3.response.messageId"}
    problems = service.save_draft(journey.id, graph)
    assert ("n4", "expression") in codes(problems)
    graph["nodes"][3]["until"] = "now + duration('1h')"
    graph["nodes"][4] = {
        "id": "n5",
        "type": "condition",
        "branches": [{"port": "sent", "when": "nodes.n3.response.accepted"}],
    }
    assert ("n5", "expression") not in codes(service.save_draft(journey.id, graph))


# ---- settings ------------------------------------------------------------------------------


def test_reentry_settings(journey):
    updated = service.update_settings(
        journey.id, {"reentry": "after_wait", "reentry_wait_seconds": 86400}
    )
    assert (updated.reentry, updated.reentry_wait_seconds) == (Reentry.AFTER_WAIT, 86400)
    updated = service.update_settings(journey.id, {"reentry": "always"})
    assert (updated.reentry, updated.reentry_wait_seconds) == (Reentry.ALWAYS, None)
    updated = service.update_settings(journey.id, {"name": " Renamed ", "description": "new"})
    assert (updated.name, updated.description) == ("Renamed", "new")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reentry": "sometimes"}, "reentry"),
        ({"reentry": "after_wait"}, "reentry_wait_seconds"),
        ({"reentry": "after_wait", "reentry_wait_seconds": 0}, "reentry_wait_seconds"),
        ({"name": ""}, "name"),
    ],
)
def test_bad_settings_are_refused(journey, changes, field):
    with pytest.raises(InvalidInput) as refused:
        service.update_settings(journey.id, changes)
    assert field in refused.value.fields
    _db.session.rollback()
    assert _db.session.get(Journey, journey.id).reentry == Reentry.NEVER


# ---- listing, entries today, usage -------------------------------------------------------------


def test_list_searches_names_and_counts_entries(journey):
    other = service.create_journey("Win-back 100%")
    listed = service.list_journeys()
    assert [item.name for item in listed] == ["Win-back 100%", "Welcome"]
    assert [item.name for item in service.list_journeys("WIN")] == ["Win-back 100%"]
    assert [item.name for item in service.list_journeys("100%")] == ["Win-back 100%"]
    assert service.list_journeys("_") == []
    welcome = listed[1]
    assert (welcome.status, welcome.live_version, welcome.has_draft) == (
        JourneyStatus.DRAFT,
        None,
        True,
    )
    assert welcome.updated_by == journey.editor.email
    assert welcome.entries_today == 0

    def counter(ids: list[int]) -> dict[int, int]:
        return {journey.id: 7, 999_999: 1}

    with registered(service.ENTRY_COUNTERS, counter):
        assert service.entries_today([journey.id, other.id]) == {journey.id: 7, other.id: 0}
        assert service.list_journeys("welcome")[0].entries_today == 7


def test_usage_providers_are_registered_and_see_drafts_and_live_versions(journey):
    assert service.journeys_using_action in actions_service.USAGE_PROVIDERS
    assert service.journeys_using_event in events_service.USAGE_PROVIDERS
    assert service.journeys_using_action("send-welcome") == []
    service.save_draft(journey.id, valid_graph())
    expected = [{"id": journey.id, "name": "Welcome", "status": "draft"}]
    assert service.journeys_using_action("send-welcome") == expected
    assert events_service.journeys_using_event_type("signup") == ["Welcome"]
    service.publish(journey.id)
    assert service.journeys_using_action("send-welcome") == [{**expected[0], "status": "live"}]
    service.close(journey.id)
    assert service.journeys_using_action("send-welcome") == []
    assert service.journeys_using_event("signup") == []


def test_event_type_used_by_a_journey_keeps_its_fields_and_cannot_be_deleted(journey):
    service.save_draft(journey.id, valid_graph())
    definition = events_service.get_event_type("signup")
    fields = [field for field in definition.fields if field["name"] != "seats"]
    with pytest.raises(InvalidInput) as refused:
        events_service.update_event_type(
            "signup",
            {
                "key": "signup",
                "name": definition.name,
                "profile_id_field": "email",
                "fields": fields,
            },
        )
    assert "Welcome" in refused.value.message
    with pytest.raises(Conflict):
        events_service.delete_event_type("signup")


# ---- export and import -------------------------------------------------------------------------


def test_export_import_round_trip(journey):
    service.save_draft(journey.id, valid_graph())
    service.update_settings(journey.id, {"reentry": "after_wait", "reentry_wait_seconds": 60})
    exported = service.export_journey(journey.id)
    assert exported["actions"] == ["send-welcome"]
    assert exported["events"] == ["signup"]
    assert exported["entry_event"] == "signup"
    result = service.import_journey(exported, make_user())
    assert result.missing == {"actions": [], "events": []}
    assert result.problems == []
    imported = result.journey
    assert imported.id != journey.id
    assert imported.status == JourneyStatus.DRAFT
    assert imported.draft_graph == valid_graph()
    assert (imported.reentry, imported.reentry_wait_seconds) == (Reentry.AFTER_WAIT, 60)
    assert service.export_journey(imported.id) == exported


def test_import_reports_missing_actions_and_events(db):
    make_event_type()
    graph = valid_graph(action="not-here")
    graph["nodes"].append({"id": "n9", "type": "event", "event": "purchase"})
    result = service.import_journey({"name": "Imported", "graph": graph})
    assert result.missing == {"actions": ["not-here"], "events": ["purchase"]}
    assert {("n3", "unknown_action"), ("n9", "unknown_event")} <= codes(result.problems)
    assert result.journey.draft_graph == graph


def test_import_refuses_a_malformed_graph(db):
    with pytest.raises(InvalidInput) as refused:
        service.import_journey({"name": "Broken", "graph": {"nodes": [{"id": "x", "type": "?"}]}})
    assert "graph.nodes.0.type" in refused.value.fields
    assert _db.session.query(Journey).count() == 0
