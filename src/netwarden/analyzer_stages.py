"""The four pattern analyzers as batch stages over the FORMATS.md input files (docs/analyzers.md).

Used by `netwarden analyze`; each returns its output records and the rows it rejected, and leaves
writing to the caller, so the pipeline keeps one rejected.jsonl for every input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import polars as pl

from netwarden.core.analyzers.claims import ClaimRules, Complaint, find_claimant_crews
from netwarden.core.analyzers.collection import CollectionRules, analyse_collection
from netwarden.core.analyzers.coordination import CoordinationRules, find_troll_crews
from netwarden.core.analyzers.loans import Loan, LoanRules, analyse_loans
from netwarden.formats.calls import read_calls
from netwarden.formats.complaints import read_complaints
from netwarden.formats.contacts import read_contacts
from netwarden.formats.loans import read_loans
from netwarden.formats.posts import read_posts
from netwarden.formats.rejections import Rejection

Records = list[dict[str, Any]]


def _split(rows: Iterable[Any], kind: type) -> tuple[list[Any], list[Rejection]]:
    good: list[Any] = []
    bad: list[Rejection] = []
    for row in rows:
        (good if isinstance(row, kind) else bad).append(row)
    return good, bad


def loans_stage(in_dir: Path, *, zone: str, rules: LoanRules | None = None) -> tuple[Records, list[Rejection]]:
    loans, rejected = _split(read_loans(in_dir / "loans.jsonl", zone=ZoneInfo(zone)), Loan)
    return [r.to_dict() for r in analyse_loans(loans, rules or LoanRules())], rejected


def collection_stage(in_dir: Path, *, zone: str, region: str, rules: CollectionRules | None = None
                     ) -> tuple[Records, list[Rejection]]:
    calls = read_calls(in_dir / "calls.csv", zone=ZoneInfo(zone), region=region)
    contacts_path = in_dir / "contacts.csv"
    contacts = read_contacts(contacts_path, region=region) if contacts_path.is_file() else None
    book = contacts.frame if contacts else pl.DataFrame({"owner": [], "contact": []},
                                                          schema={"owner": pl.Utf8, "contact": pl.Utf8})
    results = analyse_collection(calls.frame, book, rules or CollectionRules(zone=zone))
    return [r.to_dict() for r in results], calls.rejections + (contacts.rejections if contacts else [])


def claims_stage(in_dir: Path, *, zone: str, region: str, rules: ClaimRules | None = None
                 ) -> tuple[Records, list[Rejection]]:
    complaints, rejected = _split(read_complaints(in_dir / "complaints.jsonl", zone=ZoneInfo(zone), region=region),
                                  Complaint)
    return [c.to_dict() for c in find_claimant_crews(complaints, rules or ClaimRules())], rejected


def claim_targets(claims: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Merchants hit by claimant crews: coordination ties troll crews to the same merchants."""
    targets: dict[str, list[str]] = {}
    for crew in claims:
        for merchant in crew["merchants"]:
            targets.setdefault(merchant, []).append(crew["crew_id"])
    return targets


def coordination_stage(in_dir: Path, *, zone: str, claims: Sequence[Mapping[str, Any]] = (),
                       rules: CoordinationRules | None = None) -> tuple[Records, list[Rejection]]:
    posts = read_posts(in_dir / "posts.jsonl", zone=ZoneInfo(zone))
    crews = find_troll_crews(posts.frame, rules or CoordinationRules(), other_targets=claim_targets(claims))
    return [c.to_dict() for c in crews], posts.rejections
