"""Shapes of reports at the edges: API rows, listing filters, pages and ingest outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from netwarden.core.identifiers import Match
from netwarden.core.occurrences import masked_text
from netwarden.db.models import Report, ReportClassification
from netwarden.domains.identifiers.display import record_for_api

SortKey = Literal["urgent", "newest", "oldest", "amount"]
CHANNELS = ("web", "hotline", "app", "platform", "referral", "other")


class ReportFilters(BaseModel):
    model_config = ConfigDict(frozen=True)

    q: str | None = Field(default=None, max_length=200)
    channel: str | None = None
    status: str | None = None
    crime_type: str | None = None
    priority: str | None = None
    received_from: datetime | None = None
    received_to: datetime | None = None
    sort: SortKey = "urgent"


class ReportRead(BaseModel):
    """A report as the API returns it (FORMATS.md fields plus workflow state)."""

    id: int
    report_id: str
    unit: str
    received_at: datetime
    channel: str
    text: str
    victim: dict[str, Any]
    amount_lost: Decimal | None
    currency: str
    last_payment_at: datetime | None
    identifiers: list[dict[str, Any]]
    messages: list[dict[str, Any]]
    extra: dict[str, Any]
    status: str
    crime_type: str | None
    crime_types: list[str]
    scores: dict[str, float]
    priority: str | None
    reasons: list[dict[str, Any]]
    actions: list[dict[str, Any]]
    source: str

    @classmethod
    def from_row(cls, report: Report, unit_code: str, matches: list[Match], *, reveal: bool,
                 classification: ReportClassification | None) -> ReportRead:
        """The API view; sensitive identifiers (and the text around them) masked unless ``reveal``."""
        return cls(
            id=report.id, report_id=report.report_id, unit=unit_code, received_at=report.received_at,
            channel=report.channel, text=report.content.text if reveal else masked_text(report.content.text, matches),
            victim={"age": report.victim_age, "gender": report.victim_gender,
                    "region": report.victim_region, "occupation": report.victim_occupation},
            amount_lost=report.amount_lost, currency=report.currency, last_payment_at=report.last_payment_at,
            identifiers=[record_for_api(m, reveal=reveal) for m in matches], messages=report.content.messages,
            extra=report.content.extra,
            status=report.status, crime_type=report.crime_type, priority=report.priority, source=report.source,
            crime_types=classification.crime_types if classification else [],
            scores=classification.scores if classification else {},
            reasons=classification.reasons if classification else [],
            actions=classification.actions if classification else [],
        )


@dataclass(frozen=True, slots=True)
class ReportPage:
    items: list[Report]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


RowStatus = Literal["created", "duplicate", "rejected"]


@dataclass(frozen=True, slots=True)
class RowResult:
    line: int
    report_id: str | None
    status: RowStatus
    code: str | None = None
    field: str | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"line": self.line, "report_id": self.report_id, "status": self.status}
        if self.status == "rejected":
            out.update(code=self.code, field=self.field, error=self.error)
        return out


@dataclass
class IngestOutcome:
    created: int = 0
    duplicates: int = 0
    rejected: int = 0
    rows: list[RowResult] = field(default_factory=list)
    created_pks: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.duplicates + self.rejected


class PublicReportForm(BaseModel):
    """What a member of the public types into the report form (validated in their language)."""

    model_config = ConfigDict(str_strip_whitespace=True)

    text: str = Field(min_length=20, max_length=20_000)
    happened_at: datetime | None = None
    amount_lost: Decimal | None = Field(default=None, ge=0, le=Decimal("1e12"))
    last_payment_at: datetime | None = None
    victim_age: int | None = Field(default=None, ge=1, le=120)
    suspect_details: str | None = Field(default=None, max_length=2000)
    contact: str | None = Field(default=None, max_length=200)
