"""Action pages: the list, one action (usage, test call), and the create/edit/configure forms.

Everyone signed in may look; only technical users create, edit, configure, duplicate, delete or
send test calls, and only they see an action's health (calls, errors, latency, recent failures;
`app.actions.health`) — checked here, in each view. Forms are read into the same contract the API takes
and checked by the same service functions, so inline problems are the API's problems.

Secrets never travel back to the browser: a stored secret is shown as "••••" (sending that back
keeps it), and a secret typed into a form that fails to save must be typed again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from marshmallow import fields as ma_fields
from marshmallow import validate as ma_validate
from werkzeug.datastructures import MultiDict

from app.actions import health, service
from app.actions.auth import AUTH_KINDS
from app.actions.chart import format_ms
from app.actions.models import Action, Channel
from app.actions.templates_catalog import get_template, list_templates
from app.actions.types import TYPE_NAMES
from app.auth.models import Role
from app.auth.permissions import login_required_for_blueprint, require_role
from app.crypto import MASK
from app.errors import InvalidInput, ServiceError
from app.web import is_htmx, render_page_or_partial

bp = login_required_for_blueprint(Blueprint("actions", __name__, url_prefix="/actions"))
bp.add_app_template_filter(format_ms, "latency")
technical = require_role(Role.TECHNICAL)

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
RATE_LIMIT_MODES = ("throttle", "cap")
ROW_KINDS = ("query", "headers", "parameters")
ROW_RE = re.compile(r"^(query|headers|parameters)-(\d+)-name$")
LEAF_RE = re.compile(r"^leaf-(\d+)-name$")
CONTRACT_SLOTS = (
    "key", "name", "description", "method", "url", "dynamic_path", "query", "headers",
    "auth", "auth.type", "parameters", "body", "response_sample", "error_response_sample",
    "timeout_ms", "retries", "rate_limit", "rate_limit.calls", "rate_limit.per_seconds",
    "rate_limit.mode",
)
SETTINGS_SLOTS = (
    "name", "description", "base_url", "message_id", "auth", "auth.type", "timeout_ms", "retries",
)
"""Fields with a problem slot next to them, on the contract form and on a built-in's settings form."""
ROW_PARTS = {
    "query": ("name", "value", "type"),
    "headers": ("name", "value", "type"),
    "parameters": ("name", "type"),
}


# --------------------------------------------------------------------------------------------
# Auth fields, described from each kind's own schema so a new kind needs no template change


def auth_field_specs() -> dict[str, list[dict]]:
    """For each auth kind, the inputs its configuration needs (name, label, secret, choices…)."""
    specs = {}
    for type_name, kind in AUTH_KINDS.items():
        inputs = []
        for attribute, schema_field in kind.schema().fields.items():
            if attribute == "type":
                continue
            name = schema_field.data_key or attribute
            choices = next((v.choices for v in _validators(schema_field) if isinstance(v, ma_validate.OneOf)),
                           None)
            inputs.append({
                "name": name,
                "label": name.replace("_", " ").capitalize(),
                "secret": attribute in kind.secret_fields,
                "required": schema_field.required,
                "list": isinstance(schema_field, ma_fields.List),
                "multiline": name == "service_account_json",
                "choices": list(choices) if choices else None,
                "default": None if schema_field.load_default is ma_fields.missing_
                else schema_field.load_default,
            })
        specs[type_name] = inputs
    return specs


def _validators(schema_field: ma_fields.Field) -> list:
    return list(getattr(schema_field, "validators", ()))


def read_auth(form: MultiDict) -> dict:
    """The `auth` object the form's auth section describes (only the chosen kind's inputs)."""
    type_name = form.get("auth-type", "none")
    auth: dict[str, Any] = {"type": type_name}
    for spec in auth_field_specs().get(type_name, ()):
        raw = form.get(f"auth-{spec['name']}", "")
        if spec["list"]:
            items = [item.strip() for item in re.split(r"[\n,]", raw) if item.strip()]
            if items or spec["required"]:
                auth[spec["name"]] = items
        elif raw.strip() or spec["required"]:
            auth[spec["name"]] = raw if spec["multiline"] or spec["secret"] else raw.strip()
    return auth


