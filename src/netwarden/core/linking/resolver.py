"""`link`: add reports to the resolver state, relinking only the series they (or judgements) touch.

Batch and incremental are one path: a batch is an incremental run on an empty state. The work
is partitioned: the touched sub-world (new reports, reports sharing an identifier with them,
reports named by changed judgements, and every member of those reports' series) is linked as
edge columns -> connected components; everything else keeps its series untouched.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import polars as pl
from numpy.typing import NDArray

from netwarden.core.linking.config import FAMILIES, WEAK_FAMILY, LinkConfig
from netwarden.core.linking.constrained import split_component
from netwarden.core.linking.duplicates import attachments, duplicate_of, shared_pairs
from netwarden.core.linking.graph import components, linking_edges, pair_edges, star_edges
from netwarden.core.linking.ids import assign
from netwarden.core.linking.judgements import Constraints, changed_reports, constraints
from netwarden.core.linking.model import HUB_SCHEMA, MEMBER_SCHEMA, MERGED_SCHEMA, Judgement, LinkResult, ResolverState
from netwarden.core.linking.weights import find_new_hubs, ident_stats, warn_refused, weigh

_WEAK_TYPES = frozenset(type_name for type_name, family in FAMILIES.items() if family == WEAK_FAMILY)


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
    all_edges = pl.concat([state.edges.filter(~pl.col("report").is_in(incoming.implode())), edges])
    known_hubs = set(state.hubs["ident"].to_list())
    sub_reports = _sub_world(reports, edges, state, judgements, rules, known_hubs, config)
    sub_edges = all_edges.filter(pl.col("report").is_in(sub_reports["report"].implode()))
    stats = ident_stats(all_edges.filter(pl.col("ident").is_in(sub_edges["ident"].unique().implode())))
    n_total = state.members.height + reports.filter(~pl.col("report").is_in(state.members["report"].implode())).height
    new_hubs = find_new_hubs(stats, known_hubs, n_total, config)
    hubs = known_hubs | set(new_hubs["ident"].to_list())
    order = sub_reports.sort("at", "report").with_row_index("r").with_columns(pl.col("r").cast(pl.Int64))
    weighted = _without_unlinked(weigh(sub_edges, stats, hubs, config), rules).join(
        order.select("report", "r"), on="report"
    )
    refused = warn_refused(weighted, config)
    labels, dup_pairs, usable = _label(order, weighted, rules, config)
    names = order["report"].to_list()
    comp_lists = _component_lists(labels, names)
    stored = state.members.join(order.select("report"), on="report", how="semi")
    sub_previous = dict(zip(stored["report"].to_list(), stored["series"].to_list(), strict=True))
    founding = _founding_rank(state.members, set(sub_previous.values()))
    retired = set(state.merged["series"].to_list())
    in_use = set(state.members["series"].unique().to_list()) - set(sub_previous.values())
    named = assign([reports_ for _, reports_ in comp_lists], sub_previous, founding, in_use, retired)
    series_by_label = {label: named.series[i] for i, (label, _) in enumerate(comp_lists)}
    series_col = [series_by_label[int(label)] for label in labels]
    dups = duplicate_of(dup_pairs, labels)
    members = order.select("report", "at").with_columns(
        pl.Series("series", series_col, dtype=pl.String),
        pl.Series("duplicate_of", [names[dups[i]] if i in dups else None for i in range(len(names))], dtype=pl.String),
    )
    merged_now = pl.DataFrame(
        {"series": list(named.merged), "merged_into": list(named.merged.values())}, schema=dict(MERGED_SCHEMA)
    ).sort("series")
    new_state = ResolverState(
        members=pl.concat([
            state.members.filter(~pl.col("report").is_in(order["report"].implode())), members.select(*MEMBER_SCHEMA)
        ]),
        edges=all_edges,
        merged=pl.concat([state.merged.filter(~pl.col("series").is_in(list(named.revived))), merged_now]),
        hubs=pl.concat([state.hubs, new_hubs.select(*HUB_SCHEMA)]),
        applied=rules.in_force,
    )
    links = _links(usable, labels, names, series_by_label)
    touched = frozenset(named.series) | frozenset(named.merged)
    return LinkResult(new_state, links, merged_now, refused, touched)


def _sub_world(
    reports: pl.DataFrame, edges: pl.DataFrame, state: ResolverState, judgements: Sequence[Judgement],
    rules: Constraints, known_hubs: set[str], config: LinkConfig,
) -> pl.DataFrame:
    """New reports plus every stored report whose series they or changed judgements may touch."""
    if state.members.is_empty():
        return reports.select("report", "at")
    # Weak identifiers cannot link alone, so they cannot bring a stored report into reach.
    new_idents = edges.filter(~pl.col("type").is_in(list(_WEAK_TYPES))).get_column("ident").unique()
    old = state.edges.filter(pl.col("ident").is_in(new_idents.implode()))
    old_counts = old.group_by("ident").agg(pl.col("report").n_unique().alias("n"))
    linkable = old_counts.filter((pl.col("n") <= config.fan_out_cap) & ~pl.col("ident").is_in(list(known_hubs)))
    seeds = set(old.join(linkable, on="ident", how="semi")["report"].to_list())
    seeds |= changed_reports(state.applied, judgements, rules)
    seeds |= set(reports["report"].to_list())
    touched_series = state.members.filter(pl.col("report").is_in(list(seeds)))["series"].unique()
    old_members = state.members.filter(
        pl.col("series").is_in(touched_series.implode()) & ~pl.col("report").is_in(reports["report"].implode())
    ).select("report", "at")
    return pl.concat([old_members, reports.select("report", "at")])


def _without_unlinked(weighted: pl.DataFrame, rules: Constraints) -> pl.DataFrame:
    if not rules.unlinked:
        return weighted
    unlinked = pl.DataFrame(sorted(rules.unlinked), schema={"report": pl.String(), "ident": pl.String()}, orient="row")
    return weighted.join(unlinked, on=["report", "ident"], how="anti")


def _label(
    order: pl.DataFrame, weighted: pl.DataFrame, rules: Constraints, config: LinkConfig
) -> tuple[NDArray[np.int64], list[tuple[int, int]], pl.DataFrame]:
    n = order.height
    usable = linking_edges(weighted, config.unknown_role_factor)
    star = star_edges(usable, config.threshold)
    pairs = pair_edges(usable, config)
    pair_arrays = (pairs["a"].to_numpy(), pairs["b"].to_numpy())
    suspect_labels = components(n, star, [pair_arrays])
    dup_pairs = shared_pairs(weighted, "victim", config.victim_fan_out_cap)
    unsure_pairs = shared_pairs(weighted, "unsure", config.victim_fan_out_cap, config.threshold)
    joins = attachments(sorted(set(dup_pairs) | set(unsure_pairs)), suspect_labels)
    index = dict(zip(order["report"].to_list(), order["r"].to_list(), strict=True))
    merges = [(index[a], index[b]) for a, b in rules.merges if a in index and b in index]
    extra = [_arrays(joins), _arrays(merges)]
    labels = components(n, star, [pair_arrays, *extra])
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


def _component_lists(labels: NDArray[np.int64], names: list[str]) -> list[tuple[int, list[str]]]:
    """Components as (label, reports earliest first), ordered by their earliest report."""
    groups: dict[int, list[str]] = {}
    for i, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(names[i])
    return list(groups.items())


def _founding_rank(members: pl.DataFrame, series: set[str]) -> dict[str, int]:
    """Old series ordered by their founding report: (earliest time, report id)."""
    firsts = (
        members.filter(pl.col("series").is_in(list(series))).sort("at", "report")
        .group_by("series", maintain_order=True).first().with_row_index("rank")
    )
    return dict(zip(firsts["series"].to_list(), firsts["rank"].to_list(), strict=True))


def _links(
    usable: pl.DataFrame, labels: NDArray[np.int64], names: list[str], series_by_label: dict[int, str]
) -> pl.DataFrame:
    """Identifiers that join two or more reports of one series, with their weight."""
    label_frame = pl.DataFrame({"r": np.arange(len(names), dtype=np.int64), "label": labels})
    lookup = pl.DataFrame({"label": list(series_by_label), "series": list(series_by_label.values())},
                          schema={"label": pl.Int64(), "series": pl.String()})
    named = pl.DataFrame({"r": np.arange(len(names), dtype=np.int64), "report": names})
    return (
        usable.join(label_frame, on="r").join(lookup, on="label").join(named, on="r")
        .group_by("series", "ident").agg(pl.col("weight").min(), pl.col("report").sort().alias("report_ids"))
        .filter(pl.col("report_ids").list.len() >= 2)
        .sort("series", "ident")
    )
