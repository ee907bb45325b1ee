"""An action's health after real worker runs against the sink: the figures equal what the step
rows say, the recent failures are this action's own, newest first; the page (range switch, htmx
partial, escaping, roles, empty state) and `/api/v1/actions/<key>/health`."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.actions import health
from app.auth.models import utcnow
from app.events import service as events_service
from app.extensions import db
from app.runner.models import Step, StepStatus
from app.runner.sink import Reply
from tests.factories import bearer, make_token
from tests.runner.helpers import (
    action_node,
    graph,
    make_action,
    publish,
    run_worker,
    signup_payload,
)

HOSTILE = "<script>alert('owned')</script>"
FLOW = graph(
    [action_node("a_crm", "crm"), action_node("a_notify"), {"id": "done", "type": "end"}],
    [("n0", "a_crm"), ("a_crm", "a_notify", "ok"), ("a_crm", "a_notify", "error"),
     ("a_notify", "done", "ok")],
)
"""Every instance calls `crm` (which refuses: a failure of another action), then `notify`."""


@pytest.fixture
def ran(app, sink):
    """Two failed `notify` steps answered with a hostile body (each tried twice), then three that
    succeed at their second attempt; every `crm` call fails with a 400."""
    make_action(f"{sink.url}/hook", retries=1)
    make_action(f"{sink.url}/crm", key="crm", retries=0)
    publish(FLOW)
    sink.recorder.set_script("/crm", [Reply.json(400, {"error": "crm says no"})])
    sink.recorder.set_script("/hook", [Reply.json(500, {"error": HOSTILE})])
    events_service.ingest_events("signup", [signup_payload(index) for index in range(2)])
    run_worker(app, until_idle=5)
    sink.recorder.set_script("/hook", [Reply.json(503), Reply.json(200)])
    events_service.ingest_events("signup", [signup_payload(index) for index in range(2, 5)])
    run_worker(app, until_idle=5)
    db.session.expire_all()
    return db.session.scalars(select(Step).where(Step.action_key == "notify")).all()


def failed_ids(action_key: str) -> list[int]:
    return sorted(
        db.session.scalars(
            select(Step.id).where(Step.action_key == action_key, Step.status == StepStatus.FAILED)
        ),
        reverse=True,
    )


# --- the service -------------------------------------------------------------------------------


def test_figures_match_the_step_rows_after_a_run(ran):
    steps = ran
    assert sorted(step.status for step in steps) == [StepStatus.FAILED] * 2 + [StepStatus.SUCCEEDED] * 3
    calls = sum(step.attempts for step in steps)
    errors = calls - sum(step.status == StepStatus.SUCCEEDED for step in steps)
    assert (calls, errors) == (10, 7)  # 2 x (500, 500) and 3 x (503, 200)
    found = health.action_health("notify", health.RANGES["1h"])
    assert (found.totals.calls, found.totals.call_errors) == (calls, errors)
    assert found.totals.error_rate == pytest.approx(0.7)
    assert found.totals.latency.count == calls and found.ever_called
    assert all(value is not None and value > 0 for value in found.percentiles.values())
    p50, p95, p99 = found.percentiles.values()
    assert p50 <= p95 <= p99
    # the series covers the same buckets as the totals: 60 minutes, the last one now
    assert len(found.series) == 60 and found.series[0][0] == found.start
    assert found.series[-1][0] == found.end.replace(second=0, microsecond=0)
    assert sum(figures.calls for _, figures in found.series) == calls
    assert sum(figures.call_errors for _, figures in found.series) == errors
    assert [len(health.action_health("notify", choice).series) for choice in health.RANGES.values()] == [
        60, 24, 168]
    assert health.action_health("notify", health.RANGES["7d"]).totals.calls == calls


def test_recent_failures_are_the_actions_own_newest_first(ran):
    failures = health.action_health("notify", health.RANGES["24h"]).failures
    assert [failure.step_id for failure in failures] == failed_ids("notify")
    assert len(failures) == 2 and failed_ids("crm")  # crm failed five times, none listed here
    by_step = {step.id: step for step in ran}
    for failure in failures:
        step = by_step[failure.step_id]
        assert (failure.instance_id, failure.node_id, failure.journey_name) == (
            step.instance_id, "a_notify", "Runner test")
        assert (failure.response_status, failure.error) == (500, "http_500")
        assert HOSTILE in failure.response_excerpt
        assert failure.profile_id == step.instance.profile_id
    newest = health.recent_failures("notify", limit=1)
    assert [failure.step_id for failure in newest] == failed_ids("notify")[:1]


def test_a_range_without_calls_still_knows_the_action_was_called(ran):
    later = health.action_health("notify", health.RANGES["1h"], now=utcnow() + timedelta(hours=3))
    assert later.totals.calls == 0 and later.ever_called
    assert later.failures  # the failures are the latest, whatever the range


def test_long_excerpts_are_shortened():
    assert health._shorten("x" * health.EXCERPT_CHARS) == "x" * health.EXCERPT_CHARS
    assert health._shorten("x" * 1000) == "x" * health.EXCERPT_CHARS + "…"
    assert health._shorten(None) is None


def test_an_unknown_range_is_named():
    with pytest.raises(health.InvalidInput) as refused:
        health.parse_range("5y")
    assert refused.value.fields == {"range": ["must be one of 1h, 24h, 7d"]}
    assert health.parse_range(None) is health.parse_range("") is health.RANGES["24h"]


# --- the page ----------------------------------------------------------------------------------


def section(html: str) -> str:
    match = re.search(r'<section id="health".*?</section>', html, re.S)
    assert match, "no health section"
    return match.group(0)


def current_range(html: str) -> str:
    match = re.search(r'id="health-range-(\w+)"[^>]*aria-current="page"', html)
    assert match
    return match.group(1)


def test_the_page_shows_health_with_a_range_switch_and_escapes_responses(ran, signed_in):
    technical = signed_in("technical")
    page = technical.get("/actions/notify").get_data(as_text=True)
    health_html = section(page)
    assert current_range(health_html) == "24h"
    assert 'hx-trigger="every 10s' in health_html
    assert re.search(r"<dt>Calls</dt><dd>10</dd>", health_html)
    assert "70.0 %" in health_html and "estimates from a histogram" in health_html
    assert '<svg class="health-chart"' in health_html and 'role="img"' in health_html
    assert 'aria-label="Calls per hour over the last 24 hours: 10 in all, 7 failed (70.0%)' in health_html
    assert health_html.count('class="chart-hit"') == 24
    for step_id in failed_ids("notify"):
        step = db.session.get(Step, step_id)
        assert f'href="/instances/{step.instance_id}"' in health_html
    assert HOSTILE not in page and "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;" in page
    assert "crm says no" not in page

    switched = technical.get("/actions/notify?range=1h", htmx=True)
    partial = switched.get_data(as_text=True)
    assert switched.status_code == 200 and partial.lstrip().startswith('<section id="health"')
    assert "<html" not in partial and "Send a test call" not in partial
    assert current_range(partial) == "1h" and partial.count('class="chart-hit"') == 60
    assert 'hx-get="/actions/notify?range=1h"' in partial  # it keeps polling the chosen range
    assert 'hx-push-url="true"' in partial
    assert HOSTILE not in partial
    full = technical.get("/actions/notify?range=7d").get_data(as_text=True)
    assert current_range(full) == "7d" and section(full).count('class="chart-hit"') == 168


def test_an_unknown_range_is_named_on_the_page(signed_in):
    make_action("https://example.com/hook")
    page = signed_in("technical").get("/actions/notify?range=5y")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "range: must be one of 1h, 24h, 7d; showing the last 24 hours" in html
    assert current_range(html) == "24h"


def test_an_action_never_called_has_an_empty_state(signed_in):
    make_action("https://example.com/hook")
    html = section(signed_in("technical").get("/actions/notify").get_data(as_text=True))
    assert "No journey has called this action yet" in html
    assert "<svg" not in html and "No step calling this action has failed" in html


def test_only_technical_users_see_health(signed_in):
    make_action("https://example.com/hook")
    marketer = signed_in("marketer")
    page = marketer.get("/actions/notify")
    assert page.status_code == 200 and 'id="health"' not in page.get_data(as_text=True)
    assert marketer.get("/actions/notify?range=1h", htmx=True).status_code == 403
    listing = marketer.get("/actions/").get_data(as_text=True)
    assert "p95 24 h" not in listing
    assert "p95 24 h" in signed_in("admin").get("/actions/").get_data(as_text=True)


def test_the_list_shows_each_actions_last_day(ran, signed_in):
    listing = signed_in("technical").get("/actions/").get_data(as_text=True)
    rows = {
        key: row for row in re.findall(r"<tr>.*?</tr>", listing, re.S)
        if (key := re.search(r"<code>([\w-]+)</code>", row)) and (key := key.group(1))
    }
    assert "70.0 % <small class=\"muted\">of 10</small>" in rows["notify"]
    assert "100.0 % <small class=\"muted\">of 5</small>" in rows["crm"]
    assert "≈" in rows["notify"]


# --- the API -----------------------------------------------------------------------------------


def test_the_api_gives_totals_series_and_failures(client, ran):
    response = client.get("/api/v1/actions/notify/health?range=1h", headers=bearer(make_token("technical")))
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert (body["action_key"], body["range"], body["resolution"], body["ever_called"]) == (
        "notify", "1h", "minute", True)
    totals = body["totals"]
    assert (totals["calls"], totals["call_errors"], totals["error_rate"]) == (10, 7, pytest.approx(0.7))
    assert set(totals["latency_ms"]) == {"p50", "p95", "p99", "mean"} and totals["latency_ms"]["p95"] > 0
    assert len(body["series"]) == 60 and sum(bucket["calls"] for bucket in body["series"]) == 10
    assert body["series"][0]["start"] == body["start"]
    assert [failure["step_id"] for failure in body["recent_failures"]] == failed_ids("notify")
    assert HOSTILE in body["recent_failures"][0]["response_excerpt"]  # JSON carries the text as is
    assert client.get("/api/v1/actions/notify/health", headers=bearer(make_token("admin"))).get_json()[
        "range"] == "24h"


def test_the_api_names_a_bad_range_and_checks_the_role(app, client, db):
    make_action("https://example.com/hook")
    technical = bearer(make_token("technical"))
    refused = client.get("/api/v1/actions/notify/health?range=5y", headers=technical)
    assert refused.status_code == 422
    assert list(refused.get_json()["error"]["fields"]) == ["range"]
    marketer = bearer(make_token("marketer"))
    assert client.get("/api/v1/actions/notify/health", headers=marketer).status_code == 403
    assert client.get("/api/v1/actions/missing/health", headers=technical).status_code == 404
    assert app.test_client().get("/api/v1/actions/notify/health").status_code == 401
    never = client.get("/api/v1/actions/notify/health?range=7d", headers=technical).get_json()
    assert never["ever_called"] is False and never["totals"]["calls"] == 0
    assert never["totals"]["latency_ms"]["p95"] is None and never["recent_failures"] == []
