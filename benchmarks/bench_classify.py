"""Classification throughput: reports per second per core, end to end (rules + model + priority).

Run:  .venv/bin/python benchmarks/bench_classify.py [--repeat N] [--real-data]

--real-data also prints the real-data figures of docs/classification.md (share of each
telecom_fraud_texts_5 class and of SMS Spam Collection ham that get a crime label, and the rule
codes seen most in the errors), reading ../shared/data or $NETWARDEN_SHARED_DATA.
--examples scores the sample campaign (examples/campaign/reports.jsonl, written by another author):
reports of the linked operations in examples/README.md carry the operation's crime type.

Texts: every corpus text (Chinese, English, mixed; ~20 to ~250 characters), plus the same texts
concatenated into ~600-character narratives. CPU time (time.process_time) is reported besides wall
time because "per core" means the cost on one core, independent of other load on the machine.
Not collected by pytest (file name does not start with test_).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import statistics
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from netwarden.core.classify import Classifier

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SHARED = Path(os.environ.get("NETWARDEN_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
TELECOM = [("label00-last.csv", "utf-8", "marketing (label 0)", False),
           ("label01-last.csv", "utf-8", "impersonating police/officials (1)", True),
           ("label02-last.csv", "utf-8", "loan fraud (2)", True),
           ("label03-last.csv", "utf-8", "fake customer service (3)", True),
           ("label04-last.csv", "gb18030", "impersonating leaders/acquaintances (4)", True)]


def _texts() -> list[str]:
    texts = [json.loads(line)["text"] for path in sorted(CORPUS.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def _measure(classifier: Classifier, texts: list[str], repeat: int) -> tuple[float, float, float]:
    """(best, median) reports/s per core over `repeat` passes, by CPU time, and the median wall
    rate. The best pass is the least disturbed by other load (as timeit reports the minimum)."""
    received = datetime(2026, 3, 1, 21, 0, tzinfo=UTC)
    paid = received - timedelta(hours=3)
    cpu_rates: list[float] = []
    wall_rates: list[float] = []
    for _ in range(repeat):
        wall_start, cpu_start = time.perf_counter(), time.process_time()
        for text in texts:
            classifier.classify(text, received_at=received, last_payment_at=paid, victim_age=30, amount_lost=5000)
        cpu_rates.append(len(texts) / (time.process_time() - cpu_start))
        wall_rates.append(len(texts) / (time.perf_counter() - wall_start))
    return max(cpu_rates), statistics.median(cpu_rates), statistics.median(wall_rates)


def _telecom_texts(name: str, encoding: str) -> list[str]:
    with (SHARED / "telecom_fraud_texts_5" / name).open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle)
        column = next(reader).index("content")
        return [row[column] for row in reader if row and row[column].strip()]


def _real_data(classifier: Classifier) -> None:
    sets = [(label, _telecom_texts(name, encoding), is_crime) for name, encoding, label, is_crime in TELECOM]
    ham_path = SHARED / "sms_spam_collection" / "SMSSpamCollection"
    ham = [line.split("\t", 1)[1] for line in ham_path.read_text(encoding="utf-8").splitlines()
           if line.startswith("ham\t") and line.split("\t", 1)[1].strip()]
    sets.append(("SMS Spam Collection ham", ham, False))
    for label, texts, is_crime in sets:
        results = [classifier.classify(text) for text in texts]
        crime = sum(result.crime_type != "none" for result in results)
        wrong = [r for r in results if (r.crime_type == "none") == is_crime]
        codes = Counter(reason.code for r in wrong for reason in r.reasons if reason.label != "priority")
        predicted = Counter(r.crime_type for r in results)
        print(f"{label:40s} n={len(texts):5d} crime label {crime / len(texts):7.2%}  "
              f"labels {dict(predicted.most_common(4))}")
        print(f"{'':40s} codes in the {len(wrong)} errors: {dict(codes.most_common(6))}")


def _reference_ns_per_lookup() -> float:
    """A fixed pure-Python workload (dict lookups), to tell a slow or busy machine from slow code."""
    table = {str(i): i for i in range(20_000)}
    keys = [str(i) for i in range(0, 40_000, 3)] * 10
    start = time.process_time()
    lookup = table.get
    for key in keys:
        lookup(key)
    return (time.process_time() - start) / len(keys) * 1e9


OPERATION_LABELS = {
    '"蜜语" sextortion ring': "sextortion", '"私密空间" sextortion ring': "sextortion",
    "Instagram/Snapchat sextortion": "sextortion", "Shell loan apps": "loan_trap",
    "Their collection crew": "violent_collection", "Claim crew A": "malicious_claim",
    "Claim crew B": "malicious_claim", '"财经内参观察" blackmail': "publicity_blackmail",
    "Paid troll network": "troll_network", "Task scam": "fraud", "Fake customer service": "fraud",
    "Police impersonation": "fraud", "Crypto investment": "fraud"}


def _examples(classifier: Classifier) -> None:
    root = Path(__file__).resolve().parents[1] / "examples"
    expected: dict[str, set[str]] = {}
    for line in (root / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0] in OPERATION_LABELS:
            for number in re.findall(r"\b\d{3,4}\b", cells[2].replace("EX-", "")):
                expected.setdefault(f"EX-{int(number):04d}", set()).add(OPERATION_LABELS[cells[0]])
    lines = (root / "campaign" / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    reports = [json.loads(line) for line in lines if line.strip()]
    hits = crimes = scored = 0
    for report in reports:
        if report["report_id"] not in expected:
            continue
        messages = [m.get("text", "") for m in report.get("messages") or [] if isinstance(m, dict)]
        primary = classifier.crime_types(report["text"], messages)[0]
        scored += 1
        hits += primary in expected[report["report_id"]]
        crimes += primary != "none"
    print(f"sample campaign, linked-operation reports: n={scored}, primary = operation's type {hits}, "
          f"any crime label {crimes}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--real-data", action="store_true", help="also print the real-data figures")
    parser.add_argument("--examples", action="store_true", help="also score the sample campaign")
    args = parser.parse_args()
    classifier = Classifier.load_default()
    short = _texts()
    long = [" ".join(short[i : i + 6]) for i in range(0, len(short) - 6, 6)]
    classifier.classify(short[0])  # warm caches
    print(f"machine reference: {_reference_ns_per_lookup():.0f} ns per dict lookup in a Python loop "
          "(lower = faster or idler machine)")
    for name, texts in (("corpus texts", short), ("~600-char narratives", long)):
        mean_chars = sum(map(len, texts)) / len(texts)
        best, median, wall = _measure(classifier, texts, args.repeat)
        print(f"{name:22s} n={len(texts):5d} mean {mean_chars:4.0f} chars: reports/s per core (CPU time) "
              f"best {best:5.0f}, median {median:5.0f}; wall median {wall:5.0f}")
    big = "测试" * 500_000
    start = time.process_time()
    classifier.classify(big)
    print(f"1 MB text (1,000,000 chars): {time.process_time() - start:.3f} s CPU")
    if args.real_data:
        _real_data(classifier)
    if args.examples:
        _examples(classifier)


if __name__ == "__main__":
    main()
