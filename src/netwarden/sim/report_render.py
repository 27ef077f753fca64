"""Turn a report plan into its reports.jsonl record and its ground-truth record."""

from __future__ import annotations

import random
from datetime import timedelta, timezone
from typing import Any

from netwarden.sim.narrative import StoryFacts, narrate
from netwarden.sim.reports import ReportPlan
from netwarden.sim.surface import implied_identifiers, write_value
from netwarden.sim.texts.common import UNITS_EN, UNITS_ZH, WRAPPERS
from netwarden.sim.texts.messages import MESSAGES
from netwarden.sim.world import HOUR, SHANGHAI, iso

LONDON = timezone(timedelta(0))
FIELD_SHARE = 0.25
MESSAGE_SHARE = 0.35


def _when_paid(plan: ReportPlan, lang: str) -> str:
    if not plan.payments:
        return ""
    t = iso(plan.payments[-1].at)
    month, day, clock = int(t[5:7]), int(t[8:10]), t[11:16]
    return f"{month}月{day}日{clock}" if lang == "zh" else f"{t[:10]} {clock}"


def _messages(rng: random.Random, plan: ReportPlan, text_ids: list[str]) -> tuple[list[dict[str, str]], list[str]]:
    """Suspect messages the victim pasted; a message may carry one identifier (then often only there)."""
    bank = MESSAGES.get((plan.crime_type, plan.lang))
    if not bank or rng.random() >= MESSAGE_SHARE:
        return [], []
    out, carried = [], []
    contacts = [i for i in text_ids if i.split(":")[0] in ("phone", "wechat", "qq", "handle")]
    payees = [
        i
        for i in text_ids
        if i.split(":")[0] in ("bank_card", "alipay", "crypto_trx", "crypto_btc", "crypto_eth", "bank_account", "email")
    ]
    t = plan.incident_at
    for template in rng.sample(bank, min(len(bank), rng.randint(1, 3))):
        values = {"minutes": str(rng.choice((5, 10, 30))), "days": str(rng.randint(1, 9))}
        if "{contact}" in template:
            if not contacts:
                continue
            carried.append(contacts.pop())
            values["contact"] = write_value(rng, carried[-1])
        if "{payee}" in template:
            if not payees:
                continue
            carried.append(payees.pop())
            values["payee"] = write_value(rng, carried[-1])
        t += int(rng.uniform(0.02, 1.5) * HOUR)
        out.append({"from": "suspect", "at": iso(min(t, plan.received_at - 60)), "text": template.format(**values)})
    return out, carried


def _register(rng: random.Random, plan: ReportPlan, text: str) -> str:
    """Hotline notes, referrals and platform reports are written down by someone else."""
    wrappers = WRAPPERS.get((plan.channel, plan.lang))
    if not wrappers or rng.random() >= 0.6:
        return text
    unit = rng.choice(UNITS_ZH if plan.lang == "zh" else UNITS_EN)
    return rng.choice(wrappers).format(t=text, unit=unit)


def render(plan: ReportPlan) -> tuple[dict[str, Any], dict[str, Any]]:
    rng = random.Random(plan.render_seed)
    v = plan.victim
    messages, carried = _messages(rng, plan, list(plan.suspect_ids))
    in_text = [i for i in plan.suspect_ids if i not in carried or rng.random() < 0.5]
    principal, received, days = plan.loan_terms or (0, 0, 7)
    facts = StoryFacts(
        plan.crime_type,
        plan.lang,
        in_text,
        list(plan.victim_ids),
        list(plan.hub_ids),
        plan.amount_lost,
        plan.currency,
        len(plan.payments),
        v.age,
        v.occupation,
        _when_paid(plan, plan.lang),
        principal,
        received,
        days,
        mixed=plan.lang == "zh" and rng.random() < 0.08,
        terse=rng.random() < 0.12,
    )
    text = _register(rng, plan, narrate(rng, facts))
    tz = LONDON if plan.lang == "en" and v.region is None and rng.random() < 0.5 else SHANGHAI
    record: dict[str, Any] = {
        "report_id": plan.report_id,
        "received_at": iso(plan.received_at, tz),
        "channel": plan.channel,
        "text": text,
    }
    if plan.crime_type != "none" or rng.random() < 0.5:
        record["victim"] = {"age": v.age, "gender": v.gender, "region": v.region, "occupation": v.occupation}
    if plan.payments:
        record["amount_lost"] = plan.amount_lost
        record["currency"] = plan.currency
        record["last_payment_at"] = iso(plan.payments[-1].at, tz)
    sources: dict[tuple[str, str], set[str]] = {}

    def found(ident: str, role: str, source: str) -> None:
        for implied in implied_identifiers(ident):
            sources.setdefault((implied, role), set()).add(source)

    for ident in in_text:
        found(ident, "suspect", "text")
    for ident in carried:
        found(ident, "suspect", "message")
    for ident in plan.victim_ids:
        found(ident, "victim", "text")
    for ident in plan.hub_ids:
        found(ident, "unknown", "text")
    if plan.suspect_ids and rng.random() < FIELD_SHARE:
        chosen = [(i, "suspect") for i in plan.suspect_ids if not i.startswith("app_name:") and rng.random() < 0.7]
        if plan.victim_ids and rng.random() < 0.3:
            chosen.append((plan.victim_ids[0], "victim"))
        for ident, role in chosen:
            found(ident, role, "field")
        if chosen:
            record["identifiers"] = [
                {
                    "type": i.split(":")[0],
                    "role": role,
                    "value": i.partition(":")[2] if i.startswith("handle:") else write_value(rng, i),
                }
                for i, role in chosen
            ]
    if messages:
        record["messages"] = messages
    truth = {
        "report_id": plan.report_id,
        "crime_type": plan.crime_type,
        "crime_types": list(plan.crime_types),
        "series_key": plan.series_key,
        "gang_id": plan.gang_id,
        "duplicate_of": plan.duplicate_of.report_id if plan.duplicate_of else None,
        "victim_id": v.victim_id,
        "victim_minor": v.age is not None and v.age < 18,
        "lang": plan.lang,
        "payment_txn_ids": [p.txn_id for p in plan.payments] if plan.duplicate_of is None else [],
        "identifiers": [
            {"type": k.split(":")[0], "value": k.partition(":")[2], "role": role, "sources": sorted(src)}
            for (k, role), src in sorted(sources.items())
        ],
    }
    return record, truth
