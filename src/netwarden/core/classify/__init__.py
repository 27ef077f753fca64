"""Classification of reports into the focus crime types, with priority, reasons and actions.

Public API:
    classify(text, *, received_at, last_payment_at, victim_age, amount_lost, messages, freeze_window_hours)
    Classifier.load_default() / Classifier(rules, model).classify(...)
    Classification, Reason, Action; LABELS, CRIME_LABELS
    train(corpus_rows, *, seed, feedback_rows=...) -> TrainedModel  (netwarden.core.classify.training)
"""

from netwarden.core.classify.classifier import MAX_ANALYSED_CHARS, Classifier, classify
from netwarden.core.classify.labels import CRIME_LABELS, LABEL_THRESHOLD, LABELS, NONE_LABEL, PRIORITIES
from netwarden.core.classify.model import TrainedModel
from netwarden.core.classify.results import Action, Classification, Reason

__all__ = [
    "CRIME_LABELS",
    "LABELS",
    "LABEL_THRESHOLD",
    "MAX_ANALYSED_CHARS",
    "NONE_LABEL",
    "PRIORITIES",
    "Action",
    "Classification",
    "Classifier",
    "Reason",
    "TrainedModel",
    "classify",
]
