from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from netwarden.cli.simulate import register


def _app() -> typer.Typer:
    app, evaluate_app = typer.Typer(), typer.Typer()
    register(app, evaluate_app)

    @app.callback()
    def root() -> None:
        """netwarden (test root)."""

    return app


def test_simulate_command_writes_files_and_prints_a_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["simulate", "--seed", "2", "--scale", "0.1", "--out", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["files"]["reports.jsonl"] == sum(1 for _ in (tmp_path / "reports.jsonl").open(encoding="utf-8"))
    assert (tmp_path / "truth" / "gangs.jsonl").exists()
    table = CliRunner().invoke(_app(), ["simulate", "--seed", "2", "--scale", "0.1", "--out", str(tmp_path / "t")])
    assert table.exit_code == 0 and "transactions.csv" in table.stdout


def test_simulate_refuses_a_bad_scale(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["simulate", "--scale", "0", "--out", str(tmp_path)])
    assert result.exit_code != 0
    assert "scale" in str(result.exception)
