"""Parameter types, template rendering and request rendering from an action contract."""

from __future__ import annotations

import json
import time
from datetime import UTC, date, datetime
from urllib.parse import parse_qsl, urlsplit

import pytest

from app.actions.rendering import (
    RenderedRequest,
    compile_spec,
    placeholders_in,
    render_request,
    render_template,
)
from app.actions.types import (
    TYPE_NAMES,
    ParameterValueError,
    ParamType,
    UnknownTypeError,
    coerce,
    parse_type,
)
from app.crypto import MASK

# --- types -----------------------------------------------------------------------------------


def test_parse_type() -> None:
    assert parse_type("integer") == ParamType("integer")
    assert parse_type("list<object>") == ParamType("object", is_list=True)
    assert parse_type(" list< string > ") == ParamType("string", is_list=True)
    assert str(parse_type("list<number>")) == "list<number>"
    assert len(TYPE_NAMES) == 12


@pytest.mark.parametrize("name", ["", "int", "list<list<string>>", "list<>", "List<string>", "float", None])
def test_unknown_types_are_refused(name) -> None:
    with pytest.raises(UnknownTypeError, match="unknown type"):
        parse_type(name)


@pytest.mark.parametrize(
    ("type_name", "value", "expected"),
    [
        ("string", "hi", "hi"),
        ("string", 42, "42"),
        ("string", 1.5, "1.5"),
        ("string", True, "true"),
        ("string", date(2024, 5, 1), "2024-05-01"),
        ("integer", 7, 7),
        ("integer", 7.0, 7),
        ("integer", " -12 ", -12),
        ("number", 3, 3),
        ("number", 2.5, 2.5),
        ("number", "2.5", 2.5),
        ("number", "10", 10),
        ("boolean", False, False),
        ("boolean", "TRUE", True),
        ("boolean", "false", False),
        ("datetime", "2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z"),
        ("datetime", datetime(2024, 5, 1, 10, tzinfo=UTC), "2024-05-01T10:00:00+00:00"),
        ("object", {"a": [1]}, {"a": [1]}),
        ("object", '{"a": 1}', {"a": 1}),
        ("list<integer>", [1, "2", 3.0], [1, 2, 3]),
        ("list<string>", ("a", 1), ["a", "1"]),
        ("list<object>", '[{"a": 1}]', [{"a": 1}]),
        ("list<boolean>", [], []),
    ],
)
def test_coerce_converts_what_keeps_its_meaning(type_name: str, value, expected) -> None:
    result = coerce(type_name, value)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("type_name", "value", "message"),
    [
        ("string", {"a": 1}, "expected a string, got {'a': 1}"),
        ("string", float("nan"), "expected a string"),
        ("integer", 1.5, "expected an integer, got 1.5"),
        ("integer", True, "expected an integer, got True"),
        ("integer", "12a", "expected an integer"),
        ("number", "abc", "expected a number, got 'abc'"),
        ("number", float("inf"), "expected a finite number"),
        ("number", False, "expected a number"),
        ("boolean", 1, "expected true or false, got 1"),
        ("boolean", "yes", "expected true or false"),
        ("datetime", "yesterday", "expected an ISO 8601 date-time, got 'yesterday'"),
        ("datetime", 1714557600, "expected an ISO 8601 date-time"),
        ("object", [1], "expected an object"),
        ("object", "not json", "expected an object"),
        ("list<string>", "abc", "expected a list of string"),
        ("list<integer>", [1, "x"], "item 1: expected an integer, got 'x'"),
        ("list<integer>", [1, None], "item 1: expected integer, got None"),
    ],
)
def test_coerce_refuses_with_a_named_problem(type_name: str, value, message: str) -> None:
    with pytest.raises(ParameterValueError) as raised:
        coerce(type_name, value)
    assert message in str(raised.value)


def test_long_values_are_shortened_in_messages() -> None:
    with pytest.raises(ParameterValueError) as raised:
        coerce("integer", "x" * 500)
    assert len(str(raised.value)) < 80


# --- templates -------------------------------------------------------------------------------


def test_placeholders_in_reads_values_anywhere_but_not_keys() -> None:
    template = {
        "to": "{{email}}",
        "{{key}}": "plain",
        "nested": [{"x": "{{ amount }}"}, "Hi {{first_name}}, {{last_name}}!", 3, None, True],
        "not": "{{ not-a-name }} {email} {{}}",
    }
    assert placeholders_in(template) == {"email", "amount", "first_name", "last_name"}
    assert placeholders_in("{{only}}") == {"only"}
    assert placeholders_in(12) == set()


def test_exact_placeholders_keep_their_type() -> None:
    template = {"n": "{{n}}", "o": "{{ o }}", "z": "{{z}}", "l": ["{{n}}", "{{b}}"], "b": "{{b}}"}
    values = {"n": 1.5, "o": {"k": [1, None]}, "z": None, "b": False}
    assert render_template(template, values) == {
        "n": 1.5,
        "o": {"k": [1, None]},
        "z": None,
        "l": [1.5, False],
        "b": False,
    }


