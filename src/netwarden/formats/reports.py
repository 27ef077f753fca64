"""reports.jsonl and reports.csv: one victim's or referrer's report per row (FORMATS.md)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from netwarden.errors import InputError
from netwarden.formats.rejections import Rejection
from netwarden.formats.textfile import check_text_file, iter_lines
from netwarden.formats.timestamps import parse_timestamp

Channel = Literal["web", "hotline", "app", "platform", "referral", "other"]
Role = Literal["suspect", "victim", "unknown"]
REQUIRED_FIELDS = ("report_id", "received_at", "text")
CSV_VICTIM_COLUMNS = ("age", "gender", "region", "occupation")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_TYPE_NAME = re.compile(r"^[a-z][a-z0-9_]{1,31}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True, frozen=True)


class VictimIn(_Strict):
    age: int | None = Field(default=None, ge=0, le=120, strict=True)
    gender: str | None = Field(default=None, max_length=32)
    region: str | None = Field(default=None, max_length=64)
    occupation: str | None = Field(default=None, max_length=128)


class GivenIdentifier(_Strict):
    type: str = Field(max_length=32)
    value: str = Field(min_length=1, max_length=512)
    role: Role = "unknown"

    @field_validator("type")
    @classmethod
    def _known_shape(cls, value: str) -> str:
        value = value.lower()
        if not _TYPE_NAME.match(value):
            raise PydanticCustomError("identifier_type", "not an identifier type name: {value}", {"value": value})
        return value


class MessageIn(_Strict):
    sender: str = Field(default="unknown", alias="from", max_length=64)
    at: datetime | None = None
    text: str = Field(default="", max_length=100_000)


class ReportIn(_Strict):
    """A validated report. Unknown fields are kept in ``model_extra`` and passed through."""

    report_id: str = Field(min_length=1, max_length=128)
    received_at: datetime
    text: str = Field(min_length=1)
    channel: Channel = "other"
    victim: VictimIn = Field(default_factory=VictimIn)
    amount_lost: Decimal | None = Field(default=None, ge=0, max_digits=18, decimal_places=2)
    currency: str = "CNY"
    last_payment_at: datetime | None = None
    identifiers: list[GivenIdentifier] = Field(default_factory=list, max_length=500)
    messages: list[MessageIn] = Field(default_factory=list, max_length=2000)

    @field_validator("report_id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        # Spreadsheets turn ids into numbers; an integer id is still an id.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("channel", mode="before")
    @classmethod
    def _channel_case(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("currency", mode="before")
    @classmethod
    def _currency_code(cls, value: object) -> object:
        if value is None or value == "":
            return "CNY"
        if not isinstance(value, str) or not _CURRENCY.match(value.strip().upper()):
            raise PydanticCustomError("currency", "not an ISO 4217 currency code: {value}", {"value": value})
        return value.strip().upper()

    @property
    def extra(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


def _pydantic_rejection(exc: ValidationError, *, file: str, line: int, raw: Any) -> Rejection:
    first = exc.errors(include_url=False)[0]
    field = ".".join(str(part) for part in first["loc"]) or None
    kind = first["type"]
    if kind == "missing":
        code, message = "missing_field", f"required field {field!r} is missing"
    elif kind in {"timestamp", "currency", "identifier_type", "too_long"}:
        code, message = kind, first["msg"]
    elif kind in {"string_too_short"} and field == "text":
        code, message = "empty_text", "text is empty"
    elif kind.endswith(("_type", "_parsing")) or kind in {"literal_error", "decimal_type"}:
        code, message = "wrong_type", f"{field}: {first['msg']}"
    else:
        code, message = "invalid_value", f"{field}: {first['msg']}"
    return Rejection(file, line, field, code, message, raw)


def report_from_mapping(
    data: Mapping[str, Any], *, zone: tzinfo, max_text_chars: int
) -> ReportIn:
    """Validate one report object; raises ``ValidationError`` describing the first problem."""
    prepared = dict(data)
    for key in ("received_at", "last_payment_at"):
        if prepared.get(key) not in (None, ""):
            try:
                prepared[key] = parse_timestamp(prepared[key], zone)
            except ValueError as exc:
                raise ValidationError.from_exception_data(
                    "ReportIn",
                    [{"type": PydanticCustomError("timestamp", "{field}: {reason}", {"field": key, "reason": str(exc)}),
                      "loc": (key,), "input": prepared[key]}],
                ) from None
        else:
            # An empty time is a missing one: received_at is then reported as missing.
            prepared.pop(key, None)
    text = prepared.get("text")
    if isinstance(text, str):
        if not text.strip():
            prepared["text"] = ""
        elif len(text) > max_text_chars:
            raise ValidationError.from_exception_data(
                "ReportIn",
                [{"type": PydanticCustomError("too_long", "text is {size} characters; the limit is {limit}",
                                              {"size": len(text), "limit": max_text_chars}),
                  "loc": ("text",), "input": text[:100]}],
            )
    messages = prepared.get("messages")
    if isinstance(messages, list):
        prepared["messages"] = [_message_times(m, zone) for m in messages]
    return ReportIn.model_validate(prepared)


def _message_times(message: object, zone: tzinfo) -> object:
    if isinstance(message, dict) and isinstance(message.get("at"), str):
        try:
            return {**message, "at": parse_timestamp(message["at"], zone)}
        except ValueError:
            return message
    return message


@dataclass(frozen=True, slots=True)
class ParsedReport:
    """A row that passed validation, with the payload as it was written (stored as ``raw``)."""

    line: int
    report: ReportIn
    raw: dict[str, Any]


def _validated(
    data: Any, *, file: str, line: int, zone: tzinfo, max_text_chars: int, seen: dict[str, int]
) -> ParsedReport | Rejection:
    if not isinstance(data, dict):
        return Rejection(file, line, None, "not_object", f"expected a JSON object, got {type(data).__name__}", data)
    try:
        record = report_from_mapping(data, zone=zone, max_text_chars=max_text_chars)
    except ValidationError as exc:
        return _pydantic_rejection(exc, file=file, line=line, raw=data)
    if record.report_id in seen:
        return Rejection(
            file, line, "report_id", "duplicate_id",
            f"duplicate report_id {record.report_id!r} (first seen on line {seen[record.report_id]})", data,
        )
    seen[record.report_id] = line
    return ParsedReport(line, record, data)


def _jsonl_rows(path: Path, codec: str, max_line_bytes: int) -> Iterator[tuple[int, Any, Rejection | None]]:
    for line in iter_lines(path, codec, max_line_bytes=max_line_bytes):
        if line.text is None:
            yield line.number, None, Rejection(
                path.name, line.number, None, "line_too_long",
                f"line is {line.size} bytes; the limit is {max_line_bytes} (first 64 KiB kept in raw)",
                line.head, {"size": line.size},
            )
            continue
        if not line.text.strip():
            continue
        try:
            yield line.number, orjson.loads(line.text), None
        except orjson.JSONDecodeError as exc:
            yield line.number, None, Rejection(
                path.name, line.number, None, "bad_json", f"malformed JSON: {exc.msg} at column {exc.colno}", line.text
            )


def _csv_rows(path: Path, codec: str, max_line_bytes: int) -> Iterator[tuple[int, Any, Rejection | None]]:
    text_codec = "utf-8" if codec == "utf-8-sig" else codec
    with path.open("r", encoding=text_codec, newline="") as handle:
        if codec == "utf-8-sig" and handle.read(1) != "\ufeff":
            handle.seek(0)
        csv.field_size_limit(max_line_bytes)
        reader = csv.reader(handle)
        try:
            header = [name.strip() for name in next(reader)]
        except StopIteration:
            return
        missing = [name for name in REQUIRED_FIELDS if name not in header]
        if missing:
            raise InputError(
                f"{path}: missing required column(s) {', '.join(missing)}; the header has: {', '.join(header)}",
                code="csv_missing_column", file=str(path), columns=missing,
            )
        start = reader.line_num + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, None, Rejection(path.name, start, None, "bad_csv", f"malformed CSV: {exc}", None)
                start = reader.line_num + 1
                continue
            number, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                raw = dict(zip(header, cells, strict=False))
                yield number, None, Rejection(
                    path.name, number, None, "bad_csv",
                    f"row has {len(cells)} cells; the header has {len(header)}", raw,
                )
                continue
            yield number, _unflatten_csv(dict(zip(header, cells, strict=True))), None


def _unflatten_csv(row: dict[str, str]) -> dict[str, Any]:
    """Turn the flat CSV columns back into the nested JSON shape of the contract."""
    out: dict[str, Any] = {}
    victim: dict[str, Any] = {}
    for key, cell in row.items():
        value: Any = cell.strip()
        if value == "":
            continue
        if key.startswith("victim_") and key[7:] in CSV_VICTIM_COLUMNS:
            if key == "victim_age":
                value = int(value) if value.isdigit() else value
            victim[key[7:]] = value
        elif key == "identifiers":
            out[key] = [_typed_identifier(part) for part in value.split(";") if part.strip()]
        else:
            out[key] = value
    if victim:
        out["victim"] = victim
    return out


def _typed_identifier(text: str) -> dict[str, str]:
    kind, sep, value = text.strip().partition(":")
    if not sep:
        # No "type:" prefix: keep the whole text as the type so validation names the bad cell.
        return {"type": text.strip(), "value": text.strip(), "role": "suspect"}
    return {"type": kind.strip(), "value": value.strip(), "role": "suspect"}


def parse_report_objects(
    objects: Iterable[tuple[int, Any]], *, file: str, zone: tzinfo, max_text_chars: int
) -> Iterator[ParsedReport | Rejection]:
    """Validate already-decoded objects (an API body), numbering rows by the given line."""
    seen: dict[str, int] = {}
    for line, data in objects:
        yield _validated(data, file=file, line=line, zone=zone, max_text_chars=max_text_chars, seen=seen)


def read_reports(
    path: Path, *, zone: tzinfo, encoding: str | None = None, max_text_chars: int = 100_000,
    max_line_bytes: int = 5 * 1024 * 1024,
) -> Iterator[ParsedReport | Rejection]:
    """Yield a parsed report or a rejection for every row of a reports.jsonl / reports.csv file.

    Raises ``InputError`` only for a file that cannot be read at all.
    """
    codec = check_text_file(path, encoding)
    rows = _csv_rows if path.suffix.lower() == ".csv" else _jsonl_rows
    seen: dict[str, int] = {}
    for number, data, rejection in rows(path, codec, max_line_bytes):
        if rejection is not None:
            yield rejection
        else:
            yield _validated(
                data, file=path.name, line=number, zone=zone, max_text_chars=max_text_chars, seen=seen
            )
