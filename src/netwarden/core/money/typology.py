"""Account classes (collection, mule, cash_out, ordinary) from what victim money did in them.

The typologies are the money-mule patterns of AML practice (IBM AMLSim's fan-in, fan-out,
scatter-gather) and the 跑分 / 两卡 signs police describe (快进快出, many unrelated payers). Each
is computed only over traced victim money, with the numbers that produced it, so an analyst can
check every flag. Thresholds and why:

- ``rapid_in_out``: value-weighted median dwell ≤ 2 h and ≥ 80 % of the victim money received
  passed on. Mules forward "within minutes"; 2 h leaves room for batch transfers and bank delays,
  while people who pay bills from a salary hold money for days.
- ``many_victims``: money of ≥ 3 distinct reports. One victim's money reaching an account can be
  chance; three unrelated victims through one account is the classic 串并 link.
- ``fan_in`` / ``fan_out``: victim money from / to ≥ 3 distinct accounts.
- ``scatter_gather``: pieces of one payment arrive from ≥ 2 different senders (split, then
  gathered again), the layering shape no ordinary transfer has.
- ``victim_share``: traced victim money / everything received after it first arrived. Ordinary
  accounts that happen to receive a slice of a mule's money (a purchase, a repaid debt) have most
  of their inflow from elsewhere.

Classes: ``collection`` received a victim's payment directly (the payee the report names);
``cash_out`` is a cash-out point (see ``cashout``) where victim money is ≥ 20 % of all it
received; ``mule`` received victim money by a layering hop and either holds mostly victim money
(``victim_share`` ≥ 0.5) or shows rapid in-out; everything else is ``ordinary`` and is never
put forward for freezing.
"""

from __future__ import annotations

import polars as pl

RAPID_DWELL_SECONDS = 2 * 3600
RAPID_FORWARD_SHARE = 0.8
MANY_VICTIMS = 3
FAN = 3
MULE_VICTIM_SHARE = 0.5
CASH_OUT_VICTIM_SHARE = 0.2
EVIDENCE_TXNS = 20


def arrival_stats(arrivals: pl.DataFrame) -> pl.DataFrame:
    """Per account from victim-money arrivals (account, payment, report_id, sender, txn_id, ts, depth, amount)."""
    gathered = (
        arrivals.group_by("account", "payment").agg(pl.col("sender").n_unique().alias("senders"))
        .group_by("account").agg((pl.col("senders") >= 2).sum().alias("scatter_gather"))
    )
    return arrivals.group_by("account").agg(
        pl.col("amount").sum().alias("received"),
        pl.col("depth").min().alias("min_hops_from_victim"),
        pl.col("ts").min().alias("first_arrival"),
        pl.col("ts").max().alias("last_arrival"),
        pl.col("sender").n_unique().alias("fan_in"),
        pl.col("report_id").unique().sort().alias("victim_report_ids"),
        pl.col("txn_id").unique(maintain_order=True).head(EVIDENCE_TXNS).alias("inflow_txn_ids"),
    ).join(gathered, on="account")


def departure_stats(departures: pl.DataFrame) -> pl.DataFrame:
    """Per account from victim-money departures (account, receiver, dwell, amount)."""
    by_dwell = departures.sort("account", "dwell")
    half = pl.col("amount").sum() / 2
    return by_dwell.group_by("account").agg(
        pl.col("amount").sum().alias("forwarded"),
        pl.col("receiver").n_unique().alias("fan_out"),
        # Value-weighted median: the dwell at which half the forwarded value has left.
        pl.col("dwell").filter(pl.col("amount").cum_sum() >= half).first().alias("median_dwell_seconds"),
    )


def classified(stats: pl.DataFrame) -> pl.DataFrame:
    """Add typology flags and the class to per-account stats (see the module docstring).

    ``stats`` needs received, forwarded, fan_in, fan_out, scatter_gather, median_dwell_seconds,
    victim_report_ids, min_hops_from_victim, total_inflow and cash_out_kind.
    """
    forwarded_share = pl.min_horizontal(pl.lit(1.0), pl.col("forwarded").fill_null(0) / pl.col("received"))
    victim_share = (
        pl.when(pl.col("total_inflow") > 0)
        .then(pl.min_horizontal(pl.lit(1.0), pl.col("received") / pl.col("total_inflow")))
        .otherwise(1.0)
    )
    with_shares = stats.with_columns(
        pl.col("forwarded").fill_null(0.0),
        pl.col("fan_out").fill_null(0),
        forwarded_share.alias("forwarded_share"),
        victim_share.alias("victim_share"),
        pl.col("victim_report_ids").list.len().alias("victims"),
    )
    rapid = (pl.col("median_dwell_seconds") <= RAPID_DWELL_SECONDS).fill_null(False) & (
        pl.col("forwarded_share") >= RAPID_FORWARD_SHARE
    )
    flags = pl.concat_list(
        pl.when(pl.col("fan_in") >= FAN).then(pl.lit(["fan_in"])).otherwise(pl.lit([], dtype=pl.List(pl.String))),
        pl.when(pl.col("fan_out") >= FAN).then(pl.lit(["fan_out"])).otherwise(pl.lit([], dtype=pl.List(pl.String))),
        pl.when(pl.col("scatter_gather") > 0).then(pl.lit(["scatter_gather"]))
        .otherwise(pl.lit([], dtype=pl.List(pl.String))),
        pl.when(rapid).then(pl.lit(["rapid_in_out"])).otherwise(pl.lit([], dtype=pl.List(pl.String))),
        pl.when(pl.col("victims") >= MANY_VICTIMS).then(pl.lit(["many_victims"]))
        .otherwise(pl.lit([], dtype=pl.List(pl.String))),
    )
    klass = (
        pl.when(pl.col("min_hops_from_victim") == 0).then(pl.lit("collection"))
        .when(pl.col("cash_out_kind").is_not_null())
        .then(pl.when(pl.col("victim_share") >= CASH_OUT_VICTIM_SHARE).then(pl.lit("cash_out"))
              .otherwise(pl.lit("ordinary")))
        .when((pl.col("victim_share") >= MULE_VICTIM_SHARE) | rapid).then(pl.lit("mule"))
        .otherwise(pl.lit("ordinary"))
    )
    return with_shares.with_columns(flags.alias("typologies"), klass.alias("class"))
