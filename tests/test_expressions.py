"""CEL expressions: compiling, evaluating, path extraction and the editor's checks."""

from __future__ import annotations

from datetime import UTC, datetime

import cel
import pytest

from app.expressions import (
    EvaluationError,
    ExpressionError,
    build_context,
    check_expression,
    compile_expression,
    evaluate,
    prepare_context,
    referenced_paths,
    result_matches,
    value_type,
)

NOW = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)

SPEC = {
    "event": {
        "amount": "number",
        "count": "integer",
        "email": "string",
        "vip": "boolean",
        "created_at": "datetime",
        "tags": "list<string>",
        "extra": "object",
        "address": {"city": "string", "zip": "string"},
    },
    "nodes": {"n3": {"messageId": "string", "queued": "integer"}, "n4": None},
}


def context(**event):
    return build_context(
        event,
        journey_id=7,
        version=2,
        instance_id=41,
        profile_id="p-1",
        nodes={"n3": {"status": "ok", "response": {"messageId": "m1"}, "status_code": 202}},
        now=NOW,
    )


# ---- compile and evaluate ------------------------------------------------------------------


def test_evaluate_reads_the_documented_context():
    ctx = context(amount=150.0, email="a@example.com")
    assert evaluate("event.amount > 100", ctx) is True
    assert evaluate("nodes.n3.response.messageId", ctx) == "m1"
    assert evaluate("nodes.n3.status_code", ctx) == 202
    assert evaluate("journey.instance_id + '/' + journey.profile_id", ctx) == "41/p-1"
    assert evaluate("journey.version", ctx) == 2
    assert evaluate("string(now)", ctx).startswith("2024-05-01T09:30:00")
    assert evaluate("now + duration('1h')", ctx) == datetime(2024, 5, 1, 10, 30, tzinfo=UTC)


def test_prepared_context_gives_the_same_results():
    ctx = context(amount=5, email="x")
    prepared = prepare_context(ctx)
    for src in ("event.amount * 2", "event.email + '!'", "journey.id", "now"):
        assert evaluate(src, prepared) == evaluate(src, ctx)


def test_prepare_context_refuses_values_cel_cannot_hold():
    with pytest.raises(EvaluationError, match="cannot be used"):
        prepare_context({"event": {"tags": {"a", "b"}}})


def test_build_context_defaults_now_to_the_current_time():
    ctx = build_context({}, journey_id=1, version=1, instance_id="i", profile_id=3)
    assert ctx["nodes"] == {}
    assert ctx["journey"]["profile_id"] == "3"
    assert (datetime.now(UTC) - ctx["now"]).total_seconds() < 5


def test_compiled_programs_are_cached():
    assert compile_expression("1 + 2") is compile_expression("1 + 2")


@pytest.mark.parametrize(
    ("src", "message"),
    [
        ("1 +", "Syntax error at column 4: the expression ends too early"),
        ("a b", "Syntax error at column 3: unexpected 'b'"),
        ('"abc', "Syntax error at column 1: cannot read '\"abc' (unclosed quote?)"),
        ("nodes.in", "Syntax error at column 7: unexpected '.in'"),
        ("'x' +\n 1 +", "Syntax error at line 2, column 5: the expression ends too early"),
        ("   ", "Expression is empty"),
    ],
)
def test_compile_errors_are_short_and_located(src, message):
    with pytest.raises(ExpressionError) as caught:
        compile_expression(src)
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)
    assert "expecting" not in str(caught.value)


@pytest.mark.parametrize(
    ("src", "fragment"),
    [
        ("event.missing", "No field 'missing'"),
        ("event.email + 1", "Type mismatch: string + int is not defined"),
        ("event.amount + 1", "Type mismatch: double + int is not defined"),
        ("event.email > 1", "Type mismatch: the operation is not defined"),
        ("1 / 0", "Division by zero"),
        ("event.tags[3]", "List index out of bounds: 3"),
        ("int('x')", "int(): string parse error"),
        ("size(event.amount)", "Type mismatch: size() does not accept these argument types"),
        ("nope(1)", "Unknown name or function 'nope'"),
        ("9223372036854775807 + 1", "overflow"),
    ],
)
def test_runtime_errors_are_evaluation_errors_with_human_messages(src, fragment):
    with pytest.raises(EvaluationError) as caught:
        evaluate(src, context(amount=1.5, email="e", tags=["a"]))
    assert fragment in str(caught.value)
    assert "Check that" not in str(caught.value)


def test_evaluation_error_is_an_expression_error():
    with pytest.raises(ExpressionError):
        evaluate("event.nothing", context())


# ---- referenced paths ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "paths"),
    [
        ("event.amount > 100", {("event", "amount")}),
        ("nodes.n3.response.messageId", {("nodes", "n3", "response", "messageId")}),
        ("event.email.startsWith('a')", {("event", "email")}),
        ("size(event.tags) > 0", {("event", "tags")}),
        ('event["first-name"] + event.last', {("event", "first-name"), ("event", "last")}),
        ("'event.fake' + \"nodes.x\" + event.real", {("event", "real")}),
        ("'''it's event.no''' + r'\\' + event.yes", {("event", "yes")}),
        ("event.tags.exists(t, t == event.email)", {("event", "tags"), ("event", "email")}),
        ("event.tags.exists(t, t == 'a') || t", {("event", "tags"), ("t",)}),
        ("[1].map(x, x + y.z)", {("y", "z")}),
        ("event.items[0].price", {("event", "items")}),
        ("has(event.address.city)", {("event", "address", "city")}),
        ("(event).amount", {("event",)}),
        ("type(event.count) == int", {("event", "count")}),
        ("1.5 + event.e5", {("event", "e5")}),
        ("event . amount", {("event", "amount")}),
        ("x ? a.b : c[0].d", {("x",), ("a", "b"), ("c",)}),
        ("{'k': a.b}['k']", {("a", "b")}),
        ("event['a\\n']", {("event",)}),
        (".event.x", {(".event", "x")}),
        ("string(now)", {("now",)}),
        ("true && null == false", set()),
    ],
)
def test_referenced_paths(src, paths):
    assert referenced_paths(src) == paths


