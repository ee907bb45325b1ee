"""Ready-made action contracts for well-known providers ("New action from template").

Each template is a complete action contract written from the provider's public API reference
(`ActionTemplate.documentation_url`), so a technical user starts from the documented request
instead of a blank form. What only the user knows is left for them to fill in, and listed in
`ActionTemplate.fill_in` under the field name the contract's 422 uses (`auth.client_secret`,
`url`, `headers.0.value`, `body.from.email`):

- auth secrets are empty, so the contract is refused until they are typed (the form asks);
- account-specific parts of URLs and constants hold an upper-case stand-in such as
  ``PIXEL_ID`` or an ``.example`` host, which the user replaces.

Providers that sign requests with a hash or a fresh id per call (Facebook's hashed e-mail, Adobe
I/O's event id) take that value as a parameter: the journey computes it, Cairn sends it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from app.errors import NotFound

ADOBE_IMS_TOKEN_URL = "https://ims-na1.adobelogin.com/ims/token/v3"
ADOBE_IMS_DOCS = (
    "https://developer.adobe.com/developer-console/docs/guides/authentication/"
    "ServerToServerAuthentication/implementation/"
)
FACEBOOK_GRAPH_VERSION = "v21.0"


@dataclass(frozen=True)
class FillIn:
    """One value the user must supply: the contract field (dotted, as errors name it) and what
    to put there."""

    field: str
    hint: str


@dataclass(frozen=True)
class ActionTemplate:
    key: str
    name: str
    summary: str
    documentation_url: str | None
    """The reference the contract follows; None for the shapes no provider documents publicly."""
    fill_in: tuple[FillIn, ...]
    spec: dict[str, Any]

    def contract(self) -> dict[str, Any]:
        """A fresh copy of the contract, safe to pre-fill a form with or change."""
        return copy.deepcopy(self.spec)


def _contract(key: str, name: str, description: str, **fields: Any) -> dict[str, Any]:
    """A contract with the defaults every template shares (custom channel, POST, no query)."""
    return {
        "key": key,
        "name": name,
        "description": description,
        "channel": "custom",
        "method": "POST",
        "dynamic_path": False,
        "query": [],
        "headers": [],
        "response_sample": None,
        "error_response_sample": None,
        "timeout_ms": 10000,
        "retries": 3,
        "rate_limit": None,
        **fields,
    }


def _adobe_ims(scope: str) -> dict[str, Any]:
    """OAuth server-to-server credentials from the Adobe Developer Console, exchanged at IMS."""
    return {
        "type": "oauth2_client_credentials",
        "token_url": ADOBE_IMS_TOKEN_URL,
        "client_id": "",
        "client_secret": "",
        "scope": scope,
        "client_auth": "body",
    }


ADOBE_FILL_IN = (
    FillIn("auth.client_id",
           "The client ID of your Adobe Developer Console OAuth Server-to-Server credential."),
    FillIn("auth.client_secret", "The client secret of that credential."),
    FillIn("headers.0.value", "The same client ID again: Adobe APIs want it as x-api-key."),
)
ADOBE_API_KEY_HEADER = {"name": "x-api-key", "value": ""}


TEMPLATES: tuple[ActionTemplate, ...] = (
    ActionTemplate(
        key="slack-incoming-webhook",
        name="Slack: post to a channel (incoming webhook)",
        summary="Posts a message to the Slack channel an incoming webhook was created for.",
        documentation_url="https://api.slack.com/messaging/webhooks",
        fill_in=(
            FillIn("url", "The webhook URL Slack gave you (Incoming Webhooks page of your Slack app). "
                          "It is the credential: share it with no one."),
        ),
        spec=_contract(
            "slack-notify",
            "Post to Slack",
            "Posts a message through a Slack incoming webhook.",
            url="https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            auth={"type": "none"},
            parameters=[{"name": "text", "type": "string", "required": True, "nullable": False}],
            body={"text": "{{text}}"},
            rate_limit={"calls": 1, "per_seconds": 1, "mode": "throttle"},
        ),
    ),
    ActionTemplate(
        key="sendgrid-mail-send",
        name="SendGrid: send an email (v3 Mail Send)",
        summary="Sends one email with a subject and HTML content through SendGrid.",
        documentation_url="https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send",
        fill_in=(
            FillIn("auth.token", "A SendGrid API key with the Mail Send permission."),
            FillIn("body.from.email", "A sender address verified in SendGrid."),
        ),
        spec=_contract(
            "sendgrid-send-email",
            "Send email (SendGrid)",
            "Sends an email through SendGrid's v3 Mail Send API.",
            url="https://api.sendgrid.com/v3/mail/send",
            auth={"type": "bearer", "token": ""},
            parameters=[
                {"name": "to_email", "type": "string", "required": True, "nullable": False},
                {"name": "subject", "type": "string", "required": True, "nullable": False},
                {"name": "html", "type": "string", "required": True, "nullable": False},
            ],
            body={
                "personalizations": [{"to": [{"email": "{{to_email}}"}]}],
                "from": {"email": "sender@example.com"},
                "subject": "{{subject}}",
                "content": [{"type": "text/html", "value": "{{html}}"}],
            },
        ),
    ),
    ActionTemplate(
        key="sendgrid-dynamic-template",
        name="SendGrid: send a dynamic template email",
        summary="Sends a SendGrid dynamic template, filled with the journey's data.",
        documentation_url="https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send",
        fill_in=(
            FillIn("auth.token", "A SendGrid API key with the Mail Send permission."),
            FillIn("body.from.email", "A sender address verified in SendGrid."),
            FillIn("body.template_id",
                   "The dynamic template's ID (d-…), from Email API › Dynamic Templates."),
        ),
        spec=_contract(
            "sendgrid-send-template",
            "Send template email (SendGrid)",
            "Sends a SendGrid dynamic template email; the template's {{handlebars}} read the data.",
            url="https://api.sendgrid.com/v3/mail/send",
            auth={"type": "bearer", "token": ""},
            parameters=[
                {"name": "to_email", "type": "string", "required": True, "nullable": False},
                {"name": "template_data", "type": "object", "required": True, "nullable": False},
            ],
            body={
                "personalizations": [
                    {"to": [{"email": "{{to_email}}"}], "dynamic_template_data": "{{template_data}}"}
                ],
                "from": {"email": "sender@example.com"},
                "template_id": "d-00000000000000000000000000000000",
            },
        ),
    ),
    ActionTemplate(
        key="fcm-http-v1",
        name="Firebase Cloud Messaging: push to a device (HTTP v1)",
        summary="Sends a push notification to one device registration token.",
        documentation_url="https://firebase.google.com/docs/reference/fcm/rest/v1/projects.messages/send",
        fill_in=(
            FillIn("url", "Replace PROJECT_ID with your Firebase project ID."),
            FillIn("auth.service_account_json", "A service account key file (JSON) of that project, "
                                                "allowed to send messages."),
        ),
        spec=_contract(
            "fcm-send-push",
            "Send push (Firebase)",
            "Sends a notification to one device through Firebase Cloud Messaging HTTP v1; data "
            "values must be strings.",
            url="https://fcm.googleapis.com/v1/projects/PROJECT_ID/messages:send",
            auth={
                "type": "google_service_account",
                "service_account_json": "",
                "scopes": ["https://www.googleapis.com/auth/firebase.messaging"],
            },
            parameters=[
                {"name": "token", "type": "string", "required": True, "nullable": False},
                {"name": "title", "type": "string", "required": True, "nullable": False},
                {"name": "body", "type": "string", "required": True, "nullable": False},
                {"name": "data", "type": "object", "required": False, "nullable": False},
            ],
            body={
                "message": {
                    "token": "{{token}}",
                    "notification": {"title": "{{title}}", "body": "{{body}}"},
                    "data": "{{data}}",
                }
            },
        ),
    ),
    ActionTemplate(
        key="facebook-conversions-api",
        name="Facebook Conversions API: send a server event",
        summary="Sends one conversion event to a Meta pixel; the e-mail goes as a SHA-256 hash.",
        documentation_url="https://developers.facebook.com/docs/marketing-api/conversions-api/using-the-api",
        fill_in=(
            FillIn("url", "Replace PIXEL_ID with your pixel (dataset) ID; keep or update "
                          f"{FACEBOOK_GRAPH_VERSION}."),
            FillIn("auth.value", "A Conversions API access token (Events Manager › Settings)."),
        ),
        spec=_contract(
            "facebook-conversion",
            "Send conversion (Facebook)",
            "Sends a server event to the Conversions API. email_sha256: the SHA-256 hex digests of "
            "the trimmed, lower-cased addresses. event_time: Unix seconds.",
            url=f"https://graph.facebook.com/{FACEBOOK_GRAPH_VERSION}/PIXEL_ID/events",
            auth={"type": "api_key", "name": "access_token", "in": "query", "value": ""},
            parameters=[
                {"name": "event_name", "type": "string", "required": True, "nullable": False},
                {"name": "event_time", "type": "integer", "required": True, "nullable": False},
                {"name": "action_source", "type": "string", "required": True, "nullable": False},
                {"name": "email_sha256", "type": "list<string>", "required": True, "nullable": False},
                {"name": "event_id", "type": "string", "required": False, "nullable": False},
                {"name": "custom_data", "type": "object", "required": False, "nullable": False},
                {"name": "test_event_code", "type": "string", "required": False, "nullable": False},
            ],
            body={
                "data": [
                    {
                        "event_name": "{{event_name}}",
                        "event_time": "{{event_time}}",
                        "action_source": "{{action_source}}",
                        "event_id": "{{event_id}}",
                        "user_data": {"em": "{{email_sha256}}"},
                        "custom_data": "{{custom_data}}",
                    }
                ],
                "test_event_code": "{{test_event_code}}",
            },
        ),
    ),
    ActionTemplate(
        key="adobe-campaign-standard-transactional",
        name="Adobe Campaign Standard: transactional message",
        summary="Triggers a transactional event of Campaign Standard, which sends its message.",
        documentation_url=(
            "https://experienceleague.adobe.com/docs/campaign-standard/using/working-with-apis/"
            "managing-transactional-messages.html"
        ),
        fill_in=(
            FillIn("url", "Replace ORGANIZATION with your organization ID and EVENT_ID with the "
                          "published event's ID (e.g. EVTwelcome); mcAdobe is your transactional API name."),
            *ADOBE_FILL_IN,
        ),
        spec=_contract(
            "adobe-campaign-standard-event",
            "Transactional event (Adobe Campaign Standard)",
            "Sends a transactional event to Adobe Campaign Standard; ctx carries the message's data.",
            url="https://mc.adobe.io/ORGANIZATION/campaign/mcAdobe/EVENT_ID",
            headers=[dict(ADOBE_API_KEY_HEADER), {"name": "Cache-Control", "value": "no-cache"}],
            auth=_adobe_ims("openid,AdobeID,read_organizations,additional_info.projectedProductContext,"
                            "campaign_sdk"),
            parameters=[
                {"name": "email", "type": "string", "required": True, "nullable": False},
                {"name": "ctx", "type": "object", "required": True, "nullable": False},
            ],
            body={"email": "{{email}}", "ctx": "{{ctx}}"},
        ),
    ),
    ActionTemplate(
        key="adobe-campaign-v8-transactional",
        name="Adobe Campaign v7/v8: transactional event (Message Center)",
        summary="Sends an event to the Message Center REST API of Campaign Classic v7 or v8.",
        documentation_url=(
            "https://experienceleague.adobe.com/docs/campaign/campaign-v8/send/transactional.html"
        ),
        fill_in=(
            FillIn("url", "Replace INSTANCE with your Campaign instance host name."),
            FillIn("body.eventType", "The internal name of the event type defined in Campaign."),
            *ADOBE_FILL_IN,
        ),
        spec=_contract(
            "adobe-campaign-v8-event",
            "Transactional event (Adobe Campaign v8)",
            "Sends a transactional event to Adobe Campaign's Message Center; ctx carries the data "
            "the message personalises with.",
            url="https://INSTANCE.campaign.adobe.com/rest/mc/",
            headers=[dict(ADOBE_API_KEY_HEADER)],
            auth=_adobe_ims("AdobeID,openid,read_organizations,additional_info.projectedProductContext,"
                            "campaign_sdk"),
            parameters=[
                {"name": "email", "type": "string", "required": True, "nullable": False},
                {"name": "ctx", "type": "object", "required": True, "nullable": False},
            ],
            body={"channel": "email", "eventType": "EVENT_TYPE", "email": "{{email}}", "ctx": "{{ctx}}"},
        ),
    ),
    ActionTemplate(
        key="adobe-io-events-publish",
        name="Adobe I/O Events: publish a custom event",
        summary="Publishes a CloudEvents event to an Adobe I/O Events custom provider.",
        documentation_url="https://developer.adobe.com/events/docs/guides/api/eventsingress_api/",
        fill_in=(
            FillIn("body.source", "urn:uuid: followed by your event provider's ID."),
            FillIn("body.type", "The event code registered for that provider."),
            *ADOBE_FILL_IN,
        ),
        spec=_contract(
            "adobe-io-publish-event",
            "Publish event (Adobe I/O Events)",
            "Publishes an event to Adobe I/O Events. event_id must be unique per event (Adobe "
            "drops duplicates).",
            url="https://eventsingress.adobe.io",
            headers=[dict(ADOBE_API_KEY_HEADER)],
            auth=_adobe_ims("AdobeID,openid,read_organizations,additional_info.projectedProductContext,"
                            "additional_info.roles,adobeio_api,read_client_secret,manage_client_secrets"),
            parameters=[
                {"name": "event_id", "type": "string", "required": True, "nullable": False},
                {"name": "data", "type": "object", "required": True, "nullable": False},
            ],
            body={
                "specversion": "1.0",
                "type": "EVENT_CODE",
                "source": "urn:uuid:PROVIDER_ID",
                "id": "{{event_id}}",
                "datacontenttype": "application/json",
                "data": "{{data}}",
            },
        ),
    ),
    ActionTemplate(
        key="epsilon-style-transactional-email",
        name="Epsilon-style transactional email",
        summary="An enterprise ESP's transactional send: a message ID in the path, recipients "
                "with a customer key and personalisation attributes, OAuth client credentials.",
        documentation_url=None,
        fill_in=(
            FillIn("url", "Your ESP's transactional endpoint, with the message ID in place of MESSAGE_ID."),
            FillIn("auth.token_url", "Your ESP's OAuth token endpoint."),
            FillIn("auth.client_id", "Your API client ID."),
            FillIn("auth.client_secret", "Your API client secret."),
            FillIn("headers.0.value", "Your organisation unit ID (X-OUID)."),
        ),
        spec=_contract(
            "esp-transactional-email",
            "Transactional email (ESP)",
            "Sends a transactional email message to one recipient with personalisation attributes.",
            url="https://api.esp.example/v4/messages/MESSAGE_ID/send",
            headers=[{"name": "X-OUID", "value": ""}],
            auth={
                "type": "oauth2_client_credentials",
                "token_url": "https://api.esp.example/oauth2/token",
                "client_id": "",
                "client_secret": "",
                "scope": "",
                "client_auth": "basic",
            },
            parameters=[
                {"name": "customer_key", "type": "string", "required": True, "nullable": False},
                {"name": "email", "type": "string", "required": True, "nullable": False},
                {"name": "attributes", "type": "object", "required": False, "nullable": False},
            ],
            body={
                "recipients": [
                    {
                        "customerKey": "{{customer_key}}",
                        "emailAddress": "{{email}}",
                        "attributes": "{{attributes}}",
                    }
                ]
            },
        ),
    ),
    ActionTemplate(
        key="generic-webhook",
        name="Generic webhook",
        summary="POSTs the journey's event and profile to any HTTPS endpoint, with a shared-secret header.",
        documentation_url=None,
        fill_in=(
            FillIn("url", "The endpoint that receives the webhook."),
            FillIn("auth.value", "The shared secret the receiver checks (sent as X-Webhook-Token)."),
        ),
        spec=_contract(
            "webhook",
            "Webhook",
            "Posts the event and profile to a webhook endpoint.",
            url="https://hooks.example.com/cairn",
            auth={"type": "api_key", "name": "X-Webhook-Token", "in": "header", "value": ""},
            parameters=[
                {"name": "event", "type": "string", "required": True, "nullable": False},
                {"name": "profile_id", "type": "string", "required": True, "nullable": False},
                {"name": "occurred_at", "type": "datetime", "required": True, "nullable": False},
                {"name": "data", "type": "object", "required": False, "nullable": False},
            ],
            body={
                "event": "{{event}}",
                "profile_id": "{{profile_id}}",
                "occurred_at": "{{occurred_at}}",
                "data": "{{data}}",
            },
        ),
    ),
)

_BY_KEY = {template.key: template for template in TEMPLATES}


def list_templates() -> list[ActionTemplate]:
    """Every template, in the order the picker shows them."""
    return list(TEMPLATES)


def get_template(key: str) -> ActionTemplate:
    """The template called `key`; `NotFound` otherwise."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise NotFound(f"there is no action template {key!r}") from None
