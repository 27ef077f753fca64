"""Golden cases (tests/golden/classify_cases.jsonl): hand-written reports that are not in the
corpus, each with the primary label and priority an officer would expect. Reviewed as diffs."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from netwarden.core.classify import Classifier

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "classify_cases.jsonl"
CASES = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_golden_case(classifier: Classifier, case: dict[str, object]) -> None:
    timestamps = {key: datetime.fromisoformat(str(case[key])) for key in ("received_at", "last_payment_at")
                  if key in case}
    age = case.get("victim_age")
    result = classifier.classify(str(case["text"]), victim_age=int(str(age)) if age is not None else None,
                                 **timestamps)
    assert (result.crime_type, result.priority) == (case["primary"], case["priority"]), result.scores
