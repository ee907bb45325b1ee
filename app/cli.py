"""`flask up` (everything `make run` needs, in one process tree) and `flask worker`."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_migrate import upgrade
from sqlalchemy import func, select

from app import metrics
from app.actions.service import ensure_builtin_actions
from app.auth import service
from app.auth.models import User
from app.demo import seed_demo
from app.extensions import db
from app.queues import DEFAULT_QUEUES, build_worker
from app.redis_store import ensure_embedded_redis, stop_embedded_redis

DEFAULT_ADMIN_EMAIL = "admin@cairn.local"
STOP_GRACE_S = 10


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queues are empty.")
@click.option("--queues", default=",".join(DEFAULT_QUEUES), show_default=True,
              help="Comma-separated queue names, highest priority first.")
@with_appcontext
def worker_command(burst: bool, queues: str) -> None:
    """Run an RQ worker (with its scheduler) against REDIS_URL; start as many as you like."""
    names = [name.strip() for name in queues.split(",") if name.strip()]
    if not names:
        raise click.BadParameter("give at least one queue name", param_hint="--queues")
    worker = build_worker(names)
    try:
        worker.work(burst=burst, with_scheduler=True)
    finally:
        metrics.process_exited(os.getpid())


def create_first_admin() -> User | None:
    """On a database without users, create the admin, print its credentials once, return it."""
    if db.session.scalar(select(func.count(User.id))):
        return None
    email = os.environ.get("CAIRN_ADMIN_EMAIL", DEFAULT_ADMIN_EMAIL)
    password = os.environ.get("CAIRN_ADMIN_PASSWORD") or None
    user, generated = service.create_user(email, "admin", password)
    click.secho("First run: created the admin account", fg="green", bold=True)
    click.echo(f"  email:    {user.email}")
    click.echo(f"  password: {generated or '(from CAIRN_ADMIN_PASSWORD)'}")
    if generated:
        click.echo("  (shown only this once; change it by creating another admin if you lose it)")
    return user


def stop_children(children: list[subprocess.Popen]) -> None:
    """Ask each child to stop, then kill whatever has not stopped within the grace period.

    A second Ctrl-C while stopping is ignored so that no child is left running.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_S
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def raise_keyboard_interrupt(_signum, _frame) -> None:
    """Treat SIGTERM like Ctrl-C so `kill` stops the children too."""
    raise KeyboardInterrupt


@click.command("up")
@click.option("--port", type=int, help="Web port (default: PORT or 5000).")
@click.option("--host", default="127.0.0.1", show_default=True)
@with_appcontext
def up_command(port: int | None, host: str) -> None:
    """Upgrade the database, create the first admin, start Redis, a worker and the web server."""
    app = current_app._get_current_object()
    port = port or app.config["PORT"]
    metrics.clear_directory(app.config["CAIRN_METRICS_DIR"])
    logging.getLogger("alembic").setLevel(logging.WARNING)  # a line per revision is noise here
    upgrade()
    admin = create_first_admin()
    ensure_builtin_actions()
    base_url = f"http://{host}:{port}"
    app.config["CAIRN_BASE_URL"] = base_url
    if admin is not None:
        seed_demo(base_url, admin)
        click.echo("  demo: event type 'signup', action 'inspector-welcome', live journey 'Welcome demo'")

    env = dict(os.environ, CAIRN_BASE_URL=base_url)
    started_redis = not app.config.get("REDIS_URL")
    if started_redis:
        env["REDIS_URL"] = ensure_embedded_redis(app.instance_path)
        click.echo(f"Embedded Redis at {env['REDIS_URL']}")
    flask = [sys.executable, "-m", "flask", "--app", "wsgi"]
    children = [
        subprocess.Popen([*flask, "worker"], env=env),
        subprocess.Popen(
            [sys.executable, "-m", "waitress", f"--listen={host}:{port}", "--threads=8",
             "wsgi:app"],
            env=env,
        ),
    ]
    click.secho(f"\nCairn is running: open http://{host}:{port}/  (Ctrl-C stops it)\n",
                fg="green", bold=True)
    exit_code = 0
    signal.signal(signal.SIGTERM, raise_keyboard_interrupt)
    try:
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        click.secho("A Cairn process stopped unexpectedly; stopping the others.", fg="red")
        exit_code = 1
    except KeyboardInterrupt:
        click.echo("\nStopping Cairn…")
    finally:
        stop_children(children)
        if started_redis:
            stop_embedded_redis(app.instance_path)
    sys.exit(exit_code)
