"""A journey's instance list (`service.list_instances`, `service.count_by_status`): each filter
alone and combined, and keyset pages that stay exact while instances keep arriving."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from itertools import cycle, islice

import pytest

from app.auth.models import utcnow
from app.errors import NotFound
from app.runner import service
from app.runner.models import InstanceStatus
from app.runner.service import InstanceFilter
from tests.runner.helpers import action_node, graph, insert_instances, make_action, make_event_type, publish

FAILED, COMPLETED, RUNNING, WAITING = (
    InstanceStatus.FAILED, InstanceStatus.COMPLETED, InstanceStatus.RUNNING, InstanceStatus.WAITING
)


@pytest.fixture
def journey_id(db, redis_client) -> int:
    make_event_type()
    make_action("http://127.0.0.1:9/hook")
    return publish(graph([action_node("a1")], [("n0", "a1")]))


@pytest.fixture
def other_journey_id(journey_id) -> int:
    return publish(graph([action_node("a1")], [("n0", "a1")]))


def listed(journey_id: int, **filters) -> list[int]:
    page = service.list_instances(journey_id, InstanceFilter(**filters), limit=500)
    assert page.next is None and page.newer is None
    return [instance.id for instance in page.items]


def walk(journey_id: int, filters: InstanceFilter, limit: int, between_pages=lambda: None) -> list[list[int]]:
    """Every page from the newest on, following `next`."""
    pages, cursor = [], None
    while True:
        page = service.list_instances(journey_id, filters, cursor=cursor, limit=limit)
        pages.append([instance.id for instance in page.items])
        assert page.newer == (pages[-1][0] if cursor else None)
        if page.next is None:
            return pages
        assert page.next == pages[-1][-1]
        cursor = page.next
        between_pages()


def test_each_filter_alone_and_combined(journey_id, other_journey_id):
    now = utcnow()
    # Inserted in an order where ids and creation times disagree: the list is by id.
    ann_old, ann_new, bob_old, bob_new, cy = insert_instances(
        journey_id,
        {"profile_id": "ann", "status": COMPLETED, "created_at": now - timedelta(hours=2)},
        {"profile_id": "ann", "status": FAILED, "created_at": now - timedelta(minutes=10)},
        {"profile_id": "bob", "status": FAILED, "created_at": now - timedelta(days=3)},
        {"profile_id": "bob", "status": RUNNING, "created_at": now - timedelta(seconds=30)},
        {"profile_id": "cy", "status": WAITING, "created_at": now - timedelta(days=10)},
    )
    insert_instances(other_journey_id, {"profile_id": "ann", "status": FAILED})

    assert listed(journey_id) == [cy, bob_new, bob_old, ann_new, ann_old]
    assert listed(journey_id, status=FAILED) == [bob_old, ann_new]
    assert listed(journey_id, status=InstanceStatus.STOPPED) == []
    assert listed(journey_id, profile="ann") == [ann_new, ann_old]
    assert listed(journey_id, profile="an") == []  # exact, not a prefix
    # Under a time filter, newest first is by creation time.
    assert listed(journey_id, within="1h") == [bob_new, ann_new]
    assert listed(journey_id, within="24h") == [bob_new, ann_new, ann_old]
    assert listed(journey_id, within="7d") == [bob_new, ann_new, ann_old, bob_old]
    assert listed(journey_id, created_from=now - timedelta(days=1)) == [bob_new, ann_new, ann_old]
    assert listed(journey_id, created_to=now - timedelta(days=1)) == [bob_old, cy]

    assert listed(journey_id, status=FAILED, profile="bob") == [bob_old]
    assert listed(journey_id, status=FAILED, within="1h") == [ann_new]
    assert listed(journey_id, profile="bob", created_from=now - timedelta(days=1)) == [bob_new]
    assert listed(
        journey_id, created_from=now - timedelta(days=4), created_to=now - timedelta(hours=1)
    ) == [ann_old, bob_old]
    assert listed(
        journey_id, status=COMPLETED, profile="ann", within="7d",
        created_from=now - timedelta(days=4), created_to=now - timedelta(hours=1),
    ) == [ann_old]
    assert listed(journey_id, status=FAILED, profile="ann", created_to=now - timedelta(hours=1)) == []


def test_time_bounds_are_inclusive_from_exclusive_to_and_any_offset(journey_id):
    moment = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    (exactly,) = insert_instances(journey_id, {"created_at": moment})
    assert listed(journey_id, created_from=moment) == [exactly]
    assert listed(journey_id, created_to=moment) == []
    assert listed(journey_id, created_to=moment + timedelta(seconds=1)) == [exactly]
    in_paris = moment.astimezone(timezone(timedelta(hours=1)))
    assert listed(journey_id, created_from=in_paris, created_to=in_paris + timedelta(minutes=1)) == [exactly]
    naive_utc = moment.replace(tzinfo=None)
    assert listed(journey_id, created_from=naive_utc) == [exactly]


def test_pages_walk_every_instance_once_while_new_ones_arrive(journey_id):
    statuses = list(islice(cycle(InstanceStatus), 130))
    original = insert_instances(journey_id, *({"status": status} for status in statuses))
    arrivals: list[int] = []

    def more_arrive():
        arrivals.extend(insert_instances(journey_id, *({"status": status} for status in statuses[:7])))

    pages = walk(journey_id, InstanceFilter(), service.PAGE_SIZE, between_pages=more_arrive)
    assert [len(page) for page in pages] == [50, 50, 30]
    assert sum(pages, []) == sorted(original, reverse=True)
    assert len(arrivals) == 14 and not set(arrivals) & set(sum(pages, []))

    # Walking back: the same pages, then the newest page, full, with the arrivals on top.
    last = service.list_instances(journey_id, InstanceFilter(), cursor=pages[1][-1])
    back = service.list_instances(journey_id, InstanceFilter(), newer_than=last.newer)
    assert [i.id for i in back.items] == pages[1] and (back.newer, back.next) == (pages[1][0], pages[1][-1])
    back = service.list_instances(journey_id, InstanceFilter(), newer_than=back.newer)
    assert [i.id for i in back.items] == pages[0] and back.newer == pages[0][0]
    newest = service.list_instances(journey_id, InstanceFilter(), newer_than=back.newer)
    assert [i.id for i in newest.items] == sorted(arrivals + original, reverse=True)[:50]
    assert newest.newer is None and newest.next == newest.items[-1].id


def test_filtered_pages_walk_exactly_the_matching_instances(journey_id):
    now = utcnow()
    # Creation times run against the ids, so the two orders of the list really differ.
    rows = [
        {"status": status, "profile_id": f"p{number % 3}",
         "created_at": now - timedelta(minutes=number, seconds=30) + timedelta(microseconds=number % 2)}
        for number, status in enumerate(islice(cycle(InstanceStatus), 120))
    ]
    rows[4]["created_at"] = rows[5]["created_at"]  # a tie in time, across a page boundary: by id
    ids = insert_instances(journey_id, *rows)
    for filters in (
        InstanceFilter(status=FAILED),
        InstanceFilter(profile="p1"),
        InstanceFilter(within="1h"),
        InstanceFilter(created_to=now - timedelta(minutes=20)),
        InstanceFilter(status=WAITING, profile="p2", created_from=now - timedelta(minutes=100)),
    ):
        matching = [
            (row["created_at"] if filters.timed else 0, instance_id)
            for instance_id, row in zip(ids, rows, strict=True)
            if filters.status in (None, row["status"])
            and filters.profile in (None, row["profile_id"])
            and (filters.within is None or row["created_at"] >= now - timedelta(hours=1))
            and (filters.created_from is None or row["created_at"] >= filters.created_from)
            and (filters.created_to is None or row["created_at"] < filters.created_to)
        ]
        expected = [instance_id for _, instance_id in sorted(matching, reverse=True)]
        assert len(expected) > 5
        pages = walk(journey_id, filters, limit=5)
        assert sum(pages, []) == expected, filters
        assert len(pages) == -(-len(expected) // 5)
        back = service.list_instances(journey_id, filters, newer_than=pages[-1][0], limit=5)
        assert [instance.id for instance in back.items] == pages[-2], filters


def test_an_empty_or_exhausted_list_has_no_next_page(journey_id):
    empty = service.list_instances(journey_id)
    assert (empty.items, empty.next, empty.newer) == ([], None, None)
    (only,) = insert_instances(journey_id, {})
    beyond = service.list_instances(journey_id, cursor=only)
    assert (beyond.items, beyond.next) == ([], None)
    with pytest.raises(NotFound):
        service.list_instances(999999)


def test_counts_per_status_follow_the_filters_and_stop_at_the_cap(journey_id):
    now = utcnow()
    insert_instances(
        journey_id,
        *({"status": FAILED, "profile_id": "ann"} for _ in range(5)),
        {"status": RUNNING, "profile_id": "ann", "created_at": now - timedelta(days=2)},
        {"status": COMPLETED, "profile_id": "bob"},
    )
    counts = service.count_by_status(journey_id)
    assert counts == {
        InstanceStatus.RUNNING: 1, InstanceStatus.WAITING: 0, InstanceStatus.COMPLETED: 1,
        InstanceStatus.FAILED: 5, InstanceStatus.STOPPED: 0,
    }
    assert service.count_by_status(journey_id, InstanceFilter(profile="ann", within="24h"))[FAILED] == 5
    assert service.count_by_status(journey_id, InstanceFilter(profile="ann", within="24h"))[RUNNING] == 0
    # The status filter is the one the counts are for: they ignore it.
    assert service.count_by_status(journey_id, InstanceFilter(status=RUNNING)) == counts
    assert service.count_by_status(journey_id, cap=3)[FAILED] == 4
