"""The action contract schema: every rule with its per-field message, and write-only secrets."""

from __future__ import annotations

import copy
import json

import pytest
from marshmallow import ValidationError

from app.actions.rendering import compile_spec
from app.actions.schemas import (
    NO_STORED_SECRET,
    ActionSpecSchema,
    decrypt_secrets,
    encrypt_secrets,
    mask_secrets,
    merge_secrets,
)
from app.crypto import MASK, SecretBox, SecretDecryptionError

CONTRACT = {
    "key": "send-welcome",
    "name": "Send welcome email",
    "description": "Sends the welcome email.",
    "channel": "custom",
    "method": "POST",
    "url": "https://api.example.com/v3/send",
    "dynamic_path": True,
    "query": [{"name": "region", "value": "eu"}, {"name": "ts", "variable": True, "type": "string"}],
    "headers": [
        {"name": "X-Api-Version", "value": "2"},
        {"name": "X-Trace", "variable": True, "type": "string"},
        {"name": "X-Partner-Key", "value": "pk-123", "secret": True},
    ],
    "auth": {"type": "bearer", "token": "tok-abc"},
    "parameters": [
        {"name": "email", "type": "string", "required": True},
        {"name": "amount", "type": "number", "required": False, "nullable": True},
    ],
    "body": {"to": "{{email}}", "template": "welcome", "amount": "{{amount}}", "note": "Hi {{email}}"},
    "response_sample": {"messageId": "abc"},
    "error_response_sample": {"error": "..."},
    "timeout_ms": 10000,
    "retries": 3,
    "rate_limit": {"calls": 100, "per_seconds": 1, "mode": "throttle"},
}


def load(**changes) -> dict:
    return ActionSpecSchema().load({**copy.deepcopy(CONTRACT), **changes})


def errors_of(**changes) -> dict:
    with pytest.raises(ValidationError) as raised:
        load(**changes)
    return raised.value.messages


def test_the_documented_contract_loads_with_parameter_defaults_made_explicit() -> None:
    expected = copy.deepcopy(CONTRACT)
    expected["parameters"][0]["nullable"] = False
    assert load() == expected


def test_a_minimal_contract_gets_defaults() -> None:
    minimal = {
        "key": "ping",
        "name": "Ping",
        "channel": "custom",
        "method": "GET",
        "url": "http://h.example/p",
    }
    assert ActionSpecSchema().load(minimal) == {
        **minimal,
        "description": "",
        "dynamic_path": False,
        "query": [],
        "headers": [],
        "auth": {"type": "none"},
        "parameters": [],
        "body": None,
        "response_sample": None,
        "error_response_sample": None,
        "timeout_ms": 10000,
        "retries": 3,
        "rate_limit": None,
    }


def test_loaded_contract_renders() -> None:
    request = compile_spec(load()).render(
        params={"email": "a@b.co"}, headers={"X-Trace": "t"}, query={"ts": "1"}, path="x"
    )
    assert request.url == "https://api.example.com/v3/send/x?region=eu&ts=1"
    assert request.body == {"to": "a@b.co", "template": "welcome", "note": "Hi a@b.co"}


def test_body_given_as_text_is_parsed() -> None:
    spec = load(body=json.dumps(CONTRACT["body"], indent=2), response_sample='{"id": 1}')
    assert spec["body"] == CONTRACT["body"]
    assert spec["response_sample"] == {"id": 1}
    assert load(error_response_sample="  ")["error_response_sample"] is None


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        (
            {"key": "Send Welcome"},
            {"key": ["Use 1 to 64 lowercase letters, digits and hyphens, starting with a letter or digit."]},
        ),
        (
            {"key": "-x"},
            {"key": ["Use 1 to 64 lowercase letters, digits and hyphens, starting with a letter or digit."]},
        ),
        (
            {"key": "a" * 65},
            {"key": ["Use 1 to 64 lowercase letters, digits and hyphens, starting with a letter or digit."]},
        ),
        ({"channel": "fax"}, {"channel": ["Must be one of: custom, email, sms, push."]}),
        ({"method": "TRACE"}, {"method": ["Must be one of: GET, POST, PUT, PATCH, DELETE."]}),
        ({"url": "ftp://api.example.com"}, {"url": ["The url must start with http:// or https://."]}),
        ({"url": "/v3/send"}, {"url": ["The url must start with http:// or https://."]}),
        (
            {"url": "https://u:p@api.example.com/"},
            {"url": ["The url must not contain credentials; use the action's authentication."]},
        ),
        (
            {"url": "https://api.example.com/{{email}}"},
            {
                "url": [
                    "Placeholders are not allowed in the URL; use dynamic_path or a variable query item "
                    "instead."
                ]
            },
        ),
        (
            {"timeout_ms": 99},
            {"timeout_ms": ["Must be greater than or equal to 100 and less than or equal to 60000."]},
        ),
        (
            {"timeout_ms": 60001},
            {"timeout_ms": ["Must be greater than or equal to 100 and less than or equal to 60000."]},
        ),
        ({"retries": 11}, {"retries": ["Must be greater than or equal to 0 and less than or equal to 10."]}),
        ({"retries": -1}, {"retries": ["Must be greater than or equal to 0 and less than or equal to 10."]}),
        (
            {"rate_limit": {"calls": 0, "per_seconds": 0, "mode": "burst"}},
            {
                "rate_limit": {
                    "calls": ["Must be greater than or equal to 1."],
                    "per_seconds": ["Must be greater than 0."],
                    "mode": ["Must be one of: throttle, cap."],
                }
            },
        ),
        (
            {"body": '{"to": "{{email}}",}'},
            {
                "body": [
                    "Not valid JSON: Expecting property name enclosed in double quotes: line 1 column 20 "
                    "(char 19)."
                ]
            },
        ),
        ({"surprise": True}, {"surprise": ["Unknown field."]}),
        (
            {"auth": {"type": "kerberos"}},
            {
                "auth": {
                    "type": [
                        "Unknown auth type 'kerberos'; expected one of none, bearer, basic, api_key, "
                        "oauth2_client_credentials, google_service_account."
                    ]
                }
            },
        ),
        (
            {"auth": {"type": "basic", "username": "ana"}},
            {"auth": {"password": ["Missing data for required field."]}},
        ),
        ({"auth": "bearer"}, {"auth": ["Not a valid object."]}),
    ],
)
def test_field_rules(changes: dict, errors: dict) -> None:
    assert errors_of(**changes) == errors


