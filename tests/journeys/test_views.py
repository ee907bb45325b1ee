"""The journey builder's pages: list, create, canvas page, lifecycle buttons, panes and checks."""

from __future__ import annotations

import json
import re

import pytest
from markupsafe import escape

from app.actions import service as actions_service
from app.actions.builtins import UNCONFIGURED_REASON
from app.events import service as events_service
from app.journeys import service
from app.journeys.models import JourneyStatus, Reentry

ROLES = ["marketer", "technical", "admin"]

SIGNUP = {
    "key": "signup",
    "name": "Signup",
    "profile_id_field": "email",
    "fields": [
        {"name": "email", "type": "string", "required": True},
        {"name": "amount", "type": "number"},
    ],
    "sample": {"email": "ada@example.com", "amount": 120},
}

SEND_WELCOME = {
    "key": "send-welcome",
    "name": "Send welcome email",
    "channel": "custom",
    "method": "POST",
    "url": "https://api.example.com/v3/send",
    "dynamic_path": True,
    "query": [{"name": "region", "value": "eu"}, {"name": "ts", "variable": True, "type": "string"}],
    "headers": [
        {"name": "X-Api-Version", "value": "2"},
        {"name": "X-Secret", "value": "s3cret-value", "secret": True},
        {"name": "X-Trace", "variable": True, "type": "string"},
    ],
    "auth": {"type": "none"},
    "parameters": [
        {"name": "email", "type": "string", "required": True},
        {"name": "amount", "type": "number", "required": False},
    ],
    "body": {"to": "{{email}}", "amount": "{{amount}}"},
    "response_sample": {"messageId": "abc", "queued": True},
    "timeout_ms": 10000,
    "retries": 3,
    "rate_limit": None,
}


@pytest.fixture
def catalog(app, db, monkeypatch):
    """The signup event type, one custom action and the built-in (unconfigured) channel actions."""
    monkeypatch.setitem(app.config, "CAIRN_ALLOWED_HOSTS", "api.example.com")
    events_service.create_event_type(SIGNUP)
    actions_service.create_action(SEND_WELCOME)
    actions_service.ensure_builtin_actions()


def journey_with(graph: dict, name: str = "Welcome"):
    journey = service.create_journey(name, "Greets new users", "signup")
    service.save_draft(journey.id, graph)
    return service.get_journey(journey.id)


GRAPH = {
    "nodes": [
        {"id": "n1", "type": "event", "event": "signup", "position": {"x": 40, "y": 120}},
        {"id": "n2", "type": "action", "action": "send-welcome", "params": {"email": "event.email"}},
        {
            "id": "n3",
            "type": "condition",
            "branches": [{"port": "vip", "label": "VIP", "when": "event.amount > 100"}],
        },
        {"id": "n4", "type": "action", "action": "send-welcome", "params": {"amount": {"value": 10}}},
        {"id": "n5", "type": "wait", "seconds": 7200},
        {"id": "n6", "type": "end"},
    ],
    "edges": [
        {"from": "n1", "to": "n2"},
        {"from": "n2", "to": "n3"},
        {"from": "n3", "port": "vip", "to": "n4"},
        {"from": "n3", "port": "else", "to": "n6"},
        {"from": "n4", "to": "n5"},
        {"from": "n5", "to": "n6"},
    ],
}
COMPLETE_GRAPH = json.loads(json.dumps(GRAPH))
COMPLETE_GRAPH["nodes"][3]["params"]["email"] = "event.email"


def page_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="journey-data">(.*?)</script>', html, re.S)
    assert match, "the canvas page carries its data"
    return json.loads(match.group(1))


# ---- list, create, duplicate, delete ----------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_every_role_sees_the_list_and_the_canvas(signed_in, catalog, role):
    session = signed_in(role)
    journey = journey_with(GRAPH)
    listing = session.get("/journeys/")
    assert listing.status_code == 200
    html = listing.get_data(as_text=True)
    assert 'class="list-page"' in html and "data-search" in html
    assert "Welcome" in html and "status-draft" in html
    assert session.get(f"/journeys/{journey.id}").status_code == 200
    assert session.get("/journeys/new").status_code == 200


def test_anonymous_visitors_are_sent_to_the_login_page(browser, catalog):
    journey = journey_with(GRAPH)
    for url in ("/journeys/", "/journeys/new", f"/journeys/{journey.id}"):
        response = browser.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"]
    pane = browser.post(f"/journeys/{journey.id}/pane", {"node_id": "n2", "graph": json.dumps(GRAPH)})
    assert pane.status_code == 302 and "/login" in pane.headers["Location"]


def test_empty_list_says_what_to_do_next(signed_in):
    html = signed_in("marketer").get("/journeys/").get_data(as_text=True)
    assert 'class="empty"' in html and "Create your first journey" in html


