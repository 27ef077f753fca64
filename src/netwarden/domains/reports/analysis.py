"""Analysing stored reports: identifiers and classification, in batches, optionally in worker processes.

The batch pipeline (`netwarden analyze`) calls the same pure `core.analysis.analyse_batch`, so a
report gets the same identifiers, labels and priority whichever path analysed it.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from decimal import Decimal
from functools import cache

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from netwarden.core.analysis import BATCH_REPORTS, ReportAnalysis, ReportInput, analyse_batch
from netwarden.core.classify.classifier import load_default_model
from netwarden.db.engine import dialect_insert
from netwarden.db.models import Report, ReportClassification, ReportContent, ReportLabel
from netwarden.db.models.reports import URGENCY
from netwarden.domains.identifiers.service import store_occurrences
from netwarden.settings import Settings

# Bump when extraction or classification changes enough that stored results should be recomputed.
ANALYSIS_VERSION = 1



def _inputs(session: Session, pks: Sequence[int]) -> list[ReportInput]:
    rows = session.execute(
        select(Report.id, Report.received_at, Report.last_payment_at, Report.victim_age, Report.amount_lost,
               ReportContent.text, ReportContent.given_identifiers, ReportContent.messages, ReportContent.extra)
        .join(ReportContent, ReportContent.report_pk == Report.id).where(Report.id.in_(pks))
    )
    return [
        ReportInput(
            key=row.id, text=row.text,
            given=[(str(i.get("type", "")), str(i.get("value", "")), str(i.get("role", "unknown")))
                   for i in row.given_identifiers or []],
            messages=[(str(m.get("from", "unknown")), str(m.get("text", ""))) for m in row.messages or []],
            suspect_notes=[str(row.extra["suspect_details"])]
            if isinstance(row.extra, dict) and row.extra.get("suspect_details") else [],
            received_at=row.received_at, last_payment_at=row.last_payment_at, victim_age=row.victim_age,
            amount_lost=float(row.amount_lost) if isinstance(row.amount_lost, Decimal) else row.amount_lost,
        )
        for row in rows
    ]


def _store(session: Session, results: list[ReportAnalysis], model_version: str) -> int:
    pks = [int(r.key) for r in results]
    stored = store_occurrences(session, [(int(r.key), r.identifiers) for r in results])
    values = [{"report_pk": int(r.key), "crime_type": r.classification.crime_type,
               "crime_types": list(r.classification.crime_types),
               "scores": {k: round(v, 4) for k, v in r.classification.scores.items()},
               "priority": r.classification.priority,
               "reasons": [reason.to_dict() for reason in r.classification.reasons],
               "actions": [action.to_dict() for action in r.classification.actions],
               "model_version": model_version} for r in results]
    statement = dialect_insert(session, ReportClassification)
    session.execute(statement.on_conflict_do_update(
        index_elements=["report_pk"],
        set_={name: statement.excluded[name] for name in
              ("crime_type", "crime_types", "scores", "priority", "reasons", "actions", "model_version")}),
        values)
    relabelled = set(session.scalars(select(ReportLabel.report_pk).where(ReportLabel.report_pk.in_(pks))))
    changes = [{"id": int(r.key), "priority": r.classification.priority,
                "urgency": URGENCY[r.classification.priority], "analysed_version": ANALYSIS_VERSION,
                "crime_type": r.classification.crime_type} for r in results]
    # One executemany per shape; an analyst's label outranks the model's crime type.
    model_labelled = [c for c in changes if c["id"] not in relabelled]
    analyst_labelled = [{k: v for k, v in c.items() if k != "crime_type"} for c in changes if c["id"] in relabelled]
    for rows in (model_labelled, analyst_labelled):
        if rows:
            session.execute(update(Report), rows)
    return stored


def pending_reports(session: Session, *, every: bool = False) -> list[int]:
    """Reports this version of the analysis has not seen (or every report)."""
    query = select(Report.id).order_by(Report.id)
    if not every:
        query = query.where(Report.analysed_version < ANALYSIS_VERSION)
    return list(session.scalars(query))


@cache
def _model_version() -> str:
    """Which trained model classified a report: its training date and corpus hash, from the model card."""
    card = load_default_model().card
    return f"{card.get('trained_on', '?')}+{str(card.get('corpus_sha256', ''))[:12]}"


def _chunks(values: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def analyse_reports(
    session: Session, *, settings: Settings, report_pks: Sequence[int] | None = None, workers: int = 1,
    on_progress: Callable[[int], None] | None = None, batch_reports: int = BATCH_REPORTS,
) -> int:
    """Analyse the given reports (default: every report not analysed by this version) and store the results.

    With ``workers > 1`` the analysis runs in that many processes while this one reads and writes.
    Returns the number of identifier occurrences stored.
    """
    model_version = _model_version()
    if report_pks is None:
        report_pks = pending_reports(session)
    region, window = settings.default_region, settings.freeze_window_hours
    stored = 0
    if workers <= 1 or len(report_pks) <= batch_reports:
        for pks in _chunks(report_pks, batch_reports):
            stored += _store(session, analyse_batch(_inputs(session, pks), region, window), model_version)
            if on_progress:
                on_progress(len(pks))
        return stored
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver")) as pool:
        pending: deque[tuple[int, Future[list[ReportAnalysis]]]] = deque()

        def drain() -> int:
            count, future = pending.popleft()
            done = _store(session, future.result(), model_version)
            if on_progress:
                on_progress(count)
            return done

        for pks in _chunks(report_pks, batch_reports):
            pending.append((len(pks), pool.submit(analyse_batch, _inputs(session, pks), region, window)))
            if len(pending) > 2 * workers:
                stored += drain()
        while pending:
            stored += drain()
    return stored
