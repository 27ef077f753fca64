"""Reading calls.csv: numbers to E.164, times to UTC, bad rows rejected with their real line."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from netwarden.errors import InputError
from netwarden.formats.calls import read_calls

SHANGHAI = ZoneInfo("Asia/Shanghai")
HEADER = "record_id,timestamp,caller,callee,kind,duration_s,text\n"


def test_numbers_and_times_are_canonical(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    path.write_text(HEADER + "K1,2026-01-24T07:19:19+08:00,0086-171 00092345,１８１ ０００４ １９９２,call,60,\n"
                    "K2,2026/1/24 08:00,+8617100092345,+639174486803,sms,,\"Pay\nnow\"\n"
                    "K3,2026-01-24T09:00:00+08:00,17100092345,9174486803,call,3,\n", encoding="utf-8")
    table = read_calls(path, zone=SHANGHAI)
    assert table.rejections == []
    assert table.frame["caller"].to_list() == ["+8617100092345"] * 3
    # The foreign number written without +63 is the one written in full elsewhere in the file.
    assert table.frame["callee"].to_list() == ["+8618100041992", "+639174486803", "+639174486803"]
    assert table.frame["at"][1].hour == 0 and table.frame["text"][1] == "Pay\nnow"
    assert table.frame["line"].to_list() == [2, 3, 5]


def test_bad_rows_are_rejected_and_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    path.write_text(HEADER + "K1,2026-01-24T07:19:19+08:00,13800138000,13900139000,call,60,\n"
                    "K2,not a time,13800138000,13900139000,call,60,\n"
                    "K3,2026-01-24T07:19:19+08:00,hello,13900139000,call,60,\n"
                    "K4,2026-01-24T07:19:19+08:00,13800138000,13900139000,fax,60,\n"
                    "K1,2026-01-24T07:19:19+08:00,13800138000,13900139000,call,60,\n"
                    "K6,2026-01-24T07:19:19+08:00,13800138000,13900139000,call,60,,extra\n"
                    "K7,2026-01-24T07:19:19+08:00,13800138000,13900139000,call\n", encoding="utf-8")
    table = read_calls(path, zone=SHANGHAI)
    # Trailing optional cells may be left out (K7); an extra cell is a broken row (K6).
    assert table.frame["record_id"].to_list() == ["K1", "K7"]
    assert [(r.line, r.field, r.code) for r in table.rejections] == [
        (3, "timestamp", "timestamp"), (4, "caller", "invalid_value"), (5, "kind", "invalid_value"),
        (6, "record_id", "duplicate_id"), (7, None, "bad_csv")]
    assert table.rejections[-1].raw["text"] == ""


def test_missing_column_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    path.write_text("record_id,timestamp,caller\nK1,2026-01-24T07:19:19+08:00,13800138000\n", encoding="utf-8")
    with pytest.raises(InputError, match="callee"):
        read_calls(path, zone=SHANGHAI)
