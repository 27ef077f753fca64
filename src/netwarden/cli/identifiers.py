"""`netwarden extract`, `netwarden evaluate extract` and `netwarden identifiers hubs`."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.table import Table

from netwarden.core.identifiers import (
    EvalResult,
    HubReason,
    evaluate,
    extract,
    find_hubs,
    from_typed,
    listed_hubs,
)
from netwarden.errors import InputError

RegionOption = Annotated[str, typer.Option("--region", help="Default phone region (ISO 3166 alpha-2).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def register(app: typer.Typer, evaluate_app: typer.Typer) -> None:
    """Add the identifier commands to the root app and to `netwarden evaluate`."""
    app.command("extract")(extract_command)
    evaluate_app.command("extract")(evaluate_extract_command)
    identifiers_app = typer.Typer(help="Identifier types and hub lists.", no_args_is_help=True)
    identifiers_app.command("hubs")(hubs_command)
    app.add_typer(identifiers_app, name="identifiers")


def extract_command(
    file: Annotated[str, typer.Argument(help="Text lines or JSONL {id, text}; '-' reads standard input.")] = "-",
    region: RegionOption = "CN",
) -> None:
    """Extract identifiers: one JSONL line {"id", "identifiers": [...]} per input line."""
    with _open(file) as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record_id, text = _id_and_text(line, line_number)
            found = [match.as_record() for match in extract(text, default_region=region)]
            sys.stdout.write(json.dumps({"id": record_id, "identifiers": found}, ensure_ascii=False) + "\n")


def evaluate_extract_command(
    golden: Annotated[Path, typer.Argument(help="Golden JSONL: {id, text, identifiers: [{type, value}]}.")],
    region: RegionOption = "CN",
    as_json: JsonOption = False,
    show_errors: Annotated[int, typer.Option(help="Print up to N cases the extractor got wrong.")] = 0,
) -> None:
    """Per-type precision, recall and F1 of extraction on a golden file."""
    rows = list(_read_jsonl(golden))
    result = evaluate(rows, lambda text: extract(text, default_region=region))
    if as_json:
        sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    console = Console()
    console.print(_score_table(result, golden.name))
    for error in result.errors[:show_errors]:
        console.print(f"[bold]{error.id}[/bold] {error.text}", markup=True, highlight=False)
        console.print(f"  missed {list(error.missed)}  extra {list(error.extra)}", markup=False, highlight=False)


def hubs_command(
    reports: Annotated[
        Path | None, typer.Option(help="reports.jsonl to count identifiers in for data-driven hubs.")
    ] = None,
    min_reports: Annotated[int, typer.Option(help="A data hub is in at least this many reports.")] = 50,
    max_share: Annotated[float, typer.Option(help="... and in more than this share of all reports.")] = 0.01,
    region: RegionOption = "CN",
    as_json: JsonOption = False,
) -> None:
    """List the shipped hub warning list and, given reports, the data-driven hubs."""
    hubs = list(listed_hubs())
    if reports is not None:
        counts, n_reports = _count_identifiers(reports, region)
        hubs.extend(find_hubs(counts, n_reports, min_reports=min_reports, max_share=max_share))
    if as_json:
        for hub in hubs:
            sys.stdout.write(json.dumps(_hub_record(hub), ensure_ascii=False) + "\n")
        return
    table = Table(title="Hub identifiers (never used as link keys)")
    for column in ("source", "type", "value", "reason"):
        table.add_column(column)
    for hub in hubs:
        table.add_row(hub.source, hub.type, hub.value, hub.reason)
    Console().print(table)


def _score_table(result: EvalResult, title: str) -> Table:
    table = Table(title=f"Extraction on {title} ({result.cases} cases)")
    for column in ("type", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "type" else "right")
    rows = sorted(result.per_type.items())
    rows.append(("overall", result.overall))
    for name, score in rows:
        table.add_row(
            name,
            str(score.tp),
            str(score.fp),
            str(score.fn),
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
        )
    return table


def _hub_record(hub: HubReason) -> dict[str, object]:
    record: dict[str, object] = {
        "source": hub.source,
        "type": hub.type,
        "value": hub.value,
        "reason": hub.reason,
    }
    if hub.reports is not None:
        record["reports"] = hub.reports
        record["share"] = round(hub.share or 0.0, 6)
    return record


def _count_identifiers(path: Path, region: str) -> tuple[Counter[tuple[str, str]], int]:
    counts: Counter[tuple[str, str]] = Counter()
    n_reports = 0
    for row in _read_jsonl(path):
        n_reports += 1
        keys = {(match.type, match.value) for match in extract(str(row.get("text") or ""), default_region=region)}
        given_list = row.get("identifiers")
        for given in given_list if isinstance(given_list, list) else ():
            match = _field_identifier(given, region)
            if match is not None:
                keys.add(match)
        counts.update(keys)
    return counts, n_reports


def _field_identifier(given: object, region: str) -> tuple[str, str] | None:
    typed = given if isinstance(given, str) else None
    if isinstance(given, dict) and "type" in given and "value" in given:
        typed = f"{given['type']}:{given['value']}"
    if typed is None:
        return None
    try:
        match = from_typed(typed, default_region=region)
    except (KeyError, ValueError):
        return None
    return (match.type, match.value) if match is not None else None


def _id_and_text(line: str, line_number: int) -> tuple[object, str]:
    stripped = line.strip()
    if stripped.startswith("{"):
        try:
            row = json.loads(stripped)
        except json.JSONDecodeError:
            return line_number, line.rstrip("\r\n")
        if isinstance(row, dict) and isinstance(row.get("text"), str):
            return row.get("id", row.get("report_id", line_number)), row["text"]
    return line_number, line.rstrip("\r\n")


def _read_jsonl(path: Path) -> Iterator[dict[str, object]]:
    with _open(str(path)) as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}: line {line_number} is not JSON ({exc.msg})") from None
            if not isinstance(row, dict):
                raise InputError(f"{path}: line {line_number} is not a JSON object")
            yield row


@contextmanager
def _open(name: str) -> Iterator[TextIO]:
    """FILE as UTF-8 text (a BOM is accepted), or standard input for '-'."""
    if name == "-":
        yield sys.stdin
        return
    try:
        handle = open(name, encoding="utf-8-sig")  # noqa: SIM115 - closed below, after the caller's block
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror}") from None
    with handle:
        yield handle
