"""Which stored reports a run must look at, and which stored series it may treat as settled.

New reports can only reach stored reports through a linking identifier they share (weak ones
and hubs cannot link). A stored series reached that way is *settled* when nothing inside it
can have changed: no judgement about it changed, and no identifier it shares with the new
reports lost weight (a count crossing the frequency knee or the fan-out cap, or a role label
that contradicts the earlier ones). A settled series enters the run only through the reports
the new ones touch, held together as one piece; its other members keep their series (or
follow it into a merge). Every other reached series is relinked from all its reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from netwarden.core.linking.config import FAMILIES, WEAK_FAMILY, LinkConfig
from netwarden.core.linking.judgements import Constraints, changed_reports
from netwarden.core.linking.model import Judgement, ResolverState

_WEAK_TYPES = frozenset(type_name for type_name, family in FAMILIES.items() if family == WEAK_FAMILY)


@dataclass(frozen=True)
class Scope:
    reports: pl.DataFrame  # report, at
    held_together: list[tuple[str, str]]  # settled series' reached reports, chained
    settled: pl.DataFrame  # report, duplicate_of: reached reports of settled series, as stored


def scope(
    reports: pl.DataFrame, edges: pl.DataFrame, state: ResolverState, judgements: Sequence[Judgement],
    rules: Constraints, known_hubs: set[str], config: LinkConfig,
) -> Scope:
    """The sub-world of this run (new reports first among equals; see the module docstring)."""
    fresh = reports.select("report", "at")
    if state.members.is_empty():
        return Scope(fresh, [], state.members.select("report", "duplicate_of"))
    new_edges = edges.filter(~pl.col("type").is_in(list(_WEAK_TYPES)) & ~pl.col("ident").is_in(list(known_hubs)))
    old = state.edges.filter(
        pl.col("ident").is_in(new_edges["ident"].unique().implode())
        & ~pl.col("report").is_in(reports["report"].implode())
    )
    before = old.group_by("ident").agg(
        pl.col("report").n_unique().alias("n"), pl.col("role").unique().alias("roles_before")
    )
    added = new_edges.group_by("ident").agg(
        pl.col("report").n_unique().alias("added"), pl.col("role").unique().alias("roles_added")
    )
    reach = before.filter(pl.col("n") <= config.fan_out_cap).join(added, on="ident")
    weakened = reach.filter(
        ((pl.col("n") + pl.col("added")) > config.frequency_knee)
        | ((pl.col("n") + pl.col("added")) > config.fan_out_cap)
        | (pl.col("roles_added").list.set_difference(pl.col("roles_before")).list.len() > 0)
    )
    reached = old.join(reach.select("ident"), on="ident", how="semi").select("report", "ident")
    resubmitted = set(state.members.filter(pl.col("report").is_in(reports["report"].implode()))["report"].to_list())
    unsettling = set(reached.join(weakened.select("ident"), on="ident", how="semi")["report"].to_list())
    unsettling |= changed_reports(state.applied, judgements, rules) | resubmitted
    split_reports = {report for apart, rest in rules.splits for report in apart | rest}
    reached_reports = reached.select("report").unique()
    unsettling |= split_reports & set(reached_reports["report"].to_list())
    members = state.members.select("report", "at", "series", "duplicate_of")
    full_series = members.filter(pl.col("report").is_in(list(unsettling)))["series"].unique()
    relinked = members.filter(pl.col("series").is_in(full_series.implode()))
    settled = members.join(reached_reports, on="report", how="semi").filter(
        ~pl.col("series").is_in(full_series.implode())
    ).sort("series", "at", "report")
    held: list[tuple[str, str]] = []
    previous_series, previous_report = None, None
    for report, series in settled.select("report", "series").iter_rows():
        if series == previous_series:
            held.append((previous_report, report))  # type: ignore[arg-type]
        previous_series, previous_report = series, report
    old_part = pl.concat([relinked, settled]).filter(~pl.col("report").is_in(reports["report"].implode()))
    everything = pl.concat([old_part.select("report", "at"), fresh]).unique("report", keep="last")
    return Scope(everything, held, settled.select("report", "duplicate_of"))
