"""transactions.csv: money moving between accounts (FORMATS.md), read columnar with Polars.

Ten million rows must load in seconds, so every check is a vectorised expression over string
columns; only the rows that fail (normally few) become Python ``Rejection`` objects. A row's
``line`` is its physical line in the file (the header is line 1), also when a quoted cell holds a
line break. Timestamps the vectorised formats cannot read go through ``parse_timestamp`` one by
one, so the accepted forms are exactly those of the other readers.
"""

from __future__ import annotations

import io
import mmap
import os
from datetime import tzinfo
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from netwarden.core.money.currencies import iso4217_codes
from netwarden.errors import InputError
from netwarden.formats.rejections import Rejection
from netwarden.formats.textfile import check_text_file
from netwarden.formats.timestamps import parse_timestamp

COLUMNS = (
    "txn_id", "timestamp", "from_account", "to_account", "amount", "currency", "rail",
    "from_institution", "to_institution", "report_id",
)
REQUIRED = ("txn_id", "timestamp", "from_account", "to_account", "amount")
RAILS = ("bank", "unionpay", "alipay", "wechat", "crypto", "cash", "other")
DEFAULT_CURRENCY = "CNY"
# Extra unnamed cells beyond the header are caught by reading a few spare columns.
_SPARE = 4
_CHUNK = 64 * 1024 * 1024
_ACCOUNT = r"^[a-z][a-z0-9_]{0,31}:\S"
_OFFSET = r"[+-]\d{2}:?\d{2}$"
_WITH_OFFSET = ("%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z")
_NAIVE = ("%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d")


def read_transactions(
    path: Path, *, zone: tzinfo, encoding: str | None = None
) -> tuple[pl.DataFrame, list[Rejection]]:
    """Read and validate a transactions.csv; return the accepted rows and the rejected ones.

    The frame has the contract columns (``timestamp`` as UTC ``Datetime``, ``amount`` as
    ``Float64``, empty optional cells as null, ``currency`` defaulting to CNY, ``rail`` to
    ``other``), any extra columns as strings, and ``line``. Raises ``InputError`` only for a file
    that cannot be read at all or lacks a required column.
    """
    codec = check_text_file(path, encoding)
    source, data = _utf8_source(path, codec)
    header = _header(source, path)
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise InputError(
            f"{path}: missing required column(s) {', '.join(missing)}; the header has: {', '.join(header)}",
            code="csv_missing_column", file=str(path), columns=missing,
        )
    if len(set(header)) != len(header):
        raise InputError(f"{path}: the header names a column twice: {', '.join(header)}", code="csv_header")
    spare = [f"__spare_{i}" for i in range(_SPARE)]
    try:
        frame = pl.read_csv(
            source, has_header=False, skip_rows=1, missing_columns="insert",
            schema={name: pl.String for name in [*header, *spare]}, truncate_ragged_lines=True,
            row_index_name="line", row_index_offset=2,
        )
    except (pl.exceptions.ComputeError, pl.exceptions.NoDataError) as exc:
        raise InputError(f"{path}: not a readable CSV file: {exc}", code="file_not_csv", file=str(path)) from exc
    del data
    frame = _physical_lines(frame, path, header)
    # A blank line is no row (as in the other readers), but it keeps its place in the numbering.
    blank = pl.all_horizontal(pl.col(name).is_null() for name in header)
    if frame.select(blank.any()).item():
        frame = frame.filter(~blank)
    frame = _with_optional_columns(frame)
    checked = _checked(frame, zone)
    checked = _with_fallback_times(checked, zone)
    checked = _with_duplicates(checked)
    rejected = checked.filter(pl.col("_code").is_not_null())
    rejections = [_rejection(path.name, row, header) for row in rejected.iter_rows(named=True)]
    extras = [name for name in header if name not in COLUMNS]
    # Filtering copies every column: skip it when nothing was rejected (the usual case).
    accepted = checked.filter(pl.col("_code").is_null()) if rejections else checked
    return accepted.select(pl.col("line").cast(pl.Int64), *COLUMNS, *extras), rejections


def _utf8_source(path: Path, codec: str) -> tuple[Path | io.BytesIO, bytes | None]:
    """Polars reads UTF-8 only; any other (already checked) encoding is re-encoded in memory."""
    if codec == "utf-8-sig":
        return path, None
    data = path.read_bytes().decode(codec).encode("utf-8")
    return io.BytesIO(data), data


