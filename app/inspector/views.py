"""`/inspector/<bin>` receives any request without signing in; `/bins` shows them to signed-in users."""

from __future__ import annotations

from flask import Blueprint, request

from app.auth.permissions import login_required_for_blueprint
from app.extensions import csrf
from app.inspector import service
from app.web import render_page_or_partial

receiver = Blueprint("inspector", __name__, url_prefix="/inspector")
csrf.exempt(receiver)
bp = login_required_for_blueprint(Blueprint("bins", __name__, url_prefix="/bins"))

ANY_METHOD = ["GET", "POST", "PUT", "PATCH", "DELETE"]


@receiver.route("/<bin_name>", methods=ANY_METHOD)
@receiver.route("/<bin_name>/<path:rest>", methods=ANY_METHOD)
def receive(bin_name: str, rest: str = ""):
    entry = service.record(
        bin_name, request.method, request.path, request.query_string.decode("latin-1"),
        dict(request.headers), request.get_data(),
    )
    return {"received": True, "id": entry.id, "bin": bin_name}


@bp.get("")
def index():
    return render_page_or_partial("inspector/index.html", "inspector/index.html", bins=service.bins())


@bp.get("/<bin_name>")
def show(bin_name: str):
    """The bin's latest requests; the partial is polled by htmx every two seconds."""
    return render_page_or_partial(
        "inspector/bin.html", "inspector/_requests.html", bin_name=bin_name,
        requests=service.latest(bin_name), pretty_body=service.pretty_body,
    )
