"""`netwarden analyzers ...` and `netwarden evaluate analyzers` on a small world built in the test."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from netwarden.cli.analyzers import register

LOAN = {"loan_id": "L1", "app": "快借宝", "borrower": "phone:+8613800138000", "principal": 3000, "received": 2100,
        "disbursed_at": "2026-01-02T10:00:00+08:00",
        "schedule": [{"due_at": "2026-01-09T10:00:00+08:00", "amount": 3000}],
        "payments": [{"at": "2026-01-09T10:00:00+08:00", "amount": 3000}], "fees": [], "rollover_of": None}


def _app() -> typer.Typer:
    app, evaluate_app = typer.Typer(), typer.Typer()
    register(app, evaluate_app)
    app.add_typer(evaluate_app, name="evaluate")
    return app


def test_loans_command_writes_outputs_rejections_and_evaluates(tmp_path: Path) -> None:
    world, out, truth = tmp_path / "in", tmp_path / "out", tmp_path / "in" / "truth"
    truth.mkdir(parents=True)
    (world / "loans.jsonl").write_text(json.dumps(LOAN, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    apr = (3000 / 2100 - 1) * 365 / 7
    (truth / "loans.jsonl").write_text(json.dumps({"loan_id": "L1", "apr_nominal": apr, "illegal": True}) + "\n",
                                       encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(_app(), ["analyzers", "loans", str(world), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in (out / "loans.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["illegal"] and record["app"] == "快借宝"
    assert json.loads((out / "rejected-loans.jsonl").read_text(encoding="utf-8"))["line"] == 2
    scored = runner.invoke(_app(), ["evaluate", "analyzers", str(truth), str(out), "--json"])
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.output)["loans"]["illegal"]["f1"] == 1.0


def test_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["analyzers", "claims", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code != 0
    assert "complaints.jsonl" in str(result.exception)


def test_collection_and_coordination_commands_run_on_tiny_inputs(tmp_path: Path) -> None:
    (tmp_path / "calls.csv").write_text(
        "record_id,timestamp,caller,callee,kind,duration_s,text\n"
        + "".join(f"K{i},2026-03-02T1{i}:00:00+08:00,17100000001,13800000001,call,5,\n" for i in range(9)),
        encoding="utf-8")
    (tmp_path / "posts.jsonl").write_text(json.dumps({"post_id": "p1", "platform": "weibo", "account_id": "u1",
                                                      "created_at": "2026-03-01T10:00:00+08:00", "text": "hi"}) + "\n",
                                          encoding="utf-8")
    runner, out = CliRunner(), tmp_path / "out"
    assert runner.invoke(_app(), ["analyzers", "collection", str(tmp_path), "--out", str(out)]).exit_code == 0
    assert (out / "collection.jsonl").read_text(encoding="utf-8") == ""  # no phone books, no debt text: not analysed
    assert runner.invoke(_app(), ["analyzers", "coordination", str(tmp_path), "--out", str(out)]).exit_code == 0
    assert (out / "coordination.jsonl").exists()