# --------------------------------------------------------------------------------------------
# Reading the contract form


def _json_field(form: MultiDict, name: str, problems: dict) -> Any:
    text = form.get(name, "").strip()
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError as failure:
        problems[name] = [f"is not valid JSON ({failure})"]
        return None


def _number_or_text(text: str) -> Any:
    """Digits become an int; anything else goes to the schema as is, which names the problem."""
    text = text.strip()
    return int(text) if re.fullmatch(r"-?\d+", text) else text


def row_tokens(form: MultiDict, kind: str) -> list[int]:
    """The row numbers of `kind` in the submitted form, in page order (rows may have gaps)."""
    return sorted({int(match.group(2)) for name in form if (match := ROW_RE.match(name))
                   and match.group(1) == kind})


def _read_row(form: MultiDict, kind: str, token: int) -> dict:
    prefix = f"{kind}-{token}-"
    name = form.get(prefix + "name", "").strip()
    if kind == "parameters":
        return {"name": name, "type": form.get(prefix + "type", "string"),
                "required": prefix + "required" in form, "nullable": prefix + "nullable" in form}
    entry: dict[str, Any] = {"name": name}
    if form.get(prefix + "mode") == "variable":
        entry.update(variable=True, type=form.get(prefix + "type", "string"))
        if prefix + "required" not in form:
            entry["required"] = False
    else:
        entry["value"] = form.get(prefix + "value", "")
    if kind == "headers" and prefix + "secret" in form:
        entry["secret"] = True
    return entry


def read_contract_form(form: MultiDict) -> tuple[dict, dict[str, list[str]], dict[str, list[int]]]:
    """The contract a submitted form describes, problems found reading it (bad JSON), and the
    row numbers of each table so the service's `headers.<i>.name` maps onto the page's rows."""
    problems: dict[str, list[str]] = {}
    rows = {kind: row_tokens(form, kind) for kind in ROW_KINDS}
    data: dict[str, Any] = {
        "key": form.get("key", "").strip(),
        "name": form.get("name", "").strip(),
        "description": form.get("description", "").strip(),
        "channel": Channel.CUSTOM.value,
        "method": form.get("method", "POST"),
        "url": form.get("url", "").strip(),
        "dynamic_path": "dynamic_path" in form,
        "auth": read_auth(form),
        "body": _json_field(form, "body", problems),
        "response_sample": _json_field(form, "response_sample", problems),
        "error_response_sample": _json_field(form, "error_response_sample", problems),
        "timeout_ms": _number_or_text(form.get("timeout_ms", "")),
        "retries": _number_or_text(form.get("retries", "")),
        "rate_limit": None,
    }
    for kind in ROW_KINDS:
        data[kind] = [_read_row(form, kind, token) for token in rows[kind]]
    if any(form.get(f"rate_limit-{part}", "").strip() for part in ("calls", "per_seconds")):
        data["rate_limit"] = {
            "calls": _number_or_text(form.get("rate_limit-calls", "")),
            "per_seconds": _number_or_text(form.get("rate_limit-per_seconds", "")),
            "mode": form.get("rate_limit-mode", "throttle"),
        }
    return data, problems, rows


def read_settings_form(form: MultiDict) -> dict:
    """A built-in action's platform settings as the configure form gives them."""
    return {
        "name": form.get("name", "").strip(),
        "description": form.get("description", "").strip(),
        "base_url": form.get("base_url", "").strip(),
        "message_id": form.get("message_id", "").strip(),
        "auth": read_auth(form),
        "timeout_ms": _number_or_text(form.get("timeout_ms", "")),
        "retries": _number_or_text(form.get("retries", "")),
    }


