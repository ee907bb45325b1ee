"""Definition rules, the usage rule and the two extension points, through the service."""

import pytest
from sqlalchemy import func, select

from app.errors import Conflict, InvalidInput, NotFound
from app.events import service
from app.events.models import Event
from tests.events.helpers import make_event_type, registered, signup_definition, signup_payload


def problems_of(call, *args) -> dict:
    with pytest.raises(InvalidInput) as failure:
        call(*args)
    return failure.value.fields


def test_create_and_read(db):
    created = make_event_type()
    assert service.get_event_type("signup").id == created.id
    assert [field["name"] for field in created.fields] == ["email", "plan", "seats", "signed_up_at"]
    assert service.list_event_types("SIGN") == [created]
    assert service.list_event_types("nothing") == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"key": "Sign Up"}, "key"),
        ({"key": "-signup"}, "key"),
        ({"name": ""}, "name"),
        ({"fields": []}, "fields"),
        ({"fields": [{"name": "email", "type": "text", "required": True}]}, "fields.0.type"),
        ({"fields": [{"name": "a.b", "type": "string"}]}, "fields.0.name"),
        ({"profile_id_field": "nope"}, "profile_id_field"),
        ({"profile_id_field": "plan"}, "profile_id_field"),
        ({"profile_id_field": "signed_up_at"}, "profile_id_field"),
        ({"sample": {"email": 5, "signed_up_at": "2024-05-01T09:30:00Z"}}, "sample.email"),
        ({"sample": {"email": "a@b.c"}}, "sample.signed_up_at"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_definition_rules(db, changes, field):
    assert field in problems_of(service.create_event_type, signup_definition(**changes))
    assert service.list_event_types() == []


def test_duplicate_field_names_and_keys(db):
    definition = signup_definition()
    definition["fields"].append({"name": "plan", "type": "integer"})
    problems = problems_of(service.create_event_type, definition)
    assert problems["fields.1.name"] == problems["fields.4.name"] == ["is declared twice"]
    make_event_type()
    assert "already used" in problems_of(service.create_event_type, signup_definition())["key"][0]


def test_update_replaces_and_key_cannot_change(db):
    make_event_type()
    definition = signup_definition(name="Sign-up", sample=None)
    del definition["key"]
    updated = service.update_event_type("signup", definition)
    assert (updated.name, updated.sample) == ("Sign-up", None)
    problems = problems_of(service.update_event_type, "signup", signup_definition(key="other"))
    assert "cannot change" in problems["key"][0]
    with pytest.raises(NotFound):
        service.update_event_type("missing", signup_definition(key="missing"))


def test_unused_type_can_lose_and_retype_fields(db):
    make_event_type()
    fields = [{"name": "email", "type": "string", "required": True},
              {"name": "seats", "type": "number"}]
    service.update_event_type("signup", signup_definition(fields=fields, sample=None))
    assert service.get_event_type("signup").fields[1]["type"] == "number"


def test_used_type_can_gain_fields_but_not_lose_retype_or_loosen_them(db):
    make_event_type()
    with registered(service.USAGE_PROVIDERS, lambda key: ["Welcome"] if key == "signup" else []):
        assert service.journeys_using_event_type("signup") == ["Welcome"]
        gained = signup_definition()
        gained["fields"].append({"name": "referrer", "type": "string", "required": False})
        assert len(service.update_event_type("signup", gained).fields) == 5

        lost = signup_definition(sample=None)
        lost["fields"] = [field for field in lost["fields"] if field["name"] != "plan"]
        assert "'plan' cannot be removed" in problems_of(service.update_event_type, "signup", lost)[
            "fields"][0]

        retyped = signup_definition(sample=None)
        retyped["fields"][2]["type"] = "number"
        problems = problems_of(service.update_event_type, "signup", retyped)
        assert "'seats' must stay integer" in problems["fields"][0]
        assert "Welcome" in problems["fields"][0]

        loosened = signup_definition()
        loosened["fields"][3]["required"] = False
        assert "must stay required" in problems_of(service.update_event_type, "signup", loosened)[
            "fields"][0]

        moved = signup_definition(profile_id_field="signed_up_at")
        moved["fields"][3]["type"] = "string"
        moved["sample"] = None
        assert "profile_id_field" in problems_of(service.update_event_type, "signup", moved)

        with pytest.raises(Conflict) as refused:
            service.delete_event_type("signup")
        assert "Welcome" in refused.value.message
    assert len(service.get_event_type("signup").fields) == 5
    service.delete_event_type("signup")
    with pytest.raises(NotFound):
        service.get_event_type("signup")


def test_usage_merges_every_provider(db):
    with registered(service.USAGE_PROVIDERS, lambda key: ["B", "A"]), registered(
        service.USAGE_PROVIDERS, lambda key: ["A", "C"]
    ):
        assert service.journeys_using_event_type("x") == ["A", "B", "C"]
    assert service.journeys_using_event_type("x") == []


def test_ingest_stores_and_hands_over(db):
    make_event_type()
    handed_over = []
    with registered(service.EVENT_ACCEPTED_HANDLERS, handed_over.append):
        event_id = service.ingest_event("signup", signup_payload(1))
        ids = service.ingest_events("signup", [signup_payload(2), signup_payload(3)])
    assert ids == [event_id + 1, event_id + 2]
    assert [[event.id for event in batch] for batch in handed_over] == [[event_id], ids]
    accepted = handed_over[1][1]
    assert (accepted.event_type_key, accepted.profile_id) == ("signup", "user3@example.com")
    assert accepted.payload == signup_payload(3)
    stored = db.session.get(Event, ids[1])
    assert (stored.profile_id, stored.payload, stored.event_type_key) == (
        "user3@example.com", signup_payload(3), "signup")
    assert [event.id for event in service.recent_events("signup", limit=2)] == [ids[1], ids[0]]


def test_a_failing_handler_stores_nothing(db):
    make_event_type()

    def broken(_events):
        raise RuntimeError("database refused the instances")

    with registered(service.EVENT_ACCEPTED_HANDLERS, broken), pytest.raises(RuntimeError):
        service.ingest_event("signup", signup_payload())
    assert db.session.scalar(select(func.count(Event.id))) == 0


def test_a_failing_after_commit_step_keeps_the_events(db, caplog):
    make_event_type()

    def enqueue_fails():
        raise RuntimeError("queue down")

    with registered(service.EVENT_ACCEPTED_HANDLERS, lambda events: enqueue_fails):
        event_id = service.ingest_event("signup", signup_payload())
    assert db.session.get(Event, event_id) is not None
    assert "after-commit" in caplog.text and "queue down" in caplog.text


def test_ingest_uses_the_current_definition_after_an_edit(db):
    make_event_type()
    service.ingest_event("signup", signup_payload(seats=2))
    definition = signup_definition(sample=None)
    definition["fields"][2]["type"] = "string"
    service.update_event_type("signup", definition)
    problems = problems_of(service.ingest_event, "signup", signup_payload(seats=2))
    assert problems == {"seats": ["must be a string"]}


def test_batch_is_all_or_nothing(db):
    make_event_type()
    batch = [signup_payload(index) for index in range(5)]
    batch[3]["email"] = 7
    batch[4] = "not an object"
    assert problems_of(service.ingest_events, "signup", batch) == {
        "3.email": ["must be a string"],
        "4": ["must be a JSON object"],
    }
    assert db.session.query(Event).count() == 0