def test_search_answers_the_list_partial(signed_in, catalog):
    session = signed_in("marketer")
    journey_with(GRAPH, "Welcome series")
    journey_with(GRAPH, "Win-back")
    found = session.get("/journeys/?q=welc", htmx=True).get_data(as_text=True)
    assert "<html" not in found and "Welcome series" in found and "Win-back" not in found
    nothing = session.get("/journeys/?q=zzz", htmx=True).get_data(as_text=True)
    assert "No journey matches" in nothing


def test_list_shows_live_version_and_editor(signed_in, catalog):
    session = signed_in("marketer")
    journey = journey_with(COMPLETE_GRAPH)
    service.publish(journey.id, session.user)
    html = session.get("/journeys/").get_data(as_text=True)
    assert "status-live" in html and "v1" in html and session.user.email in html


def test_create_opens_the_canvas_with_the_entry_event(signed_in, catalog):
    session = signed_in("marketer")
    form = {"name": "Onboarding", "description": "", "entry_event": "signup"}
    response = session.post("/journeys/new", form)
    assert response.status_code == 302
    journey_id = int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])
    journey = service.get_journey(journey_id)
    assert journey.name == "Onboarding" and journey.draft_graph["nodes"][0]["event"] == "signup"
    assert journey.editor.email == session.user.email


def test_create_shows_errors_inline(signed_in, catalog):
    response = signed_in("marketer").post("/journeys/new", {"name": " ", "entry_event": "nope"})
    assert response.status_code == 422
    assert "Name is required" in response.get_data(as_text=True)
    assert service.list_journeys() == []


def test_duplicate_opens_the_copy(signed_in, catalog):
    session = signed_in("marketer")
    journey = journey_with(GRAPH)
    response = session.post(f"/journeys/{journey.id}/duplicate")
    copy = next(j for j in service.list_journeys() if j.id != journey.id)
    assert response.headers["Location"].endswith(f"/journeys/{copy.id}")
    assert copy.name == "Copy of Welcome"
    assert service.get_journey(copy.id).draft_graph["nodes"] == GRAPH["nodes"]


def test_delete_a_draft_from_the_list(signed_in, catalog):
    session = signed_in("marketer")
    journey = journey_with(GRAPH)
    html = session.post(f"/journeys/{journey.id}/delete", htmx=True).get_data(as_text=True)
    assert "<html" not in html and "No journeys yet" in html
    assert service.list_journeys() == []


def test_a_published_journey_cannot_be_deleted(signed_in, catalog):
    session = signed_in("marketer")
    journey = journey_with(COMPLETE_GRAPH)
    service.publish(journey.id)
    html = session.post(f"/journeys/{journey.id}/delete", htmx=True).get_data(as_text=True)
    assert "Only a journey that was never published can be deleted" in html
    assert len(service.list_journeys()) == 1


# ---- the canvas page -------------------------------------------------------------------------


def test_canvas_page_has_the_palette_graph_and_problems(signed_in, catalog):
    session = signed_in("marketer")
    journey = journey_with(GRAPH)
    html = session.get(f"/journeys/{journey.id}").get_data(as_text=True)
    assert 'data-palette-group="events"' in html and 'data-event-key="signup"' in html
    for kind in ("condition", "wait", "end"):
        assert f'data-node-type="{kind}"' in html
    assert re.search(r'data-action-key="send-welcome"\s+title=', html)
    disabled = re.search(r'<div class="palette-item disabled"[^>]*data-action-key="send-sms"[^>]*>', html)
    assert disabled and "data-disabled" in disabled.group(0)
    assert escape(UNCONFIGURED_REASON) in html
    data = page_data(html)
    assert data["graph"] == GRAPH and data["read_only"] is False
    assert any(p["node_id"] == "n4" and "email" in p["message"] for p in data["problems"])
    assert data["urls"]["save"] == f"/api/v1/journeys/{journey.id}/graph"
    assert data["names"]["actions"]["send-welcome"] == "Send welcome email"
    assert "ada@example.com" in html  # the test panel's sample event


def test_unknown_journey_is_404(signed_in):
    assert signed_in("marketer").get("/journeys/999").status_code == 404


def test_publish_refused_lists_the_problems(signed_in, catalog):
    session = signed_in("marketer")
    journey = journey_with(GRAPH)
    response = session.post(f"/journeys/{journey.id}/publish", follow_redirects=True)
    assert "Not published" in response.get_data(as_text=True)
    assert service.get_journey(journey.id).status == JourneyStatus.DRAFT


def test_lifecycle_publish_new_version_close_stop(signed_in, catalog):
    session = signed_in("marketer")
    journey = journey_with(COMPLETE_GRAPH)
    html = session.post(f"/journeys/{journey.id}/publish", follow_redirects=True).get_data(as_text=True)
    assert "Published version 1" in html and "Create new version" in html
    assert page_data(html)["read_only"] is True and "Close to new entries" in html

    html = session.post(f"/journeys/{journey.id}/new-version", follow_redirects=True).get_data(as_text=True)
    assert "A new draft version is open" in html and page_data(html)["read_only"] is False
    session.post(f"/journeys/{journey.id}/publish")
    versions = session.get(f"/journeys/{journey.id}").get_data(as_text=True)
    assert "Version 2" in versions and "Version 1" in versions

    session.post(f"/journeys/{journey.id}/close")
    assert service.get_journey(journey.id).status == JourneyStatus.CLOSED
    session.post(f"/journeys/{journey.id}/stop")
    assert service.get_journey(journey.id).status == JourneyStatus.STOPPED
    refused = session.post(f"/journeys/{journey.id}/close", follow_redirects=True).get_data(as_text=True)
    assert "Only a live journey can be closed" in refused


