"""Edge weights: which side of the story an identifier is on, how strong it is, and refusals.

Input and output are columns: one row per (report, identifier) occurrence. Nothing here holds
the whole world in a Python dict; the per-identifier checks (the hub list) run once per distinct
value seen in at least two reports, because a value in one report can link nothing.
"""

from __future__ import annotations

import logging

import polars as pl

from netwarden.core.identifiers import find_hubs, is_hub
from netwarden.core.linking.config import FAMILIES, SERVICE_PHONE, SERVICE_PHONE_PATTERN, LinkConfig

log = logging.getLogger(__name__)

_ROLE_RANK = {"suspect": 0, "victim": 1, "unknown": 2}


def ident_stats(edges: pl.DataFrame) -> pl.DataFrame:
    """Per identifier: reports mentioning it, and how many label it suspect / victim."""
    per_report = collapse_roles(edges)
    return per_report.group_by("ident").agg(
        pl.len().alias("reports"),
        (pl.col("role") == "suspect").sum().alias("suspect_reports"),
        (pl.col("role") == "victim").sum().alias("victim_reports"),
    )


def collapse_roles(edges: pl.DataFrame) -> pl.DataFrame:
    """One row per (report, identifier): suspect beats victim beats unknown within one report."""
    return (
        edges.with_columns(pl.col("role").replace_strict(_ROLE_RANK, default=2, return_dtype=pl.Int8).alias("rank"))
        .sort("rank")
        .unique(["report", "ident"], keep="first")
        .drop("rank")
    )


def find_new_hubs(stats: pl.DataFrame, known: set[str], n_reports: int, config: LinkConfig) -> pl.DataFrame:
    """Identifiers on the shipped warning list or data-driven hubs, not already in ``known``."""
    shared = stats.filter((pl.col("reports") >= 2) & ~pl.col("ident").is_in(list(known)))
    rows: dict[str, list[str]] = {"ident": [], "reason": []}
    for ident in shared["ident"].to_list():
        type_name, _, value = ident.partition(":")
        listed = is_hub(type_name, value)
        if listed is not None:
            rows["ident"].append(ident)
            rows["reason"].append(f"hub list: {listed.reason}")
    listed_now = set(rows["ident"])
    crowded = shared.filter(pl.col("reports") >= config.hub_min_reports)
    counts = {tuple(ident.partition(":")[::2]): int(n) for ident, n in crowded.select("ident", "reports").iter_rows()}
    for hub in find_hubs(counts, n_reports, min_reports=config.hub_min_reports, max_share=config.hub_max_share):
        ident = f"{hub.type}:{hub.value}"
        if ident not in listed_now:
            rows["ident"].append(ident)
            rows["reason"].append(f"data hub: {hub.reason}")
    return pl.DataFrame(rows, schema={"ident": pl.String(), "reason": pl.String()})


def weigh(edges: pl.DataFrame, stats: pl.DataFrame, hubs: set[str], config: LinkConfig) -> pl.DataFrame:
    """Each (report, identifier) with its side and linking weight.

    Columns out: report, ident, type, family, side, weight, refused (reason or null), reports.
    ``side`` is suspect, victim, or unsure: role unknown here and never settled by another
    report, in few enough reports (``victim_fan_out_cap``) to be one victim's own. ``weight``
    is the full weight; an unsure occurrence counts ``unknown_role_factor`` of it in sums.
    ``stats`` must cover every identifier in ``edges`` with counts over all reports known.
    """
    weights = {type_name: float(w) for type_name, w in config.weights.items()}
    knee = config.frequency_knee
    frame = collapse_roles(edges).join(stats, on="ident", how="left")
    unknown_side = (
        pl.when((pl.col("suspect_reports") > 0) & (pl.col("victim_reports") == 0)).then(pl.lit("suspect"))
        .when((pl.col("victim_reports") > 0) & (pl.col("suspect_reports") == 0)).then(pl.lit("victim"))
        .otherwise(pl.lit("unsure"))
    )
    side = pl.when(pl.col("role") == "unknown").then(unknown_side).otherwise(pl.col("role"))
    side = pl.when((side == "unsure") & (pl.col("reports") > config.victim_fan_out_cap)).then(
        pl.lit("suspect")).otherwise(side)
    frequency = (
        pl.when(pl.col("reports") <= knee).then(1.0)
        .otherwise(1.0 / (1.0 + (pl.col("reports").cast(pl.Float64) / knee).log10()))
    )
    refused = (
        pl.when(pl.col("ident").is_in(list(hubs))).then(pl.lit("hub"))
        .when(pl.col("reports") > config.fan_out_cap).then(pl.lit("fan_out"))
        .otherwise(None)
    )
    service = (pl.col("type") == "phone") & pl.col("ident").str.slice(6).str.contains(SERVICE_PHONE_PATTERN)
    return (
        frame.with_columns(
            side.alias("side"), frequency.alias("frequency"),
            pl.when(service).then(pl.lit(SERVICE_PHONE)).otherwise(pl.col("type")).alias("type"),
        )
        .with_columns(
            (pl.col("type").replace_strict(weights, default=0.0, return_dtype=pl.Float64)
             * pl.col("frequency")).alias("weight"),
            pl.col("type").replace_strict(dict(FAMILIES), default=pl.col("type")).alias("family"),
            refused.alias("refused"),
        )
        .select("report", "ident", "type", "family", "side", "weight", "refused", "reports")
    )


def warn_refused(weighted: pl.DataFrame, config: LinkConfig) -> pl.DataFrame:
    """Log each fan-out refusal once; return (ident, reason) for every refused identifier."""
    refused = weighted.filter(pl.col("refused").is_not_null()).group_by("ident").agg(
        pl.col("refused").first(), pl.col("reports").max()
    ).sort("ident")
    for ident, reason, reports in refused.iter_rows():
        if reason == "fan_out":
            log.warning(
                "fan-out guard: %s is in %d reports (cap %d); it links nothing", ident, reports, config.fan_out_cap
            )
    return refused.select("ident", pl.col("refused").alias("reason"))