def test_item_rules_are_reported_at_their_position() -> None:
    errors = errors_of(
        headers=[
            {"name": "X Bad", "value": "1"},
            {"name": "X-Ok", "value": "a\r\nInjected: 1"},
            {"name": "Content-Type", "value": "text/plain"},
            {"name": "Host", "value": "other.example"},
            {"name": "X-Var", "variable": True},
            {"name": "X-Both", "variable": True, "type": "string", "value": "v"},
            {"name": "X-Const", "value": "v", "type": "string"},
            {"name": "X-Obj", "value": {"a": 1}},
            {"name": "X-Tpl", "value": "{{email}}"},
            {"name": "X-Trace", "variable": True, "type": "decimal"},
        ],
        query=[{"name": "", "value": "x"}, {"name": "q"}],
    )
    assert errors == {
        "headers": {
            0: {"name": ["Not a valid header name (letters, digits and !#$%&'*+.^_`|~- only)."]},
            1: {"value": ["A header value must not contain line breaks."]},
            2: {"value": ["Content-Type must stay application/json."]},
            3: {"name": ["Cairn sets Host itself."]},
            4: {"type": ["Missing data for required field."]},
            5: {"value": ["A variable item has no constant value."]},
            6: {"type": ["Only a variable item has this field."]},
            7: {"value": ["Expected text, a number or a boolean."]},
            8: {
                "value": ["Placeholders are not allowed in constant values; mark the item variable instead."]
            },
            9: {
                "type": [
                    "Unknown type 'decimal'; expected one of string, integer, number, boolean, datetime, "
                    "object, list<string>, list<integer>, list<number>, list<boolean>, list<datetime>, "
                    "list<object>."
                ]
            },
        },
        "query": {
            0: {"name": ["Length must be between 1 and 200."]},
            1: {"value": ["Missing data for required field."]},
        },
    }


def test_content_type_may_only_be_json() -> None:
    for value in ("application/json", "Application/JSON; charset=utf-8"):
        load(headers=[{"name": "content-type", "value": value}])
    assert errors_of(headers=[{"name": "Content-Type", "variable": True, "type": "string"}]) == {
        "headers": {0: {"value": ["Content-Type must stay application/json."]}}
    }


def test_parameter_rules() -> None:
    errors = errors_of(
        parameters=[
            {"name": "email", "type": "string"},
            {"name": "1st", "type": "string"},
            {"name": "amount", "type": "money"},
            {"name": "x", "type": "string", "extra": 1},
        ]
    )
    assert set(errors) == {"parameters"}
    assert errors["parameters"][1] == {
        "name": ["Use letters, digits and underscores, not starting with a digit."]
    }
    assert errors["parameters"][2]["type"][0].startswith("Unknown type 'money'; expected one of string,")
    assert errors["parameters"][3] == {"extra": ["Unknown field."]}
    assert 0 not in errors["parameters"]
    assert (
        load(parameters=[{"name": "email", "type": " list< string >"}, {"name": "amount", "type": "number"}])[
            "parameters"
        ][0]["type"]
        == "list<string>"
    )


def test_placeholders_and_parameters_must_match() -> None:
    errors = errors_of(
        body={"to": "{{email}}", "x": "{{ undeclared }}", "{{key}}": 1, "n": "{{other}}"},
        parameters=[
            {"name": "email", "type": "string"},
            {"name": "unused", "type": "integer"},
            {"name": "email", "type": "string"},
        ],
    )
    assert errors == {
        "body": [
            "Placeholders are not allowed in keys ('{{key}}').",
            "{{other}} does not name a declared parameter.",
            "{{undeclared}} does not name a declared parameter.",
        ],
        "parameters": {
            1: {"name": ["Parameter 'unused' is not used in the body."]},
            2: {"name": ["Parameter 'email' is declared twice."]},
        },
    }


