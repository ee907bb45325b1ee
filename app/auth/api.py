"""`/api/v1/me`: who the token (or session) belongs to, and that user's own API tokens."""

from flask_login import current_user
from flask_smorest import Blueprint

from app.auth import service
from app.auth.permissions import api_blueprint
from app.auth.schemas import NewTokenSchema, TokenSchema, UserSchema

blp = api_blueprint(Blueprint("me", __name__, url_prefix="/api/v1/me", description="Current user"))


@blp.route("")
@blp.response(200, UserSchema)
def me():
    """The user this request acts as."""
    return current_user


@blp.route("/tokens")
@blp.response(200, TokenSchema(many=True))
def list_tokens():
    """Your API tokens (never the tokens themselves)."""
    return current_user.tokens


@blp.route("/tokens", methods=["POST"])
@blp.arguments(TokenSchema)
@blp.response(201, NewTokenSchema)
def create_token(data):
    """Create a token for yourself; the response is the only time it is shown."""
    token, plain = service.create_token(current_user, data["name"], data["expires_in_days"])
    token.token = plain
    return token


@blp.route("/tokens/<int:token_id>", methods=["DELETE"])
@blp.response(204)
def revoke_token(token_id: int):
    """Revoke one of your tokens."""
    service.revoke_token(token_id, owner=current_user)
