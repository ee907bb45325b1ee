"""The actions service: validation, the outbound URL guard at save time, secrets at rest, usage
safety, duplicate/delete, test calls against a local server, and the sample-body workflow.

Also home of the helpers the other action tests import (`contract`, `registered`, `TargetServer`).
"""

from __future__ import annotations

import contextlib
import copy
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select

from app.actions import service
from app.actions.models import Action
from app.crypto import MASK
from app.errors import Conflict, InvalidInput, NotFound

PUBLIC_URL = "https://93.184.216.34/v3/send"
"""A public address literal: passes the guard without DNS; tests never call it."""
TOKEN = "tok-very-secret-123"
HEADER_SECRET = "header-secret-456"

WELCOME = {
    "key": "send-welcome",
    "name": "Send welcome email",
    "description": "Welcomes a new customer.",
    "channel": "custom",
    "method": "POST",
    "url": PUBLIC_URL,
    "query": [{"name": "region", "value": "eu"}, {"name": "ts", "variable": True, "type": "string"}],
    "headers": [
        {"name": "X-Api-Version", "value": "2"},
        {"name": "X-Signature", "value": HEADER_SECRET, "secret": True},
    ],
    "auth": {"type": "bearer", "token": TOKEN},
    "parameters": [
        {"name": "email", "type": "string", "required": True},
        {"name": "amount", "type": "number", "required": False, "nullable": True},
    ],
    "body": {"to": "{{email}}", "template": "welcome", "amount": "{{amount}}", "note": "Hi {{email}}"},
    "timeout_ms": 5000,
    "retries": 2,
    "rate_limit": {"calls": 10, "per_seconds": 1, "mode": "throttle"},
}


def contract(**changes) -> dict:
    """A valid custom action contract (a deep copy), with `changes` applied."""
    return {**copy.deepcopy(WELCOME), **changes}


def problems_of(excinfo) -> dict[str, list[str]]:
    return excinfo.value.fields


@contextlib.contextmanager
def registered(registry: list, function):
    """Append `function` to an extension-point list for the duration of a test."""
    registry.append(function)
    try:
        yield function
    finally:
        registry.remove(function)


def journeys_using(mapping: dict[str, list[dict]]):
    """A usage provider answering from `mapping` (action key -> journeys)."""
    return lambda key: mapping.get(key, [])


class TargetServer:
    """A local HTTP server recording each request and answering `status` with `body`."""

    def __init__(self, status: int = 200, body: bytes = b'{"messageId": "abc-123"}',
                 content_type: str = "application/json"):
        self.requests: list[dict] = []
        self.status, self.body, self.content_type = status, body, content_type
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                server.requests.append({
                    "method": self.command, "path": self.path, "headers": dict(self.headers),
                    "body": self.rfile.read(length) if length else b"",
                })
                self.send_response(server.status)
                self.send_header("Content-Type", server.content_type)
                self.send_header("Content-Length", str(len(server.body)))
                self.end_headers()
                self.wfile.write(server.body)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def local_target(app, monkeypatch):
    """A local server Cairn may call: its host is allowed for this test only."""
    with TargetServer() as server:
        monkeypatch.setitem(app.config, "CAIRN_ALLOWED_HOSTS", "127.0.0.1")
        yield server


# --- validation ------------------------------------------------------------------------------


def test_create_stores_columns_and_spec(db):
    action = service.create_action(contract())
    assert (action.key, action.name, action.channel.value) == ("send-welcome", "Send welcome email", "custom")
    assert action.configured and action.needs_configuration_reason is None
    assert "key" not in action.spec and action.spec["method"] == "POST"
    assert service.get_action("send-welcome").id == action.id


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"key": "Not A Slug"}, "key"),
        ({"key": "new"}, "key"),
        ({"url": "ftp://example.com/x"}, "url"),
        ({"url": "https://user:pw@93.184.216.34/"}, "url"),
        ({"url": "/relative"}, "url"),
        ({"body": "{not json"}, "body"),
        ({"body": {"to": "{{nobody}}", "a": "{{email}}", "b": "{{amount}}"}}, "body"),
        ({"body": {"to": "{{email}}"}}, "parameters.1.name"),
        ({"headers": [{"name": "Bad Header", "value": "x"}]}, "headers.0.name"),
        ({"headers": [{"name": "Content-Type", "value": "text/plain"}]}, "headers.0.value"),
        ({"timeout_ms": 50}, "timeout_ms"),
        ({"timeout_ms": 60001}, "timeout_ms"),
        ({"retries": 11}, "retries"),
        ({"retries": -1}, "retries"),
        ({"rate_limit": {"calls": 0, "per_seconds": 1}}, "rate_limit.calls"),
        ({"rate_limit": {"calls": 5, "per_seconds": 0}}, "rate_limit.per_seconds"),
        ({"auth": {"type": "magic"}}, "auth.type"),
        ({"auth": {"type": "basic", "username": "ada"}}, "auth.password"),
        ({"method": "GET"}, "body"),
        ({"channel": "email"}, "channel"),
    ],
)
def test_invalid_contracts_name_the_field(db, changes, field):
    with pytest.raises(InvalidInput) as excinfo:
        service.create_action(contract(**changes))
    assert field in problems_of(excinfo), problems_of(excinfo)
    assert db.session.scalar(select(Action.id)) is None


