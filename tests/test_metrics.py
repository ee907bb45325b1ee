"""`/metrics`: who may scrape it, and what it reports after real ingests and real worker runs.

The test process is one process with several apps; its metric files live in the session's
instance folder (the first app's `CAIRN_METRICS_DIR`), and counters only grow, so each test
compares a scrape taken after with one taken before.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from prometheus_client.parser import text_string_to_metric_families

from app import PROJECT_ROOT, create_app, metrics
from app.errors import InvalidInput
from app.events import service as events_service
from app.extensions import db
from app.queues import get_queue
from app.runner.models import InstanceStatus
from app.runner.sink import Reply, SinkThread
from tests.runner.helpers import (
    action_node,
    graph,
    instances,
    make_action,
    make_event_type,
    private_urls_allowed,
    publish,
    run_worker,
    signup_payload,
)

TOKEN = "metrics-token-5e1f0c"
ELSEWHERE = {"REMOTE_ADDR": "203.0.113.7"}
ONE_CALL = graph([action_node("a1"), {"id": "e", "type": "end"}], [("n0", "a1"), ("a1", "e")])


def scrape(client, **kwargs) -> dict[tuple[str, tuple], float]:
    """Every sample of a successful scrape, keyed by (name, sorted labels)."""
    response = client.get("/metrics", **kwargs)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "text/plain"
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.get_data(as_text=True))
        for sample in family.samples
    }


def grew(before: dict, after: dict, name: str, **labels) -> float:
    key = (name, tuple(sorted(labels.items())))
    return after.get(key, 0.0) - before.get(key, 0.0)


@pytest.fixture
def token(app):
    app.config["CAIRN_METRICS_TOKEN"] = TOKEN
    yield TOKEN
    app.config["CAIRN_METRICS_TOKEN"] = ""


@pytest.fixture
def sink(app, db, redis_client):
    with private_urls_allowed(app), SinkThread() as running:
        make_event_type()
        yield running


def send(count: int, start: int = 0) -> None:
    events_service.ingest_events("signup", [signup_payload(start + index) for index in range(count)])


# ---- who may scrape ----------------------------------------------------------------------------


def test_loopback_scrapes_without_login_or_token(client):
    samples = scrape(client)
    assert ("cairn_queue_jobs", (("queue", "runner"), ("state", "queued"))) in samples


def test_other_addresses_are_refused_without_a_token(client):
    response = client.get("/metrics", environ_base=ELSEWHERE)
    assert response.status_code == 403
    assert "cairn_" not in response.get_data(as_text=True)


def test_with_a_token_only_the_token_opens(client, token):
    assert scrape(client, headers={"Authorization": f"Bearer {TOKEN}"}, environ_base=ELSEWHERE)
    for headers in ({}, {"Authorization": "Bearer wrong-token"}, {"Authorization": f"Basic {TOKEN}"},
                    {"Authorization": f"Bearer {TOKEN}x"}):
        response = client.get("/metrics", headers=headers)  # loopback no longer suffices
        assert response.status_code == 401, headers
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert "cairn_" not in response.get_data(as_text=True)


@pytest.fixture
def app_allowing(app, instance_path, redis_url):
    """A second app of this process whose allow-list is a documentation network."""
    other = create_app({
        "INSTANCE_PATH": instance_path, "TESTING": True, "REDIS_URL": redis_url,
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        "CAIRN_METRICS_ALLOW": "203.0.113.0/24, 2001:db8::/32",
    })
    yield other
    with other.app_context():
        db.engine.dispose()


def test_the_allow_setting_replaces_loopback(app_allowing):
    client = app_allowing.test_client()
    assert client.get("/metrics", environ_base=ELSEWHERE).status_code == 200
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "2001:db8::5"}).status_code == 200
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "198.51.100.1"}).status_code == 403
    assert client.get("/metrics").status_code == 403  # 127.0.0.1 is not on the list any more


def test_a_bad_allow_setting_stops_the_start_naming_it(instance_path, redis_url):
    with pytest.raises(ValueError, match="CAIRN_METRICS_ALLOW: 'localhost'"):
        create_app({"INSTANCE_PATH": instance_path, "REDIS_URL": redis_url,
                    "CAIRN_METRICS_ALLOW": "127.0.0.1, localhost"})


@pytest.mark.parametrize(("address", "allowed"), [
    ("127.0.0.1", True), ("127.8.0.1", True), ("::1", True), ("::ffff:127.0.0.1", True),
    ("10.0.0.1", False), ("::2", False), ("", False), (None, False), ("not-an-ip", False),
])
def test_loopback_addresses(address, allowed):
    assert metrics.address_allowed(address, metrics.parse_allow("127.0.0.1/8,::1")) is allowed


# ---- what it reports ---------------------------------------------------------------------------


def test_queue_depths_are_read_at_scrape_time(client, redis_client):
    with client.application.app_context():
        queue = get_queue("default")
        for key in ("a", "b", "c"):
            queue.enqueue("tests.jobs_for_tests.record_app_name", key)
        queue.enqueue_in(timedelta(hours=1), "tests.jobs_for_tests.record_app_name", "later")
    samples = scrape(client)
    assert samples[("cairn_queue_jobs", (("queue", "default"), ("state", "queued")))] == 3
    assert samples[("cairn_queue_jobs", (("queue", "default"), ("state", "scheduled")))] == 1
    assert samples[("cairn_queue_jobs", (("queue", "runner"), ("state", "queued")))] == 0
    redis_client.flushdb()
    assert scrape(client)[("cairn_queue_jobs", (("queue", "default"), ("state", "queued")))] == 0


def test_ingested_events_are_counted_by_type_once_committed(client, db):
    make_event_type()
    before = scrape(client)
    send(4)
    with pytest.raises(InvalidInput):  # an invalid batch stores nothing
        events_service.ingest_events("signup", [signup_payload(9), {"email": "no-date@example.com"}])
    assert grew(before, scrape(client), "cairn_events_ingested_total", event_type="signup") == 4


def test_a_worker_run_is_counted(app, client, sink):
    make_action(f"{sink.url}/hook")
    publish(ONE_CALL)
    before = scrape(client)
    send(3)
    run_worker(app)
    after = scrape(client)
    assert {i.status for i in instances()} == {InstanceStatus.COMPLETED}
    assert grew(before, after, "cairn_instances_started_total") == 3
    assert grew(before, after, "cairn_instances_finished_total", status="completed") == 3
    for node_type, status in (("action", "sending"), ("action", "succeeded"), ("end", "succeeded")):
        assert grew(before, after, "cairn_steps_total", node_type=node_type, status=status) == 3
    ok = {"action": "notify", "outcome": "ok"}
    assert grew(before, after, "cairn_call_duration_seconds_count", **ok) == 3
    assert grew(before, after, "cairn_call_duration_seconds_bucket", le="+Inf", **ok) == 3
    assert 0 < grew(before, after, "cairn_call_duration_seconds_sum", **ok) < 3 * 2.0  # timeout 2 s


def test_failures_are_counted_by_outcome_class(app, client, sink):
    sink.recorder.set_script("/hook", [Reply.json(503), Reply.json(422)])
    make_action(f"{sink.url}/hook", retries=1)
    publish(graph([action_node("a1")], [("n0", "a1")]))
    before = scrape(client)
    send(1)
    run_worker(app, until_idle=5)
    after = scrape(client)
    assert instances()[0].status == InstanceStatus.FAILED
    for outcome in ("http_5xx", "http_4xx"):
        assert grew(before, after, "cairn_call_duration_seconds_count", action="notify", outcome=outcome) == 1
    assert grew(before, after, "cairn_steps_total", node_type="action", status="retrying") == 1
    assert grew(before, after, "cairn_steps_total", node_type="action", status="failed") == 1
    assert grew(before, after, "cairn_instances_finished_total", status="failed") == 1


def test_throttle_delays_are_observed_once_per_call(app, client, sink):
    make_action(f"{sink.url}/hook", rate_limit={"calls": 1, "per_seconds": 1, "mode": "throttle"})
    publish(ONE_CALL)
    before = scrape(client)
    send(3)
    run_worker(app, until_idle=6)
    after = scrape(client)
    assert {i.status for i in instances()} == {InstanceStatus.COMPLETED}
    assert grew(before, after, "cairn_throttle_delay_seconds_count", action="notify") == 3
    # Slots one second apart: about 0 + 1 + 2 seconds of delay in all.
    assert 2.5 < grew(before, after, "cairn_throttle_delay_seconds_sum", action="notify") < 3.5
    assert grew(before, after, "cairn_throttle_delay_seconds_bucket", action="notify", le="0.01") == 1


# ---- processes -----------------------------------------------------------------------------------


def test_a_worker_marks_its_process_dead_when_it_stops(app, redis_client):
    live_gauge = os.path.join(app.config["CAIRN_METRICS_DIR"], f"gauge_livesum_{os.getpid()}.db")
    open(live_gauge, "wb").close()
    try:
        result = app.test_cli_runner().invoke(args=["worker", "--burst", "--queues", "default"])
        assert result.exit_code == 0, result.output
        assert not os.path.exists(live_gauge)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.remove(live_gauge)  # an empty file would break later scrapes


def test_a_process_uses_its_instance_folder_and_records_nothing_unasked(app, tmp_path):
    """As `flask tokens create` would: the folder is made, no metric file is left in it (and the
    variable inherited from this test process does not win over the child's own setting)."""
    env = {key: value for key, value in os.environ.items() if key != "CAIRN_METRICS_DIR"}
    build = f"from app import create_app; create_app({{'INSTANCE_PATH': {str(tmp_path)!r}, 'REDIS_URL': ''}})"
    subprocess.run([sys.executable, "-c", build], cwd=PROJECT_ROOT, env=env, check=True)
    assert os.environ["PROMETHEUS_MULTIPROC_DIR"] != str(tmp_path / "prometheus")
    assert (tmp_path / "prometheus").is_dir() and not any((tmp_path / "prometheus").iterdir())


def test_clear_directory_empties_the_folder(tmp_path):
    folder = tmp_path / "prometheus"
    folder.mkdir()
    (folder / "counter_123.db").write_bytes(b"old")
    metrics.clear_directory(str(folder))
    assert folder.is_dir() and not any(folder.iterdir())
