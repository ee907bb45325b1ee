"""Creating, editing, publishing and retiring journeys; views, the API and the runner call these.

Lifecycle: a journey is a *draft* until first published. Publishing turns the draft graph into a
numbered, immutable `JourneyVersion` (with a snapshot of the actions it calls) and closes the
draft; the journey is then *live* and its graph read-only until `new_version` opens a draft copy.
Publishing that draft closes the previous version to new entries while its instances finish.
`close` stops new entries; `stop` also halts instances in flight (the runner reads the version's
status at each step). Only one version of a journey is live, enforced here and by a unique index.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload

from app.actions import service as actions_service
from app.actions.models import Action
from app.auth.models import User, utcnow
from app.errors import Conflict, InvalidInput, NotFound
from app.events import service as events_service
from app.events.models import EventType
from app.extensions import db
from app.journeys.catalog import current_catalog
from app.journeys.diff import describe_changes
from app.journeys.graph import Graph, GraphFormatError, Problem, find_problems, parse_graph
from app.journeys.models import Journey, JourneyStatus, JourneyVersion, Reentry, VersionStatus

EXPORT_FORMAT = "cairn-journey"
EXPORT_FORMAT_VERSION = 1
NAME_MAX_LENGTH = 200
FIRST_EVENT_POSITION = {"x": 40, "y": 120}

EntryCounter = Callable[[list[int]], dict[int, int]]
ENTRY_COUNTERS: list[EntryCounter] = []
"""Extension point for the runner: each counter maps journey ids to instances created today.

`entries_today` sums what every registered counter reports, so the list page needs no import of
the runner and shows zeros until one registers.
"""


def empty_graph() -> dict[str, list]:
    return {"nodes": [], "edges": []}


class PublishRefused(InvalidInput):
    """The draft still has problems; `problems` lists them, `fields` keys them by node and field."""

    def __init__(self, problems: list[Problem]):
        fields: dict[str, list[str]] = {}
        for problem in problems:
            fields.setdefault(problem_location(problem), []).append(problem.message)
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(
            f"The journey has {count} {noun} to fix before it can be published.", fields
        )
        self.problems = problems


def problem_location(problem: Problem) -> str:
    """A dotted field name for a problem: `nodes.<id>.<field>`, `nodes.<id>` or `graph`."""
    if problem.node_id is None:
        return f"graph.{problem.field}" if problem.field else "graph"
    base = f"nodes.{problem.node_id}"
    return f"{base}.{problem.field}" if problem.field else base


@dataclass(frozen=True)
class JourneyListing:
    """One row of the journeys list."""

    id: int
    name: str
    description: str
    status: JourneyStatus
    has_draft: bool
    live_version: int | None
    updated_by: str | None
    updated_at: datetime
    entries_today: int


@dataclass(frozen=True)
class VersionListing:
    """A published version, who published it and, in words, what changed since the previous."""

    id: int
    number: int
    status: VersionStatus
    entry_event: str
    published_by: str | None
    published_at: datetime
    closed_at: datetime | None
    stopped_at: datetime | None
    previous_number: int | None
    changes: list[str]


class References(NamedTuple):
    """The action and event type keys a graph refers to."""

    actions: set[str]
    events: set[str]


@dataclass(frozen=True)
class ImportResult:
    journey: Journey
    missing_actions: list[str] = field(default_factory=list)
    missing_events: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def missing(self) -> dict[str, list[str]]:
        return {"actions": self.missing_actions, "events": self.missing_events}


# ---------------------------------------------------------------------------------------------
# Reading


def get_journey(journey_id: int) -> Journey:
    journey = db.session.get(Journey, journey_id)
    if journey is None:
        raise NotFound(f"journey {journey_id} does not exist")
    return journey


def get_version(version_id: int) -> JourneyVersion:
    """A published version with its journey (the runner reads its graph, status and snapshot).

    Always read from the database, even if the session holds it: a long-lived worker session
    must see a stop made since.
    """
    version = db.session.get(
        JourneyVersion,
        version_id,
        options=[joinedload(JourneyVersion.journey)],
        populate_existing=True,
    )
    if version is None:
        raise NotFound(f"journey version {version_id} does not exist")
    return version


def live_versions_for_event(event_key: str) -> list[JourneyVersion]:
    """The live versions an event of this type enters, with their journeys (one indexed query)."""
    query = (
        select(JourneyVersion)
        .options(joinedload(JourneyVersion.journey))
        .where(JourneyVersion.entry_event == event_key, JourneyVersion.status == VersionStatus.LIVE)
        .order_by(JourneyVersion.id)
    )
    return list(db.session.scalars(query))


def current_graph(journey: Journey) -> dict[str, Any]:
    """What the canvas shows: the open draft, else the live (or latest) version's graph."""
    if journey.draft_graph is not None:
        return journey.draft_graph
    version = journey.live_version or latest_version(journey)
    return version.graph if version else empty_graph()


