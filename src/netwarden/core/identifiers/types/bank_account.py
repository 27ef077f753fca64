"""Bank account numbers that are not card numbers (corporate and foreign accounts)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from netwarden.core.identifiers.model import Candidate, IdentifierType, keep_ends
from netwarden.core.identifiers.scan import Scan
from netwarden.core.identifiers.types.bank_card import plausible_card
from netwarden.core.identifiers.types.phone import phone_from_digits

_ACCOUNT_RE = re.compile(r"[0-9A-Z]{6,34}")


def _find(scan: Scan) -> Iterator[Candidate]:
    for piece in scan.number_pieces:
        digits = piece.digits
        if not 8 <= len(digits) <= 30 or piece.plus or piece.cue not in ("account", "corporate") or piece.amount_after:
            continue
        if piece.cue == "account" and plausible_card(digits):
            continue
        if phone_from_digits(digits, False, scan.region) is not None:
            continue
        yield Candidate("bank_account", digits, piece.start, piece.end, partial=not piece.whole_run, rank=60)


def normalise(value: str, region: str = "CN") -> str | None:
    compact = re.sub(r"[\s\-]", "", value).upper()
    return compact if _ACCOUNT_RE.fullmatch(compact) else None


def validate(value: str) -> bool:
    return _ACCOUNT_RE.fullmatch(value) is not None


def mask(value: str) -> str:
    return value[:4] + "****" + value[-4:] if len(value) > 8 else keep_ends(value, head=0, tail=2)


TYPE = IdentifierType(
    name="bank_account",
    find=_find,
    normalise=normalise,
    validate=validate,
    mask=mask,
    sensitive=True,
    description="Non-card bank account numbers, digits and letters only.",
)
