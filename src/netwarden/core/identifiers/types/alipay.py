"""Alipay accounts: a phone number or an email after an Alipay cue; yields both."""

from __future__ import annotations

import re
from collections.abc import Iterator

from netwarden.core.identifiers.model import Candidate, IdentifierType, keep_ends
from netwarden.core.identifiers.scan import Scan
from netwarden.core.identifiers.types.email import email_matches
from netwarden.core.identifiers.types.phone import phone_from_digits

_VALUE_RE = re.compile(r"\d{5,15}|[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}")


def _find(scan: Scan) -> Iterator[Candidate]:
    for piece in scan.number_pieces:
        if not 5 <= len(piece.digits) <= 15 or piece.plus or piece.cue != "alipay":
            continue
        e164 = phone_from_digits(piece.digits, False, scan.region)
        if e164 is None:
            continue
        group = f"alipay@{piece.start}"
        yield Candidate(
            "alipay", piece.digits, piece.start, piece.end, partial=not piece.whole_run, rank=80, group=group
        )
        yield Candidate("phone", e164, piece.start, piece.end, partial=not piece.whole_run, rank=80, group=group)
    for start, end, address in email_matches(scan):
        if scan.cue_before(start) == "alipay":
            group = f"alipay@{start}"
            yield Candidate("alipay", address, start, end, rank=100, group=group)
            yield Candidate("email", address, start, end, rank=100, group=group)


def normalise(value: str, region: str = "CN") -> str | None:
    compact = re.sub(r"\s", "", value).lower()
    if re.fullmatch(r"[+\d\-]+", compact):
        compact = re.sub(r"\D", "", compact)
    return compact if _VALUE_RE.fullmatch(compact) else None


def validate(value: str) -> bool:
    return normalise(value) == value


TYPE = IdentifierType(
    name="alipay",
    find=_find,
    normalise=normalise,
    validate=validate,
    mask=lambda value: keep_ends(value, head=3, tail=4),
    description="Alipay accounts (a phone number or an email), lower-cased; yields the phone/email too.",
)
