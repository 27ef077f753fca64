"""Pairwise scores, adjusted Rand index and hub-merge counting on small known partitions."""

from __future__ import annotations

import pytest

from netwarden.core.linking.evaluation import hub_merged_series, score_partition


def test_perfect_partition_scores_one() -> None:
    truth = {"a": "1", "b": "1", "c": "2"}
    score = score_partition(truth, {"a": "x", "b": "x", "c": "y"})
    assert (score.precision, score.recall, score.f1, score.adjusted_rand) == (1.0, 1.0, 1.0, 1.0)


def test_pairwise_counts_on_a_merge_and_a_split() -> None:
    truth = {"a": "1", "b": "1", "c": "1", "d": "2"}
    found = {"a": "x", "b": "x", "c": "y", "d": "x"}
    score = score_partition(truth, found)
    # found pairs: ab, ad, bd (3); true pairs: ab, ac, bc (3); shared: ab.
    assert score.precision == pytest.approx(1 / 3)
    assert score.recall == pytest.approx(1 / 3)
    assert score.adjusted_rand < 0.1


def test_series_linked_through_a_hub_is_counted() -> None:
    truth = {"a": "1", "b": "2", "c": "3", "d": "3"}
    links = {"S1": [("phone:95588", ["a", "b"])], "S2": [("qq:12345", ["c", "d"])]}
    members = {"S1": ["a", "b"], "S2": ["c", "d"]}
    assert hub_merged_series(links, members, truth, {"phone:95588"}, {}) == ["S1"]


def test_mixed_series_its_own_links_do_not_connect_is_counted() -> None:
    truth = {"a": "1", "b": "2", "c": "2"}
    links = {"S1": [("qq:12345", ["b", "c"])]}
    assert hub_merged_series(links, {"S1": ["a", "b", "c"]}, truth, set(), {}) == ["S1"]
    assert hub_merged_series(links, {"S1": ["a", "b", "c"]}, truth, set(), {"S1": [("a", "b")]}) == []
