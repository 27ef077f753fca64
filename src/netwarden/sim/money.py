"""transactions.csv: victims' payments layered through mules to cash-out, inside ordinary traffic.

Each victim payment is followed hop by hop (amounts in integer cents, always forward in
time) and its true end points are recorded: the cash-out points reached and the mule
commissions kept on the way. Background salaries, shopping and transfers among ordinary
accounts, and a little personal traffic through mule cards, make tracing realistic.
Rows are written in time order with sequential ids (victim flows merged into background).
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Iterator
from typing import Any

from netwarden.sim.gangs import mint
from netwarden.sim.reports import Payment, ReportPlan
from netwarden.sim.world import DAY, WORLD_DAYS, WORLD_START, Account, Gang, World, iso
from netwarden.sim.writer import CsvWriter, amount

HEADER = (
    "txn_id",
    "timestamp",
    "from_account",
    "to_account",
    "amount",
    "currency",
    "rail",
    "from_institution",
    "to_institution",
    "report_id",
)
MINUTE = 60
Row = list[Any]  # [ts, from, to, cents, currency, rail, from_inst, to_inst, report_id, txn_id]


def rail_for(src: str, dst: str) -> str:
    kinds = {src.partition(":")[0], dst.partition(":")[0]}
    if kinds & {"crypto_trx", "crypto_eth", "crypto_btc"}:
        return "crypto" if kinds <= {"crypto_trx", "crypto_eth", "crypto_btc"} else "other"
    if "cash" in kinds:
        return "cash"
    if "alipay" in kinds:
        return "alipay"
    if "wechat" in kinds:
        return "wechat"
    if "merchant" in kinds:
        return "unionpay"
    if "email" in kinds:
        return "other"
    return "bank"


class Ledger:
    def __init__(self, world: World) -> None:
        self.world = world
        self.rows: list[Row] = []

    def move(self, ts: int, src: str, dst: str, cents: int, currency: str, report_id: str = "") -> Row:
        acc = self.world.accounts
        row: Row = [
            ts,
            src,
            dst,
            cents,
            currency,
            rail_for(src, dst),
            acc[src].institution if src in acc else "",
            acc[dst].institution if dst in acc else "",
            report_id,
            "",
        ]
        self.rows.append(row)
        return row


class PaymentTrace:
    """What truly happened to one victim payment."""

    def __init__(self, plan: ReportPlan, payment: Payment, row: Row) -> None:
        self.plan = plan
        self.payment = payment
        self.row = row
        self.hops: list[Row] = []
        self.reached: dict[str, int] = {}
        self.gather = ""  # the mule where scattered pieces of this payment tend to meet again

    def end(self, account: str, cents: int) -> None:
        self.reached[account] = self.reached.get(account, 0) + cents


def _split(rng: random.Random, cents: int, parts: int) -> list[int]:
    cuts = sorted(rng.randint(1, max(1, cents - 1)) for _ in range(parts - 1))
    pieces = [b - a for a, b in zip([0, *cuts], [*cuts, cents], strict=True)]
    return [p for p in pieces if p > 0]


def _layer(
    rng: random.Random,
    ledger: Ledger,
    trace: PaymentTrace,
    gang: Gang | None,
    account: str,
    cents: int,
    ts: int,
    depth: int,
) -> None:
    """Move `cents` out of `account` onward until it reaches a cash-out point (or stays as commission).

    Collection accounts fan out to mules; mules pass money on within minutes (rapid in-out),
    sometimes scattering to several mules that later gather into one, then cash out.
    """
    currency = trace.plan.currency
    is_crypto = account.startswith("crypto_")
    cash_out_p = (0.0, 0.35, 0.7)[depth] if depth < 3 else 1.0
    if gang is None or is_crypto or rng.random() < cash_out_p:
        targets = (
            [a for a in gang.cash_out if a.account.startswith("crypto_")]
            if gang and is_crypto
            else (gang.cash_out if gang else [])
        )
        if not targets:
            trace.end(account, cents)  # a lone fraudster's own card: the money stays there
            return
        dst = rng.choice(targets).account
        trace.hops.append(ledger.move(ts + rng.randint(3, 240) * MINUTE, account, dst, cents, currency))
        trace.end(dst, cents)
        return
    if depth >= 1 and rng.random() < 0.7:
        fee = max(1, cents * rng.randint(1, 3) // 100)  # the mule's commission stays on the card
        trace.end(account, fee)
        cents -= fee
    fan = 1
    if depth == 0 and rng.random() < 0.45:
        fan = rng.randint(2, 3)
    elif depth == 1 and rng.random() < 0.3:
        fan = 2
    dwell = rng.randint(2, 45) if depth else rng.randint(5, 360)
    t = ts + dwell * MINUTE
    onward = [m.account for m in gang.mules if m.account != account]
    for piece in _split(rng, cents, fan):
        gather = trace.gather if trace.gather != account and rng.random() < 0.4 else ""
        dst = gather or rng.choice(onward)
        trace.hops.append(ledger.move(t, account, dst, piece, currency))
        _layer(rng, ledger, trace, gang, dst, piece, t, depth + 1)
        t += rng.randint(1, 20) * MINUTE


def victim_flows(world: World, rng: random.Random, plans: list[ReportPlan]) -> tuple[Ledger, list[PaymentTrace]]:
    ledger = Ledger(world)
    gangs = {g.gang_id: g for g in world.gangs}
    traces = []
    for plan in plans:
        if plan.duplicate_of is not None:
            continue
        gang = gangs.get(plan.gang_id or "")
        for pay in plan.payments:
            cents = int(round(pay.amount * 100))
            row = ledger.move(pay.at, plan.victim.pay_account, pay.payee, cents, plan.currency, plan.report_id)
            trace = PaymentTrace(plan, pay, row)
            trace.gather = rng.choice(gang.mules).account if gang else ""
            _layer(rng, ledger, trace, gang, pay.payee, cents, pay.at, 0)
            traces.append(trace)
    for gang in world.gangs:
        _commissions(rng, ledger, gang)
        if gang.crime_type == "troll_network":
            _task_payments(rng, ledger, gang)
    return ledger, traces


def _task_payments(rng: random.Random, ledger: Ledger, gang: Gang) -> None:
    """A troll gang's payer sends each worker a few yuan per batch of posts."""
    payer = next(i for i in gang.people("organiser")[0].identifiers if i.startswith("alipay:"))
    workers = [
        i for p in gang.people("member") + gang.people("recruiter") for i in p.identifiers if i.startswith("alipay:")
    ]
    for series in gang.series:
        t = series.start
        while t < series.end and workers:
            t += int(rng.uniform(2, 10) * 86400)
            for wallet in workers:
                ledger.move(t + rng.randint(0, 3600), payer, wallet, rng.randint(3, 60) * 100, "CNY")


