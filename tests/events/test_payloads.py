"""The pure payload logic: type checks, compiled validators, inferring fields from a sample."""

import pytest

from app.events.payloads import (
    FIELD_TYPES,
    PayloadValidator,
    guess_profile_id_field,
    infer_fields,
    value_problem,
)


@pytest.mark.parametrize(
    ("field_type", "good", "bad"),
    [
        ("string", "x", 1),
        ("integer", 3, True),
        ("integer", -7, 2.5),
        ("number", 2.5, "2.5"),
        ("number", 4, float("nan")),
        ("boolean", False, 0),
        ("datetime", "2024-05-01T09:30:00Z", "2024-05-01"),
        ("datetime", "2024-05-01 09:30:00+02:00", "yesterday"),
        ("object", {"a": 1}, [1]),
        ("list<integer>", [1, 2], [1, "2"]),
        ("list<object>", [], {"a": 1}),
    ],
)
def test_value_checks(field_type, good, bad):
    assert value_problem(field_type, good) is None
    assert value_problem(field_type, bad)


def test_list_problem_names_the_item():
    assert value_problem("list<string>", ["a", 2]) == "must be a list of strings (item 1 is not)"


def test_validator_reports_every_field_and_keeps_undeclared_keys():
    validator = PayloadValidator(
        [
            {"name": "id", "type": "integer", "required": True},
            {"name": "email", "type": "string", "required": True},
            {"name": "tags", "type": "list<string>", "required": False},
            {"name": "note", "type": "string", "required": False},
        ],
        "id",
    )
    assert validator.problems({"id": 5, "email": "a@b.c", "note": None, "extra": [1]}) == {}
    assert validator.problems({"email": None, "tags": "x"}) == {
        "id": ["is required"],
        "email": ["must not be null"],
        "tags": ["must be a list of strings"],
    }
    assert validator.problems([1]) == {"_schema": ["must be a JSON object"]}
    assert validator.profile_id({"id": 5, "email": "x"}) == "5"


def test_profile_id_must_not_be_blank_or_huge():
    validator = PayloadValidator([{"name": "user", "type": "string", "required": True}], "user")
    assert "must not be empty" in validator.problems({"user": "  "})["user"][0]
    assert "at most 255" in validator.problems({"user": "x" * 256})["user"][0]


def test_infer_fields_from_a_sample():
    sample = {
        "user_id": 42,
        "email": "ada@example.com",
        "score": 9.5,
        "vip": True,
        "at": "2024-05-01T09:30:00Z",
        "address": {"city": "Paris"},
        "tags": ["a", "b"],
        "amounts": [1, 2.5],
        "coupon": None,
        "bad key!": 1,
        "matrix": [[1], [2]],
        "mixed": [1, "a"],
    }
    assert infer_fields(sample) == [
        {"name": "user_id", "type": "integer", "required": True},
        {"name": "email", "type": "string", "required": True},
        {"name": "score", "type": "number", "required": True},
        {"name": "vip", "type": "boolean", "required": True},
        {"name": "at", "type": "datetime", "required": True},
        {"name": "address", "type": "object", "required": True},
        {"name": "tags", "type": "list<string>", "required": True},
        {"name": "amounts", "type": "list<number>", "required": True},
        {"name": "coupon", "type": "string", "required": False},
    ]
    inferred = infer_fields(sample)
    assert all(field["type"] in FIELD_TYPES for field in inferred)
    assert PayloadValidator(inferred, "user_id").problems(sample) == {}


def test_guess_profile_id_field():
    assert guess_profile_id_field(infer_fields({"email": "a@b.c", "user_id": 1})) == "user_id"
    assert guess_profile_id_field(infer_fields({"account_id": "x", "n": 1})) == "account_id"
    assert guess_profile_id_field(infer_fields({"n": 1.5})) is None
