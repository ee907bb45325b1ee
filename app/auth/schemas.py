"""API shapes for the signed-in user and their tokens."""

from marshmallow import Schema, fields, validate


class UserSchema(Schema):
    id = fields.Int(dump_only=True)
    email = fields.Email(dump_only=True)
    role = fields.Function(lambda user: user.role.value, dump_only=True)
    active = fields.Bool(dump_only=True)


class TokenSchema(Schema):
    id = fields.Int(dump_only=True)
    name = fields.Str(validate=validate.Length(max=100), load_default="")
    prefix = fields.Str(dump_only=True)
    status = fields.Str(dump_only=True)
    created_at = fields.DateTime(dump_only=True)
    last_used_at = fields.DateTime(dump_only=True)
    expires_in_days = fields.Int(load_only=True, load_default=None, validate=validate.Range(min=1))


class NewTokenSchema(TokenSchema):
    token = fields.Str(dump_only=True, metadata={"description": "Shown only in this response."})
