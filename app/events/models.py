"""Event type definitions and the events received for them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.auth.models import utcnow
from app.extensions import db


class EventType(db.Model):
    """What a producer may send: its fields, and which one identifies the profile.

    `fingerprint` changes whenever the fields or the profile id field do; ingest caches one
    compiled validator per fingerprint, so every process sees an edit on its next request.
    """

    __tablename__ = "event_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    profile_id_field: Mapped[str] = mapped_column(String(64))
    fields: Mapped[list] = mapped_column(db.JSON)
    sample: Mapped[dict | None] = mapped_column(db.JSON)
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(db.DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        db.DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class Event(db.Model):
    """One accepted event: an append-only log row, written in bulk by ingest.

    No foreign key to `event_types`: the log keeps its history when a type is deleted, and
    ingest pays for no constraint check. The id is a database-assigned big integer: small,
    ordered by arrival, and returned for a whole batch by one multi-row INSERT … RETURNING.
    """

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_type_key_id", "event_type_key", "id"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    event_type_key: Mapped[str] = mapped_column(String(64))
    profile_id: Mapped[str] = mapped_column(String(255))
    payload: Mapped[dict] = mapped_column(db.JSON)
    received_at: Mapped[datetime] = mapped_column(db.DateTime(timezone=True))
