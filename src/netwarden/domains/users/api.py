"""Who am I: lets a partner check its token and unit."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from netwarden.web.deps import ApiActor

router = APIRouter(tags=["users"])


@router.get("/me")
def me(actor: ApiActor) -> dict[str, Any]:
    return {"user": actor.label.split(":", 1)[1], "role": actor.role, "unit_id": actor.unit_id}
