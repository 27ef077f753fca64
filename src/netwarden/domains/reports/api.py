"""REST API for reports: bulk submission with per-row results, fetch one, list with filters."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from netwarden.domains.identifiers.service import occurrences_for
from netwarden.domains.reports import service
from netwarden.domains.reports.analysis import analyse_reports
from netwarden.domains.reports.schemas import ReportFilters, ReportRead, SortKey
from netwarden.domains.series.service import relink
from netwarden.errors import InputError, PayloadTooLarge
from netwarden.formats import ParsedReport, Rejection, parse_report_objects
from netwarden.settings import Settings
from netwarden.web.deps import ApiActor, DbSession, SettingsDep

router = APIRouter(tags=["reports"])
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/ndjson")


class SubmitResult(BaseModel):
    created: int
    duplicates: int
    rejected: int
    rows: list[dict[str, Any]]


class ReportList(BaseModel):
    items: list[ReportRead]
    total: int
    page: int
    page_size: int


Decoded = tuple[int, Any] | Rejection


def _decode_body(body: bytes, content_type: str) -> list[Decoded]:
    """A JSON array (or one object) or JSONL; a malformed JSONL line becomes that row's rejection."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("the body is not UTF-8 text", code="body_encoding") from exc
    if content_type.split(";")[0].strip().lower() in JSONL_TYPES:
        rows: list[Decoded] = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    rows.append((number, json.loads(line)))
                except json.JSONDecodeError as exc:
                    rows.append(Rejection("request", number, None, "bad_json",
                                          f"malformed JSON: {exc.msg} at column {exc.colno}", line))
        return rows
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"the body is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                         code="body_json") from exc
    items = data if isinstance(data, list) else [data]
    return list(enumerate(items, start=1))


def _validated_rows(decoded: list[Decoded], settings: Settings) -> Iterator[ParsedReport | Rejection]:
    good = [item for item in decoded if not isinstance(item, Rejection)]
    parsed = {row.line: row for row in parse_report_objects(
        good, file="request", zone=settings.tz, max_text_chars=settings.max_text_chars)}
    for item in decoded:
        yield item if isinstance(item, Rejection) else parsed[item[0]]


_REPORT_ROWS = {"type": "array", "items": {"type": "object", "required": ["report_id", "received_at", "text"],
                                          "additionalProperties": True}}
_SUBMIT_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": _REPORT_ROWS},
    "application/x-ndjson": {"schema": {"type": "string", "description": "one report object per line"}},
}}}


@router.post("/reports", response_model=SubmitResult, openapi_extra=_SUBMIT_BODY)
async def submit_reports(request: Request, actor: ApiActor, db: DbSession, settings: SettingsDep) -> SubmitResult:
    """Submit reports in bulk: a JSON array, or JSONL with `Content-Type: application/x-ndjson`.

    Each row gets a result: `created`, `duplicate` (its report_id is stored already) or `rejected`
    (with the field and the reason). One bad row never rejects the others.
    """
    objects = _decode_body(await request.body(), request.headers.get("content-type", "application/json"))
    if len(objects) > settings.api_max_rows:
        raise PayloadTooLarge(f"{len(objects)} rows in one request; the limit is {settings.api_max_rows}")
    assert actor.unit_id is not None
    outcome = service.ingest_reports(
        db, actor=actor, rows=_validated_rows(objects, settings), unit_id=actor.unit_id, source="api",
    )
    analyse_reports(db, settings=settings, report_pks=outcome.created_pks)
    relink(db)
    return SubmitResult(created=outcome.created, duplicates=outcome.duplicates, rejected=outcome.rejected,
                        rows=[row.to_dict() for row in outcome.rows])


@router.get("/reports/{report_id}", response_model=ReportRead)
def fetch_report(report_id: str, actor: ApiActor, db: DbSession, unit: str | None = None) -> ReportRead:
    report = service.get_report_by_report_id(db, actor=actor, report_id=report_id, unit_code=unit)
    matches = occurrences_for(db, [report.id]).get(report.id, [])
    return ReportRead.from_row(report, service.unit_codes(db)[report.unit_id], matches, reveal=actor.cleared,
                               classification=service.classification_of(db, report.id))


def _aware(value: datetime | None, settings: Settings) -> datetime | None:
    return value.replace(tzinfo=settings.tz) if value is not None and value.tzinfo is None else value


@router.get("/reports", response_model=ReportList)
def list_reports(
    actor: ApiActor, db: DbSession, settings: SettingsDep,
    q: str | None = None, channel: str | None = None, status: str | None = None,
    crime_type: str | None = None, priority: str | None = None,
    received_from: datetime | None = None, received_to: datetime | None = None,
    sort: SortKey = "newest",
    page: Annotated[int, Query(ge=1)] = 1, page_size: Annotated[int, Query(ge=1, le=500)] = 50,
) -> ReportList:
    received_from, received_to = (_aware(v, settings) for v in (received_from, received_to))
    filters = ReportFilters(q=q, channel=channel, status=status, crime_type=crime_type, priority=priority,
                            received_from=received_from, received_to=received_to, sort=sort)
    results = service.list_reports(db, actor=actor, filters=filters, page=page, page_size=page_size)
    codes = service.unit_codes(db)
    found = occurrences_for(db, [r.id for r in results.items])
    classified = service.classifications_of(db, [r.id for r in results.items])
    return ReportList(items=[ReportRead.from_row(r, codes[r.unit_id], found.get(r.id, []), reveal=actor.cleared,
                                                 classification=classified.get(r.id))
                             for r in results.items],
                      total=results.total, page=results.page, page_size=results.page_size)
