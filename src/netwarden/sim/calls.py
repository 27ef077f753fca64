"""calls.csv and contacts.csv: collection call centres, licensed reminders and ordinary calls.

A loan gang's collectors work each defaulted debtor from several rotating virtual numbers:
many calls a day, some at night, abusive SMS, then messages to the debtor's contacts (the
phone book the app uploaded, written to contacts.csv). A licensed lender sends an
occasional daytime reminder to the debtor alone. Rows are written per debtor case and per
day of ordinary traffic, each block in time order (as exports from several sources are).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from netwarden.sim.loans import Loan, LoanBook
from netwarden.sim.surface import write_phone
from netwarden.sim.world import DAY, HOUR, WORLD_DAYS, WORLD_START, Slot, World, iso
from netwarden.sim.writer import CsvWriter

ABUSE_ZH = (
    "你已逾期{n}天，今天18点前不结清将启动爆通讯录。",
    "不还我就天天打，打到你还为止。",
    "老赖，欠钱不还，全家都别想安宁。",
    "外访人员已经出发，今天去你单位。",
    "再不还就给你领导打电话，发到你们公司群。",
    "你的P图已经做好了，等着亲戚们欣赏吧。",
    "法院明天强制执行，拒不配合拘留15天。",
    "接电话！装死没用。",
)
ABUSE_EN = (
    "You are {n} days overdue. Pay by 6pm or all your contacts will be informed.",
    "We'll call every day until you pay.",
    "Pick up the phone, deadbeat.",
)
THIRD_PARTY = (
    "您好，您的朋友{name}在我司借款逾期，请转告其还款，否则作为联系人将承担连带责任。",
    "【曝光】{name}欠钱不还，是老赖，大家远离。",
    "{name}欠款不还，已列入失信名单，请督促其还款。",
    "你认识{name}吧？让他赶紧还钱，不然下一个就找你。",
)
REMINDER = (
    "您的账单已逾期{n}天，请于{date}前通过APP还款；如有异议请致电客服。",
    "【{app}】您本期账单{amount}元将于{date}到期，请按时还款。",
    "温馨提示：您的借款已到期，请登录APP查看还款计划。",
)
NAMES = (
    "妈妈",
    "爸爸",
    "老婆",
    "王老师",
    "李经理",
    "张伟",
    "刘洋",
    "陈静",
    "辅导员",
    "表哥",
    "小姨",
    "同事小王",
    "房东",
    "赵磊",
    "周敏",
    "老同学",
    "黄主任",
    "吴芳",
    "孙浩",
    "杨帆",
)


CALL_HEADER = ("record_id", "timestamp", "caller", "callee", "kind", "duration_s", "text")
CONTACT_HEADER = ("owner", "contact", "contact_name")
END = WORLD_START + WORLD_DAYS * DAY
ROWS_PER_CAMPAIGN = 230
Row = tuple[int, str, str, str, int, str]  # ts, caller, callee, kind, duration, text


@dataclass
class Caller:
    """Ground truth about one number that called or texted."""

    kind: str  # harassing | legit
    operation_id: str | None = None
    gang_id: str | None = None
    person_id: str | None = None
    lender: str | None = None
    debtors: set[str] = field(default_factory=set)
    contacts: set[str] = field(default_factory=set)


@dataclass
class CallLog:
    callers: dict[str, Caller] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def _local(day_start: int, hour: float) -> int:
    """A timestamp `hour` hours after local (UTC+8) midnight of the day containing day_start."""
    midnight = day_start - (day_start + 8 * HOUR) % DAY
    return midnight + int(hour * HOUR)


def _reminders(rng: random.Random, log: CallLog, loan: Loan, debtor: str, numbers: list[str]) -> list[Row]:
    rows: list[Row] = []
    t = loan.schedule[1][0]  # the instalment paid late
    for _ in range(rng.randint(1, 4)):
        t += int(rng.uniform(1, 5) * DAY)
        if t >= min(END, loan.payments[1][0]):
            break
        caller = rng.choice(numbers)
        log.callers[caller].debtors.add(debtor)
        ts = _local(t, rng.uniform(9.5, 17.5))
        if rng.random() < 0.5:
            rows.append((ts, caller, debtor, "call", rng.randint(20, 180), ""))
        else:
            text = rng.choice(REMINDER).format(
                n=rng.randint(1, 9), date="本月25日", app=loan.app, amount=loan.schedule[0][1]
            )
            rows.append((ts, caller, debtor, "sms", 0, text))
    return rows


def _harassment(
    rng: random.Random, log: CallLog, loan: Loan, debtor: str, slot: Slot, contacts: list[str]
) -> list[Row]:
    rows: list[Row] = []
    intensity = rng.uniform(0.4, 1.0)
    start = loan.schedule[0][0] + int(rng.uniform(0, 2) * DAY)
    for d in range(rng.randint(5, 25)):
        day0 = start + d * DAY
        if day0 >= END:
            break
        callers = [h.ident.partition(":")[2] for h in (slot.active(day0) or [slot.at(day0)])]
        for _ in range(int(rng.randint(6, 35) * intensity)):
            ts = _local(day0, rng.uniform(22, 31) if rng.random() < 0.2 else rng.uniform(7, 22))
            caller = rng.choice(callers)
            log.callers[caller].debtors.add(debtor)
            if rng.random() < 0.7:
                rows.append((ts, caller, debtor, "call", rng.choice((0, 0, 3, 8, 25, 60)), ""))
            else:
                bank = ABUSE_ZH if rng.random() < 0.9 else ABUSE_EN
                rows.append((ts, caller, debtor, "sms", 0, rng.choice(bank).format(n=d + 1)))
        if d >= 2 and rng.random() < 0.5:  # contact bombing
            for contact in rng.sample(contacts, min(len(contacts), rng.randint(3, 12))):
                caller = rng.choice(callers)
                log.callers[caller].contacts.add(contact)
                text = rng.choice(THIRD_PARTY).format(name=rng.choice(("张某", "你朋友", "王某某", "这个人")))
                kind = "sms" if rng.random() < 0.8 else "call"
                rows.append(
                    (
                        _local(day0, rng.uniform(8, 21)),
                        caller,
                        contact,
                        kind,
                        0 if kind == "sms" else 15,
                        text if kind == "sms" else "",
                    )
                )
    return rows


def _ordinary(rng: random.Random, people: list[str], n: int) -> list[Row]:
    rows: list[Row] = []
    for _ in range(n):
        a, b = rng.sample(people, 2)
        ts = WORLD_START + int(rng.uniform(0, WORLD_DAYS) * DAY)
        ts = _local(ts, rng.uniform(8, 23.5) if rng.random() < 0.95 else rng.uniform(23.5, 30))
        if rng.random() < 0.8:
            rows.append((ts, a, b, "call", int(rng.expovariate(1 / 120)) + 5, ""))
        else:
            rows.append(
                (ts, a, b, "sms", 0, rng.choice(("到了吗", "晚上一起吃饭？", "收到", "好的", "ok, see you", "明天见")))
            )
    return rows


def write(world: World, rng: random.Random, book: LoanBook, out_dir: Path) -> CallLog:
    """Stream calls.csv and contacts.csv; return the truth about every collecting number."""
    log = CallLog()
    people = [world.ids.phone() for _ in range(max(200, int(1500 * world.scale)))]
    series = {s.key: s for g in world.gangs for s in g.series}
    lenders: dict[str, list[str]] = {}
    # calls.csv is what investigators seized: every reported campaign plus a share of the others,
    # sized so the file grows linearly with the world (about 7 harassment rows per report).
    traps = [loan for _, loan in book.debtors if loan.kind == "trap"]
    reported = sum(loan.collection_reported for loan in traps)
    wanted = 7 * 2000 * world.scale / ROWS_PER_CAMPAIGN
    share = min(1.0, max(0.0, (wanted - reported) / max(1, len(traps) - reported)))
    n = 0
    written: dict[str, tuple[str, ...]] = {}

    def phone(number: str) -> str:
        """Each number has a few written forms in the records (as exports from different systems)."""
        forms = written.get(number)
        if forms is None:
            forms = written[number] = (number, number[3:], write_phone(rng, number))
        return forms[int(rng.random() * 3)]

    with (
        CsvWriter(out_dir / "calls.csv", CALL_HEADER) as calls,
        CsvWriter(out_dir / "contacts.csv", CONTACT_HEADER) as book_out,
    ):

        def emit(rows: list[Row]) -> None:
            nonlocal n
            for ts, caller, callee, kind, duration, text in sorted(rows):
                n += 1
                calls.write(
                    (f"K{n:09d}", iso(ts), phone(caller), phone(callee), kind, duration if kind == "call" else "", text)
                )

        for borrower, loan in book.debtors:
            debtor = borrower.partition(":")[2]
            if loan.kind == "trap" and loan.series_key:
                if not loan.collection_reported and rng.random() >= share:
                    continue
                slot = series[loan.series_key].slots["caller"]
                for h in slot.holdings:
                    log.callers.setdefault(
                        h.ident.partition(":")[2], Caller("harassing", loan.series_key, loan.gang_id, h.person_id)
                    )
                contacts = rng.sample(people, rng.randint(12, 40))
                for c in contacts:
                    book_out.write((phone(debtor), phone(c), rng.choice(NAMES)))
                emit(_harassment(rng, log, loan, debtor, slot, contacts))
            else:
                numbers = lenders.setdefault(loan.app, [world.ids.phone() for _ in range(2)])
                for number in numbers:
                    log.callers.setdefault(number, Caller("legit", lender=loan.app))
                emit(_reminders(rng, log, loan, debtor, numbers))
        ordinary_rows = int(3 * 2000 * world.scale)
        for done in range(0, ordinary_rows, 5000):
            emit(_ordinary(rng, people, min(5000, ordinary_rows - done)))
        log.counts = {"calls.csv": calls.count, "contacts.csv": book_out.count}
    return log
