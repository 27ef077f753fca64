"""Measure analyzer outputs against a simulated world's truth (netwarden.sim TRUTH_README.md).

Every function takes the decoded JSONL records of an output file and of its truth file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Record = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    found: int
    truth: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "found": self.found, "truth": self.truth}


def score(found: Iterable[str], truth: Iterable[str]) -> Score:
    f, t = set(found), set(truth)
    hit = len(f & t)
    return Score(hit / len(f) if f else 1.0, hit / len(t) if t else 1.0, len(f), len(t))


def loans(found: Sequence[Record], truth: Sequence[Record]) -> dict[str, Any]:
    by_id = {r["loan_id"]: r for r in truth}
    rated = [(r["apr_nominal"], by_id[r["loan_id"]]["apr_nominal"]) for r in found if r["loan_id"] in by_id]
    errors = [abs(mine - true) * 100 for mine, true in rated if mine is not None and true is not None]
    illegal = score((r["loan_id"] for r in found if r["illegal"]), (r["loan_id"] for r in truth if r["illegal"]))
    return {"loans": len(found), "rated": len(errors),
            "apr_mae_pp": round(sum(errors) / len(errors), 6) if errors else None,
            "apr_max_error_pp": round(max(errors), 6) if errors else None, "illegal": illegal.to_dict()}


def collection(found: Sequence[Record], truth: Sequence[Record]) -> dict[str, Any]:
    legit = {r["caller"] for r in truth if r["kind"] == "legit"}
    flagged = {r["caller"] for r in found if r["harassing"]}
    harassing = score(flagged, (r["caller"] for r in truth if r["harassing"]))
    return {"harassing_callers": harassing.to_dict(), "legit_callers": len(legit),
            "legit_callers_flagged": len(flagged & legit),
            "operations": _pairwise({r["caller"]: r["operation_id"] for r in found if r["harassing"]},
                                    {r["caller"]: r["operation_id"] for r in truth if r["harassing"]})}


def _pairwise(found: Mapping[str, Any], truth: Mapping[str, Any]) -> dict[str, float]:
    """Pair-counting precision / recall of a grouping over the items both sides hold."""
    common = sorted(set(found) & set(truth))
    same_found = same_truth = same_both = 0
    groups: dict[tuple[Any, Any], int] = {}
    for item in common:
        groups[(found[item], truth[item])] = groups.get((found[item], truth[item]), 0) + 1

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    by_found: dict[Any, int] = {}
    by_truth: dict[Any, int] = {}
    for (f, t), n in groups.items():
        same_both += pairs(n)
        by_found[f] = by_found.get(f, 0) + n
        by_truth[t] = by_truth.get(t, 0) + n
    same_found = sum(pairs(n) for n in by_found.values())
    same_truth = sum(pairs(n) for n in by_truth.values())
    return {"pair_precision": round(same_both / same_found, 4) if same_found else 1.0,
            "pair_recall": round(same_both / same_truth, 4) if same_truth else 1.0}


def _claimant_ids(crews: Iterable[Record]) -> set[str]:
    return {value for crew in crews for person in crew["claimants"] for key in ("phones", "accounts")
            for value in person.get(key, [])}


def claims(found: Sequence[Record], truth: Sequence[Record]) -> dict[str, Any]:
    return {"claimant_accounts": score(_claimant_ids(found), _claimant_ids(truth)).to_dict(),
            "complaints": score((c for r in found for c in r["complaint_ids"]),
                                (c for r in truth for c in r["complaint_ids"])).to_dict(),
            "crews_found": len(found), "crews_true": len(truth)}


def coordination(found: Sequence[Record], truth: Sequence[Record], accounts: Sequence[Record],
                 posting_accounts: set[str] | None = None) -> dict[str, Any]:
    flagged = {a for crew in found for a in crew["accounts"]}
    crew_accounts = {a for crew in truth for a in crew["accounts"]}
    opinion = {r["account"] for r in accounts if r["class"] == "organic_opinion"}
    organic = {r["account"] for r in accounts if r["class"] in ("organic", "organic_opinion")}
    result = {"troll_accounts": score(flagged, crew_accounts).to_dict(),
              "organic_opinion_accounts": len(opinion),
              "organic_opinion_flagged_share": round(len(flagged & opinion) / len(opinion), 4) if opinion else 0.0,
              "organic_flagged": len(flagged & organic), "crews_found": len(found), "crews_true": len(truth)}
    if posting_accounts is not None:
        # Truth lists crew accounts that never post in posts.jsonl; nothing can find those.
        result["troll_accounts_that_posted"] = score(flagged, crew_accounts & posting_accounts).to_dict()
    return result
