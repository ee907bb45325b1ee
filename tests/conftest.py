"""Fixtures shared by every test: the app, its database, Redis, and signed-in clients.

By default the suite runs on SQLite and the embedded Redis; set TEST_DATABASE_URL and
TEST_REDIS_URL to run it against PostgreSQL and a real Redis (as `.ci/run` does).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile

import pytest
import redis
from flask import g, has_app_context
from flask.testing import FlaskClient

from app import create_app
from app.extensions import db as _db
from app.redis_store import ensure_embedded_redis, stop_embedded_redis
from app.runner.sink import SinkThread
from tests.events.helpers import make_event_type
from tests.factories import PASSWORD, make_user
from tests.runner.helpers import private_urls_allowed

CSRF_RE = re.compile(r'"X-CSRFToken": "([^"]+)"|name="csrf_token" value="([^"]+)"')


@pytest.fixture(scope="session")
def instance_path():
    # Short path: the embedded Redis' unix socket lives here and socket paths are length-limited.
    path = tempfile.mkdtemp(prefix="cairn-test-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_url(instance_path):
    url = os.environ.get("TEST_REDIS_URL")
    if url:
        yield url
        return
    yield ensure_embedded_redis(instance_path)
    stop_embedded_redis(instance_path)


class IsolatedClient(FlaskClient):
    """A test client whose requests each start with an empty `g`, as they do in production.

    Tests keep an app context pushed (to call services), and Flask reuses it for each request, so
    per-request caches in `g` (Flask-Login's user, Flask-WTF's CSRF token) would leak from one
    request, or one client, to the next.
    """

    def open(self, *args, **kwargs):
        if has_app_context():
            g.__dict__.clear()
        return super().open(*args, **kwargs)


@pytest.fixture(scope="session")
def app(instance_path, redis_url):
    database_url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{instance_path}/test.sqlite3"
    app = create_app(
        {
            "INSTANCE_PATH": instance_path,
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "REDIS_URL": redis_url,
            "CAIRN_ALLOW_PRIVATE_URLS": False,
            "CAIRN_BASE_URL": "",
        }
    )
    app.test_client_class = IsolatedClient
    with app.app_context():
        _db.drop_all()
        _db.create_all()
    yield app
    with app.app_context():
        _db.drop_all()
        _db.engine.dispose()


@pytest.fixture
def db(app):
    """The database, emptied after each test (rows only: the schema is made once per session)."""
    with app.app_context():
        yield _db
        _db.session.rollback()
        _db.session.remove()
        with _db.engine.begin() as connection:
            for table in reversed(_db.metadata.sorted_tables):
                connection.execute(table.delete())


@pytest.fixture
def redis_client(app, redis_url):
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    yield client
    client.flushdb()


class Browser:
    """A test client that signs in through the real login form and sends CSRF tokens like a page."""

    def __init__(self, client):
        self.client = client
        self.user = None

    def csrf_token(self) -> str:
        page = self.client.get("/login" if self.user is None else "/account").get_data(as_text=True)
        match = CSRF_RE.search(page)
        assert match, "no CSRF token on the page"
        return match.group(1) or match.group(2)

    def login(self, user, password: str = PASSWORD):
        response = self.client.post(
            "/login", data={"email": user.email, "password": password, "csrf_token": self.csrf_token()}
        )
        assert response.status_code == 302, response.get_data(as_text=True)
        self.user = user
        return response

    def post(self, url: str, data: dict | None = None, htmx: bool = False, **kwargs):
        headers = kwargs.pop("headers", {})
        if htmx:
            headers = {**headers, "HX-Request": "true", "X-CSRFToken": self.csrf_token()}
        else:
            data = {**(data or {}), "csrf_token": self.csrf_token()}
        return self.client.post(url, data=data, headers=headers, **kwargs)

    def get(self, url: str, htmx: bool = False, **kwargs):
        headers = {"HX-Request": "true"} if htmx else {}
        return self.client.get(url, headers=headers, **kwargs)


@pytest.fixture
def client(app, db):
    return app.test_client()


@pytest.fixture
def browser(client):
    return Browser(client)


@pytest.fixture
def signed_in(app, db):
    """`signed_in("technical")` returns a Browser (own cookie jar) signed in as a new user of that role."""

    def sign_in(role: str = "marketer") -> Browser:
        session = Browser(app.test_client())
        session.login(make_user(role))
        return session

    return sign_in


@pytest.fixture
def sink(app, db, redis_client):
    """A local HTTP sink (`app.runner.sink`) that the runner may call, and the `signup` event type."""
    with private_urls_allowed(app), SinkThread() as running:
        make_event_type()
        yield running
