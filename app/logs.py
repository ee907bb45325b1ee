"""Structured logs: every process writes one JSON object per line to stderr.

Each line holds `time` (ISO 8601, UTC), `level`, `logger` and `message`, then whatever context
the call passed with `extra=` (the runner passes `journey_id`, `instance_id`, `node_id`, …) and,
inside an RQ job, its `job_id` (redash's `CurrentJobFilter`). Formatting is python-json-logger's:
it turns every `extra` field, exception and stack into JSON without a list of names to keep up
to date, at the cost of a hand-written formatter (~20 µs a line either way).

Messages carry ids, keys, hosts and outcomes, never a request's URL, headers or body: those may
hold credentials and personal data, and the step log keeps them masked.
"""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime
from typing import IO

from flask import Flask
from pythonjsonlogger.json import JsonFormatter
from rq import get_current_job


class CurrentJobFilter(logging.Filter):
    """Add the id of the RQ job being run, if any, to each record."""

    def filter(self, record: logging.LogRecord) -> bool:
        job = get_current_job()
        if job is not None:
            record.job_id = job.id
        return True


class JsonLineFormatter(JsonFormatter):
    """`time`, `level`, `logger`, `message` first (in that order), then the extra fields."""

    def __init__(self):
        super().__init__(
            ["asctime", "levelname", "name", "message"],
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        )

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")


class JsonLineHandler(logging.StreamHandler):
    """Writes each record to `stream` as one JSON line, with the current job id."""

    def __init__(self, stream: IO[str]):
        super().__init__(stream)
        self.setFormatter(JsonLineFormatter())
        self.addFilter(CurrentJobFilter())


class RootLogHandler(JsonLineHandler):
    """The root handler `init_logging` installs (a later app of the same process replaces it).

    It writes to whatever `sys.stderr` is when a record comes, as logging's own last-resort
    handler does, so a stream swapped in and closed later (a test runner's) is never written to.
    """

    def __init__(self):
        super().__init__(sys.stderr)

    @property
    def stream(self) -> IO[str]:
        return sys.stderr

    @stream.setter
    def stream(self, _value: IO[str]) -> None:
        """Ignored: the stream is always the current `sys.stderr`."""


def init_logging(app: Flask) -> None:
    """Send every logger's records, at `CAIRN_LOG_LEVEL` and above, to stderr as JSON lines.

    Handlers others put on the root logger (pytest's) stay; RQ and Flask see a handler on the
    root and add none of their own.
    """
    level = app.config["CAIRN_LOG_LEVEL"].upper()
    if not isinstance(logging.getLevelName(level), int):
        raise ValueError(f"CAIRN_LOG_LEVEL: {level!r} is not one of DEBUG, INFO, WARNING, ERROR")
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, RootLogHandler)]:
        root.removeHandler(handler)
    root.addHandler(RootLogHandler())
    root.setLevel(level)
    # urllib3's DEBUG lines hold whole request URLs, credentials in the query string included.
    logging.getLogger("urllib3").setLevel(max(logging.getLevelName(level), logging.INFO))
