"""The CLI: classify JSONL (bad lines reported and skipped), evaluate classify, model train."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from netwarden.cli.classify import register

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    root = typer.Typer()
    evaluate_app = typer.Typer()
    register(root, evaluate_app)
    root.add_typer(evaluate_app, name="evaluate")
    return root


def test_classify_writes_one_record_per_good_line_and_reports_bad_ones(app: typer.Typer, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "你已逾期3天，今天18点前不还就爆你通讯录。"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "b", "text": "   "}),
        json.dumps({"id": "c", "text": "【超市】会员日全场九折，回T退订", "received_at": "2026-03-01T10:00:00+08:00"},
                   ensure_ascii=False),
        json.dumps({"id": "d", "text": "Pay or I post it", "last_payment_at": "yesterday"}),
        json.dumps({"report_id": "R-1", "text": "裸聊被录屏，对方要我转钱不然发给家人", "victim": {"age": 15},
                    "messages": [{"from": "suspect", "text": "不转5000就发给你爸妈"}]}, ensure_ascii=False),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["classify", str(source)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r["id"] for r in records] == ["a", "c", "R-1"]
    assert set(records[0]) == {"id", "crime_type", "crime_types", "scores", "priority", "reasons", "actions"}
    assert records[0]["crime_type"] == "violent_collection"
    assert records[1]["crime_type"] == "none"
    assert records[2]["priority"] == "P0"
    assert "line 2: rejected: not JSON" in result.stderr
    assert "line 3: rejected: text is empty" in result.stderr
    assert "line 5: rejected: 'last_payment_at' is not an ISO 8601 timestamp" in result.stderr
    assert "classified 3, rejected 3" in result.stderr


def test_classify_reads_standard_input(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["classify", "-"], input='{"id": 1, "text": "高价收卡，跑分日结"}\n')
    assert json.loads(result.stdout.splitlines()[0])["crime_type"] == "other"


def test_evaluate_classify_prints_metrics_and_confusion(app: typer.Typer) -> None:
    golden = REPO / "tests" / "golden" / "classify_cases.jsonl"
    table = CliRunner().invoke(app, ["evaluate", "classify", str(golden)])
    assert table.exit_code == 0, table.output
    assert "macro-F1" in table.stdout and "Confusion matrix" in table.stdout
    as_json = json.loads(CliRunner().invoke(app, ["evaluate", "classify", str(golden), "--json"]).stdout)
    assert as_json["n"] == sum(1 for line in golden.read_text(encoding="utf-8").splitlines() if line.strip())
    assert set(as_json["per_label"]) == {"sextortion", "loan_trap", "violent_collection", "malicious_claim",
                                         "publicity_blackmail", "troll_network", "fraud", "other", "none"}
    assert sum(sum(row.values()) for row in as_json["confusion"].values()) == as_json["n"]


def test_evaluate_classify_names_the_bad_line(app: typer.Typer, tmp_path: Path) -> None:
    labeled = tmp_path / "bad.jsonl"
    labeled.write_text('{"id": "x", "text": "hi", "labels": ["spam"], "primary": "spam"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "classify", str(labeled)])
    assert result.exit_code != 0
    assert "line 1" in str(result.exception.detail)  # type: ignore[union-attr]


def test_model_train_writes_artefact_and_card(app: typer.Typer, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted((REPO / "corpus").glob("*.jsonl")):
        head = path.read_text(encoding="utf-8").splitlines()[:30]
        (corpus / path.name).write_text("\n".join(head) + "\n", encoding="utf-8")
    feedback = tmp_path / "feedback.jsonl"
    feedback.write_text(json.dumps({"id": "fb-1", "text": "这是正规会员通知", "labels": ["none"], "primary": "none"},
                                   ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    result = CliRunner().invoke(app, ["model", "train", "--corpus", str(corpus), "--out", str(out),
                                      "--include-feedback", str(feedback), "--trained-on", "2026-03-01", "--json"])
    assert result.exit_code == 0, result.output
    card = json.loads((out / "model_card.json").read_text(encoding="utf-8"))
    assert card["feedback_rows"] == 1 and card["trained_on"] == "2026-03-01"
    assert (out / "model.json").stat().st_size > 0
    assert "# netwarden classification model card" in (out / "model_card.md").read_text(encoding="utf-8")


def test_model_train_without_a_corpus_is_an_input_error(app: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["model", "train", "--corpus", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code != 0
    assert "no corpus" in str(result.exception.detail)  # type: ignore[union-attr]
