"""`flask users create` and `flask tokens create`."""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from app.auth import service
from app.auth.models import Role, User
from app.errors import ServiceError
from app.extensions import db

users_cli = AppGroup("users", help="Manage users.")
tokens_cli = AppGroup("tokens", help="Manage API tokens.")


@users_cli.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice([role.value for role in Role]), required=True)
@click.option("--password", help="Leave out to generate one (printed once).")
def create_user_command(email: str, role: str, password: str | None) -> None:
    """Create a user with a role."""
    try:
        user, generated = service.create_user(email, role, password)
    except ServiceError as failure:
        raise click.ClickException(failure.message) from None
    click.echo(f"Created {user.role.value} {user.email}")
    if generated:
        click.echo(f"Password: {generated}")


@tokens_cli.command("create")
@click.argument("email")
@click.option("--name", default="", help="A label to recognise the token by.")
def create_token_command(email: str, name: str) -> None:
    """Create an API token for a user; prints only the token."""
    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise click.ClickException(f"no user with email {email}")
    if not user.active:
        raise click.ClickException(f"user {email} is deactivated")
    _, plain = service.create_token(user, name)
    click.echo(plain)
