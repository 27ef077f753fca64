"""Extraction throughput on generated mixed Chinese / English report text (run on demand).

    .venv/bin/python benchmarks/bench_extract.py [--reports 20000] [--seed 7]

Builds reports of about 300 characters from narrative sentences with one to three identifiers
and the usual noise (amounts, dates, order numbers, codes), then times `extract` on each report
in one process and prints MB/s (UTF-8 bytes) and reports/s, by CPU time (the figure per core,
least disturbed by other load on the machine) and by wall time, best and median of --repeat
passes over fresh reports.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from stdnum import luhn

from netwarden.core.identifiers import extract

ZH_SENTENCES = [
    "我在网上认识了一个自称客服的人，他说我的账户异常需要配合处理。",
    "对方一直催我还款，说不还就把照片发给我通讯录里的人。",
    "昨天晚上{date}收到一条短信，说我中奖了，让我先交手续费{amount}元。",
    "借款{amount}元，到手只有一半，七天后要还全款，逾期每天罚息。",
    "订单号{order}的快递显示丢失，客服让我加微信理赔。",
    "验证码{code}我没有告诉别人，但是钱还是被转走了。",
    "他们在群里发我的信息，我很害怕，不知道该怎么办。",
    "我已经报警了，希望警察同志尽快处理，谢谢。",
]
EN_SENTENCES = [
    "I met someone online who said she liked me, then she recorded our video call.",
    "They demanded {amount} dollars by {date} or they would send it to my family.",
    "The caller said he was from the bank and my account was frozen.",
    "My order {order} never arrived and the seller stopped replying.",
    "I was told to install an app to get a loan, it read all my contacts.",
]
IDENTIFIER_SENTENCES = [
    "对方电话{phone}，",
    "骗子的微信号：{wechat}，",
    "让我转到卡号{card}，",
    "他的QQ {qq} 一直发消息，",
    "网址是 {url} ，",
    "收款支付宝 {phone}，",
    "they called from +86 {phone_spaced} twice. ",
    "send BTC to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa now. ",
    "ETH wallet 0x{eth} is theirs. ",
    "下载《{app}》APP后通讯录被读取，",
    "email me at {email} please. ",
]


def _card(rng: random.Random) -> str:
    partial = "6222" + "".join(rng.choice("0123456789") for _ in range(14))
    return partial + luhn.calc_check_digit(partial)


def _report(rng: random.Random) -> str:
    phone = "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
    values = {
        "phone": phone,
        "phone_spaced": f"{phone[:3]} {phone[3:7]} {phone[7:]}",
        "wechat": "wx_" + "".join(rng.choice("abcdefghjk0123456789") for _ in range(8)),
        "card": _card(rng),
        "qq": str(rng.randint(10_000_000, 3_999_999_999)),
        "url": f"www.{rng.choice(['kjb', 'fast', 'cash'])}-loan{rng.randint(1, 99)}.com/reg?i={rng.randint(1, 99)}",
        "eth": "".join(rng.choice("0123456789abcdef") for _ in range(40)),
        "app": rng.choice(["快借宝", "秒借花", "私密屋", "钱多多"]),
        "email": f"user{rng.randint(1, 9999)}@example.com",
        "amount": str(rng.choice([500, 1380, 3000, 20000])),
        "date": f"2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 2{rng.randint(0, 3)}:{rng.randint(10, 59)}",
        "order": "".join(rng.choice("0123456789") for _ in range(18)),
        "code": str(rng.randint(100000, 999999)),
    }
    parts: list[str] = []
    while sum(len(part) for part in parts) < 260:
        pool = ZH_SENTENCES if rng.random() < 0.65 else EN_SENTENCES
        parts.append(rng.choice(pool))
    for _ in range(rng.randint(1, 3)):
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(IDENTIFIER_SENTENCES))
    return "".join(parts).format(**values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    extract("www.example.com/x 13800138000 a@example.com")  # load the suffix list and metadata
    cpu_times, wall_times, size, chars, count, found = [], [], 0, 0, 0, 0
    for repeat in range(args.repeat):
        # Fresh reports each pass, so caches of parsed numbers do not flatter later passes.
        rng = random.Random(args.seed + repeat)
        reports = [_report(rng) for _ in range(args.reports)]
        size = sum(len(report.encode("utf-8")) for report in reports)
        chars, count = sum(len(report) for report in reports), len(reports)
        cpu, wall = time.process_time(), time.perf_counter()
        found = sum(len(extract(report)) for report in reports)
        cpu_times.append(time.process_time() - cpu)
        wall_times.append(time.perf_counter() - wall)
    print(f"{count} reports a pass, {chars / count:.0f} chars each, {size / 1e6:.2f} MB UTF-8, {found} identifiers")
    for label, times in (("CPU time", cpu_times), ("wall time", wall_times)):
        best, median = min(times), statistics.median(times)
        print(
            f"{label}: best {size / 1e6 / best:.2f} MB/s ({count / best:,.0f} reports/s), "
            f"median {size / 1e6 / median:.2f} MB/s over {args.repeat} passes, one core"
        )


if __name__ == "__main__":
    main()
