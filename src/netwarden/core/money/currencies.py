"""ISO 4217 currency codes, from the list shipped with the package (Python has none built in)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_CODES_FILE = Path(__file__).with_name("iso4217.txt")


@cache
def iso4217_codes() -> frozenset[str]:
    """The active alphabetic codes (``CNY``, ``USD``, ...)."""
    words = (
        word
        for line in _CODES_FILE.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
        for word in line.split()
    )
    return frozenset(words)
