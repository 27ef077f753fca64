"""Reading a JSONL contract file whose rows each carry a unique id: the loop every reader shares."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from netwarden.formats.rejections import Rejection
from netwarden.formats.reports import _jsonl_rows, _pydantic_rejection
from netwarden.formats.textfile import check_text_file

T = TypeVar("T")


def read_records(
    path: Path, *, parse: Callable[[dict[str, Any]], T], id_field: str, id_of: Callable[[T], str],
    encoding: str | None = None, max_line_bytes: int = 5 * 1024 * 1024,
) -> Iterator[T | Rejection]:
    """Yield a parsed record or a rejection for every row; ``InputError`` only for an unreadable file.

    ``parse`` raises ``ValidationError`` for a bad row; a repeated id is rejected naming its first line.
    """
    codec = check_text_file(path, encoding)
    seen: dict[str, int] = {}
    for number, data, rejection in _jsonl_rows(path, codec, max_line_bytes):
        if rejection is not None:
            yield rejection
            continue
        if not isinstance(data, dict):
            yield Rejection(path.name, number, None, "not_object", "expected a JSON object", data)
            continue
        try:
            record = parse(data)
        except ValidationError as exc:
            yield _pydantic_rejection(exc, file=path.name, line=number, raw=data)
            continue
        key = id_of(record)
        if key in seen:
            yield Rejection(path.name, number, id_field, "duplicate_id",
                            f"duplicate {id_field} {key!r} (first seen on line {seen[key]})", data)
            continue
        seen[key] = number
        yield record
