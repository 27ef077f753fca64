"""`netwarden analyze IN_DIR --out OUT_DIR`: the batch pipeline over the files of FORMATS.md.

Each stage is timed and reported in summary.json. Rows that fail validation go to rejected.jsonl
and are counted; only a file that cannot be read at all stops the run.
"""

from __future__ import annotations

import json
import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from netwarden.core.analysis import BATCH_REPORTS, ReportAnalysis, ReportInput, analyse_batch
from netwarden.core.linking import LinkReport, ReportMeta, link, report_frames, series_records
from netwarden.core.money import freeze_requests, trace
from netwarden.errors import InputError
from netwarden.formats import ParsedReport, Rejection, RejectionWriter, read_reports
from netwarden.formats.timestamps import format_timestamp
from netwarden.formats.transactions import read_transactions
from netwarden.report_html import write_index_html
from netwarden.settings import Settings

FORMAT_VERSION = 1
REPORT_FILES = ("reports.jsonl", "reports.csv")
# Inputs of FORMATS.md read by stages that later versions add; their presence is recorded.
OTHER_INPUTS = ("transactions.csv", "calls.csv", "contacts.csv", "posts.jsonl", "loans.jsonl", "complaints.jsonl")

Progress = Callable[[str, int], None]


@dataclass
class ReportStats:
    """Aggregates over the accepted reports, for summary.json and index.html."""

    accepted: int = 0
    by_channel: Counter[str] = field(default_factory=Counter)
    by_day: Counter[str] = field(default_factory=Counter)
    by_currency_loss: dict[str, Decimal] = field(default_factory=dict)
    minors: int = 0
    paid_within_freeze_window: int = 0

    by_crime_type: Counter[str] = field(default_factory=Counter)
    by_priority: Counter[str] = field(default_factory=Counter)
    series: int = 0
    linked_series: int = 0
    money: dict[str, Any] = field(default_factory=dict)
    analyzers: dict[str, int] = field(default_factory=dict)

    def add(self, parsed: ParsedReport, settings: Settings) -> None:
        report = parsed.report
        self.accepted += 1
        self.by_channel[report.channel] += 1
        self.by_day[report.received_at.astimezone(settings.tz).date().isoformat()] += 1
        if report.amount_lost is not None:
            so_far = self.by_currency_loss.get(report.currency, Decimal(0))
            self.by_currency_loss[report.currency] = so_far + report.amount_lost
        if report.victim.age is not None and report.victim.age < 18:
            self.minors += 1
        if report.last_payment_at is not None:
            hours = (report.received_at - report.last_payment_at).total_seconds() / 3600
            if 0 <= hours <= settings.freeze_window_hours:
                self.paid_within_freeze_window += 1


@dataclass
class Stages:
    timings: list[dict[str, Any]] = field(default_factory=list)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        self.timings.append({"name": name, "seconds": round(time.perf_counter() - started, 4)})


def _read_report_file(
    path: Path, *, settings: Settings, encoding: str | None, stats: ReportStats, rejected: RejectionWriter,
    collect: list[ReportInput], progress: Progress | None,
) -> dict[str, int]:
    rows = accepted = 0
    for row in read_reports(path, zone=settings.tz, encoding=encoding, max_text_chars=settings.max_text_chars,
                            max_line_bytes=settings.max_line_bytes):
        rows += 1
        if isinstance(row, Rejection):
            rejected.write(row)
        else:
            accepted += 1
            stats.add(row, settings)
            collect.append(analysis_input(row))
        if progress:
            progress(path.name, 1)
    return {"rows": rows, "accepted": accepted, "rejected": rows - accepted}


def _report_files(in_dir: Path) -> list[Path]:
    return [in_dir / name for name in REPORT_FILES if (in_dir / name).is_file()]


