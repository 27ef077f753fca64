"""loans.jsonl: trap loans (upfront deductions, 7–14 day terms, extensions, rollovers) and licensed ones.

The true rate of every loan is computed here from exactly the cash flows written
(FORMATS.md definition): p is the periodic IRR of +received at disbursement and −each
payment, the period being the term (single repayment) or one month (instalments);
apr_nominal = p × periods per year. A loan with no payment yet (in default) is rated on
its schedule and says so (`basis: "schedule"`).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netwarden.sim.reports import ReportPlan
from netwarden.sim.world import DAY, HOUR, WORLD_DAYS, WORLD_START, World, iso
from netwarden.sim.writer import JsonlWriter

CRIMINAL_LINE = 0.36
MONTH_DAYS = 365 / 12
UPFRONT_FEES = ("服务费", "审核费", "风控费", "会员费", "技术服务费", "担保费")
LICENSED = (
    ("安居分期", "com.anju.credit"),
    ("惠民信用贷", "com.huimin.loan"),
    ("稳盈消费贷", "com.wenying.finance"),
    ("EasyCredit", "com.easycredit.app"),
)
GREY = (("速融分期", "com.surong.finance"), ("乐享借", "com.lexiang.cash"))


@dataclass(slots=True)
class Loan:
    loan_id: str
    app: str
    package: str
    borrower: str
    principal: float
    received: float
    disbursed: int
    schedule: list[tuple[int, float]]
    payments: list[tuple[int, float, str]] = field(default_factory=list)  # at, amount, note
    fees: list[tuple[str, float]] = field(default_factory=list)
    rollover_of: str | None = None
    gang_id: str | None = None
    series_key: str | None = None
    kind: str = "trap"  # trap | licensed | grey
    collection_reported: bool = False  # its borrower reported the collectors


@dataclass
class LoanBook:
    loans: list[Loan] = field(default_factory=list)
    debtors: list[tuple[str, Loan]] = field(default_factory=list)  # (borrower phone, defaulted loan)


def periodic_rate(flows: list[tuple[float, float]], period_days: float) -> float:
    """Periodic IRR p of (day offset, amount) flows: Σ cf·(1+p)^(−t/period) = 0 (Newton on log(1+p))."""
    paid = -sum(a for t, a in flows if a < 0)
    got = sum(a for t, a in flows if a > 0)
    mean_t = sum(t * -a for t, a in flows if a < 0) / paid / period_days
    x = math.log(paid / got) / max(mean_t, 1e-9)
    terms = [(a, t / period_days) for t, a in flows]
    for _ in range(60):
        f = df = 0.0
        for a, k in terms:
            e = a * math.exp(-x * k)
            f += e
            df -= k * e
        step = f / df if df else 0.0
        x -= step
        if abs(step) < 1e-12:
            break
    return math.expm1(x)


def true_rate(loan: Loan) -> dict[str, Any]:
    single = len(loan.schedule) == 1
    period = (loan.schedule[-1][0] - loan.disbursed) / DAY if single else MONTH_DAYS
    basis = "payments" if loan.payments else "schedule"
    outflows = [(at, amt) for at, amt, _ in loan.payments] if loan.payments else list(loan.schedule)
    flows = [(0.0, loan.received)] + [((at - loan.disbursed) / DAY, -amt) for at, amt in outflows]
    p = periodic_rate(flows, period)
    per_year = 365 / period
    apr = p * per_year
    effective = math.exp(min(700.0, per_year * math.log1p(p)))
    term = (loan.schedule[-1][0] - loan.disbursed) / DAY
    flags = []
    if apr > CRIMINAL_LINE:
        flags.append("above_criminal_line")
    if loan.received < loan.principal:
        flags.append("upfront_deduction")
    if term <= 14:
        flags.append("short_term")
    if loan.rollover_of or any(note for _, _, note in loan.payments):
        flags.append("rollover")
    return {
        "loan_id": loan.loan_id,
        "kind": loan.kind,
        "gang_id": loan.gang_id,
        "series_key": loan.series_key,
        "term_days": round(term, 4),
        "period_days": round(period, 6),
        "periodic_rate": round(p, 10),
        "apr_nominal": round(apr, 6),
        "apr_effective": round(effective - 1, 6) if effective < 1e15 else 1e15,
        "illegal": apr > CRIMINAL_LINE,
        "basis": basis,
        "flags": flags,
    }


def _trap_loan(
    world: World,
    rng: random.Random,
    app: tuple[str, str],
    borrower: str,
    t: int,
    gang_id: str,
    series_key: str,
    prev: Loan | None,
) -> Loan:
    principal = float(rng.choice((1000, 1500, 2000, 2500, 3000, 5000)))
    received = float(round(principal * (1 - rng.uniform(0.2, 0.4)), -1))
    term = rng.choice((7, 7, 7, 14, 14, 6, 10))
    deducted = principal - received
    first = float(round(deducted * rng.uniform(0.4, 0.7), -1)) if rng.random() < 0.5 else deducted
    fees = [(rng.choice(UPFRONT_FEES), first)] + (
        [(rng.choice(UPFRONT_FEES), deducted - first)] if deducted - first > 0 else []
    )
    return Loan(
        world.next_id("L", 7),
        app[0],
        app[1],
        borrower,
        principal,
        received,
        t,
        [(t + term * DAY, principal)],
        fees=fees,
        rollover_of=prev.loan_id if prev else None,
        gang_id=gang_id,
        series_key=series_key,
    )


def _chain(
    world: World,
    rng: random.Random,
    book: LoanBook,
    apps: list[tuple[str, str]],
    borrower: str,
    t: int,
    gang_id: str,
    series_key: str,
    must_default: bool,
) -> Loan:
    prev: Loan | None = None
    length = rng.randint(1, 5)
    for i in range(length):
        loan = _trap_loan(world, rng, apps[i % len(apps)], borrower, t, gang_id, series_key, prev)
        book.loans.append(loan)
        due = loan.schedule[0][0]
        last = i == length - 1
        if last and (must_default or rng.random() < 0.3):
            book.debtors.append((borrower, loan))
            return loan
        if rng.random() < 0.35:  # pay an extension fee, then the principal one term later
            fee = float(round(loan.principal * rng.uniform(0.15, 0.3), -1))
            loan.payments.append((due - int(rng.uniform(0, 6) * HOUR), fee, "展期费"))
            due += due - loan.disbursed
        loan.payments.append((due - int(rng.uniform(0, 20) * HOUR), loan.principal, ""))
        prev, t = loan, due - int(rng.uniform(1, 30) * HOUR)
    assert prev is not None
    return prev


def _licensed(world: World, rng: random.Random, book: LoanBook, grey: bool) -> None:
    """An instalment loan, fully repaid by the end of the world; a quarter paid one instalment late."""
    app = rng.choice(GREY if grey else LICENSED)
    principal = float(rng.choice((3000, 5000, 8000, 10000, 20000, 50000)))
    months = rng.choice((3, 6, 6, 12, 12, 24))
    annual = rng.uniform(0.30, 0.46) if grey else rng.uniform(0.06, 0.24)
    fee = float(round(principal * rng.uniform(0.0, 0.02), -1)) if rng.random() < 0.4 else 0.0
    r = annual / 12
    instalment = round(principal * r / (1 - (1 + r) ** -months), 2)
    last_due = WORLD_START + int(rng.uniform(20, WORLD_DAYS - 25) * DAY)
    t = last_due - int(round(months * MONTH_DAYS * DAY))
    schedule = [(t + int(round((k + 1) * MONTH_DAYS * DAY)), instalment) for k in range(months)]
    late = rng.random() < 0.25
    payments = [(at - int(rng.uniform(0, 48) * HOUR), amt, "") for at, amt in schedule]
    if late:
        payments[1] = (schedule[1][0] + int(rng.uniform(5, 20) * DAY), payments[1][1], "")
    loan = Loan(
        world.next_id("L", 7),
        app[0],
        app[1],
        "phone:" + world.ids.phone(),
        principal,
        principal - fee,
        t,
        schedule,
        payments,
        [("服务费", fee)] if fee else [],
        kind="grey" if grey else "licensed",
    )
    book.loans.append(loan)
    if late:
        book.debtors.append((loan.borrower, loan))  # reminders only: a licensed lender's late payer


def generate(world: World, rng: random.Random, plans: list[ReportPlan]) -> LoanBook:
    book = LoanBook()
    series = {s.key: s for g in world.gangs for s in g.series if s.crime_type == "loan_trap"}
    by_series: dict[str, list[ReportPlan]] = {}
    for p in plans:
        if p.series_key in series and p.duplicate_of is None:
            by_series.setdefault(p.series_key, []).append(p)
    for key in sorted(series):
        s = series[key]
        victims = by_series.get(key, [])
        extra = len(victims) + 3  # borrowers who never reported
        for i in range(len(victims) + extra):
            plan = victims[i] if i < len(victims) else None
            t = plan.incident_at - int(rng.uniform(2, 40) * DAY) if plan else int(rng.uniform(s.start, s.end))
            holdings = s.slots["app"].active(t) or [s.slots["app"].at(t)]
            apps = [(h.ident.partition(":")[2], h.pair.partition(":")[2]) for h in holdings]
            rng.shuffle(apps)
            borrower = plan.victim.phone if plan else "phone:" + world.ids.phone()
            first_loan_index = len(book.loans)
            last = _chain(
                world,
                rng,
                book,
                apps,
                borrower,
                t,
                s.gang_id,
                key,
                must_default=plan is not None and plan.crime_type == "violent_collection",
            )
            last.collection_reported = plan is not None and plan.crime_type == "violent_collection"
            if plan:
                first = book.loans[first_loan_index]
                term = (first.schedule[0][0] - first.disbursed) // DAY
                plan.loan_terms = (int(first.principal), int(first.received), term)
    n_licensed = max(20, len(book.loans) // 3)
    for i in range(n_licensed):
        _licensed(world, rng, book, grey=i % 6 == 0)
    return book


def record(loan: Loan) -> dict[str, Any]:
    return {
        "loan_id": loan.loan_id,
        "app": loan.app,
        "app_package": loan.package,
        "borrower": loan.borrower,
        "principal": loan.principal,
        "received": loan.received,
        "disbursed_at": iso(loan.disbursed),
        "schedule": [{"due_at": iso(at), "amount": amt} for at, amt in loan.schedule],
        "payments": [
            {"at": iso(at), "amount": amt, **({"note": note} if note else {})} for at, amt, note in loan.payments
        ],
        "fees": [{"name": name, "amount": amt, "when": "upfront"} for name, amt in loan.fees],
        "rollover_of": loan.rollover_of,
    }


def write(path: Path, book: LoanBook) -> int:
    with JsonlWriter(path) as out:
        for loan in sorted(book.loans, key=lambda ln: (ln.disbursed, ln.loan_id)):
            out.write(record(loan))
        return out.count
