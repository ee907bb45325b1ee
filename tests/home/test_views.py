"""The home page: each role's sections, figures after a real run, empty states, query count."""

from __future__ import annotations

import re

import pytest
from rq import Worker
from rq.worker import WorkerStatus
from sqlalchemy import event

from app.actions import service as actions_service
from app.events import service as events_service
from app.extensions import db as database
from app.home import service as home_service
from app.home.views import format_milliseconds, format_percent, format_thousands
from app.journeys import service as journeys_service
from app.redis_store import get_redis
from app.runner.sink import Reply, SinkThread
from tests.conftest import Browser
from tests.factories import make_user
from tests.runner.helpers import (
    action_node,
    graph,
    make_action,
    make_event_type,
    private_urls_allowed,
    run_worker,
    signup_payload,
)

SECTIONS = {
    "journeys": 'id="home-journeys"',
    "actions": 'id="home-actions"',
    "events": 'id="home-events"',
    "workers": 'id="home-workers"',
}
SEEN_BY = {
    "marketer": {"journeys"},
    "technical": {"journeys", "actions", "events"},
    "admin": {"journeys", "actions", "events", "workers"},
}


def sign_in(app, user) -> Browser:
    browser = Browser(app.test_client())
    browser.login(user)
    return browser


def live_journey(name: str, action_key: str, user=None) -> int:
    """A live journey entered by `signup` that calls `action_key` once, created by `user`."""
    journey = journeys_service.create_journey(name, entry_event="signup", user=user)
    problems = journeys_service.save_draft(journey.id, graph([action_node("a1", action_key)], [("n0", "a1")]))
    assert not problems, problems
    journeys_service.update_settings(journey.id, {"reentry": "always"})
    journeys_service.publish(journey.id)
    return journey.id


def row(html: str, row_id: str) -> str:
    found = re.search(rf'<tr id="{row_id}">.*?</tr>', html, re.S)
    assert found, f"no row {row_id}"
    return found.group(0)


def figure(html: str, name: str) -> str:
    found = re.search(rf'data-figure="{name}">(.*?)</td>', html, re.S)
    assert found, f"no figure {name}"
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


@pytest.mark.parametrize("role", ["marketer", "technical", "admin"])
def test_each_role_sees_its_sections_and_not_the_others(app, db, redis_client, role):
    html = sign_in(app, make_user(role)).get("/").get_data(as_text=True)
    for section, marker in SECTIONS.items():
        assert (marker in html) == (section in SEEN_BY[role]), (role, section)
    assert ("Actions health" in html) == (role != "marketer")
    assert ('href="/operations"' in html) == (role != "marketer"), "the menu or the workers section"