def latest_version(journey: Journey) -> JourneyVersion | None:
    return journey.versions[-1] if journey.versions else None


def draft_problems(journey: Journey) -> list[Problem]:
    """Problems of the open draft (none when no draft is open: published graphs had none)."""
    if journey.draft_graph is None:
        return []
    return find_problems(parse_graph(journey.draft_graph), current_catalog())


def entries_today(journey_ids: Iterable[int]) -> dict[int, int]:
    """Instances started today per journey, from every counter the runner registered."""
    ids = list(journey_ids)
    totals = dict.fromkeys(ids, 0)
    for counter in ENTRY_COUNTERS:
        for journey_id, count in counter(ids).items():
            if journey_id in totals:
                totals[journey_id] += count
    return totals


def list_journeys(search: str = "") -> list[JourneyListing]:
    """Journeys, most recently edited first, filtered by a case-insensitive part of the name."""
    query = (
        select(Journey)
        .options(selectinload(Journey.editor), selectinload(Journey.live_version))
        .order_by(Journey.updated_at.desc(), Journey.id.desc())
    )
    search = (search or "").strip()
    if search:
        query = query.where(func.lower(Journey.name).contains(search.lower(), autoescape=True))
    journeys = list(db.session.scalars(query))
    counts = entries_today(journey.id for journey in journeys)
    return [
        JourneyListing(
            id=journey.id,
            name=journey.name,
            description=journey.description,
            status=journey.status,
            has_draft=journey.has_draft,
            live_version=journey.live_version_number,
            updated_by=journey.editor.email if journey.editor else None,
            updated_at=journey.updated_at,
            entries_today=counts[journey.id],
        )
        for journey in journeys
    ]


def versions(journey_id: int) -> list[VersionListing]:
    """Published versions, newest first, each with the changes since the one before it, in words."""
    journey = get_journey(journey_id)
    published = list(
        db.session.scalars(
            select(JourneyVersion)
            .options(selectinload(JourneyVersion.publisher))
            .where(JourneyVersion.journey_id == journey.id)
            .order_by(JourneyVersion.number)
        )
    )
    names = node_names(published)
    listings = []
    previous: JourneyVersion | None = None
    for version in published:
        changes = describe_changes(previous.graph if previous else None, version.graph, names)
        listings.append(
            VersionListing(
                id=version.id,
                number=version.number,
                status=version.status,
                entry_event=version.entry_event,
                published_by=version.publisher.email if version.publisher else None,
                published_at=version.published_at,
                closed_at=version.closed_at,
                stopped_at=version.stopped_at,
                previous_number=previous.number if previous else None,
                changes=changes,
            )
        )
        previous = version
    return list(reversed(listings))


def node_names(published: list[JourneyVersion]) -> dict[str, dict[str, str]]:
    """`{"actions": {key: name}, "events": {key: name}}` for the keys these versions use."""
    action_keys: set[str] = set()
    event_keys: set[str] = set()
    for version in published:
        references = referenced_keys(version.graph)
        action_keys |= references.actions
        event_keys |= references.events
    names: dict[str, dict[str, str]] = {}
    for kind, model, keys in (("actions", Action, action_keys), ("events", EventType, event_keys)):
        rows = db.session.execute(select(model.key, model.name).where(model.key.in_(keys))).all()
        names[kind] = {key: name for key, name in rows}
    return names


# ---------------------------------------------------------------------------------------------
# What a graph refers to


def referenced_keys(graph_data: dict[str, Any]) -> References:
    """The action and event type keys a stored graph refers to; stored graphs are well formed."""
    actions: set[str] = set()
    events: set[str] = set()
    for node in graph_data.get("nodes", ()):
        if node.get("type") == "action" and node.get("action"):
            actions.add(node["action"])
        elif node.get("type") == "event" and node.get("event"):
            events.add(node["event"])
    return References(actions, events)


def entry_event_of(graph_data: dict[str, Any]) -> str | None:
    """The entry event type key when the graph has exactly one event node, else None."""
    keys = [
        node.get("event") for node in graph_data.get("nodes", ()) if node.get("type") == "event"
    ]
    return keys[0] if len(keys) == 1 else None


