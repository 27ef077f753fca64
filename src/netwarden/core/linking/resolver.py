"""`link`: add reports to the resolver state, relinking only the series they (or judgements) touch.

Batch and incremental are one path: a batch is an incremental run on an empty state. The work
is partitioned: the run's sub-world (scope.py: new reports, the stored reports they reach, and
whole series where something inside may have changed) is linked as edge columns -> connected
components -> per-component work (splits, ids); everything else keeps its series untouched.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import polars as pl
from numpy.typing import NDArray
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from netwarden.core.linking.config import LinkConfig
from netwarden.core.linking.constrained import split_component
from netwarden.core.linking.duplicates import attachments, duplicate_of, shared_pairs
from netwarden.core.linking.graph import components, linking_edges, pair_edges, star_edges
from netwarden.core.linking.ids import Assignment, assign
from netwarden.core.linking.judgements import Constraints, constraints
from netwarden.core.linking.model import HUB_SCHEMA, MEMBER_SCHEMA, MERGED_SCHEMA, Judgement, LinkResult, ResolverState
from netwarden.core.linking.scope import scope
from netwarden.core.linking.weights import collapse_roles, find_new_hubs, ident_stats, warn_refused, weigh


def link(
    reports: pl.DataFrame,
    edges: pl.DataFrame,
    state: ResolverState | None = None,
    judgements: Sequence[Judgement] = (),
    config: LinkConfig | None = None,
) -> LinkResult:
    """Link ``reports`` (report, at) with identifier ``edges`` (report, ident, type, role) into ``state``.

    A report already in the state is replaced (re-analysing the same input is idempotent).
    """
    state = state or ResolverState()
    config = config or LinkConfig()
    rules = constraints(judgements)
    incoming = reports.get_column("report")
    known_hubs = set(state.hubs["ident"].to_list())
    reach = scope(reports, edges, state, judgements, rules, known_hubs, config)
    sub_reports = reach.reports
    if state.members.is_empty():
        all_edges, sub_edges = edges, edges
        collapsed = collapse_roles(edges)
        stats = ident_stats(collapsed)
    else:
        all_edges = pl.concat([state.edges.filter(~pl.col("report").is_in(incoming.implode())), edges])
        sub_edges = all_edges.filter(pl.col("report").is_in(sub_reports["report"].implode()))
        collapsed = collapse_roles(sub_edges)
        stats = _global_stats(all_edges, collapsed, known_hubs)
    n_total = state.members.height + reports.filter(~pl.col("report").is_in(state.members["report"].implode())).height
    new_hubs = find_new_hubs(stats, known_hubs, n_total, config)
    hubs = known_hubs | set(new_hubs["ident"].to_list())
    order = sub_reports.sort("at", "report").with_row_index("r").with_columns(pl.col("r").cast(pl.Int64))
    weighted = _without_unlinked(weigh(collapsed, stats, hubs, config), rules).join(
        order.select("report", "r"), on="report"
    )
    refused = warn_refused(weighted, pl.concat([state.hubs, new_hubs.select(*HUB_SCHEMA)]), config)
    new_hubs = pl.concat([new_hubs, refused.filter(~pl.col("ident").is_in(list(hubs)))]).select(*HUB_SCHEMA)
    labels, dup_pairs, usable = _label(order, weighted, rules, reach.held_together, config)
    members, named, series_col = _name_series(order, labels, dup_pairs, state, reach.settled)
    merged_now = pl.DataFrame(
        {"series": list(named.merged), "merged_into": list(named.merged.values())}, schema=dict(MERGED_SCHEMA)
    ).sort("series")
    outside = state.members.filter(~pl.col("report").is_in(order["report"].implode()))
    if named.merged:
        outside = outside.with_columns(pl.col("series").replace(named.merged))
    new_state = ResolverState(
        members=pl.concat([outside, members.select(*MEMBER_SCHEMA)]),
        edges=all_edges,
        merged=pl.concat([state.merged.filter(~pl.col("series").is_in(list(named.revived))), merged_now]),
        hubs=pl.concat([state.hubs, new_hubs]),
        applied=rules.in_force,
    )
    links = _links(usable, series_col, order["report"])
    touched = frozenset(named.series) | frozenset(named.merged)
    return LinkResult(new_state, links, merged_now, refused, touched)


def _name_series(
    order: pl.DataFrame, labels: NDArray[np.int64], dup_pairs: list[tuple[int, int]], state: ResolverState,
    settled: pl.DataFrame,
) -> tuple[pl.DataFrame, Assignment, pl.Series]:
    """Series ids for the sub-world's components and its rows of the members frame."""
    names = order["report"]
    stored = state.members.join(order.select("report", "r"), on="report").select("r", "series")
    previous = dict(zip(stored["r"].to_list(), stored["series"].to_list(), strict=True))
    founding = _founding_rank(state.members, set(previous.values()))
    old_here = set(previous.values())

    def live_elsewhere(ids: list[str]) -> set[str]:
        found = state.members.filter(pl.col("series").is_in(ids))["series"].unique().to_list()
        return set(found) - old_here

    named = assign(labels, names.to_list(), previous, founding, live_elsewhere, set(state.merged["series"].to_list()))
    series_col = pl.Series("series", named.series, dtype=pl.String).gather(named.component)
    dups = duplicate_of(dup_pairs, labels)
    originals = pl.Series([dups.get(i) for i in range(order.height)], dtype=pl.Int64)
    # A settled report's original may lie outside this run: keep the stored one.
    members = order.select("report", "at").with_columns(
        series_col.alias("series"), names.gather(originals).alias("duplicate_of")
    ).join(settled.rename({"duplicate_of": "stored"}), on="report", how="left").with_columns(
        pl.coalesce("duplicate_of", "stored").alias("duplicate_of")
    )
    return members, named, series_col


