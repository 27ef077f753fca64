"""End to end on a small simulated world: the issue's figures hold (regression guard)."""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from netwarden.core.money import freeze_requests, trace
from netwarden.core.money.evaluation import accounts_on_paths, freeze_scores, value_share
from netwarden.formats.transactions import read_transactions
from netwarden.sim import simulate


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("world")
    simulate(3, 0.2, out)
    return out


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_figures_on_a_simulated_world(world: Path) -> None:
    frame, rejected = read_transactions(world / "transactions.csv", zone=ZoneInfo("Asia/Shanghai"))
    assert rejected == []
    result = trace(frame)
    truth = _jsonl(world / "truth" / "money.jsonl")
    classes = {str(a["account"]): str(a["class"]) for a in _jsonl(world / "truth" / "accounts.jsonl")}
    hop_accounts = {t: (s, d) for t, s, d in frame.select("txn_id", "from_account", "to_account").iter_rows()}
    attribution = value_share(truth, result.money_records())
    scores = freeze_scores(freeze_requests(result), classes, accounts_on_paths(truth, hop_accounts))
    assert attribution["value_share"] >= 0.9
    assert scores["precision"] >= 0.9
    assert scores["recall"] >= 0.9
    assert scores["ordinary_in_top"] == 0
