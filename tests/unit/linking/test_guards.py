"""Hubs, fan-out, victims' own identifiers and weak evidence never build false series."""

from __future__ import annotations

import logging

from netwarden.core.linking import LinkConfig
from tests.unit.linking.helpers import groups, report, run


def test_report_whose_only_identifier_is_a_listed_hub_stays_alone() -> None:
    result = run([report(f"R{i}", "unknown/phone:95588", hour=i) for i in range(5)])
    assert groups(result) == {frozenset({f"R{i}"}) for i in range(5)}
    assert "phone:95588" in result.refused["ident"].to_list()


def test_data_driven_hub_links_nothing() -> None:
    config = LinkConfig(hub_min_reports=3, hub_max_share=0.2)
    reports = [report(f"R{i}", "wechat:kefu_official", hour=i) for i in range(4)]
    reports += [report(f"X{i}", f"qq:1234567{i}", hour=10 + i) for i in range(6)]
    result = run(reports, config=config)
    assert all(len(group) == 1 for group in groups(result))


def test_fan_out_guard_refuses_identifier_in_every_report_with_a_warning(caplog: object) -> None:
    reports = [report(f"R{i:04d}", "alipay:everyone@example.com", hour=i) for i in range(60)]
    with caplog.at_level(logging.WARNING, logger="netwarden.core.linking.weights"):  # type: ignore[attr-defined]
        result = run(reports, config=LinkConfig(fan_out_cap=50, hub_min_reports=1000))
    assert len(groups(result)) == 60
    messages = [r.getMessage() for r in caplog.records]  # type: ignore[attr-defined]
    assert any("fan-out guard: alipay:everyone@example.com is in 60 reports (cap 50)" in m for m in messages)


def test_victim_own_phone_marks_duplicates_not_links_between_series() -> None:
    result = run([
        report("A1", "bank_card:6222021234567890128", "victim/phone:+8613800000001", hour=1),
        report("A2", "bank_card:6222021234567890128", hour=2),
        report("B1", "wechat:gang_b", hour=3),
        report("B2", "wechat:gang_b", "victim/phone:+8613800000001", hour=4),
        report("A1-again", "victim/phone:+8613800000001", hour=5),
    ])
    found = groups(result)
    assert frozenset({"B1", "B2"}) in found
    assert not any({"A1", "B1"} <= group for group in found)
    # The repeat has no suspect link of its own but its victim sits in two series: it stays alone.
    assert frozenset({"A1-again"}) in found


def test_victim_repeat_joins_its_only_series_as_a_duplicate() -> None:
    result = run([
        report("A1", "bank_card:6222021234567890128", "victim/phone:+8613800000001", hour=1),
        report("A2", "bank_card:6222021234567890128", hour=2),
        report("A1-again", "victim/phone:+8613800000001", hour=5),
    ])
    assert groups(result) == {frozenset({"A1", "A2", "A1-again"})}
    members = result.state.members
    assert members.filter(members["report"] == "A1-again")["duplicate_of"].item() == "A1"


def test_weak_app_names_alone_never_link() -> None:
    result = run([
        report("R1", "app_name:快借宝", "app_name:米速贷", "app_package:com.kjb.loan", hour=1),
        report("R2", "app_name:快借宝", "app_name:米速贷", "app_package:com.kjb.loan", hour=2),
    ])
    assert groups(result) == {frozenset({"R1"}), frozenset({"R2"})}


def test_weak_evidence_with_a_domain_reaches_the_threshold() -> None:
    result = run([
        report("R1", "app_name:快借宝", "domain:kjb-loan.cn", hour=1),
        report("R2", "app_name:快借宝", "domain:kjb-loan.cn", hour=2),
    ])
    assert groups(result) == {frozenset({"R1", "R2"})}
    links = result.links.to_dicts()
    assert {link["ident"] for link in links} == {"app_name:快借宝", "domain:kjb-loan.cn"}


def test_url_and_its_domain_count_once() -> None:
    result = run([
        report("R1", "domain:kjb-loan.cn", "url:http://kjb-loan.cn/a", hour=1),
        report("R2", "domain:kjb-loan.cn", "unknown/url:http://kjb-loan.cn/a", hour=2),
    ])
    # The URL is role-unsure in R2 (0.5) and the domain is 0.7: one written link counts once.
    assert groups(result) == {frozenset({"R1"}), frozenset({"R2"})}


def test_service_line_not_on_the_hub_list_needs_corroboration() -> None:
    result = run([report(f"R{i}", "phone:+864006695566", hour=i) for i in range(3)])
    assert len(groups(result)) == 3


def test_busy_payee_card_is_not_a_data_hub_but_a_busy_phone_is() -> None:
    config = LinkConfig(hub_min_reports=3, hub_max_share=0.2)
    reports = [report(f"C{i}", "bank_card:6222021234567890128", hour=i) for i in range(4)]
    reports += [report(f"P{i}", "phone:+8617100012345", hour=10 + i) for i in range(4)]
    reports += [report(f"X{i}", f"qq:1234567{i}", hour=20 + i) for i in range(4)]
    found = groups(run(reports, config=config))
    assert frozenset({"C0", "C1", "C2", "C3"}) in found
    assert frozenset({"P0"}) in found
