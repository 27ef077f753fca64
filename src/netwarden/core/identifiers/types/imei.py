"""IMEI device numbers: 15 digits with an IMEI cue (IMEI, 串号, 设备号); valid = Luhn."""

from __future__ import annotations

import re
from collections.abc import Iterator

from netwarden.core.identifiers.model import Candidate, IdentifierType, keep_ends
from netwarden.core.identifiers.scan import Scan
from netwarden.core.identifiers.types.bank_card import luhn_ok


def _find(scan: Scan) -> Iterator[Candidate]:
    for piece in scan.number_pieces:
        if len(piece.digits) == 15 and piece.cue == "imei":
            yield Candidate(
                "imei",
                piece.digits,
                piece.start,
                piece.end,
                partial=not piece.whole_run,
                rank=75,
                valid=luhn_ok(piece.digits),
            )


def normalise(value: str, region: str = "CN") -> str | None:
    digits = re.sub(r"[\s\-/]", "", value)
    return digits if re.fullmatch(r"\d{15}", digits) else None


TYPE = IdentifierType(
    name="imei",
    find=_find,
    normalise=normalise,
    validate=luhn_ok,
    mask=lambda value: keep_ends(value, head=8, tail=2),
    description="IMEI device numbers, 15 digits, Luhn checked; only with an IMEI cue.",
)
