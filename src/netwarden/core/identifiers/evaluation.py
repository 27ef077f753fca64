"""Scoring extraction against a golden file: per-type and overall precision / recall / F1.

A case is scored on its set of (type, value) pairs; role is not scored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from netwarden.core.identifiers.model import Match

Extractor = Callable[[str], Iterable[Match]]


@dataclass(frozen=True, slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class CaseError:
    """One golden case the extractor got wrong: what it missed and what it added."""

    id: str
    text: str
    missed: tuple[tuple[str, str], ...]
    extra: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class EvalResult:
    per_type: Mapping[str, Score]
    overall: Score
    cases: int
    errors: tuple[CaseError, ...] = field(default=())

    def as_dict(self) -> dict[str, object]:
        return {
            "cases": self.cases,
            "overall": self.overall.as_dict(),
            "per_type": {name: score.as_dict() for name, score in sorted(self.per_type.items())},
        }


def evaluate(golden_rows: Iterable[Mapping[str, object]], extractor: Extractor) -> EvalResult:
    """Score `extractor` on golden rows `{"id", "text", "identifiers": [{"type", "value"}]}`."""
    per_type: dict[str, Score] = {}
    errors: list[CaseError] = []
    cases = 0
    for row in golden_rows:
        cases += 1
        text = str(row["text"])
        expected = {(str(item["type"]), str(item["value"])) for item in _items(row)}
        found = {(match.type, match.value) for match in extractor(text)}
        for pair in expected | found:
            hit = Score(tp=1) if pair in expected and pair in found else Score(fp=1) if pair in found else Score(fn=1)
            per_type[pair[0]] = per_type.get(pair[0], Score()) + hit
        if expected != found:
            errors.append(
                CaseError(
                    str(row.get("id", cases)),
                    text,
                    tuple(sorted(expected - found)),
                    tuple(sorted(found - expected)),
                )
            )
    overall = sum(per_type.values(), Score())
    return EvalResult(per_type=per_type, overall=overall, cases=cases, errors=tuple(errors))


def _items(row: Mapping[str, object]) -> list[Mapping[str, object]]:
    items = row.get("identifiers") or []
    if not isinstance(items, list):
        raise ValueError(f"golden row {row.get('id')!r}: identifiers must be a list")
    return items
