"""One simulated world per test session (scale 1, with bad rows in a separate small world)."""

from __future__ import annotations

import csv
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from netwarden.sim import SimSummary, simulate


@dataclass
class SimWorld:
    summary: SimSummary
    root: Path
    cpu_seconds: float

    def jsonl(self, name: str) -> list[dict[str, Any]]:
        with (self.root / name).open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh]

    def csv(self, name: str) -> list[dict[str, str]]:
        with (self.root / name).open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> SimWorld:
    root = tmp_path_factory.mktemp("sim-scale1")
    started = time.process_time()  # CPU time: wall time depends on what else the machine runs
    summary = simulate(11, 1.0, root)
    return SimWorld(summary, root, time.process_time() - started)
