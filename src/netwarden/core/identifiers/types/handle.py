"""Social and messenger handles as `platform:handle`, lower-cased.

Platforms are the FORMATS.md list; QQ and WeChat ids are their own types.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from netwarden.core.identifiers.cues import PLATFORM_CUES
from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.scan import Scan
from netwarden.core.identifiers.types._accounts import account_pattern, find_cued_accounts

PLATFORMS = tuple(PLATFORM_CUES)
_KINDS = frozenset(PLATFORMS)
_HANDLE = account_pattern(r"@?[A-Za-z0-9_][A-Za-z0-9_.]{2,31}|@[\u4e00-\u9fffA-Za-z0-9_]{2,20}")
_PHONE_PLATFORMS = frozenset({"whatsapp", "telegram", "line"})
_FLIGHT_RE = re.compile(r"[A-Z0-9]{2}\d{3,4}", re.IGNORECASE)
_CANONICAL_RE = re.compile(r"[a-z0-9_][a-z0-9_.]{1,31}|[\u4e00-\u9fffa-z0-9_]{2,20}")


def _find(scan: Scan) -> Iterator[Candidate]:
    for account in find_cued_accounts(scan, _KINDS, _HANDLE):
        platform = account.kind
        name = account.value.lstrip("@").lower()
        if name in PLATFORMS or (platform == "telegram" and _FLIGHT_RE.fullmatch(name)):
            continue
        if name.isdigit() and platform in _PHONE_PLATFORMS:
            continue  # a WhatsApp or Telegram "account" written as digits is a phone number
        yield Candidate("handle", f"{platform}:{name}", account.start, account.end, rank=80)


def normalise(value: str, region: str = "CN") -> str | None:
    platform, sep, name = value.strip().partition(":")
    platform = platform.strip().lower()
    name = name.strip().lstrip("@").lower()
    if not sep or platform not in PLATFORMS or not _CANONICAL_RE.fullmatch(name):
        return None
    return f"{platform}:{name}"


def validate(value: str) -> bool:
    return normalise(value) == value


TYPE = IdentifierType(
    name="handle",
    find=_find,
    normalise=normalise,
    validate=validate,
    description="Social / messenger accounts as platform:handle, lower-cased.",
)
