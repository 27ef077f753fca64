"""Per-label precision/recall/F1, macro-F1 and the confusion matrix of primary labels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from netwarden.core.classify.labels import LABELS


@dataclass(frozen=True, slots=True)
class LabelMetrics:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class Evaluation:
    per_label: list[LabelMetrics]
    macro_f1: float
    primary_accuracy: float
    confusion: dict[str, dict[str, int]]  # gold primary -> predicted primary -> count
    n: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "macro_f1": round(self.macro_f1, 4),
            "primary_accuracy": round(self.primary_accuracy, 4),
            "per_label": {m.label: {"precision": round(m.precision, 4), "recall": round(m.recall, 4),
                                    "f1": round(m.f1, 4), "support": m.support} for m in self.per_label},
            "confusion": self.confusion,
        }


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def evaluate(gold: Sequence[tuple[Sequence[str], str]], predicted: Sequence[tuple[Sequence[str], str]]) -> Evaluation:
    """Compare (labels, primary) pairs. Per-label scores treat each label as present/absent in the
    label set (multi-label); macro-F1 averages over labels that occur in gold or predictions."""
    if len(gold) != len(predicted):
        raise ValueError(f"evaluate: {len(gold)} gold rows but {len(predicted)} predictions")
    per_label: list[LabelMetrics] = []
    for label in LABELS:
        true_pos = sum(1 for (g, _), (p, _) in zip(gold, predicted, strict=True) if label in g and label in p)
        in_gold = sum(1 for g, _ in gold if label in g)
        in_pred = sum(1 for p, _ in predicted if label in p)
        if in_gold == 0 and in_pred == 0:
            continue
        precision, recall = _ratio(true_pos, in_pred), _ratio(true_pos, in_gold)
        f1 = _ratio(int(2 * true_pos), in_pred + in_gold)
        per_label.append(LabelMetrics(label, precision, recall, f1, in_gold))
    confusion = {label: {other: 0 for other in LABELS} for label in LABELS}
    for (_, gold_primary), (_, predicted_primary) in zip(gold, predicted, strict=True):
        confusion.setdefault(gold_primary, {other: 0 for other in LABELS})
        confusion[gold_primary][predicted_primary] = confusion[gold_primary].get(predicted_primary, 0) + 1
    correct = sum(1 for (_, g), (_, p) in zip(gold, predicted, strict=True) if g == p)
    macro = sum(m.f1 for m in per_label) / len(per_label) if per_label else 0.0
    return Evaluation(per_label, macro, _ratio(correct, len(gold)), confusion, len(gold))
