"""Priority P0–P3 with reasons and immediate actions (DOMAIN §8.3).

P0 (minutes): a child may be involved in a sexual context; self-harm or suicide language (not in a
news or education framing); money paid within the freeze window; in a crime report, a threat of
imminent violence, a victim being coerced live (still on the call) or a payment still happening.
P1 (hours): a crime report with a deadline, ongoing extortion or collection, a vulnerable victim,
or a loss at the 数额巨大 level. P2 (days): any other crime report. P3: not a crime report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any

import yaml

from netwarden.core.classify.labels import NONE_LABEL
from netwarden.core.classify.prefilter import anchors_of
from netwarden.core.classify.results import Action, Reason

# Labels whose reports describe a demand still being pressed (for the "ongoing" P1 trigger).
EXTORTION_LABELS = frozenset(
    {"sextortion", "violent_collection", "publicity_blackmail", "malicious_claim", "loan_trap"})


@dataclass(frozen=True, slots=True)
class Cue:
    name: str
    text_zh: str
    text_en: str
    pattern: re.Pattern[str]
    anchors: frozenset[str] | None  # literal strings one of which every match contains

    def search(self, text: str, present: frozenset[str] | None = None) -> re.Match[str] | None:
        """Search `text`; with `present` (anchors found in it, see prefilter.AnchorIndex) the
        search is skipped when none of this cue's anchors occurs."""
        if present is not None and self.anchors is not None and self.anchors.isdisjoint(present):
            return None
        return self.pattern.search(text)


@dataclass(frozen=True, slots=True)
class PriorityRules:
    cues: Mapping[str, Cue]
    actions: Mapping[str, tuple[Action, ...]]
    large_loss: float
    elderly_age: int

    @property
    def anchor_strings(self) -> frozenset[str]:
        return frozenset(a for cue in self.cues.values() for a in (cue.anchors or ()))


@dataclass(frozen=True, slots=True)
class PriorityFacts:
    """What the priority rules look at, gathered by the classifier."""

    text: str  # lowered analysed text (rules.lowered), as the cue patterns are lower-case
    text_length: int  # the report text proper; spans beyond it lie in appended messages
    crime_types: Sequence[str]
    sexual_material: bool  # the sextortion rules found sexual material
    framed_as_news_or_education: bool
    received_at: datetime | None
    last_payment_at: datetime | None
    now: datetime
    victim_age: int | None
    amount_lost: float | None
    freeze_window_hours: float
    present: frozenset[str] | None = None  # prefilter anchors found in text (covering the cues)


def load_priority_rules(document: Mapping[str, Any] | None = None) -> PriorityRules:
    doc = document if document is not None else _default_document()
    cues = {}
    for name, item in doc["cues"].items():
        pattern = re.compile("|".join(f"(?:{p})" for p in item["patterns"]).lower())
        cues[name] = Cue(name, str(item["zh"]), str(item["en"]), pattern, anchors_of(pattern))
    actions = {name: tuple(Action(str(a["code"]), str(a["en"]), str(a["zh"])) for a in items)
               for name, items in doc["actions"].items()}
    return PriorityRules(cues, actions, float(doc["large_loss"]), int(doc["elderly_age"]))


@cache
def _default_rules() -> PriorityRules:
    return load_priority_rules()


def _default_document() -> dict[str, Any]:
    path = resources.files("netwarden.core.classify") / "data" / "rules" / "priority.yaml"
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def default_priority_rules() -> PriorityRules:
    return _default_rules()


def _align(moment: datetime, reference: datetime) -> datetime:
    """A naive timestamp is read in the other timestamp's zone (the contract reads naive times in
    the configured zone before they reach the core)."""
    if (moment.tzinfo is None) == (reference.tzinfo is None):
        return moment
    if moment.tzinfo is None:
        return moment.replace(tzinfo=reference.tzinfo)
    return moment.replace(tzinfo=None)


def _hours_since_payment(facts: PriorityFacts) -> float | None:
    if facts.last_payment_at is None:
        return None
    reference = facts.received_at or facts.now
    paid_at = _align(facts.last_payment_at, reference)
    elapsed: timedelta = reference - paid_at
    return max(elapsed.total_seconds() / 3600.0, 0.0)


