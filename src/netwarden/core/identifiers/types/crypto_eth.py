"""Ethereum (and EVM-chain) addresses: lower-case 0x + 40 hex digits.

An address written in mixed case carries an EIP-55 checksum; a found address whose checksum
fails (a typo) is kept with `valid` false. All-lower or all-upper addresses carry none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.patterns import glued
from netwarden.core.identifiers.scan import Scan
from netwarden.core.identifiers.types._keccak import keccak256

_ETH_RE = re.compile(r"0[xX][0-9a-fA-F]{40}(?![A-Za-z0-9])")
_CANONICAL_RE = re.compile(r"0x[0-9a-f]{40}")


def _find(scan: Scan) -> Iterator[Candidate]:
    if "0x" not in scan.text and "0X" not in scan.text:
        return
    for match in _ETH_RE.finditer(scan.text):
        if glued(scan.text, match.start()):
            continue
        written = match.group()
        yield Candidate("crypto_eth", written.lower(), match.start(), match.end(), rank=90, valid=checksum_ok(written))


def normalise(value: str, region: str = "CN") -> str | None:
    address = value.strip().lower()
    return address if _CANONICAL_RE.fullmatch(address) else None


def validate(value: str) -> bool:
    return _CANONICAL_RE.fullmatch(value) is not None


@lru_cache(maxsize=16384)
def checksum_ok(written: str) -> bool:
    """EIP-55: in a mixed-case address, letter i is upper-case iff hex digit i of the hash is >= 8."""
    digits = written[2:]
    if digits == digits.lower() or digits == digits.upper():
        return True
    hashed = keccak256(digits.lower().encode("ascii")).hex()
    return all((char.isupper() == (int(hashed[index], 16) >= 8)) for index, char in enumerate(digits) if char.isalpha())


TYPE = IdentifierType(
    name="crypto_eth",
    find=_find,
    normalise=normalise,
    validate=validate,
    description="Ethereum / EVM addresses, lower-case 0x + 40 hex.",
)
