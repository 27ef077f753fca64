"""The audit log, for administrators."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from netwarden.domains.audit import service
from netwarden.web.deps import DbSession, SettingsDep, SignedIn
from netwarden.web.render import render

router = APIRouter(include_in_schema=False)


@router.get("/audit")
def audit_log(
    request: Request, page: SignedIn, db: DbSession, settings: SettingsDep,
    action: str | None = None, actor: str | None = None, p: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    assert page.actor is not None
    events = service.list_events(db, actor=page.actor, action=action or None, actor_label=actor or None,
                                 page=p, page_size=settings.page_size)
    return render(request, page, "audit.html", fragment="_audit_table.html", events=events,
                  form={"action": action or "", "actor": actor or ""})
