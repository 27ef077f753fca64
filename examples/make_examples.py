"""Check the sample campaign and write the bad-input files that are derived, not hand-written.

    python examples/make_examples.py

The campaign (campaign/reports.jsonl, campaign/reports.csv) and most files in bad/ are
hand-written. Three bad files are generated here because they cannot be written by hand or
must stay in step with the campaign: binary.jsonl (random bytes), gb18030.jsonl (reports in a
non-UTF-8 encoding) and missing_column.csv (reports.csv without its text column). Output is
deterministic: running the script twice gives byte-identical files.

The check is a shape check of the data contract (FORMATS.md), not netwarden's reader: every
line is a JSON object, required fields are present and typed, ids are unique across both
files, timestamps parse, enumerations hold. It exits 1 and lists the problems if any.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parent
CAMPAIGN = EXAMPLES / "campaign"
BAD = EXAMPLES / "bad"

REQUIRED = ("report_id", "received_at", "text")
CHANNELS = {"web", "hotline", "app", "platform", "referral", "other"}
ROLES = {"suspect", "victim", "unknown"}
TEXT_LENGTH = range(80, 601)
# Fixed so that binary.jsonl never changes between runs.
BINARY_SEED = 20260301
BINARY_SIZE = 384

GB18030_REPORTS = [
    {
        "report_id": "GB-0001",
        "received_at": "2026-03-07T21:10:00+08:00",
        "channel": "web",
        "text": "网友视频聊天后把录屏发给我，说不转五千元就发到我家族群和单位群。",
        "victim": {"age": 33, "gender": "m", "region": "410105", "occupation": "销售"},
    },
    {
        "report_id": "GB-0002",
        "received_at": "2026-03-07T21:20:00+08:00",
        "channel": "hotline",
        "text": "借款三千元，扣除服务费后到账两千一百元，七天后要还三千元，逾期后催收给我父母打电话。",
        "amount_lost": 900,
        "currency": "CNY",
    },
    {
        "report_id": "GB-0003",
        "received_at": "2026-03-07T21:30:00+08:00",
        "channel": "web",
        "text": "自称“财经内参观察”编辑的人说交十八万广告费就删除负面文章，不交明天继续发。",
    },
]


def _is_timestamp(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_report(row: Any, where: str) -> list[str]:
    """Problems with one campaign report, each prefixed with where it is."""
    if not isinstance(row, dict):
        return [f"{where}: not a JSON object"]
    problems = [f"{where}: missing {name}" for name in REQUIRED if not row.get(name)]
    if problems:
        return problems
    if not _is_timestamp(row["received_at"]):
        problems.append(f"{where}: received_at {row['received_at']!r} is not ISO 8601")
    if "last_payment_at" in row and not _is_timestamp(row["last_payment_at"]):
        problems.append(f"{where}: last_payment_at {row['last_payment_at']!r} is not ISO 8601")
    if row.get("channel") not in CHANNELS:
        problems.append(f"{where}: channel {row.get('channel')!r} is not one of {sorted(CHANNELS)}")
    if len(row["text"]) not in TEXT_LENGTH:
        problems.append(f"{where}: text has {len(row['text'])} characters, want 80-600")
    for ident in row.get("identifiers", []):
        if not (ident.get("type") and ident.get("value") and ident.get("role") in ROLES):
            problems.append(f"{where}: identifier {ident!r} needs type, value and a known role")
    for message in row.get("messages", []):
        if not (message.get("from") and message.get("text") and _is_timestamp(message.get("at"))):
            problems.append(f"{where}: message {message!r} needs from, a timestamp at, and text")
    return problems


def read_campaign() -> tuple[list[dict[str, Any]], list[dict[str, str]], list[str]]:
    problems: list[str] = []
    jsonl_rows: list[dict[str, Any]] = []
    with (CAMPAIGN / "reports.jsonl").open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            where = f"reports.jsonl:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{where}: {exc}")
                continue
            problems += check_report(row, where)
            jsonl_rows.append(row)
    with (CAMPAIGN / "reports.csv").open(encoding="utf-8", newline="") as handle:
        csv_rows = list(csv.DictReader(handle))
    for number, row in enumerate(csv_rows, start=2):
        # The flattened identifiers column is checked on its own below.
        flat = {k: v for k, v in row.items() if v != "" and k != "identifiers"}
        problems += check_report(flat, f"reports.csv:{number}")
        for pair in filter(None, row["identifiers"].split(";")):
            if ":" not in pair:
                problems.append(f"reports.csv:{number}: identifier {pair!r} is not type:value")
    ids = [row.get("report_id") for row in jsonl_rows] + [row["report_id"] for row in csv_rows]
    repeated = sorted({rid for rid in ids if ids.count(rid) > 1})
    problems += [f"report_id {rid} appears more than once" for rid in repeated]
    return jsonl_rows, csv_rows, problems


def binary_bytes() -> bytes:
    data = bytearray(random.Random(BINARY_SEED).randbytes(BINARY_SIZE))
    # Guarantee NULs and bytes that are invalid in UTF-8 whatever the seed produces.
    data[0:4] = b"\x00\xff\xfe\x00"
    return bytes(data)


def gb18030_bytes() -> bytes:
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in GB18030_REPORTS)
    return text.encode("gb18030")


def missing_column_csv(csv_rows: list[dict[str, str]]) -> str:
    columns = [name for name in csv_rows[0] if name != "text"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows)
    return out.getvalue()


def main() -> int:
    jsonl_rows, csv_rows, problems = read_campaign()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    binary = binary_bytes()
    gb = gb18030_bytes()
    for name, payload in (("binary.jsonl", binary), ("gb18030.jsonl", gb)):
        try:
            payload.decode("utf-8")
        except UnicodeDecodeError:
            continue
        print(f"{name} would decode as UTF-8, so it would not test the encoding check", file=sys.stderr)
        return 1
    (BAD / "binary.jsonl").write_bytes(binary)
    (BAD / "gb18030.jsonl").write_bytes(gb)
    (BAD / "missing_column.csv").write_text(missing_column_csv(csv_rows), encoding="utf-8", newline="")
    print(f"campaign ok: {len(jsonl_rows)} JSONL + {len(csv_rows)} CSV reports; wrote 3 files in {BAD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
