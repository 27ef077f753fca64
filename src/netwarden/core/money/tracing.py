"""``trace``: follow every victim payment (``report_id`` set) through the accounts it reached.

Steps: encode accounts as integers (columnar), find the rows that can carry victim money
(``reach``: joins per hop, connected components, partitions), replay each partition through the
attribution engine, then merge the partitions' results and classify the accounts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any, Literal

import polars as pl

from netwarden.core.money.attribution import AccountFlows, Engine
from netwarden.core.money.cashout import cash_out_points
from netwarden.core.money.reach import reach
from netwarden.core.money.typology import account_class, typologies

Policy = Literal["fifo", "proportional"]
POLICIES = ("fifo", "proportional")
DEFAULT_MAX_HOPS = 6


@dataclass(slots=True)
class Held:
    amount: float = 0.0
    earliest: int | None = None  # arrival (µs) of the oldest victim money still held

    def add(self, amount: float, arrived: int) -> None:
        self.amount += amount
        self.earliest = arrived if self.earliest is None else min(self.earliest, arrived)


@dataclass(slots=True)
class TraceResult:
    """Traced payments, the accounts their money went through, and what each account holds now."""

    payments: pl.DataFrame  # payment, report_id, txn_id, amount, currency, at
    hops: pl.DataFrame  # payment, txn_id, from, to, amount_attributed, at
    reached: pl.DataFrame  # payment, account, amount
    accounts: list[dict[str, Any]]  # classification with evidence, one per account victim money touched
    latest: datetime | None  # the latest transaction time: "now" of the data
    max_hops: int
    policy: str
    held: dict[str, Held] = field(default_factory=dict)

    def money_records(self, *, zone: tzinfo = UTC) -> list[dict[str, Any]]:
        """One record per traced victim payment (FORMATS.md ``money.jsonl``), in payment order."""
        hops_by: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for payment, txn_id, src, dst, amount, at in self.hops.iter_rows():
            hops_by[payment].append({"txn_id": txn_id, "from": src, "to": dst,
                                     "amount_attributed": round(amount, 2), "at": _iso(at, zone)})
        reached_by: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for payment, account, amount in self.reached.iter_rows():
            reached_by[payment].append({"account": account, "amount": round(amount, 2)})
        return [
            {"report_id": report_id, "txn_id": txn_id, "amount": amount, "currency": currency,
             "at": _iso(at, zone), "hops": hops_by.get(payment, []), "reached": reached_by.get(payment, [])}
            for payment, report_id, txn_id, amount, currency, at in self.payments.iter_rows()
        ]


def _from_micros(value: int) -> datetime:
    return datetime.fromtimestamp(value / 1_000_000, UTC)


def _iso(value: datetime, zone: tzinfo) -> str:
    return value.astimezone(zone).isoformat(timespec="seconds")


def _encoded(transactions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, list[str], list[str]]:
    """Rows in replay order with integer accounts and currencies; and the victim payments."""
    order = ["timestamp", "line"] if "line" in transactions.columns else ["timestamp"]
    frame = transactions.sort(order, maintain_order=True).with_row_index("row")
    names = pl.concat([frame.get_column("from_account"), frame.get_column("to_account")]).unique().sort()
    currencies = frame.get_column("currency").unique().sort()
    accounts, money = pl.Enum(names), pl.Enum(currencies)
    is_payment = pl.col("report_id").is_not_null()
    frame = frame.with_columns(
        pl.col("row").cast(pl.Int64),
        pl.col("timestamp").dt.epoch("us").alias("ts"),
        pl.col("from_account").cast(accounts).to_physical().cast(pl.Int64).alias("src"),
        pl.col("to_account").cast(accounts).to_physical().cast(pl.Int64).alias("dst"),
        pl.col("currency").cast(money).to_physical().cast(pl.Int64).alias("cur"),
        pl.when(is_payment).then(is_payment.cast(pl.Int64).cum_sum() - 1).otherwise(-1).alias("payment"),
    )
    return frame, frame.filter(is_payment), names.to_list(), currencies.to_list()


def trace(
    transactions_df: pl.DataFrame, *, max_hops: int = DEFAULT_MAX_HOPS, policy: Policy = "fifo",
    partitions: int = 8,
) -> TraceResult:
    """Trace every victim payment in ``transactions_df`` (the frame ``read_transactions`` returns)."""
    if policy not in POLICIES:
        raise ValueError(f"policy must be one of {', '.join(POLICIES)}, got {policy!r}")
    if max_hops < 1:
        raise ValueError(f"max_hops must be at least 1, got {max_hops}")
    frame, payments, names, _ = _encoded(transactions_df)
    stops_frame = cash_out_points(frame)
    index = {name: i for i, name in enumerate(names)}
    stop_kind = {index[a]: k for a, k in stops_frame.iter_rows()}
    edges = frame.select("row", "ts", "src", "dst", "cur", "amount", "payment")
    found = reach(edges, max_hops=max_hops, stops=pl.Series(list(stop_kind), dtype=pl.Int64), partitions=partitions)
    engines = [
        _run_partition(found.rows.filter(pl.col("partition") == p), found.opening, max_hops, policy, stop_kind)
        for p in found.rows.get_column("partition").unique().sort().to_list()
    ]
    return _merged(frame, payments, names, engines, stop_kind, max_hops=max_hops, policy=policy)


def _run_partition(
    rows: pl.DataFrame, opening: pl.DataFrame, max_hops: int, policy: str, stop_kind: dict[int, str]
) -> Engine:
    """One independent unit of work: a set of whole connected components, replayed in time order."""
    engine = Engine(max_hops=max_hops, proportional=policy == "proportional", stops=frozenset(stop_kind))
    members = pl.concat([rows.get_column("src"), rows.get_column("dst")]).unique().implode()
    engine.open(opening.filter(pl.col("acct").is_in(members)).iter_rows())
    engine.replay(rows.select("row", "ts", "src", "dst", "cur", "amount", "payment", "src_on", "dst_on").iter_rows())
    return engine


def _merged(
    frame: pl.DataFrame, payments: pl.DataFrame, names: list[str], engines: list[Engine],
    stop_kind: dict[int, str], *, max_hops: int, policy: str,
) -> TraceResult:
    hop_rows = [(p, row, amount) for e in engines for (p, row), amount in e.hop_amount.items()]
    hops = (
        pl.DataFrame(hop_rows, schema={"payment": pl.Int64, "row": pl.Int64, "amount_attributed": pl.Float64},
                     orient="row")
        .join(frame.select("row", "txn_id", "from_account", "to_account", "timestamp"), on="row")
        .sort("payment", "row")
        .select("payment", "txn_id", pl.col("from_account").alias("from"), pl.col("to_account").alias("to"),
                "amount_attributed", pl.col("timestamp").alias("at"))
    )
    reached_sum: dict[tuple[int, int], float] = defaultdict(float)
    held: dict[str, Held] = {}
    for engine in engines:
        for key, amount in engine.reached.items():
            reached_sum[key] += amount
        for account, lot in engine.holdings():
            reached_sum[(lot.payment, account)] += lot.amount
            held.setdefault(names[account], Held()).add(lot.amount, lot.arrived)
    for engine in engines:
        for account, account_flows in engine.flows.items():
            # Money at an exchange or a merchant is still there to freeze; cash withdrawn is gone.
            if stop_kind.get(account) in ("exchange", "merchant") and account_flows.received > 0:
                held.setdefault(names[account], Held()).add(account_flows.received, account_flows.first_arrival)
    reached = (
        pl.DataFrame([(p, names[a], amount) for (p, a), amount in reached_sum.items() if amount > 0.005],
                     schema={"payment": pl.Int64, "account": pl.String, "amount": pl.Float64}, orient="row")
        .sort(["payment", "amount", "account"], descending=[False, True, False])
    )
    flows = {a: f for e in engines for a, f in e.flows.items() if f.received > 0}
    accounts = _classified(frame, payments, names, flows, stop_kind, held)
    payment_table = payments.select(
        "payment", "report_id", "txn_id", "amount", "currency", pl.col("timestamp").alias("at")
    )
    latest = frame.get_column("timestamp").max() if frame.height else None
    return TraceResult(payment_table, hops, reached, accounts, latest if isinstance(latest, datetime) else None,
                       max_hops, policy, held)


def _classified(
    frame: pl.DataFrame, payments: pl.DataFrame, names: list[str], flows: dict[int, AccountFlows],
    stop_kind: dict[int, str], held: dict[str, Held],
) -> list[dict[str, Any]]:
    report_of = dict(zip(payments.get_column("payment").to_list(), payments.get_column("report_id").to_list(),
                         strict=True))
    touched = pl.Series("dst", list(flows), dtype=pl.Int64)
    received = frame.filter(pl.col("dst").is_in(touched.implode()))
    institution = dict(
        received.group_by("dst").agg(pl.col("to_institution").drop_nulls().mode().sort().first()).iter_rows()
    )
    stop_inflow = dict(
        received.filter(pl.col("dst").is_in(list(stop_kind))).group_by("dst").agg(pl.col("amount").sum()).iter_rows()
    )
    txn_of = frame.get_column("txn_id")
    out = []
    for account, account_flows in sorted(flows.items(), key=lambda item: names[item[0]]):
        kind = stop_kind.get(account)
        victims = sorted({report_of[p] for p in account_flows.payments})
        total_in = stop_inflow.get(account, 0.0) if kind else account_flows.total_in_after_taint
        found = typologies(account_flows, victims=len(victims), total_inflow=total_in)
        klass = account_class(account_flows, found, cash_out_kind=kind)
        out.append({
            "account": names[account],
            "class": klass,
            "institution": institution.get(account),
            "cash_out_kind": kind,
            "victim_report_ids": victims,
            "received": round(account_flows.received, 2),
            "forwarded": round(account_flows.forwarded, 2),
            "held": round(held[names[account]].amount, 2) if names[account] in held else 0.0,
            "first_arrival": _from_micros(account_flows.first_arrival),
            "last_arrival": _from_micros(account_flows.last_arrival),
            "typologies": found.flags(),
            "evidence": {**found.to_dict(), "min_hops_from_victim": account_flows.min_depth,
                         "inflow_txn_ids": [txn_of[row] for row in account_flows.inflow_rows[:20]]},
        })
    return out
