"""The series page: linked reports on a timeline, the identifiers that link them, and judgements."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from netwarden.core.identifiers import mask, needs_mask
from netwarden.domains.reports.service import unit_codes
from netwarden.domains.series import service
from netwarden.errors import InputError
from netwarden.web.deps import DbSession, SignedIn, check_csrf
from netwarden.web.render import render

router = APIRouter(include_in_schema=False)


def _shown(identifier: str, cleared: bool) -> str:
    kind, _, value = identifier.partition(":")
    # Links are suspect-side identifiers; cards and accounts are still masked for uncleared users.
    return identifier if cleared or not needs_mask(kind, "suspect") else f"{kind}:{mask(kind, value)}"


@router.get("/series/{series_id}")
def series_page(request: Request, series_id: str, page: SignedIn, db: DbSession) -> Response:
    assert page.actor is not None
    view = service.get_series(db, actor=page.actor, series_id=series_id)
    if view.series_id != series_id:
        return RedirectResponse(f"/series/{view.series_id}", status_code=303)
    visible = {r.id for r in view.reports}
    graph = {"reports": [{"id": r.id, "label": r.report_id, "at": r.received_at.isoformat(),
                          "loss": float(r.amount_lost or 0)} for r in view.reports],
             "links": [{"identifier": _shown(link.identifier, page.actor.cleared), "weight": link.weight,
                        "reports": [pk for pk in link.report_pks if pk in visible]} for link in view.links]}
    return render(request, page, "series.html", view=view, units=unit_codes(db), graph_json=json.dumps(
        graph, ensure_ascii=False).replace("</", "<\\/"), shown=lambda ident: _shown(ident, page.actor.cleared),
        may_judge=page.actor.can("series.judge"), by_pk={r.id: r for r in view.reports})


@router.post("/series/{series_id}/judgements")
async def judge(request: Request, series_id: str, page: SignedIn, db: DbSession) -> Response:
    """Merge, split, unlink or withdraw (audited, reversible); linking is re-run at once."""
    form = await request.form()
    check_csrf(request, page, form.get("csrf_token"))
    assert page.actor is not None
    view = service.get_series(db, actor=page.actor, series_id=series_id)  # may this user see it at all?
    action, note = str(form.get("action") or ""), str(form.get("note") or "")[:2000]
    if action == "merge":
        service.merge(db, actor=page.actor, series_ids=[view.series_id, str(form.get("other") or "").strip()],
                      note=note)
    elif action == "split":
        chosen = [int(v) for v in form.getlist("report") if str(v).isdigit()]
        service.split(db, actor=page.actor, report_pks=[pk for pk in chosen if pk in {r.id for r in view.reports}],
                      note=note)
    elif action == "unlink":
        link = next((li for li in view.links if str(li.id) == form.get("link")), None)
        if link is None:
            raise InputError("no such link in this series")
        service.unlink(db, actor=page.actor, report_pks=link.report_pks, identifier=link.identifier, note=note)
    elif action == "withdraw":
        service.withdraw(db, actor=page.actor, judgement_id=str(form.get("judgement") or ""), note=note)
    else:
        raise InputError(f"unknown action {action!r}")
    return RedirectResponse(f"/series/{service.current_id(db, view.series_id)}", status_code=303)
