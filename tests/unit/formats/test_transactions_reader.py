"""Reading transactions.csv: every bad row is rejected with its line, field and reason; good rows are typed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import polars as pl
import pytest

from netwarden.errors import InputError
from netwarden.formats.transactions import read_transactions

SHANGHAI = ZoneInfo("Asia/Shanghai")
HEADER = "txn_id,timestamp,from_account,to_account,amount,currency,rail,from_institution,to_institution,report_id"
GOOD = "T1,2026-03-01T21:14:00+08:00,bank_card:6222020000000001,alipay:payee@example.com,3000,CNY,alipay,ICBC,Alipay,R-1"  # noqa: E501


def _write(tmp_path: Path, *lines: str, header: str = HEADER, name: str = "transactions.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def _read(path: Path) -> tuple[pl.DataFrame, dict[int, tuple[str, str | None]]]:
    frame, rejected = read_transactions(path, zone=SHANGHAI)
    return frame, {r.line: (r.code, r.field) for r in rejected}


def test_good_row_is_typed_with_its_line_and_utc_time(tmp_path: Path) -> None:
    frame, rejected = _read(_write(tmp_path, GOOD))
    assert rejected == {}
    row = frame.row(0, named=True)
    assert row["line"] == 2
    assert row["timestamp"] == datetime(2026, 3, 1, 13, 14, tzinfo=UTC)
    assert row["amount"] == 3000.0
    assert row["report_id"] == "R-1"


@pytest.mark.parametrize(
    ("line", "code", "field"),
    [
        ("T2,2026-03-01T21:14:00+08:00,bank_card:1,alipay:a,-5,CNY,bank,,,", "non_positive_amount", "amount"),
        ("T2,2026-03-01T21:14:00+08:00,bank_card:1,alipay:a,0,CNY,bank,,,", "non_positive_amount", "amount"),
        ("T2,2026-03-01T21:14:00+08:00,bank_card:1,alipay:a,12abc,CNY,bank,,,", "bad_amount", "amount"),
        ("T2,2026-03-01T21:14:00+08:00,bank_card:1,alipay:a,5,XYZ,bank,,,", "unknown_currency", "currency"),
        ("T2,2026-03-01T21:14:00+08:00,bank_card:1,alipay:a,5,USDT,bank,,,", "unknown_currency", "currency"),
        ("T2,31/02/2026 25:00,bank_card:1,alipay:a,5,CNY,bank,,,", "bad_timestamp", "timestamp"),
        ("T2,2026-03-01T21:14:00+08:00,alipay:a,alipay:a,5,CNY,bank,,,", "self_transfer", "to_account"),
        ("T2,2026-03-01T21:14:00+08:00,6222020000000001,alipay:a,5,CNY,bank,,,", "bad_account", "from_account"),
        ("T2,2026-03-01T21:14:00+08:00,bank_card:1,alipay:,5,CNY,bank,,,", "bad_account", "to_account"),
        ("T2,2026-03-01T21:14:00+08:00,bank_card:1,alipay:a,5,CNY,pigeon,,,", "unknown_rail", "rail"),
        (",2026-03-01T21:14:00+08:00,bank_card:1,alipay:a,5,CNY,bank,,,", "missing_field", "txn_id"),
        ("T2,2026-03-01T21:14:00+08:00,bank_card:1,alipay:a,5,CNY,bank,,,,surplus", "bad_csv", None),
    ],
)
def test_bad_row_is_rejected_with_line_code_and_field(tmp_path: Path, line: str, code: str, field: str | None) -> None:
    frame, rejected = _read(_write(tmp_path, GOOD, line))
    assert rejected == {3: (code, field)}
    assert frame.get_column("txn_id").to_list() == ["T1"]


def test_rejection_keeps_the_raw_cells_and_explains(tmp_path: Path) -> None:
    _, rejected = read_transactions(
        _write(tmp_path, GOOD, "T2,2026-03-01T21:14:00+08:00,bank_card:1,alipay:a,-5,CNY,bank,,,"), zone=SHANGHAI
    )
    (only,) = rejected
    assert only.file == "transactions.csv"
    assert only.raw["amount"] == "-5"
    assert "-5" in only.error


def test_duplicate_txn_id_rejects_the_later_row_and_names_the_first(tmp_path: Path) -> None:
    later = GOOD.replace("3000", "10")
    frame, rejected = read_transactions(_write(tmp_path, GOOD, later), zone=SHANGHAI)
    assert frame.get_column("amount").to_list() == [3000.0]
    assert [(r.line, r.code) for r in rejected] == [(3, "duplicate_id")]
    assert "line 2" in rejected[0].error


def test_line_numbers_survive_blank_lines_and_quoted_line_breaks(tmp_path: Path) -> None:
    quoted = 'T3,2026-03-01T22:00:00+08:00,bank_card:1,alipay:a,5,CNY,bank,"two\nlines",,'
    bad = "T4,2026-03-01T22:00:00+08:00,bank_card:1,alipay:a,-1,CNY,bank,,,"
    frame, rejected = _read(_write(tmp_path, GOOD, "", quoted, bad))
    assert frame.get_column("line").to_list() == [2, 4]
    assert rejected == {6: ("non_positive_amount", "amount")}


def test_times_without_offset_are_read_in_the_zone_and_lenient_forms_accepted(tmp_path: Path) -> None:
    rows = [
        "A,2026-03-01 21:14:00,bank_card:1,alipay:a,5,,,,,",
        "B,2026/3/1 21:14,bank_card:1,alipay:a,5,,,,,",
        "C,2026-03-01T13:14:00Z,bank_card:1,alipay:a,5,,,,,",
    ]
    frame, rejected = _read(_write(tmp_path, *rows))
    assert rejected == {}
    assert set(frame.get_column("timestamp").to_list()) == {datetime(2026, 3, 1, 13, 14, tzinfo=UTC)}
    assert frame.get_column("currency").to_list() == ["CNY"] * 3
    assert frame.get_column("rail").to_list() == ["other"] * 3


def test_account_type_case_is_normalised_and_extra_columns_kept(tmp_path: Path) -> None:
    path = _write(tmp_path, "T1,2026-03-01T21:14:00+08:00,Bank_Card:62220,alipay:a,5,cny,BANK,,,,note-1",
                  header=HEADER + ",case_ref")
    frame, rejected = _read(path)
    assert rejected == {}
    row = frame.row(0, named=True)
    assert (row["from_account"], row["currency"], row["rail"], row["case_ref"]) == ("bank_card:62220", "CNY", "bank",
                                                                                    "note-1")


def test_missing_required_column_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="amount"):
        read_transactions(_write(tmp_path, "T1,2026-03-01T21:14:00+08:00,bank_card:1,alipay:a",
                                 header="txn_id,timestamp,from_account,to_account"), zone=SHANGHAI)


def test_gb18030_file_is_read_with_the_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "transactions.csv"
    path.write_bytes((HEADER + ",备注\n" + GOOD + ",转账给客服\n").encode("gb18030"))
    with pytest.raises(InputError, match="gb18030"):
        read_transactions(path, zone=SHANGHAI)
    frame, rejected = read_transactions(path, zone=SHANGHAI, encoding="gb18030")
    assert rejected == []
    assert frame.get_column("备注").to_list() == ["转账给客服"]
