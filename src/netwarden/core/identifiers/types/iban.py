"""IBANs: upper-case without spaces; valid = ISO 13616 mod-97 check (python-stdnum)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import iban as stdnum_iban

from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.patterns import glued
from netwarden.core.identifiers.scan import Scan

_IBAN_RE = re.compile(r"[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}(?![a-z0-9])")
_MIN_LENGTH = 15


def _find(scan: Scan) -> Iterator[Candidate]:
    for match in _IBAN_RE.finditer(scan.text):
        if glued(scan.text, match.start()):
            continue
        raw = match.group()
        # The greedy run may swallow a following upper-case word; shrink until the check passes.
        positions = [i for i, char in enumerate(raw) if char != " "]
        for length in range(len(positions), _MIN_LENGTH - 1, -1):
            compact = "".join(raw[i] for i in positions[:length])
            if stdnum_iban.is_valid(compact):
                end = match.start() + positions[length - 1] + 1
                yield Candidate("iban", compact, match.start(), end, rank=90)
                break


def normalise(value: str, region: str = "CN") -> str | None:
    compact = re.sub(r"[\s\-]", "", value).upper()
    return compact if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact) else None


def validate(value: str) -> bool:
    return bool(stdnum_iban.is_valid(value))


def display(value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


TYPE = IdentifierType(
    name="iban",
    find=_find,
    normalise=normalise,
    validate=validate,
    format=display,
    mask=lambda value: value[:4] + "****" + value[-4:],
    sensitive=True,
    description="International bank account numbers, upper-case, no spaces; mod-97 checked.",
)
