"""calls.csv: call-detail and SMS records, read column-wise (Polars) for tens of millions of rows.

`record_id,timestamp,caller,callee,kind,duration_s,text`; numbers in any common format become
E.164 (each distinct number is normalised once). A bad row (bad time, unreadable number, unknown
kind, duplicate id, wrong number of cells) is rejected with its real line number: quoted SMS
texts may span lines, and the line count follows them.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import Any

import polars as pl

from netwarden.core.identifiers.types.phone import normalise
from netwarden.errors import InputError
from netwarden.formats.rejections import Rejection
from netwarden.formats.textfile import check_text_file
from netwarden.formats.timestamps import parse_timestamp

CALL_COLUMNS = ("record_id", "timestamp", "caller", "callee", "kind", "duration_s", "text")
REQUIRED_CALL_COLUMNS = ("record_id", "timestamp", "caller", "callee", "kind")
KINDS = ("call", "sms")


@dataclass(frozen=True, slots=True)
class Table:
    """Accepted rows as a DataFrame, and the rejected ones."""

    frame: pl.DataFrame
    rejections: list[Rejection]


def read_csv_strings(path: Path, required: Sequence[str], encoding: str | None) -> tuple[pl.DataFrame, list[Rejection]]:
    """Every cell as a string plus a `line` column; ragged rows are rejected, never truncated."""
    codec = check_text_file(path, encoding)
    text_codec = "utf8" if codec in ("utf-8-sig", "utf-8") else None
    try:
        if text_codec is None:
            raise pl.exceptions.ComputeError("not UTF-8: read with the csv module")
        frame = pl.read_csv(path, infer_schema=False, encoding="utf8")
        rejections: list[Rejection] = []
    except (pl.exceptions.ComputeError, pl.exceptions.NoDataError) as exc:
        if isinstance(exc, pl.exceptions.NoDataError):
            return pl.DataFrame({name: [] for name in required}, schema=dict.fromkeys(required, pl.Utf8)), []
        frame, rejections = _read_with_csv_module(path, codec)
    frame = frame.rename({name: name.strip().lstrip("\ufeff") for name in frame.columns})
    missing = [name for name in required if name not in frame.columns]
    if missing:
        raise InputError(f"{path}: missing required column(s) {', '.join(missing)}; the header has: "
                         f"{', '.join(frame.columns)}", code="csv_missing_column", file=str(path), columns=missing)
    if "line" not in frame.columns:
        # Only columns that hold a line break at all are counted (usually none, or the SMS text).
        broken = [c for c in frame.columns if frame[c].str.contains("\n", literal=True).any()]
        newlines = pl.sum_horizontal(pl.col(c).fill_null("").str.count_matches("\n", literal=True) for c in broken) \
            if broken else pl.lit(0)
        frame = frame.with_columns((pl.int_range(pl.len()) + 2 + newlines.cum_sum().shift(1, fill_value=0))
                                   .alias("line"))
    return frame, rejections


def _read_with_csv_module(path: Path, codec: str) -> tuple[pl.DataFrame, list[Rejection]]:
    rows: list[list[str]] = []
    lines: list[int] = []
    rejections: list[Rejection] = []
    with path.open("r", encoding=codec, newline="") as handle:
        reader = csv.reader(handle)
        header = [name.strip() for name in next(reader, [])]
        start = reader.line_num + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                rejections.append(Rejection(path.name, start, None, "bad_csv", f"malformed CSV: {exc}", None))
                start = reader.line_num + 1
                continue
            number, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                rejections.append(Rejection(path.name, number, None, "bad_csv",
                                            f"row has {len(cells)} cells; the header has {len(header)}",
                                            dict(zip(header, cells, strict=False))))
                continue
            rows.append(cells + [""] * (len(header) - len(cells)))  # trailing optional cells may be left out
            lines.append(number)
    data: dict[str, Any] = {name: [row[i] for row in rows] for i, name in enumerate(header)}
    data["line"] = lines
    return pl.DataFrame(data, schema={**dict.fromkeys(header, pl.Utf8), "line": pl.Int64}), rejections


_CN_MOBILE = r"^(?:\+?86|0086)?(1[3-9]\d{9})$"


def phone_table(values: pl.Series, region: str) -> dict[str, str | None]:
    """E.164 for each distinct number, normalised once; None for what is not a phone number.

    Chinese mobile numbers in their usual spellings are rewritten column-wise; the rest go through
    the identifier module one by one. A foreign number written without its country code
    (9174486803) cannot be parsed alone; when it is the national part of exactly one number
    written in full elsewhere in the file, it is that one.
    """
    distinct = values.unique().drop_nulls()
    squeezed = distinct.str.replace_all(r"[\s\-()]", "")
    fast = squeezed.str.extract(_CN_MOBILE, 1) if region.upper() == "CN" else pl.Series([None] * len(distinct))
    table: dict[str, str | None] = {
        value: f"+86{mobile}" for value, mobile in zip(distinct, fast, strict=True) if mobile is not None}
    for value in distinct.filter(fast.is_null()).to_list():
        # NFKC first: full-width digits (１８８ ０００９) are common in copied Chinese text; "(+225) 07..."
        # is international although it does not start with the plus.
        table[value] = normalise(unicodedata.normalize("NFKC", value).replace("(", "").replace(")", ""), region)
    failed = {value: re.sub(r"\D", "", unicodedata.normalize("NFKC", value)) for value, e164 in table.items()
              if e164 is None}
    if failed:
        full = pl.Series("e164", sorted({e for e in table.values() if e and e.startswith("+")}), dtype=pl.Utf8)
        national = pl.concat([pl.DataFrame({"e164": full, "national": full.str.slice(1 + cc)}) for cc in (1, 2, 3)])
        matches = national.filter(pl.col("national").is_in(list(failed.values()))).group_by("national").agg(
            pl.col("e164").unique())
        found = {n: e[0] for n, e in matches.filter(pl.col("e164").list.len() == 1).iter_rows()}
        for value, digits in failed.items():
            if len(digits) >= 7 and digits in found:
                table[value] = found[digits]
    return table


def phones_e164(values: pl.Series, table: dict[str, str | None]) -> pl.Series:
    return values.replace_strict(table, default=None, return_dtype=pl.Utf8)


def timestamps_utc(values: pl.Series, zone: tzinfo) -> pl.Series:
    """ISO 8601 with an offset column-wise; the rare other forms (no offset, slashes) one by one."""
    fast = values.str.to_datetime("%Y-%m-%dT%H:%M:%S%z", strict=False, time_zone="UTC", time_unit="us")
    missing = values.filter(fast.is_null() & values.is_not_null()).unique()
    if missing.is_empty():
        return fast
    table: dict[str, Any] = {}
    for value in missing:
        try:
            table[value] = parse_timestamp(value, zone)
        except ValueError:
            table[value] = None
    slow = values.replace_strict(table, default=None, return_dtype=pl.Datetime("us", "UTC"))
    return fast.fill_null(slow)


def read_calls(path: Path, *, zone: tzinfo, region: str = "CN", encoding: str | None = None) -> Table:
    """calls.csv as columns record_id, at (UTC), caller, callee (E.164), kind, duration_s, text, line."""
    raw, rejections = read_csv_strings(path, REQUIRED_CALL_COLUMNS, encoding)
    for name in CALL_COLUMNS:
        if name not in raw.columns:
            raw = raw.with_columns(pl.lit(None, pl.Utf8).alias(name))
    originals = [c for c in raw.columns if c != "line"]
    numbers = phone_table(pl.concat([raw["caller"], raw["callee"]]), region)
    frame = raw.with_columns(
        timestamps_utc(raw["timestamp"], zone).alias("at"),
        phones_e164(raw["caller"], numbers).alias("caller_e164"),
        phones_e164(raw["callee"], numbers).alias("callee_e164"),
        pl.col("kind").str.strip_chars().str.to_lowercase().alias("kind_norm"),
        pl.col("duration_s").str.strip_chars().cast(pl.Float64, strict=False).alias("duration"),
    )
    checks = [
        (pl.col("record_id").fill_null("").str.strip_chars() == "", "record_id", "missing_field",
         "required field 'record_id' is missing"),
        (pl.col("at").is_null(), "timestamp", "timestamp", "not an ISO 8601 timestamp"),
        (pl.col("caller_e164").is_null(), "caller", "invalid_value", "caller is not a phone number"),
        (pl.col("callee_e164").is_null(), "callee", "invalid_value", "callee is not a phone number"),
        (~pl.col("kind_norm").is_in(KINDS).fill_null(False), "kind", "invalid_value", "kind must be call or sms"),
    ]
    # Distinct 64-bit hashes prove there is no duplicate id cheaply; otherwise compare the ids.
    if frame["record_id"].hash().n_unique() != frame.height:
        checks.append((~pl.col("record_id").is_first_distinct(), "record_id", "duplicate_id", "duplicate record_id"))
    problem = pl.lit(None, pl.Int32)
    for number, (mask, *_rest) in reversed(list(enumerate(checks))):
        problem = pl.when(mask).then(pl.lit(number, pl.Int32)).otherwise(problem)
    frame = frame.with_columns(problem.alias("problem"))
    bad_any = pl.col("problem").is_not_null()
    for row in frame.filter(bad_any).iter_rows(named=True):
        _, field_name, code, error = checks[row["problem"]]
        rejections.append(Rejection(path.name, row["line"], field_name, code, error, {c: row[c] for c in originals}))
    good = frame.filter(~bad_any).select(
        "record_id", "at", pl.col("caller_e164").alias("caller"), pl.col("callee_e164").alias("callee"),
        pl.col("kind_norm").alias("kind"), pl.col("duration").alias("duration_s"), "text", "line")
    return Table(good, sorted(rejections, key=lambda r: r.line))
