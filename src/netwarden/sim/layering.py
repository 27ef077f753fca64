"""How a gang moves one victim payment from its collection account to cash-out points.

Collection accounts fan out to mules; mules pass money on within minutes (rapid in-out),
sometimes scattering to several mules that meet again in one, then cash out at an exchange,
an ATM or a gold merchant; a mule keeps a commission, often withdrawing it in cash right after forwarding.

An account mostly forwards victim money in the order it arrived, and a mule is mostly only
handed new money once the previous batch has left it. Money that is fungible inside a
pooled account has no single "true" path, so pooling is kept to a share (POOLING) that
tracing has to untangle; elsewhere the recorded path is the one first-in-first-out
tracing would follow.
"""

from __future__ import annotations

import random
from typing import Any

from netwarden.sim.world import Gang

MINUTE = 60
# Share of hand-offs that ignore whether a mule (or a collection account's queue) is still busy:
# the pooling real tracing has to untangle.
POOLING = 0.15
Row = list[Any]  # [ts, from, to, cents, currency, rail, from_inst, to_inst, report_id, txn_id]


class Trace:
    """What truly happened to one victim payment: its layering hops and where its value ended."""

    def __init__(self, payment_row: Row, currency: str, gather: str) -> None:
        self.row = payment_row
        self.currency = currency
        self.gather = gather  # the mule where scattered pieces of this payment tend to meet again
        self.hops: list[Row] = []
        self.reached: dict[str, int] = {}
        self.touched: set[str] = set()

    def end(self, account: str, cents: int) -> None:
        self.reached[account] = self.reached.get(account, 0) + cents


def split(rng: random.Random, cents: int, parts: int) -> list[int]:
    cuts = sorted(rng.randint(1, max(1, cents - 1)) for _ in range(parts - 1))
    pieces = [b - a for a, b in zip([0, *cuts], [*cuts, cents], strict=True)]
    return [p for p in pieces if p > 0]


class Launderer:
    def __init__(self, rng: random.Random, move: Any) -> None:
        self.rng = rng
        self.move = move  # Ledger.move(ts, src, dst, cents, currency) -> Row
        self.busy_until: dict[str, int] = {}

    def _out_at(self, account: str, earliest: int) -> int:
        if self.rng.random() < POOLING:
            return earliest
        return max(earliest, self.busy_until.get(account, 0) + MINUTE)

    def _send(self, trace: Trace, ts: int, src: str, dst: str, cents: int) -> None:
        trace.hops.append(self.move(ts, src, dst, cents, trace.currency))
        self.busy_until[src] = max(self.busy_until.get(src, 0), ts)
        trace.touched.add(dst)

    def _next_mule(self, trace: Trace, gang: Gang, account: str, t: int) -> str:
        def usable(m: str) -> bool:
            return m != account and (self.busy_until.get(m, 0) < t or m in trace.touched)

        if trace.gather != account and usable(trace.gather) and self.rng.random() < 0.4:
            return trace.gather
        others = [m.account for m in gang.mules if m.account != account]
        if self.rng.random() < POOLING:  # hand it to a mule still holding someone else's money
            busy = [m for m in others if self.busy_until.get(m, 0) >= t]
            return self.rng.choice(busy or others)
        free = [m for m in others if usable(m)]
        return self.rng.choice(free or others)

    def layer(self, trace: Trace, gang: Gang | None, account: str, cents: int, ts: int, depth: int = 0) -> None:
        rng = self.rng
        is_crypto = account.startswith("crypto_")
        cash_out_p = (0.0, 0.35, 0.7)[depth] if depth < 3 else 1.0
        if gang is None or is_crypto or rng.random() < cash_out_p:
            targets = [a for a in gang.cash_out if a.account.startswith("crypto_") or not is_crypto] if gang else []
            if not targets:
                trace.end(account, cents)  # a lone fraudster's own card: the money stays there
                return
            dst = rng.choice(targets).account
            self._send(trace, self._out_at(account, ts + rng.randint(3, 240) * MINUTE), account, dst, cents)
            trace.end(dst, cents)
            return
        fee = max(1, cents * rng.randint(1, 3) // 100) if depth >= 1 and rng.random() < 0.7 else 0
        fan = 1
        if depth == 0 and rng.random() < 0.45:
            fan = rng.randint(2, 3)
        elif depth == 1 and rng.random() < 0.3:
            fan = 2
        t = self._out_at(account, ts + (rng.randint(2, 45) if depth else rng.randint(5, 360)) * MINUTE)
        for piece in split(rng, cents - fee, fan):
            dst = self._next_mule(trace, gang, account, t)
            self._send(trace, t, account, dst, piece)
            self.layer(trace, gang, dst, piece, t, depth + 1)
            t += rng.randint(1, 20) * MINUTE
        if fee and rng.random() < 0.5:  # the mule takes its commission out in cash once the batch has gone on
            atm = next(a.account for a in gang.cash_out if a.account.startswith("cash:"))
            self._send(trace, t + rng.randint(5, 60) * MINUTE, account, atm, fee)
            trace.end(atm, fee)
        elif fee:  # or leaves it on the card, where it mixes with the next batch
            trace.end(account, fee)
