"""Series of linked reports and the linking memory that keeps their ids stable (see docs/linking.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from netwarden.db.base import Base, JSONType, UTCDateTime, utcnow


class SeriesMember(Base):
    """Which series a report belongs to (every analysed report is in exactly one)."""

    __tablename__ = "series_members"

    report_pk: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    series_id: Mapped[str] = mapped_column(String(40), index=True)
    # The same victim's earlier report of the same events (a repeat, not another victim).
    duplicate_of_pk: Mapped[int | None] = mapped_column(Integer)


class SeriesLink(Base):
    """Why a series holds together: an identifier, its weight, and the reports it joins."""

    __tablename__ = "series_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series_id: Mapped[str] = mapped_column(String(40), index=True)
    identifier: Mapped[str] = mapped_column(String(600))
    weight: Mapped[float] = mapped_column(Float)
    report_pks: Mapped[list[int]] = mapped_column(JSONType)


class SeriesMerge(Base):
    """A retired series id and the series it was merged into (old links keep working)."""

    __tablename__ = "series_merges"

    series_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merged_into: Mapped[str] = mapped_column(String(40))


class LinkHub(Base):
    """An identifier found to be a hub: it never links reports again."""

    __tablename__ = "link_hubs"

    ident: Mapped[str] = mapped_column(String(600), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)


class LinkJudgement(Base):
    """An analyst's merge, split, unlink or withdrawal: recorded, never edited, reversible."""

    __tablename__ = "link_judgements"

    judgement_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    actor_label: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType)
    # Whether the last linking run had this judgement in force.
    applied: Mapped[bool] = mapped_column(Boolean, default=False)
