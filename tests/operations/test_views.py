"""The operations page: who may see it, what it shows (escaped), and requeue/delete from it."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from rq import Worker
from rq.job import Job
from rq.worker import WorkerStatus

from app.redis_store import get_redis
from app.runner.ratelimit import HostRateLimiter
from tests.operations.helpers import SUCCEED, failed_job, queue
from tests.operations.jobs_for_operations import HOSTILE_ERROR


@pytest.fixture
def technical(signed_in, redis_client):
    return signed_in("technical")


def test_marketers_may_not_see_or_use_the_page(app, signed_in, redis_client):
    job = failed_job(app)
    marketer = signed_in("marketer")
    assert marketer.get("/operations").status_code == 403
    assert marketer.get("/operations", htmx=True).status_code == 403
    assert marketer.post(f"/operations/failed-jobs/{job.id}/requeue").status_code == 403
    assert marketer.post(f"/operations/failed-jobs/{job.id}/delete", htmx=True).status_code == 403
    job.refresh()
    assert job.get_status() == "failed", "nothing was done for the marketer"
    assert "/operations" not in marketer.get("/journeys").get_data(as_text=True), "no menu entry"
    assert app.test_client().get("/operations").status_code == 302, "anonymous: to the login page"


@pytest.mark.parametrize("role", ["technical", "admin"])
def test_technical_users_and_admins_see_every_section(app, signed_in, redis_client, role):
    failed_job(app)
    queue("runner").enqueue(SUCCEED)
    queue().enqueue_at(datetime.now(UTC) - timedelta(minutes=2), SUCCEED)
    HostRateLimiter(get_redis()).reserve("api.example.com", 1, 60, "throttle", n=4)
    page = signed_in(role).get("/operations")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "<html" in html and re.search(r'href="/operations"\s+aria-current="page"', html), "menu entry"
    runner_row = re.search(r'<tr id="queue-runner">.*?</tr>', html, re.S).group(0)
    assert re.search(r'data-count="queued">1<', runner_row)
    default_row = re.search(r'<tr id="queue-default">.*?</tr>', html, re.S).group(0)
    assert re.search(r'data-count="failed">1<', default_row)
    assert "overdue 2 min" in default_row, "a due job no scheduler moved is flagged"
    throttled = r'<code>api.example.com</code></td><td class="num">3</td><td>(3 min 0 s|2 min 5\d s)</td>'
    assert re.search(throttled, html), "three calls wait, the last for about three minutes"
    assert "No worker is running" in html
    assert 'hx-trigger="every 3s"' in html


def test_exception_text_is_escaped(app, technical):
    failed_job(app)
    html = technical.get("/operations").get_data(as_text=True)
    assert HOSTILE_ERROR not in html and "<script>alert" not in html
    escaped = "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"
    assert f"ValueError: {escaped}" in html


def test_polling_gets_the_partial_with_workers(app, technical):
    worker = Worker(["runner", "default"], connection=get_redis(), name="ops-view-worker")
    worker.register_birth()
    worker.set_state(WorkerStatus.IDLE)
    try:
        get_redis().expire(worker.key, 10)  # its heartbeat is overdue
        partial = technical.get("/operations", htmx=True)
    finally:
        worker.register_death()
    body = partial.get_data(as_text=True)
    assert partial.status_code == 200 and "<html" not in body
    row = re.search(r'<tr id="worker-ops-view-worker" class="stale">.*?</tr>', body, re.S).group(0)
    assert "idle" in row and "overdue" in row and "Queues: runner, default" in row


def test_requeue_from_the_page_with_htmx(app, technical):
    job = failed_job(app)
    response = technical.post(f"/operations/failed-jobs/{job.id}/requeue", htmx=True)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert f"Job {job.id} is back on the default queue." in body
    assert "No failed jobs." in body
    assert queue().job_ids == [job.id]
    again = technical.post(f"/operations/failed-jobs/{job.id}/requeue", htmx=True)
    assert "is not among the failed jobs" in again.get_data(as_text=True)


def test_delete_from_the_page_without_javascript(app, technical):
    job = failed_job(app)
    response = technical.post(f"/operations/failed-jobs/{job.id}/delete")
    assert response.status_code == 302 and response.headers["Location"].endswith("/operations")
    assert not Job.exists(job.id, connection=get_redis())
    page = technical.get("/operations").get_data(as_text=True)
    assert f"Job {job.id} deleted." in page and "No failed jobs." in page


def test_posts_need_the_csrf_token(app, technical):
    job = failed_job(app)
    response = technical.client.post(f"/operations/failed-jobs/{job.id}/delete")
    assert response.status_code == 400
    assert Job.exists(job.id, connection=get_redis())
