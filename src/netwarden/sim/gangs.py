"""Gangs, their members and roles, their series, and the identifiers they rotate.

A gang runs one or more series (crews working victims with their own phones, accounts and
payee cards). Identifiers rotate: each slot holds one identifier for a window, then a new
one replaces it, with a short overlap. Identifiers shared across a gang's series are the
kinds investigators cannot link on alone (app names, app packages that victims rarely
quote) and the money infrastructure (mules, cash-out wallets) seen only in transactions.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from netwarden.sim.world import DAY, WORLD_DAYS, WORLD_START, Account, Gang, Holding, Series, Slot, World

EXCHANGES = ("Binance", "OKX", "Huobi", "Gate.io")
WALLET_INSTITUTION = {"alipay": "Alipay", "wechat": "WeChat Pay", "email": "PayPal"}


@dataclass(frozen=True)
class SlotSpec:
    name: str
    role: str
    kinds: tuple[tuple[str, float], ...]
    concurrent: int
    mean_days: float
    mention: float
    take: int = 1


@dataclass(frozen=True)
class Profile:
    share: float  # of all reports
    en_share: float  # share of gangs working English-speaking victims
    slots: tuple[SlotSpec, ...]
    en_slots: tuple[SlotSpec, ...] | None = None
    max_series: int = 3


def _s(name: str, role: str, kinds: str, concurrent: int, days: float, mention: float, take: int = 1) -> SlotSpec:
    parsed = tuple((k.split("=")[0], float(k.split("=")[1]) if "=" in k else 1.0) for k in kinds.split())
    return SlotSpec(name, role, parsed, concurrent, days, mention, take)


PROFILES: dict[str, Profile] = {
    "sextortion": Profile(
        0.22,
        0.35,
        (
            _s("lure", "core", "handle:douyin handle:kuaishou handle:weibo qq wechat", 2, 25, 0.35),
            _s("chat", "core", "wechat=3 qq=2", 2, 18, 0.55),
            _s("extort", "core", "phone wechat", 1, 14, 0.3),
            _s("payee", "collector", "bank_card=5 alipay=3 crypto_trx=1", 1, 12, 0.6),
            _s("link", "tech_support", "url", 1, 30, 0.25),
        ),
        en_slots=(
            _s("lure", "core", "handle:instagram=3 handle:snapchat=2 handle:tiktok", 2, 25, 0.5),
            _s("chat", "core", "handle:snapchat handle:telegram fphone", 1, 18, 0.5),
            _s("payee", "collector", "crypto_btc=2 email=2 crypto_eth", 1, 12, 0.55),
            _s("link", "tech_support", "url", 1, 30, 0.2),
        ),
    ),
    "loan_trap": Profile(
        0.18,
        0.1,
        (
            _s("app", "tech_support", "loan_app", 2, 45, 0.85),
            _s("cs", "core", "wechat qq", 1, 20, 0.35),
            _s("payee", "collector", "bank_card=3 alipay=2", 1, 10, 0.45),
            _s("caller", "collector", "vphone", 3, 6, 0.0, take=2),
            _s("link", "tech_support", "url", 1, 40, 0.2),
        ),
        max_series=2,
    ),
    "fraud": Profile(
        0.12,
        0.2,
        (
            _s("contact", "core", "phone=3 wechat=3 qq", 2, 15, 0.7),
            _s("payee", "collector", "bank_card=3 alipay=2 crypto_trx", 1, 10, 0.7),
            _s("link", "tech_support", "url", 1, 20, 0.3),
        ),
    ),
    "malicious_claim": Profile(
        0.06,
        0.05,
        (
            _s("contact", "core", "phone=3 wechat", 2, 30, 0.55),
            _s("payee", "core", "alipay=3 bank_card", 2, 30, 0.5),
        ),
        max_series=1,
    ),
    "publicity_blackmail": Profile(
        0.04,
        0.05,
        (
            _s("contact", "core", "wechat phone", 1, 30, 0.6),
            _s("outlet", "core", "handle:weibo handle:xiaohongshu", 1, 60, 0.4),
            _s("site", "tech_support", "domain", 1, 90, 0.35),
            _s("payee", "collector", "bank_account=2 bank_card", 1, 45, 0.55),
        ),
        max_series=2,
    ),
    "troll_network": Profile(
        0.06,
        0.05,
        (
            _s("accounts", "member", "handle:weibo=3 handle:douyin=2 handle:xiaohongshu", 8, 30, 0.9, take=3),
            _s("tasking", "recruiter", "qq wechat", 1, 40, 0.3),
            _s("link", "tech_support", "url", 1, 15, 0.25),
        ),
        max_series=1,
    ),
}


def mint(world: World, kind: str, *, english: bool = False) -> tuple[str, str, str]:
    """A fresh identifier of `kind`: (ident, institution, paired ident)."""
    ids, rng = world.ids, world.ids.rng
    if kind.startswith("handle:"):
        return "handle:" + ids.handle(kind.partition(":")[2]), "", ""
    if kind in ("phone", "vphone"):
        return "phone:" + ids.phone(virtual=kind == "vphone"), "", ""
    if kind == "fphone":
        return "phone:" + ids.foreign_phone(), "", ""
    if kind == "bank_card":
        card, bank = ids.bank_card()
        return "bank_card:" + card, bank, ""
    if kind == "bank_account":
        return "bank_account:" + ids.bank_account(), rng.choice(("ICBC", "CCB", "ABC", "BOC", "CMB")), ""
    if kind == "alipay":
        value = ids.email() if rng.random() < 0.5 else ids.phone()[3:]
        return "alipay:" + value, "Alipay", ""
    if kind == "email":
        return "email:" + ids.email(), "PayPal", ""
    if kind.startswith("crypto_"):
        return f"{kind}:{ids.crypto(kind)}", "", ""
    if kind in ("wechat", "qq"):
        return f"{kind}:{getattr(ids, kind)()}", "", ""
    if kind == "domain":
        return "domain:" + ids.domain(), "", ""
    if kind == "url":
        host = ids.domain()
        sub = rng.choice(("", "dl.", "m.", "www.", "app.", "cdn."))
        path = rng.choice(("/d/{x}.apk", "/download", "/invite?code={x}", "/{x}", "/app/{x}.apk", "/s/{x}"))
        return (
            f"url:http{'s' if rng.random() < 0.4 else ''}://{sub}{host}{path.format(x=ids.opaque('', 5))}",
            "",
            "domain:" + host,
        )
    if kind in ("loan_app", "chat_app"):
        name, package = ids.app("loan" if kind == "loan_app" else "chat", english)
        return "app_name:" + name, "", "app_package:" + package
    raise ValueError(f"unknown identifier kind {kind}")


def _rotate(
    world: World, rng: random.Random, spec: SlotSpec, series: Series, holders: list[str], english: bool
) -> Slot:
    slot = Slot(spec.name, spec.mention)
    kinds = [k for k, _ in spec.kinds]
    weights = [w for _, w in spec.kinds]
    for lane in range(spec.concurrent):
        t = series.start - int(rng.uniform(0, spec.mean_days) * DAY)
        while t < series.end:
            length = max(3 * DAY, int(rng.expovariate(1 / spec.mean_days) * DAY))
            overlap = int(rng.uniform(0, 2) * DAY)
            ident, institution, _pair = mint(world, rng.choices(kinds, weights)[0], english=english)
            person = holders[(lane + len(slot.holdings)) % len(holders)]
            slot.holdings.append(Holding(ident, person, t, t + length + overlap, institution, _pair))
            world.persons[person].identifiers.append(ident)
            if _pair:
                world.persons[person].identifiers.append(_pair)
            t += length
    slot.holdings.sort(key=lambda h: (h.start, h.ident))
    slot.starts = [h.start for h in slot.holdings]
    return slot


def series_sizes(rng: random.Random, quota: int) -> list[int]:
    """Heavy-tailed series sizes (a few large campaigns, many small ones) summing to quota."""
    sizes: list[int] = []
    while sum(sizes) < quota:
        sizes.append(min(300, max(3, int(rng.lognormvariate(2.9, 0.9)))))
    overshoot = sum(sizes) - quota
    sizes[-1] = max(1, sizes[-1] - overshoot)
    return sizes


def build_gangs(world: World, n_reports: int) -> None:
    rng = world.ids.rng
    for crime_type in sorted(PROFILES):
        profile = PROFILES[crime_type]
        sizes = series_sizes(rng, round(profile.share * n_reports))
        while sizes:
            take = min(len(sizes), rng.randint(1, profile.max_series))
            group, sizes = sizes[:take], sizes[take:]
            world.gangs.append(_build_gang(world, rng, crime_type, profile, group))


def _build_gang(world: World, rng: random.Random, crime_type: str, profile: Profile, sizes: list[int]) -> Gang:
    gang_id = world.next_id("G", 4)
    english = rng.random() < profile.en_share
    gang = Gang(gang_id, crime_type, "en" if english else "zh")
    organiser = world.new_person("organiser", gang_id)
    tech = [world.new_person("tech_support", gang_id) for _ in range(rng.randint(1, 2))]
    gang.members += [organiser, *tech]
    specs = profile.en_slots if english and profile.en_slots else profile.slots
    for index, size in enumerate(sizes):
        span = min(WORLD_DAYS - 5, max(10, int(size * rng.uniform(0.4, 1.2)) + 10))
        start = WORLD_START + int(rng.uniform(0, WORLD_DAYS - span) * DAY)
        series = Series(f"{gang_id}-S{index + 1}", gang_id, crime_type, gang.lang, start, start + span * DAY, size)
        crew: dict[str, list[str]] = {"tech_support": [p.person_id for p in tech]}
        for role, count in (
            ("core", rng.randint(1, 3)),
            ("collector", rng.randint(1, 2)),
            ("member", rng.randint(2, 4)),
            ("recruiter", 1),
        ):
            if any(spec.role == role for spec in specs):
                people = [world.new_person(role, gang_id) for _ in range(count)]
                gang.members += people
                crew[role] = [p.person_id for p in people]
        for spec in specs:
            series.slots[spec.name] = _rotate(world, rng, spec, series, crew[spec.role], english)
        gang.series.append(series)
    if crime_type == "sextortion":
        name, _inst, package = mint(world, "chat_app", english=english)
        gang.shared.append(Holding(name, tech[0].person_id, WORLD_START, WORLD_START + WORLD_DAYS * DAY, "", package))
        tech[0].identifiers += [name, package]
    _money_infrastructure(world, rng, gang, organiser.person_id, english)
    if crime_type == "troll_network":
        _task_pay(world, gang)
    # People who ended up holding nothing leave no trace in any file: they are not part of this world.
    for person in [p for p in gang.members if not p.identifiers]:
        gang.members.remove(person)
        del world.persons[person.person_id]
    return gang


def _task_pay(world: World, gang: Gang) -> None:
    """Troll crews are paid per task: one payer account, many small payees (the members' wallets)."""
    organiser = gang.people("organiser")[0]
    payer, inst, _ = mint(world, "alipay")
    world.add_account(Account(payer, inst, "ordinary", gang.gang_id, organiser.person_id))
    organiser.identifiers.append(payer)
    for person in gang.people("member") + gang.people("recruiter"):
        wallet, inst, _ = mint(world, "alipay")
        world.add_account(Account(wallet, inst, "ordinary", gang.gang_id, person.person_id))
        person.identifiers.append(wallet)


def _money_infrastructure(world: World, rng: random.Random, gang: Gang, organiser: str, english: bool) -> None:
    for series in gang.series:
        for slot in series.slots.values():
            if slot.name != "payee":
                continue
            for h in slot.holdings:
                kind = h.ident.partition(":")[0]
                inst = h.institution or WALLET_INSTITUTION.get(kind, "Tron" if kind == "crypto_trx" else "on-chain")
                world.add_account(Account(h.ident, inst, "collection", gang.gang_id, h.person_id))
    n_mules = rng.randint(3, 5) + int(math.sqrt(sum(s.size for s in gang.series)))
    for _ in range(n_mules):
        person = world.new_person("money_mule", gang.gang_id)
        gang.members.append(person)
        for _ in range(rng.randint(1, 2)):
            ident, inst, _ = mint(world, rng.choice(("bank_card", "bank_card", "alipay")))
            inst = inst or WALLET_INSTITUTION[ident.partition(":")[0]]
            gang.mules.append(world.add_account(Account(ident, inst, "mule", gang.gang_id, person.person_id)))
            person.identifiers.append(ident)
    if len(gang.mules) >= 6 and not gang.people("recruiter"):
        # The recruiter who rents the mules' cards: advertises with a WeChat id, pays them commissions.
        recruiter = world.new_person("recruiter", gang.gang_id)
        gang.members.append(recruiter)
        card, bank, _ = mint(world, "bank_card")
        world.add_account(Account(card, bank, "ordinary", gang.gang_id, recruiter.person_id))
        recruiter.identifiers += [mint(world, "wechat")[0], card]
    for _ in range(rng.randint(1, 3)):
        kind = "crypto_btc" if english else "crypto_trx"
        ident = f"{kind}:{world.ids.crypto(kind)}"
        gang.cash_out.append(
            world.add_account(Account(ident, rng.choice(EXCHANGES), "cash_out", gang.gang_id, organiser))
        )
        world.persons[organiser].identifiers.append(ident)
    gang.cash_out.append(
        world.add_account(Account("cash:atm-" + world.ids.opaque("", 8), "ATM network", "cash_out", gang.gang_id, None))
    )
    gang.cash_out.append(
        world.add_account(
            Account("merchant:" + world.ids.opaque("gold-", 5), "UnionPay merchant", "cash_out", gang.gang_id, None)
        )
    )