def slot_id(field_name: str, rows: dict[str, list[int]]) -> str:
    """The page slot for a problem on `field_name` (`headers.2.name` → the 3rd header row's)."""
    parts = field_name.split(".")
    if len(parts) >= 3 and parts[0] in rows and parts[1].isdigit():
        position = int(parts[1])
        if position < len(rows[parts[0]]):
            parts[1] = str(rows[parts[0]][position])
    return "-".join(parts)


def problem_slots(
    errors: dict[str, list[str]], rows: dict[str, list[int]], auth_type: str, *, builtin: bool
) -> tuple[list, list[str]]:
    """(slot id, problems) for every slot on the page, and problems with no slot of their own."""
    names = set(SETTINGS_SLOTS if builtin else CONTRACT_SLOTS)
    names.update(f"auth.{spec['name']}" for spec in auth_field_specs().get(auth_type, ()))
    for kind, tokens in rows.items():
        names.update(f"{kind}.{position}.{part}" for position in range(len(tokens))
                     for part in ROW_PARTS[kind])
    slots = [(slot_id(name, rows), errors.get(name, [])) for name in sorted(names)]
    others = [f"{name}: {' '.join(found)}" for name, found in sorted(errors.items()) if name not in names]
    return slots, others


# --------------------------------------------------------------------------------------------
# Rendering the forms


def masked_form(data: dict) -> dict:
    """The form data safe to put into HTML: every secret shown as MASK if one is stored or was
    sent back masked, and as empty if it was typed (it is never echoed)."""
    data = json.loads(json.dumps(data, default=str))
    auth = data.get("auth") or {}
    kind = AUTH_KINDS.get(auth.get("type"))
    for name in kind.secret_fields if kind else ():
        if name in auth:
            auth[name] = MASK if auth[name] == MASK else ""
    for header in data.get("headers") or ():
        if header.get("secret") and "value" in header:
            header["value"] = MASK if header["value"] == MASK else ""
    return data


def form_context(data: dict, errors: dict, rows: dict[str, list[int]] | None, *,
                 action: Action | None) -> dict:
    rows = rows or {kind: list(range(len(data.get(kind) or ()))) for kind in ROW_KINDS}
    slots, others = problem_slots(errors, rows, (data.get("auth") or {}).get("type", "none"),
                                  builtin=bool(action and action.builtin))
    key = action.key if action else None
    return {
        "form": masked_form(data),
        "mask": MASK,
        "response_sample_text": _pretty(data.get("response_sample")),
        "error_response_sample_text": _pretty(data.get("error_response_sample")),
        "errors": errors,
        "slots": dict(slots),
        "other_problems": others,
        "rows": rows,
        "action": action,
        "builtin": bool(action and action.builtin),
        "save_url": url_for("actions.edit", key=key) if key else url_for("actions.new"),
        "methods": METHODS,
        "types": TYPE_NAMES,
        "rate_limit_modes": RATE_LIMIT_MODES,
        "auth_specs": auth_field_specs(),
        "warnings": service.edit_warnings(key) if key else [],
        "body_text": _pretty(data.get("body")),
    }


def _pretty(value: Any) -> str:
    return "" if value is None else json.dumps(value, indent=2, ensure_ascii=False)


def problems_response(errors: dict, rows: dict[str, list[int]], *, builtin: bool, banner: str = ""):
    """Out-of-band updates of every problem slot (and the banner); nothing else on the page moves."""
    slots, others = problem_slots(errors, rows, request.form.get("auth-type", "none"), builtin=builtin)
    return render_template("actions/_problems.html", slots=slots, other_problems=others,
                           banner=banner)


def redirect_to(target: str):
    """A redirect htmx follows as a page load (HX-Redirect), or a plain one."""
    if is_htmx():
        return "", 204, {"HX-Redirect": target}
    return redirect(target)


# --------------------------------------------------------------------------------------------
# List and page


