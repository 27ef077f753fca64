"""Loan-trap analyzer: the real cost of each loan and the flags of DOMAIN.md §5.

The rate is the IRR of the borrower's actual cash flows (FORMATS.md, loans.jsonl output): +what
was received at disbursement, −each payment and each fee paid after it. The period is the loan
term for a single repayment and one month (365/12 days) for instalments; apr_nominal = p × periods
per year and apr_effective = (1 + p)^(periods per year) − 1. A defaulted loan with no payment
is rated on its schedule (what the lender demanded), and the evidence says so.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from netwarden.core.analyzers.irr import CashFlow, IrrStatus, periodic_irr
from netwarden.core.analyzers.lpr import LprTable

DAY_SECONDS = 86_400.0
MONTH_DAYS = 365.0 / 12.0
EXTENSION_WORDS = ("展期", "续期", "延期", "extension", "rollover", "roll-over")  # TL-08: paying to roll over
EFFECTIVE_RATE_CAP = 1e15  # beyond this an effective rate only says "astronomical" (DOMAIN.md §5.3)


@dataclass(frozen=True, slots=True)
class DatedAmount:
    at: datetime
    amount: float
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Fee:
    name: str
    amount: float
    when: str | None = None  # "upfront" = already kept out of `received`
    at: datetime | None = None  # a fee paid later is a payment at this time


@dataclass(frozen=True, slots=True)
class Loan:
    loan_id: str
    app: str | None
    borrower: str | None
    principal: float
    received: float
    disbursed_at: datetime
    schedule: tuple[DatedAmount, ...] = ()
    payments: tuple[DatedAmount, ...] = ()
    fees: tuple[Fee, ...] = ()
    rollover_of: str | None = None
    app_package: str | None = None


@dataclass(frozen=True, slots=True)
class LoanRules:
    criminal_line: float = 0.36  # 2019 非法放贷 opinion: actual annual rate above 36 %
    aggravating_line: float = 0.72  # 80 % rule: 10+ loans above 72 %
    civil_multiple: float = 4.0  # SPC private-lending provisions art. 25: 4 × one-year LPR
    short_term_days: float = 14.0  # the "714高炮" terms of 7 or 14 days
    lpr: LprTable = field(default_factory=LprTable.default)


@dataclass(frozen=True, slots=True)
class LoanResult:
    loan_id: str
    app: str | None
    borrower: str | None
    principal: float
    received: float
    term_days: float | None
    simple_rate: float | None
    apr_nominal: float | None
    apr_effective: float | None
    illegal: bool
    flags: tuple[str, ...]
    evidence: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "loan_id": self.loan_id, "app": self.app, "borrower": self.borrower, "principal": self.principal,
            "received": self.received, "term_days": self.term_days, "simple_rate": self.simple_rate,
            "apr_nominal": self.apr_nominal, "apr_effective": self.apr_effective, "illegal": self.illegal,
            "flags": list(self.flags), "evidence": self.evidence,
        }


def _days(later: datetime, earlier: datetime) -> float:
    return (later - earlier).total_seconds() / DAY_SECONDS


def _outflows(loan: Loan) -> tuple[str, list[DatedAmount]]:
    later_fees = [DatedAmount(f.at, f.amount, f.name) for f in loan.fees if f.at is not None and f.when != "upfront"]
    if loan.payments:
        return "payments", [*loan.payments, *later_fees]
    return "schedule", [*loan.schedule, *later_fees]


def _term_days(loan: Loan) -> float | None:
    if not loan.schedule:
        return None
    return round(_days(max(s.at for s in loan.schedule), loan.disbursed_at), 4)


def _held_days(outflows: Sequence[DatedAmount], loan: Loan) -> float:
    return _days(max(o.at for o in outflows), loan.disbursed_at) if outflows else 0.0


def _simple_rate(received: float, outflows: Sequence[DatedAmount], loan: Loan) -> float | None:
    """DOMAIN.md §5.3 (1): total cost over the money actually held, per day held, times 365."""
    held_days = _held_days(outflows, loan)
    if received <= 0 or held_days <= 0:
        return None
    return (sum(o.amount for o in outflows) - received) / (received * held_days) * 365.0


@dataclass(frozen=True, slots=True)
class ChainPlace:
    root: str  # the first loan of the chain
    position: int  # 0 for the root, 1 for the first rollover, ...


def rollover_chains(loans: Iterable[Loan]) -> dict[str, ChainPlace]:
    """Where each loan sits in its rollover chain (转单平账 / 以贷养贷), following ``rollover_of``."""
    parent = {loan.loan_id: loan.rollover_of for loan in loans}
    places: dict[str, ChainPlace] = {}
    for loan_id in parent:
        path = [loan_id]
        seen = {loan_id}
        while (up := parent.get(path[-1])) and up not in seen:  # a cycle in bad data stops the walk
            path.append(up)
            seen.add(up)
        places[loan_id] = ChainPlace(path[-1], len(path) - 1)
    return places


def analyse_loan(loan: Loan, rules: LoanRules, *, chain: ChainPlace | None = None) -> LoanResult:
    basis, outflows = _outflows(loan)
    single = len(loan.schedule) <= 1
    term = _term_days(loan)
    period = MONTH_DAYS
    if single:
        # No schedule: the term is how long the money was actually held.
        period = term if term and term > 0 else _held_days(outflows, loan)
    flows = [CashFlow(0.0, loan.received)] + [CashFlow(_days(o.at, loan.disbursed_at), -o.amount) for o in outflows]
    rate = periodic_irr(flows, period) if period > 0 else None
    apr_nominal = apr_effective = None
    periods_per_year = 365.0 / period if period > 0 else None
    if rate is not None and rate.periodic_rate is not None and periods_per_year is not None:
        apr_nominal = rate.periodic_rate * periods_per_year
        log_effective = periods_per_year * math.log1p(rate.periodic_rate)
        capped = log_effective > math.log(EFFECTIVE_RATE_CAP)
        apr_effective = EFFECTIVE_RATE_CAP if capped else math.expm1(log_effective)
    lpr = rules.lpr.rate_on(loan.disbursed_at.date())
    civil_cap = rules.civil_multiple * lpr if lpr is not None else None
    flags: list[str] = []
    illegal = apr_nominal is not None and apr_nominal > rules.criminal_line
    if illegal:
        flags.append("above_criminal_line")
    if apr_nominal is not None and civil_cap is not None and apr_nominal > civil_cap:
        flags.append("above_civil_cap")
    upfront = sum(f.amount for f in loan.fees if f.when == "upfront")
    if loan.received < loan.principal or upfront > 0:
        flags.append("upfront_deduction")
    if term is not None and term <= rules.short_term_days:
        flags.append("short_term")
    extension_payments = [p for p in loan.payments if p.note and any(w in p.note.lower() for w in EXTENSION_WORDS)]
    if loan.rollover_of or extension_payments:
        flags.append("rollover")
    evidence: dict[str, Any] = {
        "basis": basis,
        "period_days": round(period, 4) if period else None,
        "periodic_rate": rate.periodic_rate if rate else None,
        "rate_status": rate.status.value if rate else IrrStatus.NO_OUTFLOW.value,
        "cash_flows": [{"days": round(f.days, 4), "amount": f.amount} for f in flows],
        "deducted_upfront": round(loan.principal - loan.received, 2),
        "fees_upfront": [{"name": f.name, "amount": f.amount} for f in loan.fees if f.when == "upfront"],
        "criminal_line": rules.criminal_line,
        "above_aggravating_line": apr_nominal is not None and apr_nominal > rules.aggravating_line,
        "lpr_1y": lpr,
        "civil_cap": civil_cap,
        "rollover_of": loan.rollover_of,
        "extension_payments": len(extension_payments),
        "chain_root": chain.root if chain else loan.loan_id,
        "chain_position": chain.position if chain else 0,
    }
    return LoanResult(
        loan.loan_id, loan.app, loan.borrower, loan.principal, loan.received, term,
        _rounded(_simple_rate(loan.received, outflows, loan)), _rounded(apr_nominal), _rounded(apr_effective),
        illegal, tuple(flags), evidence,
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def analyse_loans(loans: Sequence[Loan], rules: LoanRules | None = None) -> list[LoanResult]:
    rules = rules or LoanRules()
    chains = rollover_chains(loans)
    return [analyse_loan(loan, rules, chain=chains.get(loan.loan_id)) for loan in loans]


@dataclass(frozen=True, slots=True)
class AppRank:
    app: str
    loans: int
    illegal: int
    share_illegal: float

    def to_dict(self) -> dict[str, Any]:
        return {"app": self.app, "loans": self.loans, "illegal": self.illegal, "share_illegal": self.share_illegal}


def rank_apps(results: Iterable[LoanResult]) -> list[AppRank]:
    """Apps by share of illegal loans, then by their number (a small app at 100 % ranks first)."""
    total: Counter[str] = Counter()
    illegal: Counter[str] = Counter()
    for result in results:
        name = result.app or "(unknown app)"
        total[name] += 1
        illegal[name] += result.illegal
    ranks = [AppRank(app, n, illegal[app], round(illegal[app] / n, 4)) for app, n in total.items()]
    return sorted(ranks, key=lambda r: (-r.share_illegal, -r.illegal, r.app))
