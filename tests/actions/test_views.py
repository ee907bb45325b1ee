"""Action pages: list and filters, the form (inline problems = the API's), the sample-body
workflow, secrets kept out of HTML, usage safety, duplicate, delete, test calls, built-ins, roles."""

from __future__ import annotations

import json
import re

import pytest
from markupsafe import escape

from app.actions import service
from app.crypto import MASK
from tests.actions.test_service import (
    HEADER_SECRET,
    TOKEN,
    TargetServer,
    contract,
    journeys_using,
    registered,
)
from tests.factories import bearer, make_token


def form_data(spec: dict) -> dict:
    """The form fields a browser would send for `spec`."""
    data = {
        "key": spec["key"], "name": spec["name"], "description": spec.get("description", ""),
        "method": spec["method"], "url": spec["url"], "auth-type": spec["auth"]["type"],
        "body": json.dumps(spec["body"]) if spec.get("body") is not None else "",
        "timeout_ms": str(spec["timeout_ms"]), "retries": str(spec["retries"]),
    }
    for name, value in spec["auth"].items():
        if name != "type":
            data[f"auth-{name}"] = value
    for kind in ("query", "headers"):
        for index, item in enumerate(spec.get(kind) or ()):
            prefix = f"{kind}-{index}-"
            data[prefix + "name"] = item["name"]
            if item.get("variable"):
                data.update({prefix + "mode": "variable", prefix + "type": item["type"],
                             prefix + "required": "on"})
            else:
                data.update({prefix + "mode": "constant", prefix + "value": item["value"]})
            if item.get("secret"):
                data[prefix + "secret"] = "on"
    for index, parameter in enumerate(spec.get("parameters") or ()):
        prefix = f"parameters-{index}-"
        data.update({prefix + "name": parameter["name"], prefix + "type": parameter["type"]})
        if parameter.get("required", True):
            data[prefix + "required"] = "on"
        if parameter.get("nullable"):
            data[prefix + "nullable"] = "on"
    if spec.get("rate_limit"):
        data.update({"rate_limit-calls": str(spec["rate_limit"]["calls"]),
                     "rate_limit-per_seconds": str(spec["rate_limit"]["per_seconds"]),
                     "rate_limit-mode": spec["rate_limit"]["mode"]})
    return data


def slot(html: str, slot_id: str) -> str:
    """The text of the problem slot `error-<slot_id>` in a page or an out-of-band response."""
    match = re.search(rf'<small id="error-{re.escape(slot_id)}"[^>]*>(.*?)</small>', html, re.S)
    assert match, f"no slot {slot_id}"
    return match.group(1)


@pytest.fixture
def technical(signed_in):
    return signed_in("technical")


@pytest.fixture
def marketer(signed_in):
    return signed_in("marketer")


# --- list ------------------------------------------------------------------------------------


def test_empty_list_says_what_to_do(technical, marketer):
    page = technical.get("/actions/").get_data(as_text=True)
    assert "list-page" in page and "data-search" in page and "Create one" in page
    assert "No actions yet" in marketer.get("/actions/").get_data(as_text=True)
    assert "Ask a technical user" in marketer.get("/actions/").get_data(as_text=True)


def test_list_search_filters_status_and_usage(technical):
    service.create_action(contract())
    service.create_action(contract(key="sync-crm", name="Sync CRM"))
    service.ensure_builtin_actions()
    provider = journeys_using({"send-welcome": [{"id": 1, "name": "Onboarding", "status": "live"},
                                                {"id": 2, "name": "Promo", "status": "draft"}]})
    with registered(service.USAGE_PROVIDERS, provider):
        page = technical.get("/actions/").get_data(as_text=True)
    assert "Send welcome email" in page and "2 journeys" in page and "needs configuration" in page
    partial = technical.get("/actions/?q=crm", htmx=True).get_data(as_text=True)
    assert "Sync CRM" in partial and "Send welcome" not in partial and "<html" not in partial
    partial = technical.get("/actions/?needs_configuration=1", htmx=True).get_data(as_text=True)
    assert "Send SMS" in partial and "Sync CRM" not in partial
    partial = technical.get("/actions/?channel=push", htmx=True).get_data(as_text=True)
    assert "Send push notification" in partial and "Send SMS" not in partial
    assert "No action matches" in technical.get("/actions/?q=zzz", htmx=True).get_data(as_text=True)


