"""`netwarden extract`, `netwarden evaluate extract` and `netwarden identifiers hubs`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from netwarden.cli import identifiers
from netwarden.errors import InputError

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "extract.jsonl"


@pytest.fixture
def app() -> typer.Typer:
    root = typer.Typer()
    evaluate_app = typer.Typer()
    identifiers.register(root, evaluate_app)
    root.add_typer(evaluate_app, name="evaluate")
    return root


def test_extract_reads_jsonl_and_plain_lines_from_stdin(app: typer.Typer) -> None:
    stdin = '{"id": "r1", "text": "对方微信 lucky_888，电话 138-0013-8000"}\n\nplain line www.kjb-loan.com/x\n'
    result = CliRunner().invoke(app, ["extract", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    shape = {"role": "suspect", "source": "text", "valid": True}
    assert first == {
        "id": "r1",
        "identifiers": [
            {"type": "wechat", "value": "lucky_888", "span": [5, 14], **shape},
            {"type": "phone", "value": "+8613800138000", "span": [18, 31], **shape},
        ],
    }
    assert second["id"] == 3
    assert {(item["type"], item["value"]) for item in second["identifiers"]} == {
        ("url", "http://www.kjb-loan.com/x"),
        ("domain", "kjb-loan.com"),
    }


def test_extract_writes_chinese_unescaped_and_honours_region(app: typer.Typer, tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("下载《快借宝》\nCall 08452810075 now\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(source), "--region", "GB"])
    assert "快借宝" in result.stdout
    assert "+448452810075" in result.stdout


def test_extract_missing_file_is_an_input_error(app: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "missing.txt")])
    assert isinstance(result.exception, InputError)


def test_evaluate_extract_prints_a_table_and_json(app: typer.Typer) -> None:
    table = CliRunner().invoke(app, ["evaluate", "extract", str(GOLDEN)])
    assert table.exit_code == 0, table.output
    assert "overall" in table.stdout and "precision" in table.stdout and "bank_card" in table.stdout
    as_json = CliRunner().invoke(app, ["evaluate", "extract", str(GOLDEN), "--json"])
    report = json.loads(as_json.stdout)
    assert report["cases"] >= 400
    assert report["overall"]["precision"] >= 0.97 and report["overall"]["recall"] >= 0.95


def test_evaluate_rejects_a_file_that_is_not_jsonl(app: typer.Typer, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "extract", str(bad)])
    assert isinstance(result.exception, InputError)
    assert "line 1" in result.exception.detail


def test_hubs_lists_the_shipped_list_and_data_driven_hubs(app: typer.Typer, tmp_path: Path) -> None:
    reports = tmp_path / "reports.jsonl"
    rows = [
        {"report_id": f"R{i}", "text": f"骗子冒充95588客服，让我转到卡号 6222 0252 6018 1590 83{i % 2}"}
        for i in range(60)
    ]
    rows += [{"report_id": f"S{i}", "text": "没有号码", "identifiers": ["phone:13800138000"]} for i in range(55)]
    reports.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["identifiers", "hubs", "--reports", str(reports), "--json"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    listed = {(r["type"], r["value"]) for r in records if r["source"] == "list"}
    data = {(r["type"], r["value"]): r for r in records if r["source"] == "data"}
    assert ("phone", "95588") in listed and ("domain", "taobao.com") in listed
    assert set(data) == {("phone", "95588"), ("phone", "+8613800138000")}
    assert data[("phone", "95588")]["reports"] == 60
    table = CliRunner().invoke(app, ["identifiers", "hubs"])
    assert "ICBC" in table.stdout
