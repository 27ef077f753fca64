"""Reading reports.jsonl / reports.csv: every kind of bad input is kept, counted and explained."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from netwarden.errors import InputError
from netwarden.formats import ParsedReport, Rejection, read_reports

SHANGHAI = ZoneInfo("Asia/Shanghai")
GOOD = {"report_id": "R-1", "received_at": "2026-03-01T21:14:00+08:00", "text": "对方让我转账三千元"}


def _write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def _read(path: Path, **kwargs: object) -> tuple[list[ParsedReport], list[Rejection]]:
    rows = list(read_reports(path, zone=SHANGHAI, **kwargs))  # type: ignore[arg-type]
    return [r for r in rows if isinstance(r, ParsedReport)], [r for r in rows if isinstance(r, Rejection)]


def test_valid_row_is_typed_and_keeps_unknown_fields(tmp_path: Path) -> None:
    row = GOOD | {"victim": {"age": 17, "school": "No. 3 middle school"}, "amount_lost": "3000.50",
                  "identifiers": [{"type": "phone", "value": "138 0013 8000", "role": "suspect"}],
                  "platform_case_ref": "T&S-99"}
    good, bad = _read(_write_jsonl(tmp_path / "reports.jsonl", [row]))
    assert bad == []
    report = good[0].report
    assert report.victim.age == 17
    assert str(report.amount_lost) == "3000.50"
    assert report.extra == {"platform_case_ref": "T&S-99"}
    assert report.victim.model_extra == {"school": "No. 3 middle school"}
    assert good[0].raw == row


def test_timestamp_without_offset_is_read_in_the_configured_zone(tmp_path: Path) -> None:
    good, _ = _read(_write_jsonl(tmp_path / "r.jsonl", [GOOD | {"received_at": "2026-03-01 21:14"}]))
    assert good[0].report.received_at.utcoffset() == timedelta(hours=8)


@pytest.mark.parametrize(
    ("row", "code", "field"),
    [
        ('{"report_id": "R-2", "received_at": ', "bad_json", None),
        ({"report_id": "R-2", "text": "x"}, "missing_field", "received_at"),
        ({**GOOD, "report_id": "R-2", "victim": {"age": "seventeen"}}, "wrong_type", "victim.age"),
        ({**GOOD, "report_id": "R-2", "amount_lost": [1]}, "wrong_type", "amount_lost"),
        ({**GOOD, "report_id": "R-2", "received_at": "last Tuesday"}, "timestamp", "received_at"),
        ({**GOOD, "report_id": "R-2", "text": "   "}, "empty_text", "text"),
        ({**GOOD, "report_id": "R-2", "channel": "carrier pigeon"}, "wrong_type", "channel"),
        ({**GOOD, "report_id": "R-2", "currency": "yuan"}, "currency", "currency"),
        ('["not", "an", "object"]', "not_object", None),
    ],
)
def test_bad_row_is_rejected_with_line_field_and_reason(tmp_path: Path, row: object, code: str, field: str) -> None:
    good, bad = _read(_write_jsonl(tmp_path / "reports.jsonl", [GOOD, row, GOOD | {"report_id": "R-3"}]))
    assert [g.report.report_id for g in good] == ["R-1", "R-3"]
    assert len(bad) == 1
    assert (bad[0].file, bad[0].line, bad[0].code, bad[0].field) == ("reports.jsonl", 2, code, field)
    assert bad[0].error
    assert bad[0].raw is not None


def test_duplicate_report_id_in_a_file_names_the_first_line(tmp_path: Path) -> None:
    _, bad = _read(_write_jsonl(tmp_path / "r.jsonl", [GOOD, GOOD | {"text": "again"}]))
    assert bad[0].code == "duplicate_id" and "line 1" in bad[0].error


def test_empty_file_has_no_rows(tmp_path: Path) -> None:
    (tmp_path / "r.jsonl").write_bytes(b"")
    assert _read(tmp_path / "r.jsonl") == ([], [])


def test_binary_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary"):
        _read(path)


def test_gb18030_file_suggests_encoding_and_then_reads(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    path.write_bytes((json.dumps(GOOD, ensure_ascii=False) + "\n").encode("gb18030"))
    with pytest.raises(InputError, match="--encoding gb18030") as caught:
        _read(path)
    assert str(path) in caught.value.detail
    good, bad = _read(path, encoding="gb18030")
    assert bad == [] and good[0].report.text == GOOD["text"]


def test_utf8_bom_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\n")
    good, bad = _read(path)
    assert bad == [] and good[0].report.report_id == "R-1"


def test_oversize_line_is_rejected_without_stopping_the_file(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    huge = json.dumps(GOOD | {"report_id": "R-huge", "text": "x" * (50 * 1024 * 1024)})
    path.write_text(huge + "\n" + json.dumps(GOOD | {"report_id": "R-after"}) + "\n", encoding="utf-8")
    good, bad = _read(path, max_line_bytes=5 * 1024 * 1024)
    assert [g.report.report_id for g in good] == ["R-after"]
    assert bad[0].code == "line_too_long" and bad[0].line == 1
    assert len(bad[0].raw) <= 64 * 1024


def test_text_over_the_character_limit_is_rejected(tmp_path: Path) -> None:
    _, bad = _read(_write_jsonl(tmp_path / "r.jsonl", [GOOD | {"text": "骗" * 2000}]), max_text_chars=1000)
    assert bad[0].code == "too_long" and bad[0].field == "text"


def test_markup_in_text_is_kept_verbatim(tmp_path: Path) -> None:
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    good, _ = _read(_write_jsonl(tmp_path / "r.jsonl", [GOOD | {"text": payload}]))
    assert good[0].report.text == payload


def test_csv_is_unflattened(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text(
        "report_id,received_at,text,victim_age,victim_region,identifiers,amount_lost,channel\n"
        'C-1,2026-03-02T09:00:00+08:00,"他说不还钱就爆通讯录,\n还发了P图",23,320100,'
        '"phone:13800138000;wechat:kjb_kefu",2100,hotline\n'
        "C-2,2026-03-02T10:00:00+08:00,second report,,,,,\n",
        encoding="utf-8",
    )
    good, bad = _read(path)
    assert bad == []
    first = good[0].report
    assert first.victim.age == 23 and first.victim.region == "320100"
    assert [(i.type, i.value, i.role) for i in first.identifiers] == [
        ("phone", "13800138000", "suspect"), ("wechat", "kjb_kefu", "suspect")]
    assert "\n" in first.text
    assert good[1].line == 4  # the first record spans lines 2-3


def test_csv_missing_required_column_names_it(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text("report_id,received_at\nC-1,2026-03-02\n", encoding="utf-8")
    with pytest.raises(InputError, match="text"):
        _read(path)


def test_csv_row_with_wrong_cell_count_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text("report_id,received_at,text\nC-1,2026-03-02,ok\nC-2,2026-03-02,a,b\n", encoding="utf-8")
    good, bad = _read(path)
    assert len(good) == 1 and bad[0].code == "bad_csv" and bad[0].line == 3