@pytest.mark.parametrize(
    "src",
    [
        "event.a + nodes.n1.response.b",
        "event.tags.all(t, t.size() > 0) && journey.id > 0",
        "a.map(x, x.filter(y, y > z))",
        "'q' in event && b'x' == b",
        "has(c.d) ? e : f[g]",
        "h.exists_one(i, i == j)",
    ],
)
def test_root_names_agree_with_the_library(src):
    roots = {path[0] for path in referenced_paths(src)}
    bound = {"t", "x", "y", "i"}
    assert roots == set(cel.compile(src).variables()) - bound


# ---- check_expression ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "src",
    [
        "event.amount > 100",
        "event.count + 1",
        "event.email.startsWith('a') && event.vip",
        "timestamp(event.created_at) < now",
        "event.extra.anything.goes + 1",
        "event.address.city == 'Paris'",
        "nodes.n3.response.messageId + '-' + string(nodes.n3.status_code)",
        "nodes.n4.response.unknown_shape",
        "event.amount / 0.0 > 1.0",
        "100 / event.count",
        "int(event.email) > 1",
        "event.tags.exists(t, t == 'x')",
        "size(event.tags) > 0 ? event.tags[0] : ''",
        "journey.profile_id + '/' + journey.instance_id",
        "has(event.address.zip)",
        "event.email == null",
    ],
)
def test_valid_expressions_have_no_problems(src):
    assert check_expression(src, SPEC) == []


@pytest.mark.parametrize(
    ("src", "message"),
    [
        ("event.amount >", "Syntax error at column 15: the expression ends too early"),
        ("profile.id", "Unknown name 'profile': expressions can use event, journey, nodes, now"),
        ("event.emial", "Unknown event field 'emial'; did you mean 'email'?"),
        ("event.address.cty", "Unknown event field 'cty' in event.address; did you mean 'city'?"),
        ("event.amount.value", "event.amount is a number; it has no field 'value'"),
        ("nodes.n9.response", "Unknown node 'n9': only action nodes that run before this one can be used"),
        ("nodes.n3.body", "nodes.n3 has no field 'body' (it has status, response, status_code)"),
        (
            "nodes.n3.response.message_id",
            "Unknown response field 'message_id' in nodes.n3.response; did you mean 'messageId'?",
        ),
        ("journey.name", "Unknown journey field 'name'"),
        ("now.year", "now is a timestamp; it has no field 'year'"),
        ("lowerAscii(event.email)", "Unknown function 'lowerAscii'"),
        ("event.tags.exists(t, u)", "Unknown name 'u': expressions can use event, journey, nodes, now"),
    ],
)
def test_static_problems(src, message):
    assert check_expression(src, SPEC) == [message]


@pytest.mark.parametrize(
    "src",
    [
        "event.email + 1",
        "event.amount + 1",
        "event.count > 'x'",
        "now > 5",
        "size(event.amount)",
        "nodes.n3.response.queued + 'x'",
        "event.tags[0] * 2",
        "event.vip ? event.email - 1 : 0",
        "!event.vip || event.count + 0.5 > 1.0",
    ],
)
def test_type_mismatches_are_found_by_synthetic_evaluation(src):
    problems = check_expression(src, SPEC)
    assert len(problems) == 1
    assert problems[0].startswith("Type mismatch")


def test_unknown_fields_are_accepted_when_the_spec_does_not_know_them():
    assert check_expression("event.anything + nodes.n77.response.x", {}) == []
    assert check_expression("event.anything", {"event": None, "nodes": None}) == []
    assert check_expression("nodes.n1.response", {"nodes": {}}) != []


@pytest.mark.parametrize(
    ("src", "expected", "problems"),
    [
        ("event.amount", "string", ["Gives a number, expected a string"]),
        ("event.count", "number", []),
        ("event.amount", "integer", ["Gives a number, expected an integer"]),
        ("event.amount > 1", "boolean", []),
        ("event.email", "boolean", ["Gives a string, expected a boolean"]),
        ("now + duration('1h')", "timestamp", []),
        ("event.created_at", "timestamp", ["Gives a string, expected a timestamp"]),
        ("event.created_at", "datetime", []),
        ("event.tags", "list<string>", []),
        ("event.address", "object", []),
        ("null", "string", []),
        ("event.extra.unknown", "string", []),
    ],
)
def test_result_type_is_checked_against_the_expected_type(src, expected, problems):
    assert check_expression(src, SPEC, expected) == problems


def test_value_type_and_result_matching():
    assert value_type(True) == "boolean"
    assert value_type(3) == "integer"
    assert value_type(NOW) == "timestamp"
    assert value_type([]) == "list"
    assert result_matches("integer", "number")
    assert not result_matches("number", "integer")
    assert result_matches("list", "list<object>")
    assert not result_matches("string", "object")
