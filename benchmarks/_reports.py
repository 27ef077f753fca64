"""Synthetic report files for the benchmarks: ~300 characters of mixed Chinese/English text each."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

ZH = ["对方自称贷款平台客服，说我的征信有问题需要转账验证。",
      "他加我微信后诱导我视频聊天，随后威胁把录像发给我的亲友。",
      "催收人员每天晚上给我打几十个电话，还给我通讯录里的同事发消息。",
      "借款三千元，到手只有两千一，七天后要还三千。",
      "有人在网上发帖说我们店卖假货，然后私信要五千元才肯删帖。",
      "我在一个刷单群里做任务，先返了几十元，后来垫付了八千元。",
      "对方冒充公安说我涉嫌洗钱，要求把钱转到安全账户。", "我已经转账了，对方又要更多的钱，我很害怕。"]
EN = ["The caller said he was from the bank's fraud team and asked me to move my savings.",
      "After a video chat they threatened to send the recording to my family unless I paid.",
      "The loan app took a big service fee upfront and the debt collectors now message my contacts.",
      "Someone posted fake reviews about our shop and then offered to delete them for money."]


def report_text(rng: random.Random, target: int = 300) -> str:
    parts: list[str] = []
    while sum(len(p) for p in parts) < target:
        parts.append(rng.choice(ZH) if rng.random() < 0.7 else rng.choice(EN))
        if rng.random() < 0.3:
            parts.append(f"对方手机号1{rng.randint(3, 9)}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}。")
    return "".join(parts)[: target + 40]


def write_reports(path: Path, count: int, *, seed: int = 7) -> Path:
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            received = start + timedelta(minutes=i * 3 + rng.randint(0, 2))
            row = {"report_id": f"B-{i:07d}", "received_at": received.isoformat(), "channel": rng.choice(
                ["web", "hotline", "app", "platform", "referral"]), "text": report_text(rng),
                "victim": {"age": rng.randint(14, 80), "region": rng.choice(["320100", "440300", "110101"])},
                "amount_lost": rng.randint(100, 50000)}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path
