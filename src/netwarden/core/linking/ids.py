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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray


def fresh_id(report_id: str, attempt: int = 1) -> str:
    seed = report_id if attempt == 1 else f"{report_id}#{attempt}"
    return "S-" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Assignment:
    component: NDArray[np.int64]  # per report: its component number (0 = earliest founder)
    series: list[str]  # per component number
    merged: dict[str, str]  # retired id -> survivor
    revived: set[str]


def assign(
    labels: NDArray[np.int64],
    names: Sequence[str],
    previous: Mapping[int, str],
    founding_rank: Mapping[str, int],
    live_elsewhere: Callable[[list[str]], set[str]],
    retired: set[str],
) -> Assignment:
    """Name the components ``labels`` gives reports ``names`` (earliest report first).

    ``previous`` maps report positions that already had a series to it; ``founding_rank``
    orders those old series by their founding report (smaller = older); ``live_elsewhere``
    tells which of some ids are live outside these reports (asked once for all first choices,
    then only for the rare retry).
    """
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    by_founder = np.argsort(first, kind="stable")
    rank_of = np.empty_like(by_founder)
    rank_of[by_founder] = np.arange(by_founder.size)
    component = rank_of[inverse.reshape(-1)].astype(np.int64)
    founders = first[by_founder]
    counts: dict[str, Counter[int]] = {}
    for position, old in previous.items():
        counts.setdefault(old, Counter())[int(component[position])] += 1
    claims: dict[int, list[str]] = {}
    for old, per_component in counts.items():
        best = min(per_component, key=lambda number: (-per_component[number], number))
        claims.setdefault(best, []).append(old)
    series: list[str] = []
    merged: dict[str, str] = {}
    revived: set[str] = set()
    founder_ids = [names[founder] for founder in founders.tolist()]
    first_choice = [fresh_id(report_id) if number not in claims else "" for number, report_id in enumerate(founder_ids)]
    taken = live_elsewhere([name for name in first_choice if name]) | set(counts)
    for number, report_id in enumerate(founder_ids):
        claimed = claims.get(number)
        if claimed:
            claimed.sort(key=lambda old: (founding_rank.get(old, 0), old))
            merged.update({old: claimed[0] for old in claimed[1:]})
            series.append(claimed[0])
            continue
        attempt, name = 1, first_choice[number]
        while name in taken:
            attempt += 1
            name = fresh_id(report_id, attempt)
            taken |= live_elsewhere([name])
        if name in retired:
            revived.add(name)
        taken.add(name)
        series.append(name)
    return Assignment(component, series, merged, revived)
