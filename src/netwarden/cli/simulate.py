"""`netwarden simulate`: write a simulated campaign (every input file) and its ground truth."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from netwarden.errors import InputError
from netwarden.sim import SimSummary, simulate
from netwarden.sim.run import STAGES


def register(app: typer.Typer, evaluate_app: typer.Typer) -> None:
    """Add `netwarden simulate` to the root app (it has no evaluate sub-command)."""
    del evaluate_app
    app.command("simulate")(simulate_command)


def simulate_command(
    out: Annotated[Path, typer.Option("--out", help="Directory to write the files and truth/ into.")],
    seed: Annotated[int, typer.Option("--seed", help="Same seed and scale give byte-identical files.")] = 1,
    scale: Annotated[float, typer.Option("--scale", help="1 ≈ 2,000 reports; grows linearly.")] = 1.0,
    with_bad_rows: Annotated[bool, typer.Option("--with-bad-rows", help="Append deliberately broken rows.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Simulate a campaign: gangs, victims' reports, money, loans, calls, complaints and posts."""
    if scale <= 0 or scale > 10_000:
        raise InputError(f"--scale must be in (0, 10000], got {scale}")
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} exists and is not a directory")
    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        disable=as_json,
    ) as bar:
        task = bar.add_task("simulating", total=len(STAGES))

        def tick(stage: str, done: int, total: int) -> None:
            bar.update(task, description=f"simulating: {stage}", completed=done - 1, total=total)

        summary = simulate(seed, scale, out, with_bad_rows=with_bad_rows, progress=tick)
        bar.update(task, description="simulating: done", completed=len(STAGES))
    if as_json:
        typer.echo(json.dumps(_as_dict(summary), ensure_ascii=False))
        return
    _print_table(summary)


def _as_dict(summary: SimSummary) -> dict[str, object]:
    return {
        "seed": summary.seed,
        "scale": summary.scale,
        "out_dir": str(summary.out_dir),
        "files": summary.counts,
        "truth": summary.truth_counts,
        "seconds": round(summary.seconds, 2),
    }


def _print_table(summary: SimSummary) -> None:
    table = Table(
        title=f"netwarden simulate: seed {summary.seed}, scale {summary.scale:g} "
        f"({summary.seconds:.1f} s) → {summary.out_dir}"
    )
    table.add_column("file")
    table.add_column("rows", justify="right")
    for name, count in summary.counts.items():
        table.add_row(name, f"{count:,}")
    for name, count in summary.truth_counts.items():
        table.add_row(f"truth/{name}", f"{count:,}")
    Console().print(table)