def test_duplicate_key_is_refused(db):
    service.create_action(contract())
    with pytest.raises(InvalidInput) as excinfo:
        service.create_action(contract(name="Another"))
    assert problems_of(excinfo)["key"] == ["is already used by another action"]


def test_key_cannot_change_on_update(db):
    service.create_action(contract())
    with pytest.raises(InvalidInput) as excinfo:
        service.update_action("send-welcome", contract(key="send-hello"))
    assert "key" in problems_of(excinfo)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://2130706433/",
        "http://0x7f000001/",
        "http://0177.0.0.1/",
        "http://127.1/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://localhost/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.8/",
        "http://192.168.1.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
    ],
)
def test_unsafe_targets_are_refused_at_save(db, url):
    with pytest.raises(InvalidInput) as excinfo:
        service.create_action(contract(url=url))
    assert "cannot be called" in problems_of(excinfo)["url"][0]


def test_token_url_is_guarded_too(db):
    auth = {"type": "oauth2_client_credentials", "token_url": "http://127.0.0.1:9/token",
            "client_id": "cairn", "client_secret": "s"}
    with pytest.raises(InvalidInput) as excinfo:
        service.create_action(contract(auth=auth))
    assert "auth.token_url" in problems_of(excinfo)


def test_policy_is_read_per_call(app, db, monkeypatch):
    monkeypatch.setitem(app.config, "CAIRN_ALLOWED_HOSTS", "localhost")
    assert service.create_action(contract(url="http://localhost:8080/x")).key == "send-welcome"
    monkeypatch.setitem(app.config, "CAIRN_ALLOWED_HOSTS", "")
    monkeypatch.setitem(app.config, "CAIRN_ALLOW_PRIVATE_URLS", True)
    assert service.create_action(contract(key="two", url="http://127.0.0.1/")).key == "two"
    monkeypatch.setitem(app.config, "CAIRN_ALLOW_PRIVATE_URLS", False)
    with pytest.raises(InvalidInput):
        service.create_action(contract(key="three", url="http://127.0.0.1/"))


def test_unresolvable_host_is_saved_with_a_warning(db):
    service.create_action(contract())
    _, warnings = service.update_action("send-welcome", contract(url="https://nowhere.invalid/x"))
    assert any("does not resolve" in warning for warning in warnings)


# --- secrets ---------------------------------------------------------------------------------


def test_secrets_are_encrypted_at_rest(db):
    action = service.create_action(contract())
    stored = json.dumps(db.session.execute(select(Action.spec)).scalar_one())
    assert TOKEN not in stored and HEADER_SECRET not in stored
    spec = service.decrypted_spec(action)
    assert spec["auth"]["token"] == TOKEN
    assert spec["headers"][1]["value"] == HEADER_SECRET
    assert spec["key"] == "send-welcome"
    masked = service.masked_contract(action)
    assert masked["auth"]["token"] == MASK and masked["headers"][1]["value"] == MASK


def test_mask_sent_back_keeps_the_secret(db):
    service.create_action(contract())
    changed = service.masked_contract(service.get_action("send-welcome"))
    changed["name"] = "Renamed"
    action, _ = service.update_action("send-welcome", changed)
    spec = service.decrypted_spec(action)
    assert action.name == "Renamed"
    assert spec["auth"]["token"] == TOKEN
    assert spec["headers"][1]["value"] == HEADER_SECRET


def test_mask_without_a_stored_secret_is_refused(db):
    with pytest.raises(InvalidInput) as excinfo:
        service.create_action(contract(auth={"type": "bearer", "token": MASK}))
    assert "auth.token" in problems_of(excinfo)


