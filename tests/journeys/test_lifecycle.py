"""Publish, new version, close, stop, duplicate, delete: every transition and the one-live rule."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from app.actions import service as actions_service
from app.errors import Conflict, NotFound
from app.extensions import db as _db
from app.journeys import service
from app.journeys.models import Journey, JourneyStatus, JourneyVersion, VersionStatus
from tests.factories import make_user
from tests.journeys.helpers import (
    PUBLIC_URL,
    TOKEN,
    WELCOME,
    make_action,
    make_catalog_rows,
    valid_graph,
)


@pytest.fixture
def marketer(db):
    return make_user("marketer")


@pytest.fixture
def journey(db, marketer):
    make_catalog_rows()
    journey = service.create_journey("Welcome", entry_event="signup", user=marketer)
    service.save_draft(journey.id, valid_graph(), marketer)
    return journey


def live_versions(journey_id: int) -> list[JourneyVersion]:
    return list(
        _db.session.scalars(
            _db.select(JourneyVersion).where(
                JourneyVersion.journey_id == journey_id, JourneyVersion.status == VersionStatus.LIVE
            )
        )
    )


def publish_again(journey: Journey, graph: dict | None = None) -> JourneyVersion:
    service.new_version(journey.id)
    if graph is not None:
        service.save_draft(journey.id, graph)
    return service.publish(journey.id)


# ---- publish -----------------------------------------------------------------------------------


def test_publish_makes_version_one_live(journey, marketer):
    version = service.publish(journey.id, marketer)
    assert (version.number, version.status, version.entry_event) == (
        1,
        VersionStatus.LIVE,
        "signup",
    )
    assert version.graph == valid_graph()
    assert version.published_by == marketer.id
    assert version.published_at is not None
    _db.session.expire_all()
    stored = _db.session.get(Journey, journey.id)
    assert stored.status == JourneyStatus.LIVE
    assert stored.live_version_id == version.id
    assert stored.live_version_number == 1
    assert stored.draft_graph is None and not stored.has_draft
    assert service.live_versions_for_event("signup") == [version]
    assert service.live_versions_for_event("signup")[0].journey.reentry.value == "never"
    assert service.live_versions_for_event("purchase") == []
    assert service.get_version(version.id).journey.id == journey.id


def test_publish_with_problems_is_refused_with_them(journey):
    graph = valid_graph()
    graph["nodes"][3]["seconds"] = -5
    service.save_draft(journey.id, graph)
    with pytest.raises(service.PublishRefused) as refused:
        service.publish(journey.id)
    assert refused.value.status == 422
    assert [(p.node_id, p.code) for p in refused.value.problems] == [("n4", "wait_not_positive")]
    assert refused.value.fields == {"nodes.n4.seconds": ["The wait must be longer than 0 seconds"]}
    assert "1 problem" in refused.value.message
    _db.session.expire_all()
    stored = _db.session.get(Journey, journey.id)
    assert stored.status == JourneyStatus.DRAFT and stored.draft_graph == graph
    assert _db.session.query(JourneyVersion).count() == 0


def test_publish_is_refused_when_an_action_was_deleted_since(journey):
    _db.session.execute(_db.text("DELETE FROM actions"))
    _db.session.commit()
    with pytest.raises(service.PublishRefused) as refused:
        service.publish(journey.id)
    assert ("n3", "unknown_action") in {(p.node_id, p.code) for p in refused.value.problems}
    assert "nodes.n3.action" in refused.value.fields


def test_publish_snapshots_the_actions_it_calls(journey):
    make_action("unused", "Unused")
    version = service.publish(journey.id)
    action = actions_service.get_action("send-welcome")
    snapshot = version.actions_snapshot
    assert snapshot == {"send-welcome": actions_service.contract(action)}
    assert snapshot["send-welcome"]["auth"]["token"] != TOKEN  # encrypted as stored
    assert actions_service.decrypt_spec(snapshot["send-welcome"])["auth"]["token"] == TOKEN

    changed = {**WELCOME, "url": "https://93.184.216.35/v4/send", "auth": {"type": "none"}}
    _, warnings = actions_service.update_action("send-welcome", changed)
    assert any("Welcome" in warning for warning in warnings)
    assert actions_service.get_action("send-welcome").spec["url"].endswith("/v4/send")
    _db.session.expire_all()
    stored = service.get_version(version.id).actions_snapshot["send-welcome"]
    assert stored["url"] == PUBLIC_URL
    assert actions_service.decrypt_spec(stored)["auth"] == {"type": "bearer", "token": TOKEN}


def test_live_graph_is_read_only_until_a_new_version_is_opened(journey):
    service.publish(journey.id)
    with pytest.raises(Conflict, match="Create a new version"):
        service.save_draft(journey.id, valid_graph())
    with pytest.raises(Conflict, match="no draft to publish"):
        service.publish(journey.id)


# ---- new versions ------------------------------------------------------------------------------


def test_new_version_opens_a_draft_copy_and_publishing_it_closes_the_old_one(journey):
    first = service.publish(journey.id)
    reopened = service.new_version(journey.id)
    assert reopened.draft_graph == first.graph
    assert reopened.status == JourneyStatus.LIVE
    with pytest.raises(Conflict, match="already has an open draft"):
        service.new_version(journey.id)
    graph = valid_graph()
    graph["nodes"][3]["seconds"] = 60
    service.save_draft(journey.id, graph)
    assert _db.session.get(JourneyVersion, first.id).graph["nodes"][3]["seconds"] == 3600

    second = service.publish(journey.id)
    _db.session.expire_all()
    old = _db.session.get(JourneyVersion, first.id)
    assert (old.status, second.status, second.number) == (
        VersionStatus.CLOSED,
        VersionStatus.LIVE,
        2,
    )
    assert old.closed_at is not None and old.stopped_at is None
    assert [version.id for version in live_versions(journey.id)] == [second.id]
    assert [version.id for version in service.live_versions_for_event("signup")] == [second.id]
    assert _db.session.get(Journey, journey.id).live_version_id == second.id


def test_new_version_of_a_never_published_journey_is_refused(journey):
    with pytest.raises(Conflict, match="already has an open draft"):
        service.new_version(journey.id)
    blank = service.create_journey("Blank")
    blank.draft_graph = None
    _db.session.commit()
    with pytest.raises(Conflict, match="never been published"):
        service.new_version(blank.id)


def test_versions_list_who_when_and_what_changed(journey, marketer):
    service.publish(journey.id, marketer)
    graph = valid_graph()
    graph["nodes"][2]["params"]["email"] = "event.plan"
    graph["nodes"].append({"id": "n6", "type": "end", "label": "Failed"})
    graph["edges"] = [edge for edge in graph["edges"] if edge.get("port") != "error"]
    graph["edges"].append({"from": "n3", "port": "error", "to": "n6"})
    publish_again(journey, graph)
    listed = service.versions(journey.id)
    assert [(v.number, v.status, v.previous_number) for v in listed] == [
        (2, VersionStatus.LIVE, 1),
        (1, VersionStatus.CLOSED, None),
    ]
    assert listed[0].published_by is None and listed[1].published_by == marketer.email
    assert listed[1].changes == ["first version: 5 nodes, 6 connections"]
    changes = listed[0].changes
    assert "added node Failed" in changes
    assert any("Send welcome email" in change and "email" in change for change in changes), changes


def test_only_one_live_version_even_at_the_database(journey):
    version = service.publish(journey.id)
    _db.session.add(
        JourneyVersion(
            journey_id=journey.id,
            number=version.number + 1,
            graph=valid_graph(),
            actions_snapshot={},
            entry_event="signup",
            status=VersionStatus.LIVE,
        )
    )
    with pytest.raises(IntegrityError):
        _db.session.commit()
    _db.session.rollback()
    assert len(live_versions(journey.id)) == 1


# ---- close and stop ----------------------------------------------------------------------------


def test_close_stops_new_entries_only(journey):
    version = service.publish(journey.id)
    closed = service.close(journey.id)
    assert closed.status == JourneyStatus.CLOSED and closed.live_version_id is None
    stored = _db.session.get(JourneyVersion, version.id)
    assert stored.status == VersionStatus.CLOSED and stored.closed_at is not None
    assert service.live_versions_for_event("signup") == []
    with pytest.raises(Conflict, match="Only a live journey can be closed"):
        service.close(journey.id)


def test_stop_halts_the_live_and_closed_versions(journey):
    first = service.publish(journey.id)
    second = publish_again(journey)
    stopped = service.stop(journey.id)
    assert stopped.status == JourneyStatus.STOPPED and stopped.live_version_id is None
    for version_id in (first.id, second.id):
        version = _db.session.get(JourneyVersion, version_id)
        assert version.status == VersionStatus.STOPPED and version.stopped_at is not None
    assert service.live_versions_for_event("signup") == []
    with pytest.raises(Conflict, match="Only a live or closed journey can be stopped"):
        service.stop(journey.id)
    with pytest.raises(Conflict):
        service.close(journey.id)


def test_a_closed_journey_can_be_stopped(journey):
    version = service.publish(journey.id)
    service.close(journey.id)
    service.stop(journey.id)
    assert _db.session.get(JourneyVersion, version.id).status == VersionStatus.STOPPED


def test_a_draft_can_be_neither_closed_nor_stopped(journey):
    for transition in (service.close, service.stop):
        with pytest.raises(Conflict):
            transition(journey.id)
    assert _db.session.get(Journey, journey.id).status == JourneyStatus.DRAFT


def test_a_closed_journey_can_go_live_again_with_a_new_version(journey):
    service.publish(journey.id)
    service.close(journey.id)
    second = publish_again(journey)
    assert second.number == 2
    assert _db.session.get(Journey, journey.id).status == JourneyStatus.LIVE
    assert service.live_versions_for_event("signup") == [second]


# ---- duplicate and delete ----------------------------------------------------------------------


def test_duplicate_copies_the_current_graph_as_a_new_draft(journey, marketer):
    service.publish(journey.id)
    service.update_settings(journey.id, {"reentry": "always"})
    copy = service.duplicate(journey.id, marketer)
    assert copy.name == "Copy of Welcome"
    assert copy.status == JourneyStatus.DRAFT and copy.draft_graph == valid_graph()
    assert copy.entry_event == "signup" and copy.reentry.value == "always"
    assert copy.versions == []
    copy.draft_graph["nodes"][0]["position"]["x"] = 999
    assert _db.session.get(JourneyVersion, journey.live_version_id).graph == valid_graph()


def test_delete_only_journeys_never_published(journey):
    draft = service.create_journey("Scratch")
    service.delete_draft(draft.id)
    with pytest.raises(NotFound):
        service.get_journey(draft.id)
    service.publish(journey.id)
    with pytest.raises(Conflict, match="never published"):
        service.delete_draft(journey.id)
    service.close(journey.id)
    with pytest.raises(Conflict):
        service.delete_draft(journey.id)
    assert service.get_journey(journey.id).status == JourneyStatus.CLOSED


def test_unknown_ids_are_not_found(db):
    for call in (
        service.get_journey,
        service.publish,
        service.close,
        service.stop,
        service.new_version,
        service.duplicate,
        service.delete_draft,
        service.versions,
        service.export_journey,
        service.get_version,
    ):
        with pytest.raises(NotFound):
            call(12345)


def test_get_version_sees_a_stop_made_elsewhere(journey):
    version = service.get_version(service.publish(journey.id).id)
    with _db.engine.begin() as connection:
        connection.execute(_db.update(JourneyVersion).values(status=VersionStatus.STOPPED.value))
    assert service.get_version(version.id).status == VersionStatus.STOPPED
