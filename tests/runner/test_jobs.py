"""Batch jobs against a real Redis, a real worker and a local HTTP sink."""

from __future__ import annotations

import time

import pytest

from app.crypto import SecretBox
from app.events import service as events_service
from app.journeys import service as journeys_service
from app.runner import jobs, service
from app.runner.models import InstanceStatus, StepStatus
from app.runner.sink import Reply, SinkThread
from tests.runner.helpers import (
    action_node,
    graph,
    instances,
    make_action,
    make_event_type,
    publish,
    run_worker,
    signup_payload,
    steps_of,
)


def send(count: int, start: int = 0, **changes) -> None:
    events_service.ingest_events(
        "signup", [signup_payload(start + index, **changes) for index in range(count)]
    )


def keys_received(sink, path="/hook"):
    return [request["headers"]["idempotency-key"] for request in sink.client.requests(path)]


ALL_KINDS = graph(
    [
        action_node("a1"),
        {"id": "c", "type": "condition",
         "branches": [{"port": "ok", "when": "nodes.a1.status_code == 200 && event.seats < 100"}]},
        {"id": "w", "type": "wait", "seconds": 1},
        action_node("a2"),
        {"id": "e", "type": "end"},
        {"id": "e_else", "type": "end"},
    ],
    [("n0", "a1"), ("a1", "c"), ("c", "w", "ok"), ("c", "e_else", "else"), ("w", "a2"),
     ("a2", "e")],
)


def test_every_node_type_and_a_wait_across_a_scheduler_tick(app, sink):
    make_action(f"{sink.url}/hook")
    publish(ALL_KINDS)
    send(3)
    send(1, start=500)
    run_worker(app)
    states = {i.profile_id: i.status for i in instances()}
    assert states["user500@example.com"] == InstanceStatus.COMPLETED  # else branch
    assert [s for p, s in states.items() if p != "user500@example.com"] == [InstanceStatus.WAITING] * 3
    run_worker(app, until_idle=5)
    finished = instances()
    assert {i.status for i in finished} == {InstanceStatus.COMPLETED}
    steps = steps_of(finished[0])
    assert [steps[n].status for n in ("a1", "c", "w", "a2", "e")] == [StepStatus.SUCCEEDED] * 5
    assert steps["c"].port == "ok" and steps["a1"].request["body"] == {"to": "user0@example.com"}
    assert steps["a1"].response_status == 200
    assert (steps["a2"].started_at - steps["w"].started_at).total_seconds() >= 1
    keys = keys_received(sink)
    assert len(keys) == 3 * 2 + 1 == len(set(keys))


def test_500_then_200_is_retried_with_the_same_key(app, sink):
    sink.recorder.set_script("/hook", [Reply.json(500), Reply.json(200, {"id": 1})])
    make_action(f"{sink.url}/hook")
    publish(graph([action_node("a1"), {"id": "e", "type": "end"}], [("n0", "a1"), ("a1", "e")]))
    send(2)
    run_worker(app, until_idle=6)
    assert {i.status for i in instances()} == {InstanceStatus.COMPLETED}
    step = steps_of(instances()[0])["a1"]
    assert (step.attempts, step.status, step.error) == (2, StepStatus.SUCCEEDED, None)
    keys = keys_received(sink)
    assert len(keys) == 4 and len(set(keys)) == 2 and step.idempotency_key in keys


def test_429_waits_for_retry_after(app, sink):
    sink.recorder.set_script("/hook", [Reply.json(429, headers={"Retry-After": "2"}), Reply.json(200)])
    make_action(f"{sink.url}/hook")
    publish(graph([action_node("a1")], [("n0", "a1")]))
    send(1)
    run_worker(app, until_idle=8)
    arrivals = [request["arrival"] for request in sink.client.requests("/hook")]
    assert len(arrivals) == 2 and arrivals[1] - arrivals[0] >= 2
    assert instances()[0].status == InstanceStatus.COMPLETED


def test_slow_target_times_out_into_the_error_path(app, sink):
    sink.recorder.set_script("/hook", [Reply.json(200, delay_ms=600)])
    make_action(f"{sink.url}/hook", timeout_ms=150, retries=0)
    publish(graph(
        [action_node("a1"),
         {"id": "c", "type": "condition",
          "branches": [{"port": "t", "when": "nodes.a1.status == 'timedout'"}]},
         {"id": "e", "type": "end"}],
        [("n0", "a1"), ("a1", "e"), ("a1", "c", "error"), ("c", "e", "t")],
    ))
    send(1)
    run_worker(app)
    instance = instances()[0]
    steps = steps_of(instance)
    assert instance.status == InstanceStatus.COMPLETED
    failed = steps["a1"]
    assert (failed.status, failed.error, failed.port) == (StepStatus.FAILED, "timedout", "error")
    assert steps["c"].port == "t"


