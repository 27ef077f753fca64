"""The full explanation of chosen series: every identifier that joins two or more of its reports.

`link` returns the links among the reports a run looked at, which is every report in a batch
but only the reached reports of a settled series in an incremental run. The series page asks
for the whole picture here, from the stored state, with the same weights and refusals.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from netwarden.core.linking.config import LinkConfig
from netwarden.core.linking.graph import linking_edges
from netwarden.core.linking.model import ResolverState
from netwarden.core.linking.weights import collapse_roles, ident_stats, weigh


def series_links(state: ResolverState, series_ids: Iterable[str], config: LinkConfig | None = None) -> pl.DataFrame:
    """(series, ident, weight, report_ids) for the given live series, as `LinkResult.links`."""
    config = config or LinkConfig()
    members = state.members.filter(pl.col("series").is_in(list(series_ids))).select("report", "series")
    collapsed = collapse_roles(state.edges.join(members, on="report", how="semi"))
    shared = state.edges.filter(pl.col("ident").is_in(collapsed["ident"].unique().implode()))
    stats = ident_stats(collapse_roles(shared))
    weighted = weigh(collapsed, stats, set(state.hubs["ident"].to_list()), config)
    positions = members.with_row_index("r").with_columns(pl.col("r").cast(pl.Int64))
    usable = linking_edges(weighted.join(positions.select("report", "r"), on="report"), config.unknown_role_factor)
    return (
        usable.join(positions, on="r")
        .group_by("series", "ident").agg(pl.col("weight").min(), pl.col("report").sort().alias("report_ids"))
        .filter(pl.col("report_ids").list.len() >= 2)
        .sort("series", "ident")
    )
