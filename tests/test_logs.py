"""JSON log lines: their shape, their set-up, and what the runner logs after a real worker run —
one line per call with its ids, and no secret in any line (nor in `/metrics`)."""

from __future__ import annotations

import io
import json
import logging

import pytest
from flask import Flask

from app.actions import service as actions_service
from app.crypto import MASK
from app.events import service as events_service
from app.logs import JsonLineHandler, RootLogHandler, init_logging
from app.runner.models import InstanceStatus
from app.runner.sink import Reply
from tests.runner.helpers import (
    action_node,
    graph,
    instances,
    make_action,
    publish,
    run_worker,
    signup_payload,
    steps_of,
)

BEARER = "bearer-5ecret-7f31a9"
HEADER_SECRET = "header-5ecret-0c44e2"
QUERY_KEY = "query-5ecret-b81d57"
SECRETS = (BEARER, HEADER_SECRET, QUERY_KEY)


class Lines:
    """Every record logged while it is attached to the root logger, as parsed JSON lines."""

    def __init__(self, level: int):
        self.stream = io.StringIO()
        self.handler = JsonLineHandler(self.stream)
        self.level = level

    @property
    def text(self) -> str:
        return self.stream.getvalue()

    def parsed(self) -> list[dict]:
        return [json.loads(line) for line in self.text.splitlines()]

    def calls(self) -> list[dict]:
        return [line for line in self.parsed()
                if line["logger"] == "app.runner.jobs" and line["message"].startswith("call ")]


