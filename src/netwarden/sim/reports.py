"""Plan every report of the world: who the victim is, when, what they paid, which identifiers they quote.

Plans are small records; texts are rendered later while streaming (`report_render.py`), so
even very large worlds never hold every narrative in memory at once.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from netwarden.sim.gangs import mint
from netwarden.sim.world import DAY, HOUR, OCCUPATIONS, REGIONS, WORLD_DAYS, WORLD_START, Account, Gang, Series, World

CHANNELS = ("web", "hotline", "app", "platform", "referral", "other")
CHANNEL_WEIGHTS = (40, 20, 25, 8, 5, 2)
# (identifier, weight): service numbers, platform domains and tools that turn up in unrelated reports.
HUBS_ZH = (
    ("phone:95588", 5),
    ("phone:10086", 4),
    ("phone:110", 6),
    ("phone:96110", 5),
    ("phone:12315", 3),
    ("phone:95188", 2),
    ("phone:95017", 2),
    ("domain:taobao.com", 3),
    ("domain:jd.com", 2),
    ("phone:+864008201234", 2),
    ("phone:+864006695566", 2),
    ("app_name:腾讯会议", 2),
    ("app_name:向日葵", 1),
)
HUBS_EN = (
    ("domain:paypal.com", 3),
    ("domain:instagram.com", 3),
    ("domain:amazon.com", 2),
    ("app_name:Zoom", 1),
    ("app_name:AnyDesk", 1),
)
PAYMENT = {  # crime type: (probability of paying, max payments, lognormal mu, sigma)
    "sextortion": (0.75, 4, 8.3, 0.9),
    "loan_trap": (0.85, 5, 8.0, 0.7),
    "violent_collection": (0.4, 3, 7.6, 0.6),
    "fraud": (0.9, 5, 8.9, 1.1),
    "malicious_claim": (0.6, 2, 6.8, 0.7),
    "publicity_blackmail": (0.5, 2, 11.5, 0.6),
    "troll_network": (0.05, 1, 8.0, 0.5),
}
NO_IDENTIFIER_SHARE = 0.015


@dataclass(slots=True)
class Victim:
    victim_id: str
    age: int | None
    gender: str
    region: str | None
    occupation: str
    phone: str
    pay_account: str
    pay_institution: str


@dataclass(slots=True)
class Payment:
    at: int
    amount: float
    payee: str
    txn_id: str = ""


@dataclass(slots=True)
class ReportPlan:
    incident_at: int
    received_at: int
    crime_type: str
    crime_types: tuple[str, ...]
    series_key: str
    gang_id: str | None
    lang: str
    victim: Victim
    suspect_ids: list[str]
    payments: list[Payment] = field(default_factory=list)
    currency: str = "CNY"
    channel: str = "web"
    victim_ids: list[str] = field(default_factory=list)
    hub_ids: list[str] = field(default_factory=list)
    duplicate_of: ReportPlan | None = None
    render_seed: int = 0
    report_id: str = ""
    loan_terms: tuple[int, int, int] | None = None  # principal, received, days

    @property
    def amount_lost(self) -> float:
        return round(sum(p.amount for p in self.payments), 2)


def make_victim(world: World, rng: random.Random, crime_type: str, lang: str) -> Victim:
    if crime_type == "sextortion":
        age = rng.randint(14, 17) if rng.random() < (0.35 if lang == "en" else 0.1) else rng.randint(18, 58)
        gender = "m" if rng.random() < 0.9 else "f"
    elif crime_type in ("loan_trap", "violent_collection"):
        age, gender = rng.randint(18, 35), rng.choice("mf")
    else:
        age, gender = rng.randint(20, 70), rng.choice("mf")
    occupation = "student" if age < 19 else rng.choice(OCCUPATIONS)
    if crime_type in ("malicious_claim", "publicity_blackmail", "troll_network"):
        occupation = "merchant" if crime_type == "malicious_claim" else rng.choice(("manager", "self_employed"))
    region = None if lang == "en" and rng.random() < 0.4 else rng.choice(REGIONS)
    phone = "phone:" + (world.ids.foreign_phone() if lang == "en" and region is None else world.ids.phone())
    kind = rng.choice(("bank_card", "bank_card", "alipay", "wechat"))
    pay_account, institution, _ = mint(world, kind)
    institution = institution or {"alipay": "Alipay", "wechat": "WeChat Pay"}.get(kind, "")
    world.add_account(Account(pay_account, institution, "ordinary"))
    return Victim(world.next_id("V"), age, gender, region, occupation, phone, pay_account, institution)


def _payments(rng: random.Random, crime_type: str, start: int, payee_at: object) -> list[Payment]:
    p, most, mu, sigma = PAYMENT[crime_type]
    if rng.random() >= p:
        return []
    t, out = start, []
    for _ in range(rng.randint(1, most)):
        t += int(rng.uniform(0.05, 2.0 if crime_type == "sextortion" else 96.0) * HOUR)
        amount = round(min(500000.0, max(50.0, rng.lognormvariate(mu, sigma))), -1 if rng.random() < 0.6 else 0)
        assert callable(payee_at)
        out.append(Payment(t, amount, payee_at(t)))
    return out


def _mentions(
    rng: random.Random, series: Series, gang: Gang, crime_type: str, t: int, payments: list[Payment]
) -> list[str]:
    ids: list[str] = []
    for name, slot in series.slots.items():
        p = slot.mention_p
        if name == "caller":
            p = 0.85 if crime_type == "violent_collection" else 0.05
        if name == "payee" and payments:
            if rng.random() < p + 0.15:
                ids += sorted({pay.payee for pay in payments})[: rng.randint(1, 2)]
            continue
        if rng.random() < p:
            take = 2 if name in ("caller", "accounts") else 1
            active = slot.active(t) or [slot.at(t)]
            for h in rng.sample(active, min(len(active), rng.randint(1, take + 1))):
                ids.append(h.pair if h.pair.startswith("domain:") and rng.random() < 0.15 else h.ident)
                if h.pair.startswith("app_package:") and rng.random() < 0.05:
                    ids.append(h.pair)
    for h in gang.shared:
        if rng.random() < 0.35:
            ids.append(h.ident)
    return list(dict.fromkeys(ids))


def plan_series(world: World, rng: random.Random, gang: Gang, series: Series) -> list[ReportPlan]:
    plans: list[ReportPlan] = []
    payee_slot = series.slots.get("payee")
    times = sorted(int(rng.uniform(series.start, series.end)) for _ in range(series.size))
    for t in times:
        crime_type = series.crime_type
        if crime_type == "loan_trap" and rng.random() < 0.34:
            crime_type = "violent_collection"
        lang = series.lang if rng.random() < 0.9 else ("zh" if series.lang == "en" else "en")
        victim = make_victim(world, rng, crime_type, lang)
        payments = _payments(rng, crime_type, t, lambda ts: payee_slot.at(ts).ident) if payee_slot else []
        ids = _mentions(rng, series, gang, crime_type, t, payments)
        if rng.random() < NO_IDENTIFIER_SHARE:
            ids = [i for i in ids if i.startswith("app_name:")]
        elif not any(_strong(i) for i in ids):
            ids.append(_one_strong(rng, series, t, payments))
        last = payments[-1].at if payments else t
        received = last + int(rng.expovariate(1 / 30.0) * HOUR) + 600
        types = ("violent_collection", "loan_trap") if crime_type == "violent_collection" else (crime_type,)
        if crime_type == "loan_trap" and rng.random() < 0.3:
            types = ("loan_trap", "violent_collection")
        currency = "USD" if lang == "en" and gang.lang == "en" else "CNY"
        if currency == "USD":  # the same harm, in dollars
            for pay in payments:
                pay.amount = float(max(20, round(pay.amount / 7)))
        plan = ReportPlan(
            t, received, crime_type, types, series.key, gang.gang_id, lang, victim, ids, payments, currency
        )
        plans.append(plan)
    _bridge(rng, plans)
    return plans


def _one_strong(rng: random.Random, series: Series, t: int, payments: list[Payment]) -> str:
    """Most victims quote at least one number, account or handle; pick what this series exposes most."""
    if payments and rng.random() < 0.5:
        return payments[0].payee
    slots = [s for s in series.slots.values() if s.name not in ("app", "site")]
    slot = rng.choices(slots, [s.mention_p + 0.1 for s in slots])[0]
    return slot.at(t).ident


def _strong(ident: str) -> bool:
    return not ident.startswith(("app_name:", "domain:"))


def _bridge(rng: random.Random, plans: list[ReportPlan]) -> None:
    """Make a series one linkable chain: a report quoting only new identifiers also quotes one the
    series used before (victims do write "he used to call from ..."), except the rare report with none."""
    seen: set[str] = set()
    recent: list[str] = []
    for plan in plans:
        strong = [i for i in plan.suspect_ids if _strong(i)]
        if not strong:
            continue
        if seen and not seen.intersection(strong) and recent:
            plan.suspect_ids.append(rng.choice(recent[-3:]))
        seen.update(strong)
        recent = recent[-5:] + strong


def plan_gang_reports(world: World, rng: random.Random) -> list[ReportPlan]:
    plans: list[ReportPlan] = []
    for gang in world.gangs:
        for series in gang.series:
            plans += plan_series(world, rng, gang, series)
    return plans


def plan_noise(world: World, rng: random.Random, n: int) -> list[ReportPlan]:
    """Reports that belong to no series: not crimes, other crimes, and lone fraudsters."""
    plans = []
    for _ in range(n):
        kind = rng.choices(("none", "other", "fraud"), (40, 25, 35))[0]
        lang = "en" if rng.random() < 0.4 else "zh"
        t = WORLD_START + int(rng.uniform(0, WORLD_DAYS) * DAY)
        victim = make_victim(world, rng, kind, lang)
        ids: list[str] = []
        payments: list[Payment] = []
        if kind == "other" and rng.random() < 0.6:
            ids.append(mint(world, rng.choice(("phone", "wechat", "handle:weibo")))[0])
        if kind == "fraud":
            ids.append(mint(world, rng.choice(("phone", "wechat", "qq")))[0])
            payee, inst, _ = mint(world, rng.choice(("bank_card", "alipay")))
            world.add_account(Account(payee, inst or "Alipay", "collection", None, None))
            payments = _payments(rng, "fraud", t, lambda _ts, p=payee: p)
            if payments or rng.random() < 0.5:
                ids.append(payee)
        last = payments[-1].at if payments else t
        key = world.next_id("SOLO")
        plans.append(
            ReportPlan(
                t,
                last + int(rng.expovariate(1 / 24.0) * HOUR) + 300,
                kind,
                (kind,),
                key,
                None,
                lang,
                victim,
                ids,
                payments,
                "CNY",
            )
        )
    return plans


def decorate(world: World, rng: random.Random, plans: list[ReportPlan]) -> None:
    """Channels, victims' own identifiers, hub mentions and per-report render seeds."""
    hubs_zh, w_zh = [h for h, _ in HUBS_ZH], [w for _, w in HUBS_ZH]
    hubs_en, w_en = [h for h, _ in HUBS_EN], [w for _, w in HUBS_EN]
    world.hubs = sorted(set(hubs_zh) | set(hubs_en))
    for plan in plans:
        plan.channel = rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0]
        plan.render_seed = rng.getrandbits(48)
        if rng.random() < 0.35:
            plan.victim_ids.append(plan.victim.phone)
        if plan.payments and rng.random() < 0.2:
            plan.victim_ids.append(plan.victim.pay_account)
        p_hub = 0.35 if plan.gang_id is None else 0.1
        if rng.random() < p_hub:
            hubs, weights = (hubs_en, w_en) if plan.lang == "en" else (hubs_zh, w_zh)
            hub = rng.choices(hubs, weights)[0]
            if hub.startswith("app_name:") and plan.crime_type not in ("fraud", "sextortion", "none"):
                hub = hubs[0]  # screen-sharing apps belong to fraud stories, not to a stolen bike
            plan.hub_ids.append(hub)


