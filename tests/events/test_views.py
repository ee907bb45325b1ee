"""The event type pages: list, create and edit through the form, inline problems, roles."""

import re

from app.events import service
from tests.events.helpers import make_event_type, registered, signup_payload


def form_data(**changes) -> dict:
    data = {
        "key": "order-paid",
        "name": "Order paid",
        "description": "",
        "profile_id_field": "customer_id",
        "fields-0-name": "customer_id",
        "fields-0-type": "integer",
        "fields-0-required": "on",
        "fields-1-name": "total",
        "fields-1-type": "number",
        "sample": "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def text(response) -> str:
    return response.get_data(as_text=True)


def test_list_page_empty_state_search_and_create_button(signed_in):
    technical = signed_in("technical")
    page = text(technical.get("/events/"))
    assert 'class="list-page"' in page
    assert "data-search" in page
    assert "No event types yet" in page and "Create one" in page
    make_event_type()
    page = text(technical.get("/events/"))
    assert "Signup" in page and "New event type" in page
    partial = text(technical.get("/events/?q=nothing", htmx=True))
    assert "<html" not in partial and "No event type matches" in partial


def test_list_shows_field_count_and_usage(signed_in):
    make_event_type()
    technical = signed_in("technical")
    with registered(service.USAGE_PROVIDERS, lambda key: ["Welcome", "Nurture"]):
        page = text(technical.get("/events/"))
    assert "2 journeys" in page
    assert re.search(r"<td>4</td>", page)


def test_marketer_sees_read_only_pages_and_cannot_change(signed_in):
    make_event_type()
    marketer = signed_in("marketer")
    page = text(marketer.get("/events/"))
    assert "Signup" in page and "New event type" not in page
    show = text(marketer.get("/events/signup"))
    assert "Edit" not in show and "Delete" not in show and "Recent events" not in show
    assert marketer.get("/events/new").status_code == 403
    assert marketer.post("/events/new", form_data()).status_code == 403
    assert marketer.post("/events/signup/edit", form_data(key="signup")).status_code == 403
    assert marketer.post("/events/signup/delete").status_code == 403
    assert marketer.post("/events/form", form_data()).status_code == 403
    assert marketer.get("/events/signup/recent").status_code == 403
    assert [event_type.key for event_type in service.list_event_types()] == ["signup"]


def test_create_through_the_form(signed_in):
    technical = signed_in("technical")
    assert "Paste a sample payload" in text(technical.get("/events/new"))
    response = technical.post("/events/new", form_data())
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/events/order-paid")
    created = service.get_event_type("order-paid")
    assert created.fields == [
        {"name": "customer_id", "type": "integer", "required": True},
        {"name": "total", "type": "number", "required": False},
    ]
    assert "Order paid" in text(technical.get("/events/order-paid"))


def test_form_errors_name_the_field_and_store_nothing(signed_in):
    technical = signed_in("technical")
    response = technical.post("/events/new", form_data(key="Order Paid", **{"fields-1-type": "text"}))
    assert response.status_code == 422
    page = text(response)
    assert "Key must be 1–64 lowercase letters" in page
    assert "Field type must be one of" in page
    response = technical.post("/events/new", form_data(profile_id_field="total"))
    assert "Profile id field must name a required string or integer field" in text(response)
    response = technical.post("/events/new", form_data(sample="{not json"))
    assert "is not valid JSON" in text(response)
    response = technical.post("/events/new", form_data(sample='{"customer_id": "abc"}'))
    assert "customer_id must be an integer" in text(response)
    assert service.list_event_types() == []


def test_inline_validation_answers_out_of_band_problem_slots(signed_in):
    technical = signed_in("technical")
    response = technical.post("/events/form", form_data(key="BAD", intent="validate"), htmx=True)
    page = text(response)
    assert 'id="error-key" class="field-error" aria-live="polite" hx-swap-oob="true">Key must be' in page
    assert 'id="error-name" class="field-error" aria-live="polite" hx-swap-oob="true"></small>' in page
    assert 'id="profile-id-field" hx-swap-oob="true"' in page
    assert service.list_event_types() == []


def test_paste_sample_fills_the_rows(signed_in):
    technical = signed_in("technical")
    sample = '{"user_id": 7, "email": "a@b.c", "vip": true, "items": [{"sku": "x"}], "odd key": 1}'
    response = technical.post("/events/form", form_data(sample=sample, intent="infer"), htmx=True)
    page = text(response)
    assert 'value="user_id"' in page and 'value="vip"' in page and 'value="items"' in page
    assert "<option selected>list&lt;object&gt;</option>" in page
    assert re.search(r'<option value="user_id" selected>', page)
    assert "Left out (add them by hand): odd key" in page


def test_add_and_remove_field_rows(signed_in):
    technical = signed_in("technical")
    page = text(technical.post("/events/form", form_data(intent="add-field"), htmx=True))
    assert 'name="fields-2-name"' in page
    page = text(technical.post("/events/form", form_data(intent="remove-field", row="0"), htmx=True))
    assert 'value="customer_id"' not in page.split("<tbody>")[1].split("</tbody>")[0]
    assert 'name="fields-1-name"' not in page


def test_edit_and_the_usage_rule_in_the_form(signed_in):
    make_event_type()
    technical = signed_in("technical")
    assert "Save changes" in text(technical.get("/events/signup/edit"))
    data = {
        "name": "Signed up", "profile_id_field": "email",
        "fields-0-name": "email", "fields-0-type": "string", "fields-0-required": "on",
        "fields-1-name": "signed_up_at", "fields-1-type": "datetime", "fields-1-required": "on",
    }
    with registered(service.USAGE_PROVIDERS, lambda key: ["Welcome"]):
        assert "Used by Welcome" in text(technical.get("/events/signup/edit"))
        response = technical.post("/events/signup/edit", data)
        assert response.status_code == 422
        assert "field &#39;plan&#39; cannot be removed" in text(response)
        refused = technical.post("/events/signup/delete")
        assert refused.status_code == 409 and "Welcome" in text(refused)
    assert technical.post("/events/signup/edit", data).status_code == 302
    assert service.get_event_type("signup").name == "Signed up"
    assert technical.post("/events/signup/delete").status_code == 302
    assert service.list_event_types() == []


def test_recent_events_are_escaped(signed_in):
    make_event_type()
    service.ingest_event("signup", signup_payload(plan="<script>alert(1)</script>"))
    technical = signed_in("technical")
    page = text(technical.get("/events/signup"))
    assert "Recent events" in page and "user0@example.com" in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert "user0@example.com" in text(technical.get("/events/signup/recent", htmx=True))


def test_unknown_event_type_page_is_404(signed_in):
    assert signed_in("marketer").get("/events/nope").status_code == 404
