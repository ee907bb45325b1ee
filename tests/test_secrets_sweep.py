"""Secrets never appear in any page, API response, metric or log line.

Actions hold one distinctive secret of every kind the contract supports (bearer token, basic
password, API key in a header and in the query string, OAuth2 client secrets sent in the body and
by HTTP Basic, a Google service account key, a secret header, a built-in action's credential),
and so do the tokens the token endpoints hand out. A journey calling them all runs on a real
worker against the local sink, with failures scripted: a 500 retried, a 401 that refreshes an
OAuth token, a 400 that takes the error path, a 400 that fails the instance, which is then retried
from its failed step. Test calls (API and page) and a journey test run send them once more, and
the requests the sink received are replayed into an inspector bin, as if an action pointed there.

Then every GET route of the app is crawled (`app.url_map`), with its path filled from the objects
made and the query strings that change what it shows, as a signed-in admin (full pages, then
htmx partials) and with an admin API token. A route that is neither crawled nor listed in
`SKIPPED` with a reason fails the test, so a new page is swept, or noticed. Every body and header,
every log record (at DEBUG, RQ's included; urllib3 stays at INFO as `init_logging` keeps it at
every level, its DEBUG lines holding whole URLs), the same records as the app's JSON lines, what
reached stdout and stderr, and `/metrics` are searched for each
secret, its URL-encoded and base64 forms and the basic credentials as sent; every secret starts
with `MARKER`, so a truncated copy is caught too. The sink must have received every secret, so
the sweep cannot pass by never sending them.
"""

from __future__ import annotations

import base64
import io
import itertools
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, quote, quote_plus

import google.auth.jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from flask import Flask
from werkzeug.routing import Rule
from werkzeug.test import TestResponse

from app.actions import service as actions_service
from app.actions.auth import AUTH_KINDS
from app.actions.templates_catalog import list_templates
from app.crypto import MASK
from app.events import service as events_service
from app.journeys import service as journeys_service
from app.logs import JsonLineHandler
from app.runner.models import InstanceStatus, StepStatus
from app.runner.sink import Reply, SinkThread
from tests.conftest import Browser
from tests.factories import bearer, make_token, make_user
from tests.runner.helpers import (
    graph,
    instances,
    make_event_type,
    private_urls_allowed,
    publish,
    run_worker,
    signup_payload,
    steps_of,
)

MARKER = "S3CRET"
"""Every planted secret starts with this, and nothing else Cairn shows contains it."""
BEARER = "S3CRET-bearer-7f3a"
SIGNATURE = "S3CRET-header-91c4"
BASIC_USER, BASIC_PASSWORD = "sweeper", "S3CRET-basic-2b8e"
HEADER_KEY = "S3CRET-apikey-header-5d1c"
QUERY_KEY = "S3CRET-apikey-query+9c2e/x="
"""Characters that URL-encoding changes, so the encoded form is a different string to look for."""
CLIENT_ID, CLIENT_SECRET = "sweep-client", "S3CRET-oauth-client-4a7b"
ACCESS_TOKEN = "S3CRET-oauth-access-8e21"
BASIC_CLIENT_ID, BASIC_CLIENT_SECRET = "sweep-basic-client", "S3CRET-oauth-basic-c3d9"
BASIC_CLIENT_TOKEN = "S3CRET-oauth-access-b0a5"
GOOGLE_TOKEN = "S3CRET-google-access-6f0d"
BUILTIN_KEY = "S3CRET-builtin-sms-1e9b"
PLANTED = (BEARER, SIGNATURE, BASIC_PASSWORD, HEADER_KEY, QUERY_KEY, CLIENT_SECRET, ACCESS_TOKEN,
           BASIC_CLIENT_SECRET, BASIC_CLIENT_TOKEN, GOOGLE_TOKEN, BUILTIN_KEY)
BIN = "sweep"

SKIPPED = {
    "static": "files of the repository (vendored JS/CSS, icons): no data is rendered into them",
}
"""GET endpoints the sweep does not request, each with the reason."""


# ---- what must never be shown ------------------------------------------------------------------


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode("ascii")


