"""The per-report analysis shared by the store and the batch pipeline: identifiers and classification."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from netwarden.core.classify import Classification, classify
from netwarden.core.identifiers import Match
from netwarden.core.occurrences import report_identifiers

# Reports per unit of work handed to a worker process.
BATCH_REPORTS = 500


@dataclass(frozen=True, slots=True)
class ReportInput:
    """What analysis needs of one report (plain data: it crosses process boundaries)."""

    key: int | str
    text: str
    given: list[tuple[str, str, str]]
    messages: list[tuple[str, str]]
    suspect_notes: list[str]
    received_at: datetime | None
    last_payment_at: datetime | None
    victim_age: int | None
    amount_lost: float | None


@dataclass(frozen=True, slots=True)
class ReportAnalysis:
    key: int | str
    identifiers: list[Match]
    classification: Classification


def analyse_batch(items: Sequence[ReportInput], region: str, freeze_window_hours: float) -> list[ReportAnalysis]:
    """Pure: identifiers and classification for each report."""
    return [
        ReportAnalysis(
            item.key,
            report_identifiers(item.text, given=item.given, messages=item.messages,
                               suspect_notes=item.suspect_notes, default_region=region),
            classify(item.text, received_at=item.received_at, last_payment_at=item.last_payment_at,
                     victim_age=item.victim_age, amount_lost=item.amount_lost,
                     messages=[text for _, text in item.messages], freeze_window_hours=freeze_window_hours),
        )
        for item in items
    ]
