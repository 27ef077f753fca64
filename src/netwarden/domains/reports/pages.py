"""The triage queue and the report page."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from netwarden.core.classify import LABELS, PRIORITIES
from netwarden.core.occurrences import masked_text, segments
from netwarden.db.models.reports import STATUSES
from netwarden.domains.audit.service import record
from netwarden.domains.identifiers.display import mask_free_text, shown_identifier
from netwarden.domains.identifiers.service import occurrences_for
from netwarden.domains.reports import service
from netwarden.domains.reports.schemas import CHANNELS, ReportFilters
from netwarden.domains.series.service import series_summary
from netwarden.formats.timestamps import parse_timestamp
from netwarden.web.deps import DbSession, SettingsDep, SignedIn, check_csrf
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
    crime_type: str | None = None, priority: str | None = None,
    received_from: Annotated[str | None, Query(alias="from")] = None,
    received_to: Annotated[str | None, Query(alias="to")] = None,
    sort: str = "urgent", p: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    try:
        filters = ReportFilters(
            q=q or None, channel=channel or None, status=status or None, sort=sort,  # type: ignore[arg-type]
            crime_type=crime_type or None, priority=priority or None,
            received_from=_day(received_from, settings, end=False), received_to=_day(received_to, settings, end=True),
        )
    except ValidationError:
        filters = ReportFilters()
    assert page.actor is not None
    results = service.list_reports(db, actor=page.actor, filters=filters, page=p, page_size=settings.page_size)
    found = occurrences_for(db, [r.id for r in results.items])
    excerpts = {r.id: masked_text(r.content.text, found.get(r.id, [])) for r in results.items}
    return render(
        request, page, "queue.html", fragment="_queue_table.html", results=results, filters=filters,
        channels=CHANNELS, statuses=STATUSES, units=service.unit_codes(db), excerpts=excerpts,
        form={"q": q or "", "channel": channel or "", "status": status or "", "from": received_from or "",
              "to": received_to or "", "sort": filters.sort, "crime_type": crime_type or "",
              "priority": priority or ""},
        labels=LABELS, priorities=PRIORITIES,
    )


@router.get("/reports/{report_pk}")
def report_page(request: Request, report_pk: int, page: SignedIn, db: DbSession, reveal: bool = False) -> Response:
    """The report; sensitive identifiers stay masked unless a cleared user asks to see them (audited)."""
    assert page.actor is not None
    report = service.get_report(db, actor=page.actor, report_pk=report_pk)
    may_reveal = page.actor.cleared and page.actor.can("identifiers.unmask")
    revealed = reveal and may_reveal
    if revealed:
        record(db, actor=page.actor, action="identifiers.unmasked", target_type="report", target_id=report.id,
               unit_id=report.unit_id)
    matches = occurrences_for(db, [report.id]).get(report.id, [])
    return render(
        request, page, "report.html", report=report, unit=service.unit_codes(db).get(report.unit_id, ""),
        segments=segments(report.content.text, matches, reveal=revealed),
        identifiers=[shown_identifier(m, reveal=revealed) for m in matches],
        may_reveal=may_reveal, revealed=revealed, mask_text=lambda text: text if revealed else mask_free_text(text),
        classification=service.classification_of(db, report.id), label=service.latest_label(db, report.id),
        labels=LABELS, may_relabel=page.actor.can("reports.relabel"), now=datetime.now(UTC),
        series=series_summary(db, report.id),
    )


@router.post("/reports/{report_pk}/labels")
async def relabel(request: Request, report_pk: int, page: SignedIn, db: DbSession) -> Response:
    """An analyst's correction of the crime types (audited; used when the model is retrained)."""
    form = await request.form()
    check_csrf(request, page, form.get("csrf_token"))
    assert page.actor is not None
    primary = str(form.get("crime_type") or "")
    service.relabel_report(db, actor=page.actor, report_pk=report_pk, crime_type=primary,
                           crime_types=[str(v) for v in form.getlist("crime_types")],
                           note=str(form.get("note") or ""))
    return RedirectResponse(f"/reports/{report_pk}#classification", status_code=303)
