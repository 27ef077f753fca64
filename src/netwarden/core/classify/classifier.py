"""Rules + model → scores, labels, priority and reasons for one report.

Combination, per crime label: score = (1 − (1 − p_model)(1 − r_rules)) × damping, where damping is
the product of the hard-negative framing factors (news, education, marketing, promotion, official
reminder; the commercial ones do not damp a label whose legal pattern is complete).
`none` scores 1 − max(crime scores). A crime label applies when its score reaches LABEL_THRESHOLD;
the primary label is the highest applying crime label, else `none`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any

from netwarden.core.classify.labels import CRIME_LABELS, LABEL_THRESHOLD, LABELS, NONE_LABEL
from netwarden.core.classify.model import TrainedModel
from netwarden.core.classify.prefilter import AnchorIndex
from netwarden.core.classify.priority import PriorityFacts, PriorityRules, assess_priority, default_priority_rules
from netwarden.core.classify.results import Classification, Reason
from netwarden.core.classify.rules import Hit, RuleSet, load_default_rules, lowered

# Only the first MAX_ANALYSED_CHARS characters (report text, then messages) are analysed, so a
# 1 MB paste costs the same bounded time as a long narrative; the duty desk reads the rest.
MAX_ANALYSED_CHARS = 20_000
EDUCATION_OR_NEWS = frozenset({"NEG_NEWS", "NEG_EDUCATION"})


def _analysed_text(text: str, messages: Sequence[str]) -> str:
    joined = "\n".join([text, *(m for m in messages if m and m.strip())])
    return joined[:MAX_ANALYSED_CHARS]


def _combine(model_scores: dict[str, float], rule_scores: dict[str, float],
             damping: dict[str, float]) -> dict[str, float]:
    scores = {
        label: (1.0 - (1.0 - model_scores.get(label, 0.0)) * (1.0 - rule_scores.get(label, 0.0))) * damping[label]
        for label in CRIME_LABELS
    }
    scores[NONE_LABEL] = 1.0 - max(scores.values())
    return {label: min(max(scores[label], 0.0), 1.0) for label in LABELS}


def _labels_from(scores: dict[str, float]) -> list[str]:
    applying = sorted((label for label in CRIME_LABELS if scores[label] >= LABEL_THRESHOLD),
                      key=lambda label: (-scores[label], LABELS.index(label)))
    return applying or [NONE_LABEL]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Everything the scores were computed from, for one assembled text."""

    scores: dict[str, float]
    model_probabilities: dict[str, float]
    hits: list[Hit]
    framing_reasons: list[Reason]
    lowered: str
    present: frozenset[str]


