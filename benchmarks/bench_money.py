"""Trace 20,000 victim payments through 10,000,000 transactions: time and peak memory.

Target (issue 7): <= 60 s and <= 8 GB peak RSS on the 2-core machine, reading transactions.csv
included. Run: `.venv/bin/python benchmarks/bench_money.py` (`--rows N`, `--payments N`,
`--dir D` to keep the generated file between runs). Prints one line per stage; record them in
docs/money.md.

The file is generated with NumPy/Polars (the simulator at scale 100+ would take many minutes):
one million ordinary accounts paying each other and shops over 180 days; 200 gangs, each with
collection accounts, mules and cash-out points (exchange deposit addresses, an ATM, a gold
merchant); each victim payment goes to a collection account, then one or two mule hops with
minutes of dwell (a third of them split across two mules), commission kept, then cash-out. Mules
also carry a little personal traffic. Times are random, so pooling happens as in real accounts.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from netwarden.core.money import freeze_requests, trace  # noqa: E402
from netwarden.formats.transactions import read_transactions  # noqa: E402

START = 1_767_196_800  # 2026-01-01T00:00:00+08:00
DAYS = 180
ORDINARY = 1_000_000
SHOPS = 20_000
GANGS = 200
COLLECTION_PER_GANG, MULES_PER_GANG, EXCHANGES_PER_GANG = 10, 30, 3


def _accounts(kind: np.ndarray, number: np.ndarray) -> pl.Series:
    """kind 0 ordinary card, 1 shop, 2 collection, 3 mule, 4 exchange address, 5 ATM, 6 gold merchant."""
    frame = pl.DataFrame({"kind": kind, "n": number}).with_columns(pl.col("n").cast(pl.String).str.zfill(12))
    prefix = pl.Series(["bank_card:62", "merchant:shop-", "alipay:col", "bank_card:66", "crypto_trx:TX",
                        "cash:atm-", "merchant:gold-"])
    return frame.select(pl.concat_str(pl.col("kind").replace_strict(range(7), prefix), pl.col("n"))).to_series()


def generate(path: Path, rows: int, payments: int, seed: int = 7) -> None:
    rng = np.random.default_rng(seed)
    hops: list[tuple[np.ndarray, ...]] = []  # (t, src_kind, src, dst_kind, dst, amount, payment_flag)
    gang = rng.integers(0, GANGS, payments)
    t0 = START + rng.integers(0, DAYS * 86400, payments)
    amount = np.round(rng.lognormal(8, 1, payments), 2)
    victim = rng.integers(0, ORDINARY, payments)
    collection = gang * COLLECTION_PER_GANG + rng.integers(0, COLLECTION_PER_GANG, payments)
    hops.append((t0, np.zeros(payments), victim, np.full(payments, 2), collection, amount, np.ones(payments)))
    t1 = t0 + rng.integers(5, 360, payments) * 60
    split = rng.random(payments) < 1 / 3
    first_share = np.where(split, np.round(amount * rng.uniform(0.3, 0.7, payments), 2), amount)
    pieces = [(t1, first_share, np.ones(payments, bool)), (t1 + 300, np.round(amount - first_share, 2), split)]
    for when, value, present in pieces:
        mule = gang * MULES_PER_GANG + rng.integers(0, MULES_PER_GANG, payments)
        n = int(present.sum())
        hops.append((when[present], np.full(n, 2), collection[present], np.full(n, 3), mule[present],
                     value[present], np.zeros(n)))
        t2 = when + rng.integers(2, 45, payments) * 60
        kept = np.round(value * rng.uniform(0.01, 0.03, payments), 2)
        second = rng.random(payments) < 0.5
        mule2 = gang * MULES_PER_GANG + rng.integers(0, MULES_PER_GANG, payments)
        hop2 = present & second
        n2 = int(hop2.sum())
        hops.append((t2[hop2], np.full(n2, 3), mule[hop2], np.full(n2, 3), mule2[hop2], (value - kept)[hop2],
                     np.zeros(n2)))
        holder = np.where(second, mule2, mule)
        t3 = t2 + rng.integers(3, 240, payments) * 60
        outlet = rng.integers(0, EXCHANGES_PER_GANG + 2, payments)
        out_kind = np.select([outlet < EXCHANGES_PER_GANG, outlet == EXCHANGES_PER_GANG], [4, 5], 6)
        out_id = gang * EXCHANGES_PER_GANG + np.minimum(outlet, EXCHANGES_PER_GANG - 1)
        out_id = np.where(out_kind == 4, out_id, gang)
        final = np.where(second, value - 2 * kept, value - kept)
        hops.append((t3[present], np.full(n, 3), holder[present], out_kind[present], out_id[present],
                     np.round(final[present], 2), np.zeros(n)))
    mules = GANGS * MULES_PER_GANG
    personal = mules * 5
    hops.append((START + rng.integers(0, DAYS * 86400, personal), np.full(personal, 3),
                 np.repeat(np.arange(mules), 5), np.ones(personal), rng.integers(0, SHOPS, personal),
                 np.round(rng.lognormal(4, 1, personal), 2), np.zeros(personal)))
    victim_rows = sum(len(h[0]) for h in hops)
    n_bg = max(0, rows - victim_rows)
    to_shop = rng.random(n_bg) < 0.5
    hops.append((START + rng.integers(0, DAYS * 86400, n_bg), np.zeros(n_bg), rng.integers(0, ORDINARY, n_bg),
                 to_shop.astype(np.int64), np.where(to_shop, rng.integers(0, SHOPS, n_bg),
                                                    rng.integers(0, ORDINARY, n_bg)),
                 np.round(rng.lognormal(5, 1.3, n_bg) + 1, 2), np.zeros(n_bg)))
    columns = [np.concatenate([h[i] for h in hops]) for i in range(7)]
    t, src_kind, src, dst_kind, dst, value, is_payment = columns
    same = (src_kind == dst_kind) & (src == dst)
    dst = np.where(same, (dst + 1) % ORDINARY, dst)
    frame = pl.DataFrame({"ts": t.astype(np.int64), "value": np.maximum(value, 0.01), "pay": is_payment.astype(bool)})
    frame = frame.with_columns(
        _accounts(src_kind.astype(np.int64), src.astype(np.int64)).alias("from_account"),
        _accounts(dst_kind.astype(np.int64), dst.astype(np.int64)).alias("to_account"),
    ).sort("ts")
    shanghai = pl.from_epoch("ts", time_unit="s").dt.replace_time_zone("UTC").dt.convert_time_zone("Asia/Shanghai")
    pay_count = pl.col("pay").cast(pl.Int64).cum_sum()
    frame.select(
        pl.concat_str(pl.lit("T"), pl.int_range(1, pl.len() + 1).cast(pl.String).str.zfill(10)).alias("txn_id"),
        shanghai.dt.strftime("%Y-%m-%dT%H:%M:%S%:z").alias("timestamp"),
        "from_account", "to_account", pl.col("value").round(2).alias("amount"), pl.lit("CNY").alias("currency"),
        pl.when(pl.col("to_account").str.starts_with("cash:")).then(pl.lit("cash")).otherwise(pl.lit("bank"))
        .alias("rail"),
        pl.lit("ICBC").alias("from_institution"),
        pl.when(pl.col("to_account").str.starts_with("crypto")).then(pl.lit("OKX")).otherwise(pl.lit("CCB"))
        .alias("to_institution"),
        pl.when("pay").then(pl.format("R-{}", pay_count)).otherwise(pl.lit(None, dtype=pl.String)).alias("report_id"),
    ).write_csv(path)


def _peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--payments", type=int, default=20_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/netwarden-bench-money"))
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    path = args.dir / f"transactions-{args.rows}-{args.payments}.csv"
    if not path.exists():
        started = time.perf_counter()
        generate(path, args.rows, args.payments)
        print(f"generated {path} ({path.stat().st_size / 1e9:.2f} GB) in {time.perf_counter() - started:.1f} s")
    base = _peak_gb()
    cpu = time.process_time()
    started = time.perf_counter()
    frame, rejected = read_transactions(path, zone=ZoneInfo("Asia/Shanghai"))
    read_s = time.perf_counter() - started
    print(f"read: {frame.height:,} rows ({len(rejected)} rejected) in {read_s:.1f} s", flush=True)
    mark = time.perf_counter()
    result = trace(frame)
    trace_s = time.perf_counter() - mark
    print(f"trace: {result.payments.height:,} payments, {len(result.accounts):,} accounts in {trace_s:.1f} s",
          flush=True)
    mark = time.perf_counter()
    records, requests = result.money_records(), freeze_requests(result)
    out_s = time.perf_counter() - mark
    total = time.perf_counter() - started
    classes: dict[str, int] = {}
    for account in result.accounts:
        classes[account["class"]] = classes.get(account["class"], 0) + 1
    ended = sum(r["amount"] for rec in records for r in rec["reached"]
                if r["account"].startswith(("crypto_trx:", "cash:", "merchant:gold-")))
    paid = sum(rec["amount"] for rec in records)
    print(f"records: {len(records):,} money, {len(requests):,} freeze requests in {out_s:.1f} s; "
          f"classes {classes}", flush=True)
    print(f"victim value reaching cash-out points: {ended / paid:.3f}", flush=True)
    print(f"CPU time (all threads) {time.process_time() - cpu:.1f} s; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores (other work on the machine slows the wall-clock figures)", flush=True)
    print(f"total {total:.1f} s (target <= 60 s); peak RSS {_peak_gb():.2f} GB (before reading {base:.2f} GB; "
          "target <= 8 GB)")


if __name__ == "__main__":
    main()
