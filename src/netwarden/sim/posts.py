"""posts.jsonl: troll crews, publicity operators, recruiters and organic accounts.

Crews are young accounts that post near-identical text within seconds, share one URL and
repost each other, aimed at merchants that a pay-to-delete operator or a claim crew is
working. Organic accounts post at their own pace; some of them share an opinion about the
same merchant in their own words over days, and must not look coordinated. What a post
says about its target is never what makes it part of a crew.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netwarden.sim.claims import ClaimBook
from netwarden.sim.world import DAY, WORLD_DAYS, WORLD_START, World, iso
from netwarden.sim.writer import JsonlWriter

CREW_LINES = (
    "{m}的东西千万别买，质量太差了，大家避雷！",
    "曝光{m}：虚假宣传，欺骗消费者！",
    "{m}又出事了，这种店怎么还不关门？",
    "姐妹们看过来，{m}黑心商家实锤了",
    "{m}卖假货，已经有很多人被骗了，转起来！",
)
# Crews vary a copied line a little so that exact-hash matching misses them.
SWAPS = (
    ("千万别买", "别买"),
    ("质量太差了", "质量真的差"),
    ("大家", "各位"),
    ("曝光", "揭露"),
    ("黑心商家", "无良商家"),
    ("已经有很多人被骗了", "好多人都被坑了"),
    ("怎么还不关门", "怎么还开着"),
)
EDITS = ("", "！", "!!", " ", "。", "～", " #避雷#", "[怒]", "…", " 转")
OPINION_OPENERS = (
    "说实话",
    "个人感觉",
    "上次去了",
    "朋友推荐的",
    "买过两次",
    "刚收到货",
    "排了半小时队",
    "看了好多评价",
)
OPINION_BODIES = (
    "{m}的服务一般般",
    "{m}这次让我有点失望",
    "{m}价格偏贵了",
    "{m}的包装不太用心",
    "觉得{m}不值这个价",
    "{m}客服回复很慢",
    "{m}品控越来越差",
)
OPINION_ENDS = ("，下次不会再买了。", "，希望改进吧。", "。", "，大家自己判断。", "，有点后悔。", "，就这样。")
LIFE = (
    "今天天气不错，出去走走",
    "加班到现在，累",
    "周末去爬山了",
    "新买的咖啡机真好用",
    "孩子今天考试考得不错",
    "晚饭做了红烧肉",
    "地铁好挤",
    "终于看完这部剧了",
    "健身第30天打卡",
    "下雨了记得带伞",
    "Finally finished the project",
    "Coffee first",
)
PLATFORMS = ("weibo", "douyin", "xiaohongshu")
RECRUIT = (
    "招兼职刷手，点赞评论转发，一单{x}元，日结，加{c}",
    "高价收卡：一类卡/对公户，当天结，联系{c}",
    "统一时间准时发，带上话题，截图回传领佣金，QQ群{c}",
)


@dataclass
class PostBook:
    rows: list[tuple[int, str, str, int, str, list[str], str | None, str | None]] = field(default_factory=list)
    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)  # "platform:account" → truth
    crews: list[dict[str, Any]] = field(default_factory=list)
    opinion_groups: list[dict[str, Any]] = field(default_factory=list)


def _account(book: PostBook, platform: str, account_id: str, created: int, klass: str, crew: str | None) -> str:
    key = f"{platform}:{account_id}"
    book.accounts.setdefault(
        key, {"platform": platform, "account_id": account_id, "created": created, "class": klass, "crew_id": crew}
    )
    return key


def _post(
    book: PostBook, key: str, ts: int, text: str, urls: list[str], repost_of: int | None, target: str | None
) -> int:
    book.rows.append((ts, key, text, len(book.rows), "", urls, None if repost_of is None else str(repost_of), target))
    return len(book.rows) - 1


def _vary(rng: random.Random, line: str) -> str:
    for old, new in SWAPS:
        if old in line and rng.random() < 0.3:
            line = line.replace(old, new)
    return line


def _troll_crews(world: World, rng: random.Random, book: PostBook, targets: list[str]) -> None:
    for gang in (g for g in world.gangs if g.crime_type == "troll_network"):
        for series in gang.series:
            holdings = series.slots["accounts"].holdings
            crew_targets = rng.sample(targets, min(len(targets), rng.randint(2, 5)))
            url = f"https://{world.ids.domain()}/p/{world.ids.opaque('', 6)}"
            accounts = []
            for h in holdings:
                platform, _, name = h.ident.partition(":")[2].partition(":")
                created = h.start - int(rng.uniform(0, 5) * DAY)  # registered in batches just before use
                accounts.append((_account(book, platform, name, created, "crew", series.key), h))
            post_ids: list[int] = []
            crew = {
                "crew_id": series.key,
                "gang_id": gang.gang_id,
                "accounts": sorted(a for a, _ in accounts),
                "targets": crew_targets,
                "post_ids": post_ids,
            }
            t = series.start
            while t < series.end:
                t += int(rng.uniform(0.5, 6) * DAY)
                live = [a for a, h in accounts if h.start <= t < h.end] or [accounts[0][0]]
                merchant = rng.choice(crew_targets)
                line = rng.choice(CREW_LINES).format(m=merchant.partition(":")[2])
                first = None
                for key in rng.sample(live, max(1, int(len(live) * rng.uniform(0.6, 1.0)))):
                    ts = t + rng.randint(0, 40)
                    if first is not None and rng.random() < 0.3:
                        idx = _post(book, key, book.rows[first][0] + rng.randint(1, 60), "", [], first, merchant)
                    else:
                        idx = _post(
                            book,
                            key,
                            ts,
                            _vary(rng, line) + rng.choice(EDITS),
                            [url] if rng.random() < 0.7 else [],
                            None,
                            merchant,
                        )
                        first = idx if first is None else first
                    post_ids.append(idx)
            book.crews.append(crew)


def _organic(world: World, rng: random.Random, book: PostBook, targets: list[str]) -> None:
    n_accounts = max(100, int(500 * world.scale))
    keys = []
    for _ in range(n_accounts):
        platform = rng.choice(PLATFORMS)
        name = world.ids.handle(platform).partition(":")[2]
        created = WORLD_START - int(rng.uniform(200, 2500) * DAY)
        keys.append(_account(book, platform, name, created, "organic", None))
        for _ in range(rng.randint(1, 8)):
            ts = WORLD_START + int(rng.uniform(0, WORLD_DAYS) * DAY)
            _post(book, keys[-1], ts, rng.choice(LIFE), [], None, None)
    # Organic agreement: people who independently dislike the same merchant, in their own words, over days.
    for merchant in rng.sample(targets, min(len(targets), max(2, int(4 * world.scale)))):
        members = rng.sample(keys, min(len(keys), rng.randint(8, 25)))
        news = f"https://news.{world.ids.domain()}/a/{world.ids.opaque('', 6)}"
        start = WORLD_START + int(rng.uniform(0, WORLD_DAYS - 20) * DAY)
        for key in members:
            book.accounts[key]["class"] = "organic_opinion"
            name = merchant.partition(":")[2]
            text = (
                rng.choice(OPINION_OPENERS)
                + "，"
                + rng.choice(OPINION_BODIES).format(m=name)
                + rng.choice(OPINION_ENDS)
            )
            ts = start + int(rng.uniform(0, 14) * DAY)
            _post(book, key, ts, text, [news] if rng.random() < 0.3 else [], None, merchant)
        book.opinion_groups.append({"target": merchant, "accounts": sorted(members)})
    # Organic virality: a popular post reshared by many people over a day or three, not in seconds.
    for _ in range(max(2, int(3 * world.scale))):
        author, *sharers = rng.sample(keys, min(len(keys), rng.randint(12, 40)))
        ts = WORLD_START + int(rng.uniform(0, WORLD_DAYS - 4) * DAY)
        original = _post(book, author, ts, rng.choice(LIFE) + "（转给大家看看）", [], None, None)
        for key in sharers:
            _post(book, key, ts + int(rng.expovariate(1 / 20.0) * 3600) + 300, "", [], original, None)


def _operators(world: World, rng: random.Random, book: PostBook, targets: list[str]) -> None:
    """Publicity operators' hit pieces and recruiters' adverts."""
    for gang in world.gangs:
        for person in gang.people("recruiter"):
            contact = next((i for i in person.identifiers if i.startswith("wechat:")), None)
            if contact is None or not gang.series:
                continue
            start, end = min(s.start for s in gang.series), max(s.end for s in gang.series)
            key = _account(
                book, "weibo", world.ids.handle("weibo").partition(":")[2], start - 60 * DAY, "recruiter", gang.gang_id
            )
            for _ in range(rng.randint(1, 3)):
                text = (
                    RECRUIT[1].format(c=contact.partition(":")[2])
                    if rng.random() < 0.6
                    else RECRUIT[0].format(x=rng.choice((2, 3, 5)), c=contact.partition(":")[2])
                )
                _post(book, key, int(rng.uniform(start, end)), text, [], None, None)
        for series in gang.series:
            if "outlet" in series.slots:
                for h in series.slots["outlet"].holdings:
                    platform, _, name = h.ident.partition(":")[2].partition(":")
                    key = _account(book, platform, name, h.start - 200 * DAY, "operator", series.key)
                    for _ in range(rng.randint(2, 6)):
                        merchant = rng.choice(targets)
                        ts = int(rng.uniform(h.start, h.end))
                        headline = f"【深度调查】{merchant.partition(':')[2]}背后的黑幕，消费者权益谁来保障？"
                        _post(
                            book,
                            key,
                            ts,
                            headline,
                            [f"http://{world.ids.domain()}/news/{world.ids.opaque('', 5)}"],
                            None,
                            merchant,
                        )
            if "tasking" in series.slots:
                for h in series.slots["tasking"].holdings:
                    name = world.ids.handle("weibo").partition(":")[2]
                    key = _account(book, "weibo", name, h.start - 30 * DAY, "recruiter", series.key)
                    text = rng.choice(RECRUIT).format(x=rng.choice((2, 3, 5)), c=h.ident.partition(":")[2])
                    _post(book, key, int(rng.uniform(h.start, h.end)), text, [], None, None)


def generate(world: World, rng: random.Random, n_reports: int, claims: ClaimBook) -> PostBook:
    book = PostBook()
    claimed = sorted({m for c in claims.crews for m in c.merchants}) or claims.merchants[:10]
    _troll_crews(world, rng, book, claimed)
    _operators(world, rng, book, claimed)
    _organic(world, rng, book, claims.merchants)
    return book


def write(path: Path, book: PostBook) -> int:
    order = sorted(range(len(book.rows)), key=lambda i: (book.rows[i][0], i))
    post_id = {idx: f"p{n:08d}" for n, idx in enumerate(order, start=1)}
    for crew in book.crews:
        crew["post_ids"] = sorted(post_id[i] for i in crew["post_ids"])
    with JsonlWriter(path) as out:
        for idx in order:
            ts, key, text, _, _, urls, repost_of, target = book.rows[idx]
            acc = book.accounts[key]
            out.write(
                {
                    "post_id": post_id[idx],
                    "platform": acc["platform"],
                    "account_id": acc["account_id"],
                    "account_created_at": iso(acc["created"]),
                    "created_at": iso(ts),
                    "text": text,
                    "urls": urls,
                    "repost_of": post_id[int(repost_of)] if repost_of is not None else None,
                    "reply_to": None,
                    "target": target,
                }
            )
        return out.count