def test_4xx_is_not_retried_and_fails_without_error_path_then_retry_redrives(app, sink, client):
    sink.recorder.set_script("/hook", [Reply.json(400, {"error": "bad"})])
    make_action(f"{sink.url}/hook", retries=3)
    publish(graph([action_node("a1"), {"id": "e", "type": "end"}], [("n0", "a1"), ("a1", "e")]))
    send(1)
    run_worker(app)
    instance = instances()[0]
    assert (instance.status, instance.error) == (InstanceStatus.FAILED, "a1: http_400")
    assert len(keys_received(sink)) == 1
    sink.recorder.set_script("/hook", [Reply.json(200)])
    service.retry_instance(instance.id)
    run_worker(app)
    instance = instances()[0]
    assert instance.status == InstanceStatus.COMPLETED
    keys = keys_received(sink)
    assert len(keys) == 2 and len(set(keys)) == 1


def test_throttle_delays_in_order_and_cap_fails(app, sink):
    make_action(f"{sink.url}/slow", key="slowapi",
                rate_limit={"calls": 2, "per_seconds": 1, "mode": "throttle"})
    # Limits are per host: the capped action calls the sink under another name.
    make_action(f"{sink.url.replace('127.0.0.1', 'localhost')}/capped", key="capped",
                rate_limit={"calls": 2, "per_seconds": 30, "mode": "cap"})
    publish(graph(
        [action_node("a1", "slowapi"), action_node("a2", "capped"), {"id": "e", "type": "end"}],
        [("n0", "a1"), ("a1", "a2"), ("a2", "e", "error")],
    ))
    send(4)
    run_worker(app, until_idle=6)
    arrivals = sorted(request["arrival"] for request in sink.client.requests("/slow"))
    assert len(arrivals) == 4 and arrivals[2] - arrivals[0] >= 0.9
    assert len(sink.client.requests("/capped")) == 2
    capped = [steps_of(i)["a2"] for i in instances() if steps_of(i)["a2"].status == StepStatus.FAILED]
    assert [(s.error, s.port) for s in capped] == [("capped", "error")] * 2
    assert {i.status for i in instances()} == {InstanceStatus.COMPLETED}


WAIT_THEN_CALL = graph(
    [{"id": "w", "type": "wait", "seconds": 1}, action_node("a1"), {"id": "e", "type": "end"}],
    [("n0", "w"), ("w", "a1"), ("a1", "e")],
)


def test_close_lets_instances_finish_and_stop_halts_them(app, sink):
    make_action(f"{sink.url}/hook")
    closing = publish(WAIT_THEN_CALL)
    stopping = publish(WAIT_THEN_CALL)
    send(2)
    run_worker(app)
    journeys_service.close(closing)
    journeys_service.stop(stopping)
    send(2, start=10)
    assert len(instances()) == 4
    run_worker(app, until_idle=5)
    by_journey = {}
    for instance in instances():
        by_journey.setdefault(instance.journey_id, set()).add(instance.status)
    assert by_journey == {closing: {InstanceStatus.COMPLETED}, stopping: {InstanceStatus.STOPPED}}
    stopped = next(i for i in instances() if i.journey_id == stopping)
    assert steps_of(stopped)["w"].status == StepStatus.STOPPED
    assert len(keys_received(sink)) == 2


@pytest.mark.parametrize(
    ("reentry", "wait", "expected"),
    [("never", None, 1), ("always", None, 3), ("after_wait", 3600, 1)],
)
def test_reentry_rules(app, sink, reentry, wait, expected):
    make_action(f"{sink.url}/hook")
    publish(graph([{"id": "e", "type": "end"}], [("n0", "e")]), reentry=reentry, wait_seconds=wait)
    send(1)
    send(1)  # the same profile again, once its first instance...
    run_worker(app)
    send(1)  # ...has completed
    assert len(instances()) == expected


