"""Bitcoin addresses: Base58Check (1…, 3…) and bech32/bech32m (bc1…, lower-cased)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from stdnum import bitcoin

from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.patterns import glued
from netwarden.core.identifiers.scan import Scan

_BTC_RE = re.compile(r"(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}|(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{11,87})(?![A-Za-z0-9])")


def _find(scan: Scan) -> Iterator[Candidate]:
    for match in _BTC_RE.finditer(scan.text):
        if glued(scan.text, match.start()):
            continue
        address = normalise(match.group())
        if address is not None and validate(address):
            yield Candidate("crypto_btc", address, match.start(), match.end(), rank=90)


def normalise(value: str, region: str = "CN") -> str | None:
    address = value.strip()
    if address.lower().startswith("bc1"):
        return address.lower()
    return address if re.fullmatch(r"[13][1-9A-HJ-NP-Za-km-z]{25,34}", address) else None


@lru_cache(maxsize=4096)
def validate(value: str) -> bool:
    return bool(bitcoin.is_valid(value))


TYPE = IdentifierType(
    name="crypto_btc",
    find=_find,
    normalise=normalise,
    validate=validate,
    description="Bitcoin addresses as given (bech32 lower-cased); base58check / bech32 checked.",
)
