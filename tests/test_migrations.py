"""The Alembic history has one head, and upgrading an empty database matches the models."""

import os

import pytest
from alembic.script import ScriptDirectory
from flask_migrate import upgrade
from sqlalchemy import create_engine, inspect

from app import PROJECT_ROOT, create_app


def test_one_head():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", os.path.join(PROJECT_ROOT, "migrations"))
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1


@pytest.fixture
def empty_database(instance_path, app):
    """A database with no tables: a new SQLite file, or PostgreSQL with the schema dropped."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        path = os.path.join(instance_path, "migration.sqlite3")
        if os.path.exists(path):
            os.remove(path)
        yield f"sqlite:///{path}"
        return
    from app.extensions import db

    with app.app_context():
        db.drop_all()
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    yield url
    with app.app_context():
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        db.drop_all()
        db.create_all()


def test_upgrade_creates_schema_without_drift(instance_path, redis_url, empty_database):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.config import normalise_database_url
    from app.extensions import db

    migrated = create_app({"INSTANCE_PATH": instance_path, "SQLALCHEMY_DATABASE_URI": empty_database,
                           "REDIS_URL": redis_url})
    with migrated.app_context():
        upgrade()
        engine = create_engine(normalise_database_url(empty_database))
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, db.metadata) == []
            assert set(db.metadata.tables) <= set(inspect(connection).get_table_names())
        engine.dispose()
        db.engine.dispose()
