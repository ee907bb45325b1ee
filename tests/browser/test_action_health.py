"""An action's health section in a real browser, against a live Cairn, a real worker and the sink:
the range switch swaps the section in place and keeps the range in the URL, the section refreshes
itself while calls happen, a hostile response body stays text, and the chart follows the theme."""

from __future__ import annotations

import re

import pytest

from app.events import service as events_service
from app.runner.sink import Reply, SinkThread
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

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def sink(app, db, redis_client):
    with private_urls_allowed(app), SinkThread() as running:
        make_event_type()
        make_action(f"{running.url}/hook", retries=0)
        publish(graph([action_node("a1"), {"id": "done", "type": "end"}], [("n0", "a1"), ("a1", "done")]))
        yield running


def fire(app, first: int, count: int) -> None:
    events_service.ingest_events("signup", [signup_payload(index) for index in range(first, first + count)])
    run_worker(app)


def chart_colours(page) -> dict:
    """The painted colours of the chart's parts (the p95 line is a dot while it has one point)."""
    return page.evaluate("""() => {
        const style = selector => getComputedStyle(document.querySelector(selector));
        const mark = document.querySelector('.chart-latency > *');
        const line = getComputedStyle(mark)[mark.tagName === 'circle' ? 'fill' : 'stroke'];
        return {text: style('.health-chart text').fill, ok: style('.health-chart .chart-ok').fill,
                error: style('.health-chart .chart-error').fill, line};
    }""")


def test_the_health_section_switches_range_refreshes_and_follows_the_theme(page, live_server, app, sink):
    sink.recorder.set_script("/hook", [Reply.json(500, {"error": HOSTILE})])
    fire(app, 0, 2)
    sink.recorder.set_script("/hook", [])
    fire(app, 2, 4)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    technical = make_user("technical")
    page.goto(live_server + "/login")
    page.fill("input[name=email]", technical.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server}/actions/notify")
    calls = page.locator("#health .health-figures div", has_text="Calls").locator("dd")
    expect(calls).to_have_text("6")
    expect(page.locator("#health-range-24h")).to_have_attribute("aria-current", "page")
    expect(page.locator("#health .failures tbody tr")).to_have_count(2)
    expect(page.locator("#health .failures .excerpt").first).to_contain_text(HOSTILE)
    page.evaluate("window.sameDocument = true")

    page.click("#health-range-1h")
    expect(page.locator("#health-range-1h")).to_have_attribute("aria-current", "page")
    expect(page).to_have_url(re.compile(r"/actions/notify\?range=1h$"))
    expect(page.locator("#health .chart-hit")).to_have_count(60)
    assert page.evaluate("window.sameDocument") is True  # swapped in place, not reloaded

    fire(app, 6, 3)
    expect(calls).to_have_text("9", timeout=15_000)  # the section polls every 10 s
    assert page.evaluate("window.sameDocument") is True
    expect(page.locator("#health-range-1h")).to_have_attribute("aria-current", "page")

    light = chart_colours(page)
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    dark = chart_colours(page)
    assert all(light.values()) and all(dark.values())
    assert light["text"] != dark["text"] and light["line"] != dark["line"]
    assert light["ok"] != light["error"] and dark["ok"] != dark["error"]
    assert dialogs == []
