"""`flask users create` and `flask tokens create`."""

from app.auth import service
from app.auth.models import Role, User


def test_users_create_with_password(app, db):
    result = app.test_cli_runner().invoke(
        args=["users", "create", "Ops@Example.com", "--role", "technical", "--password", "long enough pw"]
    )
    assert result.exit_code == 0, result.output
    user = User.query.filter_by(email="ops@example.com").one()
    assert user.role == Role.TECHNICAL
    assert service.authenticate("ops@example.com", "long enough pw").id == user.id


def test_users_create_generates_password(app, db):
    result = app.test_cli_runner().invoke(args=["users", "create", "a@example.com", "--role", "admin"])
    assert result.exit_code == 0
    password = result.output.split("Password: ")[1].strip()
    assert service.authenticate("a@example.com", password)


def test_users_create_rejects_bad_input(app, db):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["users", "create", "a@example.com", "--role", "boss"]).exit_code != 0
    short = ["users", "create", "a@example.com", "--role", "admin", "--password", "short"]
    result = runner.invoke(args=short)
    assert result.exit_code != 0
    assert "password" in result.output
    assert User.query.count() == 0


def test_tokens_create_prints_only_the_token(app, db, client):
    app.test_cli_runner().invoke(args=["users", "create", "t@example.com", "--role", "marketer"])
    result = app.test_cli_runner().invoke(args=["tokens", "create", "t@example.com", "--name", "ci"])
    assert result.exit_code == 0
    token = result.output.strip()
    assert "\n" not in token and token.startswith("cairn_")
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.get_json()["email"] == "t@example.com"


def test_tokens_create_unknown_user(app, db):
    result = app.test_cli_runner().invoke(args=["tokens", "create", "ghost@example.com"])
    assert result.exit_code != 0
    assert "no user" in result.output
