"""Analysts' judgements as data: which are in force, and the constraints they put on linking.

The log is append-only. A judgement is reversed by a later ``withdraw`` naming it. When a merge
and a split contradict each other (the merge joins reports the split keeps apart), the later
decision wins and the earlier one stops applying, without being deleted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from netwarden.core.linking.model import Judgement


@dataclass(frozen=True, slots=True)
class Constraints:
    """What the judgements in force ask of linking."""

    merges: tuple[tuple[str, str], ...]
    splits: tuple[tuple[frozenset[str], frozenset[str]], ...]
    unlinked: frozenset[tuple[str, str]]
    in_force: frozenset[str]

    def reports(self) -> set[str]:
        """Every report a judgement in force names."""
        named = {report for pair in self.merges for report in pair}
        for apart, rest in self.splits:
            named |= apart | rest
        named |= {report for report, _ in self.unlinked}
        return named


def _crosses(pair: tuple[str, str], split: Judgement) -> bool:
    apart, rest = set(split.report_ids), set(split.others)
    a, b = pair
    return (a in apart and b in rest) or (b in apart and a in rest)


def _merge_pairs(judgement: Judgement) -> list[tuple[str, str]]:
    anchors = judgement.report_ids
    return [(anchors[0], other) for other in anchors[1:]]


def constraints(judgements: Iterable[Judgement]) -> Constraints:
    """The judgements in force (not withdrawn, not overridden by a later contradicting one)."""
    ordered = sorted(judgements, key=lambda j: (j.at, j.judgement_id))
    withdrawn = {j.target for j in ordered if j.kind == "withdraw" and j.target}
    live = [j for j in ordered if j.kind != "withdraw" and j.judgement_id not in withdrawn]
    kept: list[Judgement] = []
    for judgement in live:
        if judgement.kind == "split":
            kept = [k for k in kept if not (k.kind == "merge" and any(_crosses(p, judgement) for p in _merge_pairs(k)))]
        elif judgement.kind == "merge":
            pairs = _merge_pairs(judgement)
            kept = [k for k in kept if not (k.kind == "split" and any(_crosses(p, k) for p in pairs))]
        kept.append(judgement)
    return Constraints(
        merges=tuple(p for j in kept if j.kind == "merge" for p in _merge_pairs(j)),
        splits=tuple((frozenset(j.report_ids), frozenset(j.others)) for j in kept if j.kind == "split"),
        unlinked=frozenset(
            (report, j.identifier) for j in kept if j.kind == "unlink" and j.identifier for report in j.report_ids
        ),
        in_force=frozenset(j.judgement_id for j in kept),
    )


def changed_reports(previous: frozenset[str], judgements: Sequence[Judgement], now: Constraints) -> set[str]:
    """Reports named by judgements that came into force or stopped applying since ``previous``."""
    changed_ids = previous.symmetric_difference(now.in_force)
    named: set[str] = set()
    for judgement in judgements:
        if judgement.judgement_id in changed_ids:
            named |= set(judgement.report_ids) | set(judgement.others)
    return named
