"""The attribution engine: replay one partition's rows in time order, moving lots of money.

Every tracked (account, currency) holds *lots*: clean money, or a piece of one victim payment with
the number of layering hops it has made and when it arrived. An outflow takes money out by the
policy:

- ``fifo`` (default): the earliest-arrived money leaves first. This is how investigators and
  courts usually reason about a pooled account (first in, first out) and it follows a mule that
  forwards each batch as it comes.
- ``proportional``: every outflow takes the same share of everything held (each yuan in the
  account is equally likely to be the one that left). It never over-attributes to one victim, at
  the cost of spreading every payment thinly over every later outflow; pieces under a cent are not
  followed further and are reported where they were.

Money only moves forward: rows are replayed by (timestamp, line), so an outflow can only carry
money that arrived before it. An outflow larger than what the account was seen to hold is paid
from money the data does not show, which carries no victim money.

The engine does the sequential part only; it appends every arrival and departure of victim money
to flat lists that the typology step aggregates with columnar group-bys.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field

EPS = 1e-6
DUST = 0.005  # below half a cent a proportional piece is not followed
CLEAN = -1
Key = tuple[int, int]  # (account id, currency id)
Lot = list[float]  # [payment, depth, arrived µs, amount]; payment CLEAN for clean money
Arrival = tuple[int, int, int, int, int, int, float]  # account, payment, sender, row, ts, depth, amount
Departure = tuple[int, int, int, float]  # account, receiver, dwell seconds, amount


@dataclass(slots=True)
class Engine:
    max_hops: int
    proportional: bool
    stops: frozenset[int]
    queues: dict[Key, deque[Lot]] = field(default_factory=dict)
    hop_amount: defaultdict[tuple[int, int], float] = field(default_factory=lambda: defaultdict(float))
    reached: defaultdict[tuple[int, int], float] = field(default_factory=lambda: defaultdict(float))
    arrivals: list[Arrival] = field(default_factory=list)
    departures: list[Departure] = field(default_factory=list)

    def open(self, openings: Iterable[tuple[int, int, float]]) -> None:
        for account, currency, balance in openings:
            self.queues[(account, currency)] = deque([[CLEAN, 0, 0, balance]])

    def replay(self, rows: Iterable[tuple[int, int, int, int, int, float, int, bool, bool]]) -> None:
        """Rows are (row, ts, src, dst, cur, amount, payment, src_on, dst_on) in time order."""
        stops, queues = self.stops, self.queues
        for row, ts, src, dst, cur, amount, payment, src_on, dst_on in rows:
            if payment >= 0:
                # A victim's payment is fresh victim money; the sender (the victim's own account)
                # is not traced, so it is not debited.
                self._arrive(payment, 0, row, ts, src, dst, cur, amount)
                continue
            taken = self._take(queues.get((src, cur)), amount) if src_on else ()
            for lot_payment, depth, arrived, part in taken:
                if lot_payment != CLEAN:
                    self._forward(int(lot_payment), int(depth), int(arrived), part, row, ts, src, dst, cur)
            if dst_on and dst not in stops:
                clean = amount - sum(part for lot_payment, _, _, part in taken if lot_payment != CLEAN)
                if clean > EPS:
                    self._push((dst, cur), [CLEAN, 0, ts, clean])

    def _forward(self, payment: int, depth: int, arrived: int, part: float, row: int, ts: int, src: int,
                 dst: int, cur: int) -> None:
        if depth >= self.max_hops or part < DUST:
            # Followed as far as allowed (or too small to follow): reported where it stopped.
            self.reached[(payment, src)] += part
            return
        self.hop_amount[(payment, row)] += part
        self.departures.append((src, dst, (ts - arrived) // 1_000_000, part))
        self._arrive(payment, depth + 1, row, ts, src, dst, cur, part)

    def _arrive(self, payment: int, depth: int, row: int, ts: int, src: int, dst: int, cur: int,
                amount: float) -> None:
        self.arrivals.append((dst, payment, src, row, ts, depth, amount))
        if dst in self.stops:
            self.reached[(payment, dst)] += amount
        else:
            self._push((dst, cur), [payment, depth, ts, amount])

    def _push(self, key: Key, lot: Lot) -> None:
        queue = self.queues.get(key)
        if queue is None:
            self.queues[key] = deque([lot])
        elif lot[0] == CLEAN and queue and queue[-1][0] == CLEAN:
            queue[-1][3] += lot[3]  # consecutive clean money is one lot
        elif not (self.proportional and self._merged(queue, lot)):
            queue.append(lot)

    @staticmethod
    def _merged(queue: deque[Lot], lot: Lot) -> bool:
        """Proportional shares ignore order, so one lot per (payment, depth) is enough."""
        for held in queue:
            if held[0] == lot[0] and held[1] == lot[1]:
                held[3] += lot[3]
                return True
        return False

    def _take(self, queue: deque[Lot] | None, amount: float) -> list[Lot]:
        if not queue:
            return []
        return self._take_share(queue, amount) if self.proportional else self._take_first(queue, amount)

    @staticmethod
    def _take_first(queue: deque[Lot], amount: float) -> list[Lot]:
        taken: list[Lot] = []
        while amount > EPS and queue:
            head = queue[0]
            part = head[3] if head[3] <= amount else amount
            taken.append([head[0], head[1], head[2], part])
            head[3] -= part
            amount -= part
            if head[3] <= EPS:
                queue.popleft()
        return taken

    @staticmethod
    def _take_share(queue: deque[Lot], amount: float) -> list[Lot]:
        held = sum(lot[3] for lot in queue)
        share = min(1.0, amount / held) if held > EPS else 0.0
        taken = [[lot[0], lot[1], lot[2], lot[3] * share] for lot in queue]
        kept = [[lot[0], lot[1], lot[2], lot[3] * (1 - share)] for lot in queue if lot[3] * (1 - share) > EPS]
        queue.clear()
        queue.extend(kept)
        return [lot for lot in taken if lot[3] > EPS]

    def holdings(self) -> Iterable[tuple[int, int, int, float]]:
        """(account, payment, arrived µs, amount) of victim money still held at the end of the data."""
        for (account, _), queue in self.queues.items():
            for payment, _, arrived, amount in queue:
                if payment != CLEAN and amount > EPS:
                    yield account, int(payment), int(arrived), amount