def add_duplicates(rng: random.Random, plans: list[ReportPlan], n: int) -> list[ReportPlan]:
    """The same victim reporting again through another channel, in other words, with the same own identifiers."""
    originals = rng.sample([p for p in plans if p.crime_type != "none"], min(n, len(plans)))
    dups = []
    for orig in originals:
        if not orig.victim_ids:
            orig.victim_ids.append(orig.victim.phone)
        suspect = [i for i in orig.suspect_ids if rng.random() < 0.8] or orig.suspect_ids[:1]
        dup = ReportPlan(
            orig.incident_at,
            orig.received_at + int(rng.uniform(1, 96) * HOUR),
            orig.crime_type,
            orig.crime_types,
            orig.series_key,
            orig.gang_id,
            orig.lang,
            orig.victim,
            suspect,
            orig.payments,
            orig.currency,
            rng.choice([c for c in CHANNELS if c != orig.channel]),
            list(orig.victim_ids),
            [],
            orig,
            rng.getrandbits(48),
        )
        dups.append(dup)
    return dups


def plan_reports(world: World, seed_rng: random.Random, n_reports: int) -> list[ReportPlan]:
    gang_plans = plan_gang_reports(world, seed_rng)
    noise = plan_noise(world, seed_rng, max(0, round(n_reports * 0.95) - len(gang_plans)))
    plans = gang_plans + noise
    decorate(world, seed_rng, plans)
    plans += add_duplicates(seed_rng, plans, n_reports - len(plans))
    plans.sort(key=lambda p: (p.received_at, p.render_seed))
    for plan in plans:
        plan.report_id = world.next_id("R", 7)
    for gang in world.gangs:
        for series in gang.series:
            series.report_ids = []
    by_key = {s.key: s for g in world.gangs for s in g.series}
    for plan in plans:
        if plan.series_key in by_key:
            by_key[plan.series_key].report_ids.append(plan.report_id)
    return plans