@dataclass(frozen=True)
class Forbidden:
    """The strings that must appear nowhere, each with what it is; `MARKER` is found in any case."""

    needles: dict[str, str]

    @classmethod
    def of(cls, secrets: dict[str, str], credentials: dict[str, tuple[str, str]]) -> Forbidden:
        """`secrets` by name, in every simple encoding; `credentials` are (user, password) pairs
        sent as HTTP Basic, forbidden as the base64 text the header carries."""
        needles: dict[str, str] = {}
        for name, secret in secrets.items():
            needles.setdefault(secret, name)
            needles.setdefault(quote(secret, safe=""), f"{name} (URL-encoded)")
            needles.setdefault(quote_plus(secret), f"{name} (form-encoded)")
            needles.setdefault(b64(secret), f"{name} (base64)")
        for name, (user, password) in credentials.items():
            needles[b64(f"{user}:{password}")] = f"{name} (HTTP Basic)"
        return cls(needles)

    def found_in(self, text: str) -> list[str]:
        found = [name for needle, name in self.needles.items() if needle in text]
        if MARKER.lower() in text.lower():
            found.append(f"text containing {MARKER!r}")
        return found


@dataclass
class Leak:
    where: str
    what: list[str]
    excerpt: str


@dataclass
class Sweep:
    """Searches texts for the forbidden strings and keeps every leak found."""

    forbidden: Forbidden
    leaks: list[Leak] = field(default_factory=list)

    def check(self, where: str, text: str) -> None:
        found = self.forbidden.found_in(text)
        if found:
            lowered = text.lower()
            at = min(lowered.find(needle.lower()) for needle in [*self.forbidden.needles, MARKER]
                     if needle.lower() in lowered)
            self.leaks.append(Leak(where, found, text[max(at - 150, 0) : at + 150]))

    def check_response(self, where: str, response: TestResponse) -> None:
        headers = "\n".join(f"{name}: {value}" for name, value in response.headers.items())
        self.check(f"{where} (headers)", headers)
        self.check(f"{where} (body)", response.get_data(as_text=True))

    def report(self) -> str:
        return "\n\n".join(f"{leak.where}: {leak.what}\n…{leak.excerpt}…" for leak in self.leaks[:10])


def test_the_search_finds_every_form_of_a_secret():
    """The sweep below is only as good as this search: each encoding, and a cut-off copy, is found."""
    forbidden = Forbidden.of({"token": "S3CRET-t/k+1"}, {"basic": ("ada", "S3CRET-pw")})
    for text in ("S3CRET-t/k+1", "S3CRET-t%2Fk%2B1", "S3CRET-t%2Fk+1", b64("S3CRET-t/k+1"),
                 f"Basic {b64('ada:S3CRET-pw')}", '"value": "s3cret-t/…"'):
        sweep = Sweep(forbidden)
        sweep.check("page", f"<p>{text}</p>")
        assert [leak.excerpt for leak in sweep.leaks] == [f"<p>{text}</p>"], text
    sweep = Sweep(forbidden)
    sweep.check("page", f"<p>Bearer {MASK}</p>")
    assert not sweep.leaks


# ---- the run -----------------------------------------------------------------------------------


def service_account_json(key: rsa.RSAPrivateKey, token_uri: str) -> tuple[str, list[str]]:
    """A service account key file for `token_uri`, and the lines of its private key's PEM body
    (each a secret: any of them shown is part of the key)."""
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    key_file = json.dumps({
        "type": "service_account", "project_id": "cairn-sweep", "private_key_id": "sweep-key-1",
        "private_key": pem, "client_email": "sweeper@cairn-sweep.iam.gserviceaccount.com",
        "client_id": "4242", "token_uri": token_uri,
    })
    return key_file, [line for line in pem.splitlines() if "-----" not in line and len(line) >= 40]


def contract(key: str, url: str, auth: dict, **changes) -> dict:
    return {
        "key": key, "name": key.replace("-", " ").title(), "channel": "custom", "method": "POST",
        "url": url, "dynamic_path": False, "query": [{"name": "region", "value": "eu"}], "headers": [],
        "auth": auth, "parameters": [{"name": "email", "type": "string", "required": True}],
        "body": {"to": "{{email}}"}, "response_sample": {"ok": True}, "timeout_ms": 2000, "retries": 2,
        "rate_limit": None, **changes,
    }


