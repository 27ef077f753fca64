"""Payment card numbers: 13–19 digits, `valid` = Luhn.

A 16–19 digit run with no cue counts only when it passes Luhn and starts like a card (Visa 4,
Mastercard 5, UnionPay 6, JCB 35); order and tracking numbers rarely do both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import luhn

from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.scan import Scan

CUED_RANK = 72
UNCUED_RANK = 40


def luhn_ok(digits: str) -> bool:
    return digits.isdigit() and bool(luhn.is_valid(digits))


def plausible_card(digits: str) -> bool:
    """16–19 digits passing Luhn with a card issuer's first digits: Visa 4, Mastercard 5,
    UnionPay / Discover 6, JCB 35. Order numbers and corporate accounts rarely have all three."""
    return 16 <= len(digits) <= 19 and (digits[0] in "456" or digits.startswith("35")) and luhn_ok(digits)


def _find(scan: Scan) -> Iterator[Candidate]:
    for piece in scan.number_pieces:
        digits = piece.digits
        if not 13 <= len(digits) <= 19 or piece.plus or piece.amount_after:
            continue
        if piece.cue == "card":
            yield Candidate(
                "bank_card",
                digits,
                piece.start,
                piece.end,
                partial=not piece.whole_run,
                rank=CUED_RANK,
                valid=luhn_ok(digits),
            )
        elif piece.cue == "account" and plausible_card(digits):
            yield Candidate("bank_card", digits, piece.start, piece.end, partial=not piece.whole_run, rank=CUED_RANK)
        elif piece.cue is None and plausible_card(digits):
            yield Candidate("bank_card", digits, piece.start, piece.end, partial=not piece.whole_run, rank=UNCUED_RANK)


def normalise(value: str, region: str = "CN") -> str | None:
    digits = re.sub(r"[\s\-]", "", value)
    if not digits.isdigit() or not 13 <= len(digits) <= 19:
        return None
    return digits


def display(value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


def mask(value: str) -> str:
    """6222021234567890128 -> 6222****0128 (the form banks print on receipts)."""
    return value[:4] + "****" + value[-4:]


TYPE = IdentifierType(
    name="bank_card",
    find=_find,
    normalise=normalise,
    validate=luhn_ok,
    format=display,
    mask=mask,
    sensitive=True,
    description="Payment card numbers, digits only; valid = Luhn check.",
)
