"""The templates catalog: every template is a valid contract once filled in, and renders exactly
the request its provider documents (method, URL, headers, body field by field). Token endpoints
are local fakes on 127.0.0.1; nothing leaves the machine."""

from __future__ import annotations

import hashlib
import html
import json
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from marshmallow import ValidationError

from app.actions.auth import apply_auth
from app.actions.rendering import RenderedRequest, render_request
from app.actions.schemas import ActionSpecSchema
from app.actions.templates_catalog import ADOBE_IMS_TOKEN_URL, get_template, list_templates
from app.errors import NotFound, flatten_fields
from tests.actions import test_auth
from tests.actions.test_auth import TokenEndpoint, service_account_json
from tests.factories import bearer, make_token
from tests.test_outbound import serving

cache = test_auth.cache
session = test_auth.session
rsa_key = test_auth.rsa_key
google_endpoint = test_auth.google_endpoint
"""The auth tests' fixtures: a Redis token cache, the guarded session allowing 127.0.0.1, a
generated service account key and a Google token endpoint verifying its signed grant."""

GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token"
ADOBE_CLIENT_ID = "adobe-client-id"
ADOBE_CLIENT_SECRET = "p8e-adobe-secret"
ADOBE_FILLED = {
    "auth.client_id": ADOBE_CLIENT_ID,
    "auth.client_secret": ADOBE_CLIENT_SECRET,
    "headers.0.value": ADOBE_CLIENT_ID,
}
SENDGRID_KEY = "SG.test-key"
FILLED: dict[str, dict[str, Any]] = {
    "slack-incoming-webhook": {"url": "https://hooks.slack.com/services/T0AAA/B0BBB/secretpath"},
    "sendgrid-mail-send": {"auth.token": SENDGRID_KEY, "body.from.email": "news@shop.example"},
    "sendgrid-dynamic-template": {
        "auth.token": SENDGRID_KEY,
        "body.from.email": "news@shop.example",
        "body.template_id": "d-2d3c4b5a6f7e8d9c0b1a2f3e4d5c6b7a",
    },
    "fcm-http-v1": {"url": "https://fcm.googleapis.com/v1/projects/shop-app/messages:send"},
    "facebook-conversions-api": {
        "url": "https://graph.facebook.com/v21.0/1234567890/events",
        "auth.value": "EAAB-token",
    },
    "adobe-campaign-standard-transactional": {
        "url": "https://mc.adobe.io/shoporg/campaign/mcAdobe/EVTwelcome",
        **ADOBE_FILLED,
    },
    "adobe-campaign-v8-transactional": {
        "url": "https://shop-mkt-prod1.campaign.adobe.com/rest/mc/",
        "body.eventType": "welcome",
        **ADOBE_FILLED,
    },
    "adobe-io-events-publish": {
        "body.source": "urn:uuid:7d3b7c8e-5a44-4a2e-9f6b-0c1d2e3f4a5b",
        "body.type": "com.shop.order.paid",
        **ADOBE_FILLED,
    },
    "epsilon-style-transactional-email": {
        "url": "https://esp.shop.example/v4/messages/welcome-1/send",
        "auth.token_url": "https://esp.shop.example/oauth2/token",
        "auth.client_id": "esp-client",
        "auth.client_secret": "esp-secret",
        "headers.0.value": "OU-42",
    },
    "generic-webhook": {"url": "https://crm.shop.example/hooks/cairn", "auth.value": "whsec-1"},
}
"""What a user fills in for each template (`fill_in` must name exactly these fields). The FCM
service account key is filled per test, since it needs a generated key."""
STAND_INS = re.compile(
    r"PROJECT_ID|PIXEL_ID|ORGANIZATION|EVENT_ID|EVENT_TYPE|EVENT_CODE|PROVIDER_ID|MESSAGE_ID|INSTANCE"
    r"|sender@example\.com|d-0{32}|XXXXXXXX|api\.esp\.example|hooks\.example\.com"
)


