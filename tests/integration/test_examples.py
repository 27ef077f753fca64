"""The shipped sample campaign loads cleanly and every bad-input example fails the way its README says."""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from netwarden.errors import InputError
from netwarden.formats import ParsedReport, Rejection, read_reports
from tests.conftest import EXAMPLES

ZONE = ZoneInfo("Asia/Shanghai")


def _counts(path: Path, **kwargs: object) -> tuple[int, list[Rejection]]:
    rows = list(read_reports(path, zone=ZONE, **kwargs))  # type: ignore[arg-type]
    return sum(isinstance(r, ParsedReport) for r in rows), [r for r in rows if isinstance(r, Rejection)]


@pytest.mark.parametrize("name", ["reports.jsonl", "reports.csv"])
def test_sample_campaign_is_valid(name: str) -> None:
    accepted, rejected = _counts(EXAMPLES / "campaign" / name)
    assert rejected == [] and accepted >= 20


def test_sample_campaign_is_bilingual_and_has_urgent_cases() -> None:
    rows = [json.loads(line) for line in (EXAMPLES / "campaign" / "reports.jsonl").read_text().splitlines()]
    chinese = sum(any("\u4e00" <= ch <= "\u9fff" for ch in r["text"]) for r in rows)
    assert 0.4 < chinese / len(rows) < 0.9
    assert any((r.get("victim") or {}).get("age") and r["victim"]["age"] < 18 for r in rows)


@pytest.mark.parametrize(
    ("name", "accepted", "codes"),
    [
        ("malformed_json.jsonl", 3, {"bad_json", "not_object"}),
        ("missing_field.jsonl", 3, {"missing_field", "empty_text"}),
        ("wrong_type.jsonl", 2, {"wrong_type", "not_object"}),
        ("bad_timestamp.jsonl", 3, {"timestamp", "missing_field"}),
        ("duplicate_id.jsonl", 3, {"duplicate_id"}),
        ("xss.jsonl", 2, set()),
        ("empty.jsonl", 0, set()),
    ],
)
def test_row_level_bad_inputs(name: str, accepted: int, codes: set[str]) -> None:
    good, rejected = _counts(EXAMPLES / "bad" / name)
    assert good == accepted
    assert {r.code for r in rejected} <= codes and (bool(rejected) == bool(codes))
    assert all(r.line > 0 and r.error for r in rejected)


@pytest.mark.parametrize(("name", "message"), [("binary.jsonl", "binary"), ("gb18030.jsonl", "--encoding"),
                                               ("missing_column.csv", "text")])
def test_file_level_bad_inputs(name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        _counts(EXAMPLES / "bad" / name)


def test_gb18030_example_reads_with_its_encoding() -> None:
    good, rejected = _counts(EXAMPLES / "bad" / "gb18030.jsonl", encoding="gb18030")
    assert good == 3 and rejected == []
