"""Compose a report narrative from the phrase banks, placing every identifier the report carries.

The builder walks a crime type's stages, picks at each stage a template whose slots it can
fill (preferring ones that place an identifier), and renders identifiers through
`surface.py` so that cue words, spacing and position vary from report to report.
Identifiers no template placed are appended or inserted with an "extra" phrase, so the
ground truth can promise that every listed identifier is really in the text.
"""

from __future__ import annotations

import random
import string
from collections import deque
from dataclasses import dataclass, field
from functools import cache

from netwarden.sim.surface import write_app_name, write_identifier, write_value
from netwarden.sim.texts import common as c
from netwarden.sim.texts import fraud, loans, merchants, noise, sextortion, troll

Stages = list[tuple[str, list[str]]]
STAGES: dict[tuple[str, str], Stages] = {
    ("sextortion", "zh"): sextortion.ZH,
    ("sextortion", "en"): sextortion.EN,
    ("loan_trap", "zh"): loans.LOAN_ZH,
    ("loan_trap", "en"): loans.LOAN_EN,
    ("violent_collection", "zh"): loans.COLLECT_ZH,
    ("violent_collection", "en"): loans.COLLECT_EN,
    ("malicious_claim", "zh"): merchants.CLAIM_ZH,
    ("malicious_claim", "en"): merchants.CLAIM_EN,
    ("publicity_blackmail", "zh"): merchants.PUBLICITY_ZH,
    ("publicity_blackmail", "en"): merchants.PUBLICITY_EN,
    ("troll_network", "zh"): troll.ZH,
    ("troll_network", "en"): troll.EN,
    ("fraud", "zh"): fraud.ZH,
    ("fraud", "en"): fraud.EN,
}
SINGLE_TEXTS: dict[tuple[str, str], list[str]] = {
    ("none", "zh"): noise.NONE_ZH,
    ("none", "en"): noise.NONE_EN,
    ("other", "zh"): noise.OTHER_ZH,
    ("other", "en"): noise.OTHER_EN,
}
ID_SLOTS = {
    "contact": "contact",
    "contact2": "contact",
    "payee": "payee",
    "link": "link",
    "site": "site",
    "app": "app",
    "pkg": "pkg",
    "hub": "hub",
}
CATEGORY = {
    "phone": "contact",
    "wechat": "contact",
    "qq": "contact",
    "handle": "contact",
    "email": "payee",
    "bank_card": "payee",
    "alipay": "payee",
    "bank_account": "payee",
    "crypto_btc": "payee",
    "crypto_eth": "payee",
    "crypto_trx": "payee",
    "url": "link",
    "domain": "site",
    "app_name": "app",
    "app_package": "pkg",
    "imei": "contact",
}
OPTIONAL_STAGE_SKIP = 0.18
MONEY_SLOTS = frozenset({"amount", "amount2", "n", "last_pay"})


