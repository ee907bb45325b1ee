"""`/api/v1/operations`: the same snapshot as the page, for technical users and admins."""

from __future__ import annotations

from app.redis_store import get_redis
from app.runner.ratelimit import HostRateLimiter
from tests.factories import bearer, make_token
from tests.operations.helpers import failed_job, queue
from tests.operations.jobs_for_operations import HOSTILE_ERROR


def test_snapshot_for_technical_users_only(app, client, redis_client):
    failed_job(app)
    assert client.get("/api/v1/operations").status_code == 401
    assert client.get("/api/v1/operations", headers=bearer(make_token("marketer"))).status_code == 403
    technical = bearer(make_token("technical"))
    HostRateLimiter(get_redis()).reserve("api.example.com", 2, 60, "throttle", n=3)
    response = client.get("/api/v1/operations", headers=technical)
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"taken_at", "queues", "failed_jobs", "workers", "throttled"}
    assert [entry["name"] for entry in body["queues"]] == ["runner", "default"]
    assert body["queues"][1]["failed"] == 1
    [failed] = body["failed_jobs"]
    assert failed["error"] == f"ValueError: {HOSTILE_ERROR}" and failed["queue"] == "default"
    assert body["workers"] == []
    [throttled] = body["throttled"]
    assert throttled["host"] == "api.example.com" and throttled["waiting"] == 1
    assert 50 < throttled["last_in_s"] <= 60, "the third call's slot, a window after the first"


def test_requeue_and_delete_failed_jobs(app, client, redis_client):
    admin = bearer(make_token("admin"))
    first, second = failed_job(app), failed_job(app)
    marketer = bearer(make_token("marketer"))
    assert client.delete(f"/api/v1/operations/failed-jobs/{first.id}", headers=marketer).status_code == 403
    requeued = client.post(f"/api/v1/operations/failed-jobs/{first.id}/requeue", headers=admin)
    assert requeued.status_code == 202
    assert requeued.get_json() == {"id": first.id, "queue": "default", "status": "queued"}
    assert queue().job_ids == [first.id]
    assert client.delete(f"/api/v1/operations/failed-jobs/{second.id}", headers=admin).status_code == 204
    missing = client.delete(f"/api/v1/operations/failed-jobs/{second.id}", headers=admin)
    assert missing.status_code == 404
    assert missing.get_json()["error"]["code"] == "not_found"
