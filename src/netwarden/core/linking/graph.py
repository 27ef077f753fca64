"""Report-report links as edge columns, and connected components over them.

Two kinds of suspect-side evidence:
- *star* edges: an identifier strong enough alone (weight >= threshold in every report that has
  it) joins its reports through one identifier node, so a card in 400 reports costs 400 edges,
  not 80,000 pairs;
- *pair* edges: identifiers below the threshold are summed per report pair (one value per
  family, apps capped) and the pair links when the sum reaches the threshold. Pairs are only
  generated from non-weak identifiers, since weak ones can never reach the threshold alone.
"""

from __future__ import annotations

import numpy as np
import polars as pl
from numpy.typing import NDArray
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from netwarden.core.linking.config import WEAK_FAMILY, LinkConfig

PAIR_SCHEMA = {"a": pl.Int64(), "b": pl.Int64(), "weight": pl.Float64()}


def linking_edges(weighted: pl.DataFrame, unknown_role_factor: float) -> pl.DataFrame:
    """Suspect-side occurrences that may link: not refused, positive weight. Needs column ``r``.

    Unsure occurrences come in at ``unknown_role_factor`` of their weight: never a star alone.
    """
    return weighted.filter(
        pl.col("side").is_in(["suspect", "unsure"]) & pl.col("refused").is_null() & (pl.col("weight") > 0)
    ).select(
        "r", "ident", "family",
        pl.when(pl.col("side") == "unsure").then(pl.col("weight") * unknown_role_factor)
        .otherwise(pl.col("weight")).alias("weight"),
    )


def star_edges(edges: pl.DataFrame, threshold: float) -> pl.DataFrame:
    """(r, ident) for identifiers that link alone: every occurrence reaches the threshold."""
    alone = edges.group_by("ident").agg(pl.col("weight").min().alias("floor"), pl.len().alias("n")).filter(
        (pl.col("floor") >= threshold) & (pl.col("n") >= 2)
    )
    return edges.join(alone.select("ident"), on="ident", how="semi").select("r", "ident")


def pair_edges(edges: pl.DataFrame, config: LinkConfig) -> pl.DataFrame:
    """(a, b, weight) report pairs, a < b, whose summed sub-threshold evidence reaches the threshold."""
    shared_counts = edges.group_by("ident").agg(pl.col("weight").min().alias("floor"), pl.len().alias("n"))
    generators = shared_counts.filter(
        (pl.col("floor") < config.threshold) & (pl.col("n") >= 2)
    ).select("ident")
    strong_side = edges.filter(pl.col("family") != WEAK_FAMILY).join(generators, on="ident", how="semi")
    candidates = (
        strong_side.join(strong_side, on="ident", suffix="_b")
        .filter(pl.col("r") < pl.col("r_b"))
        .select(pl.col("r").alias("a"), pl.col("r_b").alias("b"))
        .unique()
    )
    if candidates.is_empty():
        return pl.DataFrame(schema=PAIR_SCHEMA)
    involved = pl.concat([candidates["a"], candidates["b"]]).unique()
    local = edges.filter(pl.col("r").is_in(involved.implode()))
    shared = (
        candidates.join(local, left_on="a", right_on="r")
        .join(local.select("r", "ident", pl.col("weight").alias("weight_b")), left_on=["b", "ident"],
              right_on=["r", "ident"])
        .with_columns(pl.min_horizontal("weight", "weight_b").alias("w"))
    )
    per_family = shared.group_by("a", "b", "family").agg(
        pl.col("w").sum().alias("total"), pl.col("w").max().alias("best")
    ).with_columns(
        pl.when(pl.col("family") == WEAK_FAMILY).then(pl.min_horizontal("total", pl.lit(config.weak_cap)))
        .when(pl.col("family") == "web").then(pl.col("best"))
        .otherwise(pl.col("total")).alias("evidence")
    )
    return (
        per_family.group_by("a", "b").agg(pl.col("evidence").sum().alias("weight"))
        .filter(pl.col("weight") >= config.threshold - 1e-9)
        .select(pl.col("a").cast(pl.Int64), pl.col("b").cast(pl.Int64), "weight")
        .sort("a", "b")
    )


def components(n_reports: int, star: pl.DataFrame, pairs: list[tuple[NDArray[np.int64], NDArray[np.int64]]]) -> (
    NDArray[np.int64]
):
    """Component label per report (0..n-1) over star edges (report to identifier node) and pairs."""
    ident_codes = (star["ident"].rank("dense").cast(pl.Int64) - 1).to_numpy()
    rows = [star["r"].to_numpy().astype(np.int64)]
    cols = [n_reports + ident_codes]
    for a, b in pairs:
        rows.append(a.astype(np.int64))
        cols.append(b.astype(np.int64))
    row = np.concatenate(rows) if rows else np.empty(0, np.int64)
    col = np.concatenate(cols) if cols else np.empty(0, np.int64)
    size = n_reports + (int(ident_codes.max()) + 1 if ident_codes.size else 0)
    matrix = coo_matrix((np.ones(row.size, dtype=np.int8), (row, col)), shape=(size, size))
    _, labels = connected_components(matrix, directed=False)
    result: NDArray[np.int64] = labels[:n_reports].astype(np.int64)
    return result
