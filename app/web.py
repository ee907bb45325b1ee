"""Small helpers shared by the HTML views: page-or-partial rendering and vendored file names."""

from __future__ import annotations

import os
from functools import cache

from flask import Response, current_app, make_response, render_template, request


def is_htmx() -> bool:
    """An htmx request wanting a partial. Restoring a pushed URL missing from htmx's history
    cache also says `HX-Request`, but swaps the answer in as the whole page."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def render_page_or_partial(page: str, partial: str, **context) -> Response:
    """Full page for a normal request, only the partial when htmx asks (contact-app's pattern).
    `Vary: HX-Request`, so the browser never shows a cached partial as a page (back button)."""
    response = make_response(render_template(partial if is_htmx() else page, **context))
    response.vary.add("HX-Request")
    return response


@cache
def _vendored_files(static_folder: str) -> tuple[str, ...]:
    vendor = os.path.join(static_folder, "vendor")
    return tuple(sorted(os.listdir(vendor))) if os.path.isdir(vendor) else ()


def vendor_file(prefix: str, suffix: str) -> str:
    """The vendored file whose name starts with `prefix` and ends with `suffix` (version inside)."""
    for name in _vendored_files(current_app.static_folder):
        if name.startswith(prefix) and name.endswith(suffix):
            return f"vendor/{name}"
    raise FileNotFoundError(f"no vendored file {prefix}*{suffix}; run scripts/vendor.py")


MAIN_MENU = (
    ("journeys.index", "Journeys"),
    ("actions.index", "Actions"),
    ("events.index", "Events"),
    ("bins.index", "Inspector"),
)
ROLE_MENU = (
    ("operations.index", "Operations", "technical"),
    ("auth.users", "Users", "admin"),
)
"""Menu entries after MAIN_MENU, shown to users holding the role."""
CREATE_MENU = (
    ("journeys.new", "Journey", "j", "marketer"),
    ("actions.new", "Action", "a", "technical"),
    ("events.new", "Event type", "e", "technical"),
)


def register_template_helpers(app) -> None:
    """Globals and filters every template may use (menus depend on the signed-in role)."""
    from flask import url_for
    from flask_login import current_user

    from app.auth.models import Role, as_aware

    def main_menu() -> list[tuple[str, str]]:
        items = [item for item in MAIN_MENU if item[0] in app.view_functions]
        if current_user.is_authenticated:
            items += [
                (endpoint, label)
                for endpoint, label, role in ROLE_MENU
                if endpoint in app.view_functions and current_user.can(Role(role))
            ]
        return items

    def create_menu() -> list[tuple[str, str, str]]:
        if not current_user.is_authenticated:
            return []
        return [
            (url_for(endpoint), label, key)
            for endpoint, label, key, role in CREATE_MENU
            if endpoint in app.view_functions and current_user.can(Role(role))
        ]

    def format_datetime(moment) -> str:
        return as_aware(moment).strftime("%Y-%m-%d %H:%M UTC") if moment else ""

    app.jinja_env.globals.update(main_menu=main_menu, create_menu=create_menu, vendor_file=vendor_file)
    app.jinja_env.filters["datetime"] = format_datetime
