"""Freeze requests: which suspect accounts to ask an institution to hold, most urgent first.

Only accounts classified collection, mule or cash_out are requested; an ordinary account that a
slice of victim money happened to reach is never put forward (a wrong freeze harms a bystander).
Cash already withdrawn cannot be frozen, so cash points are left out too.

- ``amount_traceable``: victim money still in the account at the end of the data (for an
  exchange deposit address or a merchant: all victim money paid into it, which the institution
  still holds for the customer).
- ``deadline``: when the oldest victim money still held arrived, plus the freeze window (48 h by
  default: China's emergency stop-payment hold; the FBI kill chain works within 72 h). With
  nothing held, the last arrival plus the window: freezing then stops the next batch.
- ``priority``: P0 money held and the deadline not passed; P1 money held but the window passed, or
  nothing held yet still inside the window; P2 nothing left and the window passed.
- Order: P0 by deadline (soonest first), then larger amounts; P1 by amount; P2 by victims.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from netwarden.core.money.tracing import TraceResult

FREEZABLE_CLASSES = ("collection", "mule", "cash_out")


def freeze_requests(
    trace_result: TraceResult, *, now: datetime | None = None, window_hours: float = 48, zone: tzinfo = UTC
) -> list[dict[str, Any]]:
    """Freeze requests (FORMATS.md ``freeze_requests.jsonl``), most urgent first.

    ``now`` defaults to the latest transaction in the data.
    """
    if window_hours <= 0:
        raise ValueError(f"window_hours must be positive, got {window_hours}")
    moment = now or trace_result.latest or datetime.now(UTC)
    window = timedelta(hours=window_hours)
    ranked: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    for account in trace_result.accounts:
        if account["class"] not in FREEZABLE_CLASSES or account["cash_out_kind"] == "cash":
            continue
        held = trace_result.held.get(account["account"])
        amount = round(held.amount, 2) if held else 0.0
        if held and held.earliest is not None and amount > 0:
            since = datetime.fromtimestamp(held.earliest / 1_000_000, UTC)
        else:
            since = account["last_arrival"]
        deadline = since + window
        open_window = deadline > moment
        if amount > 0 and open_window:
            priority, key = "P0", (0, deadline.timestamp(), -amount)
        elif amount > 0 or open_window:
            priority, key = "P1", (1, -amount, deadline.timestamp())
        else:
            priority, key = "P2", (2, -len(account["victim_report_ids"]), -account["received"])
        ranked.append((
            (*key, account["account"]),
            {
                "account": account["account"],
                "institution": account["institution"],
                "amount_traceable": amount,
                "victim_report_ids": account["victim_report_ids"],
                "deadline": deadline.astimezone(zone).isoformat(timespec="seconds"),
                "priority": priority,
                "evidence": {
                    "class": account["class"],
                    "typologies": account["typologies"],
                    "money_reached_at": since.astimezone(zone).isoformat(timespec="seconds"),
                    "window_hours": window_hours,
                    "received": account["received"],
                    "forwarded": account["forwarded"],
                    **account["evidence"],
                },
            },
        ))
    ranked.sort(key=lambda item: item[0])
    return [request for _, request in ranked]
