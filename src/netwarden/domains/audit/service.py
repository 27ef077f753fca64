"""Audit events, written in the same transaction as the change or read they describe."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from netwarden.db.models import AuditEvent
from netwarden.domains.users.access import Actor


def record(
    session: Session,
    *,
    actor: Actor,
    action: str,
    target_type: str,
    target_id: str | int | None = None,
    unit_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    detail: str = "",
) -> AuditEvent:
    event = AuditEvent(
        actor_id=actor.user_id,
        actor_label=actor.label[:128],
        action=action,
        target_type=target_type,
        target_id=None if target_id is None else str(target_id),
        unit_id=unit_id,
        before=before,
        after=after,
        client=actor.client[:64],
        detail=detail,
    )
    session.add(event)
    return event


@dataclass(frozen=True, slots=True)
class AuditPage:
    events: list[AuditEvent]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def list_events(
    session: Session,
    *,
    actor: Actor,
    action: str | None = None,
    actor_label: str | None = None,
    since: datetime | None = None,
    page: int = 1,
    page_size: int = 50,
) -> AuditPage:
    actor.require("audit.read")
    query = select(AuditEvent)
    if action:
        query = query.where(AuditEvent.action.startswith(action))
    if actor_label:
        query = query.where(AuditEvent.actor_label.contains(actor_label))
    if since:
        query = query.where(AuditEvent.at >= since)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(AuditEvent.id.desc()).offset((page - 1) * page_size).limit(page_size)
    ).all()
    return AuditPage(list(rows), total, page, page_size)
