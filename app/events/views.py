"""Event type pages: the list, one type with its recent events, and the create/edit form.

Everyone signed in may look; only technical users create, edit or delete (checked here, in each
view, not only by hiding buttons). The form round-trips to the server for everything it does —
inline validation, adding and removing field rows, filling the rows from a pasted sample — so its
rules are the service's rules and there is no JavaScript of our own.
"""

from __future__ import annotations

import json
import re

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from app.auth.models import Role
from app.auth.permissions import login_required_for_blueprint, require_role
from app.errors import ServiceError
from app.events import service
from app.events.payloads import FIELD_TYPES, guess_profile_id_field, infer_fields
from app.web import is_htmx, render_page_or_partial

bp = login_required_for_blueprint(Blueprint("events", __name__, url_prefix="/events"))

ROW_FIELD_RE = re.compile(r"^fields-(\d+)-name$")
RECENT_LIMIT = 20
LABELS = {
    "key": "Key",
    "name": "Name",
    "description": "Description",
    "profile_id_field": "Profile id field",
    "fields": "Fields",
    "sample": "Sample",
}


def read_form(form: MultiDict) -> tuple[dict, dict[str, list[str]]]:
    """The definition a submitted form describes, and the problems found reading it.

    Field rows arrive as `fields-<n>-name|type|required`; they are renumbered in page order so
    the service's `fields.<i>.name` problems point at the row the user sees.
    """
    indices = sorted(int(match.group(1)) for name in form if (match := ROW_FIELD_RE.match(name)))
    fields = [
        {
            "name": form.get(f"fields-{index}-name", "").strip(),
            "type": form.get(f"fields-{index}-type", ""),
            "required": f"fields-{index}-required" in form,
        }
        for index in indices
    ]
    data = {
        "key": form.get("key", "").strip(),
        "name": form.get("name", "").strip(),
        "description": form.get("description", "").strip(),
        "profile_id_field": form.get("profile_id_field", ""),
        "fields": fields,
        "sample": None,
    }
    problems: dict[str, list[str]] = {}
    sample_text = form.get("sample", "").strip()
    if sample_text:
        try:
            sample = json.loads(sample_text)
        except ValueError as failure:
            problems["sample"] = [f"is not valid JSON ({failure})"]
        else:
            if isinstance(sample, dict):
                data["sample"] = sample
            else:
                problems["sample"] = ["must be a JSON object"]
    return data, problems


def check_form(data: dict, read_problems: dict, current_key: str | None) -> dict[str, list[str]]:
    """Every problem with the submitted definition, by field, as the API would report them."""
    problems: dict[str, list[str]] = {}
    try:
        service.check_definition(data, current_key=current_key)
    except ServiceError as failure:
        problems = dict(failure.fields)
    if read_problems:
        problems = {name: found for name, found in problems.items() if not name.startswith("sample")}
        problems.update(read_problems)
    return problems


def form_context(data: dict, errors: dict, original_key: str | None, sample_text: str,
                 notice: str = "") -> dict:
    return {
        "form": data,
        "errors": errors,
        "sample_problems": [
            f"{name.removeprefix('sample').lstrip('.') or 'Sample'} {' '.join(found)}"
            for name, found in errors.items()
            if name.startswith("sample")
        ],
        "original_key": original_key,
        "sample_text": sample_text,
        "field_types": FIELD_TYPES,
        "save_url": url_for("events.edit", key=original_key) if original_key else url_for("events.new"),
        "notice": notice,
        "used_by": service.journeys_using_event_type(original_key) if original_key else [],
    }


def error_slots(data: dict, errors: dict) -> list[tuple[str, str, list[str]]]:
    """(slot id, label, problems) for every place the form shows problems, for inline updates."""
    slots = [(name, label, errors.get(name, [])) for name, label in LABELS.items() if name != "sample"]
    for index, _ in enumerate(data["fields"]):
        for part in ("name", "type"):
            name = f"fields.{index}.{part}"
            slots.append((name.replace(".", "-"), f"Field {part}", errors.get(name, [])))
    return slots


def render_form(page: str, data: dict, errors: dict, original_key: str | None, status: int):
    context = form_context(data, errors, original_key, request.form.get("sample", ""))
    if is_htmx():
        return render_template("events/_form.html", **context)
    return render_template(page, **context), status


def save_form(page: str, original_key: str | None, save, done: str):
    """Save the submitted definition with `save`, or show the form again with every problem."""
    data, read_problems = read_form(request.form)
    if original_key:
        data["key"] = original_key
    errors = check_form(data, read_problems, original_key)
    if not errors:
        try:
            event_type = save(data)
        except ServiceError as failure:  # e.g. the key was taken since the check
            errors = failure.fields
    if errors:
        return render_form(page, data, errors, original_key, 422)
    flash(f"Event type “{event_type.name}” {done}.", "info")
    return redirect_to(url_for("events.show", key=event_type.key))


