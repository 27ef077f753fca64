"""Reports: bulk intake (idempotent on report_id), the triage listing, audited reads, public intake."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from netwarden.core.classify import LABELS
from netwarden.db.base import utcnow
from netwarden.db.engine import dialect_insert
from netwarden.db.models import Report, ReportClassification, ReportContent, ReportLabel, Unit
from netwarden.domains.audit.service import record
from netwarden.domains.reports.schemas import IngestOutcome, PublicReportForm, ReportFilters, ReportPage, RowResult
from netwarden.domains.users.access import Actor
from netwarden.domains.users.service import get_unit
from netwarden.errors import ConflictError, InputError, NotFoundError
from netwarden.formats import ParsedReport, Rejection
from netwarden.settings import Settings

BATCH_ROWS = 2000
# Public-form fields kept beside the narrative (the form's other fields have columns of their own).
PUBLIC_EXTRA_FIELDS = frozenset({"suspect_details", "contact", "happened_at", "language"})
RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read over the phone


def _report_values(parsed: ParsedReport, *, unit_id: int, source: str, source_file: str | None) -> dict[str, Any]:
    report = parsed.report
    now = utcnow()
    return {
        "report_id": report.report_id,
        "unit_id": unit_id,
        "received_at": report.received_at,
        "channel": report.channel,
        "victim_age": report.victim.age,
        "victim_gender": report.victim.gender,
        "victim_region": report.victim.region,
        "victim_occupation": report.victim.occupation,
        "amount_lost": report.amount_lost,
        "currency": report.currency,
        "last_payment_at": report.last_payment_at,
        "status": "new",
        "source": source,
        "source_file": source_file,
        "urgency": 0,
        "created_at": now,
        "updated_at": now,
    }


def _content_values(parsed: ParsedReport, report_pk: int) -> dict[str, Any]:
    report = parsed.report
    return {
        "report_pk": report_pk,
        "text": report.text,
        "given_identifiers": [i.model_dump() for i in report.identifiers],
        "messages": [m.model_dump(mode="json", by_alias=True) for m in report.messages],
        "extra": report.extra,
        "raw": parsed.raw,
    }


def ingest_reports(
    session: Session,
    *,
    actor: Actor,
    rows: Iterable[ParsedReport | Rejection],
    unit_id: int,
    source: str,
    source_file: str | None = None,
    on_rejected: Callable[[Rejection], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    keep_row_results: bool = True,
) -> IngestOutcome:
    """Store new reports; a ``report_id`` already stored for the unit is a duplicate and adds nothing."""
    actor.require("reports.submit")
    outcome = IngestOutcome()
    batch: list[ParsedReport] = []

    def flush() -> None:
        _store_batch(session, actor=actor, batch=batch, unit_id=unit_id, source=source,
                     source_file=source_file, outcome=outcome, keep_row_results=keep_row_results)
        if on_progress:
            on_progress(len(batch))
        batch.clear()

    for row in rows:
        if isinstance(row, Rejection):
            outcome.rejected += 1
            if keep_row_results:
                outcome.rows.append(RowResult(row.line, _raw_id(row.raw), "rejected", row.code, row.field, row.error))
            if on_rejected:
                on_rejected(row)
            if on_progress:
                on_progress(1)
            continue
        batch.append(row)
        if len(batch) >= BATCH_ROWS:
            flush()
    if batch:
        flush()
    outcome.rows.sort(key=lambda row: row.line)
    return outcome


def _raw_id(raw: Any) -> str | None:
    value = raw.get("report_id") if isinstance(raw, dict) else None
    return str(value) if value is not None else None


def _store_batch(
    session: Session, *, actor: Actor, batch: list[ParsedReport], unit_id: int, source: str,
    source_file: str | None, outcome: IngestOutcome, keep_row_results: bool,
) -> None:
    # ON CONFLICT DO NOTHING lets the unique (unit_id, report_id) index decide what is new, in
    # one statement per batch, without a lookup whose plan degrades as a big import grows.
    # Core statements on the tables: the ORM's per-row bookkeeping would cost more than the inserts.
    reports, contents = Report.__table__, ReportContent.__table__
    statement = (dialect_insert(session, reports)
                 .on_conflict_do_nothing(index_elements=["unit_id", "report_id"])
                 .returning(reports.c.report_id, reports.c.id))
    values = [_report_values(p, unit_id=unit_id, source=source, source_file=source_file) for p in batch]
    connection = session.connection()
    created = {row.report_id: row.id for row in connection.execute(statement, values)}
    if created:
        connection.execute(contents.insert(), [_content_values(p, created[p.report.report_id])
                                               for p in batch if p.report.report_id in created])
    fresh = [parsed for parsed in batch if parsed.report.report_id in created]
    if fresh:
        record(session, actor=actor, action="reports.ingested", target_type="report_batch", unit_id=unit_id,
               after={"count": len(fresh), "source": source, "file": source_file,
                      "report_ids": [p.report.report_id for p in fresh]})
    outcome.created += len(fresh)
    outcome.created_pks.extend(created.values())
    outcome.duplicates += len(batch) - len(fresh)
    if keep_row_results:
        outcome.rows.extend(
            RowResult(p.line, p.report.report_id, "created" if p.report.report_id in created else "duplicate")
            for p in batch
        )


def _visible(query: Select[Any], actor: Actor) -> Select[Any]:
    if actor.visible_units is None:
        return query
    return query.where(Report.unit_id.in_(actor.visible_units))


_ORDER = {
    "urgent": (Report.urgency.desc(), Report.received_at.desc(), Report.id.desc()),
    "newest": (Report.received_at.desc(), Report.id.desc()),
    "oldest": (Report.received_at, Report.id),
    "amount": (Report.amount_lost.is_(None), Report.amount_lost.desc(), Report.id.desc()),
}


def _filtered(query: Select[Any], actor: Actor, filters: ReportFilters) -> Select[Any]:
    query = _visible(query, actor)
    if filters.q:
        needle = filters.q.strip()
        in_text = select(ReportContent.report_pk).where(ReportContent.text.contains(needle))
        query = query.where(or_(Report.report_id == needle, Report.id.in_(in_text)))
    for column, value in ((Report.channel, filters.channel), (Report.status, filters.status),
                          (Report.crime_type, filters.crime_type), (Report.priority, filters.priority)):
        if value:
            query = query.where(column == value)
    if filters.received_from:
        query = query.where(Report.received_at >= filters.received_from)
    if filters.received_to:
        query = query.where(Report.received_at <= filters.received_to)
    return query


def list_reports(
    session: Session, *, actor: Actor, filters: ReportFilters, page: int = 1, page_size: int = 50
) -> ReportPage:
    actor.require("reports.read")
    page = max(1, page)
    total = session.scalar(_filtered(select(func.count(Report.id)), actor, filters)) or 0
    # Sort and page over narrow index rows first, then load the few whole rows (texts are large).
    ids = list(session.scalars(_filtered(select(Report.id), actor, filters)
                               .order_by(*_ORDER[filters.sort]).offset((page - 1) * page_size).limit(page_size)))
    rows = {report.id: report for report in session.scalars(
        select(Report).where(Report.id.in_(ids)).options(selectinload(Report.content)))}
    return ReportPage([rows[i] for i in ids], total, page, page_size)


def get_report(session: Session, *, actor: Actor, report_pk: int) -> Report:
    """One report, audited. Missing and not-visible give the same answer."""
    actor.require("reports.read")
    report = session.scalar(select(Report).where(Report.id == report_pk).options(selectinload(Report.content))
                            .execution_options(populate_existing=True))
    if report is None or not actor.sees_unit(report.unit_id):
        raise NotFoundError("no such report", report=report_pk)
    record(session, actor=actor, action="report.viewed", target_type="report", target_id=report.id,
           unit_id=report.unit_id)
    return report


def get_report_by_report_id(session: Session, *, actor: Actor, report_id: str, unit_code: str | None = None) -> Report:
    actor.require("reports.read")
    query = _visible(select(Report).where(Report.report_id == report_id), actor)
    if unit_code:
        query = query.join(Unit, Unit.id == Report.unit_id).where(Unit.code == unit_code)
    matches = list(session.scalars(query.limit(2)))
    if not matches:
        raise NotFoundError("no such report", report=report_id)
    if len(matches) > 1:
        raise ConflictError(f"report_id {report_id!r} exists in several of your units; pass ?unit=CODE")
    return get_report(session, actor=actor, report_pk=matches[0].id)


def unit_codes(session: Session) -> dict[int, str]:
    return {row.id: row.code for row in session.execute(select(Unit.id, Unit.code))}


def _receipt_code() -> str:
    chars = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(12))
    return f"NW-{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def _receipt_hash(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


def submit_public_report(
    session: Session, *, actor: Actor, form: PublicReportForm, settings: Settings, language: str
) -> tuple[Report, str]:
    """File a report from the public form; returns the report and the receipt code (shown once)."""
    actor.require("reports.submit_public")
    unit = get_unit(session, settings.public_intake_unit)
    now = utcnow()
    code = _receipt_code()
    raw = form.model_dump(mode="json") | {"language": language}
    report = Report(
        report_id=f"WEB-{now:%Y%m%d}-{secrets.token_hex(4).upper()}", unit_id=unit.id, received_at=now,
        channel="web", victim_age=form.victim_age, amount_lost=form.amount_lost, currency="CNY",
        last_payment_at=form.last_payment_at, status="new", source="public", receipt_hash=_receipt_hash(code),
        urgency=0,
        content=ReportContent(
            text=form.text, given_identifiers=[], messages=[], raw=raw,
            extra={k: v for k, v in raw.items() if k in PUBLIC_EXTRA_FIELDS and v},
        ),
    )
    session.add(report)
    session.flush()
    record(session, actor=actor, action="report.submitted_public", target_type="report", target_id=report.id,
           unit_id=unit.id, after={"report_id": report.report_id})
    return report, code


def status_by_receipt(session: Session, *, code: str) -> tuple[str, datetime]:
    """What a reporter may see with their receipt code: the status and when it was received."""
    found = session.execute(
        select(Report.status, Report.received_at).where(Report.receipt_hash == _receipt_hash(code))
    ).first()
    if found is None:
        raise NotFoundError("no report with this receipt code")
    return found.status, found.received_at


def classification_of(session: Session, report_pk: int) -> ReportClassification | None:
    return session.get(ReportClassification, report_pk)


def classifications_of(session: Session, report_pks: list[int]) -> dict[int, ReportClassification]:
    return {c.report_pk: c for c in session.scalars(
        select(ReportClassification).where(ReportClassification.report_pk.in_(report_pks)))}


def latest_label(session: Session, report_pk: int) -> ReportLabel | None:
    return session.scalar(select(ReportLabel).where(ReportLabel.report_pk == report_pk)
                          .order_by(ReportLabel.id.desc()).limit(1))


def relabel_report(
    session: Session, *, actor: Actor, report_pk: int, crime_types: list[str], crime_type: str, note: str = ""
) -> ReportLabel:
    """An analyst corrects the crime types; the label outranks the model's and feeds retraining."""
    actor.require("reports.relabel")
    if crime_type not in LABELS or any(label not in LABELS for label in crime_types):
        raise InputError(f"unknown crime type; choose from {', '.join(LABELS)}", field="crime_type")
    labels = sorted(set(crime_types) | {crime_type}, key=LABELS.index)
    report = get_report(session, actor=actor, report_pk=report_pk)
    before = {"crime_type": report.crime_type}
    label = ReportLabel(report_pk=report.id, crime_type=crime_type, crime_types=labels, note=note[:2000],
                        user_id=actor.user_id)
    session.add(label)
    report.crime_type = crime_type
    record(session, actor=actor, action="report.relabelled", target_type="report", target_id=report.id,
           unit_id=report.unit_id, before=before, after={"crime_type": crime_type, "crime_types": labels,
                                                         "note": note[:200]})
    return label


def feedback_rows(session: Session) -> list[dict[str, Any]]:
    """Every report's newest analyst label, as training rows {id, text, labels, primary} for the model."""
    newest = (select(func.max(ReportLabel.id)).group_by(ReportLabel.report_pk)).scalar_subquery()
    rows = session.execute(
        select(ReportLabel, Report.report_id, Report.unit_id, ReportContent.text)
        .join(Report, Report.id == ReportLabel.report_pk).join(ReportContent, ReportContent.report_pk == Report.id)
        .where(ReportLabel.id.in_(newest)).order_by(ReportLabel.id)
    )
    return [{"id": f"feedback-{unit_id}-{report_id}", "text": text, "labels": label.crime_types,
             "primary": label.crime_type, "lang": "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"}
            for label, report_id, unit_id, text in rows]
