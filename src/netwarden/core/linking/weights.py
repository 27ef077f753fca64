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


def collapse_roles(edges: pl.DataFrame) -> pl.DataFrame:
    """One row per (report, identifier): suspect beats victim beats unknown within one report."""
    roles = {rank: role for role, rank in _ROLE_RANK.items()}
    return (
        edges.group_by("report", "ident")
        .agg(pl.col("type").first(), pl.col("role").replace_strict(_ROLE_RANK, default=2, return_dtype=pl.Int8).min())
        .with_columns(pl.col("role").replace_strict(roles, return_dtype=pl.String))
    )


def ident_stats(collapsed: pl.DataFrame) -> pl.DataFrame:
    """Per identifier (from ``collapse_roles`` rows): reports mentioning it, how many say suspect / victim."""
    return collapsed.group_by("ident").agg(
        pl.col("type").first(),
        pl.len().alias("reports"),
        (pl.col("role") == "suspect").sum().alias("suspect_reports"),
        (pl.col("role") == "victim").sum().alias("victim_reports"),
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
    crowded = shared.filter(
        (pl.col("reports") >= config.hub_min_reports) & ~pl.col("type").is_in(list(config.data_hub_exempt))
    )
    counts = {tuple(ident.partition(":")[::2]): int(n) for ident, n in crowded.select("ident", "reports").iter_rows()}
    for hub in find_hubs(counts, n_reports, min_reports=config.hub_min_reports, max_share=config.hub_max_share):
        ident = f"{hub.type}:{hub.value}"
        if ident not in listed_now:
            rows["ident"].append(ident)
            rows["reason"].append(f"data hub: {hub.reason}")
    return pl.DataFrame(rows, schema={"ident": pl.String(), "reason": pl.String()})


def weigh(collapsed: pl.DataFrame, stats: pl.DataFrame, hubs: set[str], config: LinkConfig) -> pl.DataFrame:
    """Each (report, identifier) with its side and linking weight.

    Columns out: report, ident, type, family, side, weight, refused (reason or null), reports.
    ``side`` is suspect, victim, or unsure: role unknown here and never settled by another
    report, in few enough reports (``victim_fan_out_cap``) to be one victim's own. ``weight``
    is the full weight; an unsure occurrence counts ``unknown_role_factor`` of it in sums.
    ``collapsed`` comes from ``collapse_roles``; ``stats`` must cover its identifiers with
    counts over all reports known.
    """
    per_ident = _per_identifier(stats, hubs, config)
    unknown_side = (
        pl.when((pl.col("suspect_reports") > 0) & (pl.col("victim_reports") == 0)).then(pl.lit("suspect"))
        .when((pl.col("victim_reports") > 0) & (pl.col("suspect_reports") == 0)).then(pl.lit("victim"))
        .when(pl.col("reports") > config.victim_fan_out_cap).then(pl.lit("suspect"))
        .otherwise(pl.lit("unsure"))
    )
    return (
        collapsed.select("report", "ident", "role")
        .join(per_ident, on="ident", how="left")
        .with_columns(pl.when(pl.col("role") == "unknown").then(unknown_side).otherwise(pl.col("role")).alias("side"))
        .select("report", "ident", "type", "family", "side", "weight", "refused", "reports")
    )


def _per_identifier(stats: pl.DataFrame, hubs: set[str], config: LinkConfig) -> pl.DataFrame:
    """Type (service lines apart), family, full weight and refusal, once per distinct value."""
    weights = {type_name: float(w) for type_name, w in config.weights.items()}
    knee = config.frequency_knee
    service = (pl.col("type") == "phone") & pl.col("ident").str.slice(6).str.contains(SERVICE_PHONE_PATTERN)
    frequency = (
        pl.when(pl.col("reports") <= knee).then(1.0)
        .otherwise(1.0 / (1.0 + (pl.col("reports").cast(pl.Float64) / knee).log10()))
    )
    refused = (
        pl.when(pl.col("ident").is_in(list(hubs))).then(pl.lit("hub"))
        .when(pl.col("reports") > config.fan_out_cap).then(pl.lit("fan_out"))
        .otherwise(None)
    )
    return (
        stats.with_columns(pl.when(service).then(pl.lit(SERVICE_PHONE)).otherwise(pl.col("type")).alias("type"))
        .with_columns(
            (pl.col("type").replace_strict(weights, default=0.0, return_dtype=pl.Float64) * frequency).alias("weight"),
            pl.col("type").replace_strict(dict(FAMILIES), default=pl.col("type")).alias("family"),
            refused.alias("refused"),
        )
    )


def warn_refused(weighted: pl.DataFrame, known: pl.DataFrame, config: LinkConfig) -> pl.DataFrame:
    """(ident, reason) for every refused identifier; a new fan-out refusal is logged, once.

    Refusals are kept in the state with the hubs (a value over the cap stays refused), so the
    warning appears in the run that first sees the value cross the cap.
    """
    refused = weighted.filter(pl.col("refused").is_not_null()).group_by("ident").agg(
        pl.col("refused").first(), pl.col("reports").max()
    ).sort("ident").join(known, on="ident", how="left")
    reasons = []
    for ident, kind, reports, stored in refused.select("ident", "refused", "reports", "reason").iter_rows():
        if stored is not None:
            reasons.append(stored)
        elif kind == "fan_out":
            log.warning(
                "fan-out guard: %s is in %d reports (cap %d); it links nothing", ident, reports, config.fan_out_cap
            )
            reasons.append(f"fan-out: in {reports} reports (cap {config.fan_out_cap})")
        else:
            reasons.append("hub")
    return refused.select("ident", pl.Series("reason", reasons, dtype=pl.String))