def test_after_wait_admits_again_once_the_period_is_over(app, sink):
    publish(graph([{"id": "e", "type": "end"}], [("n0", "e")]), reentry="after_wait", wait_seconds=1)
    send(1)
    run_worker(app)
    send(1)
    assert len(instances()) == 1
    time.sleep(1.1)
    send(1)
    assert len(instances()) == 2


def test_the_outbound_guard_still_refuses_private_targets(app, db, redis_client):
    app.extensions.pop("cairn_runner", None)  # a runtime built under the tests' default policy
    with SinkThread() as target:
        make_event_type()
        make_action(f"{target.url}/hook")
        publish(graph([action_node("a1")], [("n0", "a1")]))
        send(1)
        run_worker(app)
        assert target.recorder.requests == []
    step = steps_of(instances()[0])["a1"]
    assert (step.status, step.error) == (StepStatus.FAILED, "error")
    assert "loopback" in step.response_excerpt
    app.extensions.pop("cairn_runner", None)


def test_a_credential_echoed_in_the_response_is_masked_in_the_step(app, sink):
    token = "tok-echoed-4242"
    sink.recorder.set_script("/hook", [Reply.json(400, {"error": f"token {token} is not valid here"})])
    secret = SecretBox(app.config["CAIRN_ENCRYPTION_KEY"]).encrypt(token)
    make_action(f"{sink.url}/hook", auth={"type": "bearer", "token": secret})
    publish(graph([action_node("a1")], [("n0", "a1")]))
    send(1)
    run_worker(app)
    assert sink.client.requests("/hook")[0]["headers"]["authorization"] == f"Bearer {token}"
    step = steps_of(instances()[0])["a1"]
    assert step.status == StepStatus.FAILED and token not in step.response_excerpt
    assert "token •••• is not valid here" in step.response_excerpt


def test_a_401_refreshes_the_oauth_token_once_and_masks_it(app, sink):
    sink.recorder.set_script("/token", [
        Reply.json(200, {"access_token": "first-token", "expires_in": 3600}),
        Reply.json(200, {"access_token": "second-token", "expires_in": 3600}),
    ])
    sink.recorder.set_script("/hook", [Reply.json(401), Reply.json(200)])
    secret = SecretBox(app.config["CAIRN_ENCRYPTION_KEY"]).encrypt("client-secret")
    make_action(f"{sink.url}/hook", auth={
        "type": "oauth2_client_credentials", "token_url": f"{sink.url}/token",
        "client_id": "cairn", "client_secret": secret, "scope": "",
    })
    publish(graph([action_node("a1")], [("n0", "a1")]))
    send(1)
    run_worker(app, until_idle=3)
    calls = sink.client.requests("/hook")
    assert [call["headers"]["authorization"] for call in calls] == [
        "Bearer first-token", "Bearer second-token"
    ]
    assert len(sink.client.requests("/token")) == 2
    step = steps_of(instances()[0])["a1"]
    assert (step.status, step.attempts) == (StepStatus.SUCCEEDED, 2)
    assert "second-token" not in str(step.request) and step.request["headers"]["Authorization"]


def test_never_holds_when_ingests_race(app, sink, monkeypatch):
    publish(graph([{"id": "e", "type": "end"}], [("n0", "e")]), reentry="never")
    # Both requests check before either has inserted: the database still refuses the second.
    monkeypatch.setattr(service, "profiles_blocked", lambda *args: set())
    send(1)
    send(1)
    assert len(instances()) == 1


def test_a_job_that_crashes_gives_its_instances_back(app, sink, monkeypatch):
    make_action(f"{sink.url}/hook")
    publish(graph([action_node("a1"), action_node("a2")], [("n0", "a1"), ("a1", "a2")]))
    send(3)
    monkeypatch.setattr(jobs, "RETRY_AFTER_ERROR_S", 0.0)
    failing = {"left": 1}
    settle = jobs.BatchRun.settle

    def settle_or_crash(self, *args, **kwargs):
        if failing["left"]:
            failing["left"] -= 1
            raise RuntimeError("unexpected")
        return settle(self, *args, **kwargs)

    monkeypatch.setattr(jobs.BatchRun, "settle", settle_or_crash)
    run_worker(app, until_idle=3)
    assert {i.status for i in instances()} == {InstanceStatus.COMPLETED}
    assert {i.lease_token for i in instances()} == {None}
    counts = [record["count"] for record in sink.client.keys().values()]
    assert len(counts) == 6 and sorted(counts) == [1, 1, 1, 2, 2, 2]  # a1 re-sent, same keys
