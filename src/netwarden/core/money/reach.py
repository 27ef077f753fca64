"""Which rows can carry victim money, found with columnar joins before any row-by-row work.

From the victims' payments, the set of accounts that money can reach moving forward in time is
grown one hop per round (a relaxation over at most ``max_hops`` rounds, so each account gets the
earliest time victim money can arrive there, its *taint time*). Cash-out points receive money but
pass none on. Only rows at or after a tracked account's taint time go to the attribution engine;
everything an account did before is folded into one opening clean balance. The rows left are split
into connected components and packed into partitions that can be processed independently (one
Spark task each, later).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components


@dataclass(frozen=True, slots=True)
class Reach:
    """The rows the engine needs, with a partition per row, and the opening balances."""

    rows: pl.DataFrame  # row, ts, src, dst, cur, amount, payment, src_on, dst_on, partition (accounts as codes)
    opening: pl.DataFrame  # acct, cur, balance (clean money held when victim money first could arrive)
    taint: pl.DataFrame  # acct, taint_ts


def taint_times(edges: pl.DataFrame, *, max_hops: int, stops: pl.Series) -> pl.DataFrame:
    """``acct`` → earliest ``taint_ts`` victim money can reach it within ``max_hops`` layering hops."""
    seeds = edges.filter(pl.col("payment") >= 0).group_by(pl.col("dst").alias("acct")).agg(
        pl.col("ts").min().alias("taint_ts")
    )
    taint, frontier = seeds, seeds.filter(~pl.col("acct").is_in(stops.implode()))
    for _ in range(max_hops):
        if frontier.height == 0:
            break
        leaving = edges.filter(pl.col("src").is_in(frontier.get_column("acct").implode()))
        reached = (
            leaving.join(frontier, left_on="src", right_on="acct", how="inner")
            .filter(pl.col("ts") >= pl.col("taint_ts"))
            .group_by(pl.col("dst").alias("acct"))
            .agg(pl.col("ts").min().alias("new_ts"))
        )
        merged = taint.join(reached, on="acct", how="full", coalesce=True)
        improved = merged.filter(
            pl.col("new_ts").is_not_null() & (pl.col("taint_ts").is_null() | (pl.col("new_ts") < pl.col("taint_ts")))
        )
        taint = merged.select("acct", pl.min_horizontal("taint_ts", "new_ts").alias("taint_ts"))
        frontier = improved.select("acct", pl.col("new_ts").alias("taint_ts")).filter(
            ~pl.col("acct").is_in(stops.implode())
        )
    return taint


def opening_balances(edges: pl.DataFrame, taint: pl.DataFrame) -> pl.DataFrame:
    """Clean money each tracked account holds just before its taint time.

    Balance runs b_k = max(0, b_{k-1} + x_k) (an outflow larger than what we saw arrive came from
    money we cannot see), which is S_k - min(0, min_{j<=k} S_j) for the running sum S.
    """
    accounts = taint.get_column("acct").implode()
    edges = edges.filter(pl.col("src").is_in(accounts) | pl.col("dst").is_in(accounts))
    outs = edges.join(taint, left_on="src", right_on="acct").filter(pl.col("ts") < pl.col("taint_ts")).select(
        pl.col("src").alias("acct"), "cur", "row", (-pl.col("amount")).alias("x")
    )
    ins = edges.join(taint, left_on="dst", right_on="acct").filter(pl.col("ts") < pl.col("taint_ts")).select(
        pl.col("dst").alias("acct"), "cur", "row", pl.col("amount").alias("x")
    )
    return (
        pl.concat([outs, ins])
        .sort("row")
        .group_by("acct", "cur")
        .agg(pl.col("x").sum().alias("total"), pl.col("x").cum_sum().min().alias("lowest"))
        .select("acct", "cur", (pl.col("total") - pl.min_horizontal(pl.lit(0.0), "lowest")).alias("balance"))
        .filter(pl.col("balance") > 0)
    )


def partitioned(rows: pl.DataFrame, *, partitions: int, stops: pl.Series) -> pl.DataFrame:
    """Label rows by connected component, packed into ``partitions`` groups.

    Only a row between two accounts that both keep a queue ties them together: an untracked
    sender or a cash-out point carries no state, so a shop or an employer does not glue the
    whole ledger into one component.
    """
    if rows.height == 0:
        return rows.with_columns(pl.lit(0, dtype=pl.Int64).alias("partition"))
    codes = np.concatenate([rows.get_column("src").to_numpy(), rows.get_column("dst").to_numpy()])
    accounts, dense = np.unique(codes, return_inverse=True)
    src, dst = dense[: rows.height], dense[rows.height :]
    dst_tracked = rows.select(pl.col("dst_on") & ~pl.col("dst").is_in(stops.implode())).to_series().to_numpy()
    ties = rows.get_column("src_on").to_numpy() & dst_tracked
    size = len(accounts)
    graph = coo_matrix((np.ones(int(ties.sum()), dtype=np.int8), (src[ties], dst[ties])), shape=(size, size))
    _, component = connected_components(graph, directed=False)
    owner = np.where(rows.get_column("src_on").to_numpy(), component[src], component[dst])
    labelled = rows.with_columns(pl.Series("component", owner, dtype=pl.Int64))
    # Biggest components first, each to the currently lightest partition (greedy bin packing).
    sizes = labelled.group_by("component").len().sort("len", "component", descending=[True, False])
    loads = [0] * max(1, partitions)
    assignment: dict[int, int] = {}
    for component_id, count in sizes.iter_rows():
        target = loads.index(min(loads))
        assignment[component_id] = target
        loads[target] += count
    mapping = pl.DataFrame(
        {"component": list(assignment), "partition": list(assignment.values())},
        schema={"component": pl.Int64, "partition": pl.Int64},
    )
    return labelled.join(mapping, on="component").drop("component").sort("row")


def reach(edges: pl.DataFrame, *, max_hops: int, stops: pl.Series, partitions: int = 8) -> Reach:
    """Everything the engine needs from ``edges`` (row, ts, src, dst, cur, amount, payment)."""
    taint = taint_times(edges, max_hops=max_hops, stops=stops)
    tracked = taint.filter(~pl.col("acct").is_in(stops.implode()))
    opening = opening_balances(edges, tracked)
    involved = tracked.get_column("acct").implode()
    flagged = (
        edges.filter(pl.col("src").is_in(involved) | pl.col("dst").is_in(involved) | (pl.col("payment") >= 0))
        .join(tracked.rename({"taint_ts": "src_t"}), left_on="src", right_on="acct", how="left")
        .join(tracked.rename({"taint_ts": "dst_t"}), left_on="dst", right_on="acct", how="left")
        .with_columns(
            (pl.col("ts") >= pl.col("src_t")).fill_null(False).alias("src_on"),
            # Cash-out points keep no queue: only rows that may carry victim money into them matter.
            ((pl.col("ts") >= pl.col("dst_t")).fill_null(False) | (pl.col("payment") >= 0)).alias("dst_on"),
        )
        .filter(pl.col("src_on") | pl.col("dst_on"))
        .drop("src_t", "dst_t")
        .sort("row")
    )
    return Reach(partitioned(flagged, partitions=partitions, stops=stops), opening, taint)
