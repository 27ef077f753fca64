"""Write the netwarden classification corpus (corpus/*.jsonl) from the project's own fragments.

Every fragment in corpus/fragments_*.py was written for netwarden. Texts are assembled from
interchangeable fragments (bait, recording, threat, payment, ...) in several styles: offender SMS,
first-person victim narratives, hotline transcripts, platform referrals and scam scripts, and are
deduplicated. The output is deterministic: `python corpus/generate.py` rewrites the same files.
corpus/handwritten.jsonl (whole texts written by hand) is not touched.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

from fragments_crime import CRIME_BANKS
from fragments_none import NONE_BANKS
from fragments_scripts import FRAUD_SCRIPTS_EN, FRAUD_SCRIPTS_ZH, NONE_CHAT_EN, NONE_NOTICES_ZH

OUT_DIR = Path(__file__).parent
SEED = 20260301
PER_LABEL = 210
# fraud and none cover the widest variety of real texts (scam scripts, every kind of notice)
COUNTS = {"fraud": 560, "none": 760}
SCRIPT_RECIPES = {
    ("fraud", "zh"): [["police_open", "police_accuse", "police_pressure", "police_demand"],
                      ["police_open", "police_accuse", "police_demand"],
                      ["cs_open", "cs_issue", "cs_solution", "cs_urgency"], ["cs_open", "cs_issue", "cs_solution"],
                      ["loan_open", "loan_hook", "loan_fee", "loan_close"], ["loan_open", "loan_fee"],
                      ["aq_open", "aq_pretext", "aq_request"], ["aq_open", "aq_request"],
                      ["kin_open", "kin_trouble", "kin_request", "kin_secret"],
                      ["kin_open", "kin_trouble", "kin_request"],
                      ["boss_open", "boss_pretext", "boss_request"],
                      ["order_open", "order_story", "order_twist", "order_close"],
                      ["imp_open", "imp_setup", "imp_ask", "imp_close"], ["imp_open", "imp_setup", "imp_close"],
                      ["imp_open", "imp_ask"]],
    ("fraud", "en"): [["open", "issue", "demand", "close"], ["open", "demand"]],
    ("none", "zh"): [["brand", "promo", "cta", "optout"], ["brand", "promo", "cta"], ["brand", "notice"],
                     ["brand", "promo", "optout"], ["brand", "agent", "agent_msg", "agent_close"],
                     ["agent", "agent_msg", "agent_close"]],
    ("none", "en"): [["greet", "body", "tail"], ["body", "tail"], ["body", "body"], ["notice"],
                     ["greet", "body", "body", "tail"]],
}
SCRIPT_BANKS = {("fraud", "zh"): FRAUD_SCRIPTS_ZH, ("fraud", "en"): FRAUD_SCRIPTS_EN, ("none", "zh"): NONE_NOTICES_ZH,
                ("none", "en"): NONE_CHAT_EN}

NAMES_ZH = ["小王", "李姐", "张先生", "陈女士", "刘老师", "赵经理", "孙同学", "周阿姨", "吴总", "郑师傅"]
NAMES_EN = ["Tom", "Sarah", "Mr Patel", "Jenny", "Mike", "Ms Okafor", "David", "Lucy", "Mr Chen", "Anna"]
APPS = ["快借宝", "闪电花", "米粒贷", "金多多", "速借侠", "Cashly", "QuickRupee", "LoanGo", "花花钱包", "有钱来"]
PLATFORMS_ZH = ["微信", "QQ", "抖音", "陌陌", "探探", "快手", "小红书", "微博", "贴吧"]
PLATFORMS_EN = ["Instagram", "Snapchat", "WhatsApp", "Telegram", "Facebook", "TikTok", "Discord", "Hinge"]
SHOPS = ["小李家居旗舰店", "阿强零食铺", "山茶花护肤店", "老张茶叶店", "优品母婴店", "星光数码"]
SHOPS_EN = ["our candle shop", "my Etsy store", "the family bakery", "our phone-case store", "my tea shop"]
COMPANIES = ["某医美机构", "一家连锁火锅店", "某制药公司", "本地一家加油站", "某教育培训机构", "一家新能源车企"]
COMPANIES_EN = ["a dental clinic chain", "our restaurant group", "a regional pharma firm", "a fintech start-up"]


def _slots(rng: random.Random) -> dict[str, str]:
    return {
        "amount": str(rng.choice([300, 500, 800, 1000, 1500, 2000, 3000, 5000, 8000, 12000, 20000, 50000])),
        "amount2": str(rng.choice([200, 600, 900, 1200, 2500, 4000])),
        "usd": str(rng.choice([150, 300, 500, 800, 1000, 2500])),
        "minutes": str(rng.choice([5, 10, 15, 20, 30])),
        "hours": str(rng.choice([2, 3, 6, 12, 24])),
        "days": str(rng.choice([3, 5, 7, 14])),
        "count": str(rng.choice([3, 5, 8, 20, 30, 50, 100])),
        "name": rng.choice(NAMES_ZH),
        "name_en": rng.choice(NAMES_EN),
        "app": rng.choice(APPS),
        "plat": rng.choice(PLATFORMS_ZH),
        "plat_en": rng.choice(PLATFORMS_EN),
        "shop": rng.choice(SHOPS),
        "shop_en": rng.choice(SHOPS_EN),
        "company": rng.choice(COMPANIES),
        "company_en": rng.choice(COMPANIES_EN),
        "age": str(rng.choice([13, 14, 15, 16, 17, 19, 22, 26, 31, 38, 45, 52])),
        "date": rng.choice(["3月2日", "5月18日", "上周五", "昨晚", "前天", "今天凌晨"]),
        "date_en": rng.choice(["last Friday", "yesterday", "on 3 March", "two days ago", "last night"]),
        "time": rng.choice(["18:00", "20:00", "今晚12点", "明天中午", "下午三点"]),
        "time_en": rng.choice(["6pm", "8pm", "midnight", "noon tomorrow", "3pm today"]),
        "city": rng.choice(["上海", "广州", "成都", "武汉", "西安", "杭州", "南京", "郑州", "长沙", "哈尔滨"]),
        "officer": rng.choice(["王", "李", "张", "刘", "陈", "杨", "黄", "赵"]),
        "officer_en": rng.choice(["Miller", "Johnson", "Brown", "Davis", "Wilson"]),
        "code": str(rng.randint(1000, 999999)),
        "shop_platform": rng.choice(["淘宝", "京东", "拼多多", "抖音商城", "快手小店", "唯品会"]),
        "courier": rng.choice(["顺丰", "中通", "圆通", "韵达", "申通"]),
        "lender": rng.choice(["平安普惠", "某某金融", "安心贷", "快易借", "诚信金服"]),
        "boss": rng.choice(["王总", "李局", "张处长", "刘校长", "陈主任", "老板"]),
        "surname": rng.choice(["王", "李", "张", "刘", "陈"]),
        "brand_short": rng.choice(["某某药房", "某某体检中心", "某某养生馆", "某某口腔"]),
        "class_name": rng.choice(["三年级二班", "初二（5）班", "高一3班", "六年级一班"]),
        "company_short": rng.choice(["区建筑公司", "市第一医院", "开发区管委会", "某物流公司"]),
    }


def _fill(template: str, slots: dict[str, str]) -> str:
    return template.format(**slots)


def _builders_for(banks: dict[str, dict[str, dict[str, list[str]]]]) -> list[tuple[str, list[str], str]]:
    """Flatten {lang: {style: fragments}} into (lang, steps, joiner) recipes."""
    recipes: list[tuple[str, list[str], str]] = []
    for lang, bank in banks.items():
        for recipe in bank.get("_recipes", []):
            recipes.append((lang, recipe, " " if lang == "en" else ""))
    return recipes


def _make_examples(label: str, spec: dict[str, object], rng: random.Random) -> list[dict[str, object]]:
    banks = spec["banks"]
    assert isinstance(banks, dict)
    recipes = _builders_for(banks)
    share = {"zh": 0.55, "en": 0.38, "mixed": 0.07}  # of the label's examples, before deduplication
    weights = [share[lang] / sum(1 for r in recipes if r[0] == lang) for lang, _, _ in recipes]
    extra_labels = spec.get("extra_labels", {})
    assert isinstance(extra_labels, dict)
    seen: set[str] = set()
    rows: list[dict[str, object]] = []
    attempts = 0
    wanted = COUNTS.get(label, PER_LABEL)
    while len(rows) < wanted and attempts < wanted * 40:
        attempts += 1
        lang, steps, joiner = rng.choices(recipes, weights=weights)[0]
        bank = banks[lang]
        parts = [rng.choice(bank[step]) for step in steps if bank.get(step)]
        text = _fill(joiner.join(parts), _slots(rng)).strip()
        if text in seen:
            continue
        seen.add(text)
        labels = [label]
        for step in steps:
            extra = extra_labels.get(step)
            if extra and extra not in labels:
                labels.append(extra)
        digest = hashlib.sha1(f"{label}:{text}".encode()).hexdigest()[:10]
        rows.append({"id": f"{label}-{digest}", "text": text, "labels": labels, "primary": label,
                     "lang": "zh" if lang == "zh" else ("en" if lang == "en" else "mixed")})
    return rows


def _with_scripts(label: str, spec: dict[str, object]) -> dict[str, object]:
    """Add the offender scripts / notices of fragments_scripts under prefixed step names."""
    banks = {lang: dict(bank) for lang, bank in spec["banks"].items()}  # type: ignore[attr-defined]
    for (script_label, lang), bank in SCRIPT_BANKS.items():
        if script_label != label:
            continue
        target = banks[lang]
        target.update({f"script_{step}": fragments for step, fragments in bank.items()})
        target["_recipes"] = list(target["_recipes"]) + [
            [f"script_{step}" for step in recipe] for recipe in SCRIPT_RECIPES[(label, lang)]]
    return {**spec, "banks": banks}


def main() -> None:
    rng = random.Random(SEED)
    all_specs = {**CRIME_BANKS, **NONE_BANKS}
    for label, spec in all_specs.items():
        rows = _make_examples(label, _with_scripts(label, spec), rng)
        path = OUT_DIR / f"{label}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{label}: {len(rows)} examples -> {path.name}")


if __name__ == "__main__":
    main()
