"""The step-log pages: a journey's instances, one instance's steps, and re-driving from the page."""

from __future__ import annotations

import pytest

from app.extensions import db as database
from app.journeys.models import Journey
from app.runner.models import Instance, InstanceStatus, Step, StepStatus
from tests.runner.helpers import action_node, graph, make_action, make_event_type, publish

HOSTILE_BODY = '<script>alert("owned")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def journey_id(db, redis_client) -> int:
    make_event_type()
    make_action("http://127.0.0.1:9/hook")
    return publish(graph([action_node("a1")], [("n0", "a1")]))


def add_instance(journey_id: int, profile: str, status: InstanceStatus, **fields) -> Instance:
    journey = database.session.get(Journey, journey_id)
    instance = Instance(
        journey_id=journey_id, version_id=journey.live_version_id, profile_id=profile,
        event_id=1, status=status, node_id=fields.pop("node_id", "a1"), outputs={}, **fields,
    )
    database.session.add(instance)
    database.session.commit()
    return instance


def add_failed_step(instance: Instance, excerpt: str = HOSTILE_BODY) -> Step:
    step = Step(
        instance_id=instance.id, node_id="a1", node_type="action", status=StepStatus.FAILED,
        attempts=3, duration_ms=12.5, response_status=422, response_excerpt=excerpt,
        error="http_422", port="error",
        request={"method": "POST", "url": "http://127.0.0.1:9/hook",
                 "headers": {"X-Secret": "••••"}, "body": {"to": "a@example.com"}},
    )
    database.session.add(step)
    database.session.commit()
    return step


def test_instances_list_renders_with_filter_and_htmx_partial(signed_in, journey_id):
    add_instance(journey_id, "ann@example.com", InstanceStatus.COMPLETED, node_id=None)
    add_instance(journey_id, "bob@example.com", InstanceStatus.FAILED, error="http_422")
    marketer = signed_in("marketer")
    page = marketer.get(f"/journeys/{journey_id}/instances")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "ann@example.com" in html and "bob@example.com" in html and "<html" in html
    assert "data-search" in html and "every 3s" not in html

    failed = marketer.get(f"/journeys/{journey_id}/instances?status=failed", htmx=True)
    body = failed.get_data(as_text=True)
    assert failed.status_code == 200 and "<html" not in body
    assert "bob@example.com" in body and "ann@example.com" not in body

    by_profile = marketer.get(f"/journeys/{journey_id}/instances?q=ann@example.com", htmx=True)
    assert "ann@example.com" in by_profile.get_data(as_text=True)
    assert "bob@example.com" not in by_profile.get_data(as_text=True)

    wrong = marketer.get(f"/journeys/{journey_id}/instances?status=nope", htmx=True)
    assert wrong.status_code == 200 and "Status must be one of" in wrong.get_data(as_text=True)


def test_list_polls_only_while_an_instance_is_active(signed_in, journey_id):
    add_instance(journey_id, "ann@example.com", InstanceStatus.WAITING)
    html = signed_in("marketer").get(f"/journeys/{journey_id}/instances").get_data(as_text=True)
    assert 'hx-trigger="every 3s"' in html


def test_empty_state_shows_the_curl_for_the_entry_event(signed_in, journey_id):
    html = signed_in("marketer").get(f"/journeys/{journey_id}/instances").get_data(as_text=True)
    assert "No instances yet" in html and "curl -X POST" in html and "/api/v1/events/signup" in html


def test_unknown_ids_are_404_and_signed_out_is_redirected(app, signed_in, journey_id):
    marketer = signed_in("marketer")
    assert marketer.get("/journeys/999999/instances").status_code == 404
    assert marketer.get("/instances/999999").status_code == 404
    assert marketer.post("/instances/999999/retry", htmx=True).status_code == 404
    assert app.test_client().get(f"/journeys/{journey_id}/instances").status_code in (302, 401)


def test_instance_page_shows_steps_escaped(signed_in, journey_id):
    instance = add_instance(journey_id, "bob@example.com", InstanceStatus.FAILED, error="http_422")
    add_failed_step(instance)
    marketer = signed_in("marketer")
    page = marketer.get(f"/instances/{instance.id}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "http_422" in html and "422" in html and "Retry from the failed step" in html
    assert "&#34;to&#34;: &#34;a@example.com&#34;" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in html
    partial = marketer.get(f"/instances/{instance.id}", htmx=True).get_data(as_text=True)
    assert "<html" not in partial and "&lt;img src=x onerror=alert(1)&gt;" in partial


def test_retry_button_only_for_failed_instances(signed_in, journey_id):
    instance = add_instance(journey_id, "ann@example.com", InstanceStatus.COMPLETED, node_id=None)
    html = signed_in("marketer").get(f"/instances/{instance.id}").get_data(as_text=True)
    assert "Retry from the failed step" not in html


def test_retry_redrives_a_failed_instance_and_shows_refusals_inline(signed_in, journey_id):
    instance = add_instance(journey_id, "bob@example.com", InstanceStatus.FAILED, error="http_422")
    add_failed_step(instance)
    marketer = signed_in("marketer")
    answer = marketer.post(f"/instances/{instance.id}/retry", htmx=True)
    assert answer.status_code == 200
    assert 'status-running">running' in answer.get_data(as_text=True)
    database.session.expire_all()
    retried = database.session.get(Instance, instance.id)
    assert retried.status == InstanceStatus.RUNNING and retried.node_id == "a1"

    refused = marketer.post(f"/instances/{instance.id}/retry", htmx=True)
    body = refused.get_data(as_text=True)
    assert refused.status_code == 200 and 'id="retry-error"' in body
    assert "Only a failed instance can be retried" in body


def test_retry_without_csrf_is_refused(signed_in, journey_id):
    instance = add_instance(journey_id, "bob@example.com", InstanceStatus.FAILED)
    add_failed_step(instance)
    answer = signed_in("marketer").client.post(
        f"/instances/{instance.id}/retry", headers={"HX-Request": "true"}
    )
    assert answer.status_code == 400
    database.session.expire_all()
    assert database.session.get(Instance, instance.id).status == InstanceStatus.FAILED


def test_canvas_and_list_link_to_instances(signed_in, journey_id):
    marketer = signed_in("marketer")
    href = f'href="/journeys/{journey_id}/instances"'
    assert href in marketer.get(f"/journeys/{journey_id}").get_data(as_text=True)
    assert href in marketer.get("/journeys/").get_data(as_text=True)
