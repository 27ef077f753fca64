"""Account classes with their typology evidence, and the freeze queue's order and deadlines."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from netwarden.core.money import freeze_requests, trace
from tests.unit.money.graphs import START, frame_of, paid

MULE, GATHER = "bank_card:6600000000000001", "bank_card:6600000000000002"
EXCHANGE = "crypto_trx:TExchangeDeposit01"
OKX = {"to_institution": "OKX", "rail": "crypto"}
BYSTANDER = "wechat:bystander"


def _ring() -> list[Any]:
    """Three victims pay three payees; all forward to one mule within minutes; the mule fans out."""
    rows: list[Any] = []
    for i in range(3):
        payee = f"alipay:payee{i}@example.com"
        rows.append((f"P{i}", i * 60, f"bank_card:620000000000000{i}", payee, 1000, paid(f"R-{i}")))
        rows.append((f"L{i}", i * 60 + 10, payee, MULE, 1000))
        rows.append((f"F{i}", i * 60 + 15, MULE, f"bank_card:660000000000010{i}", 990))
        rows.append((f"X{i}", i * 60 + 30, f"bank_card:660000000000010{i}", EXCHANGE, 990, OKX))
    # The bystander is paid 5 by a mule on top of a salary: a slice of victim money, nothing more.
    rows.append(("S1", 0, "bank_account:employer", BYSTANDER, 8000))
    rows.append(("B1", 200, "bank_card:6600000000000100", BYSTANDER, 5))
    return rows


def _accounts(result: Any) -> dict[str, dict[str, Any]]:
    return {a["account"]: a for a in result.accounts}


def test_collection_mule_and_cash_out_with_their_typologies() -> None:
    accounts = _accounts(trace(frame_of(*_ring())))
    assert {accounts[f"alipay:payee{i}@example.com"]["class"] for i in range(3)} == {"collection"}
    mule = accounts[MULE]
    assert mule["class"] == "mule"
    assert set(mule["typologies"]) >= {"fan_in", "fan_out", "rapid_in_out", "many_victims"}
    assert mule["evidence"]["fan_in"] == 3
    assert mule["evidence"]["median_dwell_seconds"] == 300
    assert mule["victim_report_ids"] == ["R-0", "R-1", "R-2"]
    assert accounts[EXCHANGE]["class"] == "cash_out"
    assert accounts[EXCHANGE]["cash_out_kind"] == "exchange"


def test_a_slice_reaching_a_busy_account_leaves_it_ordinary_and_unrequested() -> None:
    rows = [
        ("P1", 0, "bank_card:6200000000000001", "alipay:payee@example.com", 100, paid("R-1")),
        ("S1", 1, "bank_account:employer", BYSTANDER, 9000),
        ("L1", 2, "alipay:payee@example.com", BYSTANDER, 100),  # e.g. the payee repays a real debt
        ("S2", 3, "bank_account:employer", BYSTANDER, 9000),
    ]
    result = trace(frame_of(*rows))
    accounts = _accounts(result)
    assert accounts[BYSTANDER]["class"] == "ordinary"
    assert accounts[BYSTANDER]["evidence"]["victim_share"] < 0.5
    assert BYSTANDER not in {r["account"] for r in freeze_requests(result)}


def test_scatter_gather_is_flagged_on_the_gathering_account() -> None:
    rows = [
        ("P1", 0, "bank_card:6200000000000001", "alipay:payee@example.com", 1000, paid("R-1")),
        ("S1", 5, "alipay:payee@example.com", "bank_card:6600000000000011", 600),
        ("S2", 6, "alipay:payee@example.com", "bank_card:6600000000000012", 400),
        ("G1", 10, "bank_card:6600000000000011", GATHER, 600),
        ("G2", 11, "bank_card:6600000000000012", GATHER, 400),
    ]
    gather = _accounts(trace(frame_of(*rows)))[GATHER]
    assert gather["evidence"]["scatter_gather_payments"] == 1
    assert "scatter_gather" in gather["typologies"]


def _two_payees() -> list[Any]:
    return [
        ("P1", 0, "bank_card:6200000000000001", "alipay:early@example.com", 100, paid("R-1")),
        ("P2", 60, "bank_card:6200000000000002", "alipay:late@example.com", 5000, paid("R-2")),
        ("P3", 90, "bank_card:6200000000000003", "alipay:gone@example.com", 700, paid("R-3")),
        ("G1", 95, "alipay:gone@example.com", "cash:atm-1", 700, {"rail": "cash"}),
    ]


def test_freeze_queue_is_most_urgent_first_with_deadlines_from_arrival() -> None:
    requests = freeze_requests(trace(frame_of(*_two_payees())), now=START + timedelta(hours=2))
    assert [(r["account"], r["priority"]) for r in requests] == [
        ("alipay:early@example.com", "P0"), ("alipay:late@example.com", "P0"), ("alipay:gone@example.com", "P1"),
    ]
    early = requests[0]
    assert datetime.fromisoformat(early["deadline"]) == START + timedelta(hours=48)
    assert early["amount_traceable"] == 100.0
    assert early["victim_report_ids"] == ["R-1"]
    assert requests[2]["amount_traceable"] == 0.0
    assert "cash:atm-1" not in {r["account"] for r in requests}  # cash withdrawn cannot be frozen


def test_window_passed_drops_priority_and_window_is_configurable() -> None:
    result = trace(frame_of(*_two_payees()))
    later = START + timedelta(hours=60)
    assert {r["priority"] for r in freeze_requests(result, now=later)} == {"P1", "P2"}
    wide = freeze_requests(result, now=later, window_hours=72)
    assert wide[0]["priority"] == "P0"
    assert datetime.fromisoformat(wide[0]["deadline"]) == START + timedelta(hours=72)
    with pytest.raises(ValueError, match="window_hours"):
        freeze_requests(result, window_hours=0)


def test_freeze_request_carries_the_contract_fields_and_evidence() -> None:
    (first, *_) = freeze_requests(trace(frame_of(*_ring())))
    assert set(first) == {"account", "institution", "amount_traceable", "victim_report_ids", "deadline",
                          "priority", "evidence"}
    assert {"class", "typologies", "inflow_txn_ids", "money_reached_at"} <= set(first["evidence"])
