"""The trained linear model and its artefact format.

The artefact is one JSON document: labels, n-gram settings, the vocabulary (terms in feature
order), and the idf vector, coefficients and intercepts as base64 little-endian float32/float64
arrays. Loading it never executes code (unlike pickle/joblib), and the same training run always
writes the same bytes.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from netwarden.core.classify.features import NGRAM_RANGE, tfidf_vector

ARTEFACT_FORMAT = "netwarden-charngram-linear/1"


def _encode(array: NDArray[Any], dtype: str) -> str:
    return base64.b64encode(np.ascontiguousarray(array, dtype=dtype).tobytes()).decode("ascii")


def _decode(text: str, dtype: str, shape: tuple[int, ...]) -> NDArray[Any]:
    return np.frombuffer(base64.b64decode(text), dtype=dtype).reshape(shape).copy()


@dataclass(frozen=True, eq=False)
class TrainedModel:
    """One-vs-rest logistic regression over character n-gram TF-IDF features."""

    labels: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: NDArray[np.float64]
    coef_by_feature: NDArray[np.float32]  # shape (n_features, n_labels): rows gathered per document
    intercept: NDArray[np.float64]
    ngram_range: tuple[int, int] = NGRAM_RANGE
    card: dict[str, Any] = field(default_factory=dict)

    def probabilities(self, text: str) -> dict[str, float]:
        indices, values = tfidf_vector(text, self.vocabulary, self.idf, self.ngram_range)
        logits = values @ self.coef_by_feature[indices] + self.intercept if len(indices) else self.intercept
        probabilities = 1.0 / (1.0 + np.exp(-np.asarray(logits, dtype=np.float64)))
        return {label: float(p) for label, p in zip(self.labels, probabilities, strict=True)}

    def to_json(self) -> str:
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        document = {
            "format": ARTEFACT_FORMAT,
            "labels": list(self.labels),
            "ngram_range": list(self.ngram_range),
            "n_features": len(terms),
            "vocabulary": terms,
            "idf_float64": _encode(self.idf, "<f8"),
            "coef_by_feature_float32": _encode(self.coef_by_feature, "<f4"),
            "intercept_float64": _encode(self.intercept, "<f8"),
        }
        return json.dumps(document, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str, card: dict[str, Any] | None = None) -> TrainedModel:
        document = json.loads(text)
        if document.get("format") != ARTEFACT_FORMAT:
            raise ValueError(f"model artefact: expected format {ARTEFACT_FORMAT}, got {document.get('format')!r}")
        labels = tuple(str(label) for label in document["labels"])
        terms = [str(term) for term in document["vocabulary"]]
        n_features = len(terms)
        low, high = document["ngram_range"]
        return cls(
            labels=labels,
            vocabulary={term: index for index, term in enumerate(terms)},
            idf=_decode(document["idf_float64"], "<f8", (n_features,)),
            coef_by_feature=_decode(document["coef_by_feature_float32"], "<f4", (n_features, len(labels))),
            intercept=_decode(document["intercept_float64"], "<f8", (len(labels),)),
            ngram_range=(int(low), int(high)),
            card=dict(card or {}),
        )
