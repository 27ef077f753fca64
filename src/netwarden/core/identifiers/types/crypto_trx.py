"""TRON addresses: Base58Check with version byte 0x41, so they start with T."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.patterns import glued
from netwarden.core.identifiers.scan import Scan
from netwarden.core.identifiers.types._base58 import decode_check

_TRX_RE = re.compile(r"T[1-9A-HJ-NP-Za-km-z]{33}(?![A-Za-z0-9])")


def _find(scan: Scan) -> Iterator[Candidate]:
    if "T" not in scan.text:
        return
    for match in _TRX_RE.finditer(scan.text):
        if glued(scan.text, match.start()):
            continue
        if validate(match.group()):
            yield Candidate("crypto_trx", match.group(), match.start(), match.end(), rank=90)


def normalise(value: str, region: str = "CN") -> str | None:
    address = value.strip()
    return address if _TRX_RE.fullmatch(address) else None


@lru_cache(maxsize=4096)
def validate(value: str) -> bool:
    payload = decode_check(value)
    return payload is not None and len(payload) == 21 and payload[0] == 0x41


TYPE = IdentifierType(
    name="crypto_trx",
    find=_find,
    normalise=normalise,
    validate=validate,
    description="TRON (TRC-20 USDT) addresses as given; base58check, version 0x41.",
)
