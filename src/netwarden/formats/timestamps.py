"""ISO 8601 timestamps as people and systems really write them.

A timestamp without an offset is read in the configured zone (default Asia/Shanghai); every
timestamp leaves netwarden with an explicit offset.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

_SLASHED_DATE = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})")
_COMPACT_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")


def parse_timestamp(value: object, zone: tzinfo) -> datetime:
    """Parse ``value`` into an aware datetime or raise ``ValueError`` saying what was expected."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            raise ValueError("empty timestamp")
        try:
            # Python 3.11 reads every ISO 8601 form we accept; the rewrites below are for the rest.
            parsed = datetime.fromisoformat(text)
        except ValueError:
            parsed = _lenient(value, text)
    else:
        raise ValueError(f"expected an ISO 8601 timestamp string, got {type(value).__name__}")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return parsed


def _lenient(value: str, text: str) -> datetime:
    """Slashed dates (2026/3/1 21:14) and lower-case z, which fromisoformat does not take."""
    text = _SLASHED_DATE.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", text)
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    text = _COMPACT_OFFSET.sub(r"\1:\2", text) if "T" in text or " " in text else text
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not an ISO 8601 timestamp: {value!r}") from None


def format_timestamp(value: datetime) -> str:
    """ISO 8601 with an explicit offset (seconds precision)."""
    return value.isoformat(timespec="seconds")
