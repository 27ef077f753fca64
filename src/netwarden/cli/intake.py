"""`netwarden ingest` and `netwarden analyze`: files in, reports stored or analysed."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy.orm import Session

from netwarden.cli.context import console, err_console, load_settings, unit_of_work
from netwarden.domains.audit.service import record
from netwarden.domains.reports.analysis import analyse_reports, pending_reports
from netwarden.domains.reports.schemas import IngestOutcome
from netwarden.domains.reports.service import ingest_reports
from netwarden.domains.series.service import relink
from netwarden.domains.users.access import Actor
from netwarden.domains.users.service import get_unit
from netwarden.formats import RejectionWriter, read_reports
from netwarden.pipeline import analyze as run_analysis
from netwarden.settings import Settings

ingest_app = typer.Typer(help="Store input files in the database.", no_args_is_help=True)
EncodingOption = Annotated[str | None, typer.Option(help="Text encoding of the file, e.g. gb18030 (default UTF-8).")]


def progress_bars() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err_console, transient=True)


def _line_count(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def load_reports_file(
    session: Session, *, settings: Settings, file: Path, unit_id: int, actor: Actor, encoding: str | None,
    writer: RejectionWriter, bar: Progress, workers: int, analyse: bool = True,
) -> tuple[IngestOutcome, int]:
    """Store a reports file and analyse the new reports, with progress bars; returns (outcome, identifiers)."""
    task = bar.add_task(f"ingest {file.name}", total=_line_count(file) if file.is_file() else None)
    rows = read_reports(file, zone=settings.tz, encoding=encoding, max_text_chars=settings.max_text_chars,
                        max_line_bytes=settings.max_line_bytes)
    outcome = ingest_reports(
        session, actor=actor, rows=rows, unit_id=unit_id, source="cli", source_file=file.name,
        on_rejected=writer.write, on_progress=lambda n: bar.advance(task, n), keep_row_results=False,
    )
    if not analyse:
        return outcome, 0
    analysing = bar.add_task("identifiers and classification", total=len(outcome.created_pks))
    occurrences = analyse_reports(session, settings=settings, report_pks=outcome.created_pks, workers=workers,
                                  on_progress=lambda n: bar.advance(analysing, n))
    relink(session)
    return outcome, occurrences


@ingest_app.command("reports")
def ingest_reports_command(
    file: Path,
    unit: Annotated[str, typer.Option(help="Code of the unit the reports belong to.")] = "intake",
    encoding: EncodingOption = None,
    rejected: Annotated[Path | None, typer.Option(
        help="Where to write rejected rows (default: NAME.rejected.jsonl in the current directory).")] = None,
    workers: Annotated[int, typer.Option(help="Processes that analyse the new reports (1 = this one only).")] = 2,
    analyse: Annotated[bool, typer.Option(
        "--analyse/--no-analyse",
        help="Find identifiers and classify now, or later with `netwarden reanalyse`.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Store the reports of a reports.jsonl / reports.csv file; a report_id stored already adds nothing."""
    settings = load_settings()
    rejected_path = rejected or Path(file.name + ".rejected.jsonl")
    with (unit_of_work(settings) as session, RejectionWriter(rejected_path, create_empty=False) as writer,
          progress_bars() as bar):
        outcome, occurrences = load_reports_file(
            session, settings=settings, file=file, unit_id=get_unit(session, unit).id,
            actor=Actor.cli(f"cli:{os.environ.get('USER', 'operator')}"), encoding=encoding, writer=writer,
            bar=bar, workers=workers, analyse=analyse)
    summary = {"file": str(file), "created": outcome.created, "duplicates": outcome.duplicates,
               "identifiers_found": occurrences,
               "rejected": outcome.rejected, "rejected_file": str(rejected_path) if writer.total else None,
               "rejected_by_code": dict(writer.counts)}
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False))
        return
    table = Table("created", "already stored", "rejected", "identifiers found",
                  title=f"ingest {file.name} → unit {unit}")
    table.add_row(str(outcome.created), str(outcome.duplicates), str(outcome.rejected), str(occurrences))
    console.print(table)
    if writer.total:
        console.print(f"[yellow]{writer.total} rejected rows written to {rejected_path}[/yellow] "
                      f"({', '.join(f'{k}: {v}' for k, v in writer.counts.items())})")


def reanalyse_command(
    every: Annotated[bool, typer.Option("--all", help="Every report, not only those this version has not analysed.")]
    = False,
    workers: Annotated[int, typer.Option(help="Processes that analyse (1 = this one only).")] = 2,
) -> None:
    """Find identifiers and classify stored reports: those never analysed (e.g. ingested with --no-analyse)
    or analysed by an older version; with --all every report (e.g. after `netwarden model train`)."""
    settings = load_settings()
    with unit_of_work(settings) as session, progress_bars() as bar:
        pks = pending_reports(session, every=every)
        task = bar.add_task("identifiers and classification", total=len(pks))
        occurrences = analyse_reports(session, settings=settings, report_pks=pks, workers=workers,
                                      on_progress=lambda n: bar.advance(task, n))
        relink(session)
        record(session, actor=Actor.cli(f"cli:{os.environ.get('USER', 'operator')}"), action="reports.reanalysed",
               target_type="report_batch", after={"count": len(pks), "all": every})
    console.print(f"analysed {len(pks)} reports; {occurrences} identifier occurrences stored")


def analyze_command(
    in_dir: Path,
    out: Annotated[Path, typer.Option("--out", help="Directory for the output files.")],
    encoding: EncodingOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print summary.json to standard output.")] = False,
) -> None:
    """Analyse a directory of input files (FORMATS.md) and write the outputs to --out."""
    settings = load_settings()
    with progress_bars() as bar:
        tasks: dict[str, object] = {}

        def advance(name: str, n: int) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(f"read {name}", total=_line_count(in_dir / name))
            bar.advance(tasks[name], n)  # type: ignore[arg-type]

        summary = run_analysis(in_dir, out, settings=settings, encoding=encoding, progress=advance)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    table = Table("file", "rows", "accepted", "rejected", title=f"analyze {in_dir} → {out}")
    for name, info in summary["inputs"].items():
        if "rows" in info:
            table.add_row(name, str(info["rows"]), str(info["accepted"]), str(info["rejected"]))
        elif info.get("analysed"):
            table.add_row(name, "—", "analysed", str(info["rejected"]))
        else:
            table.add_row(name, "—", "not analysed by this version", "—")
    console.print(table)
    stages = ", ".join(f"{s['name']} {s['seconds']:.2f}s" for s in summary["stages"])
    console.print(f"stages: {stages}")
    if summary["rejected"]["total"]:
        console.print(f"[yellow]{summary['rejected']['total']} rejected rows → {out / 'rejected.jsonl'}[/yellow]")
    console.print(f"report: {out / 'index.html'}")