def parse_or_reject(graph_data: Any) -> Graph:
    """The parsed graph, or InvalidInput (422) with one message per rejected field."""
    try:
        return parse_graph(graph_data)
    except GraphFormatError as error:
        fields = {
            f"graph.{name}" if name else "graph": problems
            for name, problems in error.fields.items()
        }
        details = "; ".join(f"{name}: {', '.join(problems)}" for name, problems in fields.items())
        raise InvalidInput(f"The graph was not saved: {details}", fields) from None


# ---------------------------------------------------------------------------------------------
# Creating and editing


def clean_name(name: str | None) -> str:
    name = (name or "").strip()
    if not name:
        raise InvalidInput.on("name", "is required")
    if len(name) > NAME_MAX_LENGTH:
        raise InvalidInput.on("name", f"must be at most {NAME_MAX_LENGTH} characters")
    return name


def _user_id(user: User | None) -> int | None:
    return user.id if user is not None else None


def _touch(journey: Journey, user: User | None) -> None:
    journey.updated_at = utcnow()
    journey.updated_by = _user_id(user)


def clean_reentry(reentry: Any, wait_seconds: Any) -> tuple[Reentry, int | None]:
    """The re-entry rule and its wait (kept only for `after_wait`, where it must be positive)."""
    try:
        rule = Reentry(reentry)
    except ValueError:
        choices = ", ".join(choice.value for choice in Reentry)
        raise InvalidInput.on("reentry", f"must be one of {choices}") from None
    if rule != Reentry.AFTER_WAIT:
        return rule, None
    if not isinstance(wait_seconds, int) or isinstance(wait_seconds, bool) or wait_seconds <= 0:
        raise InvalidInput.on("reentry_wait_seconds", "must be a positive number of seconds")
    return rule, wait_seconds


def _add_draft_journey(
    name: str,
    description: str,
    graph: dict[str, Any],
    user: User | None,
    reentry: tuple[Reentry, int | None] = (Reentry.NEVER, None),
) -> Journey:
    """A new never-published journey with this draft graph, added to the session (not committed)."""
    now = utcnow()
    journey = Journey(
        name=clean_name(name),
        description=(description or "").strip(),
        status=JourneyStatus.DRAFT,
        entry_event=entry_event_of(graph),
        reentry=reentry[0],
        reentry_wait_seconds=reentry[1],
        draft_graph=graph,
        draft_updated_at=now,
        created_by=_user_id(user),
        updated_by=_user_id(user),
        created_at=now,
        updated_at=now,
    )
    db.session.add(journey)
    return journey


def create_journey(
    name: str, description: str = "", entry_event: str | None = None, user: User | None = None
) -> Journey:
    """A new draft; with `entry_event`, its draft graph starts with that event's node."""
    name = clean_name(name)
    graph = empty_graph()
    if entry_event:
        if db.session.scalar(select(EventType.id).where(EventType.key == entry_event)) is None:
            raise InvalidInput.on("entry_event", f"there is no event type '{entry_event}'")
        event_node = {"id": "n1", "type": "event", "event": entry_event}
        graph["nodes"].append({**event_node, "position": dict(FIRST_EVENT_POSITION)})
    journey = _add_draft_journey(name, description, graph, user)
    db.session.commit()
    return journey


def save_draft(journey_id: int, graph_data: Any, user: User | None = None) -> list[Problem]:
    """Store the draft graph (which may be incomplete) and answer its problems.

    A graph that is not in the format at all (GraphFormatError) is refused with 422 and the stored
    draft is left as it was. A live journey's graph is read-only: open a draft with `new_version`.
    """
    journey = get_journey(journey_id)
    if journey.draft_graph is None:
        raise Conflict(
            "This journey has no open draft: its published graph is read-only. "
            "Create a new version to edit it."
        )
    graph = parse_or_reject(graph_data)
    problems = find_problems(graph, current_catalog())
    now = utcnow()
    journey.draft_graph = graph_data
    journey.draft_updated_at = now
    if journey.status == JourneyStatus.DRAFT:
        journey.entry_event = entry_event_of(graph_data)
    _touch(journey, user)
    db.session.commit()
    return problems


def update_settings(journey_id: int, changes: dict[str, Any], user: User | None = None) -> Journey:
    """Change name, description and re-entry (`never`, `after_wait` with seconds, `always`).

    Everything is checked before anything changes, so a refusal leaves the journey as it was.
    """
    journey = get_journey(journey_id)
    name = clean_name(changes["name"]) if "name" in changes else journey.name
    reentry, wait_seconds = clean_reentry(
        changes.get("reentry", journey.reentry),
        changes.get("reentry_wait_seconds", journey.reentry_wait_seconds),
    )
    journey.name = name
    if "description" in changes:
        journey.description = (changes["description"] or "").strip()
    journey.reentry = reentry
    journey.reentry_wait_seconds = wait_seconds
    _touch(journey, user)
    db.session.commit()
    return journey


