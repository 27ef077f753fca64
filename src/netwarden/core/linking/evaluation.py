"""How close a partition of reports into series is to the truth: pairwise scores and ARI.

Pairs are counted from the contingency table (true series x found series), so a scale-10 world
costs no more than counting its cells.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class LinkScore:
    reports: int
    true_series: int
    found_series: int
    precision: float
    recall: float
    f1: float
    adjusted_rand: float
    hub_merges: int

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def score_partition(truth: Mapping[str, str], found: Mapping[str, str], hub_merges: int = 0) -> LinkScore:
    """Pairwise precision/recall/F1 and adjusted Rand index over the reports both sides know."""
    reports = sorted(set(truth) & set(found))
    cells = Counter((truth[r], found[r]) for r in reports)
    true_sizes = Counter(truth[r] for r in reports)
    found_sizes = Counter(found[r] for r in reports)
    together = sum(_pairs(n) for n in cells.values())
    true_pairs = sum(_pairs(n) for n in true_sizes.values())
    found_pairs = sum(_pairs(n) for n in found_sizes.values())
    precision = together / found_pairs if found_pairs else 1.0
    recall = together / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    total = _pairs(len(reports))
    expected = true_pairs * found_pairs / total if total else 0.0
    best = (true_pairs + found_pairs) / 2
    ari = (together - expected) / (best - expected) if best != expected else 1.0
    return LinkScore(len(reports), len(true_sizes), len(found_sizes), precision, recall, f1, ari, hub_merges)


def hub_merged_series(
    series_links: Mapping[str, Iterable[tuple[str, Iterable[str]]]],
    series_members: Mapping[str, Iterable[str]],
    truth: Mapping[str, str],
    hubs: set[str],
    extra_joins: Mapping[str, Iterable[tuple[str, str]]],
) -> list[str]:
    """Series that link through a hub, or whose true series its recorded links do not connect.

    ``series_links``: per series, (identifier, report ids) links; ``extra_joins``: other report
    pairs the series records as joined (duplicates, analysts' merges). A series mixing true
    series that its own non-hub evidence does not hold together was joined by something else.
    """
    flagged = []
    for series, members in series_members.items():
        links = [(ident, list(ids)) for ident, ids in series_links.get(series, ())]
        if any(ident in hubs for ident, _ in links):
            flagged.append(series)
            continue
        member_list = list(members)
        if len({truth[r] for r in member_list if r in truth}) < 2:
            continue
        parent = {r: r for r in member_list}
        joins = [(ids[0], other) for _, ids in links for other in ids[1:]]
        joins += list(extra_joins.get(series, ()))
        for a, b in joins:
            if a in parent and b in parent:
                parent[_root(parent, a)] = _root(parent, b)
        if len({_root(parent, r) for r in member_list}) > 1:
            flagged.append(series)
    return sorted(flagged)


def _root(parent: dict[str, str], report: str) -> str:
    while parent[report] != report:
        parent[report] = parent[parent[report]]
        report = parent[report]
    return report
