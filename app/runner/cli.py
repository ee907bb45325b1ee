"""`flask runner recover` and `flask bench runner`."""

from __future__ import annotations

import json

import click
from flask.cli import AppGroup

runner_cli = AppGroup("runner", help="Journey runner operations.")
bench_cli = AppGroup("bench", help="Benchmarks.")


@runner_cli.command("recover")
def recover_command() -> None:
    """Re-enqueue every instance that is due, abandoned by a dead worker, or lost with Redis."""
    from app.runner import service

    report = service.recover()
    click.echo(f"Re-enqueued {report.due} due instances; rescheduled {report.scheduled} waiting.")


@bench_cli.command("runner")
@click.option("--events", default=5000, show_default=True, help="Events to send.")
@click.option("--workers", default=2, show_default=True, help="Worker processes.")
@click.option("--rate", default=0, show_default=True,
              help="Events per second (0: as fast as the ingest API takes them).")
@click.option("--baseline-events", default=300, show_default=True,
              help="Events for the one-job-per-step baseline run.")
def bench_runner_command(events: int, workers: int, rate: int, baseline_events: int) -> None:
    """Fire events through the batch ingest API at a local sink and print one JSON line."""
    from app.runner import bench

    try:
        result = bench.run_bench(
            events=events, workers=workers, rate=rate, baseline_events=baseline_events
        )
    except bench.BenchError as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(result))
