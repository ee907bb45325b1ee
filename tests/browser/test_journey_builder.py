"""The journey builder page against a live Cairn, driven as a marketer would in headless Chromium.

Log in, create a journey, drag an event, a condition and two actions from the palette, connect
them, map a parameter with the field picker (its problem disappears), undo and redo a move,
publish, reload and find the same graph.
"""

from __future__ import annotations

import pytest

from app.actions import service as actions_service
from app.events import service as events_service
from tests.factories import PASSWORD, make_user

expect = pytest.importorskip("playwright.sync_api").expect

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


def action_spec(key: str, name: str, parameters: list[dict]) -> dict:
    return {
        "key": key,
        "name": name,
        "channel": "custom",
        "method": "POST",
        "url": "https://api.example.com/v3/send",
        "headers": [],
        "query": [],
        "auth": {"type": "none"},
        "parameters": parameters,
        "body": {p["name"]: f"{{{{{p['name']}}}}}" for p in parameters},
        "response_sample": {"messageId": "abc"},
        "timeout_ms": 10000,
        "retries": 0,
        "rate_limit": None,
    }


@pytest.fixture
def marketer(app, db, monkeypatch):
    monkeypatch.setitem(app.config, "CAIRN_ALLOWED_HOSTS", "api.example.com")
    events_service.create_event_type(SIGNUP)
    email = {"name": "email", "type": "string", "required": True}
    actions_service.create_action(action_spec("send-welcome", "Send welcome email", [email]))
    actions_service.create_action(action_spec("notify-team", "Notify the team", []))
    return make_user("marketer")


def node(node_id: str) -> str:
    return f'#canvas [data-node-id="{node_id}"]'


def centre(page, selector: str) -> tuple[float, float]:
    box = page.locator(selector).bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def drag_mouse(page, start, end) -> None:
    page.mouse.move(*start)
    page.mouse.down()
    for step in range(1, 6):
        page.mouse.move(start[0] + (end[0] - start[0]) * step / 5, start[1] + (end[1] - start[1]) * step / 5)
    page.mouse.up()


def connect(page, source: str, port: str, target: str) -> None:
    drag_mouse(page, centre(page, f'{node(source)} [data-port="{port}"]'), centre(page, node(target)))


def graph_of(page) -> dict:
    return page.evaluate("journeyCanvas.getGraph()")


def saved(page) -> None:
    expect(page.locator("#save-state")).to_have_attribute("data-state", "saved", timeout=5000)


def test_a_marketer_builds_publishes_and_reopens_a_journey(page, live_server, marketer):
    page.goto(live_server + "/login")
    page.fill("input[name=email]", marketer.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(live_server + "/journeys/new")
    page.fill("input[name=name]", "Welcome series")
    page.click("text=Create and open the canvas")
    expect(page.locator("#save-state")).to_have_text("Saved")

    for item, x, y in (
        ('[data-event-key="signup"]', 110, 90),
        ('[data-node-type="condition"]', 110, 260),
        ('[data-action-key="send-welcome"]', 380, 90),
        ('[data-action-key="notify-team"]', 380, 300),
    ):
        page.drag_and_drop(f"#palette {item}", "#canvas", target_position={"x": x, "y": y})
    assert [n["type"] for n in graph_of(page)["nodes"]] == ["event", "condition", "action", "action"]

    # The condition gets a VIP branch from the rule builder; its new port appears on the node.
    page.click(node("n2"))
    page.click("#pane [data-add-branch]")
    page.fill("#pane [data-branch] [data-label]", "VIP")
    page.select_option("#pane [data-rule-field]", "event.amount")
    page.select_option("#pane [data-rule-op]", ">")
    page.fill("#pane [data-rule-value]", "100")
    page.click("#pane [data-rule-apply]")
    expect(page.locator("#pane [data-when]")).to_have_value("event.amount > 100")
    expect(page.locator("#pane .expr-check")).to_contain_text("compiles")
    expect(page.locator(f'{node("n2")} [data-port="b1"]')).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#side")).to_be_hidden()

    connect(page, "n1", "next", "n2")
    connect(page, "n2", "b1", "n3")
    connect(page, "n2", "else", "n4")
    assert graph_of(page)["edges"] == [
        {"from": "n1", "to": "n2"},
        {"from": "n2", "port": "b1", "to": "n3"},
        {"from": "n2", "port": "else", "to": "n4"},
    ]
    saved(page)
    problems = page.locator("#problem-list")
    expect(problems).to_contain_text("Map the required parameter 'email'")

    # Map the parameter with the field picker: the problem disappears after the autosave.
    page.click(node("n3"))
    picker = '#pane [data-mapping][data-name="email"] [data-picker]'
    page.select_option(picker, "event.email")
    expect(page.locator('#pane [data-mapping][data-name="email"] [data-input]')).to_have_value("event.email")
    expect(page.locator("#pane .expr-check")).to_contain_text("compiles")
    expect(problems).not_to_contain_text("'email'")
    expect(page.locator("#problem-count")).to_have_text("0")
    assert graph_of(page)["nodes"][2]["params"] == {"email": "event.email"}

    # Move a node, undo, redo.
    before = graph_of(page)["nodes"][3]["position"]
    x, y = centre(page, node("n4"))
    drag_mouse(page, (x, y), (x + 40, y + 60))
    moved = graph_of(page)["nodes"][3]["position"]
    assert moved != before
    page.keyboard.press("Control+z")
    assert graph_of(page)["nodes"][3]["position"] == before
    page.keyboard.press("Control+Shift+z")
    assert graph_of(page)["nodes"][3]["position"] == moved
    saved(page)
    built = graph_of(page)

    page.click("#publish")
    expect(page.locator(".flash")).to_contain_text("Published version 1")
    expect(page.locator(".jb-title .status")).to_have_text("live")
    expect(page.locator("#new-version")).to_be_visible()
    page.reload()
    assert graph_of(page) == built
    expect(page.locator("#canvas.cc-readonly")).to_be_visible()


def test_a_rejected_save_keeps_the_local_graph(page, live_server, marketer):
    """A 422 (here: an unknown node type, as from a stale page) shows the error and loses nothing."""
    page.goto(live_server + "/login")
    page.fill("input[name=email]", marketer.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(live_server + "/journeys/new")
    page.fill("input[name=name]", "Broken")
    page.select_option("select[name=entry_event]", "signup")
    page.click("text=Create and open the canvas")
    expect(page.locator("#save-state")).to_have_text("Saved")
    page.wait_for_function("window.journeyCanvas !== undefined")
    page.evaluate("journeyCanvas.addNode({type: 'teleport'}, {x: 300, y: 100})")
    expect(page.locator("#save-state")).to_have_attribute("data-state", "error")
    expect(page.locator("#save-error")).to_contain_text("not saved")
    assert [n["type"] for n in graph_of(page)["nodes"]] == ["event", "teleport"]
    page.evaluate("journeyCanvas.undo()")
    saved(page)
