"""Cairn: a visual journey builder. `create_app` builds the Flask application."""

from __future__ import annotations

import os

from flask import Flask, abort, request
from sqlalchemy import event

from app.api import api, docs_bp, register_api_errors
from app.auth.permissions import TokenAwareSessionInterface
from app.config import load_config
from app.extensions import csrf, db, login_manager, migrate
from app.logs import init_logging
from app.metrics import init_metrics
from app.web import register_template_helpers

PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def create_app(config: dict | None = None) -> Flask:
    """Application factory; `config` overrides settings (tests pass `INSTANCE_PATH` and URLs)."""
    config = dict(config or {})
    instance_path = config.pop("INSTANCE_PATH", None) or os.environ.get(
        "CAIRN_INSTANCE_PATH", os.path.join(PROJECT_ROOT, "instance")
    )
    app = Flask(
        __name__,
        instance_path=os.path.abspath(instance_path),
        template_folder=os.path.join(PROJECT_ROOT, "templates"),
        static_folder=os.path.join(PROJECT_ROOT, "static"),
    )
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.update(load_config(app.instance_path))
    app.config.update(config)
    init_logging(app)
    init_metrics(app)

    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(PROJECT_ROOT, "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    app.session_interface = TokenAwareSessionInterface()
    api.init_app(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", tune_sqlite_connection)

    register_api_errors(app)
    register_template_helpers(app)
    register_blueprints(app)
    register_commands(app)

    @app.before_request
    def refuse_oversized_requests():
        """Answer 413 before routing or reading, whatever the endpoint (or its absence)."""
        limit = app.config["MAX_CONTENT_LENGTH"]
        if request.content_length is not None and request.content_length > limit:
            abort(413)

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    return app


def tune_sqlite_connection(dbapi_connection, _record) -> None:
    """WAL lets the web server read while a worker writes; foreign keys are off by default."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def register_blueprints(app: Flask) -> None:
    from app.actions import api as actions_api
    from app.actions import views as actions_views
    from app.auth import api as auth_api
    from app.auth import views as auth_views
    from app.events import api as events_api
    from app.events import views as events_views
    from app.events import volume as events_volume
    from app.home import views as home_views
    from app.inspector import views as inspector_views
    from app.journeys import api as journeys_api
    from app.journeys import views as journeys_views
    from app.metrics import bp as metrics_bp
    from app.operations import api as operations_api
    from app.operations import views as operations_views
    from app.runner import api as runner_api
    from app.runner import service as runner_service
    from app.runner import views as runner_views

    app.register_blueprint(home_views.bp)
    app.register_blueprint(auth_views.bp)
    app.register_blueprint(actions_views.bp)
    app.register_blueprint(events_views.bp)
    app.register_blueprint(inspector_views.receiver)
    app.register_blueprint(inspector_views.bp)
    app.register_blueprint(docs_bp)
    app.register_blueprint(journeys_views.bp)
    app.register_blueprint(runner_views.bp)
    app.register_blueprint(operations_views.bp)
    app.register_blueprint(metrics_bp)
    api.register_blueprint(auth_api.blp)
    api.register_blueprint(actions_api.blp)
    api.register_blueprint(actions_api.templates_blp)
    api.register_blueprint(events_api.types_blp)
    api.register_blueprint(events_api.ingest_blp)
    api.register_blueprint(journeys_api.blp)
    api.register_blueprint(runner_api.blp)
    api.register_blueprint(operations_api.blp)
    runner_service.register()  # starts instances on ingest, counts entries, recovers on worker start
    events_volume.register()  # counts today's events per type in Redis


def register_commands(app: Flask) -> None:
    from app.auth.cli import tokens_cli, users_cli
    from app.cli import up_command, worker_command
    from app.runner.cli import bench_cli, runner_cli

    app.cli.add_command(users_cli)
    app.cli.add_command(tokens_cli)
    app.cli.add_command(worker_command)
    app.cli.add_command(up_command)
    app.cli.add_command(runner_cli)
    app.cli.add_command(bench_cli)