def token_reply(token: str) -> list[Reply]:
    return [Reply.json(200, {"access_token": token, "expires_in": 3600, "token_type": "Bearer"})]


def create_secret_actions(sink: SinkThread, google_key_file: str) -> list[str]:
    """One action per kind of secret (and a configured built-in); their keys in call order."""
    url = sink.url
    for path, token in (("/oauth/token", ACCESS_TOKEN), ("/oauth-basic/token", BASIC_CLIENT_TOKEN),
                        ("/google/token", GOOGLE_TOKEN)):
        sink.recorder.set_script(path, token_reply(token))
    contracts = [
        contract("sweep-bearer", f"{url}/bearer", {"type": "bearer", "token": BEARER},
                 headers=[{"name": "X-Signature", "value": SIGNATURE, "secret": True}]),
        contract("sweep-key-header", f"{url}/key-header",
                 {"type": "api_key", "in": "header", "name": "X-Api-Key", "value": HEADER_KEY}),
        contract("sweep-key-query", f"{url}/key-query",
                 {"type": "api_key", "in": "query", "name": "api_key", "value": QUERY_KEY}),
        contract("sweep-oauth", f"{url}/oauth",
                 {"type": "oauth2_client_credentials", "token_url": f"{url}/oauth/token",
                  "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "scope": "send",
                  "client_auth": "body"}),
        contract("sweep-oauth-basic", f"{url}/oauth-basic",
                 {"type": "oauth2_client_credentials", "token_url": f"{url}/oauth-basic/token",
                  "client_id": BASIC_CLIENT_ID, "client_secret": BASIC_CLIENT_SECRET,
                  "client_auth": "basic"}),
        contract("sweep-google", f"{url}/google",
                 {"type": "google_service_account", "service_account_json": google_key_file,
                  "scopes": ["https://www.googleapis.com/auth/firebase.messaging"]}),
        contract("sweep-basic", f"{url}/basic",
                 {"type": "basic", "username": BASIC_USER, "password": BASIC_PASSWORD}),
    ]
    for data in contracts:
        actions_service.create_action(data)
    actions_service.ensure_builtin_actions()
    actions_service.configure_builtin("send-sms", {
        "base_url": f"{url}/sms", "message_id": "EVTsweep", "timeout_ms": 2000, "retries": 0,
        "auth": {"type": "api_key", "in": "header", "name": "X-Api-Key", "value": BUILTIN_KEY},
    })
    return [data["key"] for data in contracts]


def sweep_graph(keys: list[str]) -> dict:
    """Every action in a row; `sweep-key-query` leaves by its error port too, `sweep-basic` has
    none (its failure fails the instance)."""
    nodes = [{"id": key.removeprefix("sweep-").replace("-", "_"), "type": "action", "action": key,
              "params": {"email": "event.email"}} for key in keys]
    ids = ["n0", *(node["id"] for node in nodes), "done"]
    edges = list(itertools.pairwise(ids)) + [("key_query", "oauth", "error")]
    return graph([*nodes, {"id": "done", "type": "end"}], edges)


@dataclass
class Swept:
    """The objects the crawl fills paths from."""

    journey_id: int
    draft_journey_id: int
    node_ids: list[str]
    action_keys: list[str]
    instance_ids: list[int]


