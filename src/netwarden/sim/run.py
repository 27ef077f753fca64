"""`simulate()`: build one world from a seed and write every input file plus its ground truth."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from netwarden.sim import calls, claims, loans, money, posts, truth
from netwarden.sim.badrows import inject_bad_rows
from netwarden.sim.gangs import build_gangs
from netwarden.sim.ids import IdentifierFactory
from netwarden.sim.report_render import render
from netwarden.sim.reports import plan_reports
from netwarden.sim.world import World, substream
from netwarden.sim.writer import JsonlWriter

REPORTS_PER_SCALE = 2000
STAGES = ("gangs", "report plans", "loans", "calls", "transactions", "report texts", "complaints", "posts", "truth")
Progress = Callable[[str, int, int], None]


@dataclass
class SimSummary:
    seed: int
    scale: float
    out_dir: Path
    counts: dict[str, int] = field(default_factory=dict)  # file name → rows written
    truth_counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def _quiet(_stage: str, _done: int, _total: int) -> None:
    return None


def simulate(
    seed: int, scale: float, out_dir: Path, *, with_bad_rows: bool = False, progress: Progress | None = None
) -> SimSummary:
    """Write reports.jsonl, transactions.csv, calls.csv, contacts.csv, posts.jsonl, loans.jsonl,
    complaints.jsonl and truth/ for one world. Same seed and scale → byte-identical files."""
    if scale <= 0:
        raise ValueError("scale must be positive")
    # Millions of small, acyclic records: the cyclic collector would rescan them again and again.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _simulate(seed, scale, Path(out_dir), with_bad_rows, progress)
    finally:
        if was_enabled:
            gc.enable()


def _simulate(seed: int, scale: float, out_dir: Path, with_bad_rows: bool, progress: Progress | None) -> SimSummary:
    started = time.perf_counter()
    tick = progress or _quiet
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = SimSummary(seed, scale, out_dir)
    n_reports = max(50, round(REPORTS_PER_SCALE * scale))
    stages = STAGES
    step = iter(range(1, len(stages) + 1))

    tick("gangs", next(step), len(stages))
    world = World(seed, scale, IdentifierFactory(substream(seed, "identifiers")))
    build_gangs(world, n_reports)

    tick("report plans", next(step), len(stages))
    plans = plan_reports(world, substream(seed, "reports"), n_reports)

    tick("loans", next(step), len(stages))
    loan_book = loans.generate(world, substream(seed, "loans"), plans)
    summary.counts["loans.jsonl"] = loans.write(out_dir / "loans.jsonl", loan_book)

    tick("calls", next(step), len(stages))
    call_log = calls.write(world, substream(seed, "calls"), loan_book, out_dir)
    summary.counts.update(call_log.counts)

    tick("transactions", next(step), len(stages))
    ledger, traces = money.victim_flows(world, substream(seed, "money"), plans)
    bg_rows = round(6 * n_reports)
    summary.counts["transactions.csv"] = money.write_transactions(
        out_dir / "transactions.csv", ledger, money.background(world, substream(seed, "background"), bg_rows)
    )

    tick("report texts", next(step), len(stages))
    report_truth = out_dir / "truth" / "reports.jsonl"
    with JsonlWriter(out_dir / "reports.jsonl") as out, JsonlWriter(report_truth) as tout:
        for plan in plans:
            record, true = render(plan)
            out.write(record)
            tout.write(true)
    summary.counts["reports.jsonl"] = len(plans)

    tick("complaints", next(step), len(stages))
    claim_book = claims.generate(world, substream(seed, "claims"), n_reports)
    summary.counts["complaints.jsonl"] = claims.write(out_dir / "complaints.jsonl", claim_book)

    tick("posts", next(step), len(stages))
    post_book = posts.generate(world, substream(seed, "posts"), n_reports, claim_book)
    summary.counts["posts.jsonl"] = posts.write(out_dir / "posts.jsonl", post_book)

    tick("truth", next(step), len(stages))
    summary.truth_counts = truth.write_all(
        out_dir / "truth", world, plans, traces, loan_book, call_log, claim_book, post_book
    )
    if with_bad_rows:
        summary.truth_counts["bad_rows.jsonl"] = inject_bad_rows(out_dir, substream(seed, "bad-rows"))
    summary.seconds = time.perf_counter() - started
    return summary