# ---------------------------------------------------------------------------------------------
# Lifecycle


def publish(journey_id: int, user: User | None = None) -> JourneyVersion:
    """Turn the draft into the live version, snapshotting the actions it calls.

    Refused with PublishRefused (422) while the draft has problems. The previous live version is
    closed to new entries; its instances continue on their own snapshot.
    """
    journey = db.session.scalar(select(Journey).where(Journey.id == journey_id).with_for_update())
    if journey is None:
        raise NotFound(f"journey {journey_id} does not exist")
    if journey.draft_graph is None:
        raise Conflict("There is no draft to publish; create a new version first.")
    graph_data = journey.draft_graph
    problems = find_problems(parse_graph(graph_data), current_catalog())
    if problems:
        raise PublishRefused(problems)
    action_keys = referenced_keys(graph_data).actions
    now = utcnow()
    previous = journey.live_version
    if previous is not None:
        previous.status = VersionStatus.CLOSED
        previous.closed_at = now
        db.session.flush()
    number = (
        db.session.scalar(
            select(func.max(JourneyVersion.number)).where(JourneyVersion.journey_id == journey.id)
        )
        or 0
    ) + 1
    version = JourneyVersion(
        journey=journey,
        number=number,
        graph=graph_data,
        actions_snapshot=snapshot_actions(action_keys),
        entry_event=entry_event_of(graph_data),
        status=VersionStatus.LIVE,
        published_by=_user_id(user),
        published_at=now,
    )
    db.session.add(version)
    journey.live_version = version
    journey.status = JourneyStatus.LIVE
    journey.entry_event = version.entry_event
    journey.draft_graph = None
    journey.draft_updated_at = None
    _touch(journey, user)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict("Another version of this journey was published at the same time.") from None
    return version


def snapshot_actions(action_keys: Iterable[str]) -> dict[str, Any]:
    """Each action's contract as stored (secrets still encrypted), so later edits of the action do
    not reach this version; the runner reads it with `app.actions.service.decrypt_spec`."""
    keys = sorted(set(action_keys))
    if not keys:
        return {}
    actions = db.session.scalars(select(Action).where(Action.key.in_(keys)))
    return {action.key: actions_service.contract(action) for action in actions}


def new_version(journey_id: int, user: User | None = None) -> Journey:
    """Open a draft copy of the live (or, once closed or stopped, the latest) version's graph."""
    journey = get_journey(journey_id)
    if journey.draft_graph is not None:
        raise Conflict("This journey already has an open draft.")
    source = journey.live_version or latest_version(journey)
    if source is None:
        raise Conflict("This journey has never been published; edit its draft.")
    journey.draft_graph = copy.deepcopy(source.graph)
    journey.draft_updated_at = utcnow()
    _touch(journey, user)
    db.session.commit()
    return journey


def close(journey_id: int, user: User | None = None) -> Journey:
    """Stop new entries into the live version; instances already in it finish."""
    journey = get_journey(journey_id)
    version = journey.live_version
    if journey.status != JourneyStatus.LIVE or version is None:
        raise Conflict(f"Only a live journey can be closed; this one is {journey.status.value}.")
    version.status = VersionStatus.CLOSED
    version.closed_at = utcnow()
    journey.live_version = None
    journey.status = JourneyStatus.CLOSED
    _touch(journey, user)
    db.session.commit()
    return journey


def stop(journey_id: int, user: User | None = None) -> Journey:
    """Stop new entries and halt instances in flight at their next step.

    Allowed from live and from closed (halting what a closed journey still runs): every version
    still running — live or closed — becomes stopped, so the runner halts their instances too.
    """
    journey = get_journey(journey_id)
    if journey.status not in (JourneyStatus.LIVE, JourneyStatus.CLOSED):
        raise Conflict(
            f"Only a live or closed journey can be stopped; this one is {journey.status.value}."
        )
    now = utcnow()
    for version in journey.versions:
        if version.status in (VersionStatus.LIVE, VersionStatus.CLOSED):
            version.status = VersionStatus.STOPPED
            version.stopped_at = now
    journey.live_version = None
    journey.status = JourneyStatus.STOPPED
    _touch(journey, user)
    db.session.commit()
    return journey