def test_signed_out_visitors_go_to_the_login_page(app, db):
    response = app.test_client().get("/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_empty_states_say_what_to_do_next(app, db, redis_client):
    html = sign_in(app, make_user("admin")).get("/").get_data(as_text=True)
    assert "No journeys yet" in html and 'href="/journeys/new"' in html
    assert "No actions configured yet" in html and 'href="/actions/new"' in html
    assert "No event types defined yet" in html and 'href="/events/new"' in html
    assert "No worker is running" in html and "flask worker" in html
    assert html.count("<kbd>c</kbd>") >= 3, "the create shortcut is hinted"
    assert 'class="list-page"' in html, "the c shortcut works on the home page"


@pytest.fixture
def sink(app, db, redis_client):
    with private_urls_allowed(app), SinkThread() as running:
        make_event_type()
        yield running


def test_figures_after_a_real_ingest_and_worker_run(app, sink):
    marketer, colleague = make_user("marketer"), make_user("marketer")
    make_action(f"{sink.url}/hook", key="notify")
    make_action(f"{sink.url}/broken", key="broken", retries=0)
    sink.recorder.set_script("/broken", [Reply.json(400, {"error": "bad"})])
    mine = live_journey("Welcome", "notify", user=marketer)
    theirs = live_journey("Win-back", "broken", user=colleague)
    draft_of_theirs = journeys_service.create_journey("Colleague's draft", user=colleague).id
    events_service.ingest_events("signup", [signup_payload(index) for index in range(3)])
    events_service.ingest_event("signup", signup_payload(3))
    run_worker(app)

    html = sign_in(app, marketer).get("/").get_data(as_text=True)
    assert html.index(f'id="home-journey-{mine}"') < html.index(f'id="home-journey-{theirs}"'), "own first"
    assert f'id="home-journey-{draft_of_theirs}"' not in html, "others' drafts are not listed"
    own = row(html, f"home-journey-{mine}")
    assert figure(own, "entries") == "4" and figure(own, "errors") == "0" and "yours" in own
    assert f'href="/journeys/{mine}"' in own and f'href="/journeys/{mine}/instances"' in own
    other = row(html, f"home-journey-{theirs}")
    assert figure(other, "entries") == "4" and figure(other, "errors") == "4"
    assert f"by {colleague.email}" in other
    assert f'href="/journeys/{theirs}/instances?status=failed"' in other, "errors open the failed instances"

    html = sign_in(app, make_user("technical")).get("/").get_data(as_text=True)
    healthy = row(html, "home-action-notify")
    assert figure(healthy, "calls") == "4" and figure(healthy, "error-rate") == "0 %"
    assert figure(healthy, "p50").endswith(("ms", " s")) and figure(healthy, "p95").endswith(("ms", " s"))
    failing = row(html, "home-action-broken")
    assert figure(failing, "calls") == "4" and figure(failing, "error-rate") == "100 %"
    assert 'class="num bad"' in failing and 'href="/actions/broken"' in failing
    assert figure(row(html, "home-event-signup"), "today") == "4"


def test_actions_that_need_configuration_are_flagged_first(app, db, redis_client):
    make_action("https://api.example.com/hook", key="aaa_ready")
    actions_service.ensure_builtin_actions()
    html = sign_in(app, make_user("technical")).get("/").get_data(as_text=True)
    email = row(html, "home-action-send-email")
    assert "needs configuration" in email and 'href="/actions/send-email/edit"' in email
    ready = row(html, "home-action-aaa_ready")
    assert "needs configuration" not in ready and figure(ready, "calls") == "0"
    assert figure(ready, "error-rate") == "—" and figure(ready, "p95") == "—"
    assert html.index('id="home-action-send-email"') < html.index('id="home-action-aaa_ready"')


def test_admins_see_workers_alive_and_queue_depth(app, db, redis_client):
    connection = get_redis()
    busy = Worker(["runner"], connection=connection, name="home-busy")
    idle = Worker(["runner"], connection=connection, name="home-idle")
    gone = Worker(["runner"], connection=connection, name="home-gone")
    for worker, state in ((busy, WorkerStatus.BUSY), (idle, WorkerStatus.IDLE), (gone, WorkerStatus.IDLE)):
        worker.register_birth()
        worker.set_state(state)
    connection.expire(gone.key, 10)  # its heartbeat is overdue
    for _ in range(3):
        connection.rpush("rq:queue:runner", "job-that-waits")
    connection.sadd("rq:queues", "rq:queue:runner")
    try:
        html = sign_in(app, make_user("admin")).get("/", htmx=True).get_data(as_text=True)
    finally:
        for worker in (busy, idle, gone):
            worker.register_death()
    assert "<html" not in html, "htmx gets the figures partial"
    assert re.search(r"<strong>2</strong> workers alive:\s+1 busy, 1 idle", html)
    assert "1 worker missed" in html and "its heartbeat" in html
    assert figure(row(html, "home-queue-runner"), "queued") == "3"
    assert figure(row(html, "home-queue-default"), "queued") == "0"


def test_the_figures_partial_polls_itself(app, db, redis_client):
    browser = sign_in(app, make_user("marketer"))
    page = browser.get("/").get_data(as_text=True)
    assert "<html" in page and 'hx-trigger="every 10s"' in page and 'hx-target="#home-figures"' in page
    partial = browser.get("/", htmx=True).get_data(as_text=True)
    assert "<html" not in partial and 'id="home-journeys"' in partial


def statements_for_home(app, user) -> int:
    browser = sign_in(app, user)
    executed = []

    def count(*_args):
        executed.append(1)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        assert browser.get("/").status_code == 200
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    return len(executed)


def test_the_number_of_queries_does_not_grow_with_the_data(app, db, redis_client):
    admin = make_user("admin")
    make_event_type()
    make_action("https://api.example.com/hook", key="notify")
    live_journey("First", "notify", user=admin)
    few = statements_for_home(app, admin)
    shown = (home_service.JOURNEYS_SHOWN, home_service.ACTIONS_SHOWN, home_service.EVENT_TYPES_SHOWN)
    for index in range(max(shown) + 1):
        live_journey(f"Journey {index}", "notify", user=admin if index % 2 else None)
        make_action("https://api.example.com/hook", key=f"action_{index}")
        make_event_type(key=f"event-{index}", name=f"Event {index}")
    many = statements_for_home(app, admin)
    assert few == many <= 6, (few, many)  # the user, 2 for journeys, 2 for actions, 1 for events
    html = sign_in(app, admin).get("/").get_data(as_text=True)
    assert html.count('<tr id="home-journey-') == home_service.JOURNEYS_SHOWN
    assert "More journeys in the journeys list" in html
    assert html.count('<tr id="home-action-') == home_service.ACTIONS_SHOWN
    assert html.count('<tr id="home-event-') == home_service.EVENT_TYPES_SHOWN
    assert "More actions in the actions list" in html and "More event types in the list" in html


def test_numbers_read_well():
    assert format_thousands(1234567) == "1,234,567" and format_thousands(None) == "—"
    assert format_percent(0.021) == "2.1 %" and format_percent(0.5) == "50 %"
    assert format_percent(0) == "0 %" and format_percent(0.0004) == "< 0.1 %" and format_percent(None) == "—"
    assert format_milliseconds(85.4) == "85 ms" and format_milliseconds(3.25) == "3.2 ms"
    assert format_milliseconds(1234) == "1.2 s" and format_milliseconds(999.7) == "1.0 s"