def test_new_secret_replaces_the_old(db):
    service.create_action(contract())
    action, _ = service.update_action("send-welcome", contract(auth={"type": "bearer", "token": "new-one"}))
    assert service.decrypted_spec(action)["auth"]["token"] == "new-one"


# --- listing, usage, duplicate, delete -------------------------------------------------------


def test_list_filters(db):
    service.create_action(contract())
    service.create_action(contract(key="sync-crm", name="Sync CRM", description="Pushes contacts"))
    service.ensure_builtin_actions()
    assert [a.key for a in service.list_actions("crm")] == ["sync-crm"]
    assert [a.key for a in service.list_actions("contacts")] == ["sync-crm"]
    assert [a.key for a in service.list_actions(channel="sms")] == ["send-sms"]
    assert {a.key for a in service.list_actions(needs_configuration=True)} == {
        "send-email", "send-sms", "send-push"}
    assert {a.key for a in service.list_actions(needs_configuration=False)} == {"send-welcome", "sync-crm"}
    with pytest.raises(InvalidInput):
        service.list_actions(channel="fax")


def test_get_unknown_action(db):
    with pytest.raises(NotFound):
        service.get_action("nope")


def test_usage_merges_providers(db):
    first = journeys_using({"send-welcome": [{"id": 1, "name": "Onboarding", "status": "live"}]})
    second = journeys_using({"send-welcome": [{"id": 1, "name": "Onboarding", "status": "live"},
                                              {"id": 2, "name": "Abandoned cart", "status": "draft"}]})
    with registered(service.USAGE_PROVIDERS, first), registered(service.USAGE_PROVIDERS, second):
        assert [j["name"] for j in service.usage("send-welcome")] == ["Abandoned cart", "Onboarding"]
        assert service.usage("other") == []


def test_delete_refused_while_used(db):
    service.create_action(contract())
    provider = journeys_using({"send-welcome": [{"id": 7, "name": "Onboarding", "status": "draft"}]})
    with registered(service.USAGE_PROVIDERS, provider), pytest.raises(service.ActionInUse) as excinfo:
        service.delete_action("send-welcome")
    assert excinfo.value.status == 409
    assert excinfo.value.journeys == [{"id": 7, "name": "Onboarding", "status": "draft"}]
    assert "Onboarding" in excinfo.value.message
    service.delete_action("send-welcome")
    with pytest.raises(NotFound):
        service.get_action("send-welcome")


def test_builtins_cannot_be_deleted(db):
    service.ensure_builtin_actions()
    with pytest.raises(Conflict):
        service.delete_action("send-email")


def test_editing_an_action_a_live_journey_uses_warns(db):
    service.create_action(contract())
    live = journeys_using({"send-welcome": [{"id": 3, "name": "Onboarding", "status": "live"}]})
    draft = journeys_using({"send-welcome": [{"id": 4, "name": "Draft one", "status": "draft"}]})
    with registered(service.USAGE_PROVIDERS, draft):
        assert service.update_action("send-welcome", contract(name="B"))[1] == []
    with registered(service.USAGE_PROVIDERS, live):
        _, warnings = service.update_action("send-welcome", contract(name="C"))
    assert len(warnings) == 1 and "Onboarding" in warnings[0]


def test_duplicate_gets_a_free_key_and_keeps_secrets(db):
    service.create_action(contract())
    first = service.duplicate_action("send-welcome")
    second = service.duplicate_action("send-welcome")
    assert (first.key, second.key) == ("send-welcome-copy", "send-welcome-copy-2")
    assert first.name == "Send welcome email (copy)"
    assert service.decrypted_spec(first)["auth"]["token"] == TOKEN
    long_key = "a" * 64
    service.create_action(contract(key=long_key))
    assert len(service.duplicate_action(long_key).key) <= 64


# --- test calls ------------------------------------------------------------------------------


