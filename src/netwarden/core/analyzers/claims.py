"""Malicious-claim analyzer: serial claimants across merchants, found through entity resolution.

1. Entity resolution (union-find over complaints): two complaints are one claimant when they share
   a phone, a payment account, or a name (variants folded: 张三 / 张 三 / zhang san / ZHANG SAN
   become one pinyin key) together with an address. An address alone links claimants into one
   crew: buyers sharing one parcel point or locker is the DOMAIN.md §1.4 signature.
2. Template complaints: near-duplicate texts (MinHash LSH, then exact n-gram Jaccard) within
   a crew; `template_similarity` is the mean best match of each complaint.
3. Pattern (DOMAIN.md §1.4): many merchants, statutory-multiple demands (退一赔三 / 退一赔十,
   "不足五百按五百"), threats of regulators or exposure, settle-for-silence offers.
A crew is reported when it has enough complaints against enough merchants and at least
`min_pattern_flags` of the pattern flags; one unhappy customer with one shop never is.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pypinyin import lazy_pinyin

from netwarden.core.analyzers.minhash import MinHasher, jaccard

_THREAT = re.compile(r"12315|12345|市场监管|监管部门|工商|举报|投诉到|曝光|差评|媒体|律师函|起诉|"
                     r"regulator|report you|expose|bad review|1-star|lawyer", re.IGNORECASE)
_PUNITIVE = re.compile(r"退一赔[三十3]|赔[三十]倍|不足(?:五百|一千|500|1000)按|十倍|三倍|"
                       r"punitive|refund plus \d+\s*[x×]", re.IGNORECASE)
_SETTLE = re.compile(r"私了|撤投诉|删差评|撤诉|给个说法|保护费|settle|withdraw the complaint", re.IGNORECASE)
_SPACES = re.compile(r"[\s\-()（）]+")


@dataclass(frozen=True, slots=True)
class Claimant:
    name: str | None = None
    phone: str | None = None  # E.164 when it could be read
    account: str | None = None
    address: str | None = None


@dataclass(frozen=True, slots=True)
class Complaint:
    complaint_id: str
    filed_at: datetime | None
    merchant: str
    claimant: Claimant
    text: str = ""
    amount_claimed: float | None = None


@dataclass(frozen=True, slots=True)
class ClaimRules:
    min_complaints: int = 5
    min_merchants: int = 3
    min_pattern_flags: int = 2  # of: template_complaints, punitive_demands, threats, settle_offers
    template_jaccard: float = 0.5
    min_template_share: float = 0.3  # share of a crew's complaints with a near-duplicate sibling
    min_cue_share: float = 0.3  # share of complaints carrying a threat / punitive / settle cue


@dataclass(frozen=True, slots=True)
class ClaimCrew:
    crew_id: str
    claimants: list[dict[str, Any]]
    complaint_ids: list[str]
    merchants: list[str]
    template_similarity: float
    flags: list[str]
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"crew_id": self.crew_id, "claimants": self.claimants, "complaint_ids": self.complaint_ids,
                "merchants": self.merchants, "template_similarity": self.template_similarity,
                "flags": self.flags, "evidence": self.evidence}


def name_key(name: str | None) -> str | None:
    """张三, 张 三, zhang san, Zhang San and ZHANG SAN share the key 'zhangsan'."""
    if not name:
        return None
    clean = _SPACES.sub("", unicodedata.normalize("NFKC", name)).lower()
    return "".join(lazy_pinyin(clean)) or None


def address_key(address: str | None) -> str | None:
    return _SPACES.sub("", unicodedata.normalize("NFKC", address)).lower() or None if address else None


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _link(complaints: Sequence[Complaint]) -> tuple[_UnionFind, _UnionFind]:
    """(persons, crews): persons share a phone, an account or name+address; crews also an address."""
    persons, crews = _UnionFind(len(complaints)), _UnionFind(len(complaints))
    first: dict[tuple[str, str], int] = {}
    for i, c in enumerate(complaints):
        name, address = name_key(c.claimant.name), address_key(c.claimant.address)
        keys = [("phone", c.claimant.phone), ("account", (c.claimant.account or "").lower() or None),
                ("name_address", f"{name}|{address}" if name and address else None)]
        for kind, value in keys:
            if value:
                j = first.setdefault((kind, value), i)
                persons.union(i, j)
                crews.union(i, j)
        if address:
            crews.union(i, first.setdefault(("address", address), i))
    return persons, crews


def _template_scores(texts: Sequence[str], rules: ClaimRules) -> list[float]:
    """Each text's best Jaccard with another text of the same crew, checked only on LSH candidates."""
    hasher = MinHasher()
    keys = hasher.band_keys(hasher.signatures(texts))
    buckets: dict[int, list[int]] = defaultdict(list)
    for i, row in enumerate(keys):
        for key in row:
            buckets[int(key)].append(i)
    best = [0.0] * len(texts)
    for members in buckets.values():
        for x in members:
            for y in members:
                if x < y:
                    score = jaccard(texts[x], texts[y])
                    best[x], best[y] = max(best[x], score), max(best[y], score)
    return best