# --- roles -----------------------------------------------------------------------------------


def test_marketer_sees_read_only_pages(marketer):
    service.create_action(contract())
    listing = marketer.get("/actions/").get_data(as_text=True)
    assert "New action" not in listing
    page = marketer.get("/actions/send-welcome").get_data(as_text=True)
    assert "Send welcome email" in page
    for control in ("Edit", "Delete", "Duplicate", "Send a test call"):
        assert f">{control}<" not in page and f"{control}</" not in page
    assert marketer.get("/actions/new").status_code == 403
    assert marketer.get("/actions/send-welcome/edit").status_code == 403


@pytest.mark.parametrize(
    "url",
    ["/actions/new", "/actions/send-welcome/edit", "/actions/send-welcome/delete",
     "/actions/send-welcome/duplicate", "/actions/send-welcome/test", "/actions/form",
     "/actions/send-welcome/response-sample"],
)
def test_marketer_posts_are_forbidden(marketer, url):
    service.create_action(contract())
    response = marketer.post(url, form_data(contract(key="x", name="Hacked")))
    assert response.status_code == 403
    assert service.get_action("send-welcome").name == "Send welcome email"


def test_pages_need_login(client, db):
    assert client.get("/actions/").status_code == 302


# --- the form ----------------------------------------------------------------------------------


def test_create_through_the_form(technical):
    page = technical.get("/actions/new").get_data(as_text=True)
    assert 'name="url"' in page and 'name="body_sample"' in page and 'name="auth-type"' in page
    response = technical.post("/actions/new", form_data(contract()))
    assert response.status_code == 302 and response.headers["Location"].endswith("/actions/send-welcome")
    spec = service.decrypted_spec(service.get_action("send-welcome"))
    expected = contract()
    for name in ("url", "method", "body", "query", "headers", "auth", "timeout_ms", "retries"):
        assert spec[name] == expected[name], name
    assert spec["rate_limit"] == {"calls": 10, "per_seconds": 1.0, "mode": "throttle"}
    assert [(p["name"], p["required"], p["nullable"]) for p in spec["parameters"]] == [
        ("email", True, False), ("amount", False, True)]


def test_htmx_save_redirects(technical):
    response = technical.post("/actions/new", form_data(contract()), htmx=True)
    assert response.status_code == 204 and response.headers["HX-Redirect"] == "/actions/send-welcome"


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"url": "http://127.0.0.1/", "timeout_ms": 5, "retries": 11}, ("url", "timeout_ms", "retries")),
        ({"body": {"to": "{{ghost}}", "a": "{{email}}", "b": "{{amount}}"}}, ("body",)),
        ({"key": "send welcome"}, ("key",)),
    ],
)
def test_inline_problems_are_the_api_problems(client, technical, changes, fields):
    bad = contract(**changes)
    api = client.post("/api/v1/actions", json=bad, headers=bearer(make_token("technical")))
    expected = api.get_json()["error"]["fields"]
    data = {**form_data(bad), "intent": "validate", "original_key": ""}
    html = technical.post("/actions/form", data, htmx=True).get_data(as_text=True)
    assert 'hx-swap-oob="true"' in html
    for field in fields:
        shown = slot(html, field)
        for problem in expected[field]:
            assert str(escape(problem)) in shown, (field, shown)
    assert slot(html, "name") == ""


def test_failed_save_shows_problems_inline_without_echoing_secrets(technical):
    data = form_data(contract(url="http://2130706433/"))
    htmx = technical.post("/actions/new", data, htmx=True).get_data(as_text=True)
    assert "cannot be called" in slot(htmx, "url") and "Please fix" in htmx
    page = technical.post("/actions/new", data)
    html = page.get_data(as_text=True)
    assert page.status_code == 422 and "cannot be called" in slot(html, "url")
    assert TOKEN not in html and HEADER_SECRET not in html
    assert service.list_actions() == []


def test_problems_on_rows_land_on_their_row(technical):
    data = form_data(contract())
    data["headers-7-name"], data["headers-7-mode"], data["headers-7-value"] = "Bad Header", "constant", "x"
    html = technical.post("/actions/form", {**data, "intent": "validate"}, htmx=True).get_data(as_text=True)
    assert "header name" in slot(html, "headers-7-name")
    assert slot(html, "headers-0-name") == ""


