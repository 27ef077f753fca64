"""A dated table of China's one-year Loan Prime Rate, for the civil 4 x LPR cap (DOMAIN.md §5.2).

The table ships as data (lpr_cn_1y.json) with its provenance; a deployment can load its own,
newer table with ``LprTable.from_file``. Rates are never hard-coded in the analyzers.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

DEFAULT_TABLE = Path(__file__).with_name("lpr_cn_1y.json")


@dataclass(frozen=True, slots=True)
class LprTable:
    starts: tuple[date, ...]
    rates: tuple[float, ...]
    provenance: str

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> LprTable:
        rows = sorted((date.fromisoformat(str(r["from"])), float(r["rate"])) for r in data["rates"])
        if not rows:
            raise ValueError("the LPR table has no rates")
        return cls(tuple(d for d, _ in rows), tuple(r for _, r in rows), str(data.get("provenance", "")))

    @classmethod
    def from_file(cls, path: Path) -> LprTable:
        return cls.from_mapping(json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def default(cls) -> LprTable:
        return cls.from_file(DEFAULT_TABLE)

    def rate_on(self, day: date) -> float | None:
        """The LPR in force on ``day``; None before the first published LPR (2019-08-20)."""
        index = bisect_right(self.starts, day) - 1
        return self.rates[index] if index >= 0 else None