def find_claimant_crews(complaints: Sequence[Complaint], rules: ClaimRules | None = None) -> list[ClaimCrew]:
    rules = rules or ClaimRules()
    persons, crews = _link(complaints)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(complaints)):
        groups[crews.find(i)].append(i)
    found: list[ClaimCrew] = []
    for members in groups.values():
        merchants = sorted({complaints[i].merchant for i in members})
        if len(members) < rules.min_complaints or len(merchants) < rules.min_merchants:
            continue
        crew = _assess([complaints[i] for i in members], [persons.find(i) for i in members], merchants, rules)
        if crew is not None:
            found.append(crew)
    return sorted(found, key=lambda c: (-len(c.complaint_ids), c.crew_id))


def _assess(items: Sequence[Complaint], person_of: Sequence[int], merchants: list[str], rules: ClaimRules
            ) -> ClaimCrew | None:
    best = _template_scores([c.text for c in items], rules)
    templated = [c.complaint_id for c, s in zip(items, best, strict=True) if s >= rules.template_jaccard]
    cues = {name: [c.complaint_id for c in items if pattern.search(c.text)]
            for name, pattern in (("threats", _THREAT), ("punitive_demands", _PUNITIVE), ("settle_offers", _SETTLE))}
    flags = ["many_merchants"]
    if len(templated) >= rules.min_template_share * len(items):
        flags.append("template_complaints")
    flags += [name for name, ids in cues.items() if len(ids) >= rules.min_cue_share * len(items)]
    if len(flags) - 1 < rules.min_pattern_flags:
        return None
    ids = sorted(c.complaint_id for c in items)
    return ClaimCrew(
        crew_id="CC-" + ids[0], claimants=_claimants(items, person_of), complaint_ids=ids, merchants=merchants,
        template_similarity=round(sum(best) / len(best), 4), flags=flags,
        evidence={"template_complaint_ids": sorted(templated), **{f"{k}_complaint_ids": sorted(v)
                                                                   for k, v in cues.items()},
                  "amount_claimed_total": round(sum(c.amount_claimed or 0 for c in items), 2),
                  "rules": {"min_complaints": rules.min_complaints, "min_merchants": rules.min_merchants,
                            "template_jaccard": rules.template_jaccard}},
    )


def _claimants(items: Sequence[Complaint], person_of: Sequence[int]) -> list[dict[str, Any]]:
    people: dict[int, list[Complaint]] = defaultdict(list)
    for item, person in zip(items, person_of, strict=True):
        people[person].append(item)
    return [
        {"names": _distinct(c.claimant.name for c in group), "phones": _distinct(c.claimant.phone for c in group),
         "accounts": _distinct(c.claimant.account for c in group),
         "addresses": _distinct(c.claimant.address for c in group),
         "complaint_ids": sorted(c.complaint_id for c in group)}
        for group in sorted(people.values(), key=lambda g: min(c.complaint_id for c in g))
    ]


def _distinct(values: Iterable[str | None]) -> list[str]:
    return sorted({v for v in values if v})
