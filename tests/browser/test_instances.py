"""A journey's instance list and an instance's timeline in headless Chromium: the filters go into
the address (without their blanks), pages keep them, and back/forward walk through them with
the form showing what the list shows."""

from __future__ import annotations

import re

import pytest

from app.extensions import db as database
from app.runner.models import InstanceStatus, Step, StepStatus
from tests.factories import PASSWORD, make_user
from tests.runner.helpers import action_node, graph, insert_instances, make_action, make_event_type, publish

expect = pytest.importorskip("playwright.sync_api").expect


@pytest.fixture
def journey_id(app, db, redis_client) -> int:
    make_event_type()
    make_action("http://127.0.0.1:9/hook")
    return publish(graph([action_node("a1")], [("n0", "a1")]))


def sign_in(page, live_server: str) -> None:
    user = make_user("marketer")
    page.goto(live_server + "/login")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def test_filters_and_pages_live_in_the_address_and_history(page, live_server, journey_id):
    statuses = [InstanceStatus.FAILED, InstanceStatus.COMPLETED]
    ids = insert_instances(
        journey_id, *({"status": statuses[n % 2], "profile_id": f"p{n % 4}"} for n in range(130))
    )
    rows = page.locator("#instances tbody tr")
    sign_in(page, live_server)
    base = f"{live_server}/journeys/{journey_id}/instances"
    page.goto(base)
    expect(rows).to_have_count(50)

    page.select_option("#filter-status", "failed")
    expect(page).to_have_url(f"{base}?status=failed")
    expect(rows).to_have_count(50)
    expect(page.locator("#instances tbody .status-completed")).to_have_count(0)

    page.click("text=Older →")
    expect(page).to_have_url(re.compile(r"\?cursor=\d+&status=failed$"))
    expect(rows).to_have_count(15)
    expect(page.locator(f"#instance-{ids[0]}")).to_be_visible()

    page.go_back()
    expect(page).to_have_url(f"{base}?status=failed")
    expect(rows).to_have_count(50)
    expect(page.locator("#filter-status")).to_have_value("failed")
    page.go_back()
    expect(page).to_have_url(base)
    expect(page.locator("#filter-status")).to_have_value("")
    expect(page.locator("#instances tbody .status-completed").first).to_be_visible()
    page.go_forward()
    expect(page.locator("#filter-status")).to_have_value("failed")
    expect(page.locator("#instances tbody .status-completed")).to_have_count(0)

    page.fill("#filter-profile", "p2")
    expect(page).to_have_url(f"{base}?status=failed&profile=p2")
    expect(rows).to_have_count(32)
    page.select_option("#filter-within", "1h")
    expect(page).to_have_url(f"{base}?status=failed&profile=p2&within=1h")
    expect(rows).to_have_count(32)
    page.reload()
    expect(page.locator("#filter-profile")).to_have_value("p2")
    expect(page.locator("#filter-within")).to_have_value("1h")


def test_timeline_opens_the_failed_step_and_retries_from_it(page, live_server, journey_id):
    (instance_id,) = insert_instances(journey_id, {"status": InstanceStatus.FAILED, "node_id": "a1"})
    database.session.add(Step(
        instance_id=instance_id, node_id="a1", node_type="action", status=StepStatus.FAILED, attempts=3,
        response_status=500, response_excerpt="<script>window.owned = true</script>", error="http_500",
        request={"method": "POST", "url": "http://127.0.0.1:9/hook", "headers": {}, "body": {"a": 1}},
    ))
    database.session.commit()
    sign_in(page, live_server)
    page.goto(f"{live_server}/instances/{instance_id}")
    step = page.locator("#step-a1")
    expect(step).to_have_class(re.compile("step-failed"))
    expect(step.locator(".step-response pre")).to_have_text("<script>window.owned = true</script>")
    assert page.evaluate("window.owned") is None
    step.locator(".step-request summary").click()
    expect(step.locator(".step-request pre")).to_be_hidden()

    page.click("#retry")
    expect(page.locator(".instance-facts .status-running")).to_be_visible()
    expect(page.locator("#retry")).to_have_count(0)
