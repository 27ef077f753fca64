"""Rejected rows: kept whole (or their first 64 KiB), counted, and written to ``rejected.jsonl``."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO


@dataclass(frozen=True, slots=True)
class Rejection:
    """One row that could not be accepted, with where it came from and why.

    ``code`` is stable and machine-readable (the console translates it); ``error`` is English text.
    """

    file: str
    line: int
    field: str | None
    code: str
    error: str
    raw: Any
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "code": self.code,
            "error": self.error,
            "raw": self.raw,
        }


class RejectionWriter:
    """Streams rejections to a JSONL file and keeps the counts for ``summary.json``."""

    def __init__(self, path: Path, *, create_empty: bool = True) -> None:
        """``create_empty=False`` writes the file only when a row is rejected."""
        self.path = path
        self.create_empty = create_empty
        self.counts: Counter[str] = Counter()
        self.by_file: Counter[str] = Counter()
        self._handle: TextIO | None = None

    def __enter__(self) -> RejectionWriter:
        if self.create_empty:
            self._open()
        return self

    def _open(self) -> TextIO:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = self.path.open("w", encoding="utf-8")
        return self._handle

    def __exit__(self, *exc: object) -> None:
        if self._handle:
            self._handle.close()

    def write(self, rejection: Rejection) -> None:
        handle = self._handle or self._open()
        handle.write(json.dumps(rejection.to_dict(), ensure_ascii=False, default=str) + "\n")
        self.counts[rejection.code] += 1
        self.by_file[rejection.file] += 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())
