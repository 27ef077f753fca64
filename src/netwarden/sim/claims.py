"""complaints.jsonl: serial-claimant crews and honest complaints against merchants.

A crew's claimants write their names in several ways (张伟 / 张 伟 / zhang wei), share
phones, a parcel-point address and payout accounts, and file the same few template
complaints against many merchants, demanding far more than the purchase cost and
threatening regulators or exposure. Honest complainants file once, about one purchase.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netwarden.sim.surface import write_phone
from netwarden.sim.world import DAY, WORLD_DAYS, WORLD_START, World, iso
from netwarden.sim.writer import JsonlWriter

SURNAMES = (
    ("张", "zhang"),
    ("王", "wang"),
    ("李", "li"),
    ("刘", "liu"),
    ("陈", "chen"),
    ("杨", "yang"),
    ("赵", "zhao"),
    ("黄", "huang"),
    ("周", "zhou"),
    ("吴", "wu"),
    ("徐", "xu"),
    ("孙", "sun"),
)
GIVEN = (
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("磊", "lei"),
    ("强", "qiang"),
    ("洋", "yang"),
    ("勇", "yong"),
    ("杰", "jie"),
    ("涛", "tao"),
    ("明", "ming"),
    ("晓东", "xiaodong"),
    ("丽华", "lihua"),
)
PRODUCTS = (
    "坚果礼盒",
    "蜂蜜",
    "面膜",
    "婴儿湿巾",
    "保温杯",
    "茶叶",
    "牛肉干",
    "蓝牙耳机",
    "洗发水",
    "猫粮",
    "充电宝",
    "月饼",
)
STREETS = ("南山区科技路", "天河区中山大道", "西湖区文三路", "武侯区人民南路", "江宁区双龙大道", "雁塔区小寨路")
CREW_TEMPLATES = (
    "你家{product}详情页写着“全网第一”“最好”，违反广告法，我已截图公证。按消法55条退一赔三，不足五百按五百，否则直接向12315和市场监管局举报。",
    "购买的{product}没有品牌授权和3C认证，属于违法销售。要求赔偿{demand}元，不处理就投诉到平台并全网曝光。",
    "{product}里吃出异物（已拍照），按食品安全法148条退一赔十，不足一千按一千。给个私了价，不然我们一起差评。",
    "这是我购买的第{n}件{product}，每件都存在宣传用语违规问题，请逐件赔偿，否则发律师函并举报。",
    "贵店{product}标注“国家级”“顶级”，涉嫌虚假宣传。限24小时内赔付{demand}元，逾期向市场监管部门举报。",
)
HONEST_TEMPLATES = (
    "买的{product}收到时包装破了，里面有漏出来，希望能换货或者退款。",
    "{product}和图片颜色差别很大，申请退货，商家不同意。",
    "{product}用了两天就坏了，联系客服一直没人回复，希望平台介入。",
    "下单一周了{product}还没发货，想取消订单退款。",
    "收到的{product}数量少了一件，请补发。",
    "The {product} arrived damaged, I would like a refund please.",
    # honest people quote the law too, once, without threats (a DOMAIN.md hard negative)
    "{product}过了保质期还在卖，按消费者权益保护法我要求退货退款，请商家处理。",
    "买到的{product}是坏的，查了一下按规定可以退一赔三，我只希望先退款。",
)


@dataclass
class Claimant:
    key: str
    person_id: str | None
    names: list[str]
    phones: list[str]
    accounts: list[str]
    address: str


@dataclass
class Crew:
    crew_id: str
    gang_id: str
    claimants: list[Claimant]
    complaint_ids: list[str] = field(default_factory=list)
    merchants: set[str] = field(default_factory=set)


@dataclass
class ClaimBook:
    crews: list[Crew] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    crew_of: dict[str, str | None] = field(default_factory=dict)  # complaint id → crew id
    merchants: list[str] = field(default_factory=list)


def name_variants(rng: random.Random) -> list[str]:
    (s, sp), (g, gp) = rng.choice(SURNAMES), rng.choice(GIVEN)
    return [
        f"{s}{g}",
        f"{s} {g}",
        f"{sp} {gp}",
        f"{sp.title()} {gp.title()}",
        f"{sp.upper()} {gp.upper()}",
        f"{s}{g[0]}",
    ][: rng.randint(3, 6)]


def _merchants(world: World, rng: random.Random, n: int) -> list[str]:
    return [f"merchant:{world.ids.opaque(rng.choice(('shop-', 'store-', 'flagship-')), 5)}" for _ in range(n)]


def generate(world: World, rng: random.Random, n_reports: int) -> ClaimBook:
    book = ClaimBook(merchants=_merchants(world, rng, max(60, n_reports // 4)))
    for gang in (g for g in world.gangs if g.crime_type == "malicious_claim"):
        crew = Crew(gang.gang_id, gang.gang_id, [])
        shared_address = f"{rng.choice(STREETS)}{rng.randint(1, 300)}号{rng.choice(('菜鸟驿站', '快递驿站', '丰巢柜'))}"
        for person in gang.people("core"):
            phones = [i.partition(":")[2] for i in person.identifiers if i.startswith("phone:")]
            accounts = [i for i in person.identifiers if i.startswith(("alipay:", "bank_card:"))]
            phones = phones or [world.ids.phone()]
            accounts = accounts or ["alipay:" + world.ids.email()]
            crew.claimants.append(
                Claimant(person.person_id, person.person_id, name_variants(rng), phones, accounts, shared_address)
            )
        templates = rng.sample(CREW_TEMPLATES, 2)
        targets = rng.sample(book.merchants, min(len(book.merchants), rng.randint(15, 45)))
        for _ in range(rng.randint(30, 90)):
            c = rng.choice(crew.claimants)
            merchant = rng.choice(targets)
            price = rng.choice((19.9, 29.9, 39, 59, 88, 128))
            product = rng.choice(PRODUCTS)
            text = rng.choice(templates).format(
                product=product, demand=rng.choice((500, 1000, 2000, 3000)), n=rng.randint(5, 30)
            )
            phone = rng.choice(crew.claimants).phones[0] if rng.random() < 0.2 else rng.choice(c.phones)
            _add(
                book,
                world,
                rng,
                merchant,
                rng.choice(c.names),
                phone,
                rng.choice(c.accounts),
                c.address if rng.random() < 0.8 else c.address.replace("号", " 号"),
                text,
                max(500.0, price * rng.choice((3, 10, 20))),
                crew,
            )
            crew.merchants.add(merchant)
        book.crews.append(crew)
    for _ in range(max(40, int(300 * world.scale))):
        (s, _), (g, _) = rng.choice(SURNAMES), rng.choice(GIVEN)
        text = rng.choice(HONEST_TEMPLATES).format(product=rng.choice(PRODUCTS))
        price = rng.choice((19.9, 29.9, 59, 99, 199, 399, 899, 1599))
        _add(
            book,
            world,
            rng,
            rng.choice(book.merchants),
            s + g,
            world.ids.phone(),
            "alipay:" + world.ids.email(),
            f"{rng.choice(STREETS)}{rng.randint(1, 300)}号{rng.randint(1, 30)}栋",
            text,
            price,
            None,
        )
    book.records.sort(key=lambda r: (r["filed_at"], r["complaint_id"]))
    return book


def _add(
    book: ClaimBook,
    world: World,
    rng: random.Random,
    merchant: str,
    name: str,
    phone: str,
    account: str,
    address: str,
    text: str,
    claimed: float,
    crew: Crew | None,
) -> None:
    complaint_id = world.next_id("C", 7)
    filed = WORLD_START + int(rng.uniform(0, WORLD_DAYS) * DAY)
    book.records.append(
        {
            "complaint_id": complaint_id,
            "filed_at": iso(filed),
            "merchant": merchant,
            "claimant": {"name": name, "phone": write_phone(rng, phone), "account": account, "address": address},
            "channel": rng.choice(("platform", "platform", "12315", "phone", "email")),
            "text": text,
            "amount_claimed": round(claimed, 2),
        }
    )
    book.crew_of[complaint_id] = crew.crew_id if crew else None
    if crew:
        crew.complaint_ids.append(complaint_id)


def write(path: Path, book: ClaimBook) -> int:
    with JsonlWriter(path) as out:
        for rec in book.records:
            out.write(rec)
        return out.count
