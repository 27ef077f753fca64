"""posts.jsonl: social-media posts for coordination analysis (FORMATS.md).

Validated line by line without a model object per row (orjson and plain checks), then held as
columns: a million posts are read in seconds. `account` is `platform:account_id`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import tzinfo
from pathlib import Path
from typing import Any

import polars as pl

from netwarden.formats.calls import Table, timestamps_utc
from netwarden.formats.rejections import Rejection
from netwarden.formats.reports import _jsonl_rows
from netwarden.formats.textfile import check_text_file

REQUIRED = ("post_id", "account_id", "created_at")
_TEXT_FIELDS = ("post_id", "platform", "account_id", "account_created_at", "created_at", "text", "repost_of",
                "reply_to", "target")


def _problem(data: Any) -> tuple[str | None, str, str] | None:
    if not isinstance(data, dict):
        return None, "not_object", "expected a JSON object"
    for name in REQUIRED:
        if data.get(name) in (None, ""):
            return name, "missing_field", f"required field {name!r} is missing"
    for name in _TEXT_FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, str | int):
            return name, "wrong_type", f"{name}: expected a string"
    urls = data.get("urls")
    if urls is not None and not (isinstance(urls, list) and all(isinstance(u, str) for u in urls)):
        return "urls", "wrong_type", "urls: expected a list of strings"
    return None


def _rows(path: Path, codec: str, max_line_bytes: int, seen: dict[str, int]) -> Iterator[tuple[int, Any]]:
    for number, data, rejection in _jsonl_rows(path, codec, max_line_bytes):
        if rejection is not None:
            yield number, rejection
            continue
        problem = _problem(data)
        if problem is None and str(data["post_id"]) in seen:
            problem = "post_id", "duplicate_id", f"duplicate post_id (first seen on line {seen[str(data['post_id'])]})"
        if problem is not None:
            yield number, Rejection(path.name, number, problem[0], problem[1], problem[2], data)
            continue
        seen[str(data["post_id"])] = number
        yield number, data


def read_posts(path: Path, *, zone: tzinfo, encoding: str | None = None,
               max_line_bytes: int = 5 * 1024 * 1024) -> Table:
    """Columns post_id, account, platform, account_id, account_created_at, created_at (UTC), text,
    urls, repost_of, reply_to, target, line."""
    codec = check_text_file(path, encoding)
    columns: dict[str, list[Any]] = {name: [] for name in (*_TEXT_FIELDS, "urls", "line")}
    rejections: list[Rejection] = []
    for number, row in _rows(path, codec, max_line_bytes, {}):
        if isinstance(row, Rejection):
            rejections.append(row)
            continue
        for name in _TEXT_FIELDS:
            value = row.get(name)
            columns[name].append(None if value is None else str(value))
        columns["urls"].append(row.get("urls") or [])
        columns["line"].append(number)
    frame = pl.DataFrame(columns, schema={**dict.fromkeys(_TEXT_FIELDS, pl.Utf8), "urls": pl.List(pl.Utf8),
                                          "line": pl.Int64})
    frame = frame.with_columns(timestamps_utc(frame["created_at"], zone).alias("created_at"),
                               timestamps_utc(frame["account_created_at"], zone).alias("account_created_at"),
                               (pl.col("platform").fill_null("unknown").str.to_lowercase() + ":"
                                + pl.col("account_id")).alias("account"))
    bad_time = frame.filter(pl.col("created_at").is_null())
    rejections += [Rejection(path.name, line, "created_at", "timestamp", "not an ISO 8601 timestamp", None)
                   for line in bad_time["line"].to_list()]
    good = frame.filter(pl.col("created_at").is_not_null())
    return Table(good, sorted(rejections, key=lambda r: r.line))
