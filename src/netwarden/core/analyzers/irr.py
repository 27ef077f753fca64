"""Periodic internal rate of return of a dated cash-flow list, robust to extreme loans.

A 7-day loan with a 30% upfront deduction has a periodic rate near 0.5 and an effective annual
rate near 10^9; an annuity has one near 0.01. Both must come out of the same solver without
overflow, so the equation is solved for x = ln(1 + p) and both sides are compared as
log-sum-exp values:

    Σ cf_i · (1 + p)^(−t_i / T) = 0   ⇔   LSE(ln cf⁺ − x·t⁺/T) = LSE(ln |cf⁻| − x·t⁻/T)

With all inflows before all outflows (a loan from the borrower's side) the difference is
monotone in x, so a bracket that changes sign holds exactly one root and Brent's method finds it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from scipy.optimize import brentq

_BRACKET_LIMIT = 60.0  # |x| = 60 means (1 + p) = e^60: far beyond any loan seen in practice
_X_TOLERANCE = 1e-13


class IrrStatus(StrEnum):
    OK = "ok"
    NO_OUTFLOW = "no_outflow"  # nothing was ever paid (or scheduled): no rate exists
    NO_INFLOW = "no_inflow"  # nothing was received: the borrower only paid
    NO_SIGN_CHANGE = "no_sign_change"  # a root lies outside every plausible bracket


@dataclass(frozen=True, slots=True)
class CashFlow:
    days: float  # since the first flow (disbursement)
    amount: float  # + to the borrower, − from the borrower


@dataclass(frozen=True, slots=True)
class IrrResult:
    periodic_rate: float | None
    status: IrrStatus


def _log_sum_exp(values: Sequence[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def periodic_irr(flows: Sequence[CashFlow], period_days: float) -> IrrResult:
    """The rate ``p`` per ``period_days`` that makes the flows' present value zero."""
    if period_days <= 0:
        raise ValueError("period_days must be positive")
    inflows = [(f.days / period_days, math.log(f.amount)) for f in flows if f.amount > 0]
    outflows = [(f.days / period_days, math.log(-f.amount)) for f in flows if f.amount < 0]
    if not outflows:
        return IrrResult(None, IrrStatus.NO_OUTFLOW)
    if not inflows:
        return IrrResult(None, IrrStatus.NO_INFLOW)

    def gap(x: float) -> float:
        return _log_sum_exp([lg - x * t for t, lg in inflows]) - _log_sum_exp([lg - x * t for t, lg in outflows])

    low, high = -1.0, 1.0
    while gap(low) * gap(high) > 0:
        if low <= -_BRACKET_LIMIT and high >= _BRACKET_LIMIT:
            return IrrResult(None, IrrStatus.NO_SIGN_CHANGE)
        low, high = max(low * 2, -_BRACKET_LIMIT), min(high * 2, _BRACKET_LIMIT)
    if gap(low) == 0:
        return IrrResult(math.expm1(low), IrrStatus.OK)
    root = float(brentq(gap, low, high, xtol=_X_TOLERANCE, maxiter=200))
    return IrrResult(math.expm1(root), IrrStatus.OK)
