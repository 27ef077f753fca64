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
from netwarden.sim.layering import Launderer, Trace
from netwarden.sim.reports import ReportPlan
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


def victim_flows(world: World, rng: random.Random, plans: list[ReportPlan]) -> tuple[Ledger, list[Trace]]:
    """Every victim payment and its layering, processed in time order so accounts drain in order."""
    ledger = Ledger(world)
    gangs = {g.gang_id: g for g in world.gangs}
    payments = sorted(
        (
            (pay.at, i, k)
            for i, plan in enumerate(plans)
            if plan.duplicate_of is None
            for k, pay in enumerate(plan.payments)
        ),
    )
    launderer = Launderer(rng, ledger.move)
    traces = []
    for _, i, k in payments:
        plan, pay = plans[i], plans[i].payments[k]
        gang = gangs.get(plan.gang_id or "")
        cents = int(round(pay.amount * 100))
        row = ledger.move(pay.at, plan.victim.pay_account, pay.payee, cents, plan.currency, plan.report_id)
        trace = Trace(row, plan.currency, rng.choice(gang.mules).account if gang else "")
        launderer.layer(trace, gang, pay.payee, cents, pay.at)
        traces.append(trace)
    shops = [
        world.add_account(Account("merchant:" + world.ids.opaque("shop-", 6), "UnionPay merchant", "ordinary"))
        for _ in range(20)
    ]
    for gang in world.gangs:
        _commissions(rng, ledger, gang, [s.account for s in shops])
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


def _commissions(rng: random.Random, ledger: Ledger, gang: Gang, shops: list[str]) -> None:
    """The recruiter pays each card holder a fee when renting the card (佣金); they spend it the same
    day, before the card carries any victim money."""
    cards = [i for p in gang.people("recruiter") for i in p.identifiers if i.startswith("bank_card:")]
    if not cards or not gang.series:
        return
    start = min(s.start for s in gang.series)
    for mule in gang.mules:
        for _ in range(rng.randint(1, 3)):
            t, cents = start - int(rng.uniform(1, 30) * DAY), rng.randint(50, 500) * 100
            ledger.move(t, cards[0], mule.account, cents, "CNY")
            ledger.move(t + int(rng.uniform(1, 6) * 3600), mule.account, rng.choice(shops), cents, "CNY")


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
            else:
                payer, payee = rng.sample(ordinary, 2)
                src, dst, cents = payer.account, payee.account, rng.randint(10, 20000) * 100
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
