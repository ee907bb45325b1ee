"""The shape of an event type definition (API and form share it) and of ingest answers."""

from __future__ import annotations

from collections import Counter

from marshmallow import Schema, ValidationError, validate, validates_schema
from marshmallow import fields as ma

from app.auth.models import as_aware
from app.events.payloads import (
    FIELD_NAME_RE,
    FIELD_TYPES,
    KEY_RE,
    PROFILE_ID_TYPES,
    PayloadValidator,
)

REQUIRED = {"required": "is required"}
KEY_RULE = validate.Regexp(
    KEY_RE, error="must be 1–64 lowercase letters, digits or hyphens, not starting with -"
)
KEY_DESCRIPTION = "Stable slug journeys reference; cannot change once created."
MAX_FIELDS = 200


class FieldSchema(Schema):
    name = ma.String(
        required=True,
        error_messages=REQUIRED,
        validate=validate.Regexp(
            FIELD_NAME_RE,
            error="must start with a letter or _ and hold only letters, digits, _ and - (64 at most)",
        ),
    )
    type = ma.String(
        required=True,
        error_messages=REQUIRED,
        validate=validate.OneOf(FIELD_TYPES, error="must be one of " + ", ".join(FIELD_TYPES)),
    )
    required = ma.Boolean(load_default=False)


class EventTypeSchema(Schema):
    """An event type definition; `validates_schema` checks the parts against each other."""

    key = ma.String(
        required=True, error_messages=REQUIRED, validate=KEY_RULE, metadata={"description": KEY_DESCRIPTION}
    )
    name = ma.String(
        required=True,
        error_messages=REQUIRED,
        validate=validate.Length(1, 100, error="must be 1 to 100 characters"),
    )
    description = ma.String(
        load_default="", validate=validate.Length(max=2000, error="must be at most 2000 characters")
    )
    profile_id_field = ma.String(
        required=True,
        error_messages=REQUIRED,
        metadata={"description": "The declared field (required, string or integer) naming the profile."},
    )
    field_list = ma.List(
        ma.Nested(FieldSchema),
        required=True,
        error_messages=REQUIRED,
        data_key="fields",
        attribute="fields",
        validate=validate.Length(1, MAX_FIELDS, error=f"must declare 1 to {MAX_FIELDS} fields"),
    )
    sample = ma.Dict(
        load_default=None,
        allow_none=True,
        metadata={"description": "An example payload; it must itself fit the fields."},
    )
    used_by = ma.Method("dump_used_by", dump_only=True)
    created_at = ma.Function(lambda event_type: iso_utc(event_type.created_at), dump_only=True)
    updated_at = ma.Function(lambda event_type: iso_utc(event_type.updated_at), dump_only=True)

    @validates_schema
    def check_parts_fit_together(self, data: dict, **_kwargs) -> None:
        fields = data["fields"]
        counts = Counter(field["name"] for field in fields)
        duplicates = {
            index: {"name": ["is declared twice"]}
            for index, field in enumerate(fields)
            if counts[field["name"]] > 1
        }
        if duplicates:
            raise ValidationError({"fields": duplicates})
        by_name = {field["name"]: field for field in fields}
        profile_field = by_name.get(data["profile_id_field"])
        if profile_field is None:
            raise ValidationError("must name one of the declared fields", "profile_id_field")
        if profile_field["type"] not in PROFILE_ID_TYPES or not profile_field["required"]:
            raise ValidationError("must name a required string or integer field", "profile_id_field")
        if data.get("sample") is not None:
            problems = PayloadValidator(fields, data["profile_id_field"]).problems(data["sample"])
            if problems:
                raise ValidationError({"sample": problems})

    def dump_used_by(self, event_type) -> list[str]:
        # Imported here: the service imports this module to validate definitions.
        from app.events.service import journeys_using_event_type

        return journeys_using_event_type(event_type.key)


class EventTypeUpdateSchema(EventTypeSchema):
    """The PUT body: the key is in the URL, so the body may leave it out."""

    key = ma.String(validate=KEY_RULE, metadata={"description": KEY_DESCRIPTION})


def iso_utc(moment) -> str:
    return as_aware(moment).isoformat()


class SearchArgsSchema(Schema):
    q = ma.String(load_default="", metadata={"description": "Part of the key or the name."})


class AcceptedEventSchema(Schema):
    id = ma.Integer(required=True, metadata={"description": "The stored event's id."})


class AcceptedBatchSchema(Schema):
    ids = ma.List(ma.Integer(), required=True, metadata={"description": "Ids, in the batch's order."})
