"""Builders for the runner tests: a sink-backed action, a published journey, a worker run."""

from __future__ import annotations

import contextlib
import time

from rq import Queue
from sqlalchemy import insert

from app.actions.models import Action, Channel
from app.auth.models import utcnow
from app.extensions import db
from app.journeys import service as journeys_service
from app.journeys.models import Journey
from app.queues import CairnWorker
from app.redis_store import get_redis
from app.runner.jobs import RUNNER_QUEUE
from app.runner.models import Instance, InstanceStatus, Step
from tests.events.helpers import make_event_type, signup_payload

__all__ = ["make_event_type", "signup_payload"]


def make_action(url: str, key: str = "notify", **spec_changes) -> Action:
    """An action calling `url` with the profile's email (stored as the actions service does)."""
    spec = {
        "key": key,
        "name": key.title(),
        "channel": "custom",
        "method": "POST",
        "url": url,
        "dynamic_path": False,
        "query": [],
        "headers": [],
        "auth": {"type": "none"},
        "parameters": [{"name": "email", "type": "string", "required": True}],
        "body": {"to": "{{email}}"},
        "response_sample": {"ok": True},
        "timeout_ms": 2000,
        "retries": 2,
        "rate_limit": None,
        **spec_changes,
    }
    action = Action(key=key, name=spec["name"], channel=Channel.CUSTOM, spec=spec)
    db.session.add(action)
    db.session.commit()
    return action


def action_node(node_id: str, action: str = "notify") -> dict:
    return {"id": node_id, "type": "action", "action": action, "params": {"email": "event.email"}}


def graph(nodes: list[dict], edges: list[tuple]) -> dict:
    """A graph from nodes (the event node `n0` is added) and (from, to[, port]) edges."""
    position = {"x": 0, "y": 0}
    all_nodes = [{"id": "n0", "type": "event", "event": "signup"}, *nodes]
    return {
        "nodes": [{**node, "position": position} for node in all_nodes],
        "edges": [
            {"from": edge[0], "to": edge[1], **({"port": edge[2]} if len(edge) > 2 else {})}
            for edge in edges
        ],
    }


def publish(graph_data: dict, reentry: str = "always", wait_seconds: int | None = None) -> int:
    """A live journey with this graph; its id."""
    journey = journeys_service.create_journey("Runner test", entry_event="signup")
    problems = journeys_service.save_draft(journey.id, graph_data)
    assert not problems, problems
    changes = {"reentry": reentry}
    if wait_seconds is not None:
        changes["reentry_wait_seconds"] = wait_seconds
    journeys_service.update_settings(journey.id, changes)
    journeys_service.publish(journey.id)
    return journey.id


def run_worker(app, *, until_idle: float = 0.0, logging_level: str = "WARNING") -> None:
    """Run a real worker in burst mode (with its scheduler) until no runner work is left
    that is due within `until_idle` seconds (RQ's own lines from `logging_level` up)."""
    deadline = time.monotonic() + until_idle
    while True:
        queue = Queue(RUNNER_QUEUE, connection=get_redis())
        CairnWorker([queue], connection=get_redis(), app=app).work(
            burst=True, with_scheduler=True, logging_level=logging_level
        )
        if time.monotonic() >= deadline or not active_instances():
            return
        time.sleep(0.2)


def insert_instances(journey_id: int, *rows: dict) -> list[int]:
    """Instances of a published journey written straight to the database, one per `rows` dict
    of column overrides (status, profile_id, created_at...): as many as a list test needs, fast.
    Their ids, in the order of `rows`."""
    version_id = db.session.get(Journey, journey_id).live_version_id
    now = utcnow()
    values = [
        {
            "journey_id": journey_id, "version_id": version_id, "profile_id": f"user{number}@example.com",
            "event_id": number, "status": InstanceStatus.COMPLETED, "node_id": None, "outputs": {},
            "created_at": now, "updated_at": now, **row,
        }
        for number, row in enumerate(rows, 1)
    ]
    statement = insert(Instance).returning(Instance.id, sort_by_parameter_order=True)
    ids = list(db.session.scalars(statement, values))
    db.session.commit()
    return ids


def active_instances() -> int:
    db.session.expire_all()
    return db.session.query(Instance).filter(
        Instance.status.in_([InstanceStatus.RUNNING, InstanceStatus.WAITING])
    ).count()


def instances() -> list[Instance]:
    db.session.expire_all()
    return db.session.query(Instance).order_by(Instance.id).all()


def steps_of(instance: Instance) -> dict[str, Step]:
    return {step.node_id: step for step in instance.steps}


@contextlib.contextmanager
def private_urls_allowed(app):
    """Let the runner call the 127.0.0.1 sink (its session is built from this setting)."""
    previous = app.config["CAIRN_ALLOW_PRIVATE_URLS"]
    app.config["CAIRN_ALLOW_PRIVATE_URLS"] = True
    app.extensions.pop("cairn_runner", None)
    try:
        yield
    finally:
        app.config["CAIRN_ALLOW_PRIVATE_URLS"] = previous
        app.extensions.pop("cairn_runner", None)
