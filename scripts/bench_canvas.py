"""Benchmark the journey canvas in headless Chromium and print the figures as JSON.

Issue 4's speed budget: a 300-node journey opens and is interactive in under 1 s, and filtering a
palette of 1,000 actions updates within one frame (16 ms). This opens the canvas test harness
(tests/browser/canvas_harness.html) from a loopback server, mounts a generated graph and measures,
each over a few runs (median and worst):
  open_ms    navigation start -> graph mounted and painted (scripts, 300 nodes, connectors)
  mount_ms   mountCanvas() call -> painted
  edit_ms    one keyboard edit (Shift+Arrow move of a node: undo snapshot, redraw, onChange)
  filter_ms  CairnCanvas.filterPalette over 1,006 palette items, with the style and layout
             it causes (the frame budget is 16 ms)
Run: .venv/bin/python scripts/bench_canvas.py [--nodes 300] [--palette 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import statistics
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO_ROOT = Path(__file__).resolve().parent.parent
HARNESS = "/tests/browser/canvas_harness.html"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
NEXT_PAINT = "new Promise(done => requestAnimationFrame(() => setTimeout(done)))"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def journey(size: int) -> dict:
    """A realistic shape: an entry event, then rows of condition -> action -> wait with ends."""
    kinds = ["condition", "action", "wait", "action"]
    nodes = [{"id": "n1", "type": "event", "event": "signup", "position": {"x": 40, "y": 40}}]
    edges = []
    for i in range(2, size + 1):
        kind = "end" if i % 10 == 0 else kinds[i % len(kinds)]
        position = {"x": 40 + (i % 12) * 240, "y": 40 + (i // 12) * 160}
        node = {"id": f"n{i}", "type": kind, "position": position}
        if kind == "condition":
            node["branches"] = [{"port": "yes", "label": "Yes", "when": "event.amount > 10"}]
        elif kind == "action":
            node.update(action=f"action-{i}", params={"email": "event.email"})
        elif kind == "wait":
            node["seconds"] = 3600
        nodes.append(node)
        previous = nodes[-2]
        if previous["type"] != "end":
            port = {"condition": "yes"}.get(previous["type"])
            edge = {"from": previous["id"], "port": port, "to": node["id"]} if port else {
                "from": previous["id"], "to": node["id"]}
            edges.append(edge)
    return {"nodes": nodes, "edges": edges}


def measure(page, base_url: str, graph: dict, palette_size: int) -> dict:
    page.goto(base_url + HARNESS)
    started = page.evaluate("performance.now()")
    page.evaluate("g => mountCanvas(g)", graph)
    page.evaluate(f"() => {NEXT_PAINT}")
    opened = page.evaluate("performance.now()")
    page.click(f'#canvas [data-node-id="{graph["nodes"][1]["id"]}"]')
    edit = page.evaluate(
        f"""async () => {{
            const t0 = performance.now();
            document.getElementById('canvas').dispatchEvent(new KeyboardEvent('keydown',
                {{key: 'ArrowDown', shiftKey: true, bubbles: true}}));
            await {NEXT_PAINT};
            return performance.now() - t0;
        }}"""
    )
    page.evaluate("n => fillPalette(n)", palette_size)
    filtering = page.evaluate(
        f"""async () => {{
            const palette = document.getElementById('palette');
            CairnCanvas.filterPalette(palette, '');  // first pass reads each item's text once
            await {NEXT_PAINT};
            const t0 = performance.now();
            CairnCanvas.filterPalette(palette, 'number 99');
            palette.offsetHeight;  // include the style and layout work the change causes
            return performance.now() - t0;
        }}"""
    )
    return {
        "open_ms": opened,
        "mount_ms": opened - started,
        "edit_ms": edit,
        "filter_ms": filtering,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=300)
    parser.add_argument("--palette", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    handler = functools.partial(QuietHandler, directory=str(REPO_ROOT))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    graph = journey(args.nodes)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            runs = []
            for _ in range(args.runs):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                base_url = f"http://127.0.0.1:{server.server_port}"
                runs.append(measure(page, base_url, graph, args.palette))
                page.close()
            browser.close()
    finally:
        server.shutdown()
    figures = {
        key: {
            "median": round(statistics.median(r[key] for r in runs), 1),
            "max": round(max(r[key] for r in runs), 1),
        }
        for key in ("open_ms", "mount_ms", "edit_ms", "filter_ms")
    }
    figures.update(
        nodes=len(graph["nodes"]),
        edges=len(graph["edges"]),
        palette_items=args.palette + 6,
        runs=args.runs,
    )
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
