"""The step-log pages: a journey's instances, one instance's steps, and re-driving from the page."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from html import escape, unescape

import pytest
from sqlalchemy import update

from app.auth.models import utcnow
from app.extensions import db as database
from app.journeys.models import Journey
from app.runner.models import Instance, InstanceStatus, Step, StepStatus
from tests.runner.helpers import action_node, graph, insert_instances, make_action, make_event_type, publish

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
    assert page.status_code == 200 and "HX-Request" in page.headers["Vary"]
    html = page.get_data(as_text=True)
    assert "ann@example.com" in html and "bob@example.com" in html and "<html" in html
    assert "data-search" in html and "every 3s" not in html and 'hx-push-url="true"' in html

    failed = marketer.get(f"/journeys/{journey_id}/instances?status=failed", htmx=True)
    body = failed.get_data(as_text=True)
    assert failed.status_code == 200 and "<html" not in body
    assert "bob@example.com" in body and "ann@example.com" not in body

    by_profile = marketer.get(f"/journeys/{journey_id}/instances?profile=ann@example.com", htmx=True)
    assert "ann@example.com" in by_profile.get_data(as_text=True)
    assert "bob@example.com" not in by_profile.get_data(as_text=True)


def listed_ids(html: str) -> list[int]:
    return [int(number) for number in re.findall(r'<tr id="instance-(\d+)"', html)]


def pager_link(html: str, rel: str) -> str | None:
    """The href of the page's "Older" (next) or "Newer" (prev) link."""
    match = re.search(rf'<a href="([^"]+)" rel="{rel}"', html)
    return unescape(match.group(1)) if match else None


