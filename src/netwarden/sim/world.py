"""The simulated world's shared state: clock, random streams, people, gangs and their series.

Everything that later files are written from lives here as plain data, so each generator
module (reports, money, loans, calls, claims, posts) reads the same world and the ground
truth is simply a view of it.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

from netwarden.sim.ids import IdentifierFactory

SHANGHAI = timezone(timedelta(hours=8))
# The campaign window every generator draws times from (epoch seconds, UTC).
WORLD_START = int(datetime(2026, 1, 1, tzinfo=SHANGHAI).timestamp())
WORLD_DAYS = 180
DAY = 86400
HOUR = 3600

REGIONS = (
    "110101",
    "110105",
    "310115",
    "310104",
    "440305",
    "440106",
    "440104",
    "441900",
    "442000",
    "330106",
    "330212",
    "320102",
    "320505",
    "320211",
    "510107",
    "420106",
    "420111",
    "610113",
    "500103",
    "370202",
    "370102",
    "350203",
    "350102",
    "430104",
    "410105",
    "120101",
    "210102",
    "220102",
    "230103",
    "340104",
    "360102",
    "450103",
    "460108",
    "520102",
    "530102",
    "620102",
    "630104",
    "640104",
    "650102",
    "150102",
    "140105",
    "130102",
)
OCCUPATIONS = (
    "student",
    "teacher",
    "civil_servant",
    "manager",
    "driver",
    "self_employed",
    "factory_worker",
    "programmer",
    "retired",
    "unemployed",
    "nurse",
    "sales",
)
ROLES = ("organiser", "core", "collector", "money_mule", "tech_support", "recruiter", "member")


_DAY_PREFIX: dict[int, str] = {}


def iso(ts: float, tz: timezone = SHANGHAI) -> str:
    """ISO 8601 with an explicit offset, to the second (fast path for Asia/Shanghai: cached dates)."""
    if tz is not SHANGHAI:
        return datetime.fromtimestamp(int(ts), tz).isoformat()
    local = int(ts) + 8 * HOUR
    day, sec = divmod(local, DAY)
    prefix = _DAY_PREFIX.get(day)
    if prefix is None:
        prefix = _DAY_PREFIX[day] = datetime.fromtimestamp(day * DAY, UTC).strftime("%Y-%m-%dT")
    return f"{prefix}{sec // 3600:02d}:{sec // 60 % 60:02d}:{sec % 60:02d}+08:00"


def substream(seed: int, name: str) -> random.Random:
    """An independent, reproducible random stream per component (string seeds are hashed with SHA-512)."""
    return random.Random(f"netwarden-sim:{seed}:{name}")


@dataclass(slots=True)
class Holding:
    """An identifier a person operates during [start, end)."""

    ident: str
    person_id: str
    start: int
    end: int
    institution: str = ""
    pair: str = ""  # paired identifier: an app's package, a URL's domain


@dataclass(slots=True)
class Person:
    person_id: str
    role: str
    gang_id: str
    identifiers: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Slot:
    """One rotating identifier position of a series, e.g. 'the payee card in use'."""

    name: str
    mention_p: float
    holdings: list[Holding] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    def active(self, ts: int) -> list[Holding]:
        i = bisect.bisect_right(self.starts, ts)
        return [h for h in self.holdings[max(0, i - 4) : i] if h.start <= ts < h.end]

    def at(self, ts: int) -> Holding:
        """The holding in use at ts (the latest started if several overlap; the nearest otherwise)."""
        found = self.active(ts)
        if found:
            return found[-1]
        i = min(max(0, bisect.bisect_right(self.starts, ts) - 1), len(self.holdings) - 1)
        return self.holdings[i]


@dataclass(slots=True)
class Series:
    key: str
    gang_id: str
    crime_type: str
    lang: str
    start: int
    end: int
    size: int
    slots: dict[str, Slot] = field(default_factory=dict)
    report_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Account:
    """A money account in transactions.csv with its true class."""

    account: str
    institution: str
    klass: str  # collection | mule | cash_out | ordinary
    gang_id: str | None = None
    person_id: str | None = None


@dataclass(slots=True)
class Gang:
    gang_id: str
    crime_type: str
    lang: str
    members: list[Person] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    shared: list[Holding] = field(default_factory=list)  # gang-wide identifiers (app names, packages)
    mules: list[Account] = field(default_factory=list)
    cash_out: list[Account] = field(default_factory=list)

    def people(self, role: str) -> list[Person]:
        return [p for p in self.members if p.role == role]


@dataclass
class World:
    seed: int
    scale: float
    ids: IdentifierFactory
    gangs: list[Gang] = field(default_factory=list)
    persons: dict[str, Person] = field(default_factory=dict)
    accounts: dict[str, Account] = field(default_factory=dict)
    hubs: list[str] = field(default_factory=list)
    _next: dict[str, int] = field(default_factory=dict)

    def next_id(self, prefix: str, width: int = 6) -> str:
        n = self._next.get(prefix, 0) + 1
        self._next[prefix] = n
        return f"{prefix}-{n:0{width}d}"

    def new_person(self, role: str, gang_id: str) -> Person:
        person = Person(self.next_id("P"), role, gang_id)
        self.persons[person.person_id] = person
        return person

    def add_account(self, account: Account) -> Account:
        self.accounts.setdefault(account.account, account)
        return self.accounts[account.account]
