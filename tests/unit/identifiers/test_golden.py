"""The golden extraction file meets the thresholds overall and for every type."""

import json
from pathlib import Path

import pytest

from netwarden.core.identifiers import REGISTRY, evaluate, extract
from netwarden.core.identifiers.evaluation import Score

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "extract.jsonl"


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_golden_file_is_large_and_covers_every_type(rows: list[dict[str, object]]) -> None:
    assert len(rows) >= 400
    assert len({row["id"] for row in rows}) == len(rows)
    covered = {item["type"] for row in rows for item in row["identifiers"]}  # type: ignore[attr-defined]
    assert covered == set(REGISTRY)
    negatives = [row for row in rows if not row["identifiers"]]
    assert len(negatives) >= 100


def test_extraction_meets_thresholds(rows: list[dict[str, object]]) -> None:
    result = evaluate(rows, extract)
    assert result.overall.precision >= 0.97
    assert result.overall.recall >= 0.95
    weak = {name: score for name, score in result.per_type.items() if score.precision < 0.9 or score.recall < 0.9}
    assert weak == {}


def test_evaluate_counts_per_case_sets() -> None:
    rows = [
        {
            "id": "a",
            "text": "电话 13800138000",
            "identifiers": [{"type": "phone", "value": "+8613800138000"}],
        },
        {"id": "b", "text": "订单 12345", "identifiers": [{"type": "qq", "value": "12345"}]},
        {"id": "c", "text": "电话 13900139000", "identifiers": []},
    ]
    result = evaluate(rows, extract)
    assert result.per_type["phone"] == Score(tp=1, fp=1, fn=0)
    assert result.per_type["qq"] == Score(tp=0, fp=0, fn=1)
    assert [error.id for error in result.errors] == ["b", "c"]
    assert result.overall.precision == 0.5 and result.overall.recall == 0.5
