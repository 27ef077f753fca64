"""Reports as received: the validated fields, the victim, and the raw payload kept whole."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from netwarden.db.base import Base, JSONType, UTCDateTime, utcnow

STATUSES = ("new", "triaged", "assigned", "closed")


class Report(Base):
    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("unit_id", "report_id"),
        Index("ix_reports_unit_received", "unit_id", "received_at"),
        Index("ix_reports_unit_priority_received", "unit_id", "priority", "received_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[str] = mapped_column(String(128))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    victim_age: Mapped[int | None] = mapped_column(Integer)
    victim_gender: Mapped[str | None] = mapped_column(String(32))
    victim_region: Mapped[str | None] = mapped_column(String(64))
    victim_occupation: Mapped[str | None] = mapped_column(String(128))
    amount_lost: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    last_payment_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    given_identifiers: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    messages: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    extra: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    raw: Mapped[dict[str, Any]] = mapped_column(JSONType)
    status: Mapped[str] = mapped_column(String(16), default="new")
    source: Mapped[str] = mapped_column(String(16))
    source_file: Mapped[str | None] = mapped_column(String(255))
    # SHA-256 of the receipt code handed to a member of the public (the code itself is never stored).
    receipt_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    crime_type: Mapped[str | None] = mapped_column(String(32), index=True)
    priority: Mapped[str | None] = mapped_column(String(2))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