def _header(source: Path | io.BytesIO, path: Path) -> list[str]:
    try:
        names = pl.read_csv(source, n_rows=0, infer_schema=False).columns
    except pl.exceptions.NoDataError as exc:
        raise InputError(f"{path}: the file is empty (a header line is expected)", code="file_empty") from exc
    if isinstance(source, io.BytesIO):
        source.seek(0)
    return [name.strip() for name in names]


def _physical_lines(frame: pl.DataFrame, path: Path, header: list[str]) -> pl.DataFrame:
    """Shift line numbers after a quoted cell that holds a line break (only such cells can).

    The file's line breaks are counted straight from a memory map (vectorised, no copy); only if
    there are more than rows are the cells searched for the ones holding a break.
    """
    breaks = 0
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size:
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                data = np.frombuffer(mapped, dtype=np.uint8)
                for start in range(0, size, _CHUNK):
                    breaks += int(np.count_nonzero(data[start : start + _CHUNK] == 10))
                del data
    if breaks <= frame.height + 1:
        return frame
    inside = pl.sum_horizontal(pl.col(name).str.count_matches("\n", literal=True).fill_null(0) for name in header)
    return frame.with_columns(
        (pl.col("line").cast(pl.Int64) + inside.cum_sum().shift(1, fill_value=0)).alias("line")
    )


def _with_optional_columns(frame: pl.DataFrame) -> pl.DataFrame:
    missing = [pl.lit(None, dtype=pl.String).alias(name) for name in COLUMNS if name not in frame.columns]
    return frame.with_columns(missing) if missing else frame


def _tidied(frame: pl.DataFrame, names: list[str]) -> pl.DataFrame:
    """Strip spaces and make blank cells null, only in the columns that have any (copies are costly)."""
    # Prefix and suffix tests are cheap; a leading tab still fails the account and number checks.
    untidy = frame.select(
        (pl.col(name).str.len_bytes().min() == 0)
        | pl.col(name).str.starts_with(" ").any() | pl.col(name).str.ends_with(" ").any()
        for name in names
    ).row(0)
    changed = [name for name, flag in zip(names, untidy, strict=True) if flag]
    if not changed:
        return frame
    return frame.with_columns(
        pl.when(pl.col(name).str.strip_chars() == "").then(None).otherwise(pl.col(name).str.strip_chars()).alias(name)
        for name in changed
    )


def _account_type_lowered(name: str) -> pl.Expr:
    """``Bank_Card:622...`` and ``bank_card:622...`` are one account: the type is case-blind."""
    account = pl.col(name)
    kind, value = account.str.extract(r"^([^:]*):"), account.str.extract(r"^[^:]*:(.*)$")
    return (
        pl.when(account.str.contains(":", literal=True))
        .then(pl.concat_str(kind.str.to_lowercase(), pl.lit(":"), value.str.strip_chars()))
        .otherwise(account)
        .alias(name)
    )


def _fast_times() -> pl.Expr:
    """The shape nearly every export uses (2026-03-01T21:14:00+08:00), in one vectorised pass.

    The local part goes through Polars' fast fixed-format path and the offset is subtracted as
    integer minutes: several times faster than parsing ``%z`` for ten million rows.
    """
    text = pl.col("timestamp")
    shaped = (text.str.len_bytes() == 25) & text.str.slice(19, 1).is_in(["+", "-"]) & (text.str.slice(22, 1) == ":")
    local = text.str.slice(0, 19).str.to_datetime("%Y-%m-%dT%H:%M:%S", strict=False, time_unit="us")
    sign = pl.when(text.str.slice(19, 1) == "-").then(-1).otherwise(1)
    minutes = sign * (
        text.str.slice(20, 2).cast(pl.Int64, strict=False) * 60 + text.str.slice(23, 2).cast(pl.Int64, strict=False)
    )
    utc = (local - pl.duration(minutes=minutes)).dt.replace_time_zone("UTC")
    return pl.when(shaped).then(utc).otherwise(None)


