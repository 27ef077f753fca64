"""Training: corpus rows (+ analyst feedback) → TrainedModel with its model card.

The held-out split is fixed by id hash (corpus.is_held_out) before anything is fitted; feedback
rows always go to training and any held-out row whose text equals a feedback text is dropped from
the evaluation, so corrections never leak into the held-out figures. Same rows + same seed → the
same artefact bytes and the same metrics.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

from netwarden.core.classify.classifier import Classifier
from netwarden.core.classify.corpus import HELD_OUT_MODULUS, CorpusRow, corpus_hash, parse_row, split
from netwarden.core.classify.evaluation import Evaluation, evaluate
from netwarden.core.classify.features import NGRAM_RANGE
from netwarden.core.classify.labels import LABEL_THRESHOLD, LABELS
from netwarden.core.classify.model import ARTEFACT_FORMAT, TrainedModel
from netwarden.core.classify.rules import RuleSet, load_default_rules

# Corpus rows written by hand (not by corpus/generate.py) have ids starting with this prefix; the
# card reports the held-out figures on them separately, as the better estimate of generalisation.
HANDWRITTEN_PREFIX = "hw-"
MIN_DF = 2
MAX_FEATURES = 40_000
REGULARISATION_C = 4.0


def fit_model(rows: Sequence[CorpusRow], *, seed: int) -> TrainedModel:
    """Fit the TF-IDF + one-vs-rest logistic regression on `rows` (no card)."""
    if not rows:
        raise ValueError("train: no training rows")
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAM_RANGE, lowercase=True, sublinear_tf=True,
                                 min_df=MIN_DF, max_features=MAX_FEATURES, dtype=np.float64)
    features = vectorizer.fit_transform([row.text for row in rows])
    targets = np.array([[1 if label in row.labels else 0 for label in LABELS] for row in rows])
    missing = [label for label, column in zip(LABELS, targets.T, strict=True) if column.sum() == 0]
    if missing:
        raise ValueError(f"train: no training examples for {missing}")
    # Balanced class weights: each one-vs-rest problem is about 1:8; unweighted, rare genres of a
    # crime label fall below the threshold.
    binary = LogisticRegression(C=REGULARISATION_C, solver="liblinear", dual=True, random_state=seed,
                                class_weight="balanced", max_iter=1000)
    estimator = OneVsRestClassifier(binary)
    estimator.fit(features, targets)
    coef = np.vstack([e.coef_[0] for e in estimator.estimators_])
    intercept = np.array([e.intercept_[0] for e in estimator.estimators_], dtype=np.float64)
    return TrainedModel(labels=LABELS, vocabulary={str(t): int(i) for t, i in vectorizer.vocabulary_.items()},
                        idf=np.asarray(vectorizer.idf_, dtype=np.float64),
                        coef_by_feature=np.ascontiguousarray(coef.T, dtype=np.float32), intercept=intercept)


def _predict_model_only(model: TrainedModel, rows: Sequence[CorpusRow]) -> list[tuple[list[str], str]]:
    predictions: list[tuple[list[str], str]] = []
    for row in rows:
        probabilities = model.probabilities(row.text)
        crime = sorted((label for label in LABELS[:-1] if probabilities[label] >= LABEL_THRESHOLD),
                       key=lambda label: -probabilities[label])
        predictions.append((crime or ["none"], crime[0] if crime else "none"))
    return predictions


def _predict_combined(classifier: Classifier, rows: Sequence[CorpusRow]) -> list[tuple[list[str], str]]:
    labels = [classifier.crime_types(row.text) for row in rows]
    return [(found, found[0]) for found in labels]


def _gold(rows: Sequence[CorpusRow]) -> list[tuple[list[str], str]]:
    return [(list(row.labels), row.primary) for row in rows]


def _counts(rows: Iterable[CorpusRow]) -> dict[str, int]:
    counter = Counter(row.primary for row in rows)
    return {label: counter.get(label, 0) for label in LABELS}


def build_card(*, seed: int, corpus_rows: Sequence[CorpusRow], train_rows: Sequence[CorpusRow],
               held_out: Sequence[CorpusRow], feedback_count: int, model: TrainedModel,
               model_only: Evaluation, combined: Evaluation, trained_on: str | None) -> dict[str, Any]:
    return {
        "model_format": ARTEFACT_FORMAT,
        "trained_on": trained_on,
        "seed": seed,
        "corpus_sha256": corpus_hash(corpus_rows),
        "corpus_rows": len(corpus_rows),
        "feedback_included": feedback_count > 0,
        "feedback_rows": feedback_count,
        "split": f"held out when int(sha256(id)[:8], 16) % {HELD_OUT_MODULUS} == 0",
        "counts_by_primary": {"train": _counts(train_rows), "held_out": _counts(held_out)},
        "features": {"analyzer": "char_wb", "ngram_range": list(NGRAM_RANGE), "lowercase": True,
                     "sublinear_tf": True, "norm": "l2", "min_df": MIN_DF, "max_features": MAX_FEATURES,
                     "n_features": len(model.vocabulary)},
        "estimator": {"type": "one-vs-rest LogisticRegression", "solver": "liblinear (dual)", "C": REGULARISATION_C,
                      "class_weight": "balanced"},
        "label_threshold": LABEL_THRESHOLD,
        "held_out_metrics": {"model_only": model_only.to_dict(), "rules_and_model": combined.to_dict()},
    }


def train(corpus_rows: Iterable[Mapping[str, Any]], *, seed: int, feedback_rows: Iterable[Mapping[str, Any]] = (),
          trained_on: str | None = None, rules: RuleSet | None = None) -> TrainedModel:
    """Train on the corpus's training split plus feedback; evaluate on the held-out split.

    `trained_on` (ISO date) is recorded in the card; pass it from the caller so this stays pure.
    """
    corpus = [parse_row(raw) for raw in corpus_rows]
    ids = Counter(row.id for row in corpus)
    duplicates = sorted(row_id for row_id, n in ids.items() if n > 1)
    if duplicates:
        raise ValueError(f"train: duplicate corpus ids {duplicates[:5]}")
    feedback = [parse_row(raw) for raw in feedback_rows]
    train_rows, held_out = split(corpus)
    feedback_texts = {row.text for row in feedback}
    held_out = [row for row in held_out if row.text not in feedback_texts]
    model = fit_model(train_rows + feedback, seed=seed)
    model_only = evaluate(_gold(held_out), _predict_model_only(model, held_out))
    classifier = Classifier(rules or load_default_rules(), model)
    combined = evaluate(_gold(held_out), _predict_combined(classifier, held_out))
    card = build_card(seed=seed, corpus_rows=corpus, train_rows=train_rows + feedback, held_out=held_out,
                      feedback_count=len(feedback), model=model, model_only=model_only, combined=combined,
                      trained_on=trained_on)
    handwritten = [row for row in held_out if row.id.startswith(HANDWRITTEN_PREFIX)]
    if handwritten:
        card["held_out_metrics"]["rules_and_model_handwritten_only"] = evaluate(
            _gold(handwritten), _predict_combined(classifier, handwritten)).to_dict()
    return TrainedModel(model.labels, model.vocabulary, model.idf, model.coef_by_feature, model.intercept,
                        model.ngram_range, card)


def render_card_markdown(card: Mapping[str, Any]) -> str:
    """The model card as Markdown (the JSON card is the source of truth)."""
    metrics = card["held_out_metrics"]
    lines = [
        "# netwarden classification model card", "",
        f"- format: `{card['model_format']}`", f"- trained on: {card['trained_on']}", f"- seed: {card['seed']}",
        f"- corpus sha256: `{card['corpus_sha256']}` ({card['corpus_rows']} rows)",
        f"- analyst feedback included: {card['feedback_included']} ({card['feedback_rows']} rows)",
        f"- split: {card['split']}",
        f"- features: char_wb n-grams {card['features']['ngram_range']}, sublinear TF-IDF, "
        f"{card['features']['n_features']} features", f"- estimator: {card['estimator']}",
        f"- label threshold: {card['label_threshold']}", "",
        "## Examples per primary label", "", "| label | train | held-out |", "|---|---|---|",
    ]
    for label in LABELS:
        lines.append(f"| {label} | {card['counts_by_primary']['train'][label]} | "
                     f"{card['counts_by_primary']['held_out'][label]} |")
    for name in ("rules_and_model", "model_only", "rules_and_model_handwritten_only"):
        if name not in metrics:
            continue
        block = metrics[name]
        lines += ["", f"## Held-out metrics: {name.replace('_', ' ')}", "",
                  f"macro-F1 {block['macro_f1']}, primary accuracy {block['primary_accuracy']}, n = {block['n']}", "",
                  "| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for label, m in block["per_label"].items():
            lines.append(f"| {label} | {m['precision']} | {m['recall']} | {m['f1']} | {m['support']} |")
    return "\n".join(lines) + "\n"
