"""Login, logout, the account page (API tokens) and the admin's Users page."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from app.auth import service
from app.auth.models import Role
from app.auth.permissions import require_role
from app.errors import ServiceError
from app.extensions import login_manager
from app.web import is_htmx, render_page_or_partial

bp = Blueprint("auth", __name__)

login_manager.login_view = "auth.login"
login_manager.login_message = "Please sign in to continue."
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(user_id: str):
    from app.auth.models import User
    from app.extensions import db

    return db.session.get(User, int(user_id))


def safe_next(target: str | None) -> str:
    """Only redirect back to a path on this site after login."""
    if target and not urlsplit(target).netloc and target.startswith("/") and "//" not in target:
        return target
    return url_for("home.index")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next")))
    error = None
    email = request.form.get("email", "")
    if request.method == "POST":
        try:
            user = service.authenticate(email, request.form.get("password", ""))
        except ServiceError as failure:
            error = failure.message
        else:
            login_user(user)
            return redirect(safe_next(request.args.get("next")))
    status = 401 if error else 200
    return render_template("auth/login.html", error=error, email=email), status


@bp.post("/logout")
def logout():
    logout_user()
    flash("You are signed out.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    """The signed-in user's API tokens: create one (shown once) or revoke one."""
    new_token = error = None
    if request.method == "POST":
        try:
            _, new_token = service.create_token(current_user, request.form.get("name", ""))
        except ServiceError as failure:
            error = failure.fields
    return render_page_or_partial(
        "auth/account.html", "auth/_tokens.html", new_token=new_token, errors=error or {}
    )


@bp.post("/account/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id: int):
    service.revoke_token(token_id, owner=current_user)
    flash("Token revoked.", "info")
    return render_page_or_partial("auth/account.html", "auth/_tokens.html", new_token=None, errors={})


@bp.route("/users", methods=["GET", "POST"])
@require_role(Role.ADMIN)
def users():
    """Admins list and invite users; an invitation shows the generated password once."""
    created = errors = None
    form = {"email": "", "role": Role.MARKETER.value}
    if request.method == "POST":
        form = {"email": request.form.get("email", ""), "role": request.form.get("role", "")}
        try:
            created = service.create_user(form["email"], form["role"])
            form = {"email": "", "role": Role.MARKETER.value}
        except ServiceError as failure:
            errors = failure.fields
    search = request.args.get("q", "")
    return render_page_or_partial(
        "auth/users.html",
        "auth/_users.html",
        users=service.list_users(search),
        search=search,
        roles=list(Role),
        form=form,
        errors=errors or {},
        created=created,
    )


@bp.post("/users/<int:user_id>/role")
@require_role(Role.ADMIN)
def change_role(user_id: int):
    return _update_user(user_id, lambda: service.change_role(user_id, request.form.get("role", "")))


@bp.post("/users/<int:user_id>/active")
@require_role(Role.ADMIN)
def set_active(user_id: int):
    active = request.form.get("active") == "1"
    return _update_user(user_id, lambda: service.set_active(user_id, active))


def _update_user(user_id: int, change):
    error = None
    try:
        change()
    except ServiceError as failure:
        error = failure.message
    user = service.get_user(user_id)
    if is_htmx():
        return render_template("auth/_user_row.html", user=user, roles=list(Role), row_error=error)
    if error:
        flash(error, "error")
    return redirect(url_for("auth.users"))