def trace_money(
    path: Path, out_dir: Path, *, settings: Settings, encoding: str | None, rejected: RejectionWriter
) -> tuple[dict[str, Any], dict[str, Any]]:
    """money.jsonl and freeze_requests.jsonl from transactions.csv (see docs/money.md)."""
    frame, rejections = read_transactions(path, zone=settings.tz, encoding=encoding)
    for rejection in rejections:
        rejected.write(rejection)
    result = trace(frame)
    requests = freeze_requests(result, window_hours=settings.freeze_window_hours, zone=settings.tz)
    records = result.money_records(zone=settings.tz)
    write_jsonl(out_dir / "money.jsonl", records)
    write_jsonl(out_dir / "freeze_requests.jsonl", requests)
    counts = {"rows": frame.height + len(rejections), "accepted": frame.height, "rejected": len(rejections)}
    money = {"payments_traced": len(records), "victim_value": round(sum(r["amount"] for r in records), 2),
             "freeze_requests": len(requests),
             "amount_traceable": round(sum(r["amount_traceable"] for r in requests), 2)}
    return counts, money


def _run_analyzers(
    in_dir: Path, out_dir: Path, *, settings: Settings, inputs: dict[str, Any], stats: ReportStats, stages: Stages,
    rejected: RejectionWriter,
) -> None:
    """Loans, collection, claims and coordination, each when its input file is present."""
    from netwarden import analyzer_stages  # their libraries load only when an analyzer input is there

    zone, region = settings.timezone, settings.default_region
    claims: list[dict[str, Any]] = []
    runs = [
        ("loans.jsonl", "analyse_loans", "loans.jsonl", lambda: analyzer_stages.loans_stage(in_dir, zone=zone)),
        ("calls.csv", "analyse_collection", "collection.jsonl",
         lambda: analyzer_stages.collection_stage(in_dir, zone=zone, region=region)),
        ("complaints.jsonl", "analyse_claims", "claims.jsonl",
         lambda: analyzer_stages.claims_stage(in_dir, zone=zone, region=region)),
        ("posts.jsonl", "analyse_coordination", "coordination.jsonl",
         lambda: analyzer_stages.coordination_stage(in_dir, zone=zone, claims=claims)),
    ]
    for source, stage, output, run in runs:
        if not (in_dir / source).is_file():
            continue
        with stages.stage(stage):
            records, rejections = run()
            for rejection in rejections:
                rejected.write(rejection)
            write_jsonl(out_dir / output, records)
            if output == "claims.jsonl":
                claims = records
            stats.analyzers[output.removesuffix(".jsonl")] = len(records)
            inputs[source] = {"analysed": True, "rejected": len(rejections)}
            if source == "calls.csv" and (in_dir / "contacts.csv").is_file():
                inputs["contacts.csv"] = {"analysed": True, "rejected": 0}


def analysis_input(parsed: ParsedReport) -> ReportInput:
    report = parsed.report
    return ReportInput(
        key=report.report_id, text=report.text,
        given=[(i.type, i.value, i.role) for i in report.identifiers],
        messages=[(m.sender, m.text) for m in report.messages], suspect_notes=[],
        received_at=report.received_at, last_payment_at=report.last_payment_at, victim_age=report.victim.age,
        amount_lost=float(report.amount_lost) if report.amount_lost is not None else None,
    )