def run_everything(
    app: Flask, sink: SinkThread, admin: Browser, token: str, google_key_file: str, sweep: Sweep
) -> Swept:
    """Publish and run the journey (failures included, a failed instance retried), then make the
    test calls (their answers go to `sweep`); the objects made."""
    keys = create_secret_actions(sink, google_key_file)
    make_event_type()
    sink.recorder.set_script("/bearer", [Reply.json(500, {"error": "busy"}), Reply.json(200, {"id": 1})])
    sink.recorder.set_script("/oauth", [Reply.json(401, {"error": "expired"}), Reply.json(200)])
    sink.recorder.set_script("/key-query", [Reply.json(400, {"error": "bad region"})])
    sink.recorder.set_script("/basic", [Reply.json(400, {"error": "unknown recipient"})])
    journey_id = publish(sweep_graph(keys))
    events_service.ingest_events("signup", [signup_payload(index) for index in range(2)])
    run_worker(app, until_idle=5, logging_level="DEBUG")

    failed = instances()
    assert [instance.status for instance in failed] == [InstanceStatus.FAILED] * 2
    steps = steps_of(failed[0])
    assert (steps["bearer"].attempts, steps["bearer"].status) == (2, StepStatus.SUCCEEDED)
    assert (steps["oauth"].attempts, steps["oauth"].status) == (2, StepStatus.SUCCEEDED)
    assert (steps["key_query"].status, steps["key_query"].port) == (StepStatus.FAILED, "error")
    assert steps["basic"].status == StepStatus.FAILED and steps["basic"].response_status == 400
    assert steps["bearer"].request["headers"]["Authorization"] == f"Bearer {MASK}"

    sink.recorder.set_script("/basic", [])
    retried = admin.client.post(f"/api/v1/instances/{failed[0].id}/retry", headers=bearer(token))
    assert retried.status_code == 202, retried.get_json()
    run_worker(app, until_idle=5, logging_level="DEBUG")
    assert [instance.status for instance in instances()] == [InstanceStatus.COMPLETED, InstanceStatus.FAILED]

    for key in [*keys, "send-sms"]:
        params = {"to": "+447700900123", "text": "Hi"} if key == "send-sms" else {"email": "ada@example.com"}
        tested = admin.client.post(f"/api/v1/actions/{key}/test", json={"params": params},
                                   headers=bearer(token))
        assert tested.status_code == 200 and tested.get_json()["status"], tested.get_json()
        form = {f"params-{name}": value for name, value in params.items()}
        shown = admin.post(f"/actions/{key}/test", form, htmx=True)
        assert shown.status_code == 200
        sweep.check_response(f"POST /api/v1/actions/{key}/test", tested)
        sweep.check_response(f"POST /actions/{key}/test", shown)
    test_run = admin.client.post(f"/api/v1/journeys/{journey_id}/test",
                                 json={"event": signup_payload(7), "mode": "live"}, headers=bearer(token))
    assert test_run.status_code == 200 and test_run.get_json()["steps"], test_run.get_json()
    sweep.check_response(f"POST /api/v1/journeys/{journey_id}/test", test_run)

    draft = journeys_service.duplicate(journey_id)
    node_ids = [node["id"] for node in sweep_graph(keys)["nodes"]]
    return Swept(journey_id, draft.id, node_ids, [*keys, "send-sms"], [i.id for i in instances()])


GOOGLE_AUDIENCE = "https://oauth2.googleapis.com/token"
"""google-auth signs its grant for Google's endpoint, whatever `token_uri` it posts it to."""


def assert_every_secret_went_out(sink: SinkThread, google_key: rsa.RSAPrivateKey) -> None:
    """The sink received each secret as the third party should, so finding none later means
    Cairn hid them, not that it never sent them."""
    received = sink.client.requests()

    def one(path: str) -> dict:
        matching = [request for request in received if request["path"] == path]
        assert matching, f"the sink received nothing at {path}"
        return matching[-1]

    assert one("/bearer")["headers"]["authorization"] == f"Bearer {BEARER}"
    assert one("/bearer")["headers"]["x-signature"] == SIGNATURE
    assert one("/basic")["headers"]["authorization"] == f"Basic {b64(f'{BASIC_USER}:{BASIC_PASSWORD}')}"
    assert one("/key-header")["headers"]["x-api-key"] == HEADER_KEY
    assert parse_qs(one("/key-query")["query"])["api_key"] == [QUERY_KEY]
    assert f"api_key={quote_plus(QUERY_KEY)}" in one("/key-query")["query"]
    assert parse_qs(one("/oauth/token")["body"])["client_secret"] == [CLIENT_SECRET]
    assert one("/oauth")["headers"]["authorization"] == f"Bearer {ACCESS_TOKEN}"
    basic_client = b64(f"{BASIC_CLIENT_ID}:{BASIC_CLIENT_SECRET}")
    assert one("/oauth-basic/token")["headers"]["authorization"] == f"Basic {basic_client}"
    assert one("/oauth-basic")["headers"]["authorization"] == f"Bearer {BASIC_CLIENT_TOKEN}"
    public_pem = google_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    [grant] = parse_qs(one("/google/token")["body"])["assertion"]
    assert google.auth.jwt.decode(grant, certs=public_pem, audience=GOOGLE_AUDIENCE)  # signed with the key
    assert one("/google")["headers"]["authorization"] == f"Bearer {GOOGLE_TOKEN}"
    assert one("/sms/EVTsweep")["headers"]["x-api-key"] == BUILTIN_KEY


