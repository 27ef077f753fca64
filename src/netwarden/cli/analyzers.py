"""`netwarden analyzers loans|collection|claims|coordination IN_DIR --out OUT_DIR` and
`netwarden evaluate analyzers TRUTH_DIR OUT_DIR`.

Each command reads its FORMATS.md input from IN_DIR, writes its output JSONL to OUT_DIR (rejected
rows to OUT_DIR/rejected-<analyzer>.jsonl) and prints a summary table.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import polars as pl
import typer
from rich.console import Console
from rich.table import Table

from netwarden.errors import InputError
from netwarden.formats.rejections import Rejection, RejectionWriter

console = Console()
InDir = Annotated[Path, typer.Argument(help="Directory holding the input file(s).")]
OutDir = Annotated[Path, typer.Option("--out", help="Directory for the output files.")]
ZoneOpt = Annotated[str, typer.Option("--zone", help="Time zone for timestamps without an offset.")]
RegionOpt = Annotated[str, typer.Option("--region", help="Default phone region (ISO 3166 alpha-2).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


# The analyzers' libraries (pinyin tables, SciPy, MinHash) load inside each command: importing them
# here would slow every `netwarden` command by seconds.


def register(app: typer.Typer, evaluate_app: typer.Typer) -> None:
    """Add `netwarden analyzers ...` and `netwarden evaluate analyzers`."""
    analyzers_app = typer.Typer(help="Pattern analyzers: loans, collection, claims, coordination.",
                                no_args_is_help=True)
    analyzers_app.command("loans")(loans_command)
    analyzers_app.command("collection")(collection_command)
    analyzers_app.command("claims")(claims_command)
    analyzers_app.command("coordination")(coordination_command)
    app.add_typer(analyzers_app, name="analyzers")
    evaluate_app.command("analyzers")(evaluate_command)


def _input(in_dir: Path, name: str) -> Path:
    path = in_dir / name
    if not path.is_file():
        raise InputError(f"{path}: no such file", code="file_missing", file=str(path))
    return path


def _write(out_dir: Path, name: str, records: Iterable[dict[str, Any]]) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    with (out_dir / name).open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _rejected(out_dir: Path, analyzer: str, rejections: Iterable[Rejection]) -> int:
    with RejectionWriter(out_dir / f"rejected-{analyzer}.jsonl", create_empty=False) as writer:
        for rejection in rejections:
            writer.write(rejection)
        return writer.total


def _summary(title: str, rows: dict[str, Any], as_json: bool) -> None:
    if as_json:
        console.print_json(json.dumps(rows, ensure_ascii=False))
        return
    table = Table(title=title)
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in rows.items():
        table.add_row(key, json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else str(value))
    console.print(table)


def _split(rows: Iterable[Any], kind: type) -> tuple[list[Any], list[Rejection]]:
    good, bad = [], []
    for row in rows:
        (good if isinstance(row, kind) else bad).append(row)
    return good, bad


def loans_command(
    in_dir: InDir, out: OutDir, zone: ZoneOpt = "Asia/Shanghai", as_json: JsonOpt = False,
    criminal_line: Annotated[float, typer.Option(help="Criminal illegal-lending line (fraction).")] = 0.36,
    short_term_days: Annotated[float, typer.Option(help="Terms up to this many days are short.")] = 14,
    lpr_table: Annotated[Path | None, typer.Option(help="JSON LPR table replacing the shipped one.")] = None,
) -> None:
    """Effective rates and flags per loan (loans.jsonl) and apps ranked by illegal loans (loan_apps.jsonl)."""
    from netwarden.core.analyzers.loans import Loan, LoanRules, analyse_loans, rank_apps
    from netwarden.core.analyzers.lpr import LprTable
    from netwarden.formats.loans import read_loans


    start = time.perf_counter()
    loans, rejected = _split(read_loans(_input(in_dir, "loans.jsonl"), zone=ZoneInfo(zone)), Loan)
    table = LprTable.from_file(lpr_table) if lpr_table else LprTable.default()
    results = analyse_loans(loans, LoanRules(criminal_line=criminal_line, short_term_days=short_term_days, lpr=table))
    _write(out, "loans.jsonl", (r.to_dict() for r in results))
    apps = rank_apps(results)
    _write(out, "loan_apps.jsonl", (a.to_dict() for a in apps))
    _summary("loans", {"loans": len(results), "illegal": sum(r.illegal for r in results),
                       "rejected": _rejected(out, "loans", rejected),
                       "top_apps": [a.to_dict() for a in apps[:5]], "seconds": round(time.perf_counter() - start, 2)},
             as_json)


def collection_command(
    in_dir: InDir, out: OutDir, zone: ZoneOpt = "Asia/Shanghai", region: RegionOpt = "CN", as_json: JsonOpt = False,
    max_per_7_days: Annotated[int, typer.Option(help="More contacts than this in 7 days is harassment.")] = 7,
    max_per_day: Annotated[int | None, typer.Option(help="Optional per-day limit.")] = None,
    night: Annotated[str, typer.Option(help="Night window in local hours, START-END.")] = "21-8",
) -> None:
    """Harassing collection numbers and their operations (collection.jsonl)."""
    from netwarden.core.analyzers.collection import CollectionRules, analyse_collection
    from netwarden.formats.calls import read_calls
    from netwarden.formats.contacts import read_contacts


    start = time.perf_counter()
    try:
        night_start, night_end = (int(part) for part in night.split("-"))
    except ValueError as exc:
        raise InputError(f"--night must look like 21-8, got {night!r}") from exc
    calls = read_calls(_input(in_dir, "calls.csv"), zone=ZoneInfo(zone), region=region)
    contacts_path = in_dir / "contacts.csv"
    contacts = read_contacts(contacts_path, region=region) if contacts_path.is_file() else None
    rules = CollectionRules(max_per_7_days=max_per_7_days, max_per_day=max_per_day, zone=zone,
                            night_starts_hour=night_start, night_ends_hour=night_end)
    book = contacts.frame if contacts else _empty_contacts()
    results = analyse_collection(calls.frame, book, rules)
    _write(out, "collection.jsonl", (r.to_dict() for r in results))
    rejected = calls.rejections + (contacts.rejections if contacts else [])
    _summary("collection", {"records": calls.frame.height, "numbers_analysed": len(results),
                            "harassing": sum(r.harassing for r in results),
                            "operations": len({r.operation_id for r in results if r.harassing}),
                            "rejected": _rejected(out, "collection", rejected),
                            "seconds": round(time.perf_counter() - start, 2)}, as_json)


def _empty_contacts() -> pl.DataFrame:
    return pl.DataFrame({"owner": [], "contact": []}, schema={"owner": pl.Utf8, "contact": pl.Utf8})


def claims_command(
    in_dir: InDir, out: OutDir, zone: ZoneOpt = "Asia/Shanghai", region: RegionOpt = "CN", as_json: JsonOpt = False,
    min_complaints: Annotated[int, typer.Option(help="Smallest crew, in complaints.")] = 5,
    min_merchants: Annotated[int, typer.Option(help="Fewest merchants a crew targets.")] = 3,
) -> None:
    """Serial-claimant crews (claims.jsonl)."""
    from netwarden.core.analyzers.claims import ClaimRules, Complaint, find_claimant_crews
    from netwarden.formats.complaints import read_complaints


    start = time.perf_counter()
    rows = read_complaints(_input(in_dir, "complaints.jsonl"), zone=ZoneInfo(zone), region=region)
    complaints, rejected = _split(rows, Complaint)
    crews = find_claimant_crews(complaints, ClaimRules(min_complaints=min_complaints, min_merchants=min_merchants))
    _write(out, "claims.jsonl", (c.to_dict() for c in crews))
    _summary("claims", {"complaints": len(complaints), "crews": len(crews),
                        "complaints_in_crews": sum(len(c.complaint_ids) for c in crews),
                        "rejected": _rejected(out, "claims", rejected),
                        "seconds": round(time.perf_counter() - start, 2)}, as_json)


def _claim_targets(out: Path) -> dict[str, list[str]]:
    """Merchants hit by the claimant crews already written to OUT_DIR/claims.jsonl, if any."""
    targets: dict[str, list[str]] = {}
    for crew in _records(out / "claims.jsonl"):
        for merchant in crew["merchants"]:
            targets.setdefault(merchant, []).append(crew["crew_id"])
    return targets


def coordination_command(
    in_dir: InDir, out: OutDir, zone: ZoneOpt = "Asia/Shanghai", as_json: JsonOpt = False,
    window: Annotated[int, typer.Option(help="Co-action window in seconds.")] = 60,
    min_participation: Annotated[int, typer.Option(help="Posts of an account that must co-act.")] = 2,
    min_crew_accounts: Annotated[int, typer.Option(help="Smallest crew.")] = 3,
) -> None:
    """Coordinated crews (coordination.jsonl), tied to merchants in OUT_DIR/claims.jsonl when present."""
    from netwarden.core.analyzers.coordination import CoordinationRules, find_troll_crews
    from netwarden.formats.posts import read_posts


    start = time.perf_counter()
    posts = read_posts(_input(in_dir, "posts.jsonl"), zone=ZoneInfo(zone))
    rules = CoordinationRules(window_seconds=window, min_participation=min_participation,
                              min_crew_accounts=min_crew_accounts)
    crews = find_troll_crews(posts.frame, rules, other_targets=_claim_targets(out))
    _write(out, "coordination.jsonl", (c.to_dict() for c in crews))
    _summary("coordination", {"posts": posts.frame.height, "crews": len(crews),
                              "accounts_in_crews": sum(len(c.accounts) for c in crews),
                              "rejected": _rejected(out, "coordination", posts.rejections),
                              "seconds": round(time.perf_counter() - start, 2)}, as_json)


def _records(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def evaluate_command(
    truth_dir: Annotated[Path, typer.Argument(help="The simulator's truth directory (DIR/truth).")],
    out_dir: Annotated[Path, typer.Argument(help="Where the analyzers wrote their outputs.")],
    as_json: JsonOpt = False,
) -> None:
    """Score loans, collection, claims and coordination outputs against the simulator's truth."""
    from netwarden.core.analyzers import evaluation

    if not truth_dir.is_dir():
        raise InputError(f"{truth_dir}: no such directory")
    report: dict[str, Any] = {}
    pairs = {"loans": "loans.jsonl", "collection": "collection.jsonl", "claims": "claims.jsonl"}
    for name, file in pairs.items():
        if (out_dir / file).is_file() and (truth_dir / file).is_file():
            report[name] = getattr(evaluation, name)(list(_records(out_dir / file)), list(_records(truth_dir / file)))
    if (out_dir / "coordination.jsonl").is_file() and (truth_dir / "coordination.jsonl").is_file():
        posts = truth_dir.parent / "posts.jsonl"
        posting = {f"{(p.get('platform') or 'unknown').lower()}:{p['account_id']}" for p in _records(posts)} \
            if posts.is_file() else None
        report["coordination"] = evaluation.coordination(
            list(_records(out_dir / "coordination.jsonl")), list(_records(truth_dir / "coordination.jsonl")),
            list(_records(truth_dir / "post_accounts.jsonl")), posting)
    if not report:
        raise InputError(f"no analyzer output in {out_dir} has a truth file in {truth_dir}")
    if as_json:
        console.print_json(json.dumps(report))
        return
    for name, values in report.items():
        _summary(f"{name} vs truth", values, as_json=False)
