"""Linking speed and memory at scale, on a synthetic identifier-level world (run on demand).

    .venv/bin/python benchmarks/bench_linking.py [--reports 1000000] [--incremental 10000]

Inputs are generated at the identifier level (``make_world`` below), not by extracting 1M
texts: extraction has its own benchmark. Times `link` on the whole batch, then `link` of
``--incremental`` new reports into the resulting state, and prints wall/CPU time, peak RSS
(getrusage) and pairwise precision/recall/F1 against the generated series.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import time

import numpy as np
import polars as pl

from netwarden.core.linking import link
from netwarden.core.linking.evaluation import score_partition

# The world (identifier level, no texts). Gang series of heavy-tailed size rotate their card,
# phone, WeChat and handle every ~15 reports with overlap; each report quotes some of its
# series' current identifiers. A third of reports are lone. Victims quote their own phone (5 %
# file a repeat with no suspect details). Hubs (95588, taobao.com), one value planted in 10 % of
# all reports (the fan-out attack) and app names from a shared pool add the noise to refuse.
SLOTS = ("bank_card", "phone", "wechat", "handle")
ROTATION = 15


def make_world(n: int, seed: int = 7) -> tuple[pl.DataFrame, pl.DataFrame, np.ndarray]:
    """(reports, edges, true series per report) for ``n`` reports."""
    rng = np.random.default_rng(seed)
    gang_reports = int(n * 0.66)
    sizes = np.clip(rng.lognormal(2.3, 1.1, size=gang_reports // 8), 2, 400).astype(np.int64)
    sizes = sizes[np.cumsum(sizes) <= gang_reports]
    series = np.concatenate([np.repeat(np.arange(sizes.size), sizes), sizes.size + np.arange(n - sizes.sum())])
    rng.shuffle(series)
    at = np.sort(rng.integers(0, 180 * 86_400, size=n)) * 1_000_000
    report_ids = pl.Series("report", [f"R{i:08d}" for i in range(n)])
    # position of each report inside its series, in time order
    order = np.lexsort((np.arange(n), series))
    position = np.empty(n, np.int64)
    starts = np.r_[0, np.flatnonzero(np.diff(series[order])) + 1]
    counts = np.diff(np.r_[starts, n])
    position[order] = np.arange(n) - np.repeat(starts, counts)
    duplicate = rng.random(n) < 0.05
    victim_of = np.where(duplicate, np.maximum(np.arange(n) - rng.integers(1, 50, size=n), 0), np.arange(n))
    frames = []
    for number, slot in enumerate(SLOTS):
        use = rng.random(n) < 0.55
        window = (position + rng.integers(0, 8, size=n)) // ROTATION
        frames.append(_edges(report_ids, use & ~duplicate, slot, f"{number}-", series, window, "suspect"))
    # A repeat tells the same story with the victim's own phone and no suspect details.
    series = np.where(duplicate, series[victim_of], series)
    frames.append(_edges(report_ids, np.ones(n, bool), "phone", "v-", victim_of, victim_of * 0, "victim"))
    frames.append(_constant(report_ids, rng.random(n) < 0.10, "phone", "95588", "unknown"))
    frames.append(_constant(report_ids, rng.random(n) < 0.05, "domain", "taobao.com", "unknown"))
    frames.append(_constant(report_ids, rng.random(n) < 0.10, "alipay", "everyone@example.com", "suspect"))
    apps = rng.integers(0, 2000, size=n)
    frames.append(_edges(report_ids, rng.random(n) < 0.3, "app_name", "app-", apps, apps * 0, "suspect"))
    reports = pl.DataFrame({"report": report_ids, "at": at})
    return reports, pl.concat(frames), series


def _edges(
    ids: pl.Series, use: np.ndarray, type_name: str, prefix: str, owner: np.ndarray, window: np.ndarray, role: str
) -> pl.DataFrame:
    frame = pl.DataFrame({"report": ids, "owner": owner, "window": window}).filter(pl.Series(use))
    return frame.select(
        "report",
        pl.format(f"{type_name}:{prefix}{{}}-{{}}", "owner", "window").alias("ident"),
        pl.lit(type_name).alias("type"),
        pl.lit(role).alias("role"),
    )


def _constant(ids: pl.Series, use: np.ndarray, type_name: str, value: str, role: str) -> pl.DataFrame:
    return pl.DataFrame({"report": ids}).filter(pl.Series(use)).select(
        "report", pl.lit(f"{type_name}:{value}").alias("ident"), pl.lit(type_name).alias("type"),
        pl.lit(role).alias("role"),
    )


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--incremental", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    total = args.reports + args.incremental
    reports, edges, truth = make_world(total, args.seed)
    old_reports, new_reports = reports[: args.reports], reports[args.reports :]
    old_edges = edges.join(old_reports.select("report"), on="report", how="semi")
    new_edges = edges.join(new_reports.select("report"), on="report", how="semi")
    figures: dict[str, object] = {"batch_reports": old_reports.height, "edges": old_edges.height,
                                  "peak_mb_after_generation": round(_peak_mb())}
    wall, cpu = time.perf_counter(), time.process_time()
    batch = link(old_reports, old_edges)
    figures["batch_wall_s"] = round(time.perf_counter() - wall, 2)
    figures["batch_cpu_s"] = round(time.process_time() - cpu, 2)
    figures["peak_mb_after_batch"] = round(_peak_mb())
    figures["refused"] = batch.refused.to_dicts()
    wall, cpu = time.perf_counter(), time.process_time()
    step = link(new_reports, new_edges, batch.state)
    figures["incremental_reports"] = new_reports.height
    figures["incremental_wall_s"] = round(time.perf_counter() - wall, 2)
    figures["incremental_cpu_s"] = round(time.process_time() - cpu, 2)
    figures["incremental_touched_series"] = len(step.touched_series)
    figures["peak_mb"] = round(_peak_mb())
    true_series = dict(zip(reports["report"].to_list(), [str(s) for s in truth.tolist()], strict=True))
    score = score_partition(true_series, step.state.series_of())
    figures.update({k: round(v, 4) if isinstance(v, float) else v for k, v in score.as_dict().items()})
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