def _commissions(rng: random.Random, ledger: Ledger, gang: Gang) -> None:
    """The recruiter pays each rented card a small fee now and then (佣金), from a personal card."""
    cards = [i for p in gang.people("recruiter") for i in p.identifiers if i.startswith("bank_card:")]
    if not cards or not gang.series:
        return
    start, end = min(s.start for s in gang.series), max(s.end for s in gang.series)
    for mule in gang.mules:
        for _ in range(rng.randint(1, 3)):
            ledger.move(int(rng.uniform(start, end)), cards[0], mule.account, rng.randint(50, 500) * 100, "CNY")


def background(world: World, rng: random.Random, n_rows: int) -> Iterator[Row]:
    """Ordinary salaries, shopping and transfers, day by day in time order."""
    ordinary = [a for a in world.accounts.values() if a.klass == "ordinary"]
    for _ in range(max(50, n_rows // 40)):
        ident, inst, _ = mint(world, rng.choice(("bank_card", "bank_card", "alipay", "wechat")))
        ordinary.append(
            world.add_account(
                Account(ident, inst or ("Alipay" if ident.startswith("alipay") else "WeChat Pay"), "ordinary")
            )
        )
    employers = [
        world.add_account(Account("bank_account:" + world.ids.bank_account(), "ICBC", "ordinary"))
        for _ in range(max(5, n_rows // 2000))
    ]
    shops = [
        world.add_account(Account("merchant:" + world.ids.opaque("shop-", 6), "UnionPay merchant", "ordinary"))
        for _ in range(max(10, n_rows // 500))
    ]
    mules = [m for g in world.gangs for m in g.mules]
    per_day = max(1, n_rows // WORLD_DAYS)
    ordinary.sort(key=lambda a: a.account)
    for day in range(WORLD_DAYS):
        day_rows: list[Row] = []
        for _ in range(per_day):
            ts = WORLD_START + day * DAY + int((rng.random() + rng.random()) * DAY / 2)
            kind = rng.random()
            if kind < 0.1:
                src, dst = rng.choice(employers).account, rng.choice(ordinary).account
                cents = rng.randint(3000, 30000) * 100
            elif kind < 0.6:
                src, dst, cents = rng.choice(ordinary).account, rng.choice(shops).account, rng.randint(5, 3000) * 100
            elif kind < 0.97 or not mules:
                payer, payee = rng.sample(ordinary, 2)
                src, dst, cents = payer.account, payee.account, rng.randint(10, 20000) * 100
            else:  # a rented card still carries its owner's own small payments
                mule = rng.choice(mules).account
                if rng.random() < 0.5:
                    src, dst = rng.choice(ordinary).account, mule
                else:
                    src, dst = mule, rng.choice(shops).account
                cents = rng.randint(10, 800) * 100
            acc = world.accounts
            day_rows.append(
                [ts, src, dst, cents, "CNY", rail_for(src, dst), acc[src].institution, acc[dst].institution, "", ""]
            )
        day_rows.sort()
        yield from day_rows


def write_transactions(path: Any, ledger: Ledger, bg: Iterator[Row]) -> int:
    """Merge victim flows into background in time order, assign ids, stream to CSV."""
    ledger.rows.sort()
    with CsvWriter(path, HEADER) as out:
        for n, row in enumerate(heapq.merge(ledger.rows, bg), start=1):  # rows compare by time first
            row[9] = f"T{n:010d}"
            out.write(
                (row[9], iso(row[0]), row[1], row[2], amount(row[3] / 100), row[4], row[5], row[6], row[7], row[8])
            )
        return out.count
