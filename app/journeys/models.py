"""Journeys and their published versions, as stored.

A journey owns one editable draft graph (`draft_graph`, None while no draft is open) and a list of
immutable published versions. A version keeps the graph and a snapshot of every action it calls,
so what runs never changes silently when an action is edited afterwards. At most one version of a
journey is live; the runner reads `JourneyVersion.status` to decide whether instances may enter
(live), may only continue (closed) or must halt (stopped).
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.auth.models import User, utcnow
from app.extensions import db


def _values(enum_class: type[enum.Enum]) -> list[str]:
    return [member.value for member in enum_class]


def _enum_column(enum_class: type[enum.Enum]) -> db.Enum:
    return db.Enum(enum_class, native_enum=False, length=16, values_callable=_values)


class JourneyStatus(enum.StrEnum):
    """The journey as a whole: a draft until first published, then follows its latest version."""

    DRAFT = "draft"
    LIVE = "live"
    CLOSED = "closed"
    STOPPED = "stopped"


class VersionStatus(enum.StrEnum):
    """live: new entries; closed: no new entries, instances finish; stopped: instances halt."""

    LIVE = "live"
    CLOSED = "closed"
    STOPPED = "stopped"


class Reentry(enum.StrEnum):
    """Whether a profile already in (or recently through) the journey may enter it again."""

    NEVER = "never"
    AFTER_WAIT = "after_wait"
    ALWAYS = "always"


class Journey(db.Model):
    __tablename__ = "journeys"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[JourneyStatus] = mapped_column(
        _enum_column(JourneyStatus), default=JourneyStatus.DRAFT, index=True
    )
    entry_event: Mapped[str | None] = mapped_column(String(100))
    reentry: Mapped[Reentry] = mapped_column(_enum_column(Reentry), default=Reentry.NEVER)
    reentry_wait_seconds: Mapped[int | None] = mapped_column()
    draft_graph: Mapped[dict[str, Any] | None] = mapped_column(db.JSON(none_as_null=True))
    draft_updated_at: Mapped[datetime | None] = mapped_column(db.DateTime(timezone=True))
    live_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("journey_versions.id", ondelete="SET NULL", use_alter=True)
    )
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(db.DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(db.DateTime(timezone=True), default=utcnow)

    live_version: Mapped[JourneyVersion | None] = relationship(
        foreign_keys=[live_version_id], post_update=True
    )
    versions: Mapped[list[JourneyVersion]] = relationship(
        back_populates="journey",
        foreign_keys="JourneyVersion.journey_id",
        order_by="JourneyVersion.number",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    creator: Mapped[User | None] = relationship(foreign_keys=[created_by])
    editor: Mapped[User | None] = relationship(foreign_keys=[updated_by])

    @property
    def has_draft(self) -> bool:
        return self.draft_graph is not None

    @property
    def live_version_number(self) -> int | None:
        return self.live_version.number if self.live_version else None


class JourneyVersion(db.Model):
    """A published graph; never edited after publishing except for its status."""

    __tablename__ = "journey_versions"
    __table_args__ = (
        UniqueConstraint("journey_id", "number", name="uq_journey_versions_number"),
        # The database itself refuses a second live version of a journey (two racing publishes).
        Index(
            "uq_journey_versions_one_live",
            "journey_id",
            unique=True,
            sqlite_where=text("status = 'live'"),
            postgresql_where=text("status = 'live'"),
        ),
        Index("ix_journey_versions_entry", "entry_event", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column()
    graph: Mapped[dict[str, Any]] = mapped_column(db.JSON)
    actions_snapshot: Mapped[dict[str, Any]] = mapped_column(db.JSON, default=dict)
    entry_event: Mapped[str] = mapped_column(String(100))
    status: Mapped[VersionStatus] = mapped_column(
        _enum_column(VersionStatus), default=VersionStatus.LIVE
    )
    published_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    published_at: Mapped[datetime] = mapped_column(db.DateTime(timezone=True), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(db.DateTime(timezone=True))
    stopped_at: Mapped[datetime | None] = mapped_column(db.DateTime(timezone=True))

    journey: Mapped[Journey] = relationship(back_populates="versions", foreign_keys=[journey_id])
    publisher: Mapped[User | None] = relationship(foreign_keys=[published_by])
