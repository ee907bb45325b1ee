"""The live report on the canvas, against a live Cairn, a real worker and a local HTTP sink.

A marketer opens a live journey; events are fired through the ingest service and a real worker
(burst mode) runs them: the node badges and edge labels rise without the page reloading. The
time-range switch is kept in the URL, a hidden tab stops polling and a visible one refreshes at
once, and clicking a node lists its newest steps.
"""

from __future__ import annotations

import re

import pytest

from app.events import service as events_service
from app.runner.sink import SinkThread
from tests.factories import PASSWORD, make_user
from tests.runner.helpers import (
    action_node,
    graph,
    make_action,
    make_event_type,
    private_urls_allowed,
    publish,
    run_worker,
    signup_payload,
)

expect = pytest.importorskip("playwright.sync_api").expect

SET_HIDDEN = """hidden => {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}"""


@pytest.fixture
def journey_id(app, db, redis_client):
    """A live journey: signup -> an action calling the sink -> end."""
    with private_urls_allowed(app), SinkThread() as sink:
        make_event_type()
        make_action(f"{sink.url}/hook")
        flow = graph([action_node("a1"), {"id": "done", "type": "end"}], [("n0", "a1"), ("a1", "done")])
        for index, node in enumerate(flow["nodes"]):
            node["position"] = {"x": 40 + 300 * index, "y": 120}
        yield publish(flow)


def fire(app, first: int, count: int) -> None:
    """Ingest `count` signups and let a real worker run them to the end."""
    events_service.ingest_events("signup", [signup_payload(index) for index in range(first, first + count)])
    run_worker(app)


def figure(page, node_id: str, name: str):
    return page.locator(f'#canvas [data-node-id="{node_id}"] [data-figure="{name}"]')


def test_a_node_count_rises_on_the_canvas_while_events_are_fired(page, live_server, app, journey_id):
    marketer = make_user("marketer")
    page.goto(live_server + "/login")
    page.fill("input[name=email]", marketer.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server}/journeys/{journey_id}?range=1h")
    expect(page.locator("#canvas.cc-readonly")).to_be_visible()
    entered = figure(page, "a1", "entered")
    expect(entered).to_have_attribute("data-value", "0")
    expect(page.locator("#report-state")).to_contain_text("Version 1 (live)")
    page.evaluate("window.sameDocument = true")

    fire(app, 0, 2)
    expect(entered).to_have_attribute("data-value", "2", timeout=10_000)
    fire(app, 2, 3)
    expect(entered).to_have_attribute("data-value", "5", timeout=10_000)
    expect(entered).to_have_text("5 in")
    expect(figure(page, "a1", "succeeded")).to_have_text("5 ok")
    expect(figure(page, "a1", "error_rate")).to_have_text("0% errors")
    expect(figure(page, "a1", "p95_ms")).to_contain_text("p95")
    expect(figure(page, "n0", "entered")).to_have_attribute("data-value", "5")
    expect(figure(page, "done", "entered")).to_have_attribute("data-value", "5")
    expect(page.locator("#canvas .cc-edge-label")).to_have_text(["5", "5"])
    assert page.evaluate("window.sameDocument") is True  # counted without reloading

    page.check('#report-bar input[name="range"][value="publish"]')
    expect(page).to_have_url(re.compile(r"range=publish"))
    expect(entered).to_have_attribute("data-value", "5")

    # A hidden tab asks for nothing; showing it again refreshes at once.
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if "/report?" in request.url else None)
    page.evaluate(SET_HIDDEN, True)
    page.wait_for_timeout(500)  # a report already on its way may still land
    asked.clear()
    fire(app, 5, 1)
    page.wait_for_timeout(4_000)
    assert asked == []
    expect(entered).to_have_attribute("data-value", "5")
    page.evaluate(SET_HIDDEN, False)
    expect(entered).to_have_attribute("data-value", "6", timeout=2_000)
    assert asked and "range=publish" in asked[0]

    # Clicking a node lists its newest steps, each linking to its instance.
    page.click('#canvas [data-node-id="a1"] .cc-title')
    steps = page.locator("#pane .report-step-list li")
    expect(steps).to_have_count(6)
    expect(steps.first.locator("a")).to_have_attribute("href", re.compile(r"^/instances/\d+$"))
    expect(steps.first).to_contain_text("succeeded")
    expect(steps.first).to_contain_text("user5@example.com")
    fire(app, 6, 1)  # the open list follows the node's figures
    expect(steps).to_have_count(7, timeout=10_000)
    expect(steps.first).to_contain_text("user6@example.com")
    page.screenshot(path="/tmp/live-report.png")