def duplicate(journey_id: int, user: User | None = None) -> Journey:
    """A new draft journey with a copy of this one's current graph and settings."""
    original = get_journey(journey_id)
    journey = _add_draft_journey(
        f"Copy of {original.name}"[:NAME_MAX_LENGTH],
        original.description,
        copy.deepcopy(current_graph(original)),
        user,
        (original.reentry, original.reentry_wait_seconds),
    )
    db.session.commit()
    return journey


def delete_draft(journey_id: int) -> None:
    """Delete a journey that was never published (published ones keep their history: close them)."""
    journey = get_journey(journey_id)
    if journey.status != JourneyStatus.DRAFT or journey.versions:
        raise Conflict(
            "Only a journey that was never published can be deleted; close or stop it instead."
        )
    db.session.delete(journey)
    db.session.commit()


# ---------------------------------------------------------------------------------------------
# Export and import


def export_journey(journey_id: int) -> dict[str, Any]:
    """A self-contained file: the current graph, settings, and the action and event keys used."""
    journey = get_journey(journey_id)
    graph = current_graph(journey)
    actions, events = referenced_keys(graph)
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_FORMAT_VERSION,
        "name": journey.name,
        "description": journey.description,
        "entry_event": entry_event_of(graph),
        "reentry": journey.reentry.value,
        "reentry_wait_seconds": journey.reentry_wait_seconds,
        "graph": copy.deepcopy(graph),
        "actions": sorted(actions),
        "events": sorted(events),
    }


def import_journey(data: dict[str, Any], user: User | None = None) -> ImportResult:
    """Create a draft journey from an export; reports the action and event keys this Cairn lacks.

    The graph must be well formed (422 otherwise); missing references do not block the import —
    they show up as problems on their nodes until the actions or events exist.
    """
    graph = parse_or_reject(data.get("graph"))
    reentry = clean_reentry(data.get("reentry") or Reentry.NEVER, data.get("reentry_wait_seconds"))
    references = referenced_keys(data["graph"])
    known_actions = set(
        db.session.scalars(select(Action.key).where(Action.key.in_(references.actions)))
    )
    known_events = set(
        db.session.scalars(select(EventType.key).where(EventType.key.in_(references.events)))
    )
    journey = _add_draft_journey(
        data.get("name") or "Imported journey",
        data.get("description") or "",
        copy.deepcopy(data["graph"]),
        user,
        reentry,
    )
    db.session.commit()
    return ImportResult(
        journey=journey,
        missing_actions=sorted(references.actions - known_actions),
        missing_events=sorted(references.events - known_events),
        problems=find_problems(graph, current_catalog()),
    )


# ---------------------------------------------------------------------------------------------
# Usage, for the actions and events pages (registered with their services below)


def _graphs_in_use() -> Iterable[tuple[int, str, JourneyStatus, dict[str, Any]]]:
    """(journey id, name, status, graph) for every open draft and every live version."""
    drafts = db.session.execute(
        select(Journey.id, Journey.name, Journey.status, Journey.draft_graph).where(
            Journey.draft_graph.is_not(None)
        )
    )
    live = db.session.execute(
        select(Journey.id, Journey.name, Journey.status, JourneyVersion.graph).join(
            JourneyVersion, JourneyVersion.id == Journey.live_version_id
        )
    )
    yield from drafts
    yield from live


def _journeys_referencing(kind: str, key: str) -> list[tuple[int, str, JourneyStatus]]:
    """(id, name, status) of journeys whose draft or live graph refers to `key` among `kind`."""
    found: dict[int, tuple[int, str, JourneyStatus]] = {}
    for journey_id, name, status, graph in _graphs_in_use():
        if key in getattr(referenced_keys(graph), kind):
            found[journey_id] = (journey_id, name, status)
    return sorted(found.values(), key=lambda row: row[1].lower())


def journeys_using_action(action_key: str) -> list[dict[str, Any]]:
    """Journeys whose draft or live version calls this action: `[{"id", "name", "status"}]`."""
    return [
        {"id": journey_id, "name": name, "status": status.value}
        for journey_id, name, status in _journeys_referencing("actions", action_key)
    ]


def journeys_using_event(event_key: str) -> list[str]:
    """Names of the journeys whose draft or live version starts with this event type."""
    return [name for _, name, _ in _journeys_referencing("events", event_key)]


def _register_usage_providers() -> None:
    if journeys_using_action not in actions_service.USAGE_PROVIDERS:
        actions_service.USAGE_PROVIDERS.append(journeys_using_action)
    if journeys_using_event not in events_service.USAGE_PROVIDERS:
        events_service.USAGE_PROVIDERS.append(journeys_using_event)


_register_usage_providers()
