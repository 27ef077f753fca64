"""Reading contacts.csv: phone books with numbers in E.164; unreadable numbers are rejected."""

from __future__ import annotations

from pathlib import Path

from netwarden.formats.contacts import read_contacts


def test_phone_book_rows_are_canonical_and_bad_numbers_rejected(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("\ufeffowner,contact,contact_name\n18100041992,184 0005 4106,同事小王\n"
                    "+8618100041992,nobody,孙浩\n", encoding="utf-8")
    table = read_contacts(path)
    assert table.frame.select("owner", "contact").rows() == [("+8618100041992", "+8618400054106")]
    assert [(r.line, r.field, r.code) for r in table.rejections] == [(3, "contact", "invalid_value")]
