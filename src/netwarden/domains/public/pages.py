"""What the public sees without logging in: the report form, the receipt, the status check."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import ValidationError

from netwarden.domains.reports import service
from netwarden.domains.reports.analysis import analyse_reports
from netwarden.domains.reports.schemas import PublicReportForm
from netwarden.domains.series.service import relink
from netwarden.domains.users.access import Actor
from netwarden.errors import NotFoundError
from netwarden.formats.timestamps import parse_timestamp
from netwarden.web.deps import ConsoleDep, DbSession, SettingsDep, check_csrf, client_of
from netwarden.web.render import render

router = APIRouter(include_in_schema=False)
FORM_FIELDS = ("text", "happened_at", "amount_lost", "last_payment_at", "victim_age", "suspect_details", "contact")
TIME_FIELDS = ("happened_at", "last_payment_at")


def _form_errors(values: dict[str, str], settings: SettingsDep) -> tuple[PublicReportForm | None, dict[str, str]]:
    """Validate the form; errors are catalog keys per field so they show in the visitor's language."""
    errors: dict[str, str] = {}
    data: dict[str, Any] = {k: v for k, v in values.items() if v.strip()}
    for name in TIME_FIELDS:
        if name in data:
            try:
                data[name] = parse_timestamp(data[name], settings.tz)
            except ValueError:
                errors[name] = "form.error.datetime"
                del data[name]
    try:
        parsed = PublicReportForm.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            field = str(error["loc"][0]) if error["loc"] else "text"
            errors.setdefault(field, _error_key(error["type"]))
        return None, errors
    return (None, errors) if errors else (parsed, {})


def _error_key(kind: str) -> str:
    if kind in {"missing", "string_too_short"}:
        return "form.error.too_short"
    if kind == "string_too_long":
        return "form.error.too_long"
    if kind.startswith(("greater_than", "less_than")):
        return "form.error.range"
    return "form.error.invalid"


@router.get("/report")
def report_form(request: Request, page: ConsoleDep) -> Response:
    return render(request, page, "public_form.html", values={}, errors={})


@router.post("/report")
async def submit_report(request: Request, page: ConsoleDep, db: DbSession, settings: SettingsDep) -> Response:
    form = await request.form()
    check_csrf(request, page, form.get("csrf_token"))
    values = {name: str(form.get(name) or "") for name in FORM_FIELDS}
    client = client_of(request)
    if not request.app.state.public_limiter.allow(client):
        return render(request, page, "public_form.html", status_code=429, values=values,
                      errors={"_form": "form.error.rate_limited"})
    parsed, errors = _form_errors(values, settings)
    if parsed is None:
        return render(request, page, "public_form.html", status_code=422, values=values, errors=errors)
    report, code = service.submit_public_report(
        db, actor=Actor.public(client, page.language), form=parsed, settings=settings, language=page.language
    )
    analyse_reports(db, settings=settings, report_pks=[report.id])
    relink(db)
    return render(request, page, "public_receipt.html", code=code, report=report)


@router.get("/status")
def status_form(request: Request, page: ConsoleDep) -> Response:
    return render(request, page, "public_status.html", result=None, code="", error=None)


@router.post("/status")
async def status_lookup(request: Request, page: ConsoleDep, db: DbSession) -> Response:
    form = await request.form()
    check_csrf(request, page, form.get("csrf_token"))
    code = str(form.get("code") or "").strip()[:40]
    if not request.app.state.public_limiter.allow(f"status:{client_of(request)}"):
        return render(request, page, "public_status.html", status_code=429, result=None, code=code,
                      error="form.error.rate_limited")
    try:
        status, received_at = service.status_by_receipt(db, code=code)
    except NotFoundError:
        return render(request, page, "public_status.html", status_code=404, result=None, code=code,
                      error="lookup.not_found")
    return render(request, page, "public_status.html", result={"status": status, "received_at": received_at},
                  code=code, error=None)
