"""The model: features equal scikit-learn's, the artefact round-trips, training is reproducible,
held-out macro-F1 reaches 0.90, and analyst feedback is trained on and recorded."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from netwarden.core.classify import TrainedModel
from netwarden.core.classify.corpus import is_held_out, parse_row
from netwarden.core.classify.features import NGRAM_RANGE, char_wb_ngrams, tfidf_vector
from netwarden.core.classify.training import render_card_markdown, train

SAMPLES = ["刚才的视频我全程录了，不转钱就发给你家人", "Pay $500   or your\tfamily sees it!!",
           "mixed 中英 text 😀 <b>x</b>", "a", "  spaced   out  ", "全角\u3000空格 and\nnew line"]


def _packaged(name: str) -> str:
    return (resources.files("netwarden.core.classify") / "data" / name).read_text(encoding="utf-8")


def test_features_match_scikit_learn_exactly() -> None:
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAM_RANGE, lowercase=True, sublinear_tf=True)
    expected = vectorizer.fit_transform(SAMPLES * 2)
    vocabulary = {str(term): int(index) for term, index in vectorizer.vocabulary_.items()}
    for row, text in enumerate(SAMPLES):
        assert sorted(char_wb_ngrams(text)) == sorted(vectorizer.build_analyzer()(text))
        indices, values = tfidf_vector(text, vocabulary, vectorizer.idf_)
        dense = np.zeros(len(vocabulary))
        dense[indices] = values
        np.testing.assert_allclose(dense, expected[row].toarray()[0], rtol=1e-12, atol=1e-12)


def test_the_artefact_round_trips_without_executing_code() -> None:
    artefact = _packaged("model.json")
    model = TrainedModel.from_json(artefact)
    assert model.to_json() == artefact
    with pytest.raises(ValueError, match="format"):
        TrainedModel.from_json(json.dumps({"format": "pickle"}))


def test_the_split_is_by_id_hash_and_stable() -> None:
    ids = [f"row-{i}" for i in range(2000)]
    held = [i for i in ids if is_held_out(i)]
    assert held == [i for i in ids if is_held_out(i)]
    assert 0.15 < len(held) / len(ids) < 0.25


@pytest.fixture(scope="module")
def full_training(corpus_rows: list[dict[str, object]]) -> TrainedModel:
    card = json.loads(_packaged("model_card.json"))
    return train(corpus_rows, seed=card["seed"], trained_on=card["trained_on"])


def test_training_reproduces_the_shipped_artefact_and_card(full_training: TrainedModel) -> None:
    assert full_training.to_json() == _packaged("model.json")
    assert full_training.card == json.loads(_packaged("model_card.json"))


def test_held_out_macro_f1_reaches_090(full_training: TrainedModel) -> None:
    metrics = full_training.card["held_out_metrics"]
    assert metrics["rules_and_model"]["macro_f1"] >= 0.90
    assert metrics["model_only"]["macro_f1"] >= 0.90
    assert full_training.card["feedback_included"] is False


def test_the_corpus_meets_its_own_requirements(corpus_rows: list[dict[str, object]]) -> None:
    rows = [parse_row(raw) for raw in corpus_rows]
    counts = {label: sum(1 for row in rows if label in row.labels) for label in {r.primary for r in rows}}
    assert len(counts) == 9 and min(counts.values()) >= 150
    languages = [raw["lang"] for raw in corpus_rows]
    assert 0.5 <= languages.count("zh") / len(languages) <= 0.7
    assert languages.count("en") / len(languages) >= 0.25
    assert languages.count("mixed") > 0
    assert len({row.id for row in rows}) == len(rows)


def _small_corpus(corpus_rows: list[dict[str, object]]) -> list[dict[str, object]]:
    by_label: dict[str, list[dict[str, object]]] = {}
    for raw in corpus_rows:
        by_label.setdefault(str(raw["primary"]), []).append(raw)
    return [raw for rows in by_label.values() for raw in rows[:40]]


def test_same_rows_and_seed_give_the_same_bytes(corpus_rows: list[dict[str, object]]) -> None:
    small = _small_corpus(corpus_rows)
    first = train(small, seed=3, trained_on="2026-01-01")
    second = train(small, seed=3, trained_on="2026-01-01")
    assert first.to_json() == second.to_json()
    assert first.card == second.card


def test_feedback_rows_are_trained_on_and_recorded(corpus_rows: list[dict[str, object]]) -> None:
    small = _small_corpus(corpus_rows)
    correction = "这条短信其实是正规的会员积分兑换提醒，不是诈骗"
    feedback = [{"id": f"fb-{i}", "text": f"{correction}（第{i}次）", "labels": ["none"], "primary": "none"}
                for i in range(30)]
    without = train(small, seed=3, trained_on="2026-01-01")
    with_feedback = train(small, seed=3, feedback_rows=feedback, trained_on="2026-01-01")
    assert with_feedback.card["feedback_included"] is True
    assert with_feedback.card["feedback_rows"] == 30
    assert with_feedback.probabilities(correction)["none"] > without.probabilities(correction)["none"]
    assert "analyst feedback included: True (30 rows)" in render_card_markdown(with_feedback.card)


def test_bad_training_rows_are_refused(corpus_rows: list[dict[str, object]]) -> None:
    with pytest.raises(ValueError, match="unknown labels"):
        train([{"id": "x", "text": "t", "labels": ["blackmail"], "primary": "blackmail"}], seed=1)
    with pytest.raises(ValueError, match="duplicate"):
        row = dict(corpus_rows[0])
        train(_small_corpus(corpus_rows) + [row], seed=1)
