"""Score a trace against a simulated world's truth (``truth/money.jsonl`` and ``accounts.jsonl``).

- ``value_share``: of all victim payment value, the share our ``reached`` puts on the accounts
  where the truth says it ended (per payment, the overlap min(ours, truth) per account).
- Freeze requests: ``precision`` = requested accounts whose true class is collection, mule or
  cash_out; ``recall`` = of the suspect accounts victim money truly passed through or ended in
  (first payee, layering hops, end points), the share requested. Cash withdrawals cannot be
  frozen and are never requested, so ``recall`` leaves them out; ``recall_with_cash`` counts them.
- ``ordinary_in_top``: requests among the first ``top`` that are truly ordinary (or unknown).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

SUSPECT_CLASSES = ("collection", "mule", "cash_out")


def value_share(truth_money: Iterable[Mapping[str, Any]], ours: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    ours_by = {record["txn_id"]: {r["account"]: float(r["amount"]) for r in record["reached"]} for record in ours}
    total: dict[str, float] = defaultdict(float)
    matched: dict[str, float] = defaultdict(float)
    missing = 0
    for record in truth_money:
        currency = record.get("currency", "CNY")
        total[currency] += float(record["amount"])
        mine = ours_by.get(record["txn_id"])
        if mine is None:
            missing += 1
            continue
        matched[currency] += sum(min(float(r["amount"]), mine.get(r["account"], 0.0)) for r in record["reached"])
    all_total = sum(total.values())
    return {
        "value_share": round(sum(matched.values()) / all_total, 4) if all_total else None,
        "by_currency": {c: round(matched[c] / total[c], 4) for c in sorted(total) if total[c]},
        "payments": sum(1 for _ in ours_by),
        "truth_payments_not_traced": missing,
    }


def accounts_on_paths(
    truth_money: Iterable[Mapping[str, Any]], hop_accounts: Mapping[str, tuple[str, str]]
) -> set[str]:
    """Accounts victim money truly touched; ``hop_accounts`` maps a txn id to (from, to)."""
    touched: set[str] = set()
    for record in truth_money:
        touched.add(record["collection_account"])
        touched.update(r["account"] for r in record["reached"])
        for txn_id in record.get("hop_txn_ids", []):
            touched.update(hop_accounts.get(txn_id, ()))
    return touched


def freeze_scores(
    requests: Sequence[Mapping[str, Any]], truth_class: Mapping[str, str], on_paths: set[str], *, top: int = 100
) -> dict[str, Any]:
    requested = [r["account"] for r in requests]
    suspects = {a for a in on_paths if truth_class.get(a) in SUSPECT_CLASSES}
    freezable = {a for a in suspects if not a.startswith("cash:")}
    right = [a for a in requested if truth_class.get(a) in SUSPECT_CLASSES]
    wrong_top = [a for a in requested[:top] if truth_class.get(a) not in SUSPECT_CLASSES]
    chosen = set(requested)
    return {
        "requests": len(requested),
        "precision": round(len(right) / len(requested), 4) if requested else None,
        "recall": round(len(freezable & chosen) / len(freezable), 4) if freezable else None,
        "recall_with_cash": round(len(suspects & chosen) / len(suspects), 4) if suspects else None,
        "suspect_accounts_on_paths": len(suspects),
        "ordinary_in_top": len(wrong_top),
        "ordinary_in_top_accounts": wrong_top[:20],
        "top": top,
        "by_priority": _by_priority(requests),
    }


def _by_priority(requests: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for request in requests:
        counts[request["priority"]] += 1
    return dict(sorted(counts.items()))