@bp.get("/")
def index():
    search = request.args.get("q", "")
    channel = request.args.get("channel") or None
    needs_configuration = True if request.args.get("needs_configuration") else None
    try:
        actions = service.list_actions(search, channel, needs_configuration)
    except InvalidInput:
        actions, channel = service.list_actions(search, None, needs_configuration), None
    usage = {action.key: service.usage(action.key) for action in actions}
    can_edit = current_user.can(Role.TECHNICAL)
    return render_page_or_partial(
        "actions/index.html",
        "actions/_list.html",
        actions=actions,
        usage=usage,
        search=search,
        channel=channel or "",
        needs_configuration=bool(needs_configuration),
        channels=list(Channel),
        can_edit=can_edit,
        last_day=health.last_day_totals([action.key for action in actions]) if can_edit else {},
        filtered=bool(search or channel or needs_configuration),
    )


def show_context(action: Action, delete_error: ServiceError | None = None) -> dict:
    contract = service.masked_contract(action)
    can_edit = current_user.can(Role.TECHNICAL)
    return {
        "action": action,
        "contract": contract,
        "contract_json": json.dumps(
            {name: value for name, value in contract.items()
             if name not in ("response_sample", "error_response_sample")},
            indent=2, ensure_ascii=False),
        "response_sample": _pretty(contract.get("response_sample")),
        "error_response_sample": _pretty(contract.get("error_response_sample")),
        "used_by": service.usage(action.key),
        "can_edit": can_edit,
        "delete_error": delete_error,
        "variable_headers": [h for h in contract.get("headers") or () if h.get("variable")],
        "variable_query": [q for q in contract.get("query") or () if q.get("variable")],
    }


def health_context(action: Action) -> dict:
    """The health section over the URL's `range`; an unknown range is named and the default shown."""
    range_error = None
    try:
        chosen = health.parse_range(request.args.get("range"))
    except InvalidInput as invalid:
        chosen, range_error = health.parse_range(None), invalid.message
    found = health.action_health(action.key, chosen)
    return {"health": found, "chart": found.chart(), "ranges": health.RANGES.values(),
            "range_error": range_error}


@bp.get("/<key>")
def show(key: str):
    """The action; technical users also see its health over the URL's `range`. htmx asks for the
    health section alone when the range is switched and when the section refreshes itself."""
    action = service.get_action(key)
    partial = is_htmx()
    if partial and not current_user.can(Role.TECHNICAL):
        abort(403, f"An action's health needs the technical role; you are {current_user.role.value}.")
    if partial:
        context = health_context(action)
    else:
        context = show_context(action)
        if context["can_edit"]:
            context.update(health_context(action))
    return render_page_or_partial("actions/show.html", "actions/_health.html", **context)


# --------------------------------------------------------------------------------------------
# Create, edit, configure


BLANK = {
    "key": "", "name": "", "description": "", "channel": "custom", "method": "POST", "url": "",
    "dynamic_path": False, "query": [], "headers": [], "auth": {"type": "none"}, "parameters": [],
    "body": None, "response_sample": None, "error_response_sample": None, "timeout_ms": 10000,
    "retries": 3, "rate_limit": None,
}


@bp.route("/new", methods=["GET", "POST"])
@technical
def new():
    if request.method == "GET":
        chosen = get_template(request.args["template"]) if request.args.get("template") else None
        data = chosen.contract() if chosen else dict(BLANK)
        return render_template("actions/new.html", templates=list_templates(), chosen_template=chosen,
                               **form_context(data, {}, None, action=None))
    data, read_problems, rows = read_contract_form(request.form)
    return _save(data, read_problems, rows, None,
                 lambda: service.create_action(data, current_user), "created")


@bp.route("/<key>/edit", methods=["GET", "POST"])
@technical
def edit(key: str):
    action = service.get_action(key)
    if action.builtin:
        return _configure(action)
    if request.method == "GET":
        return render_template("actions/edit.html", **form_context(service.masked_contract(action), {}, None,
                                                                   action=action))
    data, read_problems, rows = read_contract_form(request.form)
    data["key"] = key
    return _save(data, read_problems, rows, action,
                 lambda: service.update_action(key, data, current_user)[0], "saved")


