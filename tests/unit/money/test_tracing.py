"""Temporal tracing on small hand-built graphs with golden expectations."""

from __future__ import annotations

from typing import Any

import pytest

from netwarden.core.money import trace
from tests.unit.money.graphs import frame_of, paid

VICTIM, PAYEE, MULE = "bank_card:6200000000000001", "alipay:payee@example.com", "bank_card:6600000000000001"
EXCHANGE = "crypto_trx:TExchangeDeposit01"
OKX = {"to_institution": "OKX", "rail": "crypto"}


def _record(result: Any, report_id: str = "R-1") -> dict[str, Any]:
    (record,) = [r for r in result.money_records() if r["report_id"] == report_id]
    return record


def _reached(record: dict[str, Any]) -> dict[str, float]:
    return {r["account"]: r["amount"] for r in record["reached"]}


POOLED = (
    ("T1", 0, VICTIM, PAYEE, 100, paid("R-1")),
    ("T2", 1, "bank_card:6200000000000002", PAYEE, 50),  # someone else's clean money after it
    ("T3", 2, PAYEE, MULE, 120),
    ("T4", 3, MULE, EXCHANGE, 120, OKX),
)


def test_fifo_sends_the_earliest_money_first() -> None:
    record = _record(trace(frame_of(*POOLED)))
    assert [(h["txn_id"], h["amount_attributed"]) for h in record["hops"]] == [("T3", 100.0), ("T4", 100.0)]
    assert _reached(record) == {EXCHANGE: 100.0}


def test_proportional_sends_the_same_share_of_everything_held() -> None:
    record = _record(trace(frame_of(*POOLED), policy="proportional"))
    assert [(h["txn_id"], h["amount_attributed"]) for h in record["hops"]] == [("T3", 80.0), ("T4", 80.0)]
    assert _reached(record) == {EXCHANGE: 80.0, PAYEE: 20.0}


def test_money_never_moves_backwards_in_time() -> None:
    frame = frame_of(
        ("T1", 0, PAYEE, MULE, 100),  # leaves before the victim's money arrives
        ("T2", 5, VICTIM, PAYEE, 100, paid("R-1")),
    )
    record = _record(trace(frame))
    assert record["hops"] == []
    assert _reached(record) == {PAYEE: 100.0}


def test_every_hop_is_at_or_after_the_payment_and_the_hop_before() -> None:
    frame = frame_of(
        ("T1", 0, VICTIM, PAYEE, 300, paid("R-1")),
        ("T2", 10, PAYEE, MULE, 150),
        ("T3", 11, PAYEE, "bank_card:6600000000000002", 150),
        ("T4", 12, "bank_card:6600000000000002", MULE, 150),
        ("T5", 40, MULE, EXCHANGE, 300, OKX),
    )
    record = _record(trace(frame))
    times = [record["at"], *(h["at"] for h in record["hops"])]
    assert times == sorted(times)
    assert sum(r["amount"] for r in record["reached"]) == pytest.approx(300)


def test_hop_limit_stops_the_money_where_the_limit_is_reached() -> None:
    chain = [f"bank_card:66000000000000{i}" for i in range(1, 5)]
    frame = frame_of(
        ("T0", 0, VICTIM, PAYEE, 100, paid("R-1")),
        ("T1", 1, PAYEE, chain[0], 100),
        ("T2", 2, chain[0], chain[1], 100),
        ("T3", 3, chain[1], chain[2], 100),
        ("T4", 4, chain[2], chain[3], 100),
    )
    record = _record(trace(frame, max_hops=2))
    assert [h["txn_id"] for h in record["hops"]] == ["T1", "T2"]
    assert _reached(record) == {chain[1]: 100.0}
    assert _reached(_record(trace(frame))) == {chain[3]: 100.0}


@pytest.mark.parametrize(
    ("point", "extras"),
    [("cash:atm-0001", {"rail": "cash"}), ("merchant:gold-01", {}), (EXCHANGE, OKX)],
)
def test_tracing_stops_at_cash_out_points(point: str, extras: dict[str, str]) -> None:
    frame = frame_of(
        ("T1", 0, VICTIM, PAYEE, 100, paid("R-1")),
        ("T2", 5, PAYEE, point, 100, extras),
        ("T3", 9, point, MULE, 100),  # whatever the point does next is not followed
    )
    record = _record(trace(frame))
    assert [h["txn_id"] for h in record["hops"]] == ["T2"]
    assert _reached(record) == {point: 100.0}


def test_self_held_crypto_wallet_is_not_a_cash_out_point() -> None:
    wallet = "crypto_trx:TSelfHeldWallet"
    frame = frame_of(
        ("T1", 0, VICTIM, PAYEE, 100, paid("R-1")),
        ("T2", 5, PAYEE, wallet, 100, {"to_institution": "on-chain", "rail": "crypto"}),
        ("T3", 9, wallet, EXCHANGE, 100, OKX),
    )
    assert _reached(_record(trace(frame))) == {EXCHANGE: 100.0}


def test_clean_money_held_before_the_victims_money_leaves_first() -> None:
    frame = frame_of(
        ("T1", 0, "bank_account:employer", MULE, 500),
        ("T2", 1, MULE, "merchant:shop-1", 200),  # 300 clean left
        ("T3", 10, VICTIM, PAYEE, 100, paid("R-1")),
        ("T4", 11, PAYEE, MULE, 100),
        ("T5", 12, MULE, "bank_card:6200000000000009", 300),  # the clean 300 under FIFO
    )
    record = _record(trace(frame))
    assert _reached(record) == {MULE: 100.0}


def test_currencies_do_not_mix() -> None:
    frame = frame_of(
        ("T1", 0, VICTIM, PAYEE, 100, paid("R-1") | {"currency": "USD"}),
        ("T2", 1, "bank_card:6200000000000002", PAYEE, 700),
        ("T3", 2, PAYEE, MULE, 700),  # CNY leaves; the victim's USD stays
    )
    record = _record(trace(frame))
    assert record["currency"] == "USD"
    assert _reached(record) == {PAYEE: 100.0}


def test_unknown_policy_and_bad_hop_limit_are_refused() -> None:
    with pytest.raises(ValueError, match="policy"):
        trace(frame_of(*POOLED), policy="lifo")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_hops"):
        trace(frame_of(*POOLED), max_hops=0)


def test_partitions_do_not_change_the_result() -> None:
    frame = frame_of(
        *POOLED,
        ("T5", 0, "bank_card:6200000000000003", "alipay:other@example.com", 70, paid("R-2")),
        ("T6", 30, "alipay:other@example.com", "cash:atm-9", 70, {"rail": "cash"}),
    )
    assert trace(frame, partitions=1).money_records() == trace(frame, partitions=5).money_records()
