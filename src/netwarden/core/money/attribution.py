"""The attribution engine: replay one partition's rows in time order, moving lots of money.

Every tracked (account, currency) holds a queue of *lots*: clean money, or a piece of one victim
payment with the number of layering hops it has made and when it arrived. An outflow takes money
out of the queue by the policy:

- ``fifo`` (default): the earliest-arrived money leaves first. This is how investigators and
  courts usually reason about a pooled account (first in, first out) and it follows a mule that
  forwards each batch as it comes.
- ``proportional``: every outflow takes the same share of every lot held (each euro in the account
  is equally likely to be the one that left). It never over-attributes to one victim, at the cost
  of spreading every payment thinly over every later outflow.

Money only moves forward: rows are replayed by (timestamp, line), so an outflow can only carry
money that arrived before it. An outflow larger than what the account was seen to hold is paid
from money the data does not show, which carries no victim money.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field

EPS = 1e-6
CLEAN = -1
Key = tuple[int, int]  # (account id, currency id)


@dataclass(slots=True)
class Lot:
    payment: int  # index of the victim payment, or CLEAN
    depth: int  # layering hops made so far (0: still with the first payee)
    arrived: int  # microseconds since the epoch
    amount: float


@dataclass(slots=True)
class AccountFlows:
    """What victim money did in one account: the numbers behind its typologies."""

    received: float = 0.0
    forwarded: float = 0.0
    stuck_at_limit: float = 0.0
    min_depth: int = 1 << 30
    first_arrival: int = 0
    last_arrival: int = 0
    payments: set[int] = field(default_factory=set)
    senders: set[int] = field(default_factory=set)
    receivers: set[int] = field(default_factory=set)
    inflow_rows: list[int] = field(default_factory=list)
    dwell: list[tuple[int, float]] = field(default_factory=list)  # (seconds held, amount)
    payment_senders: dict[int, set[int]] = field(default_factory=dict)
    total_in_after_taint: float = 0.0

    def arrive(self, lot: Lot, sender: int, row: int) -> None:
        if not self.payments or lot.arrived < self.first_arrival:
            self.first_arrival = lot.arrived
        self.last_arrival = max(self.last_arrival, lot.arrived)
        self.received += lot.amount
        self.min_depth = min(self.min_depth, lot.depth)
        self.payments.add(lot.payment)
        self.senders.add(sender)
        self.payment_senders.setdefault(lot.payment, set()).add(sender)
        if len(self.inflow_rows) < 50:
            self.inflow_rows.append(row)


@dataclass(slots=True)
class Engine:
    max_hops: int
    proportional: bool
    stops: frozenset[int]
    queues: dict[Key, deque[Lot]] = field(default_factory=dict)
    hop_amount: dict[tuple[int, int], float] = field(default_factory=lambda: defaultdict(float))
    reached: dict[tuple[int, int], float] = field(default_factory=lambda: defaultdict(float))
    flows: dict[int, AccountFlows] = field(default_factory=lambda: defaultdict(AccountFlows))

    def open(self, openings: Iterable[tuple[int, int, float]]) -> None:
        for account, currency, balance in openings:
            self.queues[(account, currency)] = deque([Lot(CLEAN, 0, 0, balance)])

    def replay(self, rows: Iterable[tuple[int, int, int, int, int, float, int, bool, bool]]) -> None:
        """Rows are (row, ts, src, dst, cur, amount, payment, src_on, dst_on) in time order."""
        for row, ts, src, dst, cur, amount, payment, src_on, dst_on in rows:
            if payment >= 0:
                # A victim's payment is fresh victim money whatever its sender held (the sender is
                # the victim's own account, which is not debited: it is not traced).
                self._move(Lot(payment, -1, ts, amount), row, ts, src, dst, cur, dst_on)
                continue
            moving: list[Lot] = self._take((src, cur), amount) if src_on else []
            if dst_on:
                moving.append(Lot(CLEAN, 0, ts, amount - sum(lot.amount for lot in moving)))
            for lot in moving:
                self._move(lot, row, ts, src, dst, cur, dst_on)

    def _move(self, lot: Lot, row: int, ts: int, src: int, dst: int, cur: int, dst_on: bool) -> None:
        if lot.payment == CLEAN:
            if dst_on and dst not in self.stops and lot.amount > EPS:
                self._push((dst, cur), lot)
            return
        if lot.depth >= self.max_hops:
            # Followed as far as allowed: the value is reported where the limit stopped it.
            self.reached[(lot.payment, src)] += lot.amount
            self.flows[src].stuck_at_limit += lot.amount
            return
        if lot.depth >= 0:
            self.hop_amount[(lot.payment, row)] += lot.amount
            sender = self.flows[src]
            sender.forwarded += lot.amount
            sender.receivers.add(dst)
            sender.dwell.append(((ts - lot.arrived) // 1_000_000, lot.amount))
        arrived = Lot(lot.payment, lot.depth + 1, ts, lot.amount)
        self.flows[dst].arrive(arrived, src, row)
        if dst in self.stops:
            self.reached[(lot.payment, dst)] += lot.amount
        else:
            self._push((dst, cur), arrived)

    def _push(self, key: Key, lot: Lot) -> None:
        queue = self.queues.get(key)
        if queue is None:
            queue = self.queues[key] = deque()
        if lot.payment == CLEAN and queue and queue[-1].payment == CLEAN:
            queue[-1].amount += lot.amount  # consecutive clean money is one lot
        else:
            queue.append(lot)
        self.flows[key[0]].total_in_after_taint += lot.amount

    def _take(self, key: Key, amount: float) -> list[Lot]:
        queue = self.queues.get(key)
        if not queue:
            return []
        return self._take_share(queue, amount) if self.proportional else self._take_first(queue, amount)

    @staticmethod
    def _take_first(queue: deque[Lot], amount: float) -> list[Lot]:
        taken: list[Lot] = []
        while amount > EPS and queue:
            head = queue[0]
            part = min(head.amount, amount)
            taken.append(Lot(head.payment, head.depth, head.arrived, part))
            head.amount -= part
            amount -= part
            if head.amount <= EPS:
                queue.popleft()
        return taken

    @staticmethod
    def _take_share(queue: deque[Lot], amount: float) -> list[Lot]:
        held = sum(lot.amount for lot in queue)
        share = min(1.0, amount / held) if held > EPS else 0.0
        taken = [Lot(lot.payment, lot.depth, lot.arrived, lot.amount * share) for lot in queue]
        for lot in queue:
            lot.amount -= lot.amount * share
        kept = [lot for lot in queue if lot.amount > EPS]
        queue.clear()
        queue.extend(kept)
        return [lot for lot in taken if lot.amount > EPS]

    def holdings(self) -> Iterable[tuple[int, Lot]]:
        """Victim lots still sitting in an account at the end of the data."""
        for (account, _), queue in self.queues.items():
            for lot in queue:
                if lot.payment != CLEAN and lot.amount > EPS:
                    yield account, lot