def _configure(action: Action):
    """A built-in action's settings form: base URL, message id, credentials, timeout, retries."""
    if request.method == "GET":
        settings = service.builtin_settings(action)
        return render_template("actions/configure.html", **form_context(settings, {}, None, action=action))
    data = read_settings_form(request.form)
    return _save(data, {}, {}, action,
                 lambda: service.configure_builtin(action.key, data, current_user)[0], "configured")


def _save(data: dict, read_problems: dict, rows: dict, action: Action | None,
          save: Callable[[], Action], done: str):
    """Save with `save`, or show every problem: inline for htmx, as the whole form otherwise."""
    errors = dict(read_problems)
    if not errors:
        try:
            saved = save()
        except ServiceError as failure:
            errors = failure.fields or {"_schema": [failure.message]}
    if errors:
        banner = "Please fix the problems below."
        if is_htmx():
            builtin = bool(action and action.builtin)
            return problems_response(errors, rows, builtin=builtin, banner=banner)
        banner += " Secrets you typed are not sent back to the browser: type them again."
        page = ("actions/configure.html" if action and action.builtin
                else "actions/edit.html" if action else "actions/new.html")
        return render_template(page, banner=banner, **form_context(data, errors, rows, action=action)), 422
    flash(f"Action “{saved.name}” {done}.", "info")
    for warning in service.edit_warnings(saved.key) if action else ():
        flash(warning, "warning")
    return redirect_to(url_for("actions.show", key=saved.key))


@bp.post("/form")
@technical
def form():
    """The form's round trips (nothing is saved): `validate` answers every problem slot out of
    band; `analyse` lists a pasted sample's fields; `apply` turns the choices into the body
    template and parameters."""
    intent = request.form.get("intent", "validate")
    action = service.get_action(request.form["original_key"]) if request.form.get("original_key") else None
    if intent == "analyse":
        return _analyse_sample()
    if intent == "apply":
        return _apply_sample()
    errors, rows = _check_form(action)
    return problems_response(errors, rows, builtin=bool(action and action.builtin))


def _check_form(action: Action | None) -> tuple[dict[str, list[str]], dict[str, list[int]]]:
    """Every problem the submitted form has, by field, as saving would report them."""
    if action is not None and action.builtin:
        data, read_problems, rows = read_settings_form(request.form), {}, {}
        check = service.check_builtin_settings
    else:
        data, read_problems, rows = read_contract_form(request.form)
        if action is not None:
            data["key"] = action.key
        check = service.check_action
    errors: dict[str, list[str]] = {}
    try:
        check(data, current=action)
    except ServiceError as failure:
        errors = dict(failure.fields)
    errors.update(read_problems)
    return errors, rows


def _sample_from_form() -> tuple[Any, str | None]:
    text = request.form.get("body_sample", "").strip()
    if not text:
        return None, "Paste a sample JSON body first."
    try:
        return json.loads(text), None
    except ValueError as failure:
        return None, f"The sample is not valid JSON ({failure})."


def _analyse_sample():
    sample, problem = _sample_from_form()
    fields = service.sample_fields(sample) if problem is None else []
    return render_template("actions/_sample_fields.html", fields=fields, problem=problem,
                           types=TYPE_NAMES)


def _apply_sample():
    sample, problem = _sample_from_form()
    if problem is not None:
        return render_template("actions/_sample_fields.html", fields=[], problem=problem, types=TYPE_NAMES)
    tokens = sorted(int(match.group(1)) for name in request.form if (match := LEAF_RE.match(name)))
    choices = [
        service.FieldChoice(
            variable=f"leaf-{token}-variable" in request.form,
            name=request.form.get(f"leaf-{token}-name", "").strip(),
            type=request.form.get(f"leaf-{token}-type", "string"),
        )
        for token in tokens
    ]
    data, _, _ = read_contract_form(request.form)
    template, parameters = service.template_from_sample(sample, choices, data["parameters"])
    rows = {kind: list(range(len(data[kind]))) for kind in ROW_KINDS}
    rows["parameters"] = list(range(len(parameters)))
    variables = sum(choice.variable for choice in choices)
    return render_template(
        "actions/_applied.html",
        body_text=_pretty(template),
        form={"parameters": parameters},
        rows=rows,
        types=TYPE_NAMES,
        errors={},
        slots={},
        notice=f"The body now has {variables} variable field{'s' if variables != 1 else ''} "
               f"and {len(choices) - variables} constant{'s' if len(choices) - variables != 1 else ''}.",
    )