def set_field(spec: dict, dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    node: Any = spec
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    node[int(last) if isinstance(node, list) else last] = value


def filled(key: str, **extra: Any) -> dict:
    """The template's contract with the user's values, loaded by the schema like a save would."""
    spec = get_template(key).contract()
    for dotted, value in {**FILLED[key], **extra}.items():
        set_field(spec, dotted, value)
    return ActionSpecSchema().load(spec)


def call(spec: dict, params: dict, *, session, cache) -> RenderedRequest:
    request = render_request(spec, params=params)
    apply_auth(request, spec["auth"], session=session, cache=cache)
    return request


def assert_json_request(request: RenderedRequest, method: str, url: str) -> None:
    assert request.method == method
    assert request.url == url
    assert request.headers["Content-Type"] == "application/json"


# --- the catalog as data -----------------------------------------------------------------------


def test_catalog_lists_every_provider_once() -> None:
    keys = [template.key for template in list_templates()]
    assert keys == list(FILLED)
    assert len({template.spec["key"] for template in list_templates()}) == len(keys)
    assert get_template("generic-webhook").key == "generic-webhook"
    with pytest.raises(NotFound):
        get_template("no-such-template")


@pytest.mark.parametrize("template", list_templates(), ids=lambda template: template.key)
def test_unfilled_template_is_refused_on_its_fill_in_fields_only(template) -> None:
    fill_in = {item.field for item in template.fill_in}
    expected = set(FILLED[template.key]) | ({"auth.service_account_json"} if template.key == "fcm-http-v1"
                                           else set())
    assert fill_in == expected
    assert template.summary and template.name
    assert template.documentation_url is None or template.documentation_url.startswith("https://")
    contract = template.contract()
    assert contract["channel"] == "custom"
    if template.key == "slack-incoming-webhook":
        ActionSpecSchema().load(contract)  # no auth: the webhook URL is the credential
        return
    with pytest.raises(ValidationError) as refused:
        ActionSpecSchema().load(contract)
    assert set(flatten_fields(refused.value.messages)) <= fill_in


@pytest.mark.parametrize("key", [key for key in FILLED if key != "fcm-http-v1"])
def test_filled_template_is_valid_with_no_stand_in_left(key: str) -> None:
    spec = filled(key)
    assert not STAND_INS.search(json.dumps(spec)), "a stand-in was not listed in fill_in"


def test_contract_is_a_copy() -> None:
    get_template("slack-incoming-webhook").contract()["body"]["text"] = "changed"
    assert get_template("slack-incoming-webhook").contract()["body"] == {"text": "{{text}}"}


# --- each template renders its provider's documented request ---------------------------------


def test_slack_incoming_webhook(session, cache) -> None:
    # https://api.slack.com/messaging/webhooks: POST the webhook URL, JSON {"text": ...}, no auth
    # header (the URL is the secret); one message per second per webhook.
    spec = filled("slack-incoming-webhook")
    request = call(spec, {"text": "New order #42"}, session=session, cache=cache)
    assert_json_request(request, "POST", "https://hooks.slack.com/services/T0AAA/B0BBB/secretpath")
    assert "Authorization" not in request.headers
    assert request.body == {"text": "New order #42"}
    assert spec["rate_limit"] == {"calls": 1, "per_seconds": 1.0, "mode": "throttle"}


def test_sendgrid_mail_send(session, cache) -> None:
    # https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send:
    # POST /v3/mail/send, Authorization: Bearer <API key>, personalizations[].to[].email,
    # from.email, subject, content[] of {type, value}.
    spec = filled("sendgrid-mail-send")
    request = call(spec, {"to_email": "ada@example.com", "subject": "Welcome", "html": "<p>Hi Ada</p>"},
                   session=session, cache=cache)
    assert_json_request(request, "POST", "https://api.sendgrid.com/v3/mail/send")
    assert request.headers["Authorization"] == f"Bearer {SENDGRID_KEY}"
    assert request.body == {
        "personalizations": [{"to": [{"email": "ada@example.com"}]}],
        "from": {"email": "news@shop.example"},
        "subject": "Welcome",
        "content": [{"type": "text/html", "value": "<p>Hi Ada</p>"}],
    }


def test_sendgrid_dynamic_template(session, cache) -> None:
    # Same reference: with template_id, personalizations[].dynamic_template_data fills the
    # template's handlebars, and subject/content come from the template.
    spec = filled("sendgrid-dynamic-template")
    data = {"first_name": "Ada", "items": [{"sku": "A1", "qty": 2}]}
    request = call(spec, {"to_email": "ada@example.com", "template_data": data}, session=session, cache=cache)
    assert_json_request(request, "POST", "https://api.sendgrid.com/v3/mail/send")
    assert request.headers["Authorization"] == f"Bearer {SENDGRID_KEY}"
    assert request.body == {
        "personalizations": [{"to": [{"email": "ada@example.com"}], "dynamic_template_data": data}],
        "from": {"email": "news@shop.example"},
        "template_id": "d-2d3c4b5a6f7e8d9c0b1a2f3e4d5c6b7a",
    }


def test_fcm_http_v1_with_a_service_account(session, cache, rsa_key, google_endpoint) -> None:
    # https://firebase.google.com/docs/reference/fcm/rest/v1/projects.messages/send:
    # POST /v1/projects/{project}/messages:send with an OAuth2 token for the
    # firebase.messaging scope; body {"message": {"token", "notification": {"title", "body"},
    # "data": map<string, string>}}.
    spec = filled("fcm-http-v1",
                  **{"auth.service_account_json": service_account_json(rsa_key, GOOGLE_TOKEN_URI)})
    assert spec["auth"]["scopes"] == ["https://www.googleapis.com/auth/firebase.messaging"]
    params = {"token": "device-token-1", "title": "Your order shipped", "body": "Arrives Friday"}
    with serving(google_endpoint) as server:
        spec["auth"]["service_account_json"] = service_account_json(rsa_key, f"{server.url}/token")
        request = call({**spec}, {**params, "data": {"order_id": "42"}}, session=session, cache=cache)
        without_data = call(spec, params, session=session, cache=cache)
    assert_json_request(request, "POST", "https://fcm.googleapis.com/v1/projects/shop-app/messages:send")
    assert request.headers["Authorization"] == "Bearer ya29.1"
    assert google_endpoint.claims[0]["scope"] == "https://www.googleapis.com/auth/firebase.messaging"
    assert request.body == {
        "message": {
            "token": "device-token-1",
            "notification": {"title": "Your order shipped", "body": "Arrives Friday"},
            "data": {"order_id": "42"},
        }
    }
    assert without_data.body == {
        "message": {
            "token": "device-token-1",
            "notification": {"title": "Your order shipped", "body": "Arrives Friday"},
        }
    }


def test_facebook_conversions_api(session, cache) -> None:
    # https://developers.facebook.com/docs/marketing-api/conversions-api/using-the-api:
    # POST https://graph.facebook.com/{API_VERSION}/{PIXEL_ID}/events?access_token=...,
    # body {"data": [{"event_name", "event_time" (Unix seconds), "action_source",
    # "user_data": {"em": [SHA-256 of the normalised e-mail]}, "custom_data"}]}, plus an optional
    # top-level test_event_code.
    spec = filled("facebook-conversions-api")
    hashed = hashlib.sha256(b"ada@example.com").hexdigest()
    params = {
        "event_name": "Purchase",
        "event_time": 1718000000,
        "action_source": "website",
        "email_sha256": [hashed],
        "custom_data": {"currency": "EUR", "value": 12.5},
    }
    request = call(spec, params, session=session, cache=cache)
    assert request.method == "POST"
    url = urlsplit(request.url)
    assert (url.scheme, url.netloc, url.path) == ("https", "graph.facebook.com", "/v21.0/1234567890/events")
    assert parse_qs(url.query) == {"access_token": ["EAAB-token"]}
    assert "Authorization" not in request.headers
    assert request.body == {
        "data": [
            {
                "event_name": "Purchase",
                "event_time": 1718000000,
                "action_source": "website",
                "user_data": {"em": [hashed]},
                "custom_data": {"currency": "EUR", "value": 12.5},
            }
        ]
    }
    testing = call(spec, {**params, "event_id": "order-42", "test_event_code": "TEST123"},
                   session=session, cache=cache)
    assert testing.body["data"][0]["event_id"] == "order-42"
    assert testing.body["test_event_code"] == "TEST123"


def assert_adobe_ims_grant(endpoint: TokenEndpoint, spec: dict) -> None:
    # https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/implementation/
    # POST ims/token/v3 with grant_type=client_credentials, client_id, client_secret and scope in
    # the form body.
    assert spec["auth"]["token_url"] == ADOBE_IMS_TOKEN_URL
    assert endpoint.forms == [{
        "grant_type": "client_credentials",
        "client_id": ADOBE_CLIENT_ID,
        "client_secret": ADOBE_CLIENT_SECRET,
        "scope": spec["auth"]["scope"],
    }]
    assert {"openid", "AdobeID"} <= set(spec["auth"]["scope"].split(","))


def call_with_local_ims(spec: dict, params: dict, *, session, cache) -> tuple[RenderedRequest, TokenEndpoint]:
    endpoint = TokenEndpoint()
    with serving(endpoint) as server:
        local = {**spec, "auth": {**spec["auth"], "token_url": f"{server.url}/ims/token/v3"}}
        request = call(local, params, session=session, cache=cache)
    assert_adobe_ims_grant(endpoint, spec)
    return request, endpoint


def test_adobe_campaign_standard_transactional(session, cache) -> None:
    # https://experienceleague.adobe.com/docs/campaign-standard/using/working-with-apis/managing-transactional-messages.html:
    # POST https://mc.adobe.io/{ORGANIZATION}/campaign/mcAdobe/{eventID}, headers
    # Authorization: Bearer <IMS token>, x-api-key: <client id>, Cache-Control: no-cache,
    # Content-Type: application/json; body {"email", "ctx": {...}}.
    spec = filled("adobe-campaign-standard-transactional")
    ctx = {"firstName": "Ada", "orderId": "42"}
    request, _ = call_with_local_ims(spec, {"email": "ada@example.com", "ctx": ctx},
                                     session=session, cache=cache)
    assert_json_request(request, "POST", "https://mc.adobe.io/shoporg/campaign/mcAdobe/EVTwelcome")
    assert request.headers["Authorization"] == "Bearer token-1"
    assert request.headers["x-api-key"] == ADOBE_CLIENT_ID
    assert request.headers["Cache-Control"] == "no-cache"
    assert request.body == {"email": "ada@example.com", "ctx": {"firstName": "Ada", "orderId": "42"}}


def test_adobe_campaign_v8_transactional_event(session, cache) -> None:
    # https://experienceleague.adobe.com/docs/campaign/campaign-v8/send/transactional.html:
    # the Message Center REST endpoint takes {"channel", "eventType", "email", "ctx"} with an IMS
    # bearer token and x-api-key.
    spec = filled("adobe-campaign-v8-transactional")
    ctx = {"firstName": "Ada"}
    request, _ = call_with_local_ims(spec, {"email": "ada@example.com", "ctx": ctx},
                                     session=session, cache=cache)
    assert_json_request(request, "POST", "https://shop-mkt-prod1.campaign.adobe.com/rest/mc/")
    assert request.headers["Authorization"] == "Bearer token-1"
    assert request.headers["x-api-key"] == ADOBE_CLIENT_ID
    assert request.body == {"channel": "email", "eventType": "welcome", "email": "ada@example.com",
                            "ctx": {"firstName": "Ada"}}


def test_adobe_io_events_publish(session, cache) -> None:
    # https://developer.adobe.com/events/docs/guides/api/eventsingress_api/: POST
    # https://eventsingress.adobe.io with an IMS bearer token and x-api-key; body a CloudEvents 1.0
    # JSON event {"specversion", "type" (event code), "source" ("urn:uuid:<provider id>"), "id",
    # "datacontenttype", "data"}.
    spec = filled("adobe-io-events-publish")
    data = {"orderId": "42", "total": 12.5}
    request, _ = call_with_local_ims(spec, {"event_id": "2b8f0c1e-order-42", "data": data},
                                     session=session, cache=cache)
    assert_json_request(request, "POST", "https://eventsingress.adobe.io")
    assert request.headers["Authorization"] == "Bearer token-1"
    assert request.headers["x-api-key"] == ADOBE_CLIENT_ID
    assert request.body == {
        "specversion": "1.0",
        "type": "com.shop.order.paid",
        "source": "urn:uuid:7d3b7c8e-5a44-4a2e-9f6b-0c1d2e3f4a5b",
        "id": "2b8f0c1e-order-42",
        "datacontenttype": "application/json",
        "data": {"orderId": "42", "total": 12.5},
    }


def test_epsilon_style_transactional_email(session, cache) -> None:
    # No public reference: the shape the template itself describes, an ESP transactional send
    # with the message id in the path, an organisation header, OAuth client credentials (client
    # authenticated with HTTP Basic) and {"recipients": [{"customerKey", "emailAddress",
    # "attributes"}]}.
    spec = filled("epsilon-style-transactional-email")
    endpoint = TokenEndpoint()
    params = {"customer_key": "C-1", "email": "ada@example.com", "attributes": {"FIRST_NAME": "Ada"}}
    with serving(endpoint) as server:
        local = {**spec, "auth": {**spec["auth"], "token_url": f"{server.url}/oauth2/token"}}
        request = call(local, params, session=session, cache=cache)
    assert endpoint.forms == [{"grant_type": "client_credentials"}]
    assert endpoint.auth_headers[0].startswith("Basic ")
    assert_json_request(request, "POST", "https://esp.shop.example/v4/messages/welcome-1/send")
    assert request.headers["Authorization"] == "Bearer token-1"
    assert request.headers["X-OUID"] == "OU-42"
    assert request.body == {"recipients": [
        {"customerKey": "C-1", "emailAddress": "ada@example.com", "attributes": {"FIRST_NAME": "Ada"}}
    ]}


def test_generic_webhook(session, cache) -> None:
    # No provider: the event, the profile and when it happened, with a shared-secret header.
    spec = filled("generic-webhook")
    request = call(spec, {"event": "order.paid", "profile_id": "p-1", "occurred_at": "2024-06-10T08:00:00Z"},
                   session=session, cache=cache)
    assert_json_request(request, "POST", "https://crm.shop.example/hooks/cairn")
    assert request.headers["X-Webhook-Token"] == "whsec-1"
    assert request.body["event"] == "order.paid"
    assert request.body["profile_id"] == "p-1"
    assert request.body["occurred_at"].startswith("2024-06-10T08:00:00")
    assert set(request.body) == {"event", "profile_id", "occurred_at"}


# --- "New action from template" in the UI and the API ------------------------------------------


@pytest.fixture
def technical(signed_in):
    return signed_in("technical")


def test_new_action_page_lists_the_templates(technical) -> None:
    page = technical.get("/actions/new").get_data(as_text=True)
    for template in list_templates():
        assert html.escape(template.name, quote=False) in page
        assert f"/actions/new?template={template.key}" in page


def test_choosing_a_template_prefills_the_form(technical) -> None:
    response = technical.get("/actions/new?template=sendgrid-dynamic-template")
    assert response.status_code == 200
    page = html.unescape(response.get_data(as_text=True))
    assert 'name="url" id="url" value="https://api.sendgrid.com/v3/mail/send"' in page
    assert 'name="key" id="key" value="sendgrid-send-template"' in page
    assert re.search(r'<option value="bearer"\s+selected>', page)
    assert 'name="parameters-1-name" id="parameters-1-name" value="template_data"' in page
    assert '"dynamic_template_data": "{{template_data}}"' in page
    assert "body.template_id" in page  # the fill-in list
    assert 'name="auth-token"' in page


def test_unknown_template_is_404(technical) -> None:
    assert technical.get("/actions/new?template=nope").status_code == 404


def test_marketers_cannot_use_templates(signed_in, client) -> None:
    marketer = signed_in("marketer")
    assert marketer.get("/actions/new?template=slack-incoming-webhook").status_code == 403
    headers = bearer(make_token("marketer"))
    assert client.get("/api/v1/action-templates", headers=headers).status_code == 403


def test_api_lists_and_reads_templates(client, db) -> None:
    headers = bearer(make_token("technical"))
    listed = client.get("/api/v1/action-templates", headers=headers)
    assert listed.status_code == 200
    assert [item["key"] for item in listed.json] == list(FILLED)
    one = client.get("/api/v1/action-templates/sendgrid-mail-send", headers=headers).json
    assert one["contract"] == get_template("sendgrid-mail-send").contract()
    assert one["contract"]["auth"] == {"type": "bearer", "token": ""}
    hint = "A SendGrid API key with the Mail Send permission."
    assert {"field": "auth.token", "hint": hint} in one["fill_in"]
    assert one["documentation_url"].startswith("https://www.twilio.com/docs/sendgrid/")
    missing = client.get("/api/v1/action-templates/nope", headers=headers)
    assert missing.status_code == 404
    assert missing.json["error"]["code"] == "not_found"