def test_settings_change_reentry(signed_in, catalog):
    session = signed_in("marketer")
    journey = journey_with(GRAPH)
    form = {"reentry": "after_wait", "reentry_wait_amount": "2", "reentry_wait_unit": "days"}
    response = session.post(f"/journeys/{journey.id}/settings", form, htmx=True)
    assert response.status_code == 200 and "Settings saved" in response.get_data(as_text=True)
    saved = service.get_journey(journey.id)
    assert saved.reentry == Reentry.AFTER_WAIT and saved.reentry_wait_seconds == 2 * 86400
    bad = session.post(f"/journeys/{journey.id}/settings", {**form, "reentry_wait_amount": "0"}, htmx=True)
    assert bad.status_code == 422 and "positive" in bad.get_data(as_text=True)


# ---- configuration panes ---------------------------------------------------------------------


def pane(session, journey, node_id, graph=GRAPH):
    response = session.post(
        f"/journeys/{journey.id}/pane", {"node_id": node_id, "graph": json.dumps(graph)}, htmx=True
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_data(as_text=True)


def test_action_pane_rows_picker_and_read_only_constants(signed_in, catalog):
    session = signed_in("marketer")
    journey = journey_with(GRAPH)
    html = pane(session, journey, "n4")
    for group, name in (("params", "email"), ("params", "amount"), ("headers", "X-Trace"), ("query", "ts")):
        assert f'data-group="{group}" data-name="{name}"' in html
    assert 'data-group="path"' in html
    assert 'data-name="X-Api-Version"' not in html and "X-Api-Version: 2" in html
    assert "s3cret-value" not in html and "X-Secret: ••••" in html
    assert 'value="10"' in html  # the constant amount
    picker = re.findall(r'<option value="([^"]+)">', html)
    assert "event.email" in picker and "event.amount" in picker
    assert "nodes.n2.response.messageId" in picker  # n2 runs before n4
    assert not any(path.startswith("nodes.n4") for path in picker)
    scope = json.loads(re.search(r"id=\"pane-scope\" value='([^']*)'", html).group(1))
    assert scope["event"] == {"email": "string", "amount": "number"}


def test_condition_wait_event_and_end_panes(signed_in, catalog):
    session = signed_in("marketer")
    journey = journey_with(GRAPH)
    condition = pane(session, journey, "n3")
    assert 'data-port="vip"' in condition and 'value="event.amount &gt; 100"' in condition
    assert "data-rule-field" in condition and "else" in condition
    wait = pane(session, journey, "n5")
    assert 'value="2"' in wait and re.search(r'<option value="3600"\s+selected', wait)
    event = pane(session, journey, "n1")
    assert "event.email" in event and "event.amount" in event
    assert "Nothing to configure" in pane(session, journey, "n6")


def test_pane_of_a_live_journey_is_read_only(signed_in, catalog):
    session = signed_in("marketer")
    journey = journey_with(COMPLETE_GRAPH)
    service.publish(journey.id)
    html = pane(session, journey, "n2", COMPLETE_GRAPH)
    assert re.search(r'<input type="text" class="expr"[^>]*disabled', html)


def test_pane_needs_the_graph_and_a_node_of_it(signed_in, catalog):
    session = signed_in("marketer")
    journey = journey_with(GRAPH)
    response = session.post(f"/journeys/{journey.id}/pane", {"node_id": "n9", "graph": "{}"}, htmx=True)
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("expression", "expected", "answer"),
    [
        ("event.email", "string", "✓ compiles"),
        ("event.emial", "string", "did you mean &#39;email&#39;"),
        ("event.amount >", "boolean", "Syntax error"),
        ("event.amount", "string", "expected a string"),
        ("nodes.n2.response.messageId", "string", "✓ compiles"),
    ],
)
def test_expression_check_uses_the_scope(signed_in, catalog, expression, expected, answer):
    session = signed_in("marketer")
    scope = {"event": {"email": "string", "amount": "number"}, "nodes": {"n2": {"messageId": "string"}}}
    response = session.post(
        "/journeys/expressions/check",
        {"expression": expression, "scope": json.dumps(scope), "expected": expected},
        htmx=True,
    )
    assert response.status_code == 200 and answer in response.get_data(as_text=True)


def test_empty_expression_gets_no_answer(signed_in):
    response = signed_in("marketer").post("/journeys/expressions/check", {"expression": " "}, htmx=True)
    assert response.get_data(as_text=True).strip() == ""
