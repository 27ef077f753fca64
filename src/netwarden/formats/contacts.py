"""contacts.csv: phone books (`owner,contact,contact_name`), a debtor's own or one seized from a loan app."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from netwarden.formats.calls import Table, phone_table, phones_e164, read_csv_strings
from netwarden.formats.rejections import Rejection


def read_contacts(path: Path, *, region: str = "CN", encoding: str | None = None) -> Table:
    """Rows as columns owner, contact (E.164), contact_name, line; unreadable numbers are rejected."""
    raw, rejections = read_csv_strings(path, ("owner", "contact"), encoding)
    if "contact_name" not in raw.columns:
        raw = raw.with_columns(pl.lit(None, pl.Utf8).alias("contact_name"))
    numbers = phone_table(pl.concat([raw["owner"], raw["contact"]]), region)
    frame = raw.with_columns(phones_e164(raw["owner"], numbers).alias("owner_e164"),
                             phones_e164(raw["contact"], numbers).alias("contact_e164"))
    for field_name in ("owner", "contact"):
        bad = frame.filter(pl.col(f"{field_name}_e164").is_null())
        rejections += [Rejection(path.name, row["line"], field_name, "invalid_value",
                                 f"{field_name} is not a phone number",
                                 {name: row[name] for name in ("owner", "contact", "contact_name")})
                       for row in bad.iter_rows(named=True)]
        frame = frame.filter(pl.col(f"{field_name}_e164").is_not_null())
    good = frame.select(pl.col("owner_e164").alias("owner"), pl.col("contact_e164").alias("contact"), "contact_name",
                        "line")
    return Table(good, sorted(rejections, key=lambda r: r.line))
