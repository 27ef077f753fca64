"""Coordination analyzer: lockstep crews are found; the same opinion in other words at other times is not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl

from netwarden.core.analyzers.coordination import CoordinationRules, find_troll_crews

T0 = datetime(2026, 4, 26, 8, 0, tzinfo=UTC)
OLD = datetime(2019, 1, 1, tzinfo=UTC)


def _posts(rows: list[dict[str, object]]) -> pl.DataFrame:
    base = {"account_created_at": OLD, "urls": [], "repost_of": None, "target": "merchant:shop-1", "text": ""}
    full = [{**base, **row} for row in rows]
    return pl.DataFrame(full, schema={
        "post_id": pl.Utf8, "account": pl.Utf8, "account_created_at": pl.Datetime("us", "UTC"),
        "created_at": pl.Datetime("us", "UTC"), "text": pl.Utf8, "urls": pl.List(pl.Utf8), "repost_of": pl.Utf8,
        "target": pl.Utf8})


def _crew_posts() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    scripts = ["shop-1的东西千万别买，质量太差了，大家避雷！", "shop-1卖假货，已经有很多人被骗了，转起来！"]
    for episode, script in enumerate(scripts):
        start = T0 + timedelta(days=3 * episode)
        for k, account in enumerate(["weibo:a1", "douyin:a2", "xiaohongshu:a3", "weibo:a4"]):
            rows.append({"post_id": f"e{episode}-{k}", "account": account,
                         "created_at": start + timedelta(seconds=7 * k),
                         "text": script + "～" * k, "urls": ["https://Bad-News.example/p/1"],
                         "account_created_at": T0 - timedelta(days=10)})
    return rows


def test_lockstep_accounts_are_one_crew_with_evidence() -> None:
    (crew,) = find_troll_crews(_posts(_crew_posts()))
    assert crew.accounts == ["douyin:a2", "weibo:a1", "weibo:a4", "xiaohongshu:a3"]
    assert set(crew.kinds) == {"co_post", "near_duplicate", "co_link"} and crew.targets == ["merchant:shop-1"]
    assert crew.evidence["young_accounts"] == 4 and crew.evidence["median_seconds_apart"] <= 21
    assert len(crew.post_ids) == 8


def test_same_opinion_in_own_words_at_other_times_is_never_linked() -> None:
    organic = [{"post_id": "o1", "account": "weibo:critic1", "created_at": T0,
                "text": "在shop-1买的鞋子穿了一周就开胶了，客服也不理人，太失望。"},
               {"post_id": "o2", "account": "douyin:critic2", "created_at": T0 + timedelta(hours=5),
                "text": "shop-1 quality is terrible, my order broke after two days and support ignored me."},
               {"post_id": "o3", "account": "weibo:critic1", "created_at": T0 + timedelta(days=2),
                "text": "再也不会在shop-1买东西了，售后太差。"},
               {"post_id": "o4", "account": "douyin:critic2", "created_at": T0 + timedelta(days=2, hours=3),
                "text": "Avoid shop-1. Second bad experience this month."}]
    assert find_troll_crews(_posts(organic)) == []
    crews = find_troll_crews(_posts(_crew_posts() + organic))
    assert all("weibo:critic1" not in c.accounts and "douyin:critic2" not in c.accounts for c in crews)


def test_one_coincidence_is_not_coordination_and_the_window_is_configurable() -> None:
    once = [row for row in _crew_posts() if row["post_id"].startswith("e0")]  # type: ignore[union-attr]
    assert find_troll_crews(_posts(once)) == []
    assert find_troll_crews(_posts(_crew_posts()), CoordinationRules(window_seconds=5)) == []


def test_reposting_each_other_within_the_window_is_co_repost() -> None:
    rows: list[dict[str, object]] = []
    for episode in range(2):
        start = T0 + timedelta(days=episode)
        rows.append({"post_id": f"src{episode}", "account": "weibo:boss", "created_at": start, "text": "看这个"})
        rows += [{"post_id": f"r{episode}-{k}", "account": f"weibo:rt{k}",
                  "created_at": start + timedelta(seconds=5 + k), "repost_of": f"src{episode}"} for k in range(3)]
    (crew,) = find_troll_crews(_posts(rows))
    assert crew.kinds == ["co_repost"] and "weibo:boss" in crew.accounts


def test_crew_is_tied_to_merchants_hit_by_malicious_claims() -> None:
    (crew,) = find_troll_crews(_posts(_crew_posts()), other_targets={"merchant:shop-1": ["CC-C-0001"]})
    assert crew.evidence["also_targeted_by"] == {"merchant:shop-1": ["CC-C-0001"]}
