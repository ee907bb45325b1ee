"""The journey canvas widget (static/js/canvas.js) used as a marketer would, in headless Chromium.

The harness page mounts the widget with no server behind it; each test drives it with the mouse
and keyboard and checks the graph the widget reports through getGraph() and onChange.
"""

from __future__ import annotations

import copy

import pytest

expect = pytest.importorskip("playwright.sync_api").expect

HARNESS = "/tests/browser/canvas_harness.html"
PALETTE_EVENT = '#palette [data-event-key="signup"]'
PALETTE_ACTION = '#palette [data-action-key="send-welcome"]'
PALETTE_DISABLED = '#palette [data-action-key="send-sms"]'
PALETTE_WAIT = '#palette [data-node-type="wait"]'
PALETTE_END = '#palette [data-node-type="end"]'

JOURNEY = {
    "nodes": [
        {"id": "n1", "type": "event", "event": "signup", "position": {"x": 40, "y": 120}},
        {
            "id": "n2",
            "type": "condition",
            "branches": [{"port": "vip", "label": "VIP", "when": "event.amount > 100"}],
            "position": {"x": 300, "y": 120},
        },
        {
            "id": "n3",
            "type": "action",
            "action": "send-welcome",
            "params": {"email": "event.email", "amount": {"value": 10}},
            "path": "event.id + '/messages'",
            "position": {"x": 560, "y": 40},
        },
        {"id": "n4", "type": "wait", "seconds": 3600, "position": {"x": 820, "y": 40}},
        {"id": "n5", "type": "end", "position": {"x": 820, "y": 260}},
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


def open_canvas(page, static_server, graph=None, **options):
    page.goto(static_server + HARNESS)
    page.evaluate("([g, o]) => mountCanvas(g, o)", [graph or {"nodes": [], "edges": []}, options])
    page.locator("#canvas").click(position={"x": 5, "y": 5})
    return page


def graph_of(page):
    return page.evaluate("widget.getGraph()")


def centre(page, selector):
    box = page.locator(selector).bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def drag_mouse(page, start, end):
    page.mouse.move(*start)
    page.mouse.down()
    for step in range(1, 6):
        page.mouse.move(
            start[0] + (end[0] - start[0]) * step / 5, start[1] + (end[1] - start[1]) * step / 5
        )
    page.mouse.up()


def node(selector_id):
    return f'#canvas [data-node-id="{selector_id}"]'


@pytest.fixture
def journey(page, static_server):
    return open_canvas(page, static_server, JOURNEY)


def test_graph_round_trips_unknown_fields(page, static_server):
    graph = copy.deepcopy(JOURNEY)
    graph["nodes"][2]["future_field"] = {"kept": [1, 2]}
    graph["edges"][0]["note"] = "kept too"
    graph["settings"] = {"reentry": "never"}
    open_canvas(page, static_server, graph)

    assert graph_of(page) == graph
    assert page.locator(".jtk-connector").count() == len(graph["edges"])


def test_dragging_palette_items_creates_nodes(page, static_server):
    open_canvas(page, static_server)
    canvas = page.locator("#canvas")
    page.drag_and_drop(PALETTE_EVENT, "#canvas", target_position={"x": 200, "y": 200})
    page.drag_and_drop(PALETTE_ACTION, "#canvas", target_position={"x": 500, "y": 200})
    page.drag_and_drop(PALETTE_DISABLED, "#canvas", target_position={"x": 500, "y": 400})

    nodes = graph_of(page)["nodes"]
    assert [(n["id"], n["type"]) for n in nodes] == [("n1", "event"), ("n2", "action")]
    assert nodes[0]["event"] == "signup"
    assert nodes[1]["action"] == "send-welcome"
    assert nodes[1]["position"]["x"] > nodes[0]["position"]["x"] + 200
    assert canvas.locator(".cc-node").count() == 2
    assert page.evaluate("changes.length") == 2


def test_connecting_a_port_to_a_node_adds_an_edge(page, static_server):
    graph = {"nodes": copy.deepcopy(JOURNEY["nodes"][2:]), "edges": []}
    open_canvas(page, static_server, graph)

    drag_mouse(page, centre(page, node("n3") + ' [data-port="ok"]'), centre(page, node("n4")))
    drag_mouse(page, centre(page, node("n3") + ' [data-port="error"]'), centre(page, node("n5")))

    assert graph_of(page)["edges"] == [
        {"from": "n3", "to": "n4"},
        {"from": "n3", "port": "error", "to": "n5"},
    ]
    expect(page.locator(".jtk-connector")).to_have_count(2)
    assert page.evaluate("changes.length") == 2


def test_moving_a_node_then_undo_and_redo(journey):
    page = journey
    x, y = centre(journey, node("n5"))
    drag_mouse(page, (x, y), (x + 100, y + 60))
    moved = graph_of(page)["nodes"][4]["position"]
    zoom = page.evaluate("new DOMMatrix(getComputedStyle(document.querySelector('.cc-world')).transform).a")
    assert moved == {"x": round(820 + 100 / zoom), "y": round(260 + 60 / zoom)}
    assert page.evaluate("changes.length") == 1

    page.keyboard.press("Control+z")
    assert graph_of(page) == JOURNEY
    page.keyboard.press("Control+Shift+z")
    assert graph_of(page)["nodes"][4]["position"] == moved
    page.keyboard.press("Control+z")
    page.keyboard.press("Control+y")
    assert graph_of(page)["nodes"][4]["position"] == moved
    assert page.evaluate("changes.length") == 5


def test_delete_removes_the_selected_node_and_its_edges(journey):
    page = journey
    page.click(node("n4"))
    page.fill("#palette-search", "x")
    page.keyboard.press("Backspace")
    assert len(graph_of(page)["nodes"]) == 5

    page.click(node("n4"))
    page.keyboard.press("Delete")
    graph = graph_of(page)
    assert [n["id"] for n in graph["nodes"]] == ["n1", "n2", "n3", "n5"]
    assert all("n4" not in (e["from"], e["to"]) for e in graph["edges"])
    assert page.locator(node("n4")).count() == 0
    assert page.locator(".jtk-connector").count() == 4


def test_copy_paste_between_journeys_gives_new_ids(journey):
    page = journey
    page.click(node("n3"))
    page.click(node("n4"), modifiers=["Shift"])
    page.keyboard.press("Control+c")

    page.evaluate("mountCanvas({nodes: [{id: 'n1', type: 'end', position: {x: 40, y: 40}}], edges: []})")
    page.locator("#canvas").click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+v")

    graph = graph_of(page)
    assert [n["id"] for n in graph["nodes"]] == ["n1", "n2", "n3"]
    assert graph["nodes"][1]["action"] == "send-welcome"
    assert graph["nodes"][1]["params"] == JOURNEY["nodes"][2]["params"]
    assert graph["nodes"][1]["position"] == {"x": 600, "y": 80}
    assert graph["edges"] == [{"from": "n2", "to": "n3"}]
    assert sorted(page.evaluate("widget.getSelection()")) == ["n2", "n3"]


def test_tidy_lays_out_left_to_right_in_one_undo_step(journey):
    page = journey
    page.click("#canvas [data-cc=tidy]")
    positions = {n["id"]: n["position"] for n in graph_of(page)["nodes"]}
    for edge in JOURNEY["edges"]:
        assert positions[edge["from"]]["x"] < positions[edge["to"]]["x"]
    page.keyboard.press("Control+z")
    assert graph_of(page) == JOURNEY


def test_keyboard_moves_selection_and_nodes(journey):
    page = journey
    page.keyboard.press("ArrowRight")
    assert page.evaluate("widget.getSelection()") == ["n1"]
    page.keyboard.press("ArrowRight")
    assert page.evaluate("widget.getSelection()") == ["n2"]
    page.keyboard.press("ArrowRight")
    assert page.evaluate("widget.getSelection()") == ["n3"]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("widget.getSelection()") == ["n2"]

    page.keyboard.press("Shift+ArrowDown")
    assert graph_of(page)["nodes"][1]["position"] == {"x": 300, "y": 140}
    page.keyboard.press("Enter")
    assert page.evaluate("opened.map(n => n.id)") == ["n2"]
    page.keyboard.press("Escape")
    assert page.evaluate("widget.getSelection()") == []
    assert page.evaluate("selected[selected.length - 1]") is None


def test_read_only_allows_selection_but_no_edits(page, static_server):
    open_canvas(page, static_server, JOURNEY, readOnly=True)
    x, y = centre(page, node("n5"))
    drag_mouse(page, (x, y), (x + 100, y + 60))
    page.click(node("n4"))
    page.keyboard.press("Delete")
    page.keyboard.press("Shift+ArrowDown")
    page.drag_and_drop(PALETTE_EVENT, "#canvas", target_position={"x": 300, "y": 500})

    assert graph_of(page) == JOURNEY
    assert page.evaluate("changes.length") == 0
    assert page.evaluate("widget.getSelection()") == ["n4"]
    assert page.locator("#canvas [data-cc=tidy]").count() == 0


def test_problems_show_as_badges_on_nodes(journey):
    page = journey
    page.evaluate(
        "widget.setProblems([{node_id: 'n3', message: 'Parameter email is not mapped'},"
        " {node_id: 'n3', message: 'Action is not configured'}, {node_id: null, message: 'x'}])"
    )
    badge = page.locator(node("n3") + " .cc-badge")
    assert badge.is_visible()
    assert badge.inner_text() == "2"
    assert badge.get_attribute("title") == "Parameter email is not mapped\nAction is not configured"
    assert not page.locator(node("n2") + " .cc-badge").is_visible()

    page.evaluate("widget.setProblems([])")
    assert not badge.is_visible()


def test_double_click_in_palette_appends_after_the_selected_node(journey):
    page = journey
    page.click(node("n3"))
    page.evaluate("widget.updateNode('n3', {params: {email: 'event.mail'}})")
    page.dblclick(PALETTE_END)

    graph = graph_of(page)
    assert graph["nodes"][2]["params"] == {"email": "event.mail"}
    assert graph["nodes"][-1]["id"] == "n6"
    assert graph["nodes"][-1]["type"] == "end"
    # n3's ok port is taken by n4 and error by n5, so the new node comes unconnected.
    assert graph["edges"] == JOURNEY["edges"]

    page.click(node("n6"))
    page.dblclick(PALETTE_WAIT)
    page.dblclick(PALETTE_END)
    graph = graph_of(page)
    assert [(n["id"], n["type"]) for n in graph["nodes"][-2:]] == [("n7", "wait"), ("n8", "end")]
    assert graph["nodes"][-2]["seconds"] == 3600
    assert graph["edges"][len(JOURNEY["edges"]) :] == [{"from": "n7", "to": "n8"}]
    assert page.evaluate("widget.getSelection()") == ["n8"]


def test_updating_a_condition_adds_its_port_and_keeps_edges(journey):
    page = journey
    branches = JOURNEY["nodes"][1]["branches"] + [{"port": "new", "label": "New", "when": "true"}]
    page.evaluate("b => widget.updateNode('n2', {branches: b})", branches)
    assert page.locator(node("n2") + " .cc-port").count() == 3
    assert page.locator(".jtk-connector").count() == len(JOURNEY["edges"])
    drag_mouse(page, centre(page, node("n2") + ' [data-port="new"]'), centre(page, node("n4")))
    assert graph_of(page)["edges"][-1] == {"from": "n2", "port": "new", "to": "n4"}


def test_rubber_band_selects_nodes_and_highlight_marks_a_path(journey):
    page = journey
    box = page.locator("#canvas").bounding_box()
    page.keyboard.down("Shift")
    drag_mouse(page, (box["x"] + 10, box["y"] + 10), (box["x"] + 520, box["y"] + 300))
    page.keyboard.up("Shift")
    assert sorted(page.evaluate("widget.getSelection()")) == ["n1", "n2"]

    page.evaluate("widget.highlightPath(['n1', 'n2', 'n5'])")
    assert page.locator("#canvas .cc-highlight").count() == 3
    assert page.locator(".jtk-connector.cc-edge-highlight").count() == 2


def test_filter_palette_hides_non_matching_items_and_groups(journey):
    page = journey
    page.fill("#palette-search", "send wel")
    visible = page.locator("#palette [data-node-type]:visible")
    assert visible.all_inner_texts() == ["Send welcome"]
    assert page.locator('[data-palette-group="events"]').is_hidden()
    page.fill("#palette-search", "")
    assert page.locator("#palette [data-node-type]:visible").count() == 6
