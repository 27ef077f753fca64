"""Ethereum (and EVM-chain) addresses: lower-case 0x + 40 hex digits.

Mixed-case EIP-55 checksums are not verified: the standard library has no Keccak-256, and the
canonical form is lower-case anyway, so `valid` means well-formed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.patterns import glued
from netwarden.core.identifiers.scan import Scan

_ETH_RE = re.compile(r"0[xX][0-9a-fA-F]{40}(?![A-Za-z0-9])")
_CANONICAL_RE = re.compile(r"0x[0-9a-f]{40}")


def _find(scan: Scan) -> Iterator[Candidate]:
    if "0x" not in scan.text and "0X" not in scan.text:
        return
    for match in _ETH_RE.finditer(scan.text):
        if glued(scan.text, match.start()):
            continue
        yield Candidate("crypto_eth", match.group().lower(), match.start(), match.end(), rank=90)


def normalise(value: str, region: str = "CN") -> str | None:
    address = value.strip().lower()
    return address if _CANONICAL_RE.fullmatch(address) else None


def validate(value: str) -> bool:
    return _CANONICAL_RE.fullmatch(value) is not None


TYPE = IdentifierType(
    name="crypto_eth",
    find=_find,
    normalise=normalise,
    validate=validate,
    description="Ethereum / EVM addresses, lower-case 0x + 40 hex.",
)
