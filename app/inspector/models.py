"""Requests received by the inspector."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.auth.models import utcnow
from app.extensions import db


class InspectedRequest(db.Model):
    __tablename__ = "inspected_requests"
    __table_args__ = (Index("ix_inspected_requests_bin_id", "bin", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bin: Mapped[str] = mapped_column(String(64))
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(2000))
    query_string: Mapped[str] = mapped_column(String(2000), default="")
    headers: Mapped[dict] = mapped_column(db.JSON)
    body: Mapped[str] = mapped_column(Text, default="")
    body_truncated: Mapped[bool] = mapped_column(default=False)
    received_at: Mapped[datetime] = mapped_column(db.DateTime(timezone=True), default=utcnow)
