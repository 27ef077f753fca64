"""The same linking done with Splink (deterministic rules, DuckDB) beside netwarden's, same data.

    .venv/bin/pip install splink   # not a netwarden dependency; only this benchmark needs it
    .venv/bin/python benchmarks/bench_splink.py [--reports 100000] [--seed 7]

Both sides get the same identifier-level world (``make_world`` in benchmarks/bench_linking.py) and the same
pre-cleaning netwarden does (hub list and data-driven hubs, the fan-out cap, victim-side
identifiers dropped), because Splink has no hub guard or notion of role. Splink then links two
reports when they share (rule 1) any identifier of a type netwarden lets link alone (cards,
wallets, QQ, phones, handles, e-mails, URLs) or (rule 2) a domain and an app name; clusters are
its connected components. Prints wall/CPU time and pairwise precision/recall/F1 of each and the
ratios.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import polars as pl
from splink import Linker, SettingsCreator, block_on
from splink.backends.duckdb import DuckDBAPI

sys.path.insert(0, str(Path(__file__).parent))

from bench_linking import make_world  # noqa: E402

from netwarden.core.linking import LinkConfig, link  # noqa: E402
from netwarden.core.linking.evaluation import score_partition  # noqa: E402
from netwarden.core.linking.weights import collapse_roles, find_new_hubs, ident_stats, weigh  # noqa: E402


def splink_inputs(reports: pl.DataFrame, edges: pl.DataFrame, config: LinkConfig) -> pl.DataFrame:
    """One row per report with array columns of the identifiers each rule may use."""
    collapsed = collapse_roles(edges)
    stats = ident_stats(collapsed)
    hubs = set(find_new_hubs(stats, set(), reports.height, config)["ident"].to_list())
    usable = weigh(collapsed, stats, hubs, config).filter(
        pl.col("refused").is_null() & (pl.col("side") != "victim") & (pl.col("weight") > 0)
    )
    alone = [t for t, w in config.weights.items() if w >= config.threshold]
    arrays = usable.group_by("report").agg(
        pl.col("ident").filter(pl.col("type").is_in(alone)).alias("alone"),
        pl.col("ident").filter(pl.col("type") == "domain").alias("domains"),
        pl.col("ident").filter(pl.col("type") == "app_name").alias("apps"),
    )
    return reports.select(pl.col("report").alias("unique_id")).join(
        arrays, left_on="unique_id", right_on="report", how="left"
    ).with_columns(pl.col("alone", "domains", "apps").fill_null(pl.lit([], dtype=pl.List(pl.String))))


def run_splink(table: pl.DataFrame) -> dict[str, str]:
    db_api = DuckDBAPI()
    frame = db_api.register(table.to_arrow(), dataset_display_name="reports")
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("alone", arrays_to_explode=["alone"]),
            block_on("domains", "apps", arrays_to_explode=["domains", "apps"]),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(frame, settings)
    pairs = linker.inference.deterministic_link()
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pairs, None)
    result = pl.from_arrow(clusters.as_duckdbpyrelation().select("unique_id, cluster_id").arrow())
    assert isinstance(result, pl.DataFrame)
    return dict(zip(result["unique_id"].to_list(), [str(c) for c in result["cluster_id"].to_list()], strict=True))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    config = LinkConfig()
    reports, edges, truth = make_world(args.reports, args.seed)
    true_series = dict(zip(reports["report"].to_list(), [str(s) for s in truth.tolist()], strict=True))
    figures: dict[str, object] = {"reports": reports.height}
    wall, cpu = time.perf_counter(), time.process_time()
    ours = link(reports, edges, config=config).state.series_of()
    figures["netwarden_wall_s"] = round(time.perf_counter() - wall, 2)
    figures["netwarden_cpu_s"] = round(time.process_time() - cpu, 2)
    wall, cpu = time.perf_counter(), time.process_time()
    theirs = run_splink(splink_inputs(reports, edges, config))
    figures["splink_wall_s"] = round(time.perf_counter() - wall, 2)
    figures["splink_cpu_s"] = round(time.process_time() - cpu, 2)
    for name, found in (("netwarden", ours), ("splink", theirs)):
        score = score_partition(true_series, found)
        figures[f"{name}_precision"] = round(score.precision, 4)
        figures[f"{name}_recall"] = round(score.recall, 4)
        figures[f"{name}_f1"] = round(score.f1, 4)
    figures["f1_ratio_netwarden_over_splink"] = round(
        float(figures["netwarden_f1"]) / max(float(figures["splink_f1"]), 1e-9), 3  # type: ignore[arg-type]
    )
    figures["wall_ratio_splink_over_netwarden"] = round(
        float(figures["splink_wall_s"]) / max(float(figures["netwarden_wall_s"]), 1e-9), 2  # type: ignore[arg-type]
    )
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
