"""A victim's own identifiers: they mark that victim's repeated reports, never a gang's series.

Two reports sharing a victim-side identifier (the victim's phone, card, account) are the same
person reporting again. The repeat joins the series of the first only when that cannot join two
series: a report with no suspect-side link of its own is attached to the one series its repeats
belong to; if its repeats sit in two different series, it stays where it is. Reports of one
victim that are all unlinked form one series of that victim's reports.

The same guard serves identifiers whose role no report settles ("unsure"): strong enough to
link, but possibly the victim's own. They may join a lone report to one series, or lone
reports together, and never two series.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import polars as pl
from numpy.typing import NDArray


def shared_pairs(weighted: pl.DataFrame, side: str, cap: int, min_weight: float = 0.0) -> list[tuple[int, int]]:
    """(earlier, later) report indices sharing a ``side`` identifier held by 2..cap reports."""
    victim = weighted.filter(
        (pl.col("side") == side) & pl.col("refused").is_null() & pl.col("reports").is_between(2, cap)
        & (pl.col("weight") >= min_weight)
    ).select("ident", "r")
    grouped = victim.group_by("ident").agg(pl.col("r").sort()).filter(pl.col("r").list.len().is_between(2, cap))
    pairs: set[tuple[int, int]] = set()
    for members in grouped["r"].to_list():
        for i, earlier in enumerate(members):
            for later in members[i + 1 :]:
                pairs.add((earlier, later))
    return sorted(pairs)


def attachments(pairs: list[tuple[int, int]], labels: NDArray[np.int64]) -> list[tuple[int, int]]:
    """Pairs that may join series: never two multi-report series through one victim.

    Used for victim-side pairs and for unsure ones strong enough to link, whose only risk is
    to be a victim's own identifier.
    """
    sizes = np.bincount(labels)
    partners: dict[int, set[int]] = defaultdict(set)
    for a, b in pairs:
        partners[a].add(b)
        partners[b].add(a)
    joins: list[tuple[int, int]] = []
    for report in sorted(partners):
        if sizes[labels[report]] > 1:
            continue
        linked = sorted(p for p in partners[report] if sizes[labels[p]] > 1)
        series = {int(labels[p]) for p in linked}
        if len(series) == 1:
            joins.append((linked[0], report))
        elif not series:
            joins.extend((report, p) for p in sorted(partners[report]) if p > report)
    return joins


def duplicate_of(pairs: list[tuple[int, int]], final: NDArray[np.int64]) -> dict[int, int]:
    """Later report -> the earliest report of the same victim in the same series."""
    original: dict[int, int] = {}
    for a, b in pairs:
        if final[a] == final[b] and (b not in original or a < original[b]):
            original[b] = a
    return {later: _root(original, first) for later, first in original.items()}


def _root(original: dict[int, int], report: int) -> int:
    while report in original:
        report = original[report]
    return report