def analyse_all(items: list[ReportInput], *, settings: Settings, workers: int) -> list[ReportAnalysis]:
    """The same per-report analysis as the store, on batches, in worker processes when there are many."""
    batches = [items[i:i + BATCH_REPORTS] for i in range(0, len(items), BATCH_REPORTS)]
    args = (settings.default_region, settings.freeze_window_hours)
    if workers <= 1 or len(batches) <= 1:
        return [result for batch in batches for result in analyse_batch(batch, *args)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver")) as pool:
        futures = [pool.submit(analyse_batch, batch, *args) for batch in batches]
        return [result for future in futures for result in future.result()]


def link_series(
    inputs: list[ReportInput], analyses: list[ReportAnalysis]
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Series of linked reports (every report in exactly one), and each report's series id."""
    by_key = {str(item.key): item for item in inputs}
    reports, edges = report_frames(
        LinkReport(str(a.key), by_key[str(a.key)].received_at or datetime.now(UTC),
                   [(m.type, m.value, m.role) for m in a.identifiers if m.valid])
        for a in analyses)
    result = link(reports, edges)
    meta = {str(a.key): ReportMeta(tuple(a.classification.crime_types),
                                   Decimal(str(by_key[str(a.key)].amount_lost))
                                   if by_key[str(a.key)].amount_lost is not None else None,
                                   by_key[str(a.key)].received_at or datetime.now(UTC))
            for a in analyses}
    return result.state.series_of(), series_records(result, meta)


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def write_reports_jsonl(
    path: Path, analyses: list[ReportAnalysis], stats: ReportStats, series_of: dict[str, str]
) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for analysis in analyses:
            record = {"report_id": analysis.key, **analysis.classification.to_dict(),
                      "identifiers": [match.as_record() for match in analysis.identifiers],
                      "series_id": series_of.get(str(analysis.key))}
            stats.by_crime_type[analysis.classification.crime_type] += 1
            stats.by_priority[analysis.classification.priority] += 1
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def analyze(
    in_dir: Path, out_dir: Path, *, settings: Settings, encoding: str | None = None,
    progress: Progress | None = None, workers: int = 2,
) -> dict[str, Any]:
    if not in_dir.is_dir():
        raise InputError(f"{in_dir}: not a directory", code="dir_missing")
    out_dir.mkdir(parents=True, exist_ok=True)
    stages = Stages()
    stats = ReportStats()
    inputs: dict[str, Any] = {}
    inputs_for_analysis: list[ReportInput] = []
    with RejectionWriter(out_dir / "rejected.jsonl") as rejected:
        with stages.stage("read_reports"):
            for path in _report_files(in_dir):
                inputs[path.name] = _read_report_file(path, settings=settings, encoding=encoding, stats=stats,
                                                      rejected=rejected, collect=inputs_for_analysis,
                                                      progress=progress)
        with stages.stage("analyse_reports"):
            analyses = analyse_all(inputs_for_analysis, settings=settings, workers=workers)
        with stages.stage("link_series"):
            series_of, series = link_series(inputs_for_analysis, analyses)
            write_jsonl(out_dir / "series.jsonl", series)
            stats.series = len(series)
            stats.linked_series = sum(1 for record in series if len(record["report_ids"]) > 1)
        with stages.stage("write_reports"):
            write_reports_jsonl(out_dir / "reports.jsonl", analyses, stats, series_of)
        _run_analyzers(in_dir, out_dir, settings=settings, inputs=inputs, stats=stats, stages=stages,
                       rejected=rejected)
        if (in_dir / "transactions.csv").is_file():
            with stages.stage("trace_money"):
                inputs["transactions.csv"], stats.money = trace_money(
                    in_dir / "transactions.csv", out_dir, settings=settings, encoding=encoding, rejected=rejected)
    for name in OTHER_INPUTS:
        if (in_dir / name).is_file() and name not in inputs:
            inputs[name] = {"present": True, "analysed": False}
    summary = _summary(in_dir, inputs, stats, rejected, stages, settings)
    with stages.stage("write_index_html"):
        write_index_html(out_dir / "index.html", summary)
    summary["stages"] = stages.timings
    (out_dir / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return summary


def _summary(
    in_dir: Path, inputs: dict[str, Any], stats: ReportStats, rejected: RejectionWriter, stages: Stages,
    settings: Settings,
) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "generated_at": format_timestamp(datetime.now(UTC).astimezone(settings.tz)),
        "input_dir": str(in_dir),
        "inputs": inputs,
        "counts": {
            "reports": stats.accepted,
            "by_crime_type": dict(sorted(stats.by_crime_type.items())),
            "by_priority": dict(sorted(stats.by_priority.items())),
            "by_channel": dict(sorted(stats.by_channel.items())),
            "by_day": dict(sorted(stats.by_day.items())),
            "series": stats.series,
            "series_with_several_reports": stats.linked_series,
            "minor_victims": stats.minors,
            "paid_within_freeze_window": stats.paid_within_freeze_window,
        },
        "losses": {currency: str(total) for currency, total in sorted(stats.by_currency_loss.items())},
        "money": stats.money,
        "analyzers": stats.analyzers,
        "rejected": {"total": rejected.total, "by_code": dict(sorted(rejected.counts.items())),
                     "by_file": dict(sorted(rejected.by_file.items()))},
        "stages": stages.timings,
    }