def test_placeholders_in_text_are_interpolated_as_text() -> None:
    template = "Hi {{name}}: {{n}} {{b}} {{o}} {{l}} [{{z}}] {{name}}"
    values = {"name": "Ana ✓", "n": 2, "b": True, "o": {"a": "é"}, "l": [1, "x"], "z": None}
    assert render_template(template, values) == 'Hi Ana ✓: 2 true {"a":"é"} [1,"x"] [] Ana ✓'


def test_absent_optional_values_are_left_out() -> None:
    template = {"a": "{{a}}", "keep": 1, "list": ["{{a}}", 2], "text": "x{{a}}y"}
    assert render_template(template, {}) == {"keep": 1, "list": [None, 2], "text": "xy"}
    assert render_template("{{a}}", {}) is None


def test_constant_templates_are_returned_as_is() -> None:
    template = {"a": [1, {"b": "no placeholder"}], "c": None}
    assert render_template(template, {"x": 1}) == template


# --- requests --------------------------------------------------------------------------------


SPEC = {
    "key": "send-welcome",
    "name": "Send welcome",
    "channel": "email",
    "method": "POST",
    "url": "https://api.example.com/v3/send",
    "dynamic_path": True,
    "query": [
        {"name": "region", "value": "eu west"},
        {"name": "ts", "variable": True, "type": "string"},
        {"name": "tags", "variable": True, "type": "list<string>", "required": False},
    ],
    "headers": [
        {"name": "X-Api-Version", "value": "2"},
        {"name": "X-Secret", "value": "hunter2", "secret": True},
        {"name": "X-Trace", "variable": True, "type": "string"},
        {"name": "X-Count", "variable": True, "type": "integer", "required": False},
    ],
    "auth": {"type": "none"},
    "parameters": [
        {"name": "email", "type": "string", "required": True},
        {"name": "amount", "type": "number", "required": False, "nullable": True},
        {"name": "profile", "type": "object", "required": False},
    ],
    "body": {
        "to": "{{email}}",
        "template": "welcome",
        "amount": "{{amount}}",
        "note": "Hi {{email}}",
        "profile": "{{profile}}",
    },
    "timeout_ms": 10000,
    "retries": 3,
    "rate_limit": None,
}


def test_render_request_fills_every_part() -> None:
    request = render_request(
        SPEC,
        params={"email": "a@b.co", "amount": "12.5"},
        headers={"X-Trace": "t-1", "X-Count": "3"},
        query={"ts": "2024-01-01 10:00", "tags": ["a&b", "c"]},
        path="users/42",
    )
    assert request.method == "POST"
    parts = urlsplit(request.url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://api.example.com/v3/send/users/42"
    assert parse_qsl(parts.query) == [
        ("region", "eu west"),
        ("ts", "2024-01-01 10:00"),
        ("tags", "a&b"),
        ("tags", "c"),
    ]
    assert request.headers == {
        "X-Api-Version": "2",
        "X-Secret": "hunter2",
        "X-Trace": "t-1",
        "X-Count": "3",
        "Content-Type": "application/json",
    }
    assert request.body == {"to": "a@b.co", "template": "welcome", "amount": 12.5, "note": "Hi a@b.co"}
    assert json.loads(request.body_json()) == request.body
    assert request.secret_values == ["hunter2"]


def test_optional_variables_may_be_absent_or_null() -> None:
    request = render_request(
        SPEC, params={"email": "a@b.co", "amount": None}, headers={"X-Trace": "t"}, query={"ts": "1"}
    )
    assert request.body["amount"] is None
    assert "X-Count" not in request.headers
    assert request.url == "https://api.example.com/v3/send?region=eu+west&ts=1"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"params": {}}, "parameter 'email': is required"),
        ({"params": {"email": "x", "amount": "lots"}}, "parameter 'amount': expected a number, got 'lots'"),
        ({"params": {"email": None}}, "parameter 'email': may not be null"),
        ({"params": {"email": "x", "profile": None}}, "parameter 'profile': may not be null"),
        ({"params": {"email": "x", "nope": 1}}, "parameter 'nope': this action declares no parameter"),
        ({"params": {"email": "x"}, "headers": {}}, "header 'X-Trace': is required"),
        (
            {"params": {"email": "x"}, "headers": {"X-Trace": "a\r\nEvil: 1"}, "query": {"ts": "1"}},
            "header 'X-Trace': must not contain line breaks",
        ),
        ({"params": {"email": "x"}, "headers": {"X-Trace": "t", "X-Count": "many"}}, "header 'X-Count'"),
        ({"params": {"email": "x"}, "headers": {"X-Trace": "t"}}, "query 'ts': is required"),
        (
            {"params": {"email": "x"}, "headers": {"X-Trace": "t"}, "query": {"ts": "1"}, "path": "../admin"},
            "path 'path': must not contain '.' or '..' segments",
        ),
        (
            {"params": {"email": "x"}, "headers": {"X-Trace": "t"}, "query": {"ts": "1"}, "path": {"a": 1}},
            "path 'path': expected text",
        ),
    ],
)
def test_render_request_names_the_failing_field(values: dict, message: str) -> None:
    with pytest.raises(ParameterValueError) as raised:
        render_request(SPEC, **values)
    assert message in str(raised.value)


