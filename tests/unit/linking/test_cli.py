"""`netwarden link` then `netwarden evaluate link` on a tiny world with its truth."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from netwarden.cli.linking import register


def _app() -> typer.Typer:
    app, evaluate_app = typer.Typer(), typer.Typer()
    register(app, evaluate_app)
    app.add_typer(evaluate_app, name="evaluate")
    return app


def _write(path: Path, rows: list[dict]) -> None:  # type: ignore[type-arg]
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def test_link_then_evaluate(tmp_path: Path) -> None:
    world, out = tmp_path / "world", tmp_path / "out"
    (world / "truth").mkdir(parents=True)
    texts = {
        "R1": "对方让我转账到银行卡6222021234567890128，我的手机号13800138000。",
        "R2": "骗子的收款卡号 6222 0212 3456 7890 128，打了95588也没用。",
        "R3": "打了95588问客服。",
        "R4": "我的手机号13800138000，上次报过一次。",
    }
    _write(world / "reports.jsonl", [
        {"report_id": rid, "received_at": f"2026-03-0{i + 1}T10:00:00+08:00", "text": text, "amount_lost": 100}
        for i, (rid, text) in enumerate(texts.items())
    ])
    _write(world / "truth" / "reports.jsonl", [
        {"report_id": "R1", "series_key": "G1"}, {"report_id": "R2", "series_key": "G1"},
        {"report_id": "R3", "series_key": "SOLO-1"}, {"report_id": "R4", "series_key": "G1"},
    ])
    _write(world / "truth" / "hubs.jsonl", [{"identifier": "phone:95588"}])
    runner = CliRunner()
    linked = runner.invoke(_app(), ["link", str(world), "--out", str(out)])
    assert linked.exit_code == 0, linked.output
    series = [json.loads(line) for line in (out / "series.jsonl").read_text(encoding="utf-8").splitlines()]
    gang = next(s for s in series if "R1" in s["report_ids"])
    assert gang["report_ids"] == ["R1", "R2", "R4"]
    assert gang["duplicates"] == {"R4": "R1"}
    assert gang["total_loss"] == 200.0
    assert gang["links"][0]["identifier"] == "bank_card:6222021234567890128"
    scored = runner.invoke(_app(), ["evaluate", "link", str(world), str(out), "--json"])
    assert scored.exit_code == 0, scored.output
    figures = json.loads(scored.output)
    assert figures["f1"] == 1.0
    assert figures["hub_merges"] == 0
