"""Measure BatchSender against the local sink running in its own process; print one JSON line.

    .venv/bin/python scripts/bench_sender.py [--batches 30] [--batch-size 200]
        [--max-workers 16] [--per-host 16] [--processes 1] [--trust-env]

Each of `--processes` sender processes (standing for runner workers) sends `--batches` batches
of `--batch-size` POSTs with unique idempotency keys to one host. The sink counts the keys, so
the figures come with `lost` and `duplicated`. CPU is split between the senders (user + system
time of their processes) and the sink (its own `process_time`), as shares of one core over the
run. The session comes from `app.outbound.build_session` when that module exists, else it is a
plain pooled `requests.Session` (reported as `session`).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.runner.sender import BatchSender, OutboundCall  # noqa: E402
from app.runner.sink import SinkProcess  # noqa: E402

BODY = json.dumps({"profile_id": "p-1", "email": "a@example.com", "n": 1}, separators=(",", ":"))


def build_bench_session(pool_maxsize: int, trust_env: bool) -> tuple[requests.Session, str]:
    """The guarded outbound session allowing loopback, or a plain one until it exists."""
    try:
        from app.outbound import TargetPolicy, build_session
    except ImportError:
        session = requests.Session()
        session.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=pool_maxsize))
        source = "requests.Session (app.outbound not available)"
    else:
        session = build_session(TargetPolicy(allow_private=True), pool_maxsize=pool_maxsize)
        source = "app.outbound.build_session"
    session.trust_env = trust_env
    return session, source


def run_sender(url: str, worker: int, options: argparse.Namespace) -> dict:
    """Send the batches of one sender process; return its durations, timing and CPU use."""
    session, source = build_bench_session(options.per_host, options.trust_env)
    headers = {"Content-Type": "application/json"}
    batches = [
        [
            OutboundCall(
                key=f"{worker}-{batch}-{i}",
                method="POST",
                url=f"{url}/hook",
                headers={**headers, "Idempotency-Key": f"{worker}-{batch}-{i}"},
                body_json=BODY.encode(),
                timeout_s=10.0,
            )
            for i in range(options.batch_size)
        ]
        for batch in range(options.batches)
    ]
    durations: list[float] = []
    failures = 0
    with BatchSender(session, options.max_workers, options.per_host) as sender:
        usage_before = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        for batch in batches:
            for result in sender.send(batch):
                durations.append(result.duration_ms)
                failures += not result.succeeded
        seconds = time.perf_counter() - started
        usage_after = resource.getrusage(resource.RUSAGE_SELF)
    cpu_s = (usage_after.ru_utime - usage_before.ru_utime) + (
        usage_after.ru_stime - usage_before.ru_stime
    )
    return {"durations": durations, "failures": failures, "seconds": seconds, "cpu_s": cpu_s,
            "session": source}


def percentile(values: list[float], fraction: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=30)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--max-workers", type=int, default=16)
    parser.add_argument("--per-host", type=int, default=16)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--trust-env", action="store_true",
                        help="leave Session.trust_env on (proxy/netrc lookups on every call)")
    options = parser.parse_args()

    with SinkProcess() as sink:
        warm_up = argparse.Namespace(**{**vars(options), "batches": 1})
        run_sender(sink.url, -1, warm_up)
        sink.client.reset()
        sink_cpu_before = sink.client.stats()["cpu_s"]
        started = time.perf_counter()
        with ProcessPoolExecutor(options.processes) as pool:
            runs = list(pool.map(run_sender, [sink.url] * options.processes,
                                 range(options.processes), [options] * options.processes))
        seconds = time.perf_counter() - started
        stats = sink.client.stats()

    calls = options.processes * options.batches * options.batch_size
    durations = [d for run in runs for d in run["durations"]]
    sender_cpu_s = sum(run["cpu_s"] for run in runs)
    sink_cpu_s = stats["cpu_s"] - sink_cpu_before
    send_seconds = max(run["seconds"] for run in runs)
    print(json.dumps({
        "session": runs[0]["session"],
        "trust_env": options.trust_env,
        "processes": options.processes,
        "max_workers": options.max_workers,
        "per_host": options.per_host,
        "batch_size": options.batch_size,
        "calls": calls,
        "seconds": round(send_seconds, 3),
        "calls_per_s": round(calls / send_seconds),
        "p50_ms": round(percentile(durations, 0.50), 2),
        "p95_ms": round(percentile(durations, 0.95), 2),
        "sender_cpu_us_per_call": round(sender_cpu_s / calls * 1e6),
        "sink_cpu_us_per_call": round(sink_cpu_s / calls * 1e6),
        "cpu_cores_used": {
            "senders": round(sender_cpu_s / send_seconds, 2),
            "sink": round(sink_cpu_s / send_seconds, 2),
        },
        "connections": stats["connections"],
        "failed": sum(run["failures"] for run in runs),
        "lost": calls - stats["succeeded_keys"],
        "duplicated": stats["duplicated_keys"],
        "wall_seconds_incl_process_start": round(seconds, 3),
    }))


if __name__ == "__main__":
    main()
