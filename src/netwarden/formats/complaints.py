"""complaints.jsonl: complaints and claims filed against merchants (FORMATS.md)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from netwarden.core.analyzers.claims import Claimant, Complaint
from netwarden.core.identifiers.types.phone import normalise
from netwarden.formats.jsonl import read_records
from netwarden.formats.loans import zoned_time
from netwarden.formats.rejections import Rejection


class _Row(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True, frozen=True)


class ClaimantIn(_Row):
    name: str | None = Field(default=None, max_length=256)
    phone: str | None = Field(default=None, max_length=64)
    account: str | None = Field(default=None, max_length=512)
    address: str | None = Field(default=None, max_length=1024)


class ComplaintIn(_Row):
    complaint_id: str = Field(min_length=1, max_length=128)
    filed_at: datetime | None = None
    merchant: str = Field(min_length=1, max_length=512)
    claimant: ClaimantIn = Field(default_factory=ClaimantIn)
    channel: str | None = None
    text: str = Field(default="", max_length=100_000)
    amount_claimed: float | None = Field(default=None, ge=0)

    _time = field_validator("filed_at", mode="before")(zoned_time)

    @field_validator("complaint_id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def complaint_from_mapping(data: dict[str, Any], zone: tzinfo, region: str = "CN") -> Complaint:
    row = ComplaintIn.model_validate(data, context={"zone": zone})
    phone = row.claimant.phone
    e164 = normalise(unicodedata.normalize("NFKC", phone), region) if phone else None
    return Complaint(row.complaint_id, row.filed_at, row.merchant,
                     Claimant(row.claimant.name, e164 or phone, row.claimant.account, row.claimant.address),
                     row.text, row.amount_claimed)


def read_complaints(path: Path, *, zone: tzinfo, region: str = "CN", encoding: str | None = None,
                    max_line_bytes: int = 5 * 1024 * 1024) -> Iterator[Complaint | Rejection]:
    """Yield a complaint or a rejection for every row; ``InputError`` only for an unreadable file."""
    return read_records(path, parse=lambda data: complaint_from_mapping(data, zone, region),
                        id_field="complaint_id", id_of=lambda complaint: complaint.complaint_id,
                        encoding=encoding, max_line_bytes=max_line_bytes)
