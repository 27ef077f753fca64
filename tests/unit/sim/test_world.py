"""What the world must contain for the analysis stages to be measured fairly."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

from netwarden.sim import simulate
from tests.unit.sim.conftest import SimWorld

CJK = re.compile(r"[\u4e00-\u9fff]")
FILES = (
    "reports.jsonl",
    "transactions.csv",
    "calls.csv",
    "contacts.csv",
    "posts.jsonl",
    "loans.jsonl",
    "complaints.jsonl",
)


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_gives_identical_bytes_and_another_seed_differs(tmp_path: Path) -> None:
    simulate(3, 0.1, tmp_path / "a")
    simulate(3, 0.1, tmp_path / "b")
    simulate(4, 0.1, tmp_path / "c")
    a, b, c = _tree(tmp_path / "a"), _tree(tmp_path / "b"), _tree(tmp_path / "c")
    assert set(FILES) <= set(a) and "truth/README.md" in a
    assert a == b
    assert all(a[name] != c[name] for name in FILES)
    target = str(tmp_path / "d")
    code = f"from pathlib import Path; from netwarden.sim import simulate; simulate(3, 0.1, Path({target!r}))"
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert _tree(tmp_path / "d") == a  # no dependence on string hashing


def test_scale_one_is_about_two_thousand_reports_and_quick(world: SimWorld) -> None:
    assert 1600 <= world.summary.counts["reports.jsonl"] <= 2400
    assert all(world.summary.counts[name] > 0 for name in FILES)
    assert world.cpu_seconds < 6


def test_languages_minors_duplicates_and_hubs(world: SimWorld) -> None:
    reports = {r["report_id"]: r for r in world.jsonl("reports.jsonl")}
    truth = world.jsonl("truth/reports.jsonl")
    langs = Counter(t["lang"] for t in truth)
    assert 0.6 <= langs["zh"] / len(truth) <= 0.8  # about 70/30 Chinese/English
    for t in truth:
        text = reports[t["report_id"]]["text"]
        cjk, latin = len(CJK.findall(text)), len(re.findall(r"\b[A-Za-z]+\b", text))
        assert (cjk > latin) if t["lang"] == "zh" else (latin > cjk), text
    minors = [t for t in truth if t["victim_minor"] and t["crime_type"] == "sextortion"]
    assert len(minors) >= 20 and all(reports[t["report_id"]]["victim"]["age"] < 18 for t in minors)
    duplicates = [t for t in truth if t["duplicate_of"]]
    assert len(duplicates) >= 50
    by_id = {t["report_id"]: t for t in truth}
    for dup in duplicates:
        original = by_id[dup["duplicate_of"]]
        assert original["victim_id"] == dup["victim_id"] and original["series_key"] == dup["series_key"]
        mine = {(i["type"], i["value"]) for i in dup["identifiers"] if i["role"] == "victim"}
        assert mine & {(i["type"], i["value"]) for i in original["identifiers"] if i["role"] == "victim"}
        assert reports[dup["report_id"]]["channel"] != reports[original["report_id"]]["channel"]
    hubs = world.jsonl("truth/hubs.jsonl")
    hub_series: defaultdict[str, set[str]] = defaultdict(set)
    for t in truth:
        for i in t["identifiers"]:
            if i["role"] == "unknown":
                hub_series[f"{i['type']}:{i['value']}"].add(t["series_key"])
    busiest = max(hubs, key=lambda h: h["reports"])
    assert busiest["reports"] >= 20 and len(hub_series[busiest["identifier"]]) >= 15


def test_noise_and_every_crime_type_are_present(world: SimWorld) -> None:
    types = Counter(t["crime_type"] for t in world.jsonl("truth/reports.jsonl"))
    assert set(types) == {
        "sextortion",
        "loan_trap",
        "violent_collection",
        "malicious_claim",
        "publicity_blackmail",
        "troll_network",
        "fraud",
        "other",
        "none",
    }
    roles = Counter(m["role"] for g in world.jsonl("truth/gangs.jsonl") for m in g["members"])
    assert set(roles) == {"organiser", "core", "collector", "money_mule", "tech_support", "recruiter", "member"}


def test_identifiers_rotate_within_a_series(world: SimWorld) -> None:
    per_series: defaultdict[str, set[str]] = defaultdict(set)
    for t in world.jsonl("truth/reports.jsonl"):
        if t["gang_id"]:
            per_series[t["series_key"]] |= {
                i["value"] for i in t["identifiers"] if i["role"] == "suspect" and i["type"] == "bank_card"
            }
    assert max(len(cards) for cards in per_series.values()) >= 3


def test_bad_rows_are_appended_and_listed(tmp_path: Path) -> None:
    simulate(8, 0.1, tmp_path, with_bad_rows=True)
    listed = [line for line in (tmp_path / "truth" / "bad_rows.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(listed) >= 10
    import json

    for row in map(json.loads, listed):
        lines = (tmp_path / row["file"]).read_text(encoding="utf-8").split("\n")
        assert lines[row["line"] - 1] == row["raw"]
