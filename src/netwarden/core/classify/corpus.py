"""Corpus rows: validation, the deterministic held-out split and the corpus hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from netwarden.core.classify.labels import LABELS, NONE_LABEL

HELD_OUT_MODULUS = 5  # one row in five is held out


@dataclass(frozen=True, slots=True)
class CorpusRow:
    id: str
    text: str
    labels: tuple[str, ...]
    primary: str


def parse_row(raw: Mapping[str, Any]) -> CorpusRow:
    """Validate one {"id","text","labels","primary"} row (extra keys such as "lang" are ignored)."""
    row_id, text, labels, primary = raw.get("id"), raw.get("text"), raw.get("labels"), raw.get("primary")
    if not isinstance(row_id, str) or not row_id:
        raise ValueError("row has no string 'id'")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"row {row_id}: 'text' is empty")
    if not isinstance(labels, list) or not labels or not all(isinstance(label, str) for label in labels):
        raise ValueError(f"row {row_id}: 'labels' must be a non-empty list of strings")
    unknown = [label for label in labels if label not in LABELS]
    if unknown:
        raise ValueError(f"row {row_id}: unknown labels {unknown}; allowed: {list(LABELS)}")
    if primary is None:
        primary = labels[0]
    if primary not in labels:
        raise ValueError(f"row {row_id}: primary {primary!r} is not among labels {labels}")
    if NONE_LABEL in labels and len(labels) > 1:
        raise ValueError(f"row {row_id}: 'none' cannot be combined with crime labels")
    return CorpusRow(row_id, text, tuple(dict.fromkeys(labels)), str(primary))


def is_held_out(row_id: str) -> bool:
    """Deterministic split by id hash, fixed before any training."""
    return int(hashlib.sha256(row_id.encode("utf-8")).hexdigest()[:8], 16) % HELD_OUT_MODULUS == 0


def split(rows: Iterable[CorpusRow]) -> tuple[list[CorpusRow], list[CorpusRow]]:
    train: list[CorpusRow] = []
    held_out: list[CorpusRow] = []
    for row in rows:
        (held_out if is_held_out(row.id) else train).append(row)
    return train, held_out


def corpus_hash(rows: Iterable[CorpusRow]) -> str:
    """sha256 of the rows in id order (canonical JSON), independent of file layout."""
    digest = hashlib.sha256()
    for row in sorted(rows, key=lambda r: r.id):
        line = json.dumps([row.id, row.text, list(row.labels), row.primary], ensure_ascii=False)
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()