def test_filters_each_alone_and_combined_on_the_page(signed_in, journey_id):
    now = utcnow()
    ann_old, ann_new, bob_old, bob_new = insert_instances(
        journey_id,
        {"profile_id": "ann", "status": InstanceStatus.COMPLETED, "created_at": now - timedelta(hours=2)},
        {"profile_id": "ann", "status": InstanceStatus.FAILED, "created_at": now - timedelta(minutes=10)},
        {"profile_id": "bob", "status": InstanceStatus.FAILED, "created_at": now - timedelta(days=3)},
        {"profile_id": "bob", "status": InstanceStatus.RUNNING, "created_at": now - timedelta(seconds=30)},
    )
    marketer = signed_in("marketer")
    day_ago = (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")

    def shown(query: str) -> list[int]:
        answer = marketer.get(f"/journeys/{journey_id}/instances?{query}", htmx=True)
        assert answer.status_code == 200
        return listed_ids(answer.get_data(as_text=True))

    assert shown("") == [bob_new, bob_old, ann_new, ann_old]
    assert shown("status=failed") == [bob_old, ann_new]
    assert shown("profile=bob") == [bob_new, bob_old]
    assert shown("within=1h") == [bob_new, ann_new]
    assert shown(f"from={day_ago}") == [bob_new, ann_new, ann_old]
    assert shown(f"to={day_ago}") == [bob_old]
    assert shown("status=failed&profile=ann&within=24h") == [ann_new]
    assert shown(f"status=&profile=+bob+&within=&from={day_ago}&to=") == [bob_new]  # a form's blanks
    assert shown("status=stopped") == []


def test_counts_per_status_for_the_current_filters(signed_in, journey_id):
    insert_instances(
        journey_id,
        *({"status": InstanceStatus.FAILED, "profile_id": "ann"} for _ in range(3)),
        {"status": InstanceStatus.COMPLETED, "profile_id": "bob"},
    )
    marketer = signed_in("marketer")
    html = marketer.get(f"/journeys/{journey_id}/instances?status=completed").get_data(as_text=True)
    assert re.search(r'data-status="failed">failed\s*<strong>3</strong>', html)
    assert re.search(r'data-status="completed">completed\s*<strong>1</strong>', html)
    html = marketer.get(f"/journeys/{journey_id}/instances?profile=bob", htmx=True).get_data(as_text=True)
    assert re.search(r'data-status="failed">failed\s*<strong>0</strong>', html)


def test_pages_keep_the_filters_and_walk_every_instance_once(signed_in, journey_id):
    statuses = [InstanceStatus.FAILED, InstanceStatus.COMPLETED]
    ids = insert_instances(journey_id, *({"status": statuses[n % 2]} for n in range(230)))
    failed = sorted(ids[::2], reverse=True)
    marketer = signed_in("marketer")
    url, seen, pages = f"/journeys/{journey_id}/instances?status=failed", [], []
    while url:
        html = marketer.get(url, htmx=True).get_data(as_text=True)
        pages.append(listed_ids(html))
        seen += pages[-1]
        insert_instances(journey_id, {"status": InstanceStatus.FAILED})  # new arrivals do not shift pages
        url = pager_link(html, "next")
        if url:
            assert "status=failed" in url and "cursor=" in url
            assert f'hx-get="{escape(url)}" hx-target="#instances" hx-push-url="true"' in html
    assert [len(page) for page in pages] == [50, 50, 15]
    assert seen == failed

    older = marketer.get(f"/journeys/{journey_id}/instances?status=failed&cursor={pages[0][-1]}").get_data(
        as_text=True
    )
    assert "<html" in older and listed_ids(older) == pages[1]  # a pushed URL loads as a whole page
    newer = pager_link(older, "prev")
    assert "status=failed" in newer and "newer_than=" in newer
    assert listed_ids(marketer.get(newer, htmx=True).get_data(as_text=True)) == pages[0]


def test_bad_filters_are_named_inline(signed_in, journey_id):
    add_instance(journey_id, "ann@example.com", InstanceStatus.COMPLETED, node_id=None)
    marketer = signed_in("marketer")
    for query, message in (
        ("from=yesterday", "From: Not a valid date and time (YYYY-MM-DDTHH:MM, UTC unless"),
        ("to=2025-02-30T10:00", "To: Not a valid date and time"),
        ("from=2025-03-02T10:00&to=2025-03-01T10:00", "To: Must be later than from."),
        ("status=nope", "Status: Must be one of"),
        ("within=2h", "Created: Must be one of: 1h, 24h, 7d."),
        ("cursor=abc", "Page: Not a valid integer."),
    ):
        answer = marketer.get(f"/journeys/{journey_id}/instances?{query}", htmx=True)
        body = answer.get_data(as_text=True)
        assert answer.status_code == 200 and 'id="filter-errors"' in body, query
        assert message in body, (query, body)
        assert "ann@example.com" not in body and "No instances yet" not in body
    page = marketer.get(f"/journeys/{journey_id}/instances?from=yesterday&status=failed")
    page = page.get_data(as_text=True)
    assert 'name="from" id="filter-from" aria-invalid="true" value="yesterday"' in page
    assert '<option value="failed" selected>' in page


def test_an_api_style_time_shows_in_the_form_as_utc(signed_in, journey_id):
    html = signed_in("marketer").get(
        f"/journeys/{journey_id}/instances?from=2025-03-01T12:30%2B02:00"
    ).get_data(as_text=True)
    assert 'name="from" id="filter-from" value="2025-03-01T10:30"' in html


def test_back_to_a_pushed_url_restores_the_whole_page(signed_in, journey_id):
    """htmx asks again for a pushed URL it has no copy of, with `HX-Request`, and swaps the
    answer in as the page: it must be the page, not the partial."""
    answer = signed_in("marketer").client.get(
        f"/journeys/{journey_id}/instances?status=failed",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    html = answer.get_data(as_text=True)
    assert "<html" in html and 'class="instance-filters"' in html
    assert '<option value="failed" selected>' in html


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
    """Every instance here has a failed step (one that took its error port, unless the instance
    failed): only a failed instance offers the retry and names where it failed."""
    marketer = signed_in("marketer")
    for status in InstanceStatus:
        instance = add_instance(journey_id, f"{status.value}@example.com", status)
        add_failed_step(instance)
        html = marketer.get(f"/instances/{instance.id}").get_data(as_text=True)
        assert 'class="step step-failed"' in html
        shown = 'id="retry"' in html and "Retry from the failed step" in html
        assert shown == (status == InstanceStatus.FAILED), status
        assert ("Failed at" in html) == (status == InstanceStatus.FAILED), status


def test_instance_timeline_shows_each_step_and_makes_the_failure_stand_out(signed_in, db, redis_client):
    make_event_type()
    make_action("http://127.0.0.1:9/hook")
    journey_id = publish(graph(
        [{**action_node("a1"), "label": "Send welcome"}, {"id": "w", "type": "wait", "seconds": 60},
         action_node("a2")],
        [("n0", "a1"), ("a1", "w"), ("w", "a2")],
    ))
    instance = add_instance(journey_id, "bob@example.com", InstanceStatus.FAILED, node_id="a2")
    start = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    database.session.add_all([
        Step(instance_id=instance.id, node_id="a1", node_type="action", status=StepStatus.SUCCEEDED,
             attempts=1, started_at=start, finished_at=start + timedelta(milliseconds=120),
             duration_ms=120.4, response_status=200, response_excerpt='{"ok": true}', port="ok",
             request={"method": "POST", "url": "https://api.example.com/send?key=••••",
                      "headers": {"Authorization": "••••", "X-Trace": "<b>trace</b>"},
                      "body": {"to": "bob@example.com"}}),
        Step(instance_id=instance.id, node_id="w", node_type="wait", status=StepStatus.SUCCEEDED,
             started_at=start + timedelta(seconds=1), finished_at=start + timedelta(seconds=61), port="next"),
        Step(instance_id=instance.id, node_id="a2", node_type="action", status=StepStatus.FAILED,
             attempts=3, started_at=start + timedelta(seconds=61), finished_at=start + timedelta(seconds=75),
             duration_ms=2500, response_status=500, response_excerpt=HOSTILE_BODY, error="http_500",
             port="error", request={"method": "POST", "url": "http://127.0.0.1:9/hook", "headers": {},
                                    "body": "plain <text>"}),
    ])
    database.session.commit()
    html = signed_in("marketer").get(f"/instances/{instance.id}").get_data(as_text=True)

    items = re.findall(r'<li class="step step-(\w+)" id="step-(\w+)">', html)
    assert items == [("succeeded", "a1"), ("succeeded", "w"), ("failed", "a2")]
    first, wait, failed = (html[html.index(f'id="step-{node}"'):] for node in ("a1", "w", "a2"))
    first, wait = first[:first.index("</li>")], wait[:wait.index("</li>")]
    assert "Send welcome" in first and "action" in first and "left by <code>ok</code>" in first
    assert "2025-03-01 12:00:00 UTC" in first and "120 ms" in first and "Attempts</dt><dd>1</dd>" in first
    assert "<code>POST https://api.example.com/send?key=••••</code>" in first
    assert "<th scope=\"row\">X-Trace</th><td><code>&lt;b&gt;trace&lt;/b&gt;</code>" in first
    assert "&#34;to&#34;: &#34;bob@example.com&#34;" in first and '{"ok": true}' not in first
    assert "<details class=\"step-request\">" in first  # a step that went well stays folded
    assert "wait" in wait and "1 min" in wait and "Attempts" not in wait and "<details" not in wait
    assert "2.5 s" in failed and "Attempts</dt><dd>3</dd>" in failed
    assert "Error: <code>http_500</code>" in failed
    assert '<details class="step-request" open>' in failed
    assert '<details class="step-response" open>' in failed
    assert "plain &lt;text&gt;" in failed
    assert 'Failed at <a href="#step-a2">' in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in html


def test_a_live_instance_polls_and_is_left_alone_while_nothing_changes(signed_in, journey_id):
    instance = add_instance(journey_id, "ann@example.com", InstanceStatus.RUNNING)
    step = add_failed_step(instance)
    database.session.execute(update(Step).where(Step.id == step.id).values(status=StepStatus.RETRYING))
    database.session.commit()
    marketer = signed_in("marketer")
    html = marketer.get(f"/instances/{instance.id}").get_data(as_text=True)
    poll = unescape(re.search(r'hx-get="([^"]+seen=[^"]+)" hx-trigger="every 3s"', html).group(1))
    assert marketer.get(poll, htmx=True).status_code == 204

    database.session.execute(update(Step).where(Step.id == step.id).values(attempts=4))
    database.session.commit()
    changed = marketer.get(poll, htmx=True)
    assert changed.status_code == 200 and "Attempts</dt><dd>4</dd>" in changed.get_data(as_text=True)
    assert marketer.get(poll).status_code == 200  # a page load always renders

    database.session.execute(
        update(Instance).where(Instance.id == instance.id).values(status=InstanceStatus.COMPLETED)
    )
    database.session.commit()
    finished = marketer.get(poll, htmx=True).get_data(as_text=True)
    assert "every 3s" not in finished  # the poll stops with the instance


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
