"""Loan analyzer: the effective rate of real loan shapes and the flags of DOMAIN.md §5."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netwarden.core.analyzers.irr import CashFlow, IrrStatus, periodic_irr
from netwarden.core.analyzers.loans import (
    MONTH_DAYS,
    DatedAmount,
    Fee,
    Loan,
    LoanRules,
    analyse_loans,
    rank_apps,
)
from netwarden.core.analyzers.lpr import LprTable

CN = timezone(timedelta(hours=8))
START = datetime(2026, 1, 2, 10, 0, tzinfo=CN)


def _instalments(n: int, amount: float) -> tuple[DatedAmount, ...]:
    return tuple(DatedAmount(START + timedelta(days=MONTH_DAYS * (k + 1)), amount) for k in range(n))


def _loan(loan_id: str = "L1", **kw: object) -> Loan:
    base: dict[str, object] = {"loan_id": loan_id, "app": "快借宝", "borrower": "phone:+8613800138000",
                               "principal": 3000.0, "received": 2100.0, "disbursed_at": START}
    base.update(kw)
    return Loan(**base)  # type: ignore[arg-type]


def test_714_loan_is_illegal_short_and_deducted_upfront() -> None:
    due = DatedAmount(START + timedelta(days=7), 3000.0)
    (result,) = analyse_loans([_loan(schedule=(due,), payments=(due,), fees=(Fee("服务费", 900.0, "upfront"),))])
    # p = 3000/2100 − 1 per 7-day period.
    assert result.apr_nominal == pytest.approx((3000 / 2100 - 1) * 365 / 7, rel=1e-6)
    assert result.simple_rate == pytest.approx(900 / (2100 * 7) * 365, rel=1e-6)  # DOMAIN.md: 2,235 %
    assert result.illegal
    assert {"above_criminal_line", "above_civil_cap", "upfront_deduction", "short_term"} == set(result.flags)
    assert result.term_days == 7


def test_one_percent_a_month_instalment_loan_is_above_36_percent() -> None:
    # DOMAIN.md §5.3 worked example: 10,000 contract, 1,000 deducted, 12 × 933.33 → 42.4 % APR, 51.7 % EAR.
    plan = _instalments(12, 933.33)
    (result,) = analyse_loans([_loan(principal=10_000.0, received=9_000.0, schedule=plan, payments=plan)])
    assert result.apr_nominal == pytest.approx(0.424, abs=0.001)
    assert result.apr_effective == pytest.approx(0.517, abs=0.001)
    assert result.illegal


def test_licensed_annuity_below_the_line_is_not_illegal_or_short() -> None:
    plan = _instalments(12, round(10_000 * 0.01 / (1 - 1.01**-12), 2))  # 12 % a year, no fees
    (result,) = analyse_loans([_loan(principal=10_000.0, received=10_000.0, schedule=plan, payments=plan)])
    assert result.apr_nominal == pytest.approx(0.12, abs=0.0005)
    assert not result.illegal
    assert "upfront_deduction" not in result.flags and "short_term" not in result.flags


def test_defaulted_loan_is_rated_on_its_schedule_and_says_so() -> None:
    due = DatedAmount(START + timedelta(days=14), 3000.0)
    (result,) = analyse_loans([_loan(schedule=(due,))])
    assert result.evidence["basis"] == "schedule"
    assert result.illegal and "short_term" in result.flags


def test_loan_with_nothing_to_pay_has_no_rate_and_a_clear_status() -> None:
    (result,) = analyse_loans([_loan()])
    assert result.apr_nominal is None and not result.illegal
    assert result.evidence["rate_status"] == "no_outflow"


def test_rollover_chain_and_extension_fees_are_flagged() -> None:
    first = _loan("L1", schedule=(DatedAmount(START + timedelta(days=7), 3000.0),))
    second = _loan("L2", rollover_of="L1", schedule=(DatedAmount(START + timedelta(days=14), 3000.0),))
    third = _loan("L3", rollover_of="L2", schedule=(DatedAmount(START + timedelta(days=21), 3000.0),))
    extended = _loan("L9", schedule=(DatedAmount(START + timedelta(days=14), 3000.0),),
                     payments=(DatedAmount(START + timedelta(days=7), 300.0, "展期费"),
                               DatedAmount(START + timedelta(days=14), 3000.0)))
    results = {r.loan_id: r for r in analyse_loans([first, second, third, extended])}
    assert "rollover" not in results["L1"].flags
    assert "rollover" in results["L3"].flags
    assert results["L3"].evidence["chain_root"] == "L1" and results["L3"].evidence["chain_position"] == 2
    assert "rollover" in results["L9"].flags


def test_criminal_line_is_configurable() -> None:
    plan = _instalments(12, 933.33)
    loan = _loan(principal=10_000.0, received=9_000.0, schedule=plan, payments=plan)
    (strict,) = analyse_loans([loan], LoanRules(criminal_line=0.50))
    assert not strict.illegal


def test_civil_cap_uses_the_lpr_at_the_contract_date() -> None:
    table = LprTable.default()
    assert table.rate_on(date(2023, 9, 1)) == pytest.approx(0.0345)  # DOMAIN.md §5.2
    assert table.rate_on(date(2019, 1, 1)) is None
    plan = _instalments(12, round(10_000 * 0.0125 / (1 - 1.0125**-12), 2))  # 15 % a year
    (result,) = analyse_loans([_loan(principal=10_000.0, received=10_000.0, schedule=plan, payments=plan)])
    assert result.evidence["civil_cap"] == pytest.approx(4 * table.rate_on(START.date()))  # type: ignore[operator]
    assert "above_civil_cap" in result.flags and not result.illegal


def test_apps_rank_by_share_then_number_of_illegal_loans() -> None:
    due = DatedAmount(START + timedelta(days=7), 3000.0)
    fair = _instalments(12, round(10_000 * 0.01 / (1 - 1.01**-12), 2))
    loans = [_loan("A1", app="A", schedule=(due,)), _loan("A2", app="A", schedule=fair, payments=fair,
                                                               principal=10_000.0, received=10_000.0),
             _loan("B1", app="B", schedule=(due,)), _loan("B2", app="B", schedule=(due,)),
             _loan("C1", app="C", schedule=(due,))]
    assert [r.app for r in rank_apps(analyse_loans(loans))] == ["B", "C", "A"]


@settings(max_examples=80, deadline=None)
@given(rate=st.floats(min_value=0.0005, max_value=0.5), periods=st.integers(min_value=1, max_value=60),
       principal=st.floats(min_value=100, max_value=1e6))
def test_irr_reproduces_the_rate_of_an_annuity(rate: float, periods: int, principal: float) -> None:
    payment = principal * rate / (1 - (1 + rate) ** -periods)
    flows = [CashFlow(0.0, principal)] + [CashFlow(30.0 * (k + 1), -payment) for k in range(periods)]
    result = periodic_irr(flows, 30.0)
    assert result.status is IrrStatus.OK
    assert result.periodic_rate == pytest.approx(rate, rel=1e-7, abs=1e-10)


@given(rate=st.floats(min_value=0.0, max_value=50.0), days=st.floats(min_value=1, max_value=60))
def test_irr_of_a_single_repayment_is_its_growth(rate: float, days: float) -> None:
    result = periodic_irr([CashFlow(0.0, 1000.0), CashFlow(days, -1000.0 * (1 + rate))], days)
    assert result.periodic_rate == pytest.approx(rate, rel=1e-9, abs=1e-10)


def test_irr_without_payments_or_receipts_reports_why() -> None:
    assert periodic_irr([CashFlow(0.0, 100.0)], 30).status is IrrStatus.NO_OUTFLOW
    assert periodic_irr([CashFlow(5.0, -100.0)], 30).status is IrrStatus.NO_INFLOW
    # Same-day flows only: every rate values them the same, so no sign change anywhere.
    assert periodic_irr([CashFlow(0.0, 100.0), CashFlow(0.0, -50.0)], 30).status is IrrStatus.NO_SIGN_CHANGE
