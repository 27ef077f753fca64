"""Identifier search: every report (and later every series) in which a number, account or wallet appears."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from netwarden.core.identifiers import mask, needs_mask
from netwarden.domains.identifiers import service
from netwarden.domains.reports.service import unit_codes
from netwarden.domains.series.service import series_of_reports
from netwarden.web.deps import DbSession, SettingsDep, SignedIn
from netwarden.web.render import render

router = APIRouter(include_in_schema=False)


@router.get("/identifiers")
def search_page(request: Request, page: SignedIn, db: DbSession, settings: SettingsDep, q: str = "") -> Response:
    assert page.actor is not None
    query = q.strip()[:200]
    hits = service.search(db, actor=page.actor, query=query, default_region=settings.default_region) if query else []

    def shown(kind: str, value: str, role: str) -> str:
        # Search results never reveal: the report page is where a cleared user unmasks, audited.
        return mask(kind, value) if needs_mask(kind, role) else value

    series = series_of_reports(db, [s.report.id for hit in hits for s in hit.sightings])
    return render(request, page, "identifiers.html", query=query, hits=hits, shown=shown,
                  units=unit_codes(db), series=series)