class _Collector:
    def __init__(self, rules: PriorityRules, facts: PriorityFacts) -> None:
        self.rules = rules
        self.facts = facts
        self.reasons: list[Reason] = []
        self.actions: list[Action] = []

    def cue(self, name: str) -> re.Match[str] | None:
        return self.rules.cues[name].search(self.facts.text, self.facts.present)

    def add(self, code: str, text_en: str, text_zh: str, found: re.Match[str] | None = None,
            actions: str | None = None) -> None:
        span = None
        if found is not None and found.end() <= self.facts.text_length:
            span = (found.start(), found.end())
        self.reasons.append(Reason(code, "priority", text_en, text_zh, span))
        for action in self.rules.actions.get(actions or "", ()):
            if action not in self.actions:
                self.actions.append(action)


def _p0(c: _Collector) -> None:
    facts = c.facts
    is_crime = NONE_LABEL not in facts.crime_types
    minor_cue = c.cue("minor")
    is_minor = (facts.victim_age is not None and facts.victim_age < 18) or minor_cue is not None
    sexual_cue = c.cue("sexual")
    if is_minor and ("sextortion" in facts.crime_types or facts.sexual_material or sexual_cue is not None):
        age = f" (victim age {facts.victim_age})" if facts.victim_age is not None else ""
        c.add("PRIO_CHILD_SEXUAL", f"a child may be involved in a sexual context{age}",
              "可能涉及未成年人的性相关案情", minor_cue, "child")
    self_harm = c.cue("self_harm")
    if self_harm is not None and not facts.framed_as_news_or_education:
        c.add("PRIO_SELF_HARM", "self-harm or suicide language", "出现自伤/自杀言语", self_harm, "self_harm")
    hours = _hours_since_payment(facts)
    if hours is not None and hours <= facts.freeze_window_hours:
        c.add("PRIO_FREEZE_WINDOW",
              f"money paid {hours:.1f} h before receipt, inside the {facts.freeze_window_hours:g} h freeze window",
              f"最后一笔付款距受理 {hours:.1f} 小时，仍在 {facts.freeze_window_hours:g} 小时止付窗口内",
              None, "freeze")
    if is_crime:
        violence = c.cue("imminent_violence")
        if violence is not None:
            c.add("PRIO_IMMINENT_VIOLENCE", "threat of imminent violence or a visit", "即时人身威胁/上门威胁",
                  violence, "violence")
        live = c.cue("live_coercion")
        if live is not None:
            c.add("PRIO_LIVE_COERCION", "the victim is being coerced live, on a call now",
                  "受害人正被实时操控（通话仍在进行）", live, "live")
        ongoing_payment = c.cue("payment_ongoing")
        if ongoing_payment is not None:
            c.add("PRIO_PAYMENT_ONGOING", "the victim is still paying", "受害人仍在被要求转账", ongoing_payment,
                  "freeze")


def _p1(c: _Collector) -> None:
    facts = c.facts
    deadline = c.cue("deadline")
    if deadline is not None:
        c.add("PRIO_DEADLINE", "a deadline is set", "对方设定了期限", deadline)
    ongoing = c.cue("ongoing")
    if ongoing is not None and EXTORTION_LABELS & set(facts.crime_types):
        c.add("PRIO_ONGOING", "extortion or collection is still going on", "勒索/催收仍在持续", ongoing)
    vulnerable = c.cue("vulnerable")
    age = facts.victim_age
    if vulnerable is not None or (age is not None and (age < 18 or age >= c.rules.elderly_age)):
        c.add("PRIO_VULNERABLE", "vulnerable victim (child, elderly, student, disabled)",
              "弱势受害人（未成年人、老人、学生、残障）", vulnerable)
    if facts.amount_lost is not None and facts.amount_lost >= c.rules.large_loss:
        c.add("PRIO_LARGE_LOSS", f"loss {facts.amount_lost:,.0f} at or above {c.rules.large_loss:,.0f}",
              f"损失 {facts.amount_lost:,.0f} 元，达到数额巨大起点 {c.rules.large_loss:,.0f} 元")


def assess_priority(facts: PriorityFacts, rules: PriorityRules | None = None
                    ) -> tuple[str, list[Reason], list[Action]]:
    """(priority, reasons, actions). Actions are only given for P0."""
    collector = _Collector(rules or default_priority_rules(), facts)
    _p0(collector)
    if collector.reasons:
        return "P0", collector.reasons, collector.actions
    if NONE_LABEL in facts.crime_types:
        return "P3", [Reason("PRIO_NOT_A_CRIME", "priority", "no crime label: information only",
                             "未识别出犯罪类型：仅作信息登记")], []
    _p1(collector)
    if collector.reasons:
        return "P1", collector.reasons, []
    return "P2", [Reason("PRIO_DEFAULT_CRIME", "priority", "crime report without urgency triggers",
                         "犯罪线索，无紧急触发条件")], []