def _global_stats(all_edges: pl.DataFrame, collapsed: pl.DataFrame, known_hubs: set[str]) -> pl.DataFrame:
    """Counts over every stored report, except for known hubs: they are refused whatever the count."""
    hub_rows = pl.col("ident").is_in(list(known_hubs))
    wanted = collapsed.filter(~hub_rows)["ident"].unique()
    counted = ident_stats(collapse_roles(all_edges.filter(pl.col("ident").is_in(wanted.implode()))))
    return pl.concat([counted, ident_stats(collapsed.filter(hub_rows))])


def _without_unlinked(weighted: pl.DataFrame, rules: Constraints) -> pl.DataFrame:
    if not rules.unlinked:
        return weighted
    unlinked = pl.DataFrame(sorted(rules.unlinked), schema={"report": pl.String(), "ident": pl.String()}, orient="row")
    return weighted.join(unlinked, on=["report", "ident"], how="anti")


def _label(
    order: pl.DataFrame, weighted: pl.DataFrame, rules: Constraints, held: list[tuple[str, str]],
    config: LinkConfig,
) -> tuple[NDArray[np.int64], list[tuple[int, int]], pl.DataFrame]:
    n = order.height
    index = dict(zip(order["report"].to_list(), order["r"].to_list(), strict=True))
    usable = linking_edges(weighted, config.unknown_role_factor)
    star = star_edges(usable, config.threshold)
    pairs = pair_edges(usable, config)
    pair_arrays = (pairs["a"].to_numpy(), pairs["b"].to_numpy())
    settled = _arrays([(index[a], index[b]) for a, b in held])
    suspect_labels = components(n, star, [pair_arrays, settled])
    dup_pairs = shared_pairs(weighted, "victim", config.victim_fan_out_cap)
    unsure_pairs = shared_pairs(weighted, "unsure", config.victim_fan_out_cap, config.threshold)
    joins = attachments(sorted(set(dup_pairs) | set(unsure_pairs)), suspect_labels)
    merges = [(index[a], index[b]) for a, b in rules.merges if a in index and b in index]
    labels = _join_components(suspect_labels, [_arrays(joins), _arrays(merges)])
    if rules.splits:
        labels = _apply_splits(labels, index, rules, star, usable, pairs, joins, merges, n)
    return labels, dup_pairs, usable


