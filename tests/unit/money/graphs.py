"""Hand-built transaction frames: the shape read_transactions returns, minutes after a fixed start."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl

START = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
Row = tuple[str, float, str, str, float] | tuple[str, float, str, str, float, dict[str, str]]


def frame_of(*rows: Row) -> pl.DataFrame:
    """Rows are (txn_id, minute, from, to, amount[, extras]); extras may set report_id, rail, currency,
    to_institution."""
    records = []
    for line, row in enumerate(rows, start=2):
        txn_id, minute, src, dst, amount = row[:5]
        extra = row[5] if len(row) == 6 else {}  # type: ignore[misc]
        records.append({
            "line": line, "txn_id": txn_id, "timestamp": START + timedelta(minutes=minute),
            "from_account": src, "to_account": dst, "amount": float(amount),
            "currency": extra.get("currency", "CNY"), "rail": extra.get("rail", "bank"),
            "from_institution": "ICBC", "to_institution": extra.get("to_institution", "CCB"),
            "report_id": extra.get("report_id"),
        })
    return pl.DataFrame(records, schema={
        "line": pl.Int64, "txn_id": pl.String, "timestamp": pl.Datetime("us", "UTC"), "from_account": pl.String,
        "to_account": pl.String, "amount": pl.Float64, "currency": pl.String, "rail": pl.String,
        "from_institution": pl.String, "to_institution": pl.String, "report_id": pl.String,
    })


def paid(report_id: str) -> dict[str, str]:
    return {"report_id": report_id}
