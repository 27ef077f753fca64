"""loans.jsonl: one loan per line with its schedule, payments and fees (FORMATS.md)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from netwarden.core.analyzers.loans import DatedAmount, Fee, Loan
from netwarden.formats.jsonl import read_records
from netwarden.formats.rejections import Rejection
from netwarden.formats.timestamps import parse_timestamp


def zoned_time(value: object, info: ValidationInfo) -> object:
    """Pydantic before-validator: an ISO 8601 string read in the context's zone."""
    if value is None or value == "":
        return None
    zone: tzinfo = (info.context or {})["zone"]
    try:
        return parse_timestamp(value, zone)
    except ValueError as exc:
        params = {"field": info.field_name, "reason": str(exc)}
        raise PydanticCustomError("timestamp", "{field}: {reason}", params) from None


class _Row(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True, frozen=True)


class _Dated(_Row):
    at: datetime
    amount: float = Field(ge=0)
    note: str | None = None

    _time = field_validator("at", mode="before")(zoned_time)


class _Due(_Row):
    due_at: datetime
    amount: float = Field(ge=0)

    _time = field_validator("due_at", mode="before")(zoned_time)


class _Fee(_Row):
    name: str = ""
    amount: float = Field(ge=0)
    when: str | None = None

    @field_validator("when", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value


class LoanIn(_Row):
    loan_id: str = Field(min_length=1, max_length=128)
    app: str | None = None
    app_package: str | None = None
    borrower: str | None = None
    principal: float = Field(ge=0)
    received: float = Field(ge=0)
    disbursed_at: datetime
    schedule: list[_Due] = Field(default_factory=list, max_length=1000)
    payments: list[_Dated] = Field(default_factory=list, max_length=10_000)
    fees: list[_Fee] = Field(default_factory=list, max_length=1000)
    rollover_of: str | None = None

    _time = field_validator("disbursed_at", mode="before")(zoned_time)

    @field_validator("loan_id", "rollover_of", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _fee(fee: _Fee, zone: tzinfo) -> Fee:
    # A fee whose `when` is a time (not "upfront") was paid then: it is a payment.
    paid_at = None
    if fee.when and fee.when != "upfront":
        try:
            paid_at = parse_timestamp(fee.when, zone)
        except ValueError:
            paid_at = None
    return Fee(fee.name, fee.amount, fee.when, paid_at)


def loan_from_mapping(data: dict[str, Any], zone: tzinfo) -> Loan:
    """Validate one loan object; raises ``ValidationError`` naming the first problem."""
    row = LoanIn.model_validate(data, context={"zone": zone})
    return Loan(
        loan_id=row.loan_id, app=row.app, borrower=row.borrower, principal=row.principal, received=row.received,
        disbursed_at=row.disbursed_at,
        schedule=tuple(DatedAmount(s.due_at, s.amount) for s in row.schedule),
        payments=tuple(DatedAmount(p.at, p.amount, p.note) for p in row.payments),
        fees=tuple(_fee(f, zone) for f in row.fees),
        rollover_of=row.rollover_of, app_package=row.app_package,
    )


def read_loans(
    path: Path, *, zone: tzinfo, encoding: str | None = None, max_line_bytes: int = 5 * 1024 * 1024
) -> Iterator[Loan | Rejection]:
    """Yield a loan or a rejection for every row; ``InputError`` only for an unreadable file."""
    return read_records(path, parse=lambda data: loan_from_mapping(data, zone), id_field="loan_id",
                        id_of=lambda loan: loan.loan_id, encoding=encoding, max_line_bytes=max_line_bytes)