class Classifier:
    """Holds the compiled rules and the loaded model; classify() is cheap per call."""

    def __init__(self, rules: RuleSet, model: TrainedModel, priority_rules: PriorityRules | None = None) -> None:
        self.rules = rules
        self.model = model
        self.priority_rules = priority_rules or default_priority_rules()
        # one prefilter pass per report covers the rule elements, the framings and the priority cues
        self.anchors = AnchorIndex(rules.anchors.strings | self.priority_rules.anchor_strings)

    @classmethod
    def load_default(cls) -> Classifier:
        """The rules and model shipped in the package, loaded once per process."""
        return _default_classifier()

    def evidence(self, text: str) -> Evidence:
        """Scores, model probabilities, rule hits and framings for an already-assembled text."""
        lower = lowered(text)
        present = self.anchors.present(lower)
        hits = self.rules.match(lower, present)
        framings = self.rules.framings_in(lower, present)
        model_probabilities = self.model.probabilities(lower)
        damping = self.rules.damping(lower, framings, self.rules.complete_labels(hits))
        scores = _combine(model_probabilities, self.rules.label_scores(hits), damping)
        framing_reasons = [Reason(f.code, NONE_LABEL, f.text_en, f.text_zh, (start, end))
                           for f, start, end in framings]
        return Evidence(scores, model_probabilities, hits, framing_reasons, lower, present)

    def crime_types(self, text: str, messages: Sequence[str] = ()) -> list[str]:
        """Only the labels (primary first), without priority and reasons: for bulk evaluation."""
        if not isinstance(text, str) or not text.strip():
            raise ValueError("text is empty or whitespace only: there is nothing to classify")
        return _labels_from(self.evidence(_analysed_text(text, messages)).scores)

    def classify(self, text: str, *, received_at: datetime | None = None, last_payment_at: datetime | None = None,
                 victim_age: int | None = None, amount_lost: float | None = None, messages: Sequence[str] = (),
                 freeze_window_hours: float = 48.0, now: datetime | None = None) -> Classification:
        if not isinstance(text, str) or not text.strip():
            raise ValueError("text is empty or whitespace only: there is nothing to classify")
        analysed = _analysed_text(text, messages)
        evidence = self.evidence(analysed)
        hits = evidence.hits
        # a framing found in an appended message has no span in the report text
        framing_reasons = [replace(r, span=None) if r.span is not None and r.span[1] > len(text) else r
                           for r in evidence.framing_reasons]
        crime_types = _labels_from(evidence.scores)
        facts = PriorityFacts(
            text=evidence.lowered, present=evidence.present, text_length=min(len(text), len(analysed)),
            crime_types=crime_types,
            sexual_material=any(hit.element.code == "SX_SEXUAL_MATERIAL" for hit in hits),
            framed_as_news_or_education=any(r.code in EDUCATION_OR_NEWS for r in framing_reasons),
            received_at=received_at, last_payment_at=last_payment_at, now=now or datetime.now(UTC),
            victim_age=victim_age, amount_lost=amount_lost, freeze_window_hours=freeze_window_hours)
        priority, priority_reasons, actions = assess_priority(facts, self.priority_rules)
        reasons = _rule_reasons(hits, crime_types, len(text)) + _model_reasons(evidence.model_probabilities,
                                                                               crime_types)
        return Classification(crime_type=crime_types[0], crime_types=crime_types, scores=evidence.scores,
                              priority=priority,
                              reasons=reasons + framing_reasons + priority_reasons, actions=actions)


def _rule_reasons(hits: Sequence[Hit], crime_types: Sequence[str], text_length: int) -> list[Reason]:
    """Every rule that fired, those of the applying labels first (in label order)."""
    def rank(hit: Hit) -> tuple[int, int]:
        label = hit.element.label
        return (crime_types.index(label) if label in crime_types else len(crime_types), LABELS.index(label))

    return [Reason(hit.element.code, hit.element.label, hit.element.text_en, hit.element.text_zh,
                   (hit.start, hit.end) if hit.end <= text_length else None)
            for hit in sorted(hits, key=rank)]


def _model_reasons(probabilities: dict[str, float], crime_types: Sequence[str]) -> list[Reason]:
    if NONE_LABEL in crime_types:
        return []
    return [Reason("MODEL_SCORE", label, f"character n-gram model: {probabilities[label]:.2f}",
                   f"字符n-gram模型得分：{probabilities[label]:.2f}") for label in crime_types]


def _read_data(name: str) -> str:
    return (resources.files("netwarden.core.classify") / "data" / name).read_text(encoding="utf-8")


def load_default_model() -> TrainedModel:
    try:
        artefact = _read_data("model.json")
    except FileNotFoundError as error:
        raise RuntimeError("no trained model in the package: run `netwarden model train`") from error
    card: dict[str, Any] = json.loads(_read_data("model_card.json"))
    return TrainedModel.from_json(artefact, card)


@cache
def _default_classifier() -> Classifier:
    return Classifier(load_default_rules(), load_default_model())


def classify(text: str, *, received_at: datetime | None = None, last_payment_at: datetime | None = None,
             victim_age: int | None = None, amount_lost: float | None = None, messages: Sequence[str] = (),
             freeze_window_hours: float = 48.0, now: datetime | None = None) -> Classification:
    """Classify one report with the packaged rules and model (see Classifier.classify)."""
    return Classifier.load_default().classify(
        text, received_at=received_at, last_payment_at=last_payment_at, victim_age=victim_age,
        amount_lost=amount_lost, messages=messages, freeze_window_hours=freeze_window_hours, now=now)