def _other_times(zone: tzinfo) -> pl.Expr:
    """Other ISO 8601 shapes (space separator, Z, slashed dates, no offset), for the few rows left."""
    text = (
        pl.col("timestamp").str.strip_chars()
        .str.replace(r"^(\d{4})/(\d{1,2})/(\d{1,2})", "$1-$2-$3")
        .str.replace(r"^(\d{4}-\d{1,2}-\d{1,2}) ", "${1}T")
        .str.replace(r"[Zz]$", "+00:00")
    )
    aware = [text.str.to_datetime(fmt, strict=False, time_unit="us").dt.convert_time_zone("UTC")
             for fmt in _WITH_OFFSET]
    naive = [text.str.to_datetime(fmt, strict=False, time_unit="us")
             .dt.replace_time_zone(str(zone), ambiguous="earliest", non_existent="null")
             .dt.convert_time_zone("UTC") for fmt in _NAIVE]
    return pl.when(text.str.contains(_OFFSET)).then(pl.coalesce(aware)).otherwise(pl.coalesce(naive))


def _checked(frame: pl.DataFrame, zone: tzinfo) -> pl.DataFrame:
    """Normalise cells and name each row's first problem in ``_code`` / ``_field`` (null if none)."""
    raw = frame.select([pl.col(name).alias(f"_raw_{name}") for name in frame.columns if name != "line"])
    codes = sorted(iso4217_codes())
    # Spaces around institution names change nothing that is checked; they are left as written.
    checked_text = ["txn_id", "from_account", "to_account", "amount", "currency", "rail", "report_id"]
    norm = _tidied(frame, checked_text).with_columns(
        pl.col("amount").alias("_amount_text"),
        pl.col("amount").cast(pl.Float64, strict=False).alias("_amount"),
        _fast_times().alias("_time"),
    )
    norm = _patched(norm, pl.col("currency").is_null() | pl.col("currency").str.contains("[a-z]"),
                    [pl.col("currency").str.to_uppercase().fill_null(DEFAULT_CURRENCY)])
    norm = _patched(norm, pl.col("rail").is_null() | pl.col("rail").str.contains("[A-Z]"),
                    [pl.col("rail").str.to_lowercase().fill_null("other")])
    norm = _patched(norm, pl.col("from_account").str.contains(r"^[A-Z]") | pl.col("to_account").str.contains(r"^[A-Z]"),
                    [_account_type_lowered("from_account"), _account_type_lowered("to_account")])
    problems: list[tuple[pl.Expr, str, str]] = [
        (pl.any_horizontal(pl.col(f"__spare_{i}").is_not_null() for i in range(_SPARE)), "bad_csv", ""),
        *[(pl.col(name).is_null(), "missing_field", name) for name in ("txn_id", "from_account", "to_account")],
        (pl.col("_raw_timestamp").is_null(), "missing_field", "timestamp"),
        (pl.col("_amount_text").is_null(), "missing_field", "amount"),
        (pl.col("_amount").is_null() | pl.col("_amount").is_nan() | pl.col("_amount").is_infinite(),
         "bad_amount", "amount"),
        (pl.col("_amount") <= 0, "non_positive_amount", "amount"),
        (~pl.col("currency").is_in(codes), "unknown_currency", "currency"),
        (~pl.col("rail").is_in(RAILS), "unknown_rail", "rail"),
        (~pl.col("from_account").str.contains(_ACCOUNT), "bad_account", "from_account"),
        (~pl.col("to_account").str.contains(_ACCOUNT), "bad_account", "to_account"),
        (pl.col("from_account") == pl.col("to_account"), "self_transfer", "to_account"),
    ]
    # One small-integer column names each row's first problem; code and field are looked up from it.
    first: pl.Expr = pl.lit(None, dtype=pl.Int8)
    for number in reversed(range(len(problems))):
        first = pl.when(problems[number][0].fill_null(False)).then(pl.lit(number, dtype=pl.Int8)).otherwise(first)
    codes_by_number = {number: code for number, (_, code, _) in enumerate(problems)}
    fields_by_number = {number: column or None for number, (_, _, column) in enumerate(problems)}
    return pl.concat([norm, raw], how="horizontal").with_columns(first.alias("_problem")).with_columns(
        pl.col("_problem").replace_strict(codes_by_number, default=None, return_dtype=pl.String).alias("_code"),
        pl.col("_problem").replace_strict(fields_by_number, default=None, return_dtype=pl.String).alias("_field"),
    )


