"""Open a contract file as lines of text: encodings, BOMs, binary files and oversize lines.

The whole file is checked for its encoding before any row is read, so a GB18030 file is one clear
error naming the file (with the ``--encoding`` hint) instead of thousands of rejected rows.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from netwarden.errors import InputError

_SNIFF_BYTES = 64 * 1024
_CHUNK_BYTES = 1024 * 1024
RAW_KEEP_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Line:
    number: int
    text: str | None  # None when the line was over the size limit
    size: int
    head: str  # the first RAW_KEEP_BYTES of the line, for the rejected-row record


def _normalise_encoding(encoding: str | None) -> str:
    if encoding is None:
        return "utf-8-sig"
    try:
        name = codecs.lookup(encoding).name
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}", code="encoding_unknown") from exc
    return "utf-8-sig" if name == "utf-8" else name


def check_text_file(path: Path, encoding: str | None = None) -> str:
    """Return the codec to read ``path`` with, or raise a clear ``InputError``."""
    if not path.is_file():
        raise InputError(f"{path}: no such file", code="file_missing", file=str(path))
    codec = _normalise_encoding(encoding)
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
        if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise InputError(
                f"{path}: this is a binary file, not UTF-8 text (JSONL or CSV expected)",
                code="file_binary",
                file=str(path),
            )
        handle.seek(0)
        decoder = codecs.getincrementaldecoder(codec)(errors="strict")
        line_no, offset = 1, 0
        while chunk := handle.read(_CHUNK_BYTES):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                bad_at = offset + exc.start
                handle.seek(0)
                line_no += handle.read(bad_at).count(b"\n")
                hint = "" if encoding else (
                    "; if it is GB18030/GBK or another encoding, run again with --encoding gb18030 (or the right one)")
                raise InputError(
                    f"{path}: line {line_no} is not valid {codec.replace('-sig', '')} text{hint}",
                    code="file_encoding",
                    file=str(path),
                    line=line_no,
                ) from exc
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: the file ends inside a character", code="file_encoding") from exc
    return codec


def iter_lines(path: Path, codec: str, *, max_line_bytes: int) -> Iterator[Line]:
    """Yield each line of ``path``; a line over ``max_line_bytes`` is yielded with ``text=None``."""
    first = True
    with path.open("rb") as handle:
        number = 0
        while True:
            raw = handle.readline(max_line_bytes + 1)
            if not raw:
                return
            number += 1
            size = len(raw)
            if size > max_line_bytes and not raw.endswith(b"\n"):
                head = raw[:RAW_KEEP_BYTES]
                while (more := handle.readline(_CHUNK_BYTES)) and not more.endswith(b"\n"):
                    size += len(more)
                size += len(more)
                yield Line(number, None, size, head.decode(codec, errors="replace"))
                first = False
                continue
            if first and codec == "utf-8-sig" and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            first = False
            text = raw.decode(codec.replace("-sig", "") if codec == "utf-8-sig" else codec)
            yield Line(number, text.rstrip("\r\n"), size, "")
