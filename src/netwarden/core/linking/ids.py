"""Series ids: derived from the founding report, kept by the biggest part, oldest wins a merge.

- A new series is named ``S-`` + the first 16 hex digits of SHA-256 of its founding report's id
  (its earliest report; ties by report id). If that id is in use, ``#2``, ``#3``… is appended to
  the report id before hashing. A retired id (merged into another) is revived when its founding
  report founds a series again, so withdrawing a merge gives the old id back.
- An existing series keeps its id in the component that holds most of its reports (ties: the
  component with the earliest report). Untouched series are never looked at.
- When one component holds several existing series, the one whose founding report is oldest
  survives; the others are recorded as ``merged_into`` the survivor.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


def fresh_id(report_id: str, attempt: int = 1) -> str:
    seed = report_id if attempt == 1 else f"{report_id}#{attempt}"
    return "S-" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Assignment:
    series: list[str]  # per component
    merged: dict[str, str]  # retired id -> survivor
    revived: set[str]


def assign(
    components: Sequence[Sequence[str]],
    previous: dict[str, str],
    founding_rank: dict[str, int],
    in_use_elsewhere: set[str],
    retired: set[str],
) -> Assignment:
    """Name each component (lists of report ids, earliest first, components earliest first).

    ``previous`` maps reports that already had a series to it; ``founding_rank`` orders those
    old series by their founding report (smaller = older); ``in_use_elsewhere`` are live ids
    outside these components.
    """
    counts: dict[str, Counter[int]] = {}
    for number, reports in enumerate(components):
        for report in reports:
            old = previous.get(report)
            if old is not None:
                counts.setdefault(old, Counter())[number] += 1
    claims: dict[int, list[str]] = {}
    for old, per_component in counts.items():
        best = min(per_component, key=lambda number: (-per_component[number], number))
        claims.setdefault(best, []).append(old)
    names: list[str] = []
    merged: dict[str, str] = {}
    revived: set[str] = set()
    taken = set(in_use_elsewhere)
    for number, reports in enumerate(components):
        claimed = sorted(claims.get(number, []), key=lambda old: (founding_rank.get(old, 0), old))
        if claimed:
            survivor = claimed[0]
            merged.update({old: survivor for old in claimed[1:]})
        else:
            attempt = 1
            survivor = fresh_id(reports[0])
            while survivor in taken or survivor in counts:
                attempt += 1
                survivor = fresh_id(reports[0], attempt)
            if survivor in retired:
                revived.add(survivor)
        taken.add(survivor)
        names.append(survivor)
    return Assignment(names, merged, revived)