def _patched(frame: pl.DataFrame, rows: pl.Expr, columns: list[pl.Expr]) -> pl.DataFrame:
    """Recompute ``columns`` on the (few) ``rows`` only: slow paths never touch the whole file."""
    subset = frame.filter(rows)
    if subset.height == 0:
        return frame
    patch = subset.select("line", *columns)
    return frame.update(patch, on="line", how="left")


def _with_fallback_times(frame: pl.DataFrame, zone: tzinfo) -> pl.DataFrame:
    """Rows whose time the fast format missed: other vectorised shapes, then one by one in Python."""
    frame = _patched(frame, pl.col("_time").is_null(), [_other_times(zone).alias("_time")])
    unread = frame.filter(pl.col("_code").is_null() & pl.col("_time").is_null())
    if unread.height:
        times = [_one_time(text, zone) for text in unread.get_column("timestamp").to_list()]
        patch = unread.select("line").with_columns(
            pl.Series("_late", times, dtype=pl.Datetime("us", "UTC"))
        )
        frame = frame.join(patch, on="line", how="left").with_columns(
            pl.coalesce("_time", "_late").alias("_time")
        ).drop("_late")
    bad = pl.col("_code").is_null() & pl.col("_time").is_null()
    return frame.with_columns(
        pl.when(bad).then(pl.lit("bad_timestamp")).otherwise("_code").alias("_code"),
        pl.when(bad).then(pl.lit("timestamp")).otherwise("_field").alias("_field"),
        pl.col("_time").alias("timestamp"),
        pl.col("_amount").alias("amount"),
    )


def _one_time(text: str | None, zone: tzinfo) -> Any:
    try:
        return parse_timestamp(text, zone)
    except ValueError:
        return None


def _with_duplicates(frame: pl.DataFrame) -> pl.DataFrame:
    """A txn_id seen earlier among the accepted rows: the later row is the duplicate."""
    ok = pl.col("_code").is_null()
    # Hashes first (cheap over ten million ids); only ids whose hash repeats are compared as text.
    maybe = frame.filter(pl.col("txn_id").hash().is_duplicated())
    repeated = maybe.filter(pl.col("txn_id").is_duplicated())
    if repeated.height == 0:
        return frame.with_columns(pl.lit(None, dtype=pl.Int64).alias("_first_line"))
    first_line = repeated.filter(ok).group_by("txn_id").agg(pl.col("line").min().alias("_first_line"))
    frame = frame.join(first_line, on="txn_id", how="left", maintain_order="left")
    duplicate = ok & (pl.col("line") != pl.col("_first_line"))
    return frame.with_columns(
        pl.when(duplicate).then(pl.lit("duplicate_id")).otherwise("_code").alias("_code"),
        pl.when(duplicate).then(pl.lit("txn_id")).otherwise("_field").alias("_field"),
    )


_MESSAGES = {
    "bad_csv": "row has more cells than the header",
    "missing_field": "required field {field!r} is empty",
    "bad_amount": "amount is not a number: {amount!r}",
    "non_positive_amount": "amount must be positive, got {amount!r}",
    "unknown_currency": "not an ISO 4217 currency code: {currency!r}",
    "unknown_rail": "rail must be one of " + ", ".join(RAILS) + "; got {rail!r}",
    "bad_account": "{field} must be written type:value, got {value!r}",
    "self_transfer": "from_account and to_account are the same account ({value!r})",
    "bad_timestamp": "not an ISO 8601 timestamp: {timestamp!r}",
    "duplicate_id": "duplicate txn_id {txn_id!r} (first seen on line {first})",
}


def _rejection(file: str, row: dict[str, Any], header: list[str]) -> Rejection:
    raw = {name: row[f"_raw_{name}"] for name in header}
    spare = [row[f"_raw___spare_{i}"] for i in range(_SPARE) if row[f"_raw___spare_{i}"] is not None]
    if spare:
        raw["__extra_cells__"] = spare
    code, field = row["_code"], row["_field"]
    error = _MESSAGES[code].format(
        field=field, value=row.get(field) if field else None, amount=raw.get("amount"),
        currency=raw.get("currency"), rail=raw.get("rail"), timestamp=raw.get("timestamp"),
        txn_id=row["txn_id"], first=row["_first_line"],
    )
    return Rejection(file, int(row["line"]), field, code, error, raw)
