"""series.jsonl records (FORMATS.md) from a link result and per-report facts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from netwarden.core.linking.model import LinkResult


@dataclass(frozen=True, slots=True)
class ReportMeta:
    crime_types: tuple[str, ...]
    amount: Decimal | None
    received_at: datetime


def series_records(result: LinkResult, reports_meta: Mapping[str, ReportMeta]) -> list[dict[str, Any]]:
    """One record per series touched by the run (every series, for a batch run).

    A repeated report (``duplicates``) is one victim telling the same story again: it counts in
    ``report_ids`` but not in ``total_loss``.
    """
    members = result.state.members.filter(result.state.members["series"].is_in(list(result.touched_series)))
    by_series: dict[str, list[tuple[str, str | None]]] = {}
    for report, series, original in members.select("report", "series", "duplicate_of").iter_rows():
        by_series.setdefault(series, []).append((report, original))
    links: dict[str, list[dict[str, Any]]] = {}
    for series, ident, weight, report_ids in result.links.iter_rows():
        links.setdefault(series, []).append(
            {"identifier": ident, "report_ids": report_ids, "weight": round(float(weight), 3)}
        )
    merged_from: dict[str, list[str]] = {}
    for old, survivor in result.merged_now.iter_rows():
        merged_from.setdefault(survivor, []).append(old)
    records = []
    for series in sorted(by_series):
        rows = sorted(by_series[series], key=lambda row: (reports_meta[row[0]].received_at, row[0]))
        metas = [reports_meta[report] for report, _ in rows]
        originals = [reports_meta[report] for report, original in rows if original is None]
        losses = [meta.amount for meta in originals if meta.amount is not None]
        types = sorted({label for meta in metas for label in meta.crime_types})
        records.append({
            "series_id": series,
            "report_ids": [report for report, _ in rows],
            "crime_types": types,
            "links": links.get(series, []),
            "total_loss": float(sum(losses, Decimal(0))),
            "first_seen": metas[0].received_at.isoformat(),
            "last_seen": metas[-1].received_at.isoformat(),
            "duplicates": {report: original for report, original in rows if original is not None},
            "merged_from": sorted(merged_from.get(series, [])),
        })
    return records
