"""Account classes (collection, mule, cash_out, ordinary) from what victim money did in them.

The typologies are the money-mule patterns of AML practice (IBM AMLSim's fan-in, fan-out,
scatter-gather) and the 跑分 / 两卡 signs police describe (快进快出, many unrelated payers). Each
is computed only over traced victim money, with the numbers that produced it, so an analyst can
check every flag. Thresholds and why:

- ``rapid_in_out``: value-weighted median dwell ≤ 2 h and ≥ 80 % of the victim money received
  passed on. Mules forward "within minutes"; 2 h leaves room for batch transfers and bank delays,
  while people who pay bills from a salary hold money for days.
- ``many_victims``: money of ≥ 3 distinct reports. One victim's money reaching an account can be
  chance; three unrelated victims through one account is the classic 串并 link.
- ``fan_in`` / ``fan_out``: victim money from / to ≥ 3 distinct accounts.
- ``scatter_gather``: pieces of one payment arrive from ≥ 2 different senders (split, then
  gathered again), the layering shape no ordinary transfer has.
- ``victim_share``: traced victim money / everything received after it first arrived. Ordinary
  accounts that happen to receive a slice of a mule's money (a purchase, a repaid debt) have most
  of their inflow from elsewhere.

Classes: ``collection`` received a victim's payment directly (the payee the report names);
``cash_out`` is a cash-out point (see ``cashout``) where victim money is ≥ 20 % of all it
received; ``mule`` received victim money by a layering hop and either holds mostly victim money
(``victim_share`` ≥ 0.5) or shows rapid in-out; everything else is ``ordinary`` and is never
put forward for freezing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netwarden.core.money.attribution import AccountFlows

RAPID_DWELL_SECONDS = 2 * 3600
RAPID_FORWARD_SHARE = 0.8
MANY_VICTIMS = 3
FAN = 3
MULE_VICTIM_SHARE = 0.5
CASH_OUT_VICTIM_SHARE = 0.2


@dataclass(frozen=True, slots=True)
class Typologies:
    fan_in: int
    fan_out: int
    scatter_gather: int
    median_dwell_seconds: int | None
    forwarded_share: float
    victims: int
    victim_share: float

    def flags(self) -> list[str]:
        flags = []
        if self.fan_in >= FAN:
            flags.append("fan_in")
        if self.fan_out >= FAN:
            flags.append("fan_out")
        if self.scatter_gather:
            flags.append("scatter_gather")
        if self.rapid_in_out:
            flags.append("rapid_in_out")
        if self.victims >= MANY_VICTIMS:
            flags.append("many_victims")
        return flags

    @property
    def rapid_in_out(self) -> bool:
        return (
            self.median_dwell_seconds is not None
            and self.median_dwell_seconds <= RAPID_DWELL_SECONDS
            and self.forwarded_share >= RAPID_FORWARD_SHARE
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "fan_in": self.fan_in,
            "fan_out": self.fan_out,
            "scatter_gather_payments": self.scatter_gather,
            "median_dwell_seconds": self.median_dwell_seconds,
            "forwarded_share": round(self.forwarded_share, 4),
            "victims": self.victims,
            "victim_share": round(self.victim_share, 4),
        }


def weighted_median(pairs: list[tuple[int, float]]) -> int | None:
    if not pairs:
        return None
    ordered = sorted(pairs)
    half, running = sum(amount for _, amount in ordered) / 2, 0.0
    for seconds, amount in ordered:
        running += amount
        if running >= half:
            return seconds
    return ordered[-1][0]


def typologies(flows: AccountFlows, *, victims: int, total_inflow: float) -> Typologies:
    received = flows.received or 1e-12
    return Typologies(
        fan_in=len(flows.senders),
        fan_out=len(flows.receivers),
        scatter_gather=sum(1 for senders in flows.payment_senders.values() if len(senders) >= 2),
        median_dwell_seconds=weighted_median(flows.dwell),
        forwarded_share=min(1.0, flows.forwarded / received),
        victims=victims,
        victim_share=min(1.0, flows.received / total_inflow) if total_inflow > 0 else 1.0,
    )


def account_class(flows: AccountFlows, found: Typologies, *, cash_out_kind: str | None) -> str:
    if flows.min_depth == 0:
        return "collection"
    if cash_out_kind is not None:
        return "cash_out" if found.victim_share >= CASH_OUT_VICTIM_SHARE else "ordinary"
    if found.victim_share >= MULE_VICTIM_SHARE or found.rapid_in_out:
        return "mule"
    return "ordinary"
