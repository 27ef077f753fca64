"""Cheap literal prefilter for the rule patterns.

Python's `re` tries every alternative at every position, so running ~60 element patterns over each
report costs hundreds of microseconds. From each compiled pattern we derive `anchors`: literal
strings of which at least one must occur in any match. A pattern whose anchors are all absent from
the (lower-cased) text cannot match and is skipped; patterns without derivable anchors always run.
The prefilter only skips work, it never changes a result.
"""

from __future__ import annotations

import operator
import re
import re._constants as sre_constants
import re._parser as sre_parse
from collections.abc import Iterable
from typing import Any

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT}


def _item_anchors(op: Any, av: Any) -> set[str] | None:
    if op is sre_constants.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence_anchors(branch)
            if found is None:
                return None
            union |= found
        return union
    if op is sre_constants.SUBPATTERN:
        return _sequence_anchors(av[-1])
    if op is sre_constants.ATOMIC_GROUP:
        return _sequence_anchors(av)
    if op in _REPEATS:
        return _sequence_anchors(av[2]) if av[0] >= 1 else None
    if op is sre_constants.IN and all(member_op is sre_constants.LITERAL for member_op, _ in av):
        return {chr(code) for _, code in av}
    return None


def _quality(anchors: set[str]) -> int:
    """Longer shortest anchor = rarer = a better filter."""
    return min(len(anchor) for anchor in anchors)


def _sequence_anchors(sequence: Any) -> set[str] | None:
    """Every item of a sequence must match, so any item's anchors are valid; keep the best."""
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in sequence:
        if op is sre_constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append({"".join(run)})
            run = []
        found = _item_anchors(op, av)
        if found:
            candidates.append(found)
    if run:
        candidates.append({"".join(run)})
    return max(candidates, key=_quality) if candidates else None


def lower_same_length(text: str) -> str:
    """Lower-case without changing length (a few characters lower-case to two), so spans found in
    the lowered text are spans of the original."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def anchors_of(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literal strings (lower-cased) one of which every match contains, or None when unknown."""
    found = _sequence_anchors(sre_parse.parse(pattern.pattern))
    if not found or "" in found:
        return None
    return frozenset(anchor.lower() for anchor in found)


class AnchorIndex:
    """All anchors of a rule set, indexed by their first two characters so that only anchors whose
    opening bigram occurs in the text are searched for."""

    def __init__(self, anchors: Iterable[str]) -> None:
        unique = set(anchors)
        self.strings = frozenset(unique)
        self.singles = frozenset(anchor for anchor in unique if len(anchor) == 1)
        self.pairs = frozenset(anchor for anchor in unique if len(anchor) == 2)
        longer: dict[str, list[str]] = {}
        for anchor in sorted(anchor for anchor in unique if len(anchor) > 2):
            longer.setdefault(anchor[:2], []).append(anchor)
        self.longer = {key: tuple(group) for key, group in longer.items()}
        self.longer_keys = frozenset(self.longer)

    def present(self, lowered: str) -> frozenset[str]:
        """The anchors that occur in the lower-cased text. One- and two-character anchors are set
        intersections; a longer anchor is searched only when its first two characters occur."""
        text_bigrams = set(map(operator.add, lowered, lowered[1:]))
        found = set(self.singles.intersection(lowered))
        found.update(self.pairs.intersection(text_bigrams))
        for key in self.longer_keys.intersection(text_bigrams):
            for anchor in self.longer[key]:
                if anchor in lowered:
                    found.add(anchor)
        return frozenset(found)


def may_match(anchors: frozenset[str] | None, present: frozenset[str]) -> bool:
    """False only when none of the pattern's anchors occurs in the text (then it cannot match)."""
    return anchors is None or not anchors.isdisjoint(present)