def test_secrets_never_reach_html(technical):
    service.create_action(contract())
    for url in ("/actions/send-welcome", "/actions/send-welcome/edit", "/actions/"):
        html = technical.get(url).get_data(as_text=True)
        assert TOKEN not in html and HEADER_SECRET not in html, url
    edit = technical.get("/actions/send-welcome/edit").get_data(as_text=True)
    assert f'value="{MASK}"' in edit


def test_edit_keeps_masked_secrets_and_warns_about_live_journeys(technical):
    service.create_action(contract())
    data = form_data(service.masked_contract(service.get_action("send-welcome")))
    data["name"] = "Renamed"
    live = journeys_using({"send-welcome": [{"id": 3, "name": "Onboarding", "status": "live"}]})
    with registered(service.USAGE_PROVIDERS, live):
        assert "Onboarding" in technical.get("/actions/send-welcome/edit").get_data(as_text=True)
        response = technical.post("/actions/send-welcome/edit", data)
        assert response.status_code == 302
        shown = technical.get("/actions/send-welcome").get_data(as_text=True)
    assert "Live journey Onboarding uses this action" in shown
    spec = service.decrypted_spec(service.get_action("send-welcome"))
    assert spec["auth"]["token"] == TOKEN and spec["headers"][1]["value"] == HEADER_SECRET
    assert service.get_action("send-welcome").name == "Renamed"


def test_row_and_auth_partials(technical):
    row = technical.get("/actions/form/row?kind=headers&token=4").get_data(as_text=True)
    assert 'name="headers-4-name"' in row and 'name="headers-4-secret"' in row
    assert "token=5" in row and 'hx-swap-oob="true"' in row
    assert technical.get("/actions/form/row?kind=nope").status_code == 400
    auth = technical.get("/actions/form/auth?auth-type=oauth2_client_credentials").get_data(as_text=True)
    for name in ("token_url", "client_id", "client_secret", "scope"):
        assert f'name="auth-{name}"' in auth
    assert 'type="password" name="auth-client_secret"' in auth


# --- the sample-body workflow ----------------------------------------------------------------


def test_paste_a_sample_then_mark_fields(technical):
    sample = {"to": "ada@example.com", "template": "welcome", "amount": 12.5}
    base = {**form_data(contract(body=None, parameters=[])), "body_sample": json.dumps(sample)}
    listed = technical.post("/actions/form", {**base, "intent": "analyse"}, htmx=True).get_data(as_text=True)
    for index, name in enumerate(("to", "template", "amount")):
        assert f'name="leaf-{index}-name" value="{name}"' in listed
    choices = {"leaf-0-variable": "on", "leaf-0-name": "email", "leaf-0-type": "string",
               "leaf-1-name": "template", "leaf-1-type": "string",
               "leaf-2-variable": "on", "leaf-2-name": "amount", "leaf-2-type": "number"}
    applied = technical.post("/actions/form", {**base, **choices, "intent": "apply"}, htmx=True)
    html = applied.get_data(as_text=True)
    assert 'id="body-field" hx-swap-oob="true"' in html
    assert 'id="parameters-fieldset" hx-swap-oob="true"' in html
    template = json.loads(re.search(r'<textarea name="body"[^>]*>(.*?)</textarea>', html, re.S).group(1)
                          .replace("&#34;", '"'))
    assert template == {"to": "{{email}}", "template": "welcome", "amount": "{{amount}}"}
    assert 'name="parameters-0-name" id="parameters-0-name" value="email"' in html
    assert 'name="parameters-1-name" id="parameters-1-name" value="amount"' in html
    bad = technical.post("/actions/form", {**base, "body_sample": "{oops", "intent": "analyse"}, htmx=True)
    assert "not valid JSON" in bad.get_data(as_text=True)


# --- page, usage, duplicate, delete ----------------------------------------------------------