@bp.get("/form/auth")
@technical
def auth_fields():
    """The inputs of the chosen auth kind, empty (htmx swaps them in when the type changes)."""
    auth = {"type": request.args.get("auth-type", "none")}
    return render_template("actions/_auth_fields.html", auth=auth, auth_specs=auth_field_specs(),
                           slots={}, mask=MASK)


@bp.get("/form/row")
@technical
def new_row():
    """One empty row for the query, headers or parameters table (appended by htmx)."""
    kind = request.args.get("kind", "")
    if kind not in ROW_KINDS:
        return "", 400
    token = request.args.get("token", 0, type=int)
    blank = {"name": "", "type": "string", "required": True, "nullable": False, "value": ""}
    return render_template("actions/_new_row.html", kind=kind, token=token, row=blank,
                           types=TYPE_NAMES, errors={}, slots={})


# --------------------------------------------------------------------------------------------
# Duplicate, delete, test call, response sample


@bp.post("/<key>/duplicate")
@technical
def duplicate(key: str):
    copy = service.duplicate_action(key, current_user)
    flash(f"Copied to “{copy.name}” ({copy.key}); change what differs and save.", "info")
    return redirect_to(url_for("actions.edit", key=copy.key))


@bp.post("/<key>/delete")
@technical
def delete(key: str):
    action = service.get_action(key)
    try:
        service.delete_action(key)
    except ServiceError as failure:
        if is_htmx():
            return render_template("actions/_delete_refused.html", failure=failure)
        return render_template("actions/show.html", **show_context(action, failure),
                               **health_context(action)), failure.status
    flash(f"Action “{action.name}” deleted.", "info")
    return redirect_to(url_for("actions.index"))


def read_sample_form(form: MultiDict) -> dict:
    """Test-call sample values from `params-<name>`, `headers-<name>`, `query-<name>`, `path`
    inputs; an empty input means "not given" (optional values are then left out)."""
    values: dict[str, Any] = {group: {} for group in service.SAMPLE_GROUPS}
    for name, value in form.items():
        group, _, field_name = name.partition("-")
        if group in values and field_name and value != "":
            values[group][field_name] = value
    values["path"] = form.get("path") or None
    return values


@bp.post("/<key>/test")
@technical
def test_call(key: str):
    action = service.get_action(key)
    sample_values = read_sample_form(request.form)
    try:
        result = service.test_call(action, sample_values)
    except ServiceError as failure:
        return render_template("actions/_test_result.html", result=None, failure=failure, action=action)
    return render_template("actions/_test_result.html", result=result, failure=None, action=action,
                           request_json=json.dumps(result.request, indent=2, ensure_ascii=False),
                           response_text=_response_text(result))


def _response_text(result: service.TestCallResult) -> str:
    """The response as shown: pretty JSON when it is complete JSON, else the text as received."""
    if result.response_json is not None and not result.truncated:
        return _pretty(result.response_json)[: service.RESPONSE_PREVIEW_CHARS]
    return result.response_body


@bp.post("/<key>/response-sample")
@technical
def use_response_sample(key: str):
    action = service.get_action(key)
    which = request.form.get("which", "response")
    failure = None
    try:
        service.use_response_as_sample(action, request.form.get("response", ""), error=which == "error")
    except ServiceError as refused:
        failure = refused
    return render_template("actions/_sample_saved.html", failure=failure, which=which,
                           **show_context(action))

