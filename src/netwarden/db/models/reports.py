"""Reports as received: a narrow row for the queue, and the content (text, raw payload) beside it.

The queue sorts, filters and counts over hundreds of thousands of reports; keeping the large
text and payload columns in their own table keeps those scans small.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, Numeric, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from netwarden.db.base import Base, JSONType, UTCDateTime, utcnow

STATUSES = ("new", "triaged", "assigned", "closed")
# Priority as a number that sorts most urgent first when read in descending order, so that the
# queue's default order is one backward index scan (0 = not rated yet).
URGENCY = {"P0": 4, "P1": 3, "P2": 2, "P3": 1}


class Report(Base):
    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("unit_id", "report_id"),
        Index("ix_reports_unit_received", "unit_id", "received_at"),
        Index("ix_reports_unit_urgency_received", "unit_id", "urgency", "received_at"),
        # The queue's most used filters, so that counting a filtered queue reads only the index.
        Index("ix_reports_unit_status_received", "unit_id", "status", "received_at"),
        Index("ix_reports_unit_channel_received", "unit_id", "channel", "received_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[str] = mapped_column(String(128))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    victim_age: Mapped[int | None] = mapped_column(Integer)
    victim_gender: Mapped[str | None] = mapped_column(String(32))
    victim_region: Mapped[str | None] = mapped_column(String(64))
    victim_occupation: Mapped[str | None] = mapped_column(String(128))
    amount_lost: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    last_payment_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="new")
    source: Mapped[str] = mapped_column(String(16))
    source_file: Mapped[str | None] = mapped_column(String(255))
    # SHA-256 of the receipt code handed to a member of the public (the code itself is never stored).
    receipt_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    crime_type: Mapped[str | None] = mapped_column(String(32), index=True)
    priority: Mapped[str | None] = mapped_column(String(2))
    urgency: Mapped[int] = mapped_column(SmallInteger, default=0)
    # Version of the analysis (identifier extraction and classification) applied to this report
    # (0 = not analysed yet), so that an improved analysis re-runs on exactly the reports it has not seen.
    analysed_version: Mapped[int] = mapped_column(SmallInteger, default=0, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    # Loaded explicitly where needed (the queue's page, the report page): never one query per row.
    content: Mapped[ReportContent] = relationship(lazy="raise", uselist=False, cascade="all, delete-orphan")


class ReportContent(Base):
    __tablename__ = "report_contents"

    report_pk: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    given_identifiers: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    messages: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    extra: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    raw: Mapped[dict[str, Any]] = mapped_column(JSONType)


class ReportClassification(Base):
    """What the classifier said about a report: labels, scores, reasons, priority and actions."""

    __tablename__ = "report_classifications"

    report_pk: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    crime_type: Mapped[str] = mapped_column(String(32))
    crime_types: Mapped[list[str]] = mapped_column(JSONType)
    scores: Mapped[dict[str, float]] = mapped_column(JSONType)
    priority: Mapped[str] = mapped_column(String(2))
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    actions: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    model_version: Mapped[str] = mapped_column(String(64))
    classified_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReportLabel(Base):
    """An analyst's correction of a report's crime types; the newest one counts. Kept for retraining."""

    __tablename__ = "report_labels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_pk: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    crime_type: Mapped[str] = mapped_column(String(32))
    crime_types: Mapped[list[str]] = mapped_column(JSONType)
    note: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