def redirect_to(target: str):
    """A redirect htmx follows as a page load (HX-Redirect) or a plain one."""
    if is_htmx():
        return "", 204, {"HX-Redirect": target}
    return redirect(target)


@bp.get("/")
def index():
    search = request.args.get("q", "")
    event_types = service.list_event_types(search)
    usage = {event_type.key: service.journeys_using_event_type(event_type.key)
             for event_type in event_types}
    return render_page_or_partial(
        "events/index.html",
        "events/_list.html",
        event_types=event_types,
        usage=usage,
        search=search,
        can_edit=current_user.can(Role.TECHNICAL),
    )


@bp.route("/new", methods=["GET", "POST"])
@require_role(Role.TECHNICAL)
def new():
    if request.method == "GET":
        blank = {"key": "", "name": "", "description": "", "profile_id_field": "",
                 "fields": [{"name": "", "type": "string", "required": True}], "sample": None}
        return render_form("events/new.html", blank, {}, None, 200)
    return save_form("events/new.html", None, service.create_event_type, "created")


@bp.get("/<key>")
def show(key: str):
    event_type = service.get_event_type(key)
    return render_template("events/show.html", **show_context(event_type))


def show_context(event_type, delete_error: str | None = None) -> dict:
    can_edit = current_user.can(Role.TECHNICAL)
    return {
        "event_type": event_type,
        "key": event_type.key,
        "used_by": service.journeys_using_event_type(event_type.key),
        "can_edit": can_edit,
        "recent": recent_rows(event_type.key) if can_edit else [],
        "delete_error": delete_error,
        "sample_json": json.dumps(event_type.sample, indent=2) if event_type.sample else "",
        "sample_json_compact": json.dumps(event_type.sample) if event_type.sample else "",
    }


def recent_rows(key: str) -> list[tuple]:
    """Recent events with their payload as indented JSON text (escaped when rendered)."""
    return [(event, json.dumps(event.payload, indent=2, sort_keys=True))
            for event in service.recent_events(key, RECENT_LIMIT)]


@bp.get("/<key>/recent")
@require_role(Role.TECHNICAL)
def recent(key: str):
    service.get_event_type(key)
    return render_template("events/_recent.html", key=key, recent=recent_rows(key))


@bp.route("/<key>/edit", methods=["GET", "POST"])
@require_role(Role.TECHNICAL)
def edit(key: str):
    event_type = service.get_event_type(key)
    if request.method == "GET":
        data = {name: getattr(event_type, name)
                for name in ("key", "name", "description", "profile_id_field", "fields", "sample")}
        context = form_context(data, {}, key, json.dumps(event_type.sample, indent=2)
                               if event_type.sample else "")
        return render_template("events/edit.html", **context)
    return save_form("events/edit.html", key, lambda data: service.update_event_type(key, data), "saved")


@bp.post("/form")
@require_role(Role.TECHNICAL)
def form():
    """The form's round trips: `validate` (inline problems), `add-field`, `remove-field`, `infer`.

    Nothing is saved here. `validate` answers only the problem slots and the profile id select,
    as out-of-band swaps, so what the user is typing elsewhere is left alone.
    """
    original_key = request.form.get("original_key") or None
    data, read_problems = read_form(request.form)
    if original_key:
        data["key"] = original_key
    intent = request.form.get("intent", "validate")
    notice = ""
    if intent == "add-field":
        data["fields"].append({"name": "", "type": "string", "required": False})
    elif intent == "remove-field":
        row = request.form.get("row", type=int)
        if row is not None and 0 <= row < len(data["fields"]):
            del data["fields"][row]
    elif intent == "infer" and data["sample"] is not None:
        data["fields"] = infer_fields(data["sample"])
        names = [field["name"] for field in data["fields"]]
        if data["profile_id_field"] not in names:
            data["profile_id_field"] = guess_profile_id_field(data["fields"]) or ""
        skipped = [str(name) for name in data["sample"] if name not in names]
        notice = (f"Filled {len(names)} fields from the sample."
                  + (f" Left out (add them by hand): {', '.join(skipped)}." if skipped else ""))
    errors = check_form(data, read_problems, original_key) if intent in ("validate", "infer") else {}
    context = form_context(data, errors, original_key, request.form.get("sample", ""), notice)
    if intent == "validate":
        return render_template("events/_form_problems.html",
                               slots=error_slots(data, errors), **context)
    return render_template("events/_form.html", **context)


@bp.post("/<key>/delete")
@require_role(Role.TECHNICAL)
def delete(key: str):
    event_type = service.get_event_type(key)
    try:
        service.delete_event_type(key)
    except ServiceError as failure:
        if is_htmx():
            return render_template("events/_delete_refused.html", message=failure.message)
        return render_template("events/show.html",
                               **show_context(event_type, failure.message)), failure.status
    flash(f"Event type “{event_type.name}” deleted.", "info")
    return redirect_to(url_for("events.index"))