def test_get_and_delete_send_no_body() -> None:
    assert errors_of(method="GET")["body"] == ["GET requests send no body; remove it."]
    spec = load(method="DELETE", body=None, parameters=[])
    assert spec["body"] is None


def test_names_are_unique_headers_case_insensitively() -> None:
    errors = errors_of(
        headers=[{"name": "X-A", "value": "1"}, {"name": "x-a", "value": "2"}],
        query=[{"name": "a", "value": "1"}, {"name": "A", "value": "2"}, {"name": "a", "value": "3"}],
    )
    assert errors == {
        "headers": {1: {"name": ["'x-a' appears twice."]}},
        "query": {2: {"name": ["'a' appears twice."]}},
    }


def test_a_header_the_authentication_sets_is_refused() -> None:
    errors = errors_of(headers=[{"name": "authorization", "value": "Bearer x"}])
    assert errors == {
        "headers": {
            0: {"name": ["The authentication sets Authorization; remove this header or the authentication."]}
        }
    }
    api_key = {"type": "api_key", "name": "X-Key", "in": "header", "value": "k"}
    assert "headers" in errors_of(auth=api_key, headers=[{"name": "x-key", "value": "1"}])
    load(auth={"type": "none"}, headers=[{"name": "Authorization", "value": "Token t", "secret": True}])


# --- secrets -------------------------------------------------------------------------------------


def test_dump_masks_every_secret_and_nothing_else() -> None:
    dumped = ActionSpecSchema().dump(load())
    assert dumped["auth"] == {"type": "bearer", "token": MASK}
    assert dumped["headers"][2] == {"name": "X-Partner-Key", "value": MASK, "secret": True}
    assert dumped["headers"][0] == {"name": "X-Api-Version", "value": "2"}
    assert "tok-abc" not in json.dumps(dumped) and "pk-123" not in json.dumps(dumped)
    unmasked = {**dumped, "auth": CONTRACT["auth"], "headers": CONTRACT["headers"]}
    assert unmasked == {**CONTRACT, "parameters": load()["parameters"]}


def test_dumped_form_posted_back_keeps_the_stored_secrets() -> None:
    stored = load()
    posted = ActionSpecSchema().dump(stored)
    posted["name"] = "Renamed"
    posted["headers"] = [posted["headers"][2], posted["headers"][0], posted["headers"][1]]
    spec = ActionSpecSchema().load(merge_secrets(posted, stored))
    assert spec["auth"]["token"] == "tok-abc"
    assert spec["headers"][0] == {"name": "X-Partner-Key", "value": "pk-123", "secret": True}
    assert spec["name"] == "Renamed"


def test_a_new_secret_replaces_the_stored_one() -> None:
    stored = load()
    posted = {**ActionSpecSchema().dump(stored), "auth": {"type": "bearer", "token": "tok-new"}}
    assert ActionSpecSchema().load(merge_secrets(posted, stored))["auth"]["token"] == "tok-new"


def test_a_mask_with_nothing_stored_is_refused() -> None:
    stored = load()
    changed_type = {
        **ActionSpecSchema().dump(stored),
        "auth": {"type": "basic", "username": "u", "password": MASK},
    }
    new_header = ActionSpecSchema().dump(stored)
    new_header["headers"].append({"name": "X-Other", "value": MASK, "secret": True})
    for posted, path in ((changed_type, ("auth", "password")), (new_header, ("headers", 3, "value"))):
        with pytest.raises(ValidationError) as raised:
            ActionSpecSchema().load(merge_secrets(posted, stored))
        messages = raised.value.messages
        for part in path:
            messages = messages[part]
        assert messages == [NO_STORED_SECRET]
    with pytest.raises(ValidationError):
        ActionSpecSchema().load(merge_secrets(ActionSpecSchema().dump(stored), None))


def test_merge_tolerates_malformed_payloads() -> None:
    stored = load()
    for payload in (
        None,
        [],
        "text",
        {"auth": "x", "headers": "y"},
        {"auth": {"type": "nope"}},
        {"headers": [None, {"secret": True}]},
    ):
        assert merge_secrets(payload, stored) == payload


def test_encrypt_and_decrypt_secrets() -> None:
    box = SecretBox(SecretBox.generate_key())
    spec = load()
    stored = encrypt_secrets(spec, box)
    text = json.dumps(stored)
    assert "tok-abc" not in text and "pk-123" not in text
    assert stored["headers"][0] == spec["headers"][0]
    assert decrypt_secrets(stored, box) == spec
    assert spec == load()
    with pytest.raises(SecretDecryptionError):
        decrypt_secrets(stored, SecretBox(SecretBox.generate_key()))
    assert mask_secrets(spec) == ActionSpecSchema().dump(spec)