def _arrays(pairs: list[tuple[int, int]]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    if not pairs:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    array = np.asarray(pairs, dtype=np.int64)
    return array[:, 0], array[:, 1]


def _apply_splits(
    labels: NDArray[np.int64], index: dict[str, int], rules: Constraints, star: pl.DataFrame,
    usable: pl.DataFrame, pairs: pl.DataFrame, joins: list[tuple[int, int]], merges: list[tuple[int, int]], n: int,
) -> NDArray[np.int64]:
    splits = [({index[r] for r in apart if r in index}, {index[r] for r in rest if r in index})
              for apart, rest in rules.splits]
    broken = {int(labels[a]) for apart, rest in splits for a in apart} & {
        int(labels[b]) for apart, rest in splits for b in rest
    }
    if not broken:
        return labels
    labels = labels.copy()
    fresh = int(labels.max()) + 1
    floors = usable.group_by("ident").agg(pl.col("weight").min())
    star_weighted = star.join(floors, on="ident").with_columns(
        (pl.col("ident").rank("dense").cast(pl.Int64) - 1 + n).alias("node")
    )
    for label in sorted(broken):
        nodes = [int(i) for i in np.flatnonzero(labels == label)]
        inside = set(nodes)
        edges: list[tuple[float, int, int]] = [(float("inf"), a, b) for a, b in merges if a in inside]
        local_star = star_weighted.filter(pl.col("r").is_in(nodes))
        edges += [(w, r, node) for r, node, w in local_star.select("r", "node", "weight").iter_rows()]
        nodes += sorted(set(local_star["node"].to_list()))
        local_pairs = pairs.filter(pl.col("a").is_in(list(inside)))
        edges += [(w, a, b) for a, b, w in local_pairs.select("a", "b", "weight").iter_rows()]
        edges += [(0.0, a, b) for a, b in joins if a in inside]
        for node, part in split_component(nodes, edges, splits).items():
            if node < n:
                labels[node] = fresh + part
    return labels


def _founding_rank(members: pl.DataFrame, series: set[str]) -> dict[str, int]:
    """Old series ordered by their founding report: (earliest time, report id)."""
    firsts = (
        members.filter(pl.col("series").is_in(list(series))).sort("at", "report")
        .group_by("series", maintain_order=True).first().with_row_index("rank")
    )
    return dict(zip(firsts["series"].to_list(), firsts["rank"].to_list(), strict=True))


def _join_components(
    labels: NDArray[np.int64], extra: list[tuple[NDArray[np.int64], NDArray[np.int64]]]
) -> NDArray[np.int64]:
    """Components after adding report pairs, computed on the (small) graph of components."""
    a = np.concatenate([pair[0] for pair in extra])
    b = np.concatenate([pair[1] for pair in extra])
    if a.size == 0:
        return labels
    size = int(labels.max()) + 1
    matrix = coo_matrix((np.ones(a.size, dtype=np.int8), (labels[a], labels[b])), shape=(size, size))
    _, joined = connected_components(matrix, directed=False)
    result: NDArray[np.int64] = joined[labels].astype(np.int64)
    return result


def _links(usable: pl.DataFrame, series: pl.Series, names: pl.Series) -> pl.DataFrame:
    """Identifiers that join two or more reports of one series, with their smallest weight there."""
    return (
        usable.with_columns(series.gather(usable["r"]).alias("series"), names.gather(usable["r"]).alias("report"))
        .group_by("series", "ident").agg(pl.col("weight").min(), pl.col("report").sort().alias("report_ids"))
        .filter(pl.col("report_ids").list.len() >= 2)
        .sort("series", "ident")
    )
