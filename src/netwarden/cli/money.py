"""`netwarden money trace IN_DIR --out OUT_DIR` and `netwarden evaluate money TRUTH_DIR OUT_DIR`."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import polars as pl
import typer
from rich.console import Console
from rich.table import Table

from netwarden.core.money import freeze_requests, trace
from netwarden.core.money.evaluation import accounts_on_paths, freeze_scores, value_share
from netwarden.core.money.tracing import DEFAULT_MAX_HOPS, POLICIES
from netwarden.errors import InputError
from netwarden.formats.rejections import RejectionWriter
from netwarden.formats.timestamps import parse_timestamp
from netwarden.formats.transactions import read_transactions
from netwarden.settings import Settings

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def register(app: typer.Typer, evaluate_app: typer.Typer) -> None:
    """Add `netwarden money trace` and `netwarden evaluate money`."""
    money_app = typer.Typer(help="Follow victims' money and rank freeze requests.", no_args_is_help=True)
    money_app.command("trace")(trace_command)
    app.add_typer(money_app, name="money")
    evaluate_app.command("money")(evaluate_money_command)


def _write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            count += 1
    return count


def trace_command(
    in_dir: Annotated[Path, typer.Argument(help="Directory holding transactions.csv.")],
    out: Annotated[Path, typer.Option("--out", help="Directory to write money.jsonl, freeze_requests.jsonl, "
                                      "accounts.jsonl and rejected_transactions.jsonl into.")],
    max_hops: Annotated[int, typer.Option(help="Layering hops to follow from each payment.")] = DEFAULT_MAX_HOPS,
    policy: Annotated[str, typer.Option(help="Attribution policy: fifo or proportional.")] = "fifo",
    window_hours: Annotated[float, typer.Option(help="Freeze window after money reaches an account.")] = 48,
    now: Annotated[str | None, typer.Option(help="Analysis time (ISO 8601); default: the latest transaction.")] = None,
    encoding: Annotated[str | None, typer.Option(help="File encoding if not UTF-8 (e.g. gb18030).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Trace every victim payment in IN_DIR/transactions.csv and write the freeze queue."""
    if policy not in POLICIES:
        raise InputError(f"--policy must be one of {', '.join(POLICIES)}, got {policy!r}")
    if max_hops < 1 or window_hours <= 0:
        raise InputError("--max-hops must be at least 1 and --window-hours positive")
    zone = Settings().tz
    moment = _moment(now, zone)
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} exists and is not a directory")
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    frame, rejections = read_transactions(in_dir / "transactions.csv", zone=zone, encoding=encoding)
    with RejectionWriter(out / "rejected_transactions.jsonl") as writer:
        for rejection in rejections:
            writer.write(rejection)
    read_s = time.perf_counter() - started
    result = trace(frame, max_hops=max_hops, policy=policy)  # type: ignore[arg-type]
    requests = freeze_requests(result, now=moment, window_hours=window_hours, zone=zone)
    records = result.money_records(zone=zone)
    _write_jsonl(out / "money.jsonl", records)
    _write_jsonl(out / "freeze_requests.jsonl", requests)
    _write_jsonl(out / "accounts.jsonl", (_account_record(a, zone) for a in result.accounts))
    summary = {
        "transactions": frame.height,
        "rejected": len(rejections),
        "payments_traced": len(records),
        "victim_value": round(sum(r["amount"] for r in records), 2),
        "accounts": dict(sorted(Counter(a["class"] for a in result.accounts).items())),
        "freeze_requests": dict(sorted(Counter(r["priority"] for r in requests).items())),
        "amount_traceable": round(sum(r["amount_traceable"] for r in requests), 2),
        "policy": policy,
        "max_hops": max_hops,
        "seconds": {"read": round(read_s, 2), "total": round(time.perf_counter() - started, 2)},
    }
    if as_json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"money trace → {out}")
    table.add_column("what")
    table.add_column("value", justify="right")
    for key, value in summary.items():
        table.add_row(key, json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else str(value))
    Console().print(table)


def _moment(now: str | None, zone: Any) -> datetime | None:
    if now is None:
        return None
    try:
        return parse_timestamp(now, zone)
    except ValueError as exc:
        raise InputError(f"--now: {exc}") from exc


def _account_record(account: dict[str, Any], zone: Any) -> dict[str, Any]:
    return {
        **account,
        "first_arrival": account["first_arrival"].astimezone(zone).isoformat(timespec="seconds"),
        "last_arrival": account["last_arrival"].astimezone(zone).isoformat(timespec="seconds"),
    }


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}: line {number} is not JSON: {exc.msg}") from exc


def _hop_accounts(truth_dir: Path) -> dict[str, tuple[str, str]]:
    """txn id → (from, to) from the world's transactions.csv next to truth/, if it is there."""
    source = truth_dir.parent / "transactions.csv"
    if not source.is_file():
        return {}
    frame = pl.read_csv(source, columns=["txn_id", "from_account", "to_account"], infer_schema=False)
    return {txn: (src, dst) for txn, src, dst in frame.iter_rows()}


def evaluate_money_command(
    truth_dir: Annotated[Path, typer.Argument(help="The simulator's truth/ directory.")],
    out_dir: Annotated[Path, typer.Argument(help="Where `netwarden money trace` wrote its files.")],
    top: Annotated[int, typer.Option(help="How many first freeze requests must hold no ordinary account.")] = 100,
    as_json: JsonOption = False,
) -> None:
    """Value attributed to the right end accounts; freeze-request precision and recall."""
    truth_money = list(_read_jsonl(truth_dir / "money.jsonl"))
    truth_class = {row["account"]: row["class"] for row in _read_jsonl(truth_dir / "accounts.jsonl")}
    ours = list(_read_jsonl(out_dir / "money.jsonl"))
    requests = list(_read_jsonl(out_dir / "freeze_requests.jsonl"))
    on_paths = accounts_on_paths(truth_money, _hop_accounts(truth_dir))
    result = {"attribution": value_share(truth_money, ours),
              "freeze": freeze_scores(requests, truth_class, on_paths, top=top)}
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"money: {out_dir} against {truth_dir}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    attribution, freeze = result["attribution"], result["freeze"]
    table.add_row("victim value attributed to the right end accounts", str(attribution["value_share"]))
    table.add_row("freeze requests", str(freeze["requests"]))
    table.add_row("freeze precision", str(freeze["precision"]))
    table.add_row("freeze recall (freezable suspects on money paths)", str(freeze["recall"]))
    table.add_row("freeze recall counting cash withdrawals", str(freeze["recall_with_cash"]))
    table.add_row(f"ordinary accounts in the first {top}", str(freeze["ordinary_in_top"]))
    Console().print(table)
