"""Identifiers (one row per canonical type:value) and where each occurs in which report."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from netwarden.db.base import Base, UTCDateTime, utcnow


class Identifier(Base):
    __tablename__ = "identifiers"
    __table_args__ = (UniqueConstraint("type", "value"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(String(512))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class IdentifierOccurrence(Base):
    """One mention: in the narrative (with its span), a structured field, or a message."""

    __tablename__ = "identifier_occurrences"
    __table_args__ = (Index("ix_identifier_occurrences_identifier_report", "identifier_id", "report_pk"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_pk: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    identifier_id: Mapped[int] = mapped_column(ForeignKey("identifiers.id"))
    role: Mapped[str] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(String(8))
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    valid: Mapped[bool] = mapped_column(Boolean)
    service: Mapped[bool] = mapped_column(Boolean, default=False)
