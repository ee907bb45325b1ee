"""The request inspector records any request to a bin and shows it to signed-in users only."""

from app.inspector import service
from app.inspector.models import InspectedRequest


def test_any_method_is_recorded_without_login(client, db):
    response = client.post("/inspector/demo/messages?x=1", json={"to": "a@example.com"},
                           headers={"Idempotency-Key": "k1", "Cookie": "session=secret"})
    assert response.status_code == 200
    assert response.get_json()["received"] is True
    entry = InspectedRequest.query.one()
    assert (entry.bin, entry.method, entry.path) == ("demo", "POST", "/inspector/demo/messages")
    assert entry.query_string == "x=1"
    assert entry.headers["Idempotency-Key"] == "k1"
    assert "Cookie" not in entry.headers
    assert client.get("/inspector/demo").status_code == 200
    assert InspectedRequest.query.count() == 2


def test_credential_headers_are_stored_masked(client, db):
    client.post("/inspector/demo", json={}, headers={
        "Authorization": "Bearer tok-123", "X-Api-Key": "k-456", "X-Auth-Token": "t-789",
        "Idempotency-Key": "idem-1", "X-Trace": "trace-1",
    })
    headers = InspectedRequest.query.one().headers
    assert (headers["Authorization"], headers["X-Api-Key"], headers["X-Auth-Token"]) == (
        "Bearer ••••", "••••", "••••"
    )
    assert (headers["Idempotency-Key"], headers["X-Trace"]) == ("idem-1", "trace-1")


def test_credential_query_items_and_form_fields_are_stored_masked(client, db):
    client.post("/inspector/demo?region=eu&api_key=k%2B1&x=", data={
        "grant_type": "client_credentials", "client_id": "c-1", "client_secret": "s-2",
    })
    client.post("/inspector/demo", data="client_secret=s-3&scope=send", content_type="text/plain")
    form, text = InspectedRequest.query.order_by(InspectedRequest.id).all()
    assert form.query_string == "region=eu&api_key=••••&x="
    assert form.body == "grant_type=client_credentials&client_id=c-1&client_secret=••••"
    assert text.body == "client_secret=s-3&scope=send"  # not a form: shown as received


def test_bad_bin_name_is_404(client, db):
    assert client.post("/inspector/" + "x" * 65, data="{}").status_code == 404
    assert InspectedRequest.query.count() == 0


def test_bin_keeps_latest_requests_only(db, monkeypatch):
    monkeypatch.setattr(service, "KEEP_PER_BIN", 3)
    for number in range(5):
        service.record("b", "POST", "/inspector/b", "", {}, str(number).encode())
    service.record("other", "POST", "/inspector/other", "", {}, b"x")
    assert [entry.body for entry in service.latest("b")] == ["4", "3", "2"]
    assert len(service.latest("other")) == 1


def test_pages_need_login_and_escape_bodies(client, signed_in):
    client.post("/inspector/demo", data='{"html": "<script>alert(1)</script>"}')
    assert client.get("/bins/demo").status_code == 302
    user = signed_in("marketer")
    page = user.get("/bins/demo").get_data(as_text=True)
    assert "&lt;script&gt;" in page and "<script>alert" not in page
    assert "demo" in user.get("/bins").get_data(as_text=True)
    partial = user.get("/bins/demo", htmx=True).get_data(as_text=True)
    assert "<html" not in partial and "/inspector/demo" in partial
