"""Scoring analyzer outputs against truth: the numbers the issue's figures are read from."""

from __future__ import annotations

import pytest

from netwarden.core.analyzers import evaluation


def test_collection_scores_callers_legit_flags_and_operation_pairs() -> None:
    truth = [{"caller": c, "kind": "harassing", "harassing": True, "operation_id": op}
             for c, op in (("a", "X"), ("b", "X"), ("c", "Y"))] + [
        {"caller": "l", "kind": "legit", "harassing": False, "operation_id": None}]
    found = [{"caller": "a", "harassing": True, "operation_id": "1"}, {"caller": "b", "harassing": True,
                                                                       "operation_id": "2"},
             {"caller": "l", "harassing": True, "operation_id": "3"}]
    scored = evaluation.collection(found, truth)
    assert scored["harassing_callers"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert scored["harassing_callers"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert scored["legit_callers_flagged"] == 1
    assert scored["operations"] == {"pair_precision": 1.0, "pair_recall": 0.0}  # a and b were split


def test_loans_mae_is_in_percentage_points() -> None:
    found = [{"loan_id": "L1", "apr_nominal": 0.40, "illegal": True}, {"loan_id": "L2", "apr_nominal": None,
                                                                       "illegal": False}]
    truth = [{"loan_id": "L1", "apr_nominal": 0.41, "illegal": True}, {"loan_id": "L2", "apr_nominal": 0.2,
                                                                       "illegal": False}]
    scored = evaluation.loans(found, truth)
    assert scored["apr_mae_pp"] == pytest.approx(1.0) and scored["rated"] == 1
    assert scored["illegal"]["f1"] == 1.0


def test_coordination_counts_organic_opinion_accounts_flagged() -> None:
    accounts = [{"account": "w:o1", "class": "organic_opinion"}, {"account": "w:o2", "class": "organic_opinion"},
                {"account": "w:c1", "class": "crew"}]
    scored = evaluation.coordination([{"accounts": ["w:c1", "w:o1"]}], [{"accounts": ["w:c1", "w:c2"]}], accounts,
                                     posting_accounts={"w:c1", "w:o1", "w:o2"})
    assert scored["organic_opinion_flagged_share"] == 0.5
    assert scored["troll_accounts"]["recall"] == 0.5 and scored["troll_accounts_that_posted"]["recall"] == 1.0