def test_test_call_sends_one_request_and_masks_secrets(app, db, local_target):
    action = service.create_action(contract(url=local_target.url + "/v3/send"))
    result = service.test_call(action, {"params": {"email": "ada@example.com", "amount": "12.5"},
                                        "query": {"ts": "2024-01-01"}})
    assert result.ok and result.status == 200 and result.error is None
    assert result.duration_ms is not None and result.duration_ms >= 0
    assert result.response_json == {"messageId": "abc-123"}
    assert len(local_target.requests) == 1
    sent = local_target.requests[0]
    assert sent["path"] == "/v3/send?region=eu&ts=2024-01-01"
    assert sent["headers"]["Authorization"] == f"Bearer {TOKEN}"
    assert sent["headers"]["X-Signature"] == HEADER_SECRET
    assert json.loads(sent["body"]) == {"to": "ada@example.com", "template": "welcome", "amount": 12.5,
                                        "note": "Hi ada@example.com"}
    shown = json.dumps(result.request)
    assert TOKEN not in shown and HEADER_SECRET not in shown
    assert result.request["headers"]["Authorization"] == f"Bearer {MASK}"


def test_test_call_refuses_unsafe_target_at_call_time(app, db, monkeypatch):
    with TargetServer() as server:
        monkeypatch.setitem(app.config, "CAIRN_ALLOWED_HOSTS", "127.0.0.1")
        action = service.create_action(contract(url=server.url + "/x"))
        monkeypatch.setitem(app.config, "CAIRN_ALLOWED_HOSTS", "")
        result = service.test_call(action, {"params": {"email": "a@b.co"}, "query": {"ts": "x"}})
        assert result.status is None and "Refused" in result.error
        assert server.requests == []


def test_test_call_names_bad_sample_values(db, local_target):
    action = service.create_action(contract(url=local_target.url))
    with pytest.raises(InvalidInput) as excinfo:
        service.test_call(action, {"params": {"amount": "lots"}, "query": {"ts": "x"}})
    assert "params.email" in problems_of(excinfo) or "params.amount" in problems_of(excinfo)
    with pytest.raises(InvalidInput) as excinfo:
        service.test_call(action, {"params": {"email": "a@b.co", "amount": "lots"}, "query": {"ts": "x"}})
    assert list(problems_of(excinfo)) == ["params.amount"]
    assert local_target.requests == []


def test_test_call_truncates_large_responses(db, local_target):
    local_target.body = b"x" * (service.RESPONSE_PREVIEW_CHARS + 500)
    local_target.content_type = "text/plain"
    action = service.create_action(contract(url=local_target.url))
    result = service.test_call(action, {"params": {"email": "a@b.co"}, "query": {"ts": "x"}})
    assert result.truncated and len(result.response_body) == service.RESPONSE_PREVIEW_CHARS
    assert result.response_json is None


def test_use_response_as_sample(db):
    action = service.create_action(contract())
    service.use_response_as_sample(action, '{"messageId": "abc"}')
    service.use_response_as_sample(action, {"error": "bad"}, error=True)
    assert action.spec["response_sample"] == {"messageId": "abc"}
    assert action.spec["error_response_sample"] == {"error": "bad"}
    assert service.decrypted_spec(action)["auth"]["token"] == TOKEN
    with pytest.raises(InvalidInput):
        service.use_response_as_sample(action, "<html>")


# --- the sample-body workflow ----------------------------------------------------------------


def test_sample_fields_walk_objects_and_guess_types():
    sample = {"to": "ada@example.com", "amount": 12.5, "count": 3, "vip": True,
              "at": "2024-05-01T09:30:00Z", "tags": ["a", "b"], "items": [{"sku": "X1"}],
              "meta": {"source": "web", "to": "x"}, "empty": {}}
    fields = {field.label: field for field in service.sample_fields(sample)}
    assert {label: field.type for label, field in fields.items()} == {
        "to": "string", "amount": "number", "count": "integer", "vip": "boolean", "at": "datetime",
        "tags": "list<string>", "items.0.sku": "string", "meta.source": "string", "meta.to": "string",
        "empty": "object"}
    assert fields["meta.to"].name == "to_2"


def test_template_from_sample_writes_placeholders_and_parameters(db):
    sample = {"to": "ada@example.com", "template": "welcome", "amount": 12.5, "meta": {"source": "web"}}
    fields = service.sample_fields(sample)
    choices = [service.FieldChoice(variable=field.label in ("to", "amount"), name=field.name, type=field.type)
               for field in fields]
    template, parameters = service.template_from_sample(sample, choices)
    assert template == {"to": "{{to}}", "template": "welcome", "amount": "{{amount}}",
                        "meta": {"source": "web"}}
    assert [(p["name"], p["type"]) for p in parameters] == [("to", "string"), ("amount", "number")]
    action = service.create_action(contract(body=template, parameters=parameters))
    assert action.spec["body"] == template
