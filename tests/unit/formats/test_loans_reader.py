"""Reading loans.jsonl: good loans become typed loans; bad rows are rejected with a reason."""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from netwarden.core.analyzers.loans import Loan
from netwarden.errors import InputError
from netwarden.formats.loans import read_loans
from netwarden.formats.rejections import Rejection

SHANGHAI = ZoneInfo("Asia/Shanghai")
GOOD = {"loan_id": "L1", "app": "快借宝", "borrower": "phone:+8613800138000", "principal": 3000, "received": 2100,
        "disbursed_at": "2026-01-02T10:00:00", "schedule": [{"due_at": "2026-01-09T00:00:00+08:00", "amount": 3000}],
        "payments": [{"at": "2026-01-09T09:00:00+08:00", "amount": 3000}],
        "fees": [{"name": "服务费", "amount": 900, "when": "upfront"}], "rollover_of": None}


def _read(tmp_path: Path, rows: list[object]) -> tuple[list[Loan], list[Rejection]]:
    path = tmp_path / "loans.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    out = list(read_loans(path, zone=SHANGHAI))
    return [r for r in out if isinstance(r, Loan)], [r for r in out if isinstance(r, Rejection)]


def test_good_loan_is_typed_with_times_in_the_configured_zone(tmp_path: Path) -> None:
    (loan,), bad = _read(tmp_path, [GOOD])
    assert bad == []
    assert loan.disbursed_at.utcoffset() is not None and loan.disbursed_at.hour == 10
    assert loan.fees[0].when == "upfront" and loan.payments[0].amount == 3000


def test_bad_rows_are_rejected_with_line_and_code_and_the_rest_is_read(tmp_path: Path) -> None:
    rows = [GOOD, "{not json", {**GOOD, "loan_id": "L2", "disbursed_at": "yesterday"},
            {**GOOD, "loan_id": "L3", "principal": -5}, {k: v for k, v in GOOD.items() if k != "received"},
            GOOD, [1, 2], {**GOOD, "loan_id": "L4"}]
    good, bad = _read(tmp_path, rows)
    assert [loan.loan_id for loan in good] == ["L1", "L4"]
    assert [(r.line, r.code) for r in bad] == [
        (2, "bad_json"), (3, "timestamp"), (4, "invalid_value"), (5, "missing_field"), (6, "duplicate_id"),
        (7, "not_object")]


def test_later_fee_with_a_time_is_a_dated_payment(tmp_path: Path) -> None:
    (loan,), _ = _read(tmp_path, [{**GOOD, "fees": [{"name": "逾期费", "amount": 200, "when": "2026-01-10T00:00"}]}])
    assert loan.fees[0].at is not None and loan.fees[0].at.day == 10


def test_unreadable_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "loans.jsonl"
    path.write_bytes("借款".encode("gb18030") + b"\n")
    with pytest.raises(InputError, match="loans.jsonl"):
        list(read_loans(path, zone=SHANGHAI))