def test_action_page_lists_journeys_and_delete_is_refused(technical):
    service.create_action(contract())
    provider = journeys_using({"send-welcome": [{"id": 1, "name": "Onboarding", "status": "live"}]})
    with registered(service.USAGE_PROVIDERS, provider):
        assert "Onboarding" in technical.get("/actions/send-welcome").get_data(as_text=True)
        refused = technical.post("/actions/send-welcome/delete")
        assert refused.status_code == 409 and "Onboarding" in refused.get_data(as_text=True)
        partial = technical.post("/actions/send-welcome/delete", htmx=True).get_data(as_text=True)
        assert "Onboarding" in partial and "<html" not in partial
    assert service.get_action("send-welcome")
    response = technical.post("/actions/send-welcome/delete")
    assert response.status_code == 302 and service.list_actions() == []


def test_duplicate_opens_the_copy(technical):
    service.create_action(contract())
    response = technical.post("/actions/send-welcome/duplicate")
    assert response.headers["Location"].endswith("/actions/send-welcome-copy/edit")
    assert service.get_action("send-welcome-copy").name == "Send welcome email (copy)"


# --- test calls ------------------------------------------------------------------------------


def test_test_call_panel(app, technical, monkeypatch):
    with TargetServer(body=b'{"messageId": "<script>alert(1)</script>"}') as server:
        monkeypatch.setitem(app.config, "CAIRN_ALLOWED_HOSTS", "127.0.0.1")
        service.create_action(contract(url=server.url + "/send"))
        page = technical.get("/actions/send-welcome").get_data(as_text=True)
        assert 'name="params-email"' in page and 'name="query-ts"' in page
        html = technical.post("/actions/send-welcome/test",
                              {"params-email": "ada@example.com", "params-amount": "", "query-ts": "now"},
                              htmx=True).get_data(as_text=True)
        assert "HTTP 200" in html and " ms" in html
        assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
        assert TOKEN not in html and HEADER_SECRET not in html and MASK in html
        assert "Use as response sample" in html
        sent = json.loads(server.requests[0]["body"])
        assert sent == {"to": "ada@example.com", "template": "welcome", "note": "Hi ada@example.com"}
        problem = technical.post("/actions/send-welcome/test", {"params-amount": "x", "query-ts": "now"},
                                 htmx=True).get_data(as_text=True)
        assert "email" in problem and len(server.requests) == 1


def test_use_response_as_sample(technical):
    service.create_action(contract())
    saved = technical.post("/actions/send-welcome/response-sample",
                           {"response": '{"messageId": "abc"}', "which": "response"}, htmx=True)
    html = saved.get_data(as_text=True)
    assert "Saved as the response sample" in html and "messageId" in html
    assert service.get_action("send-welcome").spec["response_sample"] == {"messageId": "abc"}
    refused = technical.post("/actions/send-welcome/response-sample", {"response": "nope"}, htmx=True)
    assert "not JSON" in refused.get_data(as_text=True)


# --- built-ins -------------------------------------------------------------------------------


def test_configure_a_builtin_through_the_form(app, technical, monkeypatch):
    service.ensure_builtin_actions()
    page = technical.get("/actions/send-sms").get_data(as_text=True)
    assert "Needs configuration" in page and "Configure" in page and "Delete" not in page
    form = technical.get("/actions/send-sms/edit").get_data(as_text=True)
    assert 'name="base_url"' in form and 'name="message_id"' in form
    with TargetServer() as server:
        monkeypatch.setitem(app.config, "CAIRN_ALLOWED_HOSTS", "127.0.0.1")
        data = {"name": "Send SMS", "description": "", "base_url": server.url, "message_id": "EVTsms",
                "auth-type": "bearer", "auth-token": "platform-token", "timeout_ms": "5000", "retries": "1"}
        bad = technical.post("/actions/form", {**data, "base_url": "http://10.1.2.3/", "intent": "validate",
                                               "original_key": "send-sms"}, htmx=True).get_data(as_text=True)
        assert "cannot be called" in slot(bad, "base_url")
        assert technical.post("/actions/send-sms/edit", data).status_code == 302
        action = service.get_action("send-sms")
        assert not action.configured and "test call" in action.needs_configuration_reason
        edit = technical.get("/actions/send-sms/edit").get_data(as_text=True)
        assert "platform-token" not in edit and f'value="{MASK}"' in edit
        result = technical.post("/actions/send-sms/test", {"params-to": "+447700900123", "params-text": "Hi"},
                                htmx=True).get_data(as_text=True)
        assert "now ready" in result
        assert service.get_action("send-sms").configured