def test_dynamic_path_segments_are_encoded_and_cannot_escape() -> None:
    compiled = compile_spec(SPEC)
    bound = {"params": {"email": "x"}, "headers": {"X-Trace": "t"}, "query": {"ts": "1"}}
    cases = {
        "/a b/ü//c/": "/v3/send/a%20b/%C3%BC/c/",
        "//evil.example.com/x": "/v3/send/evil.example.com/x",
        "x?admin=1#frag": "/v3/send/x%3Fadmin=1%23frag",
        "%2e%2e": "/v3/send/%252e%252e",
        42: "/v3/send/42",
        "": "/v3/send",
    }
    for path, expected in cases.items():
        url = compiled.render(**bound, path=path).url
        assert urlsplit(url).netloc == "api.example.com"
        assert urlsplit(url).path == expected


def test_path_is_refused_when_the_action_has_no_dynamic_path() -> None:
    spec = {**SPEC, "dynamic_path": False}
    with pytest.raises(ParameterValueError, match="takes no dynamic path"):
        render_request(spec, params={"email": "x"}, headers={"X-Trace": "t"}, query={"ts": "1"}, path="a")


def test_get_sends_no_body_and_keeps_a_static_query() -> None:
    spec = {"method": "get", "url": "https://h.example/search?fixed=1", "query": [{"name": "q", "value": 5}]}
    request = render_request(spec)
    assert request == RenderedRequest("GET", "https://h.example/search?fixed=1&q=5", {}, None, [])
    assert request.body_json() is None


def test_declared_content_type_is_not_repeated() -> None:
    spec = {
        "method": "PUT",
        "url": "https://h.example/",
        "body": {"a": 1},
        "headers": [{"name": "content-type", "value": "application/json; charset=utf-8"}],
    }
    assert render_request(spec).headers == {"content-type": "application/json; charset=utf-8"}


def test_masked_hides_every_secret_in_url_headers_and_body() -> None:
    request = RenderedRequest(
        "POST",
        "https://h.example/x?key=s%26cret+one&other=s%26cret%20one",
        {"Authorization": "Bearer tok123", "X-Secret": "hunter2", "X-Plain": "visible"},
        {"echo": "my token is tok123", "n": 1, "list": ["hunter2"]},
        ["tok123", "hunter2", "s&cret one", ""],
    )
    record = request.masked()
    text = json.dumps(record)
    for secret in ("tok123", "hunter2", "s%26cret", "s&cret"):
        assert secret not in text
    assert record["headers"] == {"Authorization": f"Bearer {MASK}", "X-Secret": MASK, "X-Plain": "visible"}
    assert record["body"] == {"echo": f"my token is {MASK}", "n": 1, "list": [MASK]}
    assert request.headers["X-Secret"] == "hunter2"
    plain = RenderedRequest("GET", "https://h.example/", {"A": "b"}, None).masked()
    assert plain == {"method": "GET", "url": "https://h.example/", "headers": {"A": "b"}, "body": None}


def test_variable_secret_headers_are_listed_for_masking() -> None:
    spec = {
        "method": "GET",
        "url": "https://h.example/",
        "headers": [{"name": "X-Key", "variable": True, "type": "string", "secret": True}],
    }
    request = render_request(spec, headers={"X-Key": "per-profile-key"})
    assert request.secret_values == ["per-profile-key"]
    assert request.masked()["headers"] == {"X-Key": MASK}


def test_rendered_dates_inside_objects_become_iso_text() -> None:
    request = RenderedRequest("POST", "https://h.example/", {}, {"at": datetime(2024, 1, 2, 3, 4, 5)})
    assert request.body_json() == b'{"at":"2024-01-02T03:04:05"}'


def test_compiled_rendering_is_fast() -> None:
    compiled = compile_spec(SPEC)
    bound = {
        "params": {"email": "a@b.co", "amount": 3},
        "headers": {"X-Trace": "t"},
        "query": {"ts": "1"},
        "path": "users/1",
    }
    count = 5000
    started = time.perf_counter()
    for _ in range(count):
        compiled.render(**bound).body_json()
    per_second = count / (time.perf_counter() - started)
    assert per_second > 5000, f"only {per_second:.0f} renders/s"