@pytest.fixture
def root_logger():
    """The root logger, with its handlers and level put back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    urllib3_level = logging.getLogger("urllib3").level
    yield root
    root.handlers[:] = handlers
    root.setLevel(level)
    logging.getLogger("urllib3").setLevel(urllib3_level)


@pytest.fixture
def logged(root_logger):
    def attach(level: int = logging.INFO) -> Lines:
        lines = Lines(level)
        root_logger.addHandler(lines.handler)
        root_logger.setLevel(level)
        return lines

    return attach


# ---- the format and the set-up -----------------------------------------------------------------


def test_a_line_is_one_json_object_with_the_context_fields(logged):
    lines = logged()
    logger = logging.getLogger("cairn.test")
    logger.info("hello %s", "there", extra={"journey_id": 7, "node_id": "a1"})
    try:
        raise RuntimeError("first line\nsecond line")
    except RuntimeError:
        logger.exception("it broke")
    first, second = lines.parsed()
    assert list(first)[:4] == ["time", "level", "logger", "message"]
    assert first["time"].endswith("+00:00")
    assert (first["level"], first["logger"], first["message"]) == ("INFO", "cairn.test", "hello there")
    assert (first["journey_id"], first["node_id"]) == (7, "a1")
    assert "job_id" not in first  # not inside a job
    assert second["level"] == "ERROR" and "second line" in second["exc_info"]
    assert len(lines.text.splitlines()) == 2


def settings(level: str) -> Flask:
    app = Flask(__name__)
    app.config["CAIRN_LOG_LEVEL"] = level
    return app


def test_init_logging_installs_one_root_handler_on_the_current_stderr(root_logger, capsys):
    init_logging(settings("warning"))
    init_logging(settings("INFO"))  # a second app replaces the first one's handler
    ours = [handler for handler in root_logger.handlers if isinstance(handler, RootLogHandler)]
    assert len(ours) == 1 and root_logger.level == logging.INFO
    logging.getLogger("cairn.test").info("to stderr", extra={"instance_id": 3})
    line = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert (line["message"], line["instance_id"]) == ("to stderr", 3)


def test_urllib3_never_logs_below_info_since_its_debug_lines_hold_urls(root_logger):
    init_logging(settings("DEBUG"))
    assert root_logger.level == logging.DEBUG
    assert not logging.getLogger("urllib3.connectionpool").isEnabledFor(logging.DEBUG)


def test_a_bad_level_is_refused_naming_the_setting(root_logger):
    with pytest.raises(ValueError, match="CAIRN_LOG_LEVEL: 'LOUD'"):
        init_logging(settings("loud"))


# ---- the runner's lines ------------------------------------------------------------------------


def test_one_info_line_per_call_with_its_ids(app, sink, logged):
    sink.recorder.set_script("/hook", [Reply.json(500), Reply.json(200)])
    make_action(f"{sink.url}/hook")
    journey_id = publish(graph([action_node("a1"), {"id": "e", "type": "end"}], [("n0", "a1"), ("a1", "e")]))
    lines = logged()
    events_service.ingest_events("signup", [signup_payload(index) for index in range(3)])
    run_worker(app, until_idle=5)
    assert {i.status for i in instances()} == {InstanceStatus.COMPLETED}
    calls = lines.calls()
    assert len(calls) == len(sink.client.requests("/hook")) > 3  # the script's 500s were retried
    for call in calls:
        assert call["level"] == "INFO"
        assert (call["journey_id"], call["version"], call["node_id"]) == (journey_id, 1, "a1")
        assert (call["action"], call["method"], call["host"]) == ("notify", "POST", "127.0.0.1")
        assert call["duration_ms"] >= 0 and call["job_id"]
        assert call["error"] == (None if call["status_code"] == 200 else "http_500")
    for instance in instances():
        own = [(call["attempt"], call["status_code"]) for call in calls if call["instance_id"] == instance.id]
        attempts = steps_of(instance)["a1"].attempts
        assert own == [(n, 500) for n in range(1, attempts)] + [(attempts, 200)]
    job_lines = [line for line in lines.parsed() if line["message"].startswith("runner job ")]
    assert job_lines and all(line["job_id"] in line["message"] for line in job_lines)


def create_secret_actions(sink_url: str) -> None:
    """Two actions holding secrets the way users store them: a bearer token and a secret header,
    and an API key sent in the query string."""
    base = {
        "channel": "custom", "method": "POST", "dynamic_path": False, "query": [],
        "parameters": [{"name": "email", "type": "string", "required": True}],
        "body": {"to": "{{email}}"}, "response_sample": {"ok": True},
        "timeout_ms": 2000, "retries": 0, "rate_limit": None,
    }
    actions_service.create_action({
        **base, "key": "notify", "name": "Notify", "url": f"{sink_url}/hook",
        "headers": [{"name": "X-Partner-Secret", "value": HEADER_SECRET, "secret": True}],
        "auth": {"type": "bearer", "token": BEARER},
    })
    actions_service.create_action({
        **base, "key": "audit", "name": "Audit", "url": f"{sink_url}/audit", "headers": [],
        "auth": {"type": "api_key", "in": "query", "name": "key", "value": QUERY_KEY},
    })


def test_no_secret_in_any_log_line_or_in_the_metrics(app, client, sink, logged):
    sink.recorder.set_script("/audit", [Reply.json(503)])  # a failure is logged too
    create_secret_actions(sink.url)
    publish(graph(
        [action_node("a1", "notify"), action_node("a2", "audit")], [("n0", "a1"), ("a1", "a2")],
    ))
    lines = logged(logging.DEBUG)
    events_service.ingest_events("signup", [signup_payload(index) for index in range(2)])
    run_worker(app)
    scraped = client.get("/metrics").get_data(as_text=True)
    # The secrets were really sent (so the test could fail)...
    received = sink.client.requests("/hook")
    assert len(received) == 2 and received[0]["headers"]["authorization"] == f"Bearer {BEARER}"
    assert received[0]["headers"]["x-partner-secret"] == HEADER_SECRET
    audit_step = steps_of(instances()[0])["a2"]
    assert audit_step.request["url"].endswith(f"key={MASK}") and audit_step.response_status == 503
    # ...and were logged about and counted...
    assert len(lines.calls()) == 4 and 'action="audit"' in scraped
    # ...but appear nowhere.
    for secret in SECRETS:
        assert secret not in lines.text
        assert secret not in scraped
