"""Golden cases: hand-written reports that are not in the corpus and not made by its generator.
classify_cases.jsonl carries the primary label and the priority an officer would expect;
classify_narratives.jsonl (long narratives, hotline notes, referrals) the primary label. Reviewed
as diffs."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from netwarden.core.classify import Classifier

GOLDEN = Path(__file__).resolve().parents[2] / "golden"


def _load(name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (GOLDEN / name).read_text(encoding="utf-8").splitlines() if line.strip()]


CASES = _load("classify_cases.jsonl")
NARRATIVES = _load("classify_narratives.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_golden_case(classifier: Classifier, case: dict[str, object]) -> None:
    timestamps = {key: datetime.fromisoformat(str(case[key])) for key in ("received_at", "last_payment_at")
                  if key in case}
    age = case.get("victim_age")
    result = classifier.classify(str(case["text"]), victim_age=int(str(age)) if age is not None else None,
                                 **timestamps)
    assert (result.crime_type, result.priority) == (case["primary"], case["priority"]), result.scores


@pytest.mark.parametrize("case", NARRATIVES, ids=[case["id"] for case in NARRATIVES])
def test_golden_narrative(classifier: Classifier, case: dict[str, object]) -> None:
    result = classifier.classify(str(case["text"]))
    assert result.crime_type == case["primary"], result.scores


@pytest.mark.parametrize("name", ["classify_fresh.jsonl", "classify_fresh2.jsonl"])
def test_fresh_hand_written_sets_keep_their_accuracy(classifier: Classifier, name: str) -> None:
    """The fresh sets were written and run once before any rule saw them (34/48 and 30/40 then);
    the rules were extended for what they showed. Guard the level reached, not each case: every
    `none` text stays `none`, and 90% get the expected primary label."""
    cases = _load(name)
    results = [(case, classifier.classify(str(case["text"]))) for case in cases]
    assert all(result.crime_type == "none" for case, result in results if case["primary"] == "none")
    assert sum(result.crime_type == case["primary"] for case, result in results) / len(cases) >= 0.9


def test_unseen_hand_written_set_stays_at_its_first_contact_level(classifier: Classifier) -> None:
    """classify_fresh3.jsonl has never been used to change a rule or train the model: it measures
    accuracy on new text (32/46 primary, 10/10 `none` kept when written). A change that makes the
    product worse on it fails here; one that makes it better should update the docs figure."""
    cases = _load("classify_fresh3.jsonl")
    results = [(case, classifier.crime_types(str(case["text"]))[0]) for case in cases]
    assert all(found == "none" for case, found in results if case["primary"] == "none")
    assert sum(found == case["primary"] for case, found in results) >= 32
