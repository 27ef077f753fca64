"""Shared fixtures for the classification tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netwarden.core.classify import Classifier

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / "corpus"


@pytest.fixture(scope="session")
def classifier() -> Classifier:
    return Classifier.load_default()


@pytest.fixture(scope="session")
def corpus_rows() -> list[dict[str, object]]:
    return [json.loads(line) for path in sorted(CORPUS.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
