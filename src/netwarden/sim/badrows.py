"""Deliberately broken rows (`--with-bad-rows`), appended to the input files and listed in the truth."""

from __future__ import annotations

import random
from pathlib import Path

from netwarden.sim.writer import JsonlWriter, dumps

# file → [(raw line, what is wrong with it)]
BAD_ROWS: dict[str, list[tuple[str, str]]] = {
    "reports.jsonl": [
        ('{"report_id": "R-BAD-1", "received_at": "2026-03-01T10:00:00+08:00", "text": "断了的一行', "invalid_json"),
        (dumps({"report_id": "R-BAD-2", "received_at": "2026-03-01T10:00:00+08:00"}), "missing_text"),
        (dumps({"report_id": "R-BAD-3", "received_at": "yesterday evening", "text": "时间写错了"}), "bad_timestamp"),
        (
            dumps({"report_id": "R-0000001", "received_at": "2026-03-02T10:00:00+08:00", "text": "重复的编号"}),
            "duplicate_report_id",
        ),
    ],
    "transactions.csv": [
        (
            "TBAD000001,2026-02-01T10:00:00+08:00,bank_card:6222020000000000000,alipay:x@163.com,-500,CNY,bank,ICBC,Alipay,",
            "negative_amount",
        ),
        (
            "TBAD000002,2026-02-01T10:00:00+08:00,bank_card:6222020000000000000,alipay:x@163.com,500,XYZ,bank,ICBC,Alipay,",
            "unknown_currency",
        ),
        (
            "TBAD000003,2026-02-01T10:00:00+08:00,alipay:x@163.com,alipay:x@163.com,500,CNY,alipay,Alipay,Alipay,",
            "self_transfer",
        ),
        (
            "T0000000001,2026-02-01T10:00:00+08:00,alipay:y@163.com,alipay:z@163.com,10,CNY,alipay,Alipay,Alipay,",
            "duplicate_txn_id",
        ),
        ("TBAD000004,31/02/2026 25:00,alipay:y@163.com,alipay:z@163.com,10,CNY,alipay,Alipay,Alipay,", "bad_timestamp"),
        (
            "TBAD000005,2026-02-01T10:00:00+08:00,alipay:y@163.com,alipay:z@163.com,0,CNY,alipay,Alipay,Alipay,",
            "zero_amount",
        ),
    ],
    "calls.csv": [
        ("KBAD0001,not-a-time,13800138000,13900139000,call,10,", "bad_timestamp"),
        ("KBAD0002,2026-02-01T10:00:00+08:00,13800138000,13900139000,fax,10,", "unknown_kind"),
    ],
    "loans.jsonl": [
        (
            dumps({"loan_id": "L-BAD-1", "app": "坏数据", "disbursed_at": "2026-01-02T10:00:00+08:00"}),
            "missing_principal",
        )
    ],
    "complaints.jsonl": [("{not json", "invalid_json")],
    "posts.jsonl": [
        (
            dumps({"post_id": "p-bad-1", "platform": "weibo", "account_id": "u1", "text": "no time"}),
            "missing_created_at",
        )
    ],
}


def inject_bad_rows(out_dir: Path, rng: random.Random) -> int:
    """Append the bad rows to each file (in a seeded order) and write truth/bad_rows.jsonl."""
    with JsonlWriter(out_dir / "truth" / "bad_rows.jsonl") as truth:
        for name in sorted(BAD_ROWS):
            path = out_dir / name
            with path.open("rb") as fh:
                lines = sum(1 for _ in fh)
            rows = list(BAD_ROWS[name])
            rng.shuffle(rows)
            with path.open("a", encoding="utf-8", newline="") as fh:
                for raw, problem in rows:
                    lines += 1
                    fh.write(raw + "\n")
                    truth.write({"file": name, "line": lines, "problem": problem, "raw": raw})
        return truth.count
