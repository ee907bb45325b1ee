"""A tiny end-to-end run of `flask bench runner` (web, sink and workers as real processes)."""

import json


def test_bench_runner_smoke(app):
    result = app.test_cli_runner().invoke(
        args=["bench", "runner", "--events", "40", "--workers", "1", "--baseline-events", "5"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["events"] == 40 and figures["calls"] == 80
    assert (figures["lost"], figures["duplicated"]) == (0, 0)
    assert figures["journeys_per_s"] > 0 and figures["baseline_journeys_per_s"] > 0
    assert figures["p95_ms"] >= figures["p50_ms"] > 0
