"""Incremental linking keeps ids stable; merges pick a deterministic survivor; judgements hold."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from netwarden.core.linking import Judgement, ResolverState, fresh_id, series_links
from tests.unit.linking.helpers import groups, report, run

CARD_A = "bank_card:6222021234567890128"
CARD_B = "bank_card:6212260200123456789"
BASE = [
    report("A1", CARD_A, hour=1), report("A2", CARD_A, hour=2),
    report("B1", CARD_B, hour=3), report("B2", CARD_B, hour=4),
    report("C1", "qq:12345678", hour=5),
]


def _judgement(jid: str, kind: str, minute: int, **fields: object) -> Judgement:
    return Judgement(jid, kind, "analyst1", datetime(2026, 4, 1, 0, minute, tzinfo=UTC), **fields)  # type: ignore[arg-type]


def test_series_id_comes_from_the_founding_report() -> None:
    series = run(BASE).state.series_of()
    assert series["A1"] == series["A2"] == fresh_id("A1")
    assert series["B2"] == fresh_id("B1")


def test_same_input_twice_gives_the_same_ids() -> None:
    first = run(BASE)
    again = run(BASE, first.state)
    assert again.state.series_of() == first.state.series_of()
    assert again.merged_now.is_empty()


def test_new_reports_join_existing_series_and_leave_others_untouched() -> None:
    first = run(BASE)
    second = run([report("A3", CARD_A, hour=9), report("D1", "wechat:new_one", hour=9)], first.state)
    before, after = first.state.series_of(), second.state.series_of()
    assert after["A3"] == before["A1"]
    assert all(after[r] == before[r] for r in before)
    assert before["B1"] not in second.touched_series


def test_state_round_trips_through_json_able_dicts() -> None:
    state = run(BASE).state
    restored = ResolverState.from_dict(state.to_dict())
    assert restored.series_of() == state.series_of()
    bridged = run([report("AB", CARD_A, CARD_B, hour=9)], restored)
    assert bridged.state.series_of()["B1"] == fresh_id("A1")


def test_merge_keeps_the_oldest_series_and_records_the_other() -> None:
    first = run(BASE)
    bridged = run([report("AB", CARD_A, CARD_B, hour=9)], first.state)
    series = bridged.state.series_of()
    assert series["A1"] == series["B1"] == series["AB"] == fresh_id("A1")
    assert bridged.merged_now.to_dicts() == [{"series": fresh_id("B1"), "merged_into": fresh_id("A1")}]


def test_analyst_split_survives_new_evidence_until_withdrawn() -> None:
    state = run(BASE).state
    split = _judgement("j1", "split", 1, report_ids=("A2",), others=("A1",))
    after_split = run([], state, judgements=[split])
    assert frozenset({"A2"}) in groups(after_split)
    later = run([report("A3", CARD_A, hour=9)], after_split.state, judgements=[split])
    assert not any({"A1", "A2"} <= group for group in groups(later))
    withdrawn = run([], later.state, judgements=[split, _judgement("j2", "withdraw", 2, target="j1")])
    assert frozenset({"A1", "A2", "A3"}) in groups(withdrawn)
    assert withdrawn.state.series_of()["A1"] == fresh_id("A1")


def test_analyst_merge_is_kept_and_reversible_with_the_old_id_back() -> None:
    state = run(BASE).state
    merge = _judgement("j1", "merge", 1, report_ids=("A1", "C1"))
    merged = run([], state, judgements=[merge])
    assert merged.state.series_of()["C1"] == fresh_id("A1")
    undone = run([], merged.state, judgements=[merge, _judgement("j2", "withdraw", 2, target="j1")])
    assert undone.state.series_of()["C1"] == fresh_id("C1")
    assert fresh_id("C1") not in undone.state.merged["series"].to_list()


def test_unlink_removes_one_identifier_edge_for_one_report() -> None:
    state = run(BASE).state
    unlink = _judgement("j1", "unlink", 1, report_ids=("A2",), identifier=CARD_A)
    result = run([], state, judgements=[unlink])
    assert frozenset({"A2"}) in groups(result)
    assert result.state.series_of()["A1"] == fresh_id("A1")


def test_later_merge_overrides_an_earlier_split() -> None:
    state = run(BASE).state
    split = _judgement("j1", "split", 1, report_ids=("A2",), others=("A1",))
    merge = _judgement("j2", "merge", 2, report_ids=("A1", "A2"))
    result = run([], state, judgements=[split, merge])
    assert frozenset({"A1", "A2"}) in groups(result)


@settings(max_examples=15, deadline=None)
@given(st.permutations(BASE + [report("AB", CARD_A, "victim/phone:+8613800000001", hour=7),
                               report("R", "victim/phone:+8613800000001", hour=8)]))
def test_series_ids_do_not_depend_on_input_order(shuffled: list) -> None:  # type: ignore[type-arg]
    assert run(shuffled).state.series_of() == run(BASE + [
        report("AB", CARD_A, "victim/phone:+8613800000001", hour=7),
        report("R", "victim/phone:+8613800000001", hour=8),
    ]).state.series_of()


def test_retired_id_leads_to_its_survivor_and_names_the_merge_anchor() -> None:
    first = run(BASE)
    bridged = run([report("AB", CARD_A, CARD_B, hour=9)], first.state)
    assert bridged.state.current(fresh_id("B1")) == fresh_id("A1")
    assert bridged.state.founder(fresh_id("B1")) == "A1"
    assert first.state.founder(fresh_id("B1")) == "B1"


_VALUES = ["bank_card:6222021234567890128", "bank_card:6212260200123456789", "qq:12345678", "qq:87654321",
           "handle:telegram:vip_a", "domain:loan-a.cn", "app_name:快借宝", "phone:+8617100012345"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_VALUES), min_size=0, max_size=3), min_size=2, max_size=14),
       st.integers(min_value=1, max_value=13))
def test_incremental_runs_give_the_batch_result(identifiers: list[list[str]], cut: int) -> None:
    reports = [report(f"R{i:02d}", *ids, hour=i) for i, ids in enumerate(identifiers)]
    cut = min(cut, len(reports) - 1)
    batch = run(reports).state.series_of()
    stepwise = run(reports[cut:], run(reports[:cut]).state).state.series_of()
    assert stepwise == batch


def test_full_explanation_of_a_series_after_an_incremental_run() -> None:
    first = run(BASE + [report("A0", CARD_A, "qq:99999999", hour=0), report("A9", "qq:99999999", hour=6)])
    second = run([report("A3", CARD_A, hour=9)], first.state)
    series = second.state.series_of()["A3"]
    full = series_links(second.state, [series]).to_dicts()
    assert {(row["ident"], tuple(row["report_ids"])) for row in full} == {
        (CARD_A, ("A0", "A1", "A2", "A3")), ("qq:99999999", ("A0", "A9")),
    }
    assert all(row["series"] == series for row in full)