def replay_into_bin(client, sink: SinkThread) -> int:
    """Send every request the sink received to the inspector bin, as an action pointed at the
    inspector would have: same method, path, query, headers and body."""
    received = sink.client.requests()
    for request in received:
        headers = {name: value for name, value in request["headers"].items()
                   if name not in ("host", "content-length", "connection")}
        answer = client.open(f"/inspector/{BIN}{request['path']}", method=request["method"],
                             query_string=request["query"], headers=headers, data=request["body"])
        assert answer.status_code == 200
    return len(received)


# ---- the crawl ---------------------------------------------------------------------------------


REPORT_RANGES = ("1h", "24h", "7d", "publish")
HEALTH_RANGES = ("1h", "24h", "7d")


def query_variants(endpoint: str, swept: Swept, values: dict) -> list[str]:
    """The query strings that change what an endpoint shows ("" is the plain URL). The report's
    variants are for the published journey (the draft one has no version to report on)."""
    statuses = [status.value for status in InstanceStatus]
    published = values.get("journey_id") == swept.journey_id
    by_endpoint: dict[str, Callable[[], list[str]]] = {
        "journeys.edit": lambda: ["version=1", *(f"range={r}" for r in REPORT_RANGES)] if published else [],
        "journeys_api.get_report": lambda: (
            ["version=1", *(f"range={r}" for r in REPORT_RANGES)] if published else []
        ),
        "journeys.report_steps": lambda: (
            [f"version=1&node={node}" for node in ["n0", *swept.node_ids]] if published else []
        ),
        "runner.index": lambda: [*(f"status={s}" for s in statuses), "profile=user0@example.com",
                                 "within=1h"],
        "runner_api.list_instances": lambda: [*(f"status={s}" for s in statuses),
                                              "profile=user0@example.com"],
        "runner.show": lambda: ["seen=0"],
        "actions.show": lambda: [f"range={r}" for r in HEALTH_RANGES],
        "actions_api.action_health": lambda: [f"range={r}" for r in HEALTH_RANGES],
        "actions.index": lambda: ["q=sweep", "needs_configuration=1"],
        "actions_api.list_actions": lambda: ["q=sweep"],
        "actions.new": lambda: [f"template={template.key}" for template in list_templates()],
        "actions.auth_fields": lambda: [f"auth-type={kind}" for kind in AUTH_KINDS],
        "actions.new_row": lambda: ["kind=query&token=3", "kind=headers&token=3",
                                    "kind=parameters&token=3"],
        "journeys.index": lambda: ["q=runner"],
        "journeys_api.list_journeys": lambda: ["search=runner"],
    }
    return ["", *by_endpoint.get(endpoint, list)()]


def not_200(swept: Swept) -> dict[str, int]:
    """The swept URLs that answer an admin with something else than 200, and what (any other
    non-200 fails the test: a page refused or missing would be a page not searched)."""
    draft = swept.draft_journey_id
    return {
        "/login": 302,  # a signed-in user is sent on
        "/actions/form/row": 400,  # which row it is for is required
        f"/journeys/{swept.journey_id}/report/steps": 404,  # so is the node
        f"/journeys/{draft}/report/steps": 409,  # a journey never published has no report
        f"/api/v1/journeys/{draft}/report": 409,
    }


def path_values(rule: Rule, swept: Swept) -> list[dict]:
    """Every combination of path values for `rule`, from the objects made; a rule whose
    argument has no source fails, naming it (add its source here)."""
    blueprint = rule.endpoint.partition(".")[0]
    sources: dict[str, list] = {
        "journey_id": [swept.journey_id, swept.draft_journey_id],
        "instance_id": swept.instance_ids,
        "bin_name": [BIN],
        "rest": ["bearer"],
        "key": {
            "actions": swept.action_keys, "actions_api": swept.action_keys,
            "events": ["signup"], "event_types_api": ["signup"],
            "action_templates_api": [template.key for template in list_templates()],
        }.get(blueprint),
    }
    names = sorted(rule.arguments)
    missing = [name for name in names if not sources.get(name)]
    assert not missing, f"no values for {missing} of {rule.endpoint} ({rule.rule}): give the sweep some"
    return [dict(zip(names, combination, strict=True))
            for combination in itertools.product(*(sources[name] for name in names))]


