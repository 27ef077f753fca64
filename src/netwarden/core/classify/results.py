"""Result types of classification: reasons, actions and the classification itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a label, a damping or a priority was given. `label` is a crime label, "none" (a
    hard-negative framing) or "priority"; `span` is [start, end) in the report text, or None when
    the evidence is not a text span (a model score, a field such as last_payment_at, or a message)."""

    code: str
    label: str
    text_en: str
    text_zh: str
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "label": self.label, "text_en": self.text_en, "text_zh": self.text_zh,
                "span": list(self.span) if self.span is not None else None}


@dataclass(frozen=True, slots=True)
class Action:
    """A step the officer should take now (attached to P0 results)."""

    code: str
    text_en: str
    text_zh: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "text_en": self.text_en, "text_zh": self.text_zh}


@dataclass(frozen=True)
class Classification:
    crime_type: str
    crime_types: list[str]
    scores: dict[str, float]
    priority: str
    reasons: list[Reason]
    actions: list[Action]

    def to_dict(self) -> dict[str, Any]:
        """The reports.jsonl fields of FORMATS.md, plus `actions` (an extra field, kept by readers)."""
        return {
            "crime_type": self.crime_type,
            "crime_types": list(self.crime_types),
            "scores": {label: round(score, 4) for label, score in self.scores.items()},
            "priority": self.priority,
            "reasons": [reason.to_dict() for reason in self.reasons],
            "actions": [action.to_dict() for action in self.actions],
        }
