"""Benchmark the live report's read: `stats.version_figures` over tables the size of a busy year.

The live report polls every few seconds, so its read must not grow with the step rows. This
fills `runner_node_counts` as a journey of `--nodes` nodes, each active every minute, would leave
it after a year at the retention `stats.prune` keeps (two days of minute rows, 35 days of hour
rows, a year of day rows), with `--other` more journeys' rows beside it, then times the read for
each range of the canvas switch and prints one JSON line (milliseconds, median of `--runs`).
On PostgreSQL it also prints the plan of the 7-day read (EXPLAIN ANALYZE).

Run against a scratch database (tables are created, and dropped at the end):
  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/cairn_bench .venv/bin/python scripts/bench_report.py
  .venv/bin/python scripts/bench_report.py            # SQLite in a temporary folder
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, text  # noqa: E402

from app import create_app  # noqa: E402
from app.auth.models import utcnow  # noqa: E402
from app.extensions import db  # noqa: E402
from app.journeys.models import Journey, JourneyVersion  # noqa: E402
from app.runner import stats  # noqa: E402
from app.runner.models import NodeCount, Resolution  # noqa: E402

METRICS = ("entered", "succeeded", "failed", "port:ok", "calls", "call_errors", "call_ms_sum",
           "call_ms_le:50", "call_ms_le:70", "call_ms_le:100")
RETAINED = {
    Resolution.MINUTE: (timedelta(minutes=1), timedelta(days=2)),
    Resolution.HOUR: (timedelta(hours=1), timedelta(days=35)),
    Resolution.DAY: (timedelta(days=1), timedelta(days=365)),
}
RANGES = {"1h": timedelta(hours=1), "24h": timedelta(days=1), "7d": timedelta(days=7), "publish": None}


def fill(version_ids: list[tuple[int, int]], nodes: int) -> int:
    """Insert every bucket a year of constant activity leaves behind; the number of rows."""
    now = utcnow()
    total = 0
    for journey_id, version_id in version_ids:
        rows = []
        for resolution, (step, keep) in RETAINED.items():
            moment = stats.bucket_start(now - keep, resolution)
            while moment <= now:
                rows.extend(
                    {"journey_id": journey_id, "version_id": version_id, "node_id": f"n{node}",
                     "action_key": "notify", "resolution": resolution.value, "bucket": moment,
                     "metric": metric, "value": 7}
                    for node in range(nodes)
                    for metric in METRICS
                )
                moment += step
                if len(rows) >= 50_000:
                    db.session.execute(insert(NodeCount.__table__), rows)
                    total += len(rows)
                    rows = []
        if rows:
            db.session.execute(insert(NodeCount.__table__), rows)
            total += len(rows)
        db.session.commit()
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=20)
    parser.add_argument("--other", type=int, default=3, help="other journeys filled the same way")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    instance = tempfile.mkdtemp(prefix="cairn-bench-report-")
    config = {"INSTANCE_PATH": instance}
    if os.environ.get("DATABASE_URL"):
        config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    app = create_app(config)
    with app.app_context():
        db.drop_all()
        db.create_all()
        versions = []
        for index in range(args.other + 1):
            journey = Journey(name=f"Bench {index}", entry_event="signup")
            db.session.add(journey)
            db.session.flush()
            version = JourneyVersion(journey_id=journey.id, number=1, entry_event="signup",
                                     graph={"nodes": [], "edges": []})
            db.session.add(version)
            db.session.flush()
            versions.append((journey.id, version.id))
        db.session.commit()
        started = time.perf_counter()
        rows = fill(versions, args.nodes)
        if db.engine.dialect.name == "postgresql":
            db.session.execute(text("ANALYZE runner_node_counts"))
            db.session.commit()
        fill_s = time.perf_counter() - started
        version_id = versions[0][1]
        figures = {}
        for name, span in RANGES.items():
            timings = []
            for _ in range(args.runs):
                began = time.perf_counter()
                result = stats.version_figures(db.session, version_id, utcnow() - span if span else None)
                timings.append((time.perf_counter() - began) * 1000)
                db.session.rollback()
            assert len(result) == args.nodes
            figures[f"{name}_ms"] = round(statistics.median(timings), 2)
        print(json.dumps({"database": db.engine.dialect.name, "count_rows": rows, "nodes": args.nodes,
                          "fill_s": round(fill_s, 1), **figures}))
        if db.engine.dialect.name == "postgresql":
            query = stats.counts_query(version_id, utcnow() - timedelta(days=7), utcnow())
            compiled = query.compile(db.engine, compile_kwargs={"literal_binds": True})
            for (line,) in db.session.execute(text(f"EXPLAIN ANALYZE {compiled}")):
                print(line)
        db.session.rollback()
        db.drop_all()


if __name__ == "__main__":
    main()
