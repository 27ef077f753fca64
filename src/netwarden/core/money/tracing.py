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

from netwarden.core.money.attribution import Engine
from netwarden.core.money.cashout import cash_out_points
from netwarden.core.money.reach import Reach, reach
from netwarden.core.money.typology import arrival_stats, classified, departure_stats

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
        for payment, txn_id, src, dst, amount, at in self.hops.with_columns(_iso_column("at", zone)).iter_rows():
            hops_by[payment].append({"txn_id": txn_id, "from": src, "to": dst,
                                     "amount_attributed": round(amount, 2), "at": at})
        reached_by: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for payment, account, amount in self.reached.iter_rows():
            reached_by[payment].append({"account": account, "amount": round(amount, 2)})
        return [
            {"report_id": report_id, "txn_id": txn_id, "amount": amount, "currency": currency,
             "at": at, "hops": hops_by.get(payment, []), "reached": reached_by.get(payment, [])}
            for payment, report_id, txn_id, amount, currency, at in self.payments.with_columns(
                _iso_column("at", zone)).iter_rows()
        ]


def _iso_column(name: str, zone: tzinfo) -> pl.Expr:
    """ISO 8601 with the zone's explicit offset, formatted in one vectorised pass."""
    return pl.col(name).dt.convert_time_zone(str(zone)).dt.strftime("%Y-%m-%dT%H:%M:%S%:z")


def _from_micros(value: int) -> datetime:
    return datetime.fromtimestamp(value / 1_000_000, UTC)


