"""Golden linking cases: small hand-written report sets with the series an analyst expects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.linking.helpers import groups, report, run

CASES = Path(__file__).parents[2] / "golden" / "linking_cases.jsonl"


def _cases() -> list[dict[str, object]]:
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", _cases(), ids=lambda case: str(case["case"]))
def test_golden_case(case: dict) -> None:  # type: ignore[type-arg]
    reports = [report(r["id"], *r["ids"], hour=i) for i, r in enumerate(case["reports"])]
    result = run(reports)
    assert groups(result) == {frozenset(series) for series in case["series"]}
    members = result.state.members
    found = {r: d for r, d in members.select("report", "duplicate_of").iter_rows() if d is not None}
    assert found == case.get("duplicates", {})
