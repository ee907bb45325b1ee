"""Built-in Email, SMS and Push actions: seeded once, unusable until configured and tested."""

from __future__ import annotations

import json

import pytest

from app.actions import builtins, service
from app.actions.models import Action, Channel
from app.crypto import MASK
from app.errors import Conflict, InvalidInput
from tests.actions.test_service import TargetServer

PLATFORM_KEY = "platform-key-789"


def settings(base_url: str, **changes) -> dict:
    return {"base_url": base_url, "message_id": "EVT welcome/1",
            "auth": {"type": "api_key", "name": "X-Api-Key", "in": "header", "value": PLATFORM_KEY},
            **changes}


@pytest.fixture
def platform(app, monkeypatch):
    with TargetServer(body=b'{"status": "queued"}') as server:
        monkeypatch.setitem(app.config, "CAIRN_ALLOWED_HOSTS", "127.0.0.1")
        yield server


def test_seed_is_idempotent(db):
    created = service.ensure_builtin_actions()
    assert {action.key for action in created} == {"send-email", "send-sms", "send-push"}
    assert service.ensure_builtin_actions() == []
    assert Action.query.count() == 3
    for action in created:
        assert action.builtin and not action.configured
        assert action.needs_configuration_reason == builtins.UNCONFIGURED_REASON


@pytest.mark.parametrize(
    ("key", "parameters"),
    [
        ("send-email", {"to": "string", "message_id": "string", "personalization": "object"}),
        ("send-sms", {"to": "string", "text": "string"}),
        ("send-push", {"platform": "string", "token": "string", "title": "string", "body": "string",
                       "data": "object"}),
    ],
)
def test_fixed_parameters(db, key, parameters):
    service.ensure_builtin_actions()
    spec = service.get_action(key).spec
    assert {p["name"]: p["type"] for p in spec["parameters"]} == parameters


def test_unconfigured_builtin_cannot_be_tested(db):
    service.ensure_builtin_actions()
    with pytest.raises(Conflict):
        service.test_call(service.get_action("send-email"), {"params": {}})


def test_configure_then_connection_test_makes_it_usable(db, platform):
    service.ensure_builtin_actions()
    action, _ = service.configure_builtin("send-email", settings(platform.url + "/api/"))
    assert not action.configured and action.needs_configuration_reason == builtins.UNTESTED_REASON
    spec = service.decrypted_spec(action)
    assert spec["url"] == platform.url + "/api/EVT%20welcome%2F1"
    assert spec["channel"] == "email" and spec["auth"]["value"] == PLATFORM_KEY
    assert PLATFORM_KEY not in json.dumps(action.spec)
    assert action.platform_settings == {"base_url": platform.url + "/api/", "message_id": "EVT welcome/1"}

    result = service.test_call(action, {"params": {"to": "ada@example.com", "message_id": "welcome",
                                                   "personalization": '{"first": "Ada"}'}})
    assert result.ok, result
    assert action.configured
    sent = platform.requests[0]
    assert sent["path"] == "/api/EVT%20welcome%2F1"
    assert sent["headers"]["X-Api-Key"] == PLATFORM_KEY
    assert json.loads(sent["body"]) == {"to": "ada@example.com", "messageId": "welcome",
                                        "personalization": {"first": "Ada"}}
    assert result.request["headers"]["X-Api-Key"] == MASK


def test_failed_connection_test_keeps_it_unusable(db, platform):
    platform.status = 401
    service.ensure_builtin_actions()
    action, _ = service.configure_builtin("send-sms", settings(platform.url))
    result = service.test_call(action, {"params": {"to": "+447700900123", "text": "Hi"}})
    assert result.status == 401 and not action.configured


def test_reconfiguring_needs_a_new_test_and_mask_keeps_credentials(db, platform):
    service.ensure_builtin_actions()
    action, _ = service.configure_builtin("send-sms", settings(platform.url))
    service.test_call(action, {"params": {"to": "+447700900123", "text": "Hi"}})
    assert action.configured
    masked = settings(platform.url, message_id="EVT2")
    masked["auth"]["value"] = MASK
    action, _ = service.configure_builtin("send-sms", masked)
    assert not action.configured
    assert service.decrypted_spec(action)["auth"]["value"] == PLATFORM_KEY


def test_sms_number_must_be_e164(db, platform):
    service.ensure_builtin_actions()
    action, _ = service.configure_builtin("send-sms", settings(platform.url))
    with pytest.raises(InvalidInput) as excinfo:
        service.test_call(action, {"params": {"to": "07700 900123", "text": "Hi"}})
    assert "params.to" in excinfo.value.fields
    assert platform.requests == []


def test_push_platform_is_apns_or_fcm(db, platform):
    service.ensure_builtin_actions()
    action, _ = service.configure_builtin("send-push", settings(platform.url))
    values = {"platform": "blackberry", "token": "t", "title": "Hi", "body": "there"}
    with pytest.raises(InvalidInput) as excinfo:
        service.test_call(action, {"params": values})
    assert "params.platform" in excinfo.value.fields
    result = service.test_call(action, {"params": {**values, "platform": "fcm", "data": '{"a": 1}'}})
    assert result.ok
    assert json.loads(platform.requests[0]["body"]) == {
        "platform": "fcm", "token": "t", "notification": {"title": "Hi", "body": "there"}, "data": {"a": 1}}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"base_url": "http://127.0.0.1/"}, "base_url"),
        ({"base_url": "not a url"}, "base_url"),
        ({"message_id": ""}, "message_id"),
        ({"auth": {"type": "bearer"}}, "auth.token"),
        ({"timeout_ms": 5}, "timeout_ms"),
        ({"url": "https://93.184.216.34/"}, "url"),
    ],
)
def test_invalid_settings_name_the_field(db, changes, field):
    service.ensure_builtin_actions()
    with pytest.raises(InvalidInput) as excinfo:
        service.configure_builtin("send-email", {**settings("https://93.184.216.34/api"), **changes})
    assert field in excinfo.value.fields, excinfo.value.fields


def test_check_values_ignores_other_channels():
    assert builtins.check_values(Channel.CUSTOM, {"to": "anything"}) == {}
    assert builtins.check_values(Channel.SMS, {"to": "+14155550100"}) == {}
