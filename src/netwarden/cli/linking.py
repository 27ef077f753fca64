"""`netwarden link IN_DIR --out OUT_DIR` and `netwarden evaluate link TRUTH_DIR OUT_DIR`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import orjson
import typer
from rich.console import Console
from rich.table import Table

from netwarden.core.identifiers import is_hub
from netwarden.core.linking import LinkConfig, LinkReport, link, report_frames
from netwarden.core.linking.evaluation import LinkScore, hub_merged_series, score_partition
from netwarden.core.linking.records import ReportMeta, series_records
from netwarden.core.occurrences import report_identifiers
from netwarden.errors import InputError
from netwarden.formats import ParsedReport, read_reports

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def register(app: typer.Typer, evaluate_app: typer.Typer) -> None:
    """Add `link` to the root app and `link` to `netwarden evaluate`."""
    app.command("link")(link_command)
    evaluate_app.command("link")(evaluate_link_command)


def link_command(
    in_dir: Annotated[Path, typer.Argument(help="Directory with reports.jsonl (or reports.csv).")],
    out: Annotated[Path, typer.Option("--out", help="Directory to write series.jsonl and reports_series.jsonl.")],
    region: Annotated[str, typer.Option("--region", help="Default phone region.")] = "CN",
    zone: Annotated[str, typer.Option("--zone", help="Time zone for timestamps without an offset.")] = "Asia/Shanghai",
    fan_out_cap: Annotated[int, typer.Option(help="Refuse identifiers in more reports than this.")] = 500,
) -> None:
    """Extract identifiers, link reports into series and write them (no database needed)."""
    source = next((in_dir / name for name in ("reports.jsonl", "reports.csv") if (in_dir / name).exists()), None)
    if source is None:
        raise InputError(f"{in_dir}: no reports.jsonl or reports.csv")
    inputs: list[LinkReport] = []
    meta: dict[str, ReportMeta] = {}
    rejected = 0
    for row in read_reports(source, zone=ZoneInfo(zone)):
        if not isinstance(row, ParsedReport):
            rejected += 1
            continue
        report = row.report
        found = report_identifiers(
            report.text,
            given=[(given.type, given.value, given.role) for given in report.identifiers],
            messages=[(message.sender, message.text) for message in report.messages],
            default_region=region,
        )
        inputs.append(LinkReport(report.report_id, report.received_at, [(m.type, m.value, m.role) for m in found]))
        labels = report.extra.get("crime_types") or []
        meta[report.report_id] = ReportMeta(tuple(labels), report.amount_lost, report.received_at)
    reports, edges = report_frames(inputs)
    result = link(reports, edges, config=LinkConfig(fan_out_cap=fan_out_cap))
    out.mkdir(parents=True, exist_ok=True)
    records = series_records(result, meta)
    _write_jsonl(out / "series.jsonl", records)
    members = result.state.members.sort("at", "report")
    _write_jsonl(out / "reports_series.jsonl", [
        {"report_id": r, "series_id": s, "duplicate_of": d}
        for r, s, d in members.select("report", "series", "duplicate_of").iter_rows()
    ])
    multi = sum(1 for record in records if len(record["report_ids"]) > 1)
    Console(stderr=True).print(
        f"{len(inputs)} reports ({rejected} rejected) -> {len(records)} series ({multi} with 2+ reports); "
        f"{result.refused.height} identifiers refused as hubs or by the fan-out cap"
    )


def evaluate_link_command(
    truth_dir: Annotated[Path, typer.Argument(help="Simulator truth directory (truth/reports.jsonl, hubs.jsonl).")],
    out_dir: Annotated[Path, typer.Argument(help="Output dir: series.jsonl plus reports(_series).jsonl.")],
    as_json: JsonOption = False,
) -> None:
    """Pairwise precision/recall/F1, adjusted Rand index and series merged through a hub."""
    score = evaluate_linking(truth_dir, out_dir)
    if as_json:
        sys.stdout.write(json.dumps(score.as_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"Linking against {truth_dir}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in score.as_dict().items():
        table.add_row(name, f"{value:.4f}" if isinstance(value, float) else str(value))
    Console().print(table)


def evaluate_linking(truth_dir: Path, out_dir: Path) -> LinkScore:
    """Score OUT_DIR's series against the simulator truth (``truth_dir`` or its ``truth/``)."""
    truth_dir = truth_dir / "truth" if (truth_dir / "truth" / "reports.jsonl").exists() else truth_dir
    truth = {row["report_id"]: row["series_key"] for row in _read_jsonl(truth_dir / "reports.jsonl")}
    assignment_file = next(
        (out_dir / name for name in ("reports_series.jsonl", "reports.jsonl") if (out_dir / name).exists()), None
    )
    if assignment_file is None:
        raise InputError(f"{out_dir}: no reports_series.jsonl or reports.jsonl with series_id")
    found = {row["report_id"]: row["series_id"] for row in _read_jsonl(assignment_file) if row.get("series_id")}
    hubs = {row["identifier"] for row in _read_jsonl(truth_dir / "hubs.jsonl")} if (
        truth_dir / "hubs.jsonl").exists() else set()
    series = list(_read_jsonl(out_dir / "series.jsonl")) if (out_dir / "series.jsonl").exists() else []
    links = {s["series_id"]: [(link_["identifier"], link_["report_ids"]) for link_ in s.get("links", [])]
             for s in series}
    for series_links in links.values():
        hubs |= {ident for ident, _ in series_links if is_hub(*ident.split(":", 1))}
    members = {s["series_id"]: s["report_ids"] for s in series}
    joins = {s["series_id"]: [(original, later) for later, original in (s.get("duplicates") or {}).items()]
             for s in series}
    flagged = hub_merged_series(links, members, truth, hubs, joins)
    return score_partition(truth, found, hub_merges=len(flagged))


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    except (OSError, orjson.JSONDecodeError) as exc:
        raise InputError(f"{path}: {exc}") from exc


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
