"""The triage queue and the report page."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import ValidationError

from netwarden.domains.reports import service
from netwarden.domains.reports.schemas import CHANNELS, ReportFilters
from netwarden.db.models.reports import STATUSES
from netwarden.formats.timestamps import parse_timestamp
from netwarden.web.deps import DbSession, SettingsDep, SignedIn
from netwarden.web.render import render

router = APIRouter(include_in_schema=False)


def _day(value: str | None, settings: SettingsDep, *, end: bool) -> datetime | None:
    if not value:
        return None
    try:
        return parse_timestamp(value + ("T23:59:59" if end and len(value) == 10 else ""), settings.tz)
    except ValueError:
        return None


@router.get("/queue")
def queue(
    request: Request, page: SignedIn, db: DbSession, settings: SettingsDep,
    q: str | None = None, channel: str | None = None, status: str | None = None,
    received_from: Annotated[str | None, Query(alias="from")] = None,
    received_to: Annotated[str | None, Query(alias="to")] = None,
    sort: str = "urgent", p: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    try:
        filters = ReportFilters(
            q=q or None, channel=channel or None, status=status or None, sort=sort,  # type: ignore[arg-type]
            received_from=_day(received_from, settings, end=False), received_to=_day(received_to, settings, end=True),
        )
    except ValidationError:
        filters = ReportFilters()
    assert page.actor is not None
    results = service.list_reports(db, actor=page.actor, filters=filters, page=p, page_size=settings.page_size)
    return render(
        request, page, "queue.html", fragment="_queue_table.html", results=results, filters=filters,
        channels=CHANNELS, statuses=STATUSES, units=service.unit_codes(db),
        form={"q": q or "", "channel": channel or "", "status": status or "", "from": received_from or "",
              "to": received_to or "", "sort": filters.sort},
    )


@router.get("/reports/{report_pk}")
def report_page(request: Request, report_pk: int, page: SignedIn, db: DbSession) -> Response:
    assert page.actor is not None
    report = service.get_report(db, actor=page.actor, report_pk=report_pk)
    return render(request, page, "report.html", report=report, unit=service.unit_codes(db).get(report.unit_id, ""))
