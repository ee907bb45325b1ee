"""The `actions` table: what Cairn can call, as columns for listing plus the contract as JSON.

Columns hold what lists filter and sort on (key, name, channel, the needs-configuration reason,
timestamps). Everything the runner needs to make the call — method, URL, headers, auth, body
template, parameters, timeout, retries, rate limit — lives in `spec`, the same JSON the API speaks,
with every secret replaced by its ciphertext (see `app.actions.service`). Built-in channel actions
also keep their platform settings (base URL, transactional message id) in `platform_settings`,
from which their spec is generated.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.auth.models import User, utcnow
from app.extensions import db


class Channel(enum.StrEnum):
    """What an action delivers; built-in Email, SMS and Push actions carry their channel."""

    CUSTOM = "custom"
    EMAIL = "email"
    SMS = "sms"
    PUSH = "push"


class Action(db.Model):
    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[Channel] = mapped_column(
        db.Enum(Channel, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])
    )
    builtin: Mapped[bool] = mapped_column(default=False)
    spec: Mapped[dict] = mapped_column(db.JSON)
    platform_settings: Mapped[dict | None] = mapped_column(db.JSON)
    needs_configuration_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(db.DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(db.DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    updated_by: Mapped[User | None] = relationship()

    @property
    def configured(self) -> bool:
        """Usable in a journey: custom actions once saved valid, built-ins once set up and tested."""
        return self.needs_configuration_reason is None