def crawl_urls(app: Flask, swept: Swept) -> dict[str, list[str]]:
    """Each GET endpoint (but the skipped) with its URLs."""
    urls: dict[str, list[str]] = {}
    for rule in app.url_map.iter_rules():
        if "GET" not in (rule.methods or ()) or rule.endpoint in SKIPPED:
            continue
        for values in path_values(rule, swept):
            built = rule.build(values, append_unknown=False)
            assert built is not None, rule.rule
            path = built[1]
            urls.setdefault(rule.endpoint, []).extend(
                f"{path}?{query}" if query else path for query in query_variants(rule.endpoint, swept, values)
            )
    return urls


# ---- the test ----------------------------------------------------------------------------------


@pytest.fixture
def json_lines():
    """Every record as the app's JSON handler writes it, attached to the root logger."""
    stream = io.StringIO()
    handler = JsonLineHandler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    yield stream
    root.removeHandler(handler)


@pytest.fixture
def sink(app, db, redis_client):
    with private_urls_allowed(app), SinkThread() as running:
        yield running


def test_no_secret_in_any_page_api_response_metric_or_log_line(app, sink, caplog, capsys, json_lines):
    caplog.set_level(logging.DEBUG)
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    google_key_file, key_lines = service_account_json(rsa_key, f"{sink.url}/google/token")
    admin_user = make_user("admin")
    token = make_token(user=admin_user)
    admin = Browser(app.test_client())
    admin.login(admin_user)
    sweep = Sweep(Forbidden.of(
        {**{f"planted secret {secret}": secret for secret in PLANTED},
         **{f"line {n} of the service account's private key": line for n, line in enumerate(key_lines)},
         "SECRET_KEY": app.config["SECRET_KEY"], "CAIRN_ENCRYPTION_KEY": app.config["CAIRN_ENCRYPTION_KEY"],
         "the admin's API token": token},
        {"basic auth": (BASIC_USER, BASIC_PASSWORD),
         "OAuth2 client credentials (basic)": (BASIC_CLIENT_ID, BASIC_CLIENT_SECRET)},
    ))

    swept = run_everything(app, sink, admin, token, google_key_file, sweep)
    assert_every_secret_went_out(sink, rsa_key)
    assert replay_into_bin(app.test_client(), sink) > 20

    urls = crawl_urls(app, swept)
    get_endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if "GET" in (rule.methods or ())}
    assert not get_endpoints - set(urls) - set(SKIPPED), "GET endpoints neither swept nor skipped"
    api_client = app.test_client()
    ways: dict[str, Callable] = {
        "admin": admin.get,
        "admin htmx": lambda url: admin.get(url, htmx=True),
        "admin token": lambda url: api_client.get(url, headers=bearer(token)),
    }
    expected = not_200(swept)
    unexpected = []
    for url in itertools.chain.from_iterable(urls.values()):
        for way, get in ways.items():
            if way == "admin token" and not url.startswith("/api/"):
                continue  # a token opens the API only
            response = get(url)
            assert response.status_code < 500, (way, url, response.get_data(as_text=True)[:2000])
            if response.status_code != expected.get(url, 200):
                unexpected.append((way, url, response.status_code))
            sweep.check_response(f"{way} GET {url}", response)
    assert not unexpected, unexpected

    records = list(caplog.records)
    assert any(record.levelno == logging.DEBUG for record in records)
    assert any(record.getMessage().startswith("call sweep-basic") for record in records)
    for record in records:
        where = f"log record {record.name} {record.levelname}"
        sweep.check(where, f"{record.getMessage()}\n{record.__dict__!r}")
    sweep.check("JSON log lines", json_lines.getvalue())
    captured = capsys.readouterr()
    sweep.check("captured stdout/stderr", captured.out + captured.err)
    assert not sweep.leaks, sweep.report()
