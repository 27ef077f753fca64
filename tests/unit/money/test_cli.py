"""`netwarden money trace` and `netwarden evaluate money` through Typer's test runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from netwarden.cli.money import register

HEADER = "txn_id,timestamp,from_account,to_account,amount,currency,rail,from_institution,to_institution,report_id"
ROWS = [
    "T1,2026-03-01T12:00:00+08:00,bank_card:6200000000000001,alipay:payee@example.com,1000,CNY,alipay,ICBC,Alipay,R-1",
    "T2,2026-03-01T12:10:00+08:00,alipay:payee@example.com,bank_card:6600000000000001,1000,CNY,bank,Alipay,CCB,",
    "T3,2026-03-01T12:20:00+08:00,bank_card:6600000000000001,crypto_trx:TDeposit1,990,CNY,other,CCB,OKX,",
    "T4,2026-03-01T12:30:00+08:00,bank_card:6200000000000002,alipay:x@example.com,-5,CNY,alipay,ICBC,Alipay,",
]


def _app() -> typer.Typer:
    app, evaluate_app = typer.Typer(), typer.Typer()
    register(app, evaluate_app)
    app.add_typer(evaluate_app, name="evaluate")
    return app


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def world(tmp_path: Path) -> Path:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    (in_dir / "transactions.csv").write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    truth = in_dir / "truth"
    truth.mkdir()
    (truth / "money.jsonl").write_text(json.dumps({
        "report_id": "R-1", "txn_id": "T1", "amount": 1000.0, "currency": "CNY",
        "collection_account": "alipay:payee@example.com", "hop_txn_ids": ["T2", "T3"],
        "reached": [{"account": "crypto_trx:TDeposit1", "amount": 990.0},
                    {"account": "bank_card:6600000000000001", "amount": 10.0}]}) + "\n", encoding="utf-8")
    classes = {"alipay:payee@example.com": "collection", "bank_card:6600000000000001": "mule",
               "crypto_trx:TDeposit1": "cash_out", "bank_card:6200000000000001": "ordinary"}
    (truth / "accounts.jsonl").write_text(
        "".join(json.dumps({"account": a, "class": c}) + "\n" for a, c in classes.items()), encoding="utf-8")
    return in_dir


def test_trace_writes_every_output_and_the_rejected_rows(world: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(_app(), ["money", "trace", str(world), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["transactions"], summary["rejected"], summary["payments_traced"]) == (3, 1, 1)
    (money,) = _jsonl(out / "money.jsonl")
    assert money["reached"] == [{"account": "crypto_trx:TDeposit1", "amount": 990.0},
                                {"account": "bank_card:6600000000000001", "amount": 10.0}]
    assert money["at"] == "2026-03-01T12:00:00+08:00"
    requests = _jsonl(out / "freeze_requests.jsonl")
    assert {r["account"] for r in requests} == {"alipay:payee@example.com", "bank_card:6600000000000001",
                                                "crypto_trx:TDeposit1"}
    assert requests[0]["priority"] == "P0"
    (rejected,) = _jsonl(out / "rejected_transactions.jsonl")
    assert (rejected["line"], rejected["code"]) == (5, "non_positive_amount")
    classes = {a["account"]: a["class"] for a in _jsonl(out / "accounts.jsonl")}
    assert classes["crypto_trx:TDeposit1"] == "cash_out"


def test_evaluate_scores_a_trace_against_the_truth(world: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    CliRunner().invoke(_app(), ["money", "trace", str(world), "--out", str(out)])
    result = CliRunner().invoke(_app(), ["evaluate", "money", str(world / "truth"), str(out), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["attribution"]["value_share"] == 1.0
    assert (scores["freeze"]["precision"], scores["freeze"]["recall"]) == (1.0, 1.0)
    assert scores["freeze"]["ordinary_in_top"] == 0


def test_bad_options_are_usage_errors(world: Path, tmp_path: Path) -> None:
    app = _app()
    bad_policy = CliRunner().invoke(app, ["money", "trace", str(world), "--out", str(tmp_path / "o"),
                                          "--policy", "lifo"])
    assert bad_policy.exit_code != 0
    missing = CliRunner().invoke(app, ["money", "trace", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")])
    assert missing.exit_code != 0
