"""Streaming, byte-stable writers for the simulator's JSONL and CSV files."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import orjson


def dumps(record: dict[str, Any]) -> str:
    """Compact UTF-8 JSON (no ASCII escaping), keys in insertion order: stable bytes per seed."""
    return orjson.dumps(record).decode("utf-8")


class JsonlWriter:
    """Writes one JSON object per line; counts what it wrote."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = path.open("w", encoding="utf-8", newline="\n")
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        self._fh.write(dumps(record) + "\n")
        self.count += 1

    def write_raw(self, line: str) -> None:
        """A line as is (used only for deliberately broken rows)."""
        self._fh.write(line + "\n")
        self.count += 1

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._fh.close()


class CsvWriter:
    def __init__(self, path: Path, header: Sequence[str]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = path.open("w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._fh, lineterminator="\n")
        self._csv.writerow(header)
        self.count = 0

    def write(self, row: Sequence[Any]) -> None:
        self._csv.writerow(row)
        self.count += 1

    def write_many(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.write(row)

    def __enter__(self) -> CsvWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._fh.close()


def amount(value: float) -> str:
    """Money as a plain decimal string with at most two decimals (no float noise)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"
