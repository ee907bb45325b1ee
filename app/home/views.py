"""The home page at `/`: each role's figures, refreshed by htmx polling the figures partial.

The role decides the sections (`app.home.service.home_for`); the page needs no more than being
signed in. The number filters here are registered for every template, so other pages can show
figures the same way.
"""

from __future__ import annotations

from flask import Blueprint
from flask_login import current_user

from app.auth.models import Role
from app.auth.permissions import login_required_for_blueprint, require_role
from app.home import service
from app.web import render_page_or_partial

bp = login_required_for_blueprint(Blueprint("home", __name__))

REFRESH_S = 10
NO_FIGURE = "—"


@bp.app_template_filter("thousands")
def format_thousands(value: int | None) -> str:
    """`1234` -> `1,234`."""
    return NO_FIGURE if value is None else f"{value:,}"


@bp.app_template_filter("percent")
def format_percent(fraction: float | None) -> str:
    """A share as a percentage with at most one decimal: `0.021` -> `2.1 %`, `0.5` -> `50 %`;
    a share too small to show as 0.1 % but not nothing reads `< 0.1 %`."""
    if fraction is None:
        return NO_FIGURE
    if 0 < fraction < 0.001:
        return "< 0.1 %"
    return f"{fraction * 100:.1f}".removesuffix(".0") + " %"


@bp.app_template_filter("milliseconds")
def format_milliseconds(ms: float | None) -> str:
    """A latency: `3.2 ms` under 10 ms, `85 ms` under a second, then `1.2 s`."""
    if ms is None:
        return NO_FIGURE
    if ms < 10:
        return f"{ms:.1f} ms"
    if round(ms) < 1000:
        return f"{ms:.0f} ms"
    return f"{ms / 1000:.1f} s"


@bp.get("/")
@require_role(Role.MARKETER)
def index():
    """The figures of the signed-in user's role; htmx asks for the figures partial to refresh."""
    return render_page_or_partial(
        "home/index.html",
        "home/_figures.html",
        home=service.home_for(current_user.id, current_user.role),
        refresh_s=REFRESH_S,
    )