@cache
def slots_of(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


@dataclass(frozen=True, slots=True)
class Template:
    """A template with what it needs, worked out once: money facts, identifier queues, and its pick weight."""

    text: str
    money: bool
    plural: bool  # states a number of payments
    need: tuple[tuple[str, int], ...]
    weight: float


@cache
def prepare(template: str) -> Template:
    need: dict[str, int] = {}
    names = slots_of(template)
    for name in names:
        if name in ID_SLOTS:
            need[ID_SLOTS[name]] = need.get(ID_SLOTS[name], 0) + 1
    return Template(
        template,
        any(n in MONEY_SLOTS for n in names),
        "n" in names,
        tuple(sorted(need.items())),
        1.0 + 3.0 * sum(need.values()),
    )


@dataclass
class StoryFacts:
    """The facts of one report a narrative must state."""

    crime_type: str
    lang: str
    suspect_ids: list[str]
    victim_ids: list[str] = field(default_factory=list)
    hub_ids: list[str] = field(default_factory=list)
    amount: float = 0.0
    currency: str = "CNY"
    payments: int = 1
    victim_age: int | None = None
    occupation: str = "student"
    last_pay: str = ""
    principal: int = 0
    received: int = 0
    days: int = 7
    mixed: bool = False
    terse: bool = False  # a two-line report: what happened, who, how much


class Narrator:
    def __init__(self, rng: random.Random, facts: StoryFacts) -> None:
        self.rng = rng
        self.facts = facts
        self.lang = facts.lang
        self.queues: dict[str, deque[str]] = {k: deque() for k in set(CATEGORY.values())}
        for ident in facts.suspect_ids:
            self.queues[CATEGORY[ident.partition(":")[0]]].append(ident)
        # only phone hubs fit templates like "请致电客服{hub}"; the rest get typed hub phrases
        self.hubs: deque[str] = deque(h for h in facts.hub_ids if not h.startswith("phone:"))
        self.queues["hub"] = deque(h for h in facts.hub_ids if h.startswith("phone:"))

    def money(self, amount: float) -> str:
        a = int(round(amount))
        r = self.rng.random()
        if self.lang == "en":
            if self.facts.currency == "USD":
                return f"${a:,}" if r < 0.7 else f"{a} dollars"
            return (f"{a:,} yuan", f"RMB {a:,}", f"CNY {a}", f"¥{a}")[int(r * 4)]
        if a >= 10000 and a % 1000 == 0 and r < 0.3:
            return f"{a / 10000:g}万"
        return (f"{a}元", f"{a}块", f"¥{a}", f"{a}块钱", f"人民币{a}元")[int(r * 5)]

    def scalar(self, name: str) -> str:
        rng, f, zh = self.rng, self.facts, self.lang == "zh"
        if name == "when":
            when = rng.choice(c.WHEN_ZH if zh else c.WHEN_EN)
            return when.format(month=rng.randint(1, 12), day=rng.randint(1, 28), month_en=rng.choice(c.MONTHS_EN))
        simple = {
            "platform": c.PLATFORM_ZH if zh else c.PLATFORM_EN,
            "relation": c.RELATION_ZH if zh else c.RELATION_EN,
            "nick": c.NICK,
            "age_claim": c.AGE_CLAIM_ZH if zh else c.AGE_CLAIM_EN,
            "pay_channel": c.PAY_CHANNEL_ZH if zh else c.PAY_CHANNEL_EN,
            "shop": c.SHOPS if zh else c.SHOPS_EN,
            "industry": c.INDUSTRIES if zh else c.INDUSTRIES_EN,
            "brand": c.BRANDS_ZH if zh else c.BRANDS_EN,
        }
        if name in simple:
            return rng.choice(simple[name])
        values = {
            "amount": lambda: self.money(f.amount),
            "amount2": lambda: self.money(max(200.0, f.amount * rng.uniform(0.3, 2))),
            "n": lambda: str(max(1, f.payments)),
            "minutes": lambda: str(rng.choice((5, 10, 15, 20, 30))),
            "last_pay": lambda: f.last_pay,
            "age": lambda: str(f.victim_age or 16),
            "principal": lambda: str(f.principal),
            "received": lambda: str(f.received),
            "days": lambda: str(f.days),
            "fee": lambda: str(max(100, (f.principal - f.received) // 2)),
            "calls": lambda: str(rng.choice((20, 30, 50, 100))),
            "occupation": lambda: c.OCCUPATIONS_ZH.get(f.occupation, "上班族"),
            "outlet": lambda: rng.choice(c.OUTLET_HEADS) + rng.choice(c.OUTLET_TAILS),
        }
        return values[name]() if name in values else ""

    def can_fill(self, t: Template) -> bool:
        if t.money and self.facts.amount <= 0:
            return False
        if t.plural and self.facts.payments < 2:
            return False  # "sent it in 1 payments" reads wrong
        return all(len(self.queues[q]) >= n for q, n in t.need)

    def fill(self, template: str) -> str:
        values: dict[str, str] = {}
        for name in slots_of(template):
            if name in values:
                continue
            if name in ID_SLOTS:
                ident = self.queues[ID_SLOTS[name]].popleft()
                values[name] = self.write(ident)
            else:
                values[name] = self.scalar(name)
        return template.format(**values)

    def write(self, ident: str) -> str:
        if ident in self.facts.hub_ids:
            return write_value(self.rng, ident)
        if ident.startswith("app_name:"):
            return write_app_name(self.rng, ident.partition(":")[2], self.lang)
        return write_identifier(self.rng, ident, self.lang)

    def pick(self, templates: list[str]) -> str | None:
        usable = [t for t in map(prepare, templates) if self.can_fill(t)]
        if not usable:
            return None
        return self.rng.choices(usable, weights=[t.weight for t in usable])[0].text

    def sentences(self) -> list[str]:
        key = (self.facts.crime_type, self.lang)
        if key in SINGLE_TEXTS:
            template = self.pick(SINGLE_TEXTS[key])
            return [self.fill(template)] if template else []
        out: list[str] = []
        for i, (_, templates) in enumerate(STAGES[key]):
            if i > 0 and self.rng.random() < (0.7 if self.facts.terse else OPTIONAL_STAGE_SKIP):
                continue
            template = self.pick(templates)
            if template:
                text = self.fill(template)
                if text:
                    out.append(text)
        return out

    def insert(self, sentences: list[str], text: str, *, tail_bias: float = 0.6, may_lead: bool = True) -> None:
        if not sentences or self.rng.random() < tail_bias:
            sentences.append(text)
        else:
            sentences.insert(self.rng.randint(0 if may_lead else 1, len(sentences)), text)

    def compose(self) -> str:
        rng, zh = self.rng, self.lang == "zh"
        sentences = self.sentences()
        for name, queue in sorted(self.queues.items()):
            while queue and name != "hub":
                ident = queue.popleft()
                bank: tuple[str, ...] = c.EXTRA_SUSPECT_ZH if zh else c.EXTRA_SUSPECT_EN
                if zh and self.facts.mixed and rng.random() < 0.4:
                    bank = c.EXTRA_SUSPECT_MIX
                self.insert(sentences, rng.choice(bank).format(x=self.write(ident)), tail_bias=0.7, may_lead=False)
        for ident in self.facts.victim_ids:
            bare = c.VICTIM_BARE.get((ident.partition(":")[0], self.lang))
            if bare and rng.random() < 0.75:
                text = rng.choice(bare).format(x=write_value(rng, ident))
            else:
                text = rng.choice(c.VICTIM_CUED_ZH if zh else c.VICTIM_CUED_EN).format(x=self.write(ident))
            self.insert(sentences, text, tail_bias=0.5)
        self.hubs.extend(self.queues["hub"])
        while self.hubs:
            hub = self.hubs.popleft()
            phrases = c.HUB_PHRASES[(hub.partition(":")[0], self.lang)]
            self.insert(sentences, rng.choice(phrases).format(x=self.write(hub)), tail_bias=0.4)
        if zh and self.facts.mixed and sentences:
            i = rng.randrange(len(sentences))
            sentences[i] = rng.choice(c.MIX_INSERTS) + sentences[i]
        sentences = [_finish(s, zh) for s in sentences if s]
        joiner = rng.choice(("", "", "", "\n", " ")) if zh else rng.choice((" ", " ", "\n"))
        return joiner.join(s for s in sentences if s)


def _finish(sentence: str, zh: bool) -> str:
    """Sentences end with punctuation, so a number at the end never runs into the next sentence."""
    if not zh:
        sentence = sentence[0].upper() + sentence[1:]
    if sentence[-1] not in '。！？!?.）)」”"':
        sentence += "。" if zh else "."
    return sentence


def narrate(rng: random.Random, facts: StoryFacts) -> str:
    return Narrator(rng, facts).compose()