def _encoded(transactions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Rows in replay order with integer accounts and currencies; and the victim payments.

    Accounts become 64-bit hashes of their names: one vectorised pass over millions of rows
    (a categorical dictionary of a million names is many times slower). ``_names`` checks that
    no two accounts that matter share a hash.
    """
    order = ["timestamp", "line"] if "line" in transactions.columns else ["timestamp"]
    in_order = all(transactions.get_column(name).is_sorted() for name in order)
    # Exports are usually in time order already; sorting would copy every column of every row.
    frame = (transactions if in_order else transactions.sort(order, maintain_order=True)).with_row_index("row")
    is_payment = pl.col("report_id").is_not_null()
    frame = frame.with_columns(
        pl.col("row").cast(pl.Int64),
        pl.col("timestamp").dt.epoch("us").alias("ts"),
        pl.col("from_account").hash().alias("src"),
        pl.col("to_account").hash().alias("dst"),
        pl.col("currency").hash().alias("cur"),
        pl.when(is_payment).then(is_payment.cast(pl.Int64).cum_sum() - 1).otherwise(-1).alias("payment"),
    )
    return frame, frame.filter(is_payment)


def _names(frame: pl.DataFrame, codes: pl.Series) -> dict[int, str]:
    """Account name of each code in ``codes``."""
    wanted = codes.implode()
    pairs = pl.concat([
        frame.select(pl.col(code).alias("code"), pl.col(name).alias("name")).filter(pl.col("code").is_in(wanted))
        for code, name in (("src", "from_account"), ("dst", "to_account"))
    ]).unique()
    if pairs.get_column("code").n_unique() != pairs.height:
        raise ValueError("two account names share a 64-bit hash; rename one account")  # ~1e-6 at 10M accounts
    return dict(pairs.iter_rows())


def trace(
    transactions_df: pl.DataFrame, *, max_hops: int = DEFAULT_MAX_HOPS, policy: Policy = "fifo",
    partitions: int = 8,
) -> TraceResult:
    """Trace every victim payment in ``transactions_df`` (the frame ``read_transactions`` returns)."""
    if policy not in POLICIES:
        raise ValueError(f"policy must be one of {', '.join(POLICIES)}, got {policy!r}")
    if max_hops < 1:
        raise ValueError(f"max_hops must be at least 1, got {max_hops}")
    frame, payments = _encoded(transactions_df)
    stop_kind = dict(cash_out_points(frame, key="dst").iter_rows())
    edges = frame.select("row", "ts", "src", "dst", "cur", "amount", "payment")
    found = reach(edges, max_hops=max_hops, stops=pl.Series(list(stop_kind), dtype=pl.UInt64), partitions=partitions)
    stops = frozenset(stop_kind)
    engines = [
        _run_partition(found.rows.filter(pl.col("partition") == p), found.opening, max_hops, policy, stops)
        for p in found.rows.get_column("partition").unique().sort().to_list()
    ]
    return _merged(frame, payments, engines, found, stop_kind, max_hops=max_hops, policy=policy)


def _run_partition(
    rows: pl.DataFrame, opening: pl.DataFrame, max_hops: int, policy: str, stops: frozenset[int]
) -> Engine:
    """One independent unit of work: a set of whole connected components, replayed in time order."""
    engine = Engine(max_hops=max_hops, proportional=policy == "proportional", stops=stops)
    members = pl.concat([rows.get_column("src"), rows.get_column("dst")]).unique().implode()
    engine.open(opening.filter(pl.col("acct").is_in(members)).iter_rows())
    engine.replay(rows.select("row", "ts", "src", "dst", "cur", "amount", "payment", "src_on", "dst_on").iter_rows())
    return engine


def _merged(
    frame: pl.DataFrame, payments: pl.DataFrame, engines: list[Engine], found: Reach,
    stop_kind: dict[int, str], *, max_hops: int, policy: str,
) -> TraceResult:
    arrivals = (
        pl.DataFrame([a for e in engines for a in e.arrivals], orient="row", schema={
            "account": pl.UInt64, "payment": pl.Int64, "sender": pl.UInt64, "row": pl.Int64, "ts": pl.Int64,
            "depth": pl.Int64, "amount": pl.Float64})
        .join(payments.select("payment", "report_id"), on="payment")
        .sort("row")
    )
    # ``row`` is the frame's row index: gathering by it is cheaper than a join with millions of rows.
    arrivals = arrivals.with_columns(
        frame.get_column("txn_id").gather(arrivals.get_column("row")).alias("txn_id"),
        frame.get_column("to_institution").gather(arrivals.get_column("row")).alias("to_institution"),
    )
    names = _names(frame, arrivals.get_column("account").unique())
    hop_amounts = pl.DataFrame(
        [(p, row, amount) for e in engines for (p, row), amount in e.hop_amount.items()],
        schema={"payment": pl.Int64, "row": pl.Int64, "amount_attributed": pl.Float64}, orient="row",
    ).sort("payment", "row")
    hops = (
        pl.concat([hop_amounts, frame.select("txn_id", "from_account", "to_account", "timestamp")[
            hop_amounts.get_column("row")]], how="horizontal")
        .select("payment", "txn_id", pl.col("from_account").alias("from"), pl.col("to_account").alias("to"),
                "amount_attributed", pl.col("timestamp").alias("at"))
    )
    reached_sum: defaultdict[tuple[int, int], float] = defaultdict(float)
    held: dict[str, Held] = {}
    for engine in engines:
        for key, amount in engine.reached.items():
            reached_sum[key] += amount
        for account, payment, arrived, amount in engine.holdings():
            reached_sum[(payment, account)] += amount
            held.setdefault(names[account], Held()).add(amount, arrived)
    reached = (
        pl.DataFrame([(p, names[a], amount) for (p, a), amount in reached_sum.items() if amount > 0.005],
                     schema={"payment": pl.Int64, "account": pl.String, "amount": pl.Float64}, orient="row")
        .sort(["payment", "amount", "account"], descending=[False, True, False])
    )
    accounts = _classified(frame, arrivals, names, engines, found, stop_kind, held)
    payment_table = payments.select(
        "payment", "report_id", "txn_id", "amount", "currency", pl.col("timestamp").alias("at")
    )
    latest = frame.get_column("timestamp").max() if frame.height else None
    return TraceResult(payment_table, hops, reached, accounts, latest if isinstance(latest, datetime) else None,
                       max_hops, policy, held)


def _classified(
    frame: pl.DataFrame, arrivals: pl.DataFrame, names: dict[int, str], engines: list[Engine], found: Reach,
    stop_kind: dict[int, str], held: dict[str, Held],
) -> list[dict[str, Any]]:
    departures = pl.DataFrame([d for e in engines for d in e.departures], orient="row", schema={
        "account": pl.UInt64, "receiver": pl.UInt64, "dwell": pl.Int64, "amount": pl.Float64})
    touched = arrivals.get_column("account").unique()
    stops = pl.DataFrame({"account": list(stop_kind), "cash_out_kind": list(stop_kind.values())},
                         schema={"account": pl.UInt64, "cash_out_kind": pl.String})
    received = frame.select(pl.col("dst").alias("account"), "amount").filter(pl.col("account").is_in(touched.implode()))
    # The institution that received the victim money (the most frequent, ties by name).
    institution = arrivals.group_by("account").agg(
        pl.col("to_institution").drop_nulls().mode().sort().first().alias("institution")
    )
    # Victim share denominators: a tracked account's inflow after victim money could first
    # arrive; a cash-out point's whole inflow (it keeps no queue).
    inflow_tracked = found.rows.filter(pl.col("dst_on")).group_by(pl.col("dst").alias("account")).agg(
        pl.col("amount").sum().alias("tracked_inflow"))
    inflow_all = received.group_by("account").agg(pl.col("amount").sum().alias("all_inflow"))
    stats = (
        arrival_stats(arrivals)
        .join(departure_stats(departures), on="account", how="left")
        .join(stops, on="account", how="left")
        .join(institution, on="account", how="left")
        .join(inflow_tracked, on="account", how="left")
        .join(inflow_all, on="account", how="left")
        .with_columns(
            pl.when(pl.col("cash_out_kind").is_not_null()).then("all_inflow").otherwise("tracked_inflow")
            .fill_null(0.0).alias("total_inflow")
        )
    )
    out = []
    for row in classified(stats).with_columns(
        pl.col("account").replace_strict(names, return_dtype=pl.String).alias("name")
    ).sort("name").iter_rows(named=True):
        name = row["name"]
        out.append({
            "account": name,
            "class": row["class"],
            "institution": row["institution"],
            "cash_out_kind": row["cash_out_kind"],
            "victim_report_ids": row["victim_report_ids"],
            "received": round(row["received"], 2),
            "forwarded": round(row["forwarded"], 2),
            "held": round(held[name].amount, 2) if name in held else 0.0,
            "first_arrival": _from_micros(row["first_arrival"]),
            "last_arrival": _from_micros(row["last_arrival"]),
            "typologies": row["typologies"],
            "evidence": {
                "fan_in": row["fan_in"], "fan_out": row["fan_out"], "scatter_gather_payments": row["scatter_gather"],
                "median_dwell_seconds": row["median_dwell_seconds"],
                "forwarded_share": round(row["forwarded_share"], 4), "victims": row["victims"],
                "victim_share": round(row["victim_share"], 4),
                "min_hops_from_victim": row["min_hops_from_victim"], "inflow_txn_ids": row["inflow_txn_ids"],
            },
        })
        if row["cash_out_kind"] in ("exchange", "merchant"):
            # Money at an exchange or a merchant is still there to freeze; cash withdrawn is gone.
            held.setdefault(name, Held()).add(row["received"], row["first_arrival"])
            out[-1]["held"] = round(held[name].amount, 2)
    return out
