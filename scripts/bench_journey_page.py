"""Benchmark the journey builder page against a live Cairn and print the figures as JSON.

Issue 4's speed budget: a 300-node journey opens and is interactive in under 1 s in headless
Chromium, saving it takes under 100 ms on the server, and filtering a palette of 1,000 actions
updates within one frame. This builds a throwaway Cairn (SQLite in a temporary folder) with one
event type, `--actions` actions and a `--nodes`-node journey, serves it on a loopback port and
measures, each over `--runs` runs (median and worst):
  open_ms     navigation start -> canvas mounted, problems shown, next frame painted
              (the page, its scripts, the server's palette of every action, the graph)
  save_ms     PUT /api/v1/journeys/<id>/graph of that graph, server side: parse, find every
              problem, store (measured in-process through the WSGI app, without network)
  filter_ms   one keystroke in the palette search: the input handler's filtering plus the style
              and layout it causes (what must fit in a 16 ms frame)
Run: .venv/bin/python scripts/bench_journey_page.py [--nodes 300] [--actions 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import tempfile
import threading
import time

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from app import create_app
from app.actions import service as actions_service
from app.events import service as events_service
from app.extensions import db
from app.journeys import service as journeys_service
from tests.factories import PASSWORD, make_token, make_user

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
READY = """() => new Promise(done => {
    const wait = () => performance.getEntriesByName('journey-interactive').length
        ? done(performance.getEntriesByName('journey-interactive')[0].startTime)
        : setTimeout(wait, 5);
    wait();
})"""
FILTER = """(query) => {
    const search = document.getElementById('palette-search');
    const t0 = performance.now();
    search.value = query;
    search.dispatchEvent(new Event('input', {bubbles: true}));
    document.getElementById('palette').getBoundingClientRect();  // the style and layout it causes
    return performance.now() - t0;
}"""


def make_catalog(action_count: int) -> None:
    events_service.create_event_type(
        {
            "key": "signup",
            "name": "Signup",
            "profile_id_field": "email",
            "fields": [
                {"name": "email", "type": "string", "required": True},
                {"name": "amount", "type": "number"},
            ],
        }
    )
    for index in range(action_count):
        spec = {
            "key": f"action-{index}",
            "name": f"Action number {index}",
            "channel": "custom",
            "method": "POST",
            "url": "https://api.example.com/send",
            "parameters": [{"name": "email", "type": "string", "required": True}],
            "body": {"to": "{{email}}"},
            "response_sample": {"messageId": "abc"},
        }
        actions_service.create_action(spec)


def journey_graph(size: int) -> dict:
    """A valid journey: an entry event, then a chain of condition -> action -> wait -> action,
    with every tenth node an end hanging off the latest condition's `else`."""
    kinds = ["condition", "action", "wait", "action"]
    nodes = [{"id": "n1", "type": "event", "event": "signup", "position": {"x": 40, "y": 40}}]
    edges = []
    chain_end, open_condition = nodes[0], None
    for i in range(2, size + 1):
        kind = "end" if i % 10 == 0 else kinds[i % len(kinds)]
        position = {"x": 40 + (i % 12) * 240, "y": 40 + (i // 12) * 160}
        node = {"id": f"n{i}", "type": kind, "position": position}
        nodes.append(node)
        if kind == "end":
            if open_condition:
                edges.append({"from": open_condition["id"], "port": "else", "to": node["id"]})
                open_condition = None
            else:
                edges.append({"from": chain_end["id"], "to": node["id"]})
            continue
        if kind == "condition":
            node["branches"] = [{"port": "yes", "label": "Yes", "when": "event.amount > 10"}]
        elif kind == "action":
            node.update(action=f"action-{i}", params={"email": "event.email"})
        elif kind == "wait":
            node["seconds"] = 3600
        edge = {"from": chain_end["id"], "to": node["id"]}
        if chain_end["type"] == "condition":
            edge["port"] = "yes"
        edges.append(edge)
        chain_end = node
        if kind == "condition":
            open_condition = node
    return {"nodes": nodes, "edges": edges}


def summary(values: list[float]) -> dict:
    return {"median": round(statistics.median(values), 1), "worst": round(max(values), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--nodes", type=int, default=300)
    parser.add_argument("--actions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="cairn-bench-")
    app = create_app(
        {
            "INSTANCE_PATH": folder,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite3",
            "CAIRN_ALLOWED_HOSTS": "api.example.com",
        }
    )
    with app.app_context():
        db.create_all()
        make_catalog(args.actions)
        user = make_user("marketer")
        token = make_token(user=user)
        graph = journey_graph(args.nodes)
        journey = journeys_service.create_journey("Benchmark", "", "signup", user)
        journey_id, email = journey.id, user.email

    client = app.test_client()
    save_times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        response = client.put(
            f"/api/v1/journeys/{journey_id}/graph", json=graph, headers={"Authorization": f"Bearer {token}"}
        )
        save_times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.get_data(as_text=True)
    problems = len(response.get_json()["problems"])

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    open_times, filter_times = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(base + "/login")
        page.fill("input[name=email]", email)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/journeys/")
        for _ in range(args.runs):
            page.goto(f"{base}/journeys/{journey_id}", wait_until="commit")
            open_times.append(page.evaluate(READY))
        palette_items = page.locator("#palette [data-node-type]").count()
        nodes_drawn = page.locator("#canvas .cc-node").count()
        for _ in range(args.runs):
            for query in ("action number 7", "9", "zzz", ""):
                filter_times.append(page.evaluate(FILTER, query))
        browser.close()
    server.shutdown()

    print(
        json.dumps(
            {
                "nodes": nodes_drawn,
                "palette_items": palette_items,
                "draft_problems": problems,
                "open_ms": summary(open_times),
                "save_ms": summary(save_times),
                "filter_ms": summary(filter_times),
                "budget_ms": {"open": 1000, "save": 100, "filter": 16},
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
