"""Classification throughput: reports per second per core, end to end (rules + model + priority).

Run:  .venv/bin/python benchmarks/bench_classify.py [--repeat N]

Texts: every corpus text (Chinese, English, mixed; ~20 to ~250 characters), plus the same texts
concatenated into ~600-character narratives. CPU time (time.process_time) is reported besides wall
time because "per core" means the cost on one core, independent of other load on the machine.
Not collected by pytest (file name does not start with test_).
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from netwarden.core.classify import Classifier

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _texts() -> list[str]:
    texts = [json.loads(line)["text"] for path in sorted(CORPUS.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def _measure(classifier: Classifier, texts: list[str], repeat: int) -> tuple[float, float]:
    received = datetime(2026, 3, 1, 21, 0, tzinfo=UTC)
    paid = received - timedelta(hours=3)
    wall_start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for text in texts:
            classifier.classify(text, received_at=received, last_payment_at=paid, victim_age=30, amount_lost=5000)
    n = len(texts) * repeat
    return n / (time.perf_counter() - wall_start), n / (time.process_time() - cpu_start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    classifier = Classifier.load_default()
    short = _texts()
    long = [" ".join(short[i : i + 6]) for i in range(0, len(short) - 6, 6)]
    classifier.classify(short[0])  # warm caches
    for name, texts in (("corpus texts", short), ("~600-char narratives", long)):
        mean_chars = sum(map(len, texts)) / len(texts)
        wall, cpu = _measure(classifier, texts, args.repeat)
        print(f"{name:22s} n={len(texts):5d} mean {mean_chars:6.0f} chars: "
              f"{cpu:7.0f} reports/s per core (CPU time), {wall:7.0f}/s wall")
    big = "测试" * 500_000
    start = time.process_time()
    classifier.classify(big)
    print(f"1 MB text (1,000,000 chars): {time.process_time() - start:.3f} s CPU")


if __name__ == "__main__":
    main()
